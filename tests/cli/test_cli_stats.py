"""`plancmp stats` counts what the plan files hold (counted here straight from the YAML)."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest

from plancmp.cli import app

from conftest import DATA, read_yaml


def yaml_counts() -> dict[str, Counter]:
    out = {}
    for path in (DATA / "plans").glob("*.yaml"):
        data = read_yaml(path)
        c = Counter()
        for t in data["targets"]:
            c[f"targets ({t['basis']})"] += 1
        c["services"] = len(data["services"])
        c["tasks"] = len(data["tasks"])
        c["gaps"] = len(data["source_gaps"])
        out[data["id"]] = c
    return out


def test_json_totals_match_the_yaml(runner):
    result = runner.invoke(app, ["stats", "--format", "json"])
    assert result.exit_code == 0
    report = json.loads(result.output)
    expected = yaml_counts()
    totals = {r["plan"]: r for r in report["rows"] if r["domain"] == "(all)"}
    assert set(totals) == set(expected)
    for plan, counts in expected.items():
        for column in ("targets (table)", "targets (text)", "targets (box)", "services", "tasks"):
            assert totals[plan][column] == counts[column], (plan, column)
        assert sum(g["plan"] == plan for g in report["gaps"]) == counts["gaps"]


def test_domain_rows_add_up_to_the_totals(runner):
    rows = json.loads(runner.invoke(app, ["stats", "--format", "json"]).output)["rows"]
    for plan in {r["plan"] for r in rows}:
        parts = [r for r in rows if r["plan"] == plan and r["domain"] != "(all)"]
        [total] = [r for r in rows if r["plan"] == plan and r["domain"] == "(all)"]
        assert sum(r["tasks"] for r in parts) == total["tasks"]


def test_gansu_lost_table_is_listed(runner):
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 0
    assert "gap gansu:" in result.output and "专栏1" in result.output


@pytest.mark.parametrize("fmt", ["csv", "markdown", "table"])
def test_other_formats_carry_the_same_rows(runner, fmt):
    rows = json.loads(runner.invoke(app, ["stats", "--format", "json"]).output)["rows"]
    out = runner.invoke(app, ["stats", "--format", fmt]).output
    if fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(out)))) == len(rows)
    else:
        for r in rows:
            assert r["domain"] in out


def test_output_is_byte_identical_across_runs(runner):
    assert runner.invoke(app, ["stats", "--format", "csv"]).output == runner.invoke(app, ["stats", "--format", "csv"]).output
