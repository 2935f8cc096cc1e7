"""`plancmp show PLAN [ITEM]` on the real data; expectations read from the YAML and source texts."""
from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest

from plancmp.cli import app

from conftest import DATA, PLANCMP, plan_yaml

KINDS = ("targets", "services", "tasks")


def source_line(plan_id: str, quote: str) -> int:
    """The 1-based line where the quote starts, whitespace ignored (as the evidence rule says)."""
    text = (DATA / "sources" / f"{plan_id}.txt").read_text(encoding="utf-8-sig")
    squeezed, lines, line = [], [], 1
    for ch in text:
        if ch == "\n":
            line += 1
        if not ch.isspace():
            squeezed.append(ch)
            lines.append(line)
    return lines["".join(squeezed).index("".join(quote.split()))]


PLANS = sorted(p.stem for p in (DATA / "plans").glob("*.yaml"))


@pytest.mark.parametrize("plan_id", PLANS)
def test_overview_json_lists_every_item_once(runner, plan_id):
    result = runner.invoke(app, ["show", plan_id, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    raw = plan_yaml(plan_id)
    expected = sorted((kind, item["id"]) for kind in KINDS for item in raw.get(kind) or [])
    assert sorted((i["kind"], i["id"]) for i in data["items"]) == expected
    assert data["counts"] == {kind: len(raw.get(kind) or []) for kind in KINDS}
    assert [g["id"] for g in data["source_gaps"]] == [g["id"] for g in raw["source_gaps"]]


def test_overview_is_grouped_by_domain_in_vocabulary_order(runner):
    from plancmp.core.vocab import domain_names

    items = json.loads(runner.invoke(app, ["show", "liaoning", "-f", "json"]).output)["items"]
    order = [domain_names().index(i["domain"]) for i in items]
    assert order == sorted(order)


def test_item_detail_gives_quote_section_and_source_line(runner):
    raw = plan_yaml("national")["targets"][0]
    result = runner.invoke(app, ["show", "national", raw["id"], "--format", "json"])
    assert result.exit_code == 0, result.output
    item = json.loads(result.output)["item"]
    assert item["evidence"]["quote"] == raw["evidence"]["quote"]
    assert item["evidence"]["section"] == raw["evidence"]["section"]
    assert item["evidence"]["line"] == source_line("national", raw["evidence"]["quote"])
    assert item["target"] == str(raw["target"])
    text = (DATA / "plans" / "national.yaml").read_text(encoding="utf-8").splitlines()
    assert f"id: {raw['id']}" in text[item["defined"]["line"] - 1]


@pytest.mark.parametrize("plan_id", PLANS)
def test_every_quote_has_a_source_line(runner, plan_id):
    items = json.loads(runner.invoke(app, ["show", plan_id, "-f", "json"]).output)["items"]
    assert all(isinstance(i["evidence"]["line"], int) for i in items)


def test_item_table_shows_the_quote_and_file_line(runner):
    raw = plan_yaml("gansu")["tasks"][0]
    result = runner.invoke(app, ["show", "甘肃", raw["id"]])
    assert result.exit_code == 0, result.output
    line = source_line("gansu", raw["evidence"]["quote"])
    assert f"data/sources/gansu.txt:{line}" in result.output
    assert raw["title"] in result.output


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
def test_overview_formats_carry_every_id(runner, fmt):
    raw = plan_yaml("fujian")
    result = runner.invoke(app, ["show", "fujian", "--format", fmt], env={"COLUMNS": "200"})   # ids whole
    assert result.exit_code == 0
    ids = [item["id"] for kind in KINDS for item in raw[kind]]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.output)))
        assert sorted(r["id"] for r in rows) == sorted(ids)
    else:
        assert all(i in result.output for i in ids)


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_item_formats(runner, fmt):
    raw = plan_yaml("liaoning")["services"][0]
    result = runner.invoke(app, ["show", "liaoning", raw["id"], "-f", fmt])
    assert result.exit_code == 0
    assert raw["item"] in result.output and raw["evidence"]["quote"].split()[0] in result.output


def test_unknown_item_suggests_close_ids(runner):
    raw = plan_yaml("national")["targets"][0]
    result = runner.invoke(app, ["show", "national", raw["id"][:-3]])
    assert result.exit_code == 2
    assert raw["id"] in result.output


def test_unknown_plan_is_a_usage_error(runner):
    result = runner.invoke(app, ["show", "atlantis"])
    assert result.exit_code == 2 and "national" in result.output


def test_output_is_byte_identical_across_runs():
    runs = [subprocess.run([str(PLANCMP), "show", "liaoning"], capture_output=True, timeout=120) for _ in range(2)]
    assert runs[0].returncode == 0 and runs[0].stdout == runs[1].stdout and runs[0].stdout


def test_counterparts_agree_with_plancmp_diff(runner):
    """Every national target's counterparts are the rows `plancmp diff national P` gives for it."""
    provinces = [p for p in PLANS if p != "national"]
    diffs = {p: json.loads(runner.invoke(app, ["diff", "national", p, "--kind", "targets", "-f", "json"]).output)
             for p in provinces}
    for raw in plan_yaml("national")["targets"][:6]:
        result = runner.invoke(app, ["show", "national", raw["id"], "-f", "json"])
        assert result.exit_code == 0, result.output
        found = {c["plan"]: c for c in json.loads(result.output)["counterparts"]}
        assert sorted(found) == provinces
        for p in provinces:
            [row] = [r for r in diffs[p]["rows"] if r["left"] and r["left"]["id"] == raw["id"]]
            assert found[p]["status"] == row["status"]
            assert (found[p]["counterpart"] or {}).get("id") == (row["right"] or {}).get("id")


@pytest.mark.slow   # 10 province items, each shown against every other plan (2 province diffs each)
def test_province_item_is_judged_against_national(runner):
    rows = json.loads(runner.invoke(app, ["diff", "national", "liaoning", "-f", "json"]).output)["rows"]
    for raw in plan_yaml("liaoning")["targets"][:10]:
        counterparts = json.loads(runner.invoke(app, ["show", "辽宁", raw["id"], "-f", "json"]).output)["counterparts"]
        [national] = [c for c in counterparts if c["plan"] == "national"]
        assert national["reference"] == "national"
        # the row where the target stands: as the counterpart, else among the further items
        stands = [r for r in rows if (r["right"] or {}).get("id") == raw["id"]] or \
                 [r for r in rows if raw["id"] in [a["id"] for a in r["also"]]]
        assert national["status"] == stands[0]["status"], raw["id"]


def test_show_lists_every_statement_of_a_restated_indicator(runner):
    """Liaoning states its 托位 target in the table (≥3) and again in the text (3个, 力争达到4.5个):
    show gives each statement with its value and quote, from the first statement or any other."""
    raw = {t["id"]: t for t in plan_yaml("liaoning")["targets"]}
    again = sorted(i for i, t in raw.items() if t.get("restates") == "nursery-places-per-1000")
    assert "nursery-places-per-1000-stretch" in again
    for shown in ("nursery-places-per-1000", again[0]):
        data = json.loads(runner.invoke(app, ["show", "liaoning", shown, "-f", "json"]).output)
        statements = {s["id"]: s for s in data["statements"]}
        assert set(statements) == {"nursery-places-per-1000", *again}
        for i, s in statements.items():
            assert s["target"] == str(raw[i]["target"]) and s["evidence"]["quote"] == raw[i]["evidence"]["quote"]
    text = runner.invoke(app, ["show", "liaoning", "nursery-places-per-1000"], env={"COLUMNS": "200"}).output
    assert "力争达到4.5个" in text and "Every statement of" in text
