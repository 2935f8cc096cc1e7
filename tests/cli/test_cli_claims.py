"""`plancmp claims`: each claim of the Liaoning press article with a verdict against the plan."""
from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest

from plancmp.cli import app

from conftest import DATA, PLANCMP, read_yaml

PRESS = DATA / "press" / "liaoning-press.yaml"
HEADLINE = "headline-inclusive-kindergarten-85"


@pytest.fixture(scope="module")
def curated() -> list[dict]:
    return read_yaml(PRESS)["claims"]


@pytest.fixture(scope="module")
def judged() -> dict:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["claims", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def by_id(data: dict) -> dict:
    return {c["id"]: c for p in data["press"] for c in p["claims"]}


def test_every_curated_claim_is_listed_with_a_verdict(judged, curated):
    [press] = judged["press"]
    assert (press["id"], press["plan"]) == ("liaoning-press", "liaoning")
    assert [c["id"] for c in press["claims"]] == [c["id"] for c in curated]   # all of them, in the article's order
    verdicts = {"supported", "overstated", "understated", "not-in-plan", "context"}
    assert all(c["verdict"] in verdicts for c in press["claims"])
    assert sum(press["counts"].values()) == len(curated)
    for claim, mine in zip(curated, press["claims"]):   # the linked items, with name, value and quote
        assert [i["id"] for i in mine["links"]] == claim["links"]
        assert all(i["name"] and i["quote"] for i in mine["links"])


def test_the_85_percent_headline_is_overstated_naming_both_numbers(judged):
    claim = by_id(judged)[HEADLINE]
    assert claim["verdict"] == "overstated"
    [number] = claim["numbers"]
    assert (number["claim"], number["claim_reads"], number["plan"], number["plan_reads"]) == ("超85%", ">85%", "85%以上", "≥85%")
    assert number["item"] == "inclusive-kindergarten-enrolment-share"
    assert "超85%" in claim["reasons"][0] and "85%以上" in claim["reasons"][0]


def test_verdicts_of_the_curated_article(judged, curated):
    claims = by_id(judged)
    overstated = [c["id"] for c in claims.values() if c["verdict"] == "overstated"]
    assert overstated == [HEADLINE]
    for c in claims.values():   # every overstated or understated row names both numbers
        if c["verdict"] in ("overstated", "understated"):
            assert all(n["claim"] in r and n["plan"] in r for n, r in zip([n for n in c["numbers"] if n["verdict"] != "supported"], c["reasons"]))
    context = sorted(c["id"] for c in curated if not c["links"])
    assert sorted(i for i, c in claims.items() if c["verdict"] == "context") == context == ["plan-domains", "plan-period"]
    # the article's own restatement of the same target, in the plan's words, is supported
    assert claims["kindergarten-enrolment-shares-2025"]["verdict"] == "supported"
    assert {n["item"] for n in claims["kindergarten-enrolment-shares-2025"]["numbers"]} == {
        "inclusive-kindergarten-enrolment-share", "public-kindergarten-enrolment-share",
        "quality-inclusive-kindergarten-enrolment-share"}
    # the 3 of “1+3+X” is not the 3个 bases: no false verdict from a bare number
    assert claims["treatment-system-1-3-x"]["verdict"] == "supported"


def test_numbers_that_differ_are_over_or_understated():
    from plancmp.engine.claims import compare_numbers
    from plancmp.ingest.workspace import Workspace

    share = Workspace(DATA).plan("liaoning").item("inclusive-kindergarten-enrolment-share")
    [higher] = compare_numbers("普惠性幼儿园在园幼儿占比超过90%", [share])
    [lower] = compare_numbers("普惠性幼儿园在园幼儿占比达到80%", [share])
    [weaker] = compare_numbers("普惠性幼儿园在园幼儿占比力争达到85%以上", [share])
    [same] = compare_numbers("2025年普惠性幼儿园在园幼儿占比不低于85%", [share])   # 2025年 is a year, not a number
    assert (higher["verdict"], higher["claim"], higher["plan"]) == ("overstated", "超过90%", "85%以上")
    assert (lower["verdict"], lower["claim"], lower["plan"]) == ("understated", "达到80%", "85%以上")
    assert weaker["verdict"] == "understated" and same["verdict"] == "supported"


def test_an_unsupported_claim_is_not_in_the_plan(runner, data_copy):
    press = data_copy / "press" / "liaoning-press.yaml"
    press.write_text(press.read_text(encoding="utf-8") + (
        "  - id: invented-claim\n"
        "    quote: \"规划期为2021—2025年。\"\n"
        "    links: []\n"
        "    supported: false\n"), encoding="utf-8")
    result = runner.invoke(app, ["claims", "liaoning-press", "--format", "json"])
    assert result.exit_code == 0, result.output
    claim = by_id(json.loads(result.output))["invented-claim"]
    assert (claim["verdict"], claim["verdict_text"]) == ("not-in-plan", "not in the plan")
    table = runner.invoke(app, ["claims", "liaoning-press"], env={"COLUMNS": "1000"})
    assert "not in the plan" in next(line for line in table.output.splitlines() if "invented-claim" in line)


def test_a_press_file_with_errors_is_refused(data_copy):
    press = data_copy / "press" / "liaoning-press.yaml"
    press.write_text(press.read_text(encoding="utf-8").replace("links: [sporty-liaoning]", "links: [no-such-item]", 1),
                     encoding="utf-8")
    proc = subprocess.run([str(PLANCMP), "claims"], capture_output=True, text=True, timeout=120)   # PLANCMP_DATA: the copy
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "link-unknown-id" in proc.stderr and "no-such-item" in proc.stderr and "liaoning-press.yaml" in proc.stderr


def test_json_through_a_real_subprocess(judged):
    proc = subprocess.run([str(PLANCMP), "claims", "--format", "json"], capture_output=True, text=True,
                          cwd=DATA.parent, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == judged
    by_path = subprocess.run([str(PLANCMP), "claims", str(PRESS), "--format", "json"], capture_output=True, text=True,
                             cwd=DATA.parent, timeout=120)
    assert by_path.returncode == 0 and json.loads(by_path.stdout) == judged


def test_table_csv_and_markdown(runner, curated):
    table = runner.invoke(app, ["claims"], env={"COLUMNS": "1000"})
    assert table.exit_code == 0
    headline = next(line for line in table.output.splitlines() if HEADLINE in line)
    assert "overstated" in headline and "超85%" in headline and "85%以上" in headline
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["claims", "--format", "csv"]).output)))
    assert [r["claim"] for r in rows] == [c["id"] for c in curated]
    assert {r["claim"]: r["verdict"] for r in rows}[HEADLINE] == "overstated"
    markdown = runner.invoke(app, ["claims", "--format", "markdown"]).output
    assert markdown.startswith("## liaoning-press") and sum(line.startswith("| ") for line in markdown.splitlines()) == len(curated) + 2


def test_unknown_press_is_a_usage_error():
    for args, message in ((["atlantis-press"], "unknown press 'atlantis-press'"), (["no/such.yaml"], "no such file")):
        proc = subprocess.run([str(PLANCMP), "claims", *args], capture_output=True, text=True, cwd=DATA.parent, timeout=120)
        assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


def test_the_report_has_a_claims_section(runner, tmp_path, curated):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    section = html[html.index('<section id="claims">'):]
    section = section[:section.index("</section>")]
    assert section.count("data-claim=") == len(curated)
    headline = section[section.index(f'data-claim="{HEADLINE}"'):]
    headline = headline[:headline.index("</tr>")]
    assert "overstated" in headline and "超85%" in headline and "85%以上" in headline
