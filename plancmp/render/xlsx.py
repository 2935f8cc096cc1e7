"""Workbooks for Excel (`--format xlsx --out FILE`): openpyxl, imported only here.

Each sheet: the header row frozen and bold, an autofilter over the whole table, column
widths from the content (CJK counted double), verdict cells filled with the verdict's
colour. A text that begins with = (or + - @) stays text: a spreadsheet never runs it as a
formula. The file is the same bytes for the same inputs (fixed document dates and zip
timestamps) and is written atomically (plancmp/files/output.py).
"""
from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

from .sheets import Sheet, Verdict
from .textgrid import text_width
from .verdict_style import FILLS

FIXED_TIME = datetime.datetime(2000, 1, 1)
MAX_WIDTH = 60
_BAD_TITLE = str.maketrans({c: "_" for c in "[]:*?/\\"})


def workbook_bytes(sheets: list[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    if wb.active is not None:   # a new workbook's one empty sheet
        wb.remove(wb.active)
    bold = Font(bold=True)
    fills = {s: (PatternFill("solid", fgColor=bg), Font(color=fg)) for s, (bg, fg) in FILLS.items()}
    wrap = Alignment(wrap_text=True, vertical="top")
    for sheet in sheets:
        ws = wb.create_sheet(sheet.name.translate(_BAD_TITLE)[:31])
        ws.append(list(sheet.header))
        for cell in ws[1]:
            cell.font = bold
        widths = [text_width(str(h)) for h in sheet.header]
        for r, row in enumerate(sheet.rows, start=2):
            for c, value in enumerate(row, start=1):
                status = value.status if isinstance(value, Verdict) else None
                if isinstance(value, Verdict):
                    value = value.text
                if isinstance(value, str):
                    value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell = ws.cell(row=r, column=c, value=value if value != "" else None)
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"          # text, never a formula
                if status in fills:
                    cell.fill, cell.font = fills[status]
                if c - 1 in sheet.wrap:
                    cell.alignment = wrap
                if value is not None:
                    widths[c - 1] = max(widths[c - 1], max(map(text_width, str(value).split("\n"))))
        for c, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = min(width + 2, MAX_WIDTH)
        ws.freeze_panes = "A2"
        last = get_column_letter(max(len(sheet.header), 1))
        ws.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
    wb.properties.creator = "plancmp"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return _fixed_timestamps(raw.getvalue())


def _fixed_timestamps(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01: same inputs, same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def write_workbook(path: Path, sheets: list[Sheet]) -> None:
    """Write the workbook to `path` atomically (a regular file or a new one only)."""
    from ..files.output import write_bytes_atomic

    write_bytes_atomic(path, workbook_bytes(sheets))
