"""`plancmp targets`: one row per indicator across plans, national as the reference."""
from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest

from plancmp.cli import app

from conftest import DATA, PLANCMP, plan_yaml

PLANS = sorted(p.stem for p in (DATA / "plans").glob("*.yaml"))
PROVINCES = [p for p in PLANS if p != "national"]


def targets_json(runner, *args) -> dict:
    result = runner.invoke(app, ["targets", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_every_target_of_every_plan_appears_once(runner):
    data = targets_json(runner)
    assert data["plans"] == ["national", *PROVINCES]
    for plan in PLANS:
        targets = {t["id"] for t in plan_yaml(plan)["targets"]}
        cells = [r["cells"][plan] for r in data["rows"]]
        # a cell's counterpart, or a further statement beside it (a stretch value, one of several
        # items that state a national target); tasks and services that state a target may show too
        shown = [c["id"] for c in cells if c.get("id")] + [a["id"] for c in cells for a in c.get("also", [])]
        shown_targets = [i for i in shown if i in targets]
        assert sorted(set(shown_targets)) == sorted(targets), plan
        assert len(shown_targets) == len(set(shown_targets)) or plan != "national", plan


def test_province_cells_agree_with_plancmp_diff(runner):
    data = targets_json(runner)
    for province in PROVINCES:
        rows = json.loads(runner.invoke(app, ["diff", "national", province, "-k", "targets", "-f", "json"]).output)["rows"]
        by_left = {r["left"]["id"]: r for r in rows if r["left"]}
        for row in data["rows"]:
            if row["origin"] != "national":
                continue
            diff_row = by_left[row["cells"]["national"]["id"]]
            assert row["cells"][province]["status"] == diff_row["status"]
            assert row["cells"][province]["id"] == (diff_row["right"] or {}).get("id")


def test_cells_keep_values_as_written_and_mark_body_text_and_flags(runner):
    data = targets_json(runner)
    raw = {t["id"]: t for t in plan_yaml("national")["targets"]}
    for row in data["rows"]:
        cell = row["cells"]["national"]
        if not cell.get("id"):
            continue
        t = raw[cell["id"]]
        assert cell["value"].endswith(str(t["target"]))
        if t["baseline"]:
            assert cell["value"].startswith(str(t["baseline"]["value"]))
        assert cell["body_text"] == (t["basis"] != "table")
        assert cell["flags"] == t.get("flags", [])


def test_table_shows_flags_and_basis(runner):
    out = runner.invoke(app, ["targets"]).output
    flagged = [t for t in plan_yaml("national")["targets"] if "annual_average" in t.get("flags", [])]
    assert flagged and "annual avg" in out
    assert "[text]" in out


def test_domain_accepts_aliases(runner):
    for query in ("老有所养", "养老", "elderly", "laoyousuoyang"):
        assert {r["domain"] for r in targets_json(runner, "--domain", query)["rows"]} == {"老有所养"}


def test_plans_option_selects_columns_by_alias(runner):
    data = targets_json(runner, "--plans", "辽宁,gansu")
    assert data["plans"] == ["national", "liaoning", "gansu"]
    assert all(set(r["cells"]) == {"national", "liaoning", "gansu"} for r in data["rows"])


def test_unknown_plan_is_a_usage_error(runner):
    result = runner.invoke(app, ["targets", "--plans", "atlantis"])
    assert result.exit_code == 2 and "atlantis" in result.output


@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
def test_formats_carry_every_indicator(runner, fmt):
    data = targets_json(runner, "--domain", "学有所教")
    out = runner.invoke(app, ["targets", "--domain", "学有所教", "--format", fmt], env={"COLUMNS": "200"}).output
    if fmt == "csv":   # one line per indicator and plan, one value per cell
        rows = list(csv.DictReader(io.StringIO(out)))
        assert list(dict.fromkeys(r["indicator"] for r in rows)) == list(dict.fromkeys(r["indicator"] for r in data["rows"]))
        by_key = {(r["indicator"], r["plan"]): r for r in rows}
        for r in data["rows"]:
            for pid, c in r["cells"].items():
                if c["status"] != "absent":
                    line = by_key[(r["indicator"], pid)]
                    assert line["status"] == c["status"] and line["target"].lstrip("'") == (c.get("target") or "")
    else:
        assert all(r["indicator"][:8] in out for r in data["rows"])


def test_output_is_byte_identical_across_runs():
    runs = [subprocess.run([str(PLANCMP), "targets", "-f", "markdown"], capture_output=True, timeout=120) for _ in range(2)]
    assert runs[0].returncode == 0 and runs[0].stdout and runs[0].stdout == runs[1].stdout
