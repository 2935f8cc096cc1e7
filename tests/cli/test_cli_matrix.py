"""`plancmp matrix`: every national commitment × every province, checked against `plancmp diff`."""
from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest

from plancmp.cli import app

from conftest import DATA, PLANCMP, read_yaml

PLANS = sorted(p.stem for p in (DATA / "plans").glob("*.yaml"))
PROVINCES = [p for p in PLANS if p != "national"]
KINDS = ("targets", "services", "tasks")


def national_ids(kind: str) -> list[str]:
    raw = read_yaml(DATA / "plans" / "national.yaml")
    return [item["id"] for item in raw[kind] if not item.get("restates")]   # a restatement has no row of its own


def matrix_json(runner, *args) -> dict:
    result = runner.invoke(app, ["matrix", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("kind", KINDS)
def test_one_cell_per_national_item_and_province(runner, kind):
    data = matrix_json(runner, "--kind", kind)
    assert sorted(r["id"] for r in data["rows"]) == sorted(national_ids(kind))
    assert data["plans"] == PROVINCES
    assert all(sorted(r["cells"]) == PROVINCES for r in data["rows"])


@pytest.mark.parametrize("kind", KINDS)
def test_cells_are_the_verdicts_of_plancmp_diff(runner, kind):
    data = matrix_json(runner, "--kind", kind)
    for province in PROVINCES:
        rows = json.loads(runner.invoke(app, ["diff", "national", province, "--kind", kind, "-f", "json"]).output)["rows"]
        verdicts = {r["left"]["id"]: (r["status"], (r["right"] or {}).get("id")) for r in rows if r["left"]}
        for row in data["rows"]:
            cell = row["cells"][province]
            assert (cell["status"], cell["counterpart"]) == verdicts[row["id"]], (province, row["id"])


def test_coverage_counts_add_up_to_the_cells(runner):
    data = matrix_json(runner)
    for cov in data["coverage"]:
        cells = [r["cells"][cov["plan"]] for r in data["rows"] if cov["domain"] in ("(all)", r["domain"])]
        assert cov["total"] == len(cells) == sum(cov["counts"].values())
        matched = sum(c["status"] in ("exceeds", "matches", "matches-quantified") for c in cells)
        assert cov["counts"]["matched or exceeded"] == matched
        assert cov["counts"]["unknown"] == sum(c["status"] == "unknown" for c in cells)


def test_a_province_whose_table_was_lost_shows_unknown_not_omitted(runner):
    """Gansu's 专栏1 is a declared source gap: national table targets it lacks are unknown."""
    gansu = read_yaml(DATA / "plans" / "gansu.yaml")
    assert any("targets" in (g.get("kinds") or ["targets"]) for g in gansu["source_gaps"])
    cells = [r["cells"]["gansu"] for r in matrix_json(runner)["rows"]]
    assert not any(c["status"] == "omitted" for c in cells)
    assert any(c["status"] == "unknown" for c in cells)


def test_domain_filter_keeps_one_domain(runner):
    data = matrix_json(runner, "--domain", "elderly")
    assert {r["domain"] for r in data["rows"]} == {"老有所养"}


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_formats_show_every_row(runner, fmt):
    data = matrix_json(runner)
    out = runner.invoke(app, ["matrix", "--format", fmt], env={"COLUMNS": "200"}).output   # ids whole: wide enough
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [r["id"] for r in rows] == [r["id"] for r in data["rows"]]
        assert [r[PROVINCES[0]] for r in rows] == [r["cells"][PROVINCES[0]]["status"] for r in data["rows"]]
    else:
        assert all(r["id"] in out for r in data["rows"])
        assert "matched or exceeded" in out   # the coverage table at the bottom


def test_unknown_domain_is_a_usage_error(runner):
    result = runner.invoke(app, ["matrix", "--domain", "astronomy"])
    assert result.exit_code == 2


def test_output_is_byte_identical_across_runs():
    runs = [subprocess.run([str(PLANCMP), "matrix"], capture_output=True, timeout=120) for _ in range(2)]
    assert runs[0].returncode == 0 and runs[0].stdout and runs[0].stdout == runs[1].stdout
