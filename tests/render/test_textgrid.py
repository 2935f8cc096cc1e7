"""plancmp.render.textgrid: the text tables of diff, show, stats, matrix and targets."""
from __future__ import annotations

import io
import re
import subprocess
import sys

from hypothesis import HealthCheck, given, settings, strategies as st

from plancmp.render import tabular
from plancmp.render.formats.text import as_text
from plancmp.render.textgrid import PIPED_WIDTH, RULE, CellText, Column, Grid, column_widths, render, text_width, wrap

ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
CJK = "每千人口拥有岁以下婴幼儿托位数养老服务床位总量（）、，"


def body(lines: list[str]) -> list[str]:
    """The lines under the rule."""
    return lines[[i for i, line in enumerate(lines) if line.startswith(RULE)][0] + 1:]


def wrapped(text: str, width: int) -> list[str]:
    cell = CellText(text)
    return [cell.text[start:end] for start, end, _ in wrap(cell, width)]


# --- widths ---------------------------------------------------------------------------

def test_display_width_counts_cjk_twice_and_marks_not_at_all():
    assert text_width("abc") == 3
    assert text_width("养老") == 4
    assert text_width("（%）") == 5                  # fullwidth brackets are wide
    assert text_width("“—→≥”") == 5                  # East Asian ambiguous: one column, as terminals draw them
    assert text_width("e\u0301") == 1                # a combining accent rides on its letter
    assert text_width("a\u200db") == 2               # zero-width joiner


def test_cjk_columns_line_up():
    grid = Grid([Column("name"), Column("n", justify="right")], rows=[["养老服务", "1"], ["abc", "22"]])
    lines = render(grid, 80)
    assert lines[0] == " name        n"
    assert lines[2] == " 养老服务    1" and lines[3] == " abc        22"
    assert lines[1] == RULE * 15                     # padding included, as rich draws it


# --- wrapping -------------------------------------------------------------------------

def test_cjk_folds_by_display_width_without_splitting_a_character():
    text = "每千人口拥有3岁以下婴幼儿托位数养老服务床位总量"
    for width in range(1, 20):
        lines = wrapped(text, width)
        assert "".join(lines) == text                                    # nothing lost, nothing split
        assert all(text_width(line) <= max(width, 2) for line in lines)  # a wide char alone may exceed 1
        if width >= 2:
            assert all(text_width(line) >= width - 1 for line in lines[:-1])   # lines are filled


def test_words_wrap_at_spaces_and_long_words_fold():
    assert wrapped("alpha beta gamma", 11) == ["alpha beta", "gamma"]
    assert wrapped("supercalifragilistic yes", 8) == ["supercal", "ifragili", "stic yes"]
    assert wrapped("养老服务: 30.8 → ≥55 %", 12) == ["养老服务:", "30.8 → ≥55 %"]
    assert wrapped("养老\u00a0服务", 5) == ["养老", "服务"]           # a no-break space from a PDF is a space here


def test_explicit_newlines_are_kept():
    assert wrapped("one\ntwo words\n\nfour", 40) == ["one", "two words", "", "four"]
    lines = render(Grid([Column("a"), Column("b")], rows=[["x\ny", "z"]]), 40)
    assert body(lines) == [" x   z", " y"]


def test_control_codes_never_reach_the_terminal():
    lines = render(Grid([Column("a")], rows=[["red\x1b[31m\tok\r\nend"]]), 40)
    assert "\x1b" not in "".join(lines) and body(lines) == [" red[31m    ok", " end"]


# --- columns --------------------------------------------------------------------------

def test_no_wrap_columns_get_their_full_width_and_others_fold():
    long_id = "employment-service-network-coverage"
    grid = Grid([Column("id", no_wrap=True), Column("name")], rows=[[long_id, "公共就业创业经办服务管理体系覆盖"]])
    lines = render(grid, 50)
    assert all(text_width(line) <= 50 for line in lines)
    assert body(lines)[0].startswith(f" {long_id}   ")
    assert "".join(line[len(long_id) + 4:] for line in body(lines)) == "公共就业创业经办服务管理体系覆盖"


def test_right_and_center_justify():
    grid = Grid([Column("left"), Column("right", justify="right"), Column("center", justify="center")],
                rows=[["a", "1", "x"], ["bb", "22", "中"]])
    assert body(render(grid, 80)) == [" a          1     x", " bb        22     中"]


def test_headers_are_bottom_aligned_and_min_width_holds():
    grid = Grid([Column("a b c d"), Column("kind", min_width=8)], rows=[["x", "y"]])
    lines = render(grid, 16)
    assert lines[:2] == [" a b", " c d   kind"]
    assert lines[2] == RULE * 16
    assert lines[3] == " x     y"


