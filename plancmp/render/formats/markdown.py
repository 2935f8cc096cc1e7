"""Markdown: each table's title as a heading, its intro, its shown columns as a pipe table
(numbers to the right), one section per group, its notes."""
from __future__ import annotations

from ..tabular import Column, Para, Table, shown_text


def render(result, view) -> str:
    return as_markdown([t for t in result.tables(view.whole()) if t.shown], labels=view.labels)


def md_text(text: str) -> str:
    """Text for one Markdown table cell or line: backslashes and pipes escaped, one line."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def md_cell(row: dict, column: Column) -> str:
    text = shown_text(row, column)
    if column.breaks:
        text = md_text(text.replace("\n", "\0")).replace("\0", "<br>")
    else:
        text = md_text(text)
    if text and (column.strong or row.get("_strong")):
        text = f"**{text}**"
    return text


def md_rows(columns: list[Column], rows: list[dict]) -> list[str]:
    """A Markdown table: the header, the alignment line (numbers to the right), the rows."""
    return ["| " + " | ".join(md_text(c.title) for c in columns) + " |",
            "| " + " | ".join("---:" if c.justify == "right" else "---" for c in columns) + " |",
            *("| " + " | ".join(md_cell(r, c) for c in columns) + " |" for r in rows)]


def _intro(line) -> str:
    if isinstance(line, Para):
        return md_text(line)
    return md_text(line if isinstance(line, str) else line[0] + "  ".join(line[1:])) + "  "


def as_markdown(tables: list[Table], labels=None) -> str:
    lines: list[str] = []
    for table in tables:
        heading = "#" * table.level
        if table.title:
            lines += [f"{heading} {md_text(table.title)}", ""]
            heading += "#"
        if table.intro:
            lines += [_intro(line) for line in table.intro] + [""]
        cols = table.shown_columns()
        rows, notes = table.shown_rows()
        if cols:
            for name, group in table.groups(rows):
                if name is not None:
                    lines += [f"{heading} {md_text(name)}", ""]
                lines += md_rows(cols, group)
                lines.append("")
        lines += [f"{md_text(note)}  " for note in notes]
        if notes:
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
