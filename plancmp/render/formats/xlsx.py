"""A workbook (`--format xlsx --out FILE.xlsx`): a sheet per table of the result, its data
columns with typed cells (render/xlsx.py writes it with openpyxl)."""
from __future__ import annotations

from ..tabular import Table, shown_text


def render(result, view) -> bytes:
    from ..xlsx import workbook_bytes

    sheets = result.sheets(view) if result.sheets is not None else table_sheets(result.tables(view.whole()))
    return workbook_bytes(sheets)


def table_sheets(tables: list[Table]) -> list:
    """A sheet per table that holds data: its data columns, headed by their titles; a verdict
    column shows its words in the verdict's colour."""
    from ..sheets import Sheet, Verdict

    sheets = []
    for n, table in enumerate(t for t in tables if t.data and t.data_columns()):
        columns = table.data_columns()
        rows = [[Verdict(shown_text(row, c), row.get(c.key)) if c.type == "verdict" else row.get(c.key)
                 for c in columns] for row in table.rows]
        sheets.append(Sheet(table.title or f"sheet {n + 1}", [c.title for c in columns], rows))
    return sheets
