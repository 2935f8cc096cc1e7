"""Targets the body text states, drafted from real passages of the texts: a number with its
year and comparator, 力争 (aspirational), 累计 (cumulative), an end state in words, and the
2020 figures of the 发展基础 that restate an indicator-table row (`restates:`). Every
expectation below is read from the quoted line of the text, not from the drafter's output."""
from __future__ import annotations

from functools import cache

import pytest

from plancmp.draft import draft_text
from plancmp.draft.measure import _Lines
from plancmp.draft.reference import load
from plancmp.ingest.checks import in_quote
from plancmp.ingest.evidence import squeeze
from plancmp.ingest.workspace import Workspace

from conftest import DATA


@cache
def drafted(plan: str):
    text = (DATA / "sources" / f"{plan}.txt").read_text(encoding="utf-8")
    return text, draft_text(text, None if plan == "national" else load(Workspace(DATA)))


def on_line(plan: str, line: int) -> list[dict]:
    """The body-text and box targets drafted from one line of the text."""
    text, draft = drafted(plan)
    lines = _Lines(text)
    return [t for t in draft.targets if t["basis"] != "table" and line in lines.of(t["evidence"]["quote"])]


def row_id(plan: str, indicator: str) -> str:
    _, draft = drafted(plan)
    return next(t["id"] for t in draft.targets if t["basis"] == "table" and t["indicator"] == indicator)


def fields(target: dict) -> tuple:
    return target["indicator"], target["unit"], target["target"], target["year"], target.get("flags"), target.get("restates")


def test_three_figures_of_one_sentence_each_with_its_name_year_and_comparator():
    # liaoning.txt:292-294 到 2025 年，全省普惠性幼儿园在园幼儿占比达到 85%以上，公办幼儿园在园幼儿
    # 占有比达到 55%以上，优质普惠幼儿园在园幼儿占比达到 60%以上。
    found = [fields(t) for t in on_line("liaoning", 294)]
    assert found == [("普惠性幼儿园在园幼儿占比", "%", "85%以上", 2025, None, None),
                     ("公办幼儿园在园幼儿占有比", "%", "55%以上", 2025, None, None),
                     ("优质普惠幼儿园在园幼儿占比", "%", "60%以上", 2025, None, None)]
    assert {t["basis"] for t in on_line("liaoning", 294)} == {"text"}


def test_a_stretch_figure_restates_the_table_row_and_is_aspirational():
    # liaoning.txt:288 力争到 2025 年每千人口拥有 3 岁以下婴幼儿托位数 3 个，力争达到 4.5 个。
    # (专栏1 row 1: 每千人口拥有3岁以下婴幼儿托位数（个） 2 ≥3 预期性); 3 岁以下 is an age, not a figure
    row = row_id("liaoning", "每千人口拥有3岁以下婴幼儿托位数")
    nursery = [fields(t) for t in on_line("liaoning", 288) if "托位" in t["indicator"]]
    assert nursery == [("每千人口拥有3岁以下婴幼儿托位数", "个", "3个", 2025, ["aspirational"], row),
                       ("每千人口拥有3岁以下婴幼儿托位数", "个", "力争达到4.5个", 2025, ["aspirational"], row)]


def test_a_cumulative_figure_and_end_states_in_words():
    # gansu.txt:141 …到2025年累计新开工改造棚户区19万户（套）。…对符合条件的农村低收入群体等重点对象
    # 住房安全做到应保尽保。
    found = {t["target"]: t for t in on_line("gansu", 141)}
    shanty = found["19万户（套）"]
    assert (shanty["unit"], shanty["year"], shanty["flags"], shanty["domain"]) == ("万户", 2025, ["cumulative"], "住有所居")
    assert "新开工改造棚户区" in shanty["indicator"]
    assert "应保尽保" in found
    # gansu.txt:145 …政府安排工作退役士兵中由机关、群团组织、事业单位和国有企业接收安置比例应不低于80%。
    veterans = next(t for t in on_line("gansu", 145) if t["target"] == "不低于80%")
    assert veterans["unit"] == "%" and veterans["indicator"].endswith("接收安置比例") and veterans["domain"] == "优军服务保障"


