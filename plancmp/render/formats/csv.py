"""CSV: the data columns of the result's main table (tabular.main_table), one line per row,
headed by the columns' keys; every cell neutralised against formula injection; `--bom`
starts it with a UTF-8 byte-order mark for Excel."""
from __future__ import annotations

import csv
import io

from ..tabular import Table, data_text, main_table


def render(result, view) -> str:
    table = main_table(result.tables(view.whole()))
    text = as_csv(table) if table is not None else ""
    return ("\ufeff" if view.bom else "") + text


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
    """One CSV table: every data column (the group column included), one line per row."""
    columns = table.data_columns()
    return write_csv([c.key for c in columns], ([data_text(row, c) for c in columns] for row in table.rows))
