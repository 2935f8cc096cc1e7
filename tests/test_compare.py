"""Every verdict, on small synthetic plans."""
from __future__ import annotations

import pytest

from plancmp.compare import diff
from plancmp.verdicts import status_from_text

from helpers_plans import gap, plan, service, target, task


def _one(a, b, kind="targets"):
    rows = diff(a, b, kinds=(kind,)).rows
    return rows


def _pair(a_value, b_value, indicator="养老机构护理型床位占比", unit="%", **kw):
    a, b = plan("national", "national", "全国"), plan("liaoning")
    target(a, "x", indicator, a_value, unit, **kw.get("a", {}))
    target(b, "x", indicator, b_value, unit, **kw.get("b", {}))
    [row] = _one(a, b)
    return row


@pytest.mark.parametrize("a_value,b_value,status", [
    ("55%", "60%", "exceeds"), ("55%", "≥55", "matches"), ("4.5", "≥3", "below"),
    (">92%", ">92", "matches"), ("90%", ">90%", "exceeds"), (">90%", "90%", "below"),
    ("应保尽保", "100%", "matches"), ("应保尽保", "95%", "below"), ("全覆盖", "基本覆盖", "below"),
    ("基本覆盖", "全覆盖", "exceeds"), ("应保尽保", "全覆盖", "matches"),
])
def test_numeric_and_qualitative_verdicts(a_value, b_value, status):
    assert _pair(a_value, b_value).status == status


def test_lower_is_better_reverses_the_direction():
    assert _pair("8‰", "6‰", indicator="婴儿死亡率", unit="‰").status == "exceeds"
    assert _pair("不超过70平方米", "不超过80平方米", indicator="保障性租赁住房户型建筑面积", unit="平方米").status == "below"


def test_totals_of_two_jurisdictions_are_not_comparable():
    row = _pair("1000", "25.55", indicator="养老服务床位总量", unit="万张")
    assert row.status == "not-comparable" and "absolute total" in row.notes[0]


def test_units_that_do_not_convert_are_not_comparable():
    a, b = plan("national", "national", "全国"), plan("liaoning")
    target(a, "x", "人均体育场地面积", "2.6", "平方米")
    target(b, "x", "人均体育场地面积", "2.6", "%")
    [row] = _one(a, b)
    assert row.status == "not-comparable" and "different units" in row.notes[0]


def test_units_that_convert_are_compared_and_noted():
    a, b = plan("national", "national", "全国"), plan("liaoning")
    target(a, "x", "每万人接受公共文化设施服务次数", "3.4", "万次")
    target(b, "x", "每万人接受公共文化设施服务次数", "36000", "次")
    [row] = _one(a, b)
    assert row.status == "exceeds" and any("converted to 次" in n for n in row.notes)


def test_cumulative_against_annual_is_not_comparable():
    row = _pair("50%", "〔60%〕", indicator="某项覆盖率", a={"flags": ("annual_average",)}, b={"flags": ("cumulative",)})
    assert row.status == "not-comparable" and "cumulative" in row.notes[0]


def test_qualitative_without_equivalence_is_not_comparable():
    row = _pair("15分钟", "一刻钟", indicator="社区养老服务圈", unit="分钟")
    assert row.status == "not-comparable" and "without a stated equivalence" in row.notes[0]


def test_target_below_its_own_baseline_is_noted():
    row = _pair(">92%", ">92%", indicator="高中阶段教育毛入学率", b={"baseline": "97.1%"})
    assert row.status == "matches" and any("below its own baseline" in n for n in row.notes)


def test_omitted_unknown_and_added():
    a, b = plan("national", "national", "全国"), plan("gansu", gaps=[gap("table-1", domains=("老有所养",))])
    target(a, "beds", "养老机构护理型床位占比", "55%")
    target(a, "pupils", "九年义务教育巩固率", "96%", domain="学有所教")
    target(b, "new", "农村养老服务设施覆盖率", "80%", domain="住有所居")
    rows = {(r.left or r.right).id: r for r in _one(a, b)}
    assert rows["beds"].status == "unknown" and "table-1" not in rows["beds"].notes[0] and "专栏1" in rows["beds"].notes[0]
    assert rows["pupils"].status == "omitted"
    assert rows["new"].status == "added"


@pytest.mark.parametrize("kinds,status", [(None, "unknown"), (("targets",), "unknown"), ((), "omitted"), (("tasks",), "omitted")])
def test_a_gap_hides_an_omission_only_when_it_could_hold_the_item(kinds, status):
    a, b = plan("national", "national", "全国"), plan("fujian", gaps=[gap("end-of-copy", kinds=kinds)])
    target(a, "beds", "养老机构护理型床位占比", "55%")
    [row] = _one(a, b)
    assert row.status == status


def test_services_and_tasks_match_or_match_quantified():
    a, b = plan("national", "national", "全国"), plan("liaoning")
    service(a, "dibao", "最低生活保障")
    service(b, "dibao", "最低生活保障")
    task(a, "care", "发展普惠养老服务")
    task(b, "care", "大力发展普惠养老服务", commitments=("80%",))
    task(a, "only", "家政服务提质扩容", domain="其他")
    rows = diff(a, b, kinds=("services", "tasks")).rows
    got = {(r.kind, (r.left or r.right).id): r.status for r in rows}
    assert got == {("services", "dibao"): "matches", ("tasks", "care"): "matches-quantified", ("tasks", "only"): "omitted"}


@pytest.mark.parametrize("text,slug", [("not comparable", "not-comparable"), ("Matches (quantified)", "matches-quantified"),
                                       ("below", "below"), ("nonsense", None)])
def test_status_words(text, slug):
    assert status_from_text(text) == slug
