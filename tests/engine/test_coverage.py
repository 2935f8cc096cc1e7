"""Omitted must mean absent: one-to-many coverage, counterparts of another kind, the
search of the whole text (`mentioned`), restatements; on small synthetic plans."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from plancmp.engine.compare import diff
from plancmp.ingest.links import Link, Links

from helpers_plans import gap, plan, said, service, target, task


def _plans(text: str | None = None, tmp_path: Path | None = None, gaps=()):
    a, b = plan("national", "national", "全国"), plan("gansu", gaps=gaps)
    if text is not None:   # B's text where a data folder keeps it (the diff reads it from B's folder)
        b.path, b.source = tmp_path / "plans" / "gansu.yaml", tmp_path / "sources" / "gansu.txt"
        b.source.parent.mkdir()
        b.source.write_text(text, encoding="utf-8")
    return a, b


def _row(d, left_id):
    return next(r for r in d.rows if r.left is not None and r.left.id == left_id)


def test_an_a_and_b_service_pairs_with_both_halves():
    a, b = _plans()
    service(a, "ui", "失业保险、工伤保险", domain="劳有所得")
    service(b, "u", "失业保险", domain="劳有所得")
    service(b, "i", "工伤保险", domain="劳有所得")
    d = diff(a, b)
    row = _row(d, "ui")
    assert {row.right.id, *(i.id for i in row.also)} == {"u", "i"}
    assert [r for r in d.rows if r.status == "added"] == []   # neither half is "added" any more


def test_two_exemptions_one_subsidy_is_covered_by_its_three_parts():
    """vocab/commitments.yaml: the national item two-exemptions-one-subsidy has three parts."""
    a, b = _plans()
    service(a, "two-exemptions-one-subsidy", "“两免一补”等资助政策", domain="学有所教")
    for sid, name in (("fee", "义务教育阶段免除学杂费"), ("book", "义务教育免费提供教科书"),
                      ("living", "义务教育家庭经济困难学生生活补助"), ("high", "普通高中免学杂费")):
        service(b, sid, name, domain="学有所教")
    row = _row(diff(a, b), "two-exemptions-one-subsidy")
    assert row.status == "matches"
    assert {row.right.id, *(i.id for i in row.also)} == {"fee", "book", "living"}   # not 普通高中: not 义务教育
    b.services[:] = [s for s in b.services if s.id != "book"]
    row = _row(diff(a, b), "two-exemptions-one-subsidy")
    assert row.status == "partial" and row.notes[0].values["missing"] == ["免费提供教科书"]


def test_a_generic_name_inside_a_longer_specific_name_is_not_coverage():
    a, b = _plans()
    target(a, "all", "基本公共服务目标人群覆盖", "全覆盖", None, domain="其他")
    target(b, "dis", "困难残疾人生活补贴和重度残疾人护理补贴目标人群覆盖率", "100%", domain="弱有所扶")
    row = _row(diff(a, b), "all")
    assert row.status == "omitted" and row.right is None


def test_a_service_the_province_states_as_a_task_counts_and_says_so():
    a, b = _plans()
    service(a, "legal", "法律援助")
    task(b, "t", "健全法律援助制度", domain="其他")
    d = diff(a, b)
    row = _row(d, "legal")
    assert row.status == "matches" and row.right.id == "t" and row.right.kind == "tasks"
    assert any("stated as a task" in r for r in said(row.reasons))
    assert not [r for r in d.rows if r.status == "added"]


def test_a_target_that_states_a_service_is_a_quantified_match():
    a, b = _plans()
    service(a, "med", "基本医疗保险", domain="病有所医")
    target(b, "t", "基本医疗保险参保率", "95%", domain="病有所医")
    row = _row(diff(a, b), "med")
    assert row.status == "matches-quantified" and "95%" in said(row.notes)[0]


def test_a_target_stated_in_a_task_matches_only_with_the_same_end_state():
    a, b = _plans()
    target(a, "pre", "三年学前教育普及", "全面普及", None, domain="学有所教")
    task(b, "t", "推动学前三年教育全面普及", domain="学有所教")
    row = _row(diff(a, b, links=Links([Link("pin", "national:pre", "gansu:t", "same commitment", 0)])), "pre")
    assert row.status == "matches" and "same end state" in said(row.notes)[0]
    a2, b2 = _plans()
    target(a2, "beds", "养老机构护理型床位占比", "55%")
    task(b2, "t", "提高养老机构护理型床位占比")
    row = _row(diff(a2, b2, links=Links([Link("pin", "national:beds", "gansu:t", "same", 0)])), "beds")
    assert row.status == "not-comparable" and "without a value" in said(row.notes)[0]


def test_several_pins_of_one_item_are_one_to_many():
    a, b = _plans()
    task(a, "price", "促进价格普惠", domain="其他")
    task(b, "form", "完善服务价格形成机制", domain="其他")
    task(b, "level", "合理确定服务价格水平", domain="其他")
    links = Links([Link("pin", "national:price", "gansu:form", "price formation", 0),
                   Link("pin", "national:price", "gansu:level", "price levels", 1)])
    row = _row(diff(a, b, links), "price")
    assert row.right.id == "form" and [i.id for i in row.also] == ["level"] and row.confidence == "pinned"


def test_a_pin_of_the_rows_kind_overrules_the_aligner_and_other_kinds_add():
    a, b = _plans()
    service(a, "vet", "退役军人服务中心(站)、优抚医院、光荣院服务", domain="优军服务保障")
    service(b, "placement", "退役军人权益", domain="优军服务保障")
    service(b, "care", "军人家属关爱服务", domain="优军服务保障")
    task(b, "vets", "优军服务", domain="优军服务保障")
    assert _row(diff(a, b), "vet").right.id == "placement"
    links = Links([Link("pin", "national:vet", "gansu:care", "the service in other words", 0),
                   Link("pin", "national:vet", "gansu:vets", "优军服务 names them", 1)])
    row = _row(diff(a, b, links), "vet")
    assert row.right.id == "care" and row.confidence == "pinned" and [i.id for i in row.also] == ["vets"]
    only_task = Links([Link("pin", "national:vet", "gansu:vets", "优军服务 names them", 0)])
    row = _row(diff(a, b, only_task), "vet")
    assert row.right.id == "vets"     # a pin of another kind wins over a weak (low) pair …
    a2, b2 = _plans()
    service(a2, "legal", "法律援助")
    service(b2, "legal", "法律援助")
    task(b2, "t", "健全公共法律服务体系", domain="其他")
    row = _row(diff(a2, b2, Links([Link("pin", "national:legal", "gansu:t", "its quote names 法律援助", 0)])), "legal")
    assert row.right.id == "legal" and [i.id for i in row.also] == ["t"]   # … and only adds to a strong one


TEXT = """甘肃省规划
（一）发展基础。
以基本医疗保险为主体、大病保险为补充、医疗救助为托底的医疗保障更加有力。
（二）机遇挑战。
健全基本医疗保险稳定可持续筹资和待遇调整机制，完善医疗保险缴费参保政策。
建成全省统一的医疗保障信息平台，提高异地就医联网结算效率。
推动学前三年教育全面普及。
加强社区养老服务设施建设。
"""


def test_an_item_the_text_states_without_a_curated_item_is_judged_from_the_sentence(tmp_path):
    a, b = _plans(TEXT, tmp_path)
    b.background = (("（一）发展基础。", "（二）机遇挑战。"),)
    service(a, "med", "基本医疗保险", domain="病有所医")
    service(a, "settle", "跨省异地就医直接结算", domain="病有所医")
    target(a, "cover", "基本医疗保险", ">95%", "%", domain="病有所医")
    target(a, "pre", "三年学前教育普及", "全面普及", None, domain="学有所教")
    d = diff(a, b)
    med, settle, cover, pre = (_row(d, i) for i in ("med", "settle", "cover", "pre"))
    assert med.status == "matches" and med.basis == "text" and med.passage.line == 5 and "基本医疗保险" in med.passage.text
    assert settle.status == "matches" and settle.basis == "text" and settle.passage.line == 6
    assert "no curated item" in said(med.notes)[0] and med.passage.file.endswith("gansu.txt")
    assert pre.status == "matches" and pre.basis == "text" and pre.passage.line == 7   # 全面普及 stands in the sentence
    # a target whose value the sentence does not give: only mentioned
    assert cover.status == "mentioned" and cover.passage.line == 5 and "gives no value" in said(cover.notes)[0]


def test_the_background_part_states_no_commitment(tmp_path):
    a, b = _plans(TEXT.replace("健全基本医疗保险稳定可持续筹资和待遇调整机制，", ""), tmp_path)
    b.background = (("（一）发展基础。", "（二）机遇挑战。"),)
    service(a, "med", "基本医疗保险", domain="病有所医")
    assert _row(diff(a, b), "med").status == "omitted"   # only the 十三五 result (line 3) names it
    b.background = ()
    assert _row(diff(a, b), "med").passage.line == 3


def test_a_sentence_held_by_a_curated_quote_pairs_with_that_item(tmp_path):
    a, b = _plans(TEXT, tmp_path)
    target(a, "pre", "三年学前教育普及", "全面普及", None, domain="学有所教")
    t = task(b, "pre-task", "学前教育", domain="学有所教")
    object.__setattr__(t, "evidence", t.evidence._replace(quote="推动学前三年教育全面普及。"))
    row = _row(diff(a, b), "pre")
    assert row.right.id == "pre-task" and row.status == "matches"
    assert any("gansu.txt:7" in r for r in said(row.reasons))


def test_a_truly_absent_item_stays_omitted_and_a_shared_word_is_no_mention(tmp_path):
    a, b = _plans(TEXT, tmp_path)
    target(a, "circle", "社区养老服务圈", "15分钟", "分钟")
    d = diff(a, b)
    assert _row(d, "circle").status == "omitted"   # 社区养老服务设施 is not a 15-minute circle


def test_unknown_only_when_nothing_in_the_surviving_text_states_it(tmp_path):
    lost = gap("box-2", kinds=None)
    a, b = _plans(TEXT, tmp_path, gaps=[lost])
    b.background = (("（一）发展基础。", "（二）机遇挑战。"),)
    service(a, "med", "基本医疗保险", domain="病有所医")
    service(a, "vagrant", "流浪乞讨人员救助")
    d = diff(a, b)
    assert _row(d, "med").status == "matches" and _row(d, "med").basis == "text"
    assert _row(d, "vagrant").status == "unknown"


def test_a_restatement_joins_its_first_statement_and_the_binding_value_decides():
    a, b = _plans()
    target(a, "nursery", "每千人口拥有3岁以下婴幼儿托位数", "4.5", "个", domain="幼有所育", baseline="1.8")
    target(b, "nursery", "每千人口拥有3岁以下婴幼儿托位数", "≥3", "个", domain="幼有所育", baseline="2")
    target(b, "stretch", "每千人口拥有3岁以下婴幼儿托位数", "力争达到4.5个", "个", domain="幼有所育",
           restates="nursery", basis="text", flags=("aspirational",))
    d = diff(a, b)
    [row] = [r for r in d.rows if r.kind == "targets"]
    assert row.status == "below" and row.right.id == "nursery" and [i.id for i in row.also] == ["stretch"]
    assert any("gansu also states 力争达到4.5个" in n and "a stretch goal" in n and "matches national" in n
               for n in said(row.notes))


def test_every_item_of_the_province_stands_somewhere_in_the_diff():
    """Nothing is lost: each province item is a row's counterpart, one of its further items,
    or an added row (an item the aligner chose and people or names overruled included)."""
    from plancmp.ingest.workspace import Workspace

    ws = Workspace.open()
    plans = ws.plans()
    links = ws.links()
    for province in ("liaoning", "gansu", "fujian"):
        shown = set()
        for row in diff(plans["national"], plans[province], links, ws=ws).rows:
            shown.update(i.id for i in (row.right, *row.also) if i is not None)
        missing = [i.id for i in plans[province].items() if i.id not in shown]
        assert not missing, (province, missing)


def test_a_target_for_a_narrower_subject_states_it_in_part():
    """The same end state for one insurance is not the end state for social insurance (fujian l.245);
    a subject B writes the same or more broadly keeps the row as it is."""
    a, b = _plans()
    target(a, "si", "社会保险法定人群覆盖", "全覆盖", None, domain="劳有所得")
    target(b, "pen", "城镇职工基本养老保险法定人群覆盖", "全覆盖", None, domain="劳有所得")
    row = _row(diff(a, b), "si")
    assert row.status == "partial" and row.right.id == "pen"
    assert row.notes[0].values["missing"] == ["社会保险法定人群覆盖"]
    b.targets[:] = [t for t in b.targets if t.id != "pen"]
    target(b, "all", "社会保险法定人群覆盖", "全覆盖", None, domain="劳有所得")
    assert _row(diff(a, b), "si").status == "matches"


def test_a_task_holding_the_sentence_of_a_target_that_answers_a_target_adds_no_number():
    """B's task quotes the sentence of its 托位数 target; A states 托位数 on a target's row of its
    own, compared there: the task matches. Without A's target the number is B's alone: quantified."""
    sentence = "力争到2025年每千人口拥有3岁以下婴幼儿托位数4.5个。"

    def plans(with_a_target: bool):
        a, b = _plans()
        task(a, "care", "发展普惠托育服务", domain="幼有所育")
        if with_a_target:
            target(a, "places", "每千人口拥有3岁以下婴幼儿托位数", "4.5", "个", domain="幼有所育")
        task(b, "care", "发展普惠托育服务。" + sentence, domain="幼有所育", commitments=("4.5个",))
        target(b, "places", "每千人口拥有3岁以下婴幼儿托位数", "4.5", "个", domain="幼有所育", quote=sentence)
        return a, b

    row = _row(diff(*plans(True)), "care")
    assert row.status == "matches" and "places" in said(row.notes)[0]
    row = _row(diff(*plans(False)), "care")
    assert row.status == "matches-quantified" and "4.5个" in said(row.notes)[0]


def test_a_target_naming_both_insurances_and_their_group_states_the_national_service():
    """vocab/commitments.yaml: 失业保险、工伤保险 … 职业劳动者 is another name of the national service
    推进失业保险、工伤保险向职业劳动者广覆盖; a province's target of that name is on its row, not `added`."""
    a, b = _plans()
    s = service(a, "unemployment-and-work-injury-insurance", "失业保险、工伤保险", domain="劳有所得")
    a.services[-1] = replace(s, evidence=s.evidence._replace(quote="推进失业保险、工伤保险向职业劳动者广覆盖"))
    service(b, "u", "失业保险", domain="劳有所得")
    service(b, "i", "工伤保险", domain="劳有所得")
    target(b, "reach", "失业保险、工伤保险向职业劳动者覆盖", "广覆盖", None, domain="劳有所得")
    d = diff(a, b)
    row = _row(d, "unemployment-and-work-injury-insurance")
    assert "reach" in {y.id for y in (row.right, *row.also)} and row.status == "matches"
    assert [r.right.id for r in d.rows if r.status == "added"] == []
