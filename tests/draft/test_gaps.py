"""What the copy lost, drafted as source_gaps: Gansu's 专栏1-4 were images (gansu.txt:91,
149, 207, 251: the titles stand with blank lines under them). The curated plan records the
same four gaps (data/plans/gansu.yaml); the drafted ones are marked `draft: true`."""
from __future__ import annotations

from plancmp.draft import draft_text
from plancmp.ingest.evidence import squeeze
from plancmp.ingest.workspace import Workspace

from conftest import DATA, plan_yaml


def test_the_boxes_gansus_copy_lost_are_drafted_as_gaps():
    text = (DATA / "sources" / "gansu.txt").read_text(encoding="utf-8")
    gaps = {g["id"]: g for g in draft_text(text).gaps}
    curated = {g["id"]: g for g in plan_yaml("gansu")["source_gaps"]}
    assert list(gaps) == list(curated) == ["table-1", "box-2", "box-3", "box-4"]
    for gap_id, gap in gaps.items():
        assert squeeze(gap["section"]) == squeeze(curated[gap_id]["section"])
        assert gap["draft"] is True   # checked by nobody yet: validate warns, `plancmp review` asks
    # the table held targets; the boxes of key projects tasks and targets, and 专栏2, in 三、高质量推进
    # 基本公共服务均等化 (gansu.txt:115), services too (a basic public service's key project may be one)
    assert [gaps[g]["kinds"] for g in curated] == [["targets"], ["tasks", "targets", "services"],
                                                  ["tasks", "targets"], ["tasks", "targets"]]
    # 专栏2 stands in 三（二）, which covers all nine domains; 专栏3 in 四（二）, five of them
    assert gaps["box-2"]["domains"] == curated["box-2"]["domains"]
    assert gaps["box-3"]["domains"] == curated["box-3"]["domains"]
    # the lost table's notes that define a row (gansu.txt:103-113, `N.name：…`) are its reveals
    revealed = [r["indicator"] for r in gaps["table-1"]["reveals"]]
    assert revealed == ["人均体育场地面积", "新建城区、居住（小）区配套建设养老服务设施达标率", "城镇新增就业人数"]
    assert set(revealed) <= {r["indicator"] for r in curated["table-1"]["reveals"]}
    for reveal in gaps["table-1"]["reveals"]:
        assert squeeze(reveal["quote"]) in squeeze(text)


def test_texts_that_lost_nothing_have_no_gaps():
    for plan in ("national", "liaoning", "fujian"):
        assert draft_text((DATA / "sources" / f"{plan}.txt").read_text(encoding="utf-8")).gaps == []


def test_a_note_that_opens_with_a_reference_indicator_reveals_it():
    # gansu.txt:101 2.每万人接受公共文化设施服务次数中的公共文化设施包括… : no colon, but the name is the
    # national plan's indicator (data/plans/national.yaml)
    from plancmp.draft.reference import load

    text = (DATA / "sources" / "gansu.txt").read_text(encoding="utf-8")
    table = next(g for g in draft_text(text, load(Workspace(DATA))).gaps if g["id"] == "table-1")
    assert {r["indicator"] for r in table["reveals"]} == {r["indicator"] for r in plan_yaml("gansu")["source_gaps"][0]["reveals"]}


def test_the_sections_that_report_the_past_are_drafted_as_background():
    """As the curated plans record them: from the 发展基础 heading to the next heading."""
    for plan in ("national", "liaoning", "gansu", "fujian"):
        drafted = draft_text((DATA / "sources" / f"{plan}.txt").read_text(encoding="utf-8")).background
        curated = [(b["from"], b["to"]) for b in plan_yaml(plan).get("background") or ()]
        assert [(squeeze(a), squeeze(b)) for a, b in drafted] == [(squeeze(a), squeeze(b)) for a, b in curated][:1], plan
