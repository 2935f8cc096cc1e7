"""Classes of drafting error found by scoring the verdicts of drafted provinces against
readings of their texts, each pinned on a small text written for the test (never a
province's own passage): what the drafter reads of it, from the words alone."""
from __future__ import annotations

from plancmp.draft import draft_text
from plancmp.draft.reference import from_plan

HEAD = "某某省“十四五”公共服务规划\n\n"


def reference(targets=(), services=()) -> object:
    """A reference plan of a few items: (name, domain[, unit]) each."""
    return from_plan({"targets": [{"indicator": t[0], "domain": t[1], "unit": t[2] if len(t) > 2 else None} for t in targets],
                      "services": [{"item": s[0], "domain": s[1]} for s in services], "tasks": []})


def goals(paragraph: str) -> str:
    return HEAD + "第二章  总体要求\n\n第三节  主要目标\n\n" + paragraph + "\n"


def test_end_states_listed_after_one_verb_each_name_what_reaches_them_and_take_no_far_domain():
    # 实现A全覆盖、B全达标、C有保障: the noun of the end state completes the short name (服务达标, as
    # 目标人群覆盖), and a short name inside a long reference indicator of another domain
    # (…护理补贴目标人群覆盖率, 弱有所扶) does not take that indicator's domain.
    ref = reference(targets=[("基本公共服务目标人群覆盖", "其他"), ("基本公共服务达标", "其他"),
                             ("困难残疾人生活补贴和重度残疾人护理补贴目标人群覆盖率", "弱有所扶", "%")])
    text = goals("均等化水平逐步提高。基本公共服务标准有效落实，实现目标人群全覆盖、服务全达标、投入有保障。")
    found = {t["target"]: (t["indicator"], t["domain"]) for t in draft_text(text, ref).targets}
    assert found == {"全覆盖": ("目标人群覆盖", "其他"), "全达标": ("服务达标", "其他"), "有保障": ("投入", "其他")}


def test_a_name_that_says_most_of_a_reference_indicator_takes_its_domain():
    # the other side of the rule above: 护理型床位占比 is most of 养老机构护理型床位占比
    ref = reference(targets=[("养老机构护理型床位占比", "老有所养", "%")])
    text = goals("到2025年，护理型床位占比达到60%。")
    assert [(t["indicator"], t["domain"]) for t in draft_text(text, ref).targets] == [("护理型床位占比", "老有所养")]


def services_of(paragraphs: str, ref) -> dict[str, list[str]]:
    text = HEAD + "第四章  保障基本公共服务供给\n\n第二节  提升服务能力\n\n" + paragraphs + "\n"
    out: dict[str, list[str]] = {}
    for service in draft_text(text, ref).services:
        out.setdefault(service["item"], []).append(service["evidence"]["quote"])
    return out


NATIONAL_SERVICES = [("基本医疗保险", "病有所医"), ("博物馆、美术馆、公共图书馆、文化馆(站)等设施免费或优惠开放", "文体服务保障"),
                     ("基层医疗卫生机构中医药服务", "病有所医")]


def test_a_reference_service_in_a_phrase_that_describes_another_is_not_named():
    # 与基本医疗保险有机衔接的商业健康保险 is about 商业健康保险; the next sentence names the scheme itself
    found = services_of("医疗保障。发展与基本医疗保险有机衔接的商业健康保险。做实基本医疗保险市级统筹。",
                        reference(services=NATIONAL_SERVICES))
    assert found["基本医疗保险"] == ["做实基本医疗保险市级统筹。"]
    # in one sentence with both uses, it is named
    found = services_of("医疗保障。发展与基本医疗保险有机衔接的商业健康保险，做实基本医疗保险市级统筹。",
                        reference(services=NATIONAL_SERVICES))
    assert list(found) == ["基本医疗保险"]


