"""A workbook (`--format xlsx --out FILE.xlsx`): a sheet per table of the result that holds
data (a table may ask for a sheet per value of a column: the diff's rows, one per kind);
its data columns with typed cells, internal fields (ids, scores, codes) last; a title row
naming what it covers, plancmp's version and the --date given (render/xlsx.py writes it)."""
from __future__ import annotations

from ..tabular import Column, Table, shown_text

NUMBER_FORMATS = {"percent": "0%", "year": "0"}


def render(result, view) -> bytes:
    from ..xlsx import workbook_bytes

    return workbook_bytes(table_sheets(result.tables(view.whole()), view, result.title(view) if result.title else ""))


def title_row(title: str, view) -> str:
    """What the workbook covers, plancmp's version and the date given (none by default)."""
    from ... import __version__

    return " · ".join(part for part in (title, f"plancmp {__version__}", view.date or "") if part)


def table_sheets(tables: list[Table], view, title: str = "") -> list:
    from ..sheets import Sheet

    sheets = []
    for table in (t for t in tables if t.data and t.data_columns()):
        columns = [c for c in table.data_columns() if c.key != table.split]
        lead = [c for key in table.lead for c in columns if c.key == key]
        rest = [c for c in columns if c not in lead]
        columns = lead + [c for c in rest if not c.internal] + [c for c in rest if c.internal]
        for name, rows in _parts(table):
            kept = [c for c in columns if any(_present(row.get(c.key)) for row in rows)] if table.split else columns
            kept = kept or columns
            freeze = max(1, sum(c in kept for c in lead))
            about = " · ".join(p for p in (title, table.title if table.title not in title else "") if p)
            sheets.append(Sheet(name, [c.title for c in kept], [[_cell(row, c, view) for c in kept] for row in rows],
                                title_row(about, view), freeze, tuple(NUMBER_FORMATS.get(c.type) for c in kept)))
    return sheets


def _present(value) -> bool:
    return value is not None and value != ""


def _parts(table: Table) -> list[tuple[str, list[dict]]]:
    """(sheet name, rows): the table whole, or a sheet per value of its `split` column."""
    name = table.sheet or table.title or "sheet"
    if not table.split:
        return [(name, table.rows)]
    column = next(c for c in table.columns if c.key == table.split)
    parts: dict[str, list[dict]] = {}
    for row in table.rows:
        parts.setdefault(shown_text(row, column), []).append(row)
    return list(parts.items())


def _cell(row: dict, column: Column, view):
    from ..sheets import Verdict

    value = row.get(column.key)
    if column.type == "verdict":
        words = column.sheet_text(row) if column.sheet_text is not None else view.labels.status(value) if value else ""
        return Verdict(words, value) if words else None
    if column.type in ("number", "percent", "year"):
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if value is None or value == "":
        return None
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return value if isinstance(value, (int, float)) else str(value)
