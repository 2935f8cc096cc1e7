"""Workbooks for Excel, WPS and LibreOffice (`--format xlsx --out FILE`): openpyxl, imported
only here.

Each sheet: a title row (what it covers: the plans, plancmp's version, the date given), then
the header row, both frozen with the name column (it stays in view when scrolling right) and
both repeated on every printed page; an autofilter over the table; numbers as numbers
(shares as percentages); every cell top-aligned and wrapped, columns as wide as their
content (within limits); verdict cells filled with the verdict's colour (the catalogue's,
as the terminal and the report show it). Printed: landscape A4, fitted to the page width,
page numbers in the footer. A text that begins with = (or + - @) stays text: a spreadsheet
never runs it as a formula. The file is the same bytes for the same inputs (fixed document
dates and zip timestamps) and is written atomically (plancmp/files/output.py).
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
MAX_WIDTH = 40     # characters: a longer text wraps in its cell
MIN_WIDTH = 6
_BAD_TITLE = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _sheet_name(name: str, taken: set[str]) -> str:
    base = (name.translate(_BAD_TITLE).strip() or "sheet")[:31]
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" {n}"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


LINE_HEIGHT = 15   # points: a line of 11-point text
MAX_LINES = 20     # a taller cell (a long quote) scrolls within its row


def _lines(value, width: int) -> int:
    """How many lines a cell's text takes when wrapped at `width` characters."""
    if value is None or isinstance(value, (int, float)):
        return 1
    return sum(max(1, -(-text_width(part) // max(width, 1))) for part in str(value).split("\n"))


def _width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        return len(f"{value:g}")
    return max(map(text_width, str(value).split("\n")), default=0)


def workbook_bytes(sheets: list[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    if wb.active is not None:   # a new workbook's one empty sheet
        wb.remove(wb.active)
    bold, title_font = Font(bold=True), Font(bold=True, size=12)
    fills = {s: (PatternFill("solid", fgColor=bg), Font(color=fg)) for s, (bg, fg) in FILLS.items()}
    top = Alignment(wrap_text=True, vertical="top")
    taken: set[str] = set()
    for sheet in sheets:
        ws = wb.create_sheet(_sheet_name(sheet.name, taken))
        first = 1
        if sheet.title:
            ws.cell(row=1, column=1, value=ILLEGAL_CHARACTERS_RE.sub("", sheet.title)).font = title_font
            first = 2
        for c, head in enumerate(sheet.header, start=1):
            cell = ws.cell(row=first, column=c, value=head)
            cell.font, cell.alignment = bold, top
        widths = [max((text_width(w) for w in str(h).split()), default=0) for h in sheet.header]
        formats = list(sheet.formats) + [None] * (len(sheet.header) - len(sheet.formats))
        for r, row in enumerate(sheet.rows, start=first + 1):
            for c, value in enumerate(row, start=1):
                status = value.status if isinstance(value, Verdict) else None
                if isinstance(value, Verdict):
                    value = value.text
                if isinstance(value, str):
                    value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell = ws.cell(row=r, column=c, value=value if value != "" else None)
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"          # text, never a formula
                cell.alignment = top
                if formats[c - 1] and isinstance(value, (int, float)):
                    cell.number_format = formats[c - 1]
                if status in fills:
                    cell.fill, cell.font = fills[status]
                widths[c - 1] = max(widths[c - 1], _width(value))
        fitted = [max(MIN_WIDTH, min(width, MAX_WIDTH)) for width in widths]
        for c, width in enumerate(fitted, start=1):
            ws.column_dimensions[get_column_letter(c)].width = width + 2
        # row heights from the wrapped content: every application shows (and prints) the whole cell
        for r in range(first, len(sheet.rows) + first + 1):
            lines = max((_lines(ws.cell(row=r, column=c).value, fitted[c - 1]) for c in range(1, len(fitted) + 1)),
                        default=1)
            ws.row_dimensions[r].height = LINE_HEIGHT * min(lines, MAX_LINES)
        last = get_column_letter(max(len(sheet.header), 1))
        ws.freeze_panes = ws.cell(row=first + 1, column=min(sheet.freeze, len(sheet.header)) + 1).coordinate
        ws.auto_filter.ref = f"A{first}:{last}{len(sheet.rows) + first}"
        ws.print_title_rows = f"1:{first}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_options.gridLines = True
        ws.oddFooter.left.text = "&A"           # the sheet's name
        ws.oddFooter.right.text = "&P / &N"     # page n of N
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
