"""Every verdict, on small synthetic plans."""
from __future__ import annotations

import pytest

from plancmp.core.verdicts import status_from_text
from plancmp.engine.compare import diff

from conftest import DATA
from helpers_plans import gap, plan, said, service, target, task


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
    (">92%", ">92", "matches"), ("90%", ">90%", "matches"), (">90%", "≥90%", "matches"), ("90%", "91%", "exceeds"),
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
    assert row.status == "not-comparable" and "absolute total" in said(row.notes)[0]


def test_units_that_do_not_convert_are_not_comparable():
    a, b = plan("national", "national", "全国"), plan("liaoning")
    target(a, "x", "人均体育场地面积", "2.6", "平方米")
    target(b, "x", "人均体育场地面积", "2.6", "%")
    [row] = _one(a, b)
    assert row.status == "not-comparable" and "different units" in said(row.notes)[0]


def test_units_that_convert_are_compared_and_noted():
    a, b = plan("national", "national", "全国"), plan("liaoning")
    target(a, "x", "每万人接受公共文化设施服务次数", "3.4", "万次")
    target(b, "x", "每万人接受公共文化设施服务次数", "36000", "次")
    [row] = _one(a, b)
    assert row.status == "exceeds" and any("converted to 次" in n for n in said(row.notes))


def test_cumulative_against_annual_is_not_comparable():
    row = _pair("50%", "〔60%〕", indicator="某项覆盖率", a={"flags": ("annual_average",)}, b={"flags": ("cumulative",)})
    assert row.status == "not-comparable" and "cumulative" in said(row.notes)[0]


def test_qualitative_without_equivalence_is_not_comparable():
    row = _pair("80%", "基本覆盖", indicator="某项服务覆盖率", unit="%")
    assert row.status == "not-comparable" and "without a stated equivalence" in said(row.notes)[0]


@pytest.mark.parametrize("a_value,b_value,status", [
    ("15分钟", "一刻钟", "matches"),          # vocab/values.yaml equivalents
    ("15分钟", "半小时", "below"),            # a 30-minute circle is the wider one: fewer minutes is better
    ("30分钟", "半小时", "matches"),
])
def test_equivalent_expressions_compare_as_values(a_value, b_value, status):
    row = _pair(a_value, b_value, indicator="社区养老服务圈", unit="分钟")
    assert row.status == status, row


@pytest.mark.parametrize("raw,number", [("四十", 40), ("十二", 12), ("一百二十个", 120), ("两千", 2000), ("至少办好一所", 1), ("一百零五所", 105)])
def test_chinese_numerals_are_read_whole(raw, number):
    from plancmp.core.values import parse_value
    assert parse_value(raw).number == number


def test_a_scale_word_multiplies_into_the_items_unit():
    row = _pair("3.4万", "36000", indicator="每万人接受公共文化设施服务次数", unit="次")
    assert row.status == "exceeds", row


@pytest.mark.parametrize("b_value", ["95‰", "55万张", "95万"])
def test_a_value_in_a_unit_its_item_cannot_take_never_matches(b_value):
    """95‰ or 55万张 written for an item in % is not 95 % (validate: value-unit); the number
    is read in the unit it writes."""
    row = _pair("95%", b_value, indicator="基本养老保险参保率")
    assert row.status != "matches" and row.status == "not-comparable", row


def _units(a_value, a_unit, b_value, b_unit, indicator):
    a, b = plan("national", "national", "全国"), plan("liaoning")
    target(a, "x", indicator, a_value, a_unit)
    target(b, "x", indicator, b_value, b_unit)
    [row] = _one(a, b)
    return row


def test_permille_against_percent_converts():
    row = _units("0.8", "%", "6", "‰", "婴儿死亡率")
    assert row.status == "exceeds" and any("converted to %" in n for n in said(row.notes)), row


def test_a_unit_or_scale_disagreement_is_not_comparable_never_below():
    row = _units("3.4", "万次", "3700", "次", "每万人接受公共文化设施服务次数")
    assert row.status == "not-comparable" and "units or scale disagree" in said(row.notes)[0], row


def test_equal_floors_match_and_say_how():
    row = _pair("95%", ">95%")
    assert row.status == "matches" and "the same number matches" in said(row.notes)[0]


def test_a_floor_its_baseline_already_clears_plans_no_decline():
    row = _pair("96%", ">99%", indicator="九年义务教育巩固率", a={"baseline": "95.2%"}, b={"baseline": "99.36%"})
    assert any("its floor >99% is already met by its baseline 99.36%" in n for n in said(row.notes))
    assert not any(n.startswith("planned change") for n in said(row.notes))   # no −0.36 "decline"


