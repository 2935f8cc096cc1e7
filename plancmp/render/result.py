"""What a command hands to the formats: one typed result, rendered in any format.

A command gets its data (views/), wraps it in a `Result` and lets the format registry
(render/formats/) write it. A Result holds:

- `data`: JSON-ready data, exactly what `--format json` prints (Notes allowed: JSON shows
  their code, values and worded text);
- `tables(view)`: its tables (render/tabular.py), a function of the reader's labels and the
  width, so that JSON never builds them; text and Markdown show them, CSV prints the main
  one's data columns, a workbook holds a sheet per table;
- `annotations(view)`: findings on lines of files, where the command has them (validate,
  changes): the `github` format;
- `text(view)`: a text layout of its own, where the text format needs more than tables (the
  diff's width rules, eval's score tables, validate's `path:line:col` lines);
- `title(view)`: what it is about, naming the plans (a workbook's title row);
- `status`: the exit status once it is printed.

Which formats a command offers follows from what its result has (formats/__init__.py).
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from ..core.i18n import Labels

if TYPE_CHECKING:
    from .tabular import Table


class View:
    """How this run prints: the labels of its language, colour or not, the width to lay out at,
    whether a CSV starts with a byte-order mark, the date a workbook's title row gives."""

    def __init__(self, color: str = "auto", lang: str | None = None, out=None, *, bom: bool = False,
                 labels: Labels | None = None, width: int | None = None, date: str | None = None):
        from .textgrid import output_width, use_color

        out = out or sys.stdout
        self.mode = color
        self.labels = labels or Labels(lang)
        self.color = use_color(self.mode, out)
        self.width: int | None = width or output_width(out)
        self.bom = bom
        self.date = date   # a workbook's title row says it (--date); none by default: same data, same bytes

    @property
    def lang(self) -> str:
        return self.labels.lang

    def color_for(self, out) -> bool:
        """Colour for the terminal as detected; for an --out file only when asked (always)."""
        return self.color if out is None else self.mode == "always"

    def _copy(self) -> View:
        other = View.__new__(View)
        other.mode, other.labels, other.width, other.bom, other.color, other.date = (
            self.mode, self.labels, self.width, self.bom, self.color, self.date)
        return other

    def for_file(self) -> View:
        """The same view for a file written with --out: colour only when asked for (always)."""
        other = self._copy()
        other.color = self.mode == "always"
        return other

    def whole(self) -> View:
        """The view of the formats that have no width (Markdown, CSV, workbooks): width None, so
        that tables hold every column (a table may drop one for a narrow terminal)."""
        other = self._copy()
        other.width = None
        return other


class Annotation(NamedTuple):
    """A finding on a line of a file (GitHub shows it on the line): notice, warning or error."""

    level: str
    file: str
    line: int | None
    col: int | None
    title: str
    message: str


# What a result may have beside its data; a format needs one of them (formats/__init__.py).
PARTS = ("tables", "annotations", "text")


@dataclass
class Result:
    data: Any
    tables: Callable[[View], list[Table]] | None = None
    annotations: Callable[[View], list[Annotation]] | None = None
    text: Callable[[View], str] | None = None
    title: Callable[[View], str] | None = None
    status: int = 0

    def has(self) -> set[str]:
        return {part for part in PARTS if getattr(self, part) is not None}
