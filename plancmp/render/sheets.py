"""A workbook as plain data (no openpyxl here: render/xlsx.py writes it): sheets of a title
row, a header and rows; a verdict cell in the verdict's colour. formats/xlsx.py makes a
sheet of each table a result declares (render/tabular.py).
"""
from __future__ import annotations

from typing import NamedTuple


class Verdict(NamedTuple):
    """A cell showing a verdict: its words, filled with the verdict's colour."""

    text: str
    status: str | None   # its code (vocab/statuses.yaml); None: no verdict, no colour


class Sheet(NamedTuple):
    name: str
    header: list[str]
    rows: list[list]
    title: str = ""                  # the title row above the header (the plans, plancmp's version, the date)
    freeze: int = 1                  # columns frozen at the left: the name column and those before it
    formats: tuple = ()              # per column: an Excel number format ("0%", "0") or None