def test_expand_fills_the_width_and_shares_it_by_ratio():
    grid = Grid([Column("kind", no_wrap=True), Column("a", ratio=1), Column("b", ratio=2)],
                rows=[["targets", "x", "y"]], expand=True)
    cells = [[CellText(c.header) for c in grid.columns], [CellText(v) for v in grid.rows[0]]]
    widths = column_widths(grid, cells, 100)
    assert widths[0] == len("targets")
    assert sum(widths) + 3 * len(widths) - 1 == 100                     # exactly the width
    assert abs(widths[2] - 2 * widths[1]) <= 1
    assert len(render(grid, 100)[1]) == 100                              # the rule spans the whole width


def test_equal_ratios_get_equal_shares_like_the_diff_sides():
    grid = Grid([Column("kind", no_wrap=True, min_width=8), Column("A", ratio=6), Column("B", ratio=6),
                 Column("notes", ratio=5)], rows=[["x", "养老" * 40, "服务" * 40, "n"]], expand=True)
    cells = [[CellText(c.header) for c in grid.columns], [CellText(v) for v in grid.rows[0]]]
    widths = column_widths(grid, cells, 160)
    assert abs(widths[1] - widths[2]) <= 1 and widths[3] < widths[1]


def test_too_narrow_degrades_without_losing_text():
    grid = Grid([Column("id", no_wrap=True), Column("name"), Column("n", justify="right")],
                rows=[["nursery-places", "每千人口拥有托位数", "4.5"]], title="幼有所育")
    for width in (0, 1, 2, 5, 10, 20):
        lines = render(grid, width)
        text = "".join(lines)
        assert "nursery-places" in text                                  # the no-wrap cell is whole
        assert all(ch in text for ch in "每千人口拥有托位数4.5幼有所育")


# --- colour ---------------------------------------------------------------------------

def test_colour_only_adds_escape_codes():
    grid = Grid([Column("verdict"), Column("n", justify="right")], title="summary", title_style="italic",
                rows=[[("below", "bold red"), "3"], [[("养老 ", ""), ("quote", "dim")], ("1", "bold")]])
    plain, coloured = render(grid, 40), render(grid, 40, color=True)
    assert not any("\x1b" in line for line in plain)
    assert [ESCAPE.sub("", line) for line in coloured] == plain
    assert "\x1b[1;31mbelow\x1b[0m" in coloured[3] and "\x1b[2mquote\x1b[0m" in coloured[4]
    assert coloured[0] == "\x1b[3msummary\x1b[0m" and coloured[1].startswith(" \x1b[1mverdict\x1b[0m")


def test_unknown_style_words_are_ignored():
    assert render(Grid([Column("a")], rows=[[("x", "blink-ish")]]), 20, color=True)[-1] == " x"


def test_as_text_colours_only_a_terminal_without_no_color(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    table = tabular.Table("T", [tabular.Column("v", "verdict")], [{"v": "below", "_style": {"v": "bold red"}}])
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "40")
    assert "\x1b[1;31mbelow" in as_text([table], Tty())
    piped = as_text([table], io.StringIO())
    assert "\x1b" not in piped and piped == ESCAPE.sub("", as_text([table], Tty()))
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in as_text([table], Tty())


def test_piped_width_is_fixed():
    table = tabular.Table("T", [tabular.Column("a", "a"), tabular.Column("b", "b")], [{"a": "养老 " * 60, "b": "x"}])
    lines = as_text([table], io.StringIO()).splitlines()
    assert max(text_width(line) for line in lines) == PIPED_WIDTH


# --- determinism ----------------------------------------------------------------------

def test_output_is_byte_identical_across_runs_and_processes():
    code = ("from plancmp.render.textgrid import Column, Grid, render\n"
            "g = Grid([Column('a', ratio=1), Column('b', ratio=3), Column('c', justify='center')], expand=True,\n"
            "         rows=[['养老服务 ' * 9, 'b ' * 50, '中'], ['x', '', 'yy']], title='t')\n"
            "print('\\n'.join(render(g, 77, True)))\n")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, env={"PYTHONHASHSEED": seed},
                           check=True).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1


def test_diff_renderer_does_not_import_rich():
    code = "import sys, plancmp.render.diff, plancmp.render.formats.text; print(sorted(m for m in sys.modules if m.startswith('rich')))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


# --- properties -----------------------------------------------------------------------

texts = st.text(st.sampled_from([*"abc xyz", *CJK, "\n", "\u0301", "\u00a0"]), max_size=40)
columns = st.builds(Column, header=st.text(st.sampled_from([*"hdr ", *"名称"]), max_size=8),
                    justify=st.sampled_from(["left", "right", "center"]), no_wrap=st.booleans(),
                    min_width=st.integers(0, 6), ratio=st.one_of(st.none(), st.integers(1, 5)))


