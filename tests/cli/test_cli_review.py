"""`plancmp review P` (issue 21.3): the decisions left to finish a drafted province, most
consequential first; each answer writes what a person would have typed and nothing else, in
place (the files' layout and comments kept); it stops and resumes; each key answers quickly."""
from __future__ import annotations

import difflib
import json
import os
import subprocess
import time

import pytest
import yaml
from helpers_drafts import drafted_folder
from typer.testing import CliRunner

from plancmp.cli import app
from plancmp.views.review import STATUS_ORDER, Session

from conftest import DATA, PLANCMP, read_yaml


@pytest.fixture
def fujian(tmp_path):
    return drafted_folder(tmp_path / "data", "fujian")


def invoke(data, *args):
    return CliRunner().invoke(app, list(args), env={"PLANCMP_DATA": str(data)})


def decisions(data, plan="fujian") -> list[dict]:
    result = invoke(data, "review", plan, "--list", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["decisions"]


def answer(data, answers: dict, plan="fujian", code=0):
    path = data.parent / "answers.yaml"
    path.write_text(yaml.safe_dump({"answers": answers}, allow_unicode=True), encoding="utf-8")
    result = invoke(data, "review", plan, "--answers", str(path))
    assert result.exit_code == code, result.output
    return result.stdout


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) from before to after."""
    gone, new = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            gone.append(line[2:])
        elif line.startswith("+ "):
            new.append(line[2:])
    return gone, new


def test_the_decisions_most_consequential_first(fujian):
    listed = decisions(fujian)
    assert listed and {d["why"] for d in listed} <= {"draft", "text", "mentioned", "omission", "draft-item", "draft-gap",
                                                     "low-confidence", "moved"}
    rows = [d for d in listed if d["what"] == "row"]
    items = [d for d in listed if d["what"] == "item"]
    assert listed[-len(items):] == items   # the draft items no row uses come last
    ranks = [STATUS_ORDER.index(d["verdict"]["status"]) for d in rows if d["why"] != "low-confidence"]
    assert ranks == sorted(ranks)   # a shortfall, an omission … before a match
    # each shows the national quote, the province's quote with file:line, the verdict
    row = next(d for d in rows if d["right"])
    for side in (row["national"], row["right"]):
        lines = (DATA / "sources" / f"{side['ref'].split(':')[0]}.txt").read_text(encoding="utf-8").splitlines()
        assert side["line"] and side["quote"].split()[0] in lines[side["line"] - 1]
    text = invoke(fujian, "review", "fujian", "--list").stdout
    assert text.startswith(f"{len(listed)} decisions left to finish fujian")
    zh = invoke(fujian, "review", "fujian", "--list", "--lang", "zh").stdout
    assert zh.startswith(f"完成 fujian 尚需 {len(listed)} 项决定") and "(依据草稿)" in zh and "rests on" not in zh
    # every national row of a fresh draft rests on something nobody checked: each is a decision,
    # but one judged from the national text alone (a target for regions the province is not in)
    diff = json.loads(invoke(fujian, "diff", "national", "fujian", "--format", "json").stdout)
    assert len(rows) == sum(r["left"] is not None and r.get("reason") != "other-regions" for r in diff["rows"])


def test_a_drafted_gap_comes_first_and_y_deletes_only_its_draft_line(tmp_path):
    gansu = drafted_folder(tmp_path / "data", "gansu")
    listed = decisions(gansu, "gansu")
    gaps = [d for d in listed if d["what"] == "gap"]
    assert [d["key"] for d in gaps] == [d["key"] for d in listed[:len(gaps)]] and len(gaps) == 4
    path = gansu / "plans" / "gansu.yaml"
    before = path.read_text(encoding="utf-8")
    out = answer(gansu, {gaps[0]["key"]: "y"}, "gansu")
    assert f"{gaps[0]['key']}: y: confirmed gap" in out
    assert changed_lines(before, path.read_text(encoding="utf-8")) == (["    draft: true"], [])
    assert gaps[0]["key"] not in {d["key"] for d in decisions(gansu, "gansu")}


def test_y_confirms_the_items_a_verdict_rests_on_and_nothing_else(fujian):
    row = next(d for d in decisions(fujian) if d["why"] == "draft" and d["right"] and not d["also"])
    path = fujian / "plans" / "fujian.yaml"
    before = path.read_text(encoding="utf-8")
    links = (fujian / "links.yaml").read_text(encoding="utf-8")
    out = answer(fujian, {row["key"]: "y"})
    assert f"confirmed {row['right']['ref']}" in out
    after = path.read_text(encoding="utf-8")
    assert changed_lines(before, after) == (["    draft: true"], [])
    item = next(i for k in ("targets", "services", "tasks") for i in read_yaml(path)[k] if i["id"] == row["right"]["id"])
    assert "draft" not in item
    assert row["key"] not in {d["key"] for d in decisions(fujian)}   # answered: not asked again
    assert not (fujian / "review").exists() and (fujian / "links.yaml").read_text(encoding="utf-8") == links


def test_a_confirms_a_whole_table_at_once(fujian):
    row = next(d for d in decisions(fujian) if "a" in d["answers"] and d["right"] and d["right"]["section"] == "专栏1")
    n = int(row["answers"]["a"].split()[2])
    path = fujian / "plans" / "fujian.yaml"
    before = path.read_text(encoding="utf-8")
    answer(fujian, {row["key"]: "a"})
    gone, new = changed_lines(before, path.read_text(encoding="utf-8"))
    assert gone == ["    draft: true"] * n and new == []
    table = [i for i in read_yaml(path)["targets"] if i["evidence"].get("section") == "专栏1"]
    assert len(table) == n and not any(i.get("draft") for i in table)


def test_n_forbids_the_pair_with_a_reason_from_both_quotes_and_lines(fujian):
    row = next(d for d in decisions(fujian) if d["why"] == "draft" and d["right"])
    links = fujian / "links.yaml"
    before = links.read_text(encoding="utf-8")
    answer(fujian, {row["key"]: "n"})
    gone, new = changed_lines(before, links.read_text(encoding="utf-8"))
    assert gone == [] and len(new) == 1
    entry = yaml.safe_load(new[0].strip()[2:])
    assert entry["forbid"] == f"{row['national']['ref']} = {row['right']['ref']}"
    assert f"fujian l.{row['right']['line']}" in entry["reason"] and f"national l.{row['national']['line']}" in entry["reason"]
    assert invoke(fujian, "validate").exit_code == 0
    again = {d["key"]: d for d in decisions(fujian)}.get(row["key"])
    assert again is None or (again["right"] or {}).get("id") != row["right"]["id"]


def test_accepting_an_omission_is_recorded_beside_the_plan(fujian):
    row = next(d for d in decisions(fujian) if d["why"] == "omission")
    answer(fujian, {row["key"]: "y"})
    state = read_yaml(fujian / "review" / "fujian.yaml")
    assert state["accepted"] == [{"row": row["national"]["id"], "status": row["verdict"]["status"]}]
    assert (fujian / "review" / "fujian.yaml").read_text(encoding="utf-8").startswith("# plancmp review fujian")
    assert row["key"] not in {d["key"] for d in decisions(fujian)}


def test_an_edit_writes_the_item_in_place_and_vocabulary_beside_the_data(fujian):
    row = next(d for d in decisions(fujian) if d["why"] == "draft" and d["right"] and d["right"]["kind"] == "targets")
    path = fujian / "plans" / "fujian.yaml"
    doc = read_yaml(path)
    item = next(i for i in doc["targets"] if i["id"] == row["right"]["id"])
    fixed = {k: v for k, v in item.items() if k != "draft"} | {"notes": "checked against the table"}
    edit = {"targets": [fixed], "vocabulary": [{"names": ["某个别名"]}]}
    out = answer(fujian, {row["key"]: {"e": edit}})
    assert f"wrote target fujian:{item['id']}" in out and "vocabulary:" in out
    after = read_yaml(path)
    assert [i["id"] for i in after["targets"]] == [i["id"] for i in doc["targets"]]   # replaced where it stood
    assert next(i for i in after["targets"] if i["id"] == item["id"]) == fixed
    vocab = read_yaml(fujian / "vocab" / "commitments.yaml")
    entry = vocab["commitments"][0]
    assert entry["item"] == row["national"]["id"] and entry["names"] == ["某个别名"] and entry["seen_in"] == ["fujian"]
    assert "fujian l." in entry["reason"] and entry["quote"] == row["national"]["quote"]
    assert invoke(fujian, "validate").exit_code == 0


def test_a_wrong_edit_writes_nothing(fujian):
    row = next(d for d in decisions(fujian) if d["why"] == "draft" and d["right"])
    path = fujian / "plans" / "fujian.yaml"
    before = path.read_bytes()
    bad = {"targets": [{"id": "made-up", "domain": "其他", "indicator": "x", "unit": None, "baseline": None,
                        "target": "9", "year": 2025, "binding": None, "basis": "text",
                        "evidence": {"quote": "这句话原文里没有"}}]}
    result = CliRunner().invoke(app, ["review", "fujian", "--answers", "-"], input=yaml.safe_dump(
        {"answers": {row["key"]: {"e": bad}}}, allow_unicode=True), env={"PLANCMP_DATA": str(fujian)})
    assert result.exit_code == 1 and "nothing written" in result.stderr
    assert path.read_bytes() == before


def test_it_stops_and_resumes_where_it_was(fujian):
    first = decisions(fujian)
    env = dict(os.environ, PLANCMP_DATA=str(fujian))
    proc = subprocess.run([str(PLANCMP), "review", "fujian", "--timings"], input="y\ny\ns\nq\n", capture_output=True,
                          text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert f"[1/{len(first)}] {first[0]['key']}" in proc.stdout and "2 answered" in proc.stdout
    assert f"  y  {first[0]['answers']['y']}" in proc.stdout   # what the key writes, said before it is pressed
    left = decisions(fujian)
    assert [d["key"] for d in left] == [d["key"] for d in first[2:]]   # the next time starts at the third
    assert "answers: median" in proc.stderr


def test_each_key_answers_in_under_200_ms(fujian):
    session = Session(fujian, "fujian")
    times = []
    for _ in range(15):
        d = next(x for x in session.decisions() if x.why in ("draft", "draft-item", "omission"))
        start = time.perf_counter()
        session.answer(d, "y")
        session.decisions()   # and the next decision is ready
        session.describe(session.decisions()[0])
        times.append(time.perf_counter() - start)
    times = sorted(times[1:])   # the first answer imports what checks and writes (measured apart, README)
    assert times[len(times) // 2] < 0.2, times


def test_a_pair_is_pinned_once_whatever_is_answered_again(fujian):
    row = next(d for d in decisions(fujian) if d["why"] == "draft" and d["right"])
    other = next(d for d in decisions(fujian) if d["what"] == "item")["item"]
    links = fujian / "links.yaml"
    for _ in range(2):   # the same pin written twice: one line
        answer(fujian, {row["key"]: {"e": {"pin": other["id"]}}})
    pair = f"{row['national']['ref']} = {other['ref']}"
    assert links.read_text(encoding="utf-8").count(pair) == 1
    left = {d["key"]: d for d in decisions(fujian)}
    if row["key"] in left:   # a forbid of a pinned pair replaces the pin
        answer(fujian, {row["key"]: "n"})
        text = links.read_text(encoding="utf-8")
        assert text.count(pair) <= 1 and f'pin: "{pair}"' not in text
    assert invoke(fujian, "validate").exit_code == 0


def test_an_answer_whose_decision_an_earlier_answer_changed_is_not_applied(fujian):
    def drafts(d):
        return {s["id"] for s in [d["right"], *d["also"]] if s and s["draft"]}

    rows = [d for d in decisions(fujian) if d["what"] == "row"]
    # A confirms an item B rests on too, B rests on another draft besides: answering A changes B
    first, second = next((a, b) for a in rows for b in rows
                         if a is not b and drafts(a) & drafts(b) and drafts(b) - drafts(a))
    path = fujian.parent / "answers.yaml"
    path.write_text(yaml.safe_dump({"answers": {first["key"]: "y", second["key"]: "y"}}), encoding="utf-8")
    plan = fujian / "plans" / "fujian.yaml"
    before = plan.read_text(encoding="utf-8")
    result = invoke(fujian, "review", "fujian", "--answers", str(path))
    assert result.exit_code == 0, result.output
    assert f"{second['key']}: an earlier answer changed this decision: not answered" in result.stderr
    assert "1 answered" in result.stdout
    gone, _ = changed_lines(before, plan.read_text(encoding="utf-8"))
    assert len(gone) == len(drafts(first))   # only A's items were confirmed
    again = {d["key"]: d for d in decisions(fujian)}
    assert drafts(again[second["key"]]) == drafts(second) - drafts(first)
