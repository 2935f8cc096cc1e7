"""One table, four ways: a rich terminal table, Markdown, CSV — the same rows in each.

Commands build a `Table` (plain strings, an optional style per cell) and pick a
renderer; JSON is not here: each command prints its own library data as JSON.
Colour only on a terminal and never with NO_COLOR; piped output is plain text
at a fixed width so that it is the same on every run.
"""
from __future__ import annotations

import csv
import io
import os
import sys
from dataclasses import dataclass, field

PIPED_WIDTH = 160  # wide enough for CJK cells side by side; fixed so output is reproducible


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    justify: str = "left"
    nowrap: bool = False   # ids and numbers: never folded across lines


@dataclass
class Table:
    title: str
    columns: list[Column]
    rows: list[dict] = field(default_factory=list)     # key -> str; "_style" -> {key: rich style}
    group: str | None = None                           # a column key: one section per value, in row order
    notes: list[str] = field(default_factory=list)     # printed under the table

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


def console(file=None):
    from rich.console import Console

    out = file or sys.stdout
    terminal = hasattr(out, "isatty") and out.isatty()
    return Console(file=out, no_color=bool(os.environ.get("NO_COLOR")) or not terminal,
                   width=None if terminal else PIPED_WIDTH, highlight=False, emoji=False,
                   force_terminal=terminal, soft_wrap=False)


def as_text(tables: list[Table], file=None) -> str:
    """Rich tables, one per group; returns the text (also what was printed when file is a tty)."""
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    buffer = io.StringIO()
    con = console(file)
    if not con.is_terminal:
        con.file = buffer
    for table in tables:
        con.print(Text(table.title, style="bold"))
        for name, rows in table.groups():
            rt = RichTable(title=name, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False,
                           title_style="bold cyan")
            for col in table.shown_columns():
                rt.add_column(col.title, justify=col.justify, overflow="fold", no_wrap=col.nowrap)
            for row in rows:
                styles = row.get("_style", {})
                rt.add_row(*(Text(cell(row, c.key), style=styles.get(c.key, "")) for c in table.shown_columns()))
            if not rows:
                rt.add_row(*(["(none)"] + [""] * (len(table.shown_columns()) - 1)))
            con.print(rt)
        for note in table.notes:
            con.print(Text(note))
        con.print()
    return buffer.getvalue()


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def as_markdown(tables: list[Table]) -> str:
    lines: list[str] = []
    for table in tables:
        lines += [f"## {_md(table.title)}", ""]
        cols = table.shown_columns()
        for name, rows in table.groups():
            if name is not None:
                lines += [f"### {_md(name)}", ""]
            lines.append("| " + " | ".join(_md(c.title) for c in cols) + " |")
            lines.append("| " + " | ".join("---:" if c.justify == "right" else "---" for c in cols) + " |")
            lines += ["| " + " | ".join(_md(cell(r, c.key)) for c in cols) + " |" for r in rows]
            lines.append("")
        lines += [f"{_md(note)}  " for note in table.notes]
        if table.notes:
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def as_csv(table: Table) -> str:
    """One CSV table: every column, the group column included, one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.key for c in table.columns])
    for row in table.rows:
        writer.writerow([cell(row, c.key) for c in table.columns])
    return buffer.getvalue()
