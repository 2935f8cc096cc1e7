"""The value parser on every value form the curated plans use, and on explicit cases."""
from __future__ import annotations

import pytest

from plancmp.core.values import ValueError_, parse_value

from conftest import DATA, read_yaml


def _values_in_plans() -> list[tuple[str, str]]:
    out = set()
    for path in sorted((DATA / "plans").glob("*.yaml")):
        data = read_yaml(path)
        for t in data.get("targets") or []:
            out.add((path.stem, str(t["target"])))
            if t.get("baseline"):
                out.add((path.stem, str(t["baseline"]["value"])))
    return sorted(out)


@pytest.mark.parametrize("plan,raw", _values_in_plans(), ids=lambda x: str(x))
def test_every_value_in_the_plans_is_readable(plan, raw):
    value = parse_value(raw)
    assert value.empty or value.numeric or value.qualitative, raw


@pytest.mark.parametrize("raw,comparator,number,unit", [
    ("≥3", "≥", 3, None), (">90%", ">", 90, "%"), ("＞90％", ">", 90, "%"), ("85%以上", "≥", 85, "%"),
    ("不低于55%", "≥", 55, "%"), ("不少于0.1平方米", "≥", 0.1, "平方米"), ("控制在5%以内", "≤", 5, "%"),
    ("不超过70平方米", "≤", 70, "平方米"), ("34个左右", "≈", 34, "个"), ("力争达到4.5个", "=", 4.5, "个"),
    ("至少办好一所", "≥", 1, "所"), ("〔125〕", "=", 125, None), ("5-10分钟", "range", 5, "分钟"),
    ("3 . 8", "=", 3.8, None),
])
def test_numeric_forms(raw, comparator, number, unit):
    v = parse_value(raw)
    assert (v.comparator, v.number, v.unit) == (comparator, number, unit)


def test_flags_and_words():
    assert parse_value("〔125〕").cumulative
    assert parse_value("力争实现80%").aspirational
    assert parse_value("应保尽保").level == "full"
    assert parse_value("基本覆盖").level == "partial"
    assert parse_value("覆盖全部县(市、区)").level == "full"
    assert parse_value("——").empty and parse_value("/").empty


def test_unreadable_value_says_what_was_expected():
    with pytest.raises(ValueError_, match="expected a number"):
        parse_value("大幅提升某物")


@pytest.mark.parametrize("raw", ["应保尽保", "覆盖全部县(市、区)"])
def test_a_full_word_reads_as_a_hundred_percent(raw):
    """What compare and consistency weigh a full word as: =100 with % as its unit (it was
    built positionally, so "%" landed in `high`, the upper end of a range)."""
    hundred = parse_value(raw).as_hundred()
    assert (hundred.comparator, hundred.number, hundred.unit, hundred.high) == ("=", 100.0, "%", None)
    assert hundred.describe() == "=100%"
    assert parse_value("基本覆盖").as_hundred() is None and parse_value("90%").as_hundred() is None
