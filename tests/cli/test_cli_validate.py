"""`plancmp validate` through the CLI: the real data passes, broken copies fail precisely."""
from __future__ import annotations

import json
import re
import subprocess

from plancmp.cli import app

from conftest import PLANCMP, replace_once

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|note) (?P<code>[a-z-]+) (?P<msg>.+)$")


def findings(output: str) -> list[dict]:
    return [m.groupdict() for m in map(LINE.match, output.splitlines()) if m]


def test_real_data_is_valid(runner):
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def _item_blocks(path) -> list[tuple[int, int]]:
    """(first, last) 0-based line indexes of each list item of the plan."""
    lines = path.read_text(encoding="utf-8").split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("  - id: ")]
    return [(a, b - 1) for a, b in zip(starts, starts[1:] + [len(lines)])]


def _edit_in_item(path, block, old: str, new: str) -> int:
    """Replace `old` within one item's lines; return the 1-based line edited."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for i in range(block[0], block[1] + 1):
        if old in lines[i]:
            lines[i] = lines[i].replace(old, new, 1)
            path.write_text("\n".join(lines), encoding="utf-8")
            return i + 1
    raise AssertionError(f"{old!r} not in item at line {block[0] + 1}")


def test_each_problem_gets_one_positioned_finding(runner, data_copy):
    plan = data_copy / "plans" / "national.yaml"
    blocks = _item_blocks(plan)
    domain_line = _edit_in_item(plan, blocks[0], "domain: 幼有所育", "domain: 幼有所乐")
    quote_line = _edit_in_item(plan, blocks[2], "quote: \"学前教育毛入园率", "quote: \"学前教育净入园率")
    dup_id = plan.read_text(encoding="utf-8").split("\n")[blocks[3][0]].split(": ")[1]
    dup_line = _edit_in_item(plan, blocks[4], "id: ", f"id: {dup_id}  # ")
    type_line = _edit_in_item(plan, blocks[5], "year: 2025", "year: [2025]")
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.exit_code == 1
    errors = [f for f in findings(result.output) if f["sev"] == "error"]
    assert sorted((f["code"], int(f["line"])) for f in errors) == sorted([
        ("unknown-domain", domain_line), ("quote-not-found", quote_line),
        ("duplicate-id", dup_line), ("wrong-type", type_line)]), result.output


def test_misquote_names_the_closest_passage(runner, data_copy):
    plan = data_copy / "plans" / "national.yaml"
    replace_once(plan, 'quote: "学前教育毛入园率', 'quote: "学前教育净入园率')
    result = runner.invoke(app, ["validate", str(plan)])
    [finding] = [f for f in findings(result.output) if f["code"] == "quote-not-found"]
    assert re.search(r"closest passage at .*national\.txt:\d+", finding["msg"])


def test_bad_indentation_is_a_syntax_error_with_position(runner, data_copy):
    plan = data_copy / "plans" / "liaoning.yaml"
    line = replace_once(plan, "\n    domain:", "\n      domain:")
    result = runner.invoke(app, ["validate", str(plan)])
    assert result.exit_code == 1
    [finding] = findings(result.output)
    assert finding["code"] == "yaml-syntax"
    assert abs(int(finding["line"]) - line) <= 2
    assert "Traceback" not in result.output


def test_unknown_field_suggests_the_known_one(runner, data_copy):
    plan = data_copy / "plans" / "national.yaml"
    line = replace_once(plan, "    indicator:", "    indicater:")
    result = runner.invoke(app, ["validate", str(plan)])
    got = findings(result.output)
    assert {"unknown-field", "missing-field"} <= {f["code"] for f in got}
    unknown = next(f for f in got if f["code"] == "unknown-field")
    assert int(unknown["line"]) == line and "indicator" in unknown["msg"]


def test_json_format_carries_the_same_findings(runner, data_copy):
    plan = data_copy / "plans" / "national.yaml"
    replace_once(plan, "domain: 学有所教", "domain: 学有所乐")
    text = runner.invoke(app, ["validate", str(plan)])
    as_json = runner.invoke(app, ["validate", str(plan), "--format", "json"])
    assert as_json.exit_code == 1
    report = json.loads(as_json.output)
    assert report["valid"] is False and report["errors"] == 1
    assert [(f["code"], f["line"], f["col"]) for f in report["findings"]] == \
           [(f["code"], int(f["line"]), int(f["col"])) for f in findings(text.output)]


def test_github_format_prints_annotations(runner, data_copy):
    plan = data_copy / "plans" / "national.yaml"
    line = replace_once(plan, "domain: 学有所教", "domain: 学有所乐")
    result = runner.invoke(app, ["validate", str(plan), "--format", "github"])
    assert result.exit_code == 1
    assert re.search(rf"^::error file=[^,]*national\.yaml,line={line},col=\d+,title=unknown-domain::", result.output, re.M)


def test_below_baseline_is_a_warning_that_strict_escalates(runner, data_copy):
    plan = data_copy / "plans" / "national.yaml"
    blocks = _item_blocks(plan)
    # swap baseline and target: both still appear in the quote, so only the warning remains
    _edit_in_item(plan, blocks[0], 'target: "4.5"', 'target: "1.8"')
    _edit_in_item(plan, blocks[0], 'value: "1.8"', 'value: "4.5"')
    assert runner.invoke(app, ["validate", str(plan)]).exit_code == 0
    result = runner.invoke(app, ["validate", str(plan), "--format", "json"])
    codes = {(f["code"], f["severity"]) for f in json.loads(result.output)["findings"]}
    assert ("target-below-baseline", "warning") in codes
    strict = runner.invoke(app, ["validate", str(plan), "--strict", "--format", "json"])
    assert strict.exit_code == 1
    assert ("target-below-baseline", "error") in {(f["code"], f["severity"]) for f in json.loads(strict.output)["findings"]}


def test_missing_path_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_plan_copied_elsewhere_validates_with_relative_source(runner, data_copy, tmp_path):
    moved = tmp_path / "elsewhere"
    data_copy.rename(moved)
    result = runner.invoke(app, ["validate", str(moved / "plans" / "gansu.yaml")])
    assert result.exit_code == 0, result.output


def test_installed_entry_point_validates(tmp_path):
    proc = subprocess.run([str(PLANCMP), "validate"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.rstrip().endswith("(valid)")


def test_an_item_quoted_from_the_background_is_flagged(runner, data_copy):
    """特困供养 is named only in Fujian's 发展基础 (a 十三五 result): as a service it would pair
    with a national commitment the plan never makes for 十四五."""
    plan = data_copy / "plans" / "fujian.yaml"
    text = plan.read_text(encoding="utf-8")
    item = ('  - id: svc-destitute-support\n    domain: "弱有所扶"\n    item: "特困供养"\n    listed: false\n'
            '    evidence:\n      quote: "在全国率先全面实现低保、特困供养和临时救助标准城乡一体化，"\n      section: "第一章第一节"\n')
    plan.write_text(text.replace("\nservices:\n", "\nservices:\n" + item, 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(plan), "--format", "json"])
    codes = [f["code"] for f in json.loads(result.output)["findings"] if f["severity"] == "warning"]
    assert codes == ["quote-in-background"], result.output
