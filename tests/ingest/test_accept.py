"""Acknowledged warnings: `accept: [{code, reason}]` on an item turns a warning that reflects
the source into a note, so that `plancmp validate --strict` passes on honest data."""
from __future__ import annotations

import json
import re

import pytest

from plancmp.cli import app

from conftest import DATA, read_yaml, replace_once

ACCEPTED = re.compile(r" \(accepted: (?P<reason>.+)\)$")


def report(runner, *args) -> tuple[int, dict]:
    result = runner.invoke(app, ["validate", *args, "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, json.loads(result.output)


def accepts() -> dict[tuple[str, str, str], str]:
    """(plan, item id, code) -> reason, read straight from the YAML."""
    out = {}
    for path in sorted((DATA / "plans").glob("*.yaml")):
        data = read_yaml(path)
        for kind in ("targets", "services", "tasks"):
            for item in data[kind]:
                for accept in item.get("accept") or ():
                    out[(data["id"], item["id"], accept["code"])] = accept["reason"]
    return out


def test_every_accepted_warning_is_a_note_ending_with_its_reason(runner):
    code, data = report(runner)
    assert code == 0 and data["warnings"] == 0, data["findings"]
    wanted = accepts()
    assert {c for _, _, c in wanted} == {"target-below-baseline", "inconsistent-value"}
    notes = [f for f in data["findings"] if ACCEPTED.search(f["message"])]
    assert len(notes) == len(wanted)
    for finding in notes:
        assert finding["severity"] == "note"
        plan = finding["file"].split("/")[-1].removesuffix(".yaml")
        reason = ACCEPTED.search(finding["message"])["reason"]
        assert any(key[0] == plan and key[2] == finding["code"] and reason == " ".join(r.split())
                   for key, r in wanted.items()), finding
    below = {(f["file"].split("/")[-1], f["message"].split(":")[0]) for f in notes if f["code"] == "target-below-baseline"}
    assert ("national.yaml", "subsidised-vocational-training") in below
    assert ("liaoning.yaml", "subsidised-vocational-training") in below
    assert {("fujian.yaml", i) for i in ("compulsory-education-retention", "upper-secondary-gross-enrolment",
                                         "basic-pension-insurance-coverage")} <= below
    [life] = [f for f in notes if f["code"] == "inconsistent-value"]
    assert "78.38" in life["message"] and "78.33" in life["message"] and life["file"].endswith("fujian.yaml")


def test_strict_passes_on_the_real_data(runner):
    result = runner.invoke(app, ["validate", "--strict"])
    assert result.exit_code == 0, result.output
    assert " warning " not in result.output and " error " not in result.output
    code, data = report(runner, "--strict")
    assert code == 0 and {f["severity"] for f in data["findings"]} == {"note"}


def test_without_its_accept_the_warning_is_back(runner, data_copy):
    plan = data_copy / "plans" / "national.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(re.sub(r"    accept:\n      - code: target-below-baseline\n        reason: .*\n", "", text), encoding="utf-8")
    code, data = report(runner, str(plan))
    assert code == 0
    [warning] = [f for f in data["findings"] if f["code"] == "target-below-baseline"]
    assert warning["severity"] == "warning" and "accepted" not in warning["message"]
    assert runner.invoke(app, ["validate", str(plan), "--strict"]).exit_code == 1


def _accept_on_first_target(plan, code: str, reason: str = '"a reason"') -> int:
    """Give national's first target (no warning of its own) an accept; return the line of its code."""
    return replace_once(plan, "    basis: table\n", f"    basis: table\n    accept:\n      - code: {code}\n        reason: {reason}\n") + 2


@pytest.mark.parametrize("code", ["quote-not-found", "value-not-in-quote", "stretch-value", "draft-item", "no-such-code"])
def test_only_a_warning_can_be_accepted(runner, data_copy, code):
    plan = data_copy / "plans" / "national.yaml"
    line = _accept_on_first_target(plan, code)
    status, data = report(runner, str(plan))
    assert status == 1
    [refused] = [f for f in data["findings"] if f["severity"] == "error"]
    assert refused["code"] == "invalid-value" and refused["line"] == line, refused
    assert "cannot be accepted" in refused["message"] and "target-below-baseline" in refused["message"]
    if code == "quote-not-found":
        assert "an error is fixed in the data" in refused["message"]


def test_an_accept_that_matches_nothing_warns(runner, data_copy):
    plan = data_copy / "plans" / "national.yaml"
    line = _accept_on_first_target(plan, "inconsistent-value")
    status, data = report(runner, str(plan))
    assert status == 0
    [unused] = [f for f in data["findings"] if f["code"] == "accept-unused"]
    assert unused["severity"] == "warning" and unused["line"] == line and "a reason" in unused["message"]
    assert runner.invoke(app, ["validate", str(plan), "--strict"]).exit_code == 1
    # a stale accept: the warning it acknowledged is gone (the target corrected)
    plan = data_copy / "plans" / "liaoning.yaml"
    replace_once(plan, 'baseline: {value: "37.5", year: 2020}', 'baseline: null')
    status, data = report(runner, str(plan))
    assert [f["message"].split(":")[0] for f in data["findings"] if f["code"] == "accept-unused"] == \
           ["subsidised-vocational-training"]


@pytest.mark.parametrize("reason,code", [('""', "invalid-value"), ('"   "', "invalid-value"), ("null", "wrong-type")])
def test_a_reason_is_required_and_not_empty(runner, data_copy, reason, code):
    plan = data_copy / "plans" / "national.yaml"
    line = _accept_on_first_target(plan, "target-below-baseline", reason) + 1
    status, data = report(runner, str(plan))
    assert status == 1
    [error] = [f for f in data["findings"] if f["severity"] == "error"]
    assert (error["code"], error["line"]) == (code, line), error
    assert error["path"].endswith(".accept[0].reason")


def test_a_missing_reason_is_a_missing_field(runner, data_copy):
    plan = data_copy / "plans" / "national.yaml"
    replace_once(plan, "    basis: table\n", "    basis: table\n    accept:\n      - code: target-below-baseline\n")
    status, data = report(runner, str(plan))
    assert status == 1
    assert [f["code"] for f in data["findings"] if f["severity"] == "error"] == ["missing-field"]
