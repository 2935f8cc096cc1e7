"""Property: whatever a hand edit does to a valid plan file, `plancmp validate` answers with
positioned findings and exit 0 or 1, never an exception.

The examples are bounded and derandomised so that `make test` stays fast and CI reproducible;
PLANCMP_FUZZ_EXAMPLES=2000 runs a longer search locally.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from plancmp.cli import app

from conftest import DATA

LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?:error|warning|note) [a-z-]+ \S.*$")
SUMMARY = re.compile(r"^\d+ files? checked: \d+ errors?, \d+ warnings? \((?:in)?valid\)$")

settings.register_profile("plancmp-fuzz", max_examples=int(os.environ.get("PLANCMP_FUZZ_EXAMPLES", 30)),
                          deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
FUZZ = settings.get_profile("plancmp-fuzz")

PLANS = ["national", "gansu"]  # gansu has source gaps with reveals
TEXTS = {name: (DATA / "plans" / f"{name}.yaml").read_text(encoding="utf-8") for name in PLANS}
PUNCTUATION = ["\t", ":", ": ", '"', "'", "[", "]", "{", "}", "&", "*", "!", "!!", "#", "- ", "? ", "|", ">",
               "%", "@", "`", ",", "\n", "\r", "\ufeff", "\x00", "\\", "---\n", "  "]
SCALARS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=False).map(repr), st.sampled_from([".inf", "-.inf", ".nan", "1e400", "0x1F", "0o17", "1_000"]),
    st.sampled_from(["true", "false", "yes", "no", "on", "null", "~", "", "''", '""', "[]", "{}", "[1, 2]",
                     "{a: 1}", "2021-01-01", "12:30:00", "!!str 5", "!!int x", "&a 1", "*a", "|\n  block",
                     "≥3", "〔125〕", "应保尽保"]),
    st.text(max_size=12),
)


def _lines(text: str) -> list[str]:
    return text.split("\n")


def delete_line(text, at, _):
    lines = _lines(text)
    del lines[at % len(lines)]
    return "\n".join(lines)


def duplicate_line(text, at, _):
    lines = _lines(text)
    i = at % len(lines)
    return "\n".join(lines[: i + 1] + [lines[i]] + lines[i + 1:])


def reindent(text, at, payload):
    lines = _lines(text)
    i = at % len(lines)
    shift = len(payload) % 7 - 3  # -3 … +3 spaces
    lines[i] = " " * shift + lines[i] if shift >= 0 else re.sub(f"^ {{0,{-shift}}}", "", lines[i])
    return "\n".join(lines)


def swap_chars(text, at, _):
    i = at % max(1, len(text) - 1)
    return text[:i] + text[i + 1: i + 2] + text[i: i + 1] + text[i + 2:]


def insert_punctuation(text, at, payload):
    i = at % (len(text) + 1)
    return text[:i] + PUNCTUATION[len(payload) % len(PUNCTUATION)] + text[i:]


def replace_scalar(text, at, payload):
    """Put another value (of any type) after a `key:` on some line."""
    lines = _lines(text)
    keyed = [i for i, line in enumerate(lines) if re.match(r"^\s*(- )?[a-z_]+:", line)]
    if not keyed:  # an earlier edit removed them all
        return text
    i = keyed[at % len(keyed)]
    key = lines[i].split(":", 1)[0]
    lines[i] = f"{key}: {payload}"
    return "\n".join(lines)


def truncate(text, at, _):
    return text[: at % (len(text) + 1)]


MUTATIONS = [delete_line, duplicate_line, reindent, swap_chars, insert_punctuation, replace_scalar, truncate]
EDITS = st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(min_value=0, max_value=10**7), SCALARS),
                 min_size=1, max_size=4)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    (root / "plans").mkdir()
    shutil.copytree(DATA / "sources", root / "sources")
    return root


@pytest.mark.parametrize("name", PLANS)
@FUZZ
@given(edits=EDITS)
def test_mutated_plans_get_positioned_findings(runner, scratch, name, edits):
    text = TEXTS[name]
    for mutate, at, payload in edits:
        text = mutate(text, at, payload)
    path = scratch / "plans" / f"{name}.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    result = runner.invoke(app, ["validate", str(path)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), result.output
    *found, summary = result.output.rstrip("\n").split("\n")
    assert SUMMARY.match(summary), result.output
    last_line = text.count("\n") + 2  # a finding may point just past the end (end of stream)
    for line in found:
        match = LINE.match(line)
        assert match, f"not a path:line:col finding: {line!r}"
        assert match["file"] == str(path)
        assert 1 <= int(match["line"]) <= last_line and int(match["col"]) >= 1, line


def test_unmutated_plans_are_valid(runner, scratch):
    """The property above means something only if the starting files are valid."""
    for name in PLANS:
        path = scratch / "plans" / f"{name}.yaml"
        path.write_text(TEXTS[name], encoding="utf-8")
        result = runner.invoke(app, ["validate", str(path)])
        assert result.exit_code == 0, result.output