def _slices(line: str, starts: list[int], widths: list[int]) -> list[str]:
    """The characters of `line` in each column, by display position."""
    out, pos = [""] * len(starts), 0
    for ch in line:
        for i, (start, width) in enumerate(zip(starts, widths)):
            if start <= pos < start + width or (pos == start + width and text_width(ch) == 0):   # a trailing mark
                out[i] += ch
        pos += text_width(ch)
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cols=st.lists(columns, min_size=1, max_size=4), data=st.data(), width=st.integers(0, 60),
       expand=st.booleans())
def test_every_character_appears_in_order_in_its_column(cols, data, width, expand):
    rows = data.draw(st.lists(st.lists(texts, min_size=len(cols), max_size=len(cols)), max_size=4))
    grid = Grid(cols, rows=rows, expand=expand)
    lines = render(grid, width)
    assert lines == render(grid, width)                                        # deterministic
    assert [ESCAPE.sub("", line) for line in render(grid, width, color=True)] == lines
    assert all(line == line.rstrip(" ") for line in lines)

    cells = [[CellText(c.header) for c in cols], *[[CellText(v) for v in row] for row in rows]]
    widths = column_widths(grid, cells, width)
    starts = [1 + sum(widths[:i]) + 3 * i for i in range(len(widths))]
    got = ["" for _ in cols]
    for line in body(lines):
        got = [g + s for g, s in zip(got, _slices(line, starts, widths))]
    for i in range(len(cols)):                                                 # whitespace may go at a break
        assert "".join(got[i].split()) == "".join("".join(row[i] for row in rows).split())

    natural = [max(spec.min_width, *(c.width for c in col)) for spec, col in zip(cols, zip(*cells))]
    narrowest = sum(w if spec.no_wrap else max(spec.min_width, min(w, 2)) for w, spec in zip(natural, cols))
    narrowest += 3 * len(cols) - 1
    if narrowest <= width:                                                     # only no-wrap cells may overflow
        assert all(text_width(line) <= width for line in lines)


# --- width and colour of a run (cli/common.View) ------------------------------------------

def test_output_width_follows_columns_even_in_a_pipe(monkeypatch):
    from plancmp.render import textgrid
    from plancmp.render.textgrid import output_width

    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(textgrid, "_user_terminal_width", lambda: None)   # no terminal behind the pipe
    assert output_width(io.StringIO()) == PIPED_WIDTH == 100
    monkeypatch.setenv("COLUMNS", "72")
    assert output_width(io.StringIO()) == 72
    monkeypatch.setenv("COLUMNS", "wide")                 # not a number: ignored
    assert output_width(io.StringIO()) == PIPED_WIDTH
    monkeypatch.setattr(textgrid, "_user_terminal_width", lambda: 64)     # the terminal the user sits at
    assert output_width(io.StringIO()) == 64


def test_use_color_modes_and_environment(monkeypatch):
    from plancmp.render.textgrid import use_color

    class Tty(io.StringIO):
        def isatty(self):
            return True

    for var in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(var, raising=False)
    assert use_color("auto", Tty()) and not use_color("auto", io.StringIO())
    assert use_color("always", io.StringIO()) and not use_color("never", Tty())
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color("auto", io.StringIO())
    monkeypatch.setenv("FORCE_COLOR", "0")
    assert not use_color("auto", io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert not use_color("auto", Tty()) and use_color("always", io.StringIO())
    monkeypatch.setenv("NO_COLOR", "")                    # empty: not set (no-color.org)
    assert use_color("auto", Tty())


def test_chinese_line_breaking_and_latin_words():
    assert wrapped("增强社会各方的认同感，参与", 8) == ["增强社会", "各方的认", "同感，参", "与"]   # ， never starts a line
    assert wrapped("参与“公共服务”建设", 6) == ["参与", "“公共", "服务”", "建设"]           # “ never ends one
    assert wrapped("目标值99.36%以上", 8) == ["目标值", "99.36%以", "上"]                   # 99.36% stays whole
    assert wrapped("+ 每千人口拥有托位数", 10) == ["+ 每千人口", "拥有托位数"]                # a CJK word fills the line


def test_pack_keeps_items_whole():
    from plancmp.render.textgrid import pack

    lines = pack(["3 exceeds", "99 matches", "3 matches (quantified)", "1 below"], 30, "national: ")
    assert all(text_width(line) <= 30 for line in lines)
    assert "3 matches (quantified)" in "\n".join(lines)