def test_names_listed_before_one_figure_share_it():
    # gansu.txt:191 婴幼儿早期发展知识普及率、婴幼儿家长和看护人员接受科学育儿指导率均达到80%以上
    shared = sorted(t["indicator"] for t in on_line("gansu", 191) if t["target"] == "80%以上")
    assert shared == ["婴幼儿家长和看护人员接受科学育儿指导率", "婴幼儿早期发展知识普及率"]
    # …力争到2025年，在50%的社区建成托育服务机构，普惠托位占比60%以上…
    share = next(t for t in on_line("gansu", 191) if t["target"] == "60%以上")
    assert (share["indicator"], share["flags"]) == ("普惠托位占比", ["aspirational"])


def test_a_figure_before_the_thing_it_counts():
    # fujian.txt:249 确保每个县（市、区）至少建有1所以失能、部分失能特困人员专业照护为主的县级供养服务设施。
    # …打造“一刻钟”养老服务圈… ; fujian.txt:308 每个县（市）至少建成1所一级达标高中。
    care = {t["target"]: t for t in on_line("fujian", 249)}
    assert care["至少建有1所"]["unit"] == "所" and care["至少建有1所"]["indicator"].endswith("县级供养服务设施")
    assert care["一刻钟"]["indicator"] == "养老服务圈"
    assert [fields(t) for t in on_line("fujian", 308)] == [("每个县（市）一级达标高中", "所", "至少建成1所", 2025, None, None)]


def test_the_2020_figures_of_the_past_restate_table_rows_and_nothing_else_is_drafted_there():
    # fujian.txt:21 (第一章第一节 发展基础) 学前教育入园率达98.81%、九年义务教育巩固率达99.36%、
    # 高中阶段教育毛入学率达97.33%。每千常住人口医疗机构床位数达5.22张，6所医院纳入… 每千人口拥有
    # 三岁以下婴幼儿托位数1.28个。  The first three and the last restate 专栏1 rows (学前教育入园率 is
    # 学前教育毛入园率: vocab/indicators.yaml same_names); 5.22张 and 6所 are past results of no row.
    found = [fields(t) for t in on_line("fujian", 21)]
    assert found == [
        ("学前教育入园率", "%", "98.81%", 2020, None, row_id("fujian", "学前教育毛入园率")),
        ("九年义务教育巩固率", "%", "99.36%", 2020, None, row_id("fujian", "九年义务教育巩固率")),
        ("高中阶段教育毛入学率", "%", "97.33%", 2020, None, row_id("fujian", "高中阶段教育毛入学率")),
        ("每千人口拥有三岁以下婴幼儿托位数", "个", "1.28个", 2020, None, row_id("fujian", "每千人口拥有3岁以下婴幼儿托位数"))]
    # national.txt:53 … 2019 年,人均预期寿命达到 77.3 岁 (the year the sentence names)
    _, national = drafted("national")
    life = [t for t in national.targets if t.get("restates") == row_id("national", "人均预期寿命")]
    assert [(t["target"], t["year"]) for t in life] == [("77.3岁", 2019)]


def test_a_box_states_a_text_target_again():
    # fujian.txt:272 (专栏2) …实现县级残疾人服务设施基本覆盖。 restates fujian.txt:253 (第四章第二节)
    _, draft = drafted("fujian")
    both = [t for t in draft.targets if t["target"] == "基本覆盖" and "县级残疾人服务设施" in t["indicator"]]
    assert [t["basis"] for t in both] == ["text", "box"]
    assert both[1]["restates"] == both[0]["id"] and both[1]["evidence"]["section"] == "专栏2"


@pytest.mark.parametrize("plan", ["national", "liaoning", "gansu", "fujian"])
def test_every_drafted_target_is_verbatim_and_carries_its_values(plan):
    text, draft = drafted(plan)
    for target in draft.targets:
        quote = target["evidence"]["quote"]
        assert squeeze(quote) in squeeze(text) and in_quote(target["target"], quote), target
        assert target["draft"] is True and target["evidence"]["section"]


def test_words_that_are_not_figures():
    text = """第三章 推进基本公共服务均等化
第一节 补齐短板
加强托育服务。为3岁以下婴幼儿和65岁及以上老年人提供服务，落实DB35/T1956-2020标准，建设“1+3+X”体系，做到“两个维护”，建设一批示范机构，围绕优军服务有保障的目标。
"""
    assert draft_text(text).targets == []
