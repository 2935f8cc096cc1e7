"""Same inputs, byte-identical output, in every format (validate and diff: all; the cross-plan views: table and json).

Each run happens in its own interpreter with a different PYTHONHASHSEED, so output that
depends on set or dict-of-set iteration order (which changes with the seed) shows up as a
difference; the commands run through the real CLI (CliRunner inside that interpreter).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import DATA, PLANCMP, replace_once

VALIDATE_FORMATS = ["text", "json", "github"]
DIFF_FORMATS = ["table", "json", "csv", "markdown"]

# The commands to compare: (name, argv). Every diff format; evidence and review once each
# (each diff costs about a second, so the pairs are not multiplied out).
COMMANDS = [(f"validate-{f}", ["validate", "--format", f]) for f in VALIDATE_FORMATS]
COMMANDS += [(f"diff-{f}", ["diff", "national", "liaoning", "--format", f]) for f in DIFF_FORMATS]
COMMANDS += [("diff-table-evidence", ["diff", "national", "liaoning", "--evidence"]),
             ("diff-json-evidence-gansu", ["diff", "national", "gansu", "--format", "json", "--evidence"]),
             ("diff-review", ["diff", "national", "liaoning", "--review"])]
# The cross-plan views run the same engine over every plan: one text and one data format each.
COMMANDS += [(f"{cmd}-{f}", [cmd, *extra, "--format", f]) for cmd, extra in
             (("matrix", []), ("targets", []), ("stats", []), ("show", ["gansu"])) for f in ("table", "json")]

RUN_ALL = """
import json, sys
from typer.testing import CliRunner
from plancmp.cli import app
runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "120"})
out = {}
for name, argv in json.loads(sys.argv[1]):
    result = runner.invoke(app, argv)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    out[name] = [result.exit_code, result.stdout, result.stderr]
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def run_all(commands, data, seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PLANCMP_DATA": str(data), "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-c", RUN_ALL, json.dumps(commands)], capture_output=True,
                          text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def assert_same(first: dict, second: dict) -> None:
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], f"{name}: output differs between two runs"


@pytest.mark.slow   # 34 commands, twice, each in a fresh interpreter
def test_every_format_is_byte_identical_across_runs(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("eval"))
    first, second = run_all(COMMANDS, data, "1"), run_all(COMMANDS, data, "4242")
    assert_same(first, second)
    for name, (code, stdout, _) in first.items():
        assert code == 0 and stdout.strip(), f"{name} produced nothing to compare (exit {code})"


@pytest.mark.slow   # validate in three formats, twice, each in a fresh interpreter
def test_findings_are_byte_identical_across_runs(tmp_path):
    """With errors to report (several per file, in several files), the order must not wobble."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("eval"))
    for name in ("national", "gansu"):
        plan = data / "plans" / f"{name}.yaml"
        replace_once(plan, "    domain: ", "    domain: 不存在的领域  # ")
        replace_once(plan, "    basis: ", "    basis: nowhere  # ")
        replace_once(plan, "\n  - id: ", "\n  - colour: red\n    id: ")
    commands = [c for c in COMMANDS if c[0].startswith("validate")]
    first, second = run_all(commands, data, "7"), run_all(commands, data, "99")
    assert_same(first, second)
    assert all(code == 1 for code, _, _ in first.values()), first


def test_installed_command_is_byte_identical_across_runs():
    argv = ["validate", "--format", "text"]
    runs = [subprocess.run([str(PLANCMP), *argv], capture_output=True, timeout=120, cwd=DATA.parent,
                           env={**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"}) for seed in ("3", "5")]
    assert runs[0].returncode == 0 and runs[0].stdout
    assert runs[0].stdout == runs[1].stdout and runs[0].stderr == runs[1].stderr
