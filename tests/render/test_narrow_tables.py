"""Every terminal for `targets`, `matrix` and `stats`: at 60 and 80 columns the least useful
columns give way (the unit, the id, a column per bucket, the plan column) before names are
squeezed; no line is wider than the width; names break only where the wrap rules allow.

Widths are counted here independently of plancmp (unicodedata: East Asian wide and fullwidth
count 2), and so are the line-breaking rules (docs/reference.md: never inside a Latin word or number, no
line starts with 。，、）》” ；：！？, none ends with （《“)."""
from __future__ import annotations

import json

import pytest

from plancmp.cli import app

from conftest import DATA, PLAIN, plan_yaml, width

WIDTHS = [60, 80, 120, 200]
NO_START = set("。，、）》”；：！？")
NO_END = set("（《“")
SQUEEZED = 14   # a name's lines but its last are at least this wide (the layouts keep 16, less a moved mark)


def run(runner, *args, columns: int | None = None) -> str:
    result = runner.invoke(app, list(args), env={**PLAIN, "COLUMNS": str(columns) if columns else None})
    assert result.exit_code == 0, result.output
    return result.output


def index_at(line: str, column: int) -> int | None:
    """The index of the character that starts at display `column` of `line`, if one does."""
    at = 0
    for i, ch in enumerate(line):
        if at == column:
            return i
        at += width(ch)
        if at > column:
            return None
    return len(line) if at == column else None


def cell_text(line: str, start: int) -> str:
    """The text of a cell from `start` to the gap before the next cell (two spaces) or the end."""
    end = line.find("  ", start)
    return line[start:] if end < 0 else line[start:end]


def placements(out: str, name: str) -> list[list[str]]:
    """Every way `name` stands in a column of the table: its pieces on consecutive lines at one
    display column (the last piece may go on: a unit after the name, a value under it)."""
    squeezed = "".join(name.split())
    lines = out.splitlines()
    found = []
    for n, line in enumerate(lines):
        start = line.find(squeezed[:1])
        while start >= 0:
            column, pieces, joined = width(line[:start]), [], ""
            for later in lines[n:]:
                i = index_at(later, column)
                piece = cell_text(later, i).strip() if i is not None else ""
                if not piece or not squeezed.startswith(joined) or (i and later[i - 1] != " " and pieces):
                    break
                pieces.append(piece)
                joined += "".join(piece.split())
                if len(joined) >= len(squeezed):
                    break
            if joined.startswith(squeezed) and (start == 0 or line[start - 1] == " "):
                found.append(pieces)
            start = line.find(squeezed[:1], start + 1)
    return found


def breaks_well(pieces: list[str], name: str) -> bool:
    """Every line break inside the name is one the rules allow, and no line but the last is
    narrow (a squeezed column)."""
    squeezed = "".join(name.split())
    inside = []
    used = 0
    for piece in pieces[:-1]:
        used += len("".join(piece.split()))
        if used < len(squeezed):
            inside.append(used)
    for at in inside:
        before, after = squeezed[at - 1], squeezed[at]
        if (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()) \
                or after in NO_START or before in NO_END:
            return False
    return all(width(p) >= min(SQUEEZED, width(name)) for p in pieces[:len(inside)])


def assert_names_laid_out(out: str, names: set[str], columns: int):
    for name in sorted(names):
        found = placements(out, name)
        assert found, (columns, name)
        assert any(breaks_well(pieces, name) for pieces in found), (columns, name, found)


def assert_within(out: str, columns: int):
    too_wide = [line for line in out.splitlines() if width(line) > columns]
    assert not too_wide, too_wide[:3]


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_targets(runner, columns, lang):
    data = json.loads(run(runner, "targets", "--format", "json"))
    out = run(runner, "targets", "--lang", lang, columns=columns)
    assert_within(out, columns)
    assert_names_laid_out(out, {r["indicator"] for r in data["rows"]}, columns)
    header = next(line for line in out.splitlines() if line.split()[:1] in (["indicator"], ["指标名称"]))
    if columns <= 80:       # a line per plan under each indicator, the unit after its name
        assert header.split() in (["indicator", "plan", "target"], ["指标名称", "规划", "目标值"])
    if columns >= 120:      # a column per plan
        named = {"national": "全国", "liaoning": "辽宁省", "gansu": "甘肃省", "fujian": "福建省"}   # zh: the region
        assert all((pid if lang == "en" else named[pid]) in header for pid in data["plans"])


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("kind", ["targets", "services", "tasks"])
def test_matrix(runner, columns, kind):
    data = json.loads(run(runner, "matrix", "--kind", kind, "--format", "json"))
    out = run(runner, "matrix", "--kind", kind, columns=columns)
    assert_within(out, columns)
    assert_names_laid_out(out, {r["name"] for r in data["rows"]}, columns)
    assert_names_laid_out(out, {r["domain"] for r in data["rows"]}, columns)
    ids = sum(r["id"] in out for r in data["rows"])
    if columns <= 80:       # the id column gives way first
        assert ids == 0
        assert "coverage" in out and "matched or exceeded" in out
    if columns == 200:
        assert ids == len(data["rows"])


@pytest.mark.parametrize("columns", WIDTHS)
def test_stats(runner, columns):
    data = json.loads(run(runner, "stats", "--format", "json"))
    out = run(runner, "stats", columns=columns)
    assert_within(out, columns)
    table = out.split("\ngap ")[0].splitlines()
    domains = {r["domain"] for r in data["rows"]}
    for domain in domains:   # whole, on one line
        assert any(domain in line.split() for line in table), (columns, domain)
    assert not any(line.split() and line.split()[-1] in ("s", ")", "ces") for line in table)   # no header word cut
    if columns == 60:        # plans as section titles, the target columns under `targets:`
        assert "targets:" in out and all(plan in table for plan in {r["plan"] for r in data["rows"]})


def test_the_data_has_names_that_must_wrap():
    """The tests above mean something: names wider than the narrow columns exist."""
    names = [t["indicator"] for p in sorted((DATA / "plans").glob("*.yaml")) for t in plan_yaml(p.stem)["targets"]]
    assert max(map(width, names)) > 40
