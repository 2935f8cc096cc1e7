"""A view's tables, declared once: every format renders the same declaration.

A `Table` is rows (dicts) under a title, with `Column`s that say, each once, what a
column is: its key in the rows, its title (in the reader's language), how it is laid out
(justification, never wrapped, the width a name keeps), its type (text, number, year,
verdict, id), and its role: `shown` to a reader (the text table, Markdown), `data` (CSV,
workbooks), or `both`. A column may show its cell differently from its data value (the
diff's verdict shows `below`, coloured, and holds `below` as its code; a matrix cell shows
`=`, and holds `matches`), and a shown cell may combine several data columns of the same
declaration (the diff's national cell: name, baseline → target, year, 属性). Internal fields
(ids, scores, codes) are marked `internal`: a workbook puts them last.

The formats (render/formats/) render a declaration: text and Markdown its shown columns,
CSV the data columns of the result's main table, a workbook a sheet per table. Colour only
on a terminal and never with NO_COLOR (the caller decides: render/result.View).

Every terminal: a table may carry `narrower` layouts of the same rows (a column dropped, a
value moved under the name, one row per plan), widest first: text-only layouts, which the
text format takes when the table itself does not fit without cutting a word or squeezing a
name below its `least` (formats/text.py). Markdown, CSV and workbooks always hold the full
table.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

TYPES = ("text", "number", "percent", "year", "verdict", "id")
ROLES = ("shown", "data", "both")


class Column(NamedTuple):
    """One column of a table, declared once for every format."""

    key: str
    title: str
    justify: str = "left"
    nowrap: bool = False   # ids and numbers: never folded across lines
    least: int = 0         # names: a narrower layout is taken before this column gets fewer display
                           # columns than this (or than its widest cell, when that is less)
    type: str = "text"     # text | number | percent | year | verdict | id: how a workbook stores the value (a
                           # number stays a number, a share a percentage, a verdict its words in its colour)
    role: str = "both"     # shown (text, Markdown) | data (CSV, workbooks) | both
    internal: bool = False  # ids, scores, codes: a workbook puts them last
    show: Callable[[dict], Any] | None = None   # the shown cell from the row; default: row[key]
    fmt: str | None = None  # how a data value is written as text (CSV): "{:.4f}"; default str()
    strong: bool = False    # Markdown: the cell in bold (a verdict)
    breaks: bool = False    # Markdown: the cell's line breaks kept (<br>); else they read as spaces
    sheet_text: Callable[[dict], str] | None = None   # a workbook's text for a verdict cell (default: its words)

    @property
    def shown(self) -> bool:
        return self.role != "data"

    @property
    def data(self) -> bool:
        return self.role != "shown"


@dataclass
class Table:
    """Rows under a title, optionally in sections (one per value of `group`). A workbook holds
    a sheet per table that has data: its data columns, internal ones last, under a title row."""

    title: str
    columns: list[Column]
    rows: list[dict] = field(default_factory=list)     # key -> value; "_style" -> {key: style, e.g. "bold red"};
                                                       # "_strong": True, a row in bold (a total)
    group: str | None = None                           # a column key: one section per value, in row order
    notes: list[str] = field(default_factory=list)     # printed under the table
    intro: list = field(default_factory=list)          # printed under the title, before the rows: lines, or
                                                       # [lead, item, item …] kept whole where they fit (a legend)
    narrower: list[Table] = field(default_factory=list)   # text layouts for less width, widest first: their
                                                       # columns, rows and group replace this table's
    role: str = "both"     # shown: text and Markdown only (a summary a sheet holds otherwise); data: CSV
                           # and workbooks only (the flat lines of a wide grid)
    main: bool = False     # the table CSV prints (else the first table with data columns)
    level: int = 2         # Markdown: the heading level of its title (its groups one below; a table without a
                           # title puts its groups at this level)
    limit: int | None = None   # text and Markdown: the first `limit` rows, then the `more` note (data: all)
    more: str = ""         # that note, with {n}: how many rows are left out
    sheet: str = ""        # a workbook: the sheet's name (else its title)
    split: str | None = None   # a workbook: a sheet per value of this column (the diff's rows: one per kind)
    lead: tuple = ()       # a workbook: the columns it starts with, frozen (the name column last); default: the first

    def groups(self, rows: list[dict] | None = None) -> list[tuple[str | None, list[dict]]]:
        rows = self.rows if rows is None else rows
        if not self.group:
            return [(None, rows)]
        out: dict[str, list[dict]] = {}
        for row in rows:
            out.setdefault(row.get(self.group, ""), []).append(row)
        return list(out.items())

    def shown_columns(self) -> list[Column]:
        return [c for c in self.columns if c.shown and c.key != self.group]

    def data_columns(self) -> list[Column]:
        return [c for c in self.columns if c.data]

    def shown_rows(self) -> tuple[list[dict], list[str]]:
        """The rows a reader sees and the notes under them (the `more` note when rows are left out)."""
        if self.limit is None or len(self.rows) <= self.limit:
            return self.rows, self.notes
        left = len(self.rows) - self.limit
        return self.rows[:self.limit], [*self.notes, self.more.format(n=left)] if self.more else self.notes

    @property
    def shown(self) -> bool:
        return self.role != "data"

    @property
    def data(self) -> bool:
        return self.role != "shown"


class Para(str):
    """An intro line that is a paragraph of its own (Markdown: no hard line break after it)."""


def cell(row: dict, key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value)


def shown_cell(row: dict, column: Column):
    """What a reader sees in the column: its `show` of the row, else the row's value (a string,
    or a list of (text, style) pieces)."""
    if column.show is not None:
        return column.show(row)
    value = row.get(column.key)
    return value if isinstance(value, list) else cell(row, column.key)


def shown_text(row: dict, column: Column) -> str:
    """The shown cell as plain text (pieces joined, styles dropped)."""
    value = shown_cell(row, column)
    if isinstance(value, list):
        return "".join(str(text) for text, _ in value)
    if isinstance(value, tuple):
        return str(value[0])
    return "" if value is None else str(value)


def data_text(row: dict, column: Column) -> str:
    """The data value as text (CSV): its `fmt`, else str(); nothing for None."""
    value = row.get(column.key)
    if value is None:
        return ""
    if column.fmt is not None and not isinstance(value, str):
        return column.fmt.format(value)
    return str(value)


def main_table(tables: list[Table]) -> Table | None:
    """The table a flat format (CSV) prints: the one marked main, else the first that holds data."""
    found = next((t for t in tables if t.main), None)
    return found or next((t for t in tables if t.data and t.data_columns()), None)
