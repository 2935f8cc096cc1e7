"""The search of a province's whole text, on real sentences of the sources: what states a
national item (recall) and what only shares words with it (precision); then the whole
engine against the hand labels (the `make eval` goals) and through the CLI."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from plancmp.cli import app
from plancmp.engine import mentions
from plancmp.ingest import textsearch

from conftest import DATA, PLANCMP, read_yaml, uncurate
from helpers_plans import plan, service, target, task


def _found(tmp_path, item, sentence: str):
    source = tmp_path / "p.txt"
    source.write_text(sentence + "\n", encoding="utf-8")
    from plancmp.files.folder import DataFolder
    from plancmp.ingest.evidence import read_source

    return mentions.find(textsearch.build(read_source(DataFolder(tmp_path), source), "p.txt"), item)


def _item(kind: str, name: str):
    p = plan("national", "national", "全国")
    if kind == "targets":
        return target(p, "x", name, "全覆盖", None)
    return (service if kind == "services" else task)(p, "x", name)


# (kind, national name, a real sentence of a province's text that states it)
STATES = [
    ("services", "基本医疗保险", "健全基本医疗保险稳定可持续筹资和待遇调整机制，完善医疗保险缴费参保政策。"),
    ("services", "跨省异地就医直接结算", "建成全省统一的医疗保障信息平台，提高异地就医联网结算效率。"),
    ("targets", "三年学前教育普及", "推动学前三年教育全面普及，推进城乡幼儿园一体化管理。"),
    ("targets", "基本公共服务常住人口覆盖", "稳步实现基本公共服务由常住地供给、覆盖全部常住人口。"),
    ("targets", "九年义务教育巩固率", "巩固义务教育控辍保学成果，提高义务教育巩固水平。"),
    ("services", "困难残疾人生活补贴和重度残疾人护理补贴", "积极推进残疾人“两项补贴”资格认定申请“跨省通办”、异地就医结算等便利服务。"),
    ("targets", "城镇老旧小区改造", "全面推进城镇老旧小区改造，重点改造完善小区市政配套基础设施。"),
    ("services", "农家书屋、农村电影放映", "提升农家书屋服务能力，推动农村电影放映优化升级。"),
    ("tasks", "强化服务标准建设", "强化服务标准，持续推动生活服务标准化品牌化建设。"),
]

# (kind, national name, a real sentence that shares words with it but does not state it)
SHARES_WORDS = [
    ("targets", "社区养老服务圈", "分类推进社区养老服务设施建设，全面提升养老机构服务质量。"),
    ("targets", "主要城市群基本公共服务常住人口覆盖", "稳步实现基本公共服务由常住地供给、覆盖全部常住人口。"),
    ("services", "“两免一补”等资助政策", "普通高中免学杂费。"),
    ("services", "流浪乞讨人员救助", "做好受灾人员救助工作。"),
    ("services", "跨省异地就医直接结算", "推进医保关系转移接续。"),
    ("tasks", "养老服务", "优先发展居家社区养老服务。"),
    ("services", "学生资助", "加强学生心理健康教育。"),
]


@pytest.mark.parametrize("kind,name,sentence", STATES)
def test_a_sentence_that_states_the_item_is_found(tmp_path, kind, name, sentence):
    assert _found(tmp_path, _item(kind, name), sentence) is not None


@pytest.mark.parametrize("kind,name,sentence", SHARES_WORDS)
def test_a_sentence_that_only_shares_words_is_not_a_mention(tmp_path, kind, name, sentence):
    assert _found(tmp_path, _item(kind, name), sentence) is None


def test_coverage_finds_characters_together_in_any_order_and_no_further():
    assert textsearch.coverage("三年学前教育普及", "推动学前三年教育全面普及")[0] == 1.0
    assert textsearch.coverage("异地就医直接结算", "提高异地就医联网结算效率")[0] == 0.75
    spread = textsearch.coverage("社区养老服务圈", "社区" + "甲" * 20 + "养老服务圈")[0]
    assert spread < 0.85   # the same characters too far apart are not one phrase


# ------------------------------------------------------------- the engine against the labels

@pytest.fixture(scope="module")
def scores():
    from plancmp.ingest.workspace import Workspace
    from plancmp.views.evaluate import evaluate, read_labels

    ws = Workspace(DATA)
    plans = ws.plans()
    labels = read_labels(ws.labels_path, ws.folder)
    return plans, labels, evaluate(ws, labels, ws.links())


def test_search_skips_only_passages_that_could_not_reach_the_threshold(monkeypatch):
    """textsearch.search leaves out, before measuring coverage, each passage that does not hold
    enough of the query's characters anywhere (_held): its hits are the hits of the same search
    measuring every passage, for the names of every national item searched in every province's
    text at the thresholds the engine uses, and it does leave passages out."""
    from plancmp.core import textnorm
    from plancmp.files.folder import DataFolder
    from plancmp.ingest.evidence import read_source
    from plancmp.ingest.workspace import Workspace

    plans = Workspace(DATA).plans()
    queries = sorted({textnorm.key(i.name) for i in plans["national"].items()} - {""})
    indexes = [textsearch.build(read_source(DataFolder(DATA), plans[pid].source), pid)
               for pid in sorted(set(plans) - {"national"})]
    measured = []
    coverage = textsearch.coverage

    def counted(query: str, text: str) -> tuple[float, int, int]:
        measured.append(1)
        return coverage(query, text)

    def searches() -> list[list[textsearch.Hit]]:
        return [textsearch.search(index, query, threshold) for index in indexes for query in queries
                for threshold in (mentions.FOUND, mentions.CLAUSE_FOUND)]

    monkeypatch.setattr(textsearch, "coverage", counted)
    pruned, with_prefilter = searches(), len(measured)
    monkeypatch.setattr(textsearch, "_held", lambda wanted, text: sum(wanted.values()))   # every passage measured
    measured.clear()
    assert searches() == pruned
    assert sum(map(len, pruned)) > 100
    assert with_prefilter < len(measured) / 2


def test_every_national_item_is_labelled_against_every_province(scores):
    plans, labels, _ = scores
    # restatements show on their first statement's row: they have no row, nor label, of their own
    national = {i.id for i in plans["national"].items() if not i.restates}
    for pairing in labels:
        labelled = {i for kind in ("targets", "services", "tasks") for i in (pairing.get(kind) or {})}
        assert labelled == national, pairing["right"]
    assert {p["right"] for p in labels} == set(plans) - {"national"}


def test_the_eval_goals_hold(scores):
    from plancmp.views.evaluate import omission_precision

    _, _, result = scores
    for kind, s in result.items():
        assert s.f1 >= 0.97, (kind, s.fp, s.fn)
        assert not s.unknown_labels, s.unknown_labels
    assert omission_precision(result) >= 0.97


def test_eval_prints_both_scores_and_the_omission_precision(runner):
    result = runner.invoke(app, ["eval"])
    assert result.exit_code == 0, result.output
    assert "as shipped" in result.output and "engine alone" in result.output
    assert "omission precision" in result.output


# ------------------------------------------------------------- through the CLI

def _lines(province: str) -> list[str]:
    return (DATA / "sources" / f"{province}.txt").read_text(encoding="utf-8").split("\n")


def _check_mentions(data: dict, province: str, data_copy: Path):
    rows = [r for r in data["rows"] if r["basis"] == "text"]
    assert rows and {r["status"] for r in rows} == {"matches"}   # a service read from its sentence
    lines = (data_copy / "sources" / f"{province}.txt").read_text(encoding="utf-8").split("\n")
    for r in rows:
        assert r["right"] is None and r["left"] is not None
        line = "".join(lines[r["passage"]["line"] - 1].split())
        assert r["passage"]["text"] in line, r   # the passage stands on the line it names
        assert r["passage"]["file"].endswith(f"{province}.txt")
    return {r["left"]["id"]: r["passage"]["line"] for r in rows}


def test_an_uncurated_statement_is_read_from_its_line_cli_runner(runner, data_copy):
    assert uncurate(data_copy, "gansu", "残疾人两项补贴资格认定")
    result = runner.invoke(app, ["diff", "national", "gansu", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert _check_mentions(json.loads(result.output), "gansu", data_copy) == {"disability-living-and-care-subsidies": 295}


def test_an_uncurated_statement_is_read_from_its_line_subprocess(data_copy):
    assert uncurate(data_copy, "gansu", "提高异地就医联网结算效率")
    # l.295 states it too (异地就医结算等便利服务), in a task's paragraph: uncurated as well, l.137 comes first
    uncurate(data_copy, "gansu", "异地就医结算等便利服务")
    proc = subprocess.run([str(PLANCMP), "diff", "national", "gansu", "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert _check_mentions(json.loads(proc.stdout), "gansu", data_copy) == {
        "cross-province-medical-settlement": 137, "disability-living-and-care-subsidies": 295}


def test_one_to_many_rows_list_every_covering_item_in_json(runner):
    result = runner.invoke(app, ["diff", "national", "liaoning", "--kind", "services", "--format", "json"])
    data = json.loads(result.output)
    row = next(r for r in data["rows"] if r["left"] and r["left"]["id"] == "two-exemptions-one-subsidy")
    shown = {row["right"]["id"], *(i["id"] for i in row["also"])}
    labels = read_yaml(DATA / "eval" / "pairs.yaml")["pairings"]
    wanted = next(p for p in labels if p["right"] == "liaoning")["services"]["two-exemptions-one-subsidy"]
    assert shown == set(wanted)
