"""A plan against itself: statements of one indicator for one year that disagree."""
from __future__ import annotations

import json
import re

import pytest

from plancmp.cli import app
from plancmp.ingest import consistency

from conftest import DATA
from helpers_plans import plan, target


def test_validate_reports_the_three_kinds_with_both_lines(runner):
    result = runner.invoke(app, ["validate", "--format", "json"])
    found = {(f["code"], f["file"].split("/")[-1]): f for f in json.loads(result.output)["findings"]}
    life = found[("inconsistent-value", "fujian.yaml")]
    assert "78.38" in life["message"] and "78.33" in life["message"]
    # the source says both: the data accepts the warning (tests/ingest/test_accept.py), a note with the reason
    assert life["severity"] == "note" and re.search(r"\(accepted: .+\)$", life["message"])
    first, again = map(int, re.search(r"fujian\.txt:(\d+) and :(\d+)", life["message"]).groups())
    lines = (DATA / "sources" / "fujian.txt").read_text(encoding="utf-8").split("\n")
    assert "".join(lines[first - 1].split()) in "病有所医人均预期寿命(岁)78.3879.63预期性"   # the table row starts there
    assert "人均期望寿命78.33岁" in "".join(lines[again - 1].split())                     # the 发展基础 sentence
    beds = found[("possibly-inconsistent", "liaoning.yaml")]
    assert beds["severity"] == "note" and "23.55" in beds["message"] and "37.76" in beds["message"]
    nursery = found[("stretch-value", "liaoning.yaml")]
    assert nursery["severity"] == "note" and "力争达到4.5个" in nursery["message"]


def test_notes_stay_notes_with_strict_and_are_notices_for_github(runner):
    result = runner.invoke(app, ["validate", "--strict", "--format", "json"])
    codes = {f["code"]: f["severity"] for f in json.loads(result.output)["findings"]}
    assert codes["stretch-value"] == "note" and codes["inconsistent-value"] == "note"   # accepted: stays a note
    github = runner.invoke(app, ["validate", "--format", "github"]).output
    assert "::notice " in github and "stretch-value" in github


def _pair(first_value, again_value, indicator="人均预期寿命", again_indicator=None, year=2025, again_year=2025,
          baseline=None, flags=()):
    p = plan("fujian")
    first = target(p, "first", indicator, first_value, "岁", baseline=baseline, year=year)
    again = target(p, "again", again_indicator or indicator, again_value, "岁", year=again_year, restates="first",
                   basis="text", flags=flags)
    return consistency.compare(first, again)


@pytest.mark.parametrize("first,again,verdict", [
    ("≥3", "3个", consistency.AGREES),                      # one value, two wordings
    ("应保尽保", "全覆盖", consistency.AGREES),              # both full
    ("覆盖全部县(市、区)", "100%", consistency.AGREES),     # full counts as 100%
    ("55%", "稳步提高", consistency.AGREES),                 # a direction contradicts no value
    ("4.5", "力争达到5", consistency.STRETCH),
    ("79.63", "80", consistency.INCONSISTENT),
])
def test_values_of_one_year(first, again, verdict):
    assert _pair(first, again).verdict == verdict


def test_a_2020_figure_is_compared_with_the_baseline_and_names_decide_how_softly():
    check = _pair("79.63", "78.33岁", again_indicator="人均期望寿命", baseline="78.38", again_year=2020)
    assert check.verdict == consistency.INCONSISTENT and check.first_value == "78.38"   # 期望 = 预期 (vocabulary)
    check = _pair("25.55", "37.76", indicator="养老服务床位总量", again_indicator="社会养老床位总数",
                  baseline="23.55", again_year=2020)
    assert check.verdict == consistency.POSSIBLY
    assert _pair("79.63", "70", again_year=2015, baseline="78.38") is None   # no statement of 2015 to compare


def test_show_and_diff_name_the_disagreement(runner):
    data = json.loads(runner.invoke(app, ["show", "fujian", "life-expectancy", "-f", "json"]).output)
    assert [c["verdict"] for c in data["consistency"]] == ["inconsistent-value"]
    rows = json.loads(runner.invoke(app, ["diff", "national", "fujian", "--kind", "targets", "-f", "json"]).output)["rows"]
    [row] = [r for r in rows if r["left"] and r["left"]["id"] == "life-expectancy"]
    assert any("78.33" in n and "inconsistent-value" in n for n in (note["text"] for note in row["notes"]))