def test_a_facility_of_a_list_sharing_its_last_words_is_named_only_with_those_words():
    # the reference says 博物馆、…、公共图书馆…等设施免费或优惠开放: building a library is not opening it free
    found = services_of("文化体育。新建和改建一批县级公共图书馆和文化馆。推进公共图书馆、文化馆免费开放。",
                        reference(services=NATIONAL_SERVICES))
    assert found["公共图书馆"] == ["推进公共图书馆、文化馆免费开放。"]


def test_a_whole_field_or_an_institutions_capacity_is_no_service():
    found = services_of("综合保障。向全民提供基本公共服务。提升基层医疗卫生机构服务能力。加强卫生监督协管服务。",
                        reference(services=NATIONAL_SERVICES))
    assert list(found) == ["卫生监督协管服务"]


def test_a_name_with_keywords_of_two_domains_takes_the_domain_of_its_head_the_last():
    # 低保 (弱有所扶) describes the families; the name ends in what they get: housing (住房, 住有所居)
    text = HEAD + "第四章  保障基本公共服务供给\n\n第二节  兜住民生底线\n\n兜底保障。对城镇户籍低保、低收入住房困难家庭依申请应保尽保。\n"
    assert [(t["target"], t["domain"]) for t in draft_text(text, reference()).targets] == [("应保尽保", "住有所居")]


def test_words_of_manner_are_cut_from_a_name_but_a_word_that_starts_like_one_is_kept():
    # 按照 says how (按照质量有保障…: 质量); 对 is cut from 对符合条件的… but 对接 is a word of the name
    text = HEAD + "第五章  扩大普惠性非基本公共服务供给\n\n第二节  提升服务质量\n\n" \
        "价格机制。按照质量有保障、价格可承受的导向，合理确定服务价格。\n\n" \
        "社会保险。对接企业职工养老保险全国统筹，完善省级统筹制度。\n"
    found = {t["target"]: t["indicator"] for t in draft_text(text, reference()).targets}
    assert found == {"有保障": "质量", "全国统筹": "对接企业职工养老保险"}


def test_a_standard_end_state_whose_clause_names_no_standard_is_said_of_the_next_standard_named():
    # 依照不低于国家标准的要求 names nothing that is held to it; the next clause names the standard
    text = HEAD + "第四章  保障基本公共服务供给\n\n第四节  完善标准体系\n\n" \
        "标准建设。依照不低于国家标准的要求，加快推动本市养老服务标准动态调整。\n"
    found = [(t["indicator"], t["target"]) for t in draft_text(text, reference()).targets]
    assert found == [("本市养老服务标准", "不低于国家标准")]


def test_a_sentence_restating_a_reference_services_sentence_names_that_service_though_its_name_is_parted():
    # the reference plan's item and its sentence; the province restates the sentence, its name
    # parted by a comma (…独生子女家庭，继续实行现行各项奖励扶助制度): the item is drafted once
    ref = from_plan({"targets": [], "tasks": [], "services": [
        {"item": "独生子女家庭奖励扶助", "domain": "幼有所育",
         "evidence": {"quote": "对符合条件的独生子女家庭 ,继续实行现行各项奖励扶助制 度和优惠政策。"}}]})
    found = services_of("人口发展。对符合条件的独生子女家庭，继续实行现行各项奖励扶助制度和优惠政策。"
                        "对独生子女家庭开展走访慰问。", ref)
    assert found == {"独生子女家庭奖励扶助": ["对符合条件的独生子女家庭，继续实行现行各项奖励扶助制度和优惠政策。"]}


def test_a_reference_service_is_named_whatever_the_width_of_its_brackets_and_keeps_the_provinces():
    ref = reference(services=[("退役军人服务中心(站)、优抚医院、光荣院服务", "优军服务保障")])
    found = services_of("优军服务。加强退役军人服务中心（站）建设。", ref)
    assert found == {"退役军人服务中心（站）": ["加强退役军人服务中心（站）建设。"]}
