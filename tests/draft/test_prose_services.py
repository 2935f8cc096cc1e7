"""Services named in prose, for texts without a list of them (Gansu and Fujian): drafted
`listed: false`, each quoting the sentence that names it. Expectations read from the lines
of the texts; a text with a list (Liaoning's 专栏2) gets its list, not prose services."""
from __future__ import annotations

from functools import cache

from plancmp.draft import draft_text
from plancmp.draft.measure import _Lines
from plancmp.draft.reference import load
from plancmp.ingest.evidence import squeeze
from plancmp.ingest.workspace import Workspace

from conftest import DATA


@cache
def drafted(plan: str):
    text = (DATA / "sources" / f"{plan}.txt").read_text(encoding="utf-8")
    return text, draft_text(text, load(Workspace(DATA)))


def on_line(plan: str, line: int) -> dict[str, dict]:
    text, draft = drafted(plan)
    lines = _Lines(text)
    return {s["item"]: s for s in draft.services if line in lines.of(s["evidence"]["quote"])}


def test_services_provided_to_a_group_are_its_items_with_the_group():
    # gansu.txt:131 育幼服务。为农村计划怀孕夫妇、城镇符合条件的孕产妇以及育龄夫妇免费提供孕前优生健康检查、
    # 孕早期健康检查、产后访视和基本避孕节育等服务。为适龄儿童提供国家免疫规划疫苗接种服务。开展新生儿家庭访视，
    # 加强0—6岁儿童健康管理…
    found = on_line("gansu", 131)
    couples = "农村计划怀孕夫妇、城镇符合条件的孕产妇以及育龄夫妇"
    for item in ("孕前优生健康检查", "孕早期健康检查", "产后访视", "基本避孕节育"):
        assert found[item]["target_group"] == couples and found[item]["domain"] == "幼有所育"
        assert found[item]["evidence"]["quote"].startswith("为农村计划怀孕夫妇") and found[item]["listed"] is False
    assert found["国家免疫规划疫苗接种服务"]["target_group"] == "适龄儿童"
    assert {"新生儿家庭访视", "0—6岁儿童健康管理"} <= set(found)


def test_services_delivered_by_a_verb_without_the_system_word_after_them():
    # gansu.txt:137 …加强卫生监督协管服务。持续推进妇女“两癌”免费检查。…做实做细家庭医生签约服务。
    health = on_line("gansu", 137)
    assert {"卫生监督协管服务", "妇女“两癌”免费检查", "家庭医生签约服务"} <= set(health)
    assert all(s["domain"] == "病有所医" for s in health.values() if s["item"] in ("卫生监督协管服务", "家庭医生签约服务"))
    # gansu.txt:143 …加大临时救助力度… 完善疾病应急救助制度。对遭遇自然灾害的人员，给予受灾人员救助。
    relief = on_line("gansu", 143)
    assert {"临时救助", "疾病应急救助", "受灾人员救助"} <= set(relief)
    assert relief["受灾人员救助"]["evidence"]["quote"] == "对遭遇自然灾害的人员，给予受灾人员救助。"


def test_the_reference_plans_services_named_in_the_text():
    # fujian.txt:251 住房保障。做好城镇住房和收入困难家庭公租房保障,…稳步推进棚户区改造。…通过农村危房改造、
    # 造福工程搬迁等多种方式… (national.yaml: 公租房保障, 棚户区改造, 农村危房改造)
    found = on_line("fujian", 251)
    assert {"棚户区改造", "农村危房改造"} <= set(found)
    assert any(item.endswith("公租房保障") for item in found)
    assert all(s["domain"] == "住有所居" for s in found.values())
    # fujian.txt:245 加强劳动保障监察执法维权服务能力 (能力 is not part of the name)
    assert "劳动保障监察执法维权服务" in on_line("fujian", 245)


def test_a_service_is_drafted_once_and_a_system_is_not_a_service():
    _, draft = drafted("gansu")
    items = [s["item"] for s in draft.services]
    assert len(items) == len(set(items))
    # gansu.txt:137 健全药品价格监测体系 ; 健全养老服务培训机制 (gansu.txt:139): systems to build
    assert "药品价格监测" not in items and "养老服务培训" not in items


def test_a_text_with_a_list_gets_its_list_only():
    _, draft = drafted("liaoning")
    assert len(draft.services) == 80 and all(s.get("listed", True) for s in draft.services)


def test_every_prose_service_quotes_its_sentence_verbatim():
    """…and its item is the sentence's words, or the reference plan's item when the sentence
    restates the reference plan's own sentence for it (a curator writes that name too)."""
    reference = load(Workspace(DATA))
    for plan in ("gansu", "fujian"):
        text, draft = drafted(plan)
        for service in draft.services:
            quote = service["evidence"]["quote"]
            assert squeeze(quote) in squeeze(text) and service["evidence"]["section"]
            restated = {squeeze(word.name) for word in reference.restated(quote)}
            assert squeeze(service["item"]) in squeeze(quote) or squeeze(service["item"]) in restated, service