def test_a_baseline_given_as_a_bound_has_no_planned_change():
    row = _pair(">95%", ">95%", indicator="基本医疗保险参保率", a={"baseline": "95%"}, b={"baseline": ">90"})
    assert not any(n.startswith("planned change") for n in said(row.notes))


def test_yearly_averages_against_cumulative_totals_say_both():
    row = _pair("1500", "〔125〕", indicator="参加各类补贴性职业技能培训人数", unit="万人次",
                a={"flags": ("annual_average",), "baseline": "1800"}, b={"flags": ("cumulative",)})
    assert row.status == "not-comparable"
    assert "yearly average" in said(row.notes)[0] and "cumulative" in said(row.notes)[0] and "absolute total" in said(row.notes)[1]
    # the baseline of a yearly average is the previous period's yearly average, not a 2020 value (judged, fujian)
    assert any("the yearly average falls from 1800 (the yearly average of the period to 2020) to 1500" in n
               for n in said(row.notes))


def test_target_years_of_another_decade_are_not_comparable_and_other_years_noted():
    assert _pair("55%", "60%", b={"year": 2035}).status == "not-comparable"
    row = _pair("55%", "60%", b={"year": 2024})
    assert row.status == "exceeds" and any("target years differ" in n for n in said(row.notes))


def test_planned_change_is_noted_with_base_and_size():
    row = _pair("3.2", "3", indicator="每千人口拥有执业(助理)医师数", unit="人",
                a={"baseline": "2.9"}, b={"baseline": "2.5"})
    assert row.status == "below"
    [note] = [n for n in said(row.notes) if n.startswith("planned change")]
    assert "national +0.3, liaoning +0.5" in note and "a larger gain than national, from a lower base" in note


def test_target_below_its_own_baseline_is_noted():
    row = _pair("92%", "92%", indicator="高中阶段教育毛入学率", b={"baseline": "97.1%"})
    assert row.status == "matches" and any("target 92% is below its own baseline 97.1%" in n for n in said(row.notes))


def test_omitted_unknown_and_added():
    a, b = plan("national", "national", "全国"), plan("gansu", gaps=[gap("table-1", domains=("老有所养",))])
    target(a, "beds", "养老机构护理型床位占比", "55%")
    target(a, "pupils", "九年义务教育巩固率", "96%", domain="学有所教")
    target(b, "new", "农村养老服务设施覆盖率", "80%", domain="住有所居")
    rows = {(r.left or r.right).id: r for r in _one(a, b)}
    assert rows["beds"].status == "unknown" and "table-1" not in said(rows["beds"].notes)[0] and "专栏1" in said(rows["beds"].notes)[0]
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


# ------------------------------------------------------------- issue 20: known errors read against the texts

def _real_row(province: str, item: str, links=None):
    from plancmp.ingest.workspace import Workspace

    ws = Workspace(DATA)
    plans = ws.plans()
    return next(r for r in diff(plans["national"], plans[province], links, ws=ws).rows
                if r.left is not None and r.left.id == item)


def test_a_number_beside_shared_words_quantifies_the_row():
    """Gansu 住房保障: both say 应保尽保, and Gansu adds 累计新开工改造棚户区19万户（套）: the number
    is reached, the row is matches-quantified (it was `matches`: the shared word stopped the comparison)."""
    row = _real_row("gansu", "housing-security")
    assert row.right.id == "housing-security" and row.status == "matches-quantified"
    assert row.notes[0].code == "commits-to" and row.notes[0].values["values"] == ["19万户（套）"]


def test_a_word_target_stated_by_another_name_of_the_commitment_matches():
    """Fujian 三年学前教育普及: its task 发展普惠学前教育 commits to 普及普惠学前教育公共服务体系, the same
    end in the words vocab/commitments.yaml gives for the whole commitment (三年 is not written):
    matches, as for Liaoning and Gansu (it was `not-comparable`, a task without a value); found by
    the engine alone, no pin."""
    from plancmp.ingest.links import Links

    for links in (None, Links()):
        row = _real_row("fujian", "three-year-preschool-universal", links)
        assert row.right.id == "inclusive-preschool" and row.status == "matches", row
        assert any(n.code == "same-commitment" for n in row.notes)
    for province in ("liaoning", "gansu"):
        assert _real_row(province, "three-year-preschool-universal").status == "matches"


