"""One table, three ways: a text table (textgrid), Markdown, CSV — the same rows in each.

Commands build a `Table` (plain strings, an optional style per cell) and pick a
renderer; JSON is not here: each command prints its own library data as JSON.
Colour only on a terminal and never with NO_COLOR (the caller decides: cli/common.View);
piped output is plain text at COLUMNS or a fixed width, so that it is the same on every run.
A table may open with `intro` lines (its summary or legend: the answer before the detail).

Every terminal: a table may carry `narrower` layouts of the same rows (a column dropped, a
value moved under the name, one row per plan), widest first. The text table takes the first
layout that fits the width without cutting a word and without narrowing a column below its
`least` (names), so the least useful columns give way before names are squeezed; Markdown,
CSV and spreadsheets always hold the full table.
"""
from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass, field
from typing import NamedTuple


class Column(NamedTuple):
    """One column: its key in the rows, its title, how it is aligned."""

    key: str
    title: str
    justify: str = "left"
    nowrap: bool = False   # ids and numbers: never folded across lines
    least: int = 0         # names: a narrower layout is taken before this column gets fewer display
                           # columns than this (or than its widest cell, when that is less)


@dataclass
class Table:
    """Rows of strings under a title, optionally in sections (one per value of `group`)."""

    title: str
    columns: list[Column]
    rows: list[dict] = field(default_factory=list)     # key -> str; "_style" -> {key: style, e.g. "bold red"}
    group: str | None = None                           # a column key: one section per value, in row order
    notes: list[str] = field(default_factory=list)     # printed under the table
    intro: list[str] = field(default_factory=list)     # printed under the title, before the rows
    narrower: list["Table"] = field(default_factory=list)   # text layouts for less width, widest first: their
                                                       # columns, rows and group replace this table's

    def groups(self) -> list[tuple[str | None, list[dict]]]:
        if not self.group:
            return [(None, self.rows)]
        out: dict[str, list[dict]] = {}
        for row in self.rows:
            out.setdefault(row.get(self.group, ""), []).append(row)
        return list(out.items())

    def shown_columns(self) -> list[Column]:
        return [c for c in self.columns if c.key != self.group]


def cell(row: dict, key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value)


def as_text(tables: list[Table], file=None, *, width: int | None = None, color: bool | None = None,
            labels=None) -> str:
    """Text tables, one per group, as a string (the caller prints it). Laid out at `width`,
    else textgrid.output_width(file) (COLUMNS, the terminal's, else a fixed width); colour codes
    when `color`, else when `file` (default stdout) is a tty and NO_COLOR is unset."""
    from .textgrid import output_width, pack, paragraph, render, use_color

    out = file or sys.stdout
    if color is None:
        color = use_color("auto", out)
    if width is None:
        width = output_width(out)
    none = labels("none") if labels else "(none)"
    lines: list[str] = []
    for table in tables:
        lines += paragraph(table.title, width, "bold", color)
        for line in table.intro:   # a list: a lead and items kept whole where they fit (a legend)
            lines += pack(line[1:], width, line[0], "  ") if isinstance(line, list) else paragraph(line, width)
        for grid in _layout(table, width, none):
            lines += render(grid, width, color)
        for note in table.notes:
            lines += paragraph(note, width)
        lines.append("")
    return "".join(line + "\n" for line in lines)


def _layout(table: Table, width: int, none: str) -> list:
    """The grids of the first layout that fits the width: the table, then each of its narrower
    layouts. A layout in which nothing wraps keeps its headers on one line; else its headers
    are stacked at their spaces (room for the cells) and it must fit (textgrid.fits). When none
    does, the narrowest, as well as it goes. A table with no narrower layout is laid out as it is."""
    from .textgrid import fits, natural_width

    if not table.narrower:
        return _grids(table, none)
    for layout in (table, *table.narrower):
        grids = _grids(layout, none)
        if all(natural_width(grid) <= width for grid in grids):
            return grids
        grids = _grids(layout, none, stacked=True)
        if all(fits(grid, width) for grid in grids):
            return grids
    return grids


def _stack(title: str, width: int) -> str:
    """A header's words on as many lines as keep it within `width` (or its longest word)."""
    from .textgrid import text_width

    lines: list[str] = []
    for word in title.split():
        if lines and text_width(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _grids(table: Table, none: str, stacked: bool = False) -> list:
    """The table as text grids, one per group; `stacked`: headers wrapped at their spaces to the
    width of their column's widest cell, so that a long header does not widen a column of numbers."""
    from .textgrid import CellText, Column as GridColumn, Grid

    columns = table.shown_columns()
    titles = [c.title for c in columns]
    if stacked:
        widths = [max((CellText(row.get(c.key) if isinstance(row.get(c.key), list) else cell(row, c.key)).width
                       for row in table.rows), default=0) for c in columns]
        titles = [_stack(t, w) for t, w in zip(titles, widths)]
    grids = []
    for name, rows in table.groups():
        grid = Grid([GridColumn(t, justify=c.justify, no_wrap=c.nowrap, least=c.least) for t, c in zip(titles, columns)],
                    title=name or "", title_style="bold cyan")
        for row in rows:
            styles = row.get("_style", {})
            grid.add_row(*(row[c.key] if isinstance(row.get(c.key), list) else (cell(row, c.key), styles.get(c.key, ""))
                           for c in columns))   # a list: pieces with styles of their own, [(text, style), …]
        if not rows:
            grid.add_row(none)
        grids.append(grid)
    return grids


def md_text(text: str) -> str:
    """Text for one Markdown table cell or line: backslashes and pipes escaped, one line."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def md_rows(columns: list[Column], rows: list[dict]) -> list[str]:
    """A Markdown table: the header, the alignment line (numbers to the right), the rows."""
    return ["| " + " | ".join(md_text(c.title) for c in columns) + " |",
            "| " + " | ".join("---:" if c.justify == "right" else "---" for c in columns) + " |",
            *("| " + " | ".join(md_text(cell(r, c.key)) for c in columns) + " |" for r in rows)]


def as_markdown(tables: list[Table], labels=None) -> str:
    lines: list[str] = []
    for table in tables:
        lines += [f"## {md_text(table.title)}", ""]
        if table.intro:
            lines += [f"{md_text(line if isinstance(line, str) else line[0] + '  '.join(line[1:]))}  "
                      for line in table.intro] + [""]
        cols = table.shown_columns()
        for name, rows in table.groups():
            if name is not None:
                lines += [f"### {md_text(name)}", ""]
            lines += md_rows(cols, rows)
            lines.append("")
        lines += [f"{md_text(note)}  " for note in table.notes]
        if table.notes:
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# A spreadsheet runs a cell that starts with one of these as a formula (= 1.8 → 4.5,
# + 98.81%, -5, @SUM): OWASP's advice is to start such a cell with a quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_csv(header: list[str], rows) -> str:
    """CSV text, every cell neutralised against formula injection (csv_safe)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([csv_safe(h) for h in header])
    for row in rows:
        writer.writerow([csv_safe(v) for v in row])
    return buffer.getvalue()


def as_csv(table: Table) -> str:
    """One CSV table: every column, the group column included, one line per row."""
    return write_csv([c.key for c in table.columns], ([cell(row, c.key) for c in table.columns] for row in table.rows))
