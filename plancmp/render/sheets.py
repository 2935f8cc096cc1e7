"""A workbook as plain data (no openpyxl here: render/xlsx.py writes it): sheets of a header
and rows, a verdict cell in the verdict's colour. Each view lays out its workbook in its own
module (diff, targets, matrix, stats); others get a sheet per table (formats/xlsx.py).
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
    wrap: frozenset = frozenset()   # column indexes whose long texts wrap (quotes, notes)
