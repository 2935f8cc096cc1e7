"""Text: the shown tables laid out for the width (render/textgrid.py), coloured only on a
terminal; a result with a text layout of its own (the diff, eval, validate) prints that."""
from __future__ import annotations

from ..tabular import Table, cell, shown_cell


def render(result, view) -> str:
    if result.text is not None:
        return result.text(view)
    return as_text([t for t in result.tables(view) if t.shown], width=view.width, color=view.color,
                   labels=view.labels)


def as_text(tables: list[Table], file=None, *, width: int | None = None, color: bool | None = None,
            labels=None) -> str:
    """Text tables, one per group, as a string (the caller prints it). Laid out at `width`,
    else textgrid.output_width(file) (COLUMNS, the terminal's, else a fixed width); colour codes
    when `color`, else when `file` (default stdout) is a tty and NO_COLOR is unset."""
    import sys

    from ..textgrid import output_width, pack, paragraph, render as render_grid, use_color

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
        rows, notes = table.shown_rows()
        for grid in _layout(table, rows, width, none):
            lines += render_grid(grid, width, color)
        for note in notes:
            lines += paragraph(note, width)
        lines.append("")
    return "".join(line + "\n" for line in lines)


def _layout(table: Table, rows: list[dict], width: int, none: str) -> list:
    """The grids of the first layout that fits the width: the table, then each of its narrower
    layouts. A layout in which nothing wraps keeps its headers on one line; else its headers
    are stacked at their spaces (room for the cells) and it must fit (textgrid.fits). When none
    does, the narrowest, as well as it goes. A table with no narrower layout is laid out as it is."""
    from ..textgrid import fits, natural_width

    if not table.narrower:
        return _grids(table, rows, none)
    for layout in (table, *table.narrower):
        shown = rows if layout is table else layout.rows   # a narrower layout holds rows of its own
        grids = _grids(layout, shown, none)
        if all(natural_width(grid) <= width for grid in grids):
            return grids
        grids = _grids(layout, shown, none, stacked=True)
        if all(fits(grid, width) for grid in grids):
            return grids
    return grids


def _stack(title: str, width: int) -> str:
    """A header's words on as many lines as keep it within `width` (or its longest word)."""
    from ..textgrid import text_width

    lines: list[str] = []
    for word in title.split():
        if lines and text_width(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _grids(table: Table, rows: list[dict], none: str, stacked: bool = False) -> list:
    """The table as text grids, one per group; `stacked`: headers wrapped at their spaces to the
    width of their column's widest cell, so that a long header does not widen a column of numbers."""
    from ..textgrid import CellText, Column as GridColumn, Grid

    columns = table.shown_columns()
    titles = [c.title for c in columns]
    if stacked:
        widths = [max((CellText(shown_cell(row, c)).width for row in rows), default=0) for c in columns]
        titles = [_stack(t, w) for t, w in zip(titles, widths)]
    grids = []
    for name, group in table.groups(rows):
        grid = Grid([GridColumn(t, justify=c.justify, no_wrap=c.nowrap, least=c.least) for t, c in zip(titles, columns)],
                    title=name or "", title_style="bold cyan")
        for row in group:
            styles = row.get("_style", {})
            grid.add_row(*(_styled(shown_cell(row, c), styles.get(c.key, "")) for c in columns))
        if not group:
            grid.add_row(none)
        grids.append(grid)
    return grids


def _styled(value, style: str):
    """A shown cell with the row's style for it: pieces keep their own styles."""
    if isinstance(value, (list, tuple)):
        return value
    return (value, style)


__all__ = ["as_text", "cell", "render"]