def test_a_group_coverage_target_is_met_by_a_list_of_every_part_and_the_target_group_pledge():
    """Issue 20, known error 6c, as its author reads it: Liaoning's list (专栏2, l.192) guarantees all
    three parts of 两免一补 as basic public services and l.271 commits 目标人群全覆盖 to its basic public
    services, so “两免一补”等资助政策城乡学生覆盖 (全覆盖) is met; the note names both lines. Fujian lists
    none of the parts: still omitted."""
    row = _real_row("liaoning", "two-exemptions-one-subsidy-coverage")
    assert row.status == "matches" and row.right.id == "compulsory-education-tuition-exemption"
    assert {y.id for y in row.also} >= {"compulsory-education-free-textbooks",
                                         "compulsory-education-living-allowance-poor-students",
                                         "basic-services-target-population-coverage"}
    note = next(n for n in row.notes if n.code == "listed-and-covered")
    assert note.values["line"] == "l.192" and note.values["pledge"] == "l.271"
    assert _real_row("liaoning", "two-exemptions-one-subsidy").status == "matches"
    assert _real_row("fujian", "two-exemptions-one-subsidy-coverage").status == "omitted"


def test_a_rows_verdict_does_not_depend_on_the_kinds_shown():
    """The coverage target is met through its service's row: asking for targets alone gives the same
    verdict, and B's targets that stand on rows of other kinds still show, on rows of their own."""
    from plancmp.ingest.workspace import Workspace

    ws = Workspace(DATA)
    plans = ws.plans()
    rows = diff(plans["national"], plans["liaoning"], ws.links(), ("targets",), ws=ws).rows
    row = next(r for r in rows if r.left is not None and r.left.id == "two-exemptions-one-subsidy-coverage")
    assert row.status == "matches" and {r.kind for r in rows} == {"targets"}
    shown = {y.id for r in rows for y in (r.right, *r.also) if y is not None}
    assert {t.id for t in plans["liaoning"].targets} <= shown


def test_not_comparable_says_why_as_a_code_and_a_word():
    row = _pair("3.4万次", "3700", indicator="每万人接受公共文化设施服务次数", unit="次")
    assert row.status == "not-comparable" and row.reason == "scale"
    from plancmp.core.i18n import Labels
    from plancmp.render.diff_cells import status_text

    assert status_text(row, Labels("en")) == "not comparable: scale"
    assert status_text(row, Labels("zh")) == "不可比：量级" or status_text(row, Labels("zh")).endswith("量级")


def test_a_province_that_strives_where_national_binds_is_flagged():
    a, b = plan("national", "national", "全国"), plan("liaoning")
    x = target(a, "x", "养老机构护理型床位占比", "55%", "%")
    object.__setattr__(x, "binding", "约束性")
    target(b, "x", "养老机构护理型床位占比", "力争达到55%", "%", basis="text")
    [row] = _one(a, b)
    assert row.status == "matches" and row.strength == ("binding", "aspirational", True)
    assert any(n.code == "weaker-commitment" for n in row.notes)
    assert _pair("55%", "60%").strength[2] is False


def test_a_name_that_says_its_end_state_is_stated_by_the_name_written_whole():
    """基本公共服务达标 (全达标): a province task 推动基本公共服务达标 (开展基本公共服务达标行动) states the end
    state; a name of filler words and one short word is looked for whole."""
    a, b = plan("national", "national", "全国"), plan("gansu")
    target(a, "compliance", "基本公共服务达标", "全达标", None, domain="其他", basis="text")
    task(b, "basic-services-compliance", "推动基本公共服务达标", domain="其他")
    [row] = [r for r in diff(a, b).rows if r.left is not None]
    assert row.right.id == "basic-services-compliance" and row.status == "matches"


def test_judged_rows_both_halves_and_the_items_own_words():
    """Rows a reading of every row against the texts judged wrong (/work/review, issue 20 round 2)."""
    row = _real_row("liaoning", "unemployment-and-work-injury-insurance")   # 专栏2 l.195 lists both
    assert {row.right.id, *(y.id for y in row.also)} >= {"unemployment-insurance", "work-injury-insurance"}
    row = _real_row("gansu", "unemployment-and-work-injury-insurance")      # l.135 工伤认定… is the 工伤保险 half
    assert "work-injury-recognition" in {y.id for y in row.also}
    row = _real_row("liaoning", "subsidies-for-poor-elderly-very-old-or-disabled")
    assert row.right.id == "elderly-welfare"   # l.221 不断完善经济困难高龄失能老年人补贴制度, word for word
    assert [y.id for y in row.also] == ["elderly-welfare-subsidy"]


def test_notes_say_only_what_the_texts_say():
    row = _real_row("liaoning", "elderly-care-services")   # l.219 按照人均不少于0.1平方米的标准配建
    assert not any(n.code == "no-number" for n in row.notes)
    assert any(n.code == "paragraph-states" for n in row.notes)
    for province in ("liaoning", "gansu"):   # 开展基本公共服务达标行动: the name, never 全达标 itself
        row = _real_row(province, "basic-services-standards-compliance")
        assert row.status == "matches" and [n.code for n in row.notes] == ["name-states-end-state"]
    row = _real_row("fujian", "universal-inclusive-preschool")   # 每个乡镇原则上至少办好一所公办中心园
    assert row.status == "matches-quantified"
