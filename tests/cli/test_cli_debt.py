"""`plancmp debt`: the national items each plan's text states that no curated item holds."""
from __future__ import annotations

import json
import subprocess

from plancmp.cli import app

from conftest import DATA, PLANCMP, uncurate


def _mentioned(runner, province: str) -> list[tuple[str, int]]:
    result = runner.invoke(app, ["diff", "national", province, "--status", "mentioned", "--format", "json"])
    assert result.exit_code == 0, result.output
    return [(r["left"]["id"], r["passage"]["line"]) for r in json.loads(result.output)["rows"]]


def test_debt_is_every_mentioned_row_of_every_province(runner):
    result = runner.invoke(app, ["debt", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["reference"] == "national"
    for province in ("fujian", "gansu", "liaoning"):
        listed = [(r["id"], r["line"]) for r in data["debt"] if r["plan"] == province]
        assert listed == _mentioned(runner, province), province


def test_the_curated_provinces_have_no_debt(runner):
    result = runner.invoke(app, ["debt", "--check"])
    assert result.exit_code == 0 and result.output == "", result.output


def test_debt_lists_an_uncurated_statement(runner, data_copy):
    uncurate(data_copy, "gansu", "提高异地就医联网结算效率")
    # l.295 states it too (异地就医结算等便利服务), in a task's paragraph: uncurated as well (with it the
    # 两项补贴 service of the same sentence), l.137 comes first
    uncurate(data_copy, "gansu", "异地就医结算等便利服务")
    data = json.loads(runner.invoke(app, ["debt", "--format", "json"]).output)
    assert sorted((r["plan"], r["id"], r["line"]) for r in data["debt"]) == [
        ("gansu", "cross-province-medical-settlement", 137), ("gansu", "disability-living-and-care-subsidies", 295)]
    check = runner.invoke(app, ["debt", "--check", "--format", "csv"])
    assert check.exit_code == 1
    assert "gansu" in check.output and "cross-province-medical-settlement" in check.output and "137" in check.output


def test_debt_refuses_the_reference_and_unknown_plans():
    for args, message in ((["national"], "reference plan"), (["atlantis"], "unknown plan")):
        proc = subprocess.run([str(PLANCMP), "debt", *args], capture_output=True, text=True, cwd=DATA.parent, timeout=120)
        assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr
