"""`plancmp diff` through CliRunner and a real subprocess."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess

import jsonschema
import pytest

from plancmp.cli import app
from plancmp.core.verdicts import STATUSES
from plancmp.ingest.schema import SCHEMAS

from conftest import PLANCMP, ROOT


def _json(runner, *args):
    result = runner.invoke(app, ["diff", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("b", ["liaoning", "fujian", "gansu"])
def test_json_follows_the_published_schema(runner, b):
    data = _json(runner, "national", b)
    jsonschema.validate(data, SCHEMAS["diff"]())
    assert data["left"]["id"] == "national" and data["right"]["id"] == b
    assert data["summary"]["total"] == len(data["rows"])
    assert {r["status"] for r in data["rows"]} <= set(STATUSES)


def test_table_rows_land_on_the_expected_pairs(runner):
    rows = _json(runner, "national", "liaoning", "--kind", "targets")["rows"]
    by_left = {r["left"]["id"]: r for r in rows if r["left"]}
    beds = by_left["elderly-care-beds-total"]
    assert beds["right"]["name"] == "养老服务床位总量" and beds["status"] == "not-comparable"
    assert by_left["nursery-places-per-1000"]["status"] == "below"  # 4.5 against ≥3


@pytest.mark.parametrize("alias_a,alias_b", [("全国", "辽宁"), ("国家", "辽宁省"), ("NATIONAL", "liaoning")])
def test_plan_aliases(runner, alias_a, alias_b):
    assert _json(runner, alias_a, alias_b)["right"]["id"] == "liaoning"


def test_province_against_province(runner):
    data = _json(runner, "fujian", "liaoning", "--kind", "targets")
    assert data["left"]["id"] == "fujian" and data["rows"]


@pytest.mark.parametrize("query", ["老有所养", "养老", "elderly", "laoyousuoyang"])
def test_domain_filter_accepts_aliases(runner, query):
    rows = _json(runner, "national", "liaoning", "--domain", query)["rows"]
    assert rows and {r["domain"] for r in rows} == {"老有所养"}


def test_status_and_kind_filters(runner):
    data = _json(runner, "national", "liaoning", "--kind", "targets", "--status", "below,not comparable")
    assert data["rows"] and {r["status"] for r in data["rows"]} <= {"below", "not-comparable"}
    assert {r["kind"] for r in data["rows"]} == {"targets"}
    assert data["summary"]["total"] == len(data["rows"])


def test_table_is_plain_when_piped(runner):
    result = runner.invoke(app, ["diff", "national", "liaoning", "--kind", "targets"])
    assert result.exit_code == 0
    assert "\x1b[" not in result.output
    assert "养老服务床位总量" in result.output and "summary" in result.output and "not comparable" in result.output


def test_evidence_shows_quotes(runner):
    plain = runner.invoke(app, ["diff", "national", "liaoning", "--kind", "targets", "--domain", "养老", "--format", "markdown"]).output
    quoted = runner.invoke(app, ["diff", "national", "liaoning", "--kind", "targets", "--domain", "养老", "--format", "markdown", "--evidence"]).output
    assert "“" not in plain.split("## Summary")[0].replace("“十四五”", "") and "“" in quoted.replace("“十四五”", "")


def test_csv_and_markdown(runner):
    out = runner.invoke(app, ["diff", "national", "fujian", "--format", "csv"]).output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and set(rows[0]) >= {"kind", "domain", "status", "left_id", "right_id", "score"}
    md = runner.invoke(app, ["diff", "national", "fujian", "--format", "markdown"]).output
    assert md.startswith("# ") and "## Summary" in md and "| kind |" in md


def test_review_is_an_alias_of_plancmp_review_list(runner):
    result = runner.invoke(app, ["diff", "national", "liaoning", "--review"])
    assert result.exit_code == 0
    listed = runner.invoke(app, ["review", "liaoning", "--list"])
    assert result.stdout == listed.stdout and "decisions left to finish liaoning" in listed.stdout
    assert "plancmp review liaoning --list" in result.stderr
    wrong = runner.invoke(app, ["diff", "liaoning", "fujian", "--review"])
    assert wrong.exit_code == 2 and "plancmp review fujian" in wrong.output


@pytest.mark.parametrize("args,needle", [
    (["national", "atlantis"], "fujian, gansu, liaoning, national"),
    (["national", "national"], "same plan"),
    (["national", "liaoning", "--kind", "goals"], "targets, services, tasks"),
    (["national", "liaoning", "--domain", "space"], "老有所养"),
    (["national", "liaoning", "--status", "better"], "exceeds"),
    (["national", "liaoning", "--format", "pdf"], "pdf"),
])
def test_usage_errors_exit_2_and_list_valid_values(runner, args, needle):
    result = runner.invoke(app, ["diff", *args])
    assert result.exit_code == 2
    assert needle in result.output


def test_output_is_deterministic(runner):
    first = runner.invoke(app, ["diff", "national", "gansu", "--format", "json"]).output
    second = runner.invoke(app, ["diff", "national", "gansu", "--format", "json"]).output
    assert first == second
    t1 = runner.invoke(app, ["diff", "national", "liaoning"]).output
    assert t1 == runner.invoke(app, ["diff", "national", "liaoning"]).output


def test_links_overrule_and_are_validated(runner, data_copy):
    links = data_copy / "links.yaml"
    links.write_text('links:\n  - {forbid: "national:elderly-care-beds-total = liaoning:elderly-care-beds-total", reason: "test"}\n', encoding="utf-8")
    rows = _json(runner, "national", "liaoning", "--kind", "targets")["rows"]
    beds = [r for r in rows if r["left"] and r["left"]["id"] == "elderly-care-beds-total"]
    assert beds[0]["right"] is None or beds[0]["right"]["id"] != "elderly-care-beds-total"
    links.write_text('links:\n  - {pin: "national:no-such = atlantis:x", reason: "test"}\n'
                     '  - {pin: "national:life-expectancy = liaoning:nope", reason: "test"}\n'
                     '  - {pin: "national:life-expectancy = liaoning:life-expectancy", reason: "same"}\n'
                     '  - {forbid: "national:life-expectancy = liaoning:life-expectancy", reason: "no"}\n', encoding="utf-8")
    out = runner.invoke(app, ["validate"]).output
    assert "link-unknown-plan" in out and "link-unknown-id" in out and "link-conflict" in out
    assert "links.yaml:2:" in out


def test_real_subprocess_json():
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PLANCMP_DATA", None)
    proc = subprocess.run([str(PLANCMP), "diff", "national", "liaoning", "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    jsonschema.validate(data, SCHEMAS["diff"]())
    assert data["summary"]["by_status"]["matches"] > 0
