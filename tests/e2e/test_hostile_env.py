"""Hostile input, round two, problem 9 (and COLUMNS, of problem 8): any terminal, any stream.
A stdout that cannot encode Chinese gets escapes and one line saying how to get Chinese; a
full or closed stdout is one line and exit 1; a deleted working directory or a file name
longer than the file system takes is one line and exit 2; never an internal error. Through
the installed command, in real processes."""
from __future__ import annotations

import json
import os
import subprocess
import time

import pytest

from conftest import PLANCMP

LONG = "a" * 300


def _cli(*args, env=None, cwd=None, stdout=subprocess.PIPE, timeout=60):
    full = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run([str(PLANCMP), *args], stdout=stdout, stderr=subprocess.PIPE, env=full, cwd=cwd,
                          timeout=timeout)


def _sh(script: str, cwd=None, timeout=60):
    """A shell line, for what subprocess cannot set up itself (a closed stdout, a deleted folder)."""
    return subprocess.run(["bash", "-c", script], capture_output=True, env={**os.environ, "NO_COLOR": "1"},
                          cwd=cwd, timeout=timeout)


def _one_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in text and "internal error" not in text, text
    [line] = text.splitlines()
    return line


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_a_stdout_that_cannot_encode_chinese_gets_escapes_and_a_hint(encoding):
    env = {"PYTHONIOENCODING": encoding}
    table = _cli("diff", "national", "liaoning", env=env)
    assert table.returncode == 0, table.stderr
    assert "PYTHONIOENCODING=utf-8" in _one_line(table.stderr)
    shown = table.stdout.decode(encoding)
    assert "\\u8fbd\\u5b81" in shown and "(liaoning)" in shown        # 辽宁, escaped
    as_json = _cli("diff", "national", "liaoning", "--format", "json", env=env)
    plain = _cli("diff", "national", "liaoning", "--format", "json")
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout.decode(encoding)) == json.loads(plain.stdout)   # escapes are JSON's: exact
    checked = _cli("validate", env=env)
    assert checked.returncode == 0 and b"valid" in checked.stdout


def test_a_c_locale_without_utf8_is_no_error():
    env = {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": "ascii"}
    result = _cli("diff", "national", "liaoning", env=env)
    assert result.returncode == 0 and b"internal error" not in result.stderr, result.stderr


@pytest.mark.parametrize("args", [["diff", "national", "liaoning"], ["diff", "national", "liaoning", "-f", "json"],
                                  ["validate"], ["--help"]])
def test_a_full_stdout_is_one_line_and_exit_1(args):
    with open("/dev/full", "w") as full:
        result = _cli(*args, stdout=full)
    assert result.returncode == 1
    assert _one_line(result.stderr) == "plancmp: cannot write the output: No space left on device"


def test_a_closed_stdout_is_one_line_and_exit_1():
    result = _sh(f"'{PLANCMP}' diff national liaoning >&-")
    assert result.returncode == 1
    assert "standard output is closed" in _one_line(result.stderr)


def test_a_deleted_working_directory_is_one_line_and_exit_2(tmp_path):
    result = _sh(f"mkdir gone && cd gone && rmdir ../gone && '{PLANCMP}' validate", cwd=tmp_path)
    assert result.returncode == 2
    assert "working directory no longer exists" in _one_line(result.stderr)


@pytest.mark.parametrize("args", [["diff", "national", "liaoning", "--out", f"{{tmp}}/{LONG}.txt"],
                                  ["new", "zz", "--source", f"{{tmp}}/{LONG}.txt", "--name", "某省", "--region", "某省",
                                   "--dry-run"],
                                  ["validate", f"{{tmp}}/{LONG}.yaml"]])
def test_a_file_name_over_255_characters_is_one_line_and_exit_2(tmp_path, args):
    result = _cli(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.returncode == 2, result.stderr
    line = _one_line(result.stderr)
    assert "too long" in line and len(line) < 200   # the name is clamped in the message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [["diff", "national", "liaoning"], ["--help"], ["diff", "--help"]])
def test_columns_is_clamped(args):
    started = time.monotonic()
    wide = _cli(*args, env={"COLUMNS": "99999999"}, timeout=30)
    assert wide.returncode == 0 and time.monotonic() - started < 20
    assert len(wide.stdout) < 2_000_000
    assert wide.stdout == _cli(*args, env={"COLUMNS": "1000"}).stdout
    assert _cli(*args, env={"COLUMNS": "3"}).stdout == _cli(*args, env={"COLUMNS": "20"}).stdout
