"""What an item commits to, as one line: declared here once, for every view.

A target commits to its value (from its baseline), a service to its standard (or, in a
record, whom it serves), a task to the numbers and end states it names. The forms differ
only in what else the line carries, for where it is shown (LINE_FORMS).
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from .model import Baseline, Item, Target, change_text
from .values import try_parse

# The forms:
#   cell        a diff's cell and CSV:  `1.8 → 4.5 个` (the unit after a bare number), `a; b`
#   record      show, matrix:           `1.8 (2020) → 4.5 [个]`, a service's standard or group, `a, b`
#   grid        the targets grid (its unit has a column of its own): `1.8 → 4.5`, `→ 应保尽保`
#   value       the target as written: `4.5`, a service's standard, `a; b`
#   value+unit  the target with its unit, as a table reads it: `4.5 个`, `96%` (the report)
LINE_FORMS = ("cell", "record", "grid", "value", "value+unit")


def commitment_line(kind: str, *, target: str | None = None, baseline: Baseline | None = None, unit: str | None = None,
                    standard: str | None = None, group: str | None = None, commitments: Sequence[str] = (), form: str = "cell") -> str:
    """The one line of what an item of `kind` commits to, from its parts, in one of LINE_FORMS."""
    if kind == "targets":
        target = target or ""
        if form == "cell":
            value = try_parse(target)
            plain = value is not None and value.numeric and not value.unit
            return change_text(target, baseline, year=False, without=None) + (f" {unit}" if unit and plain else "")
        if form == "grid":
            return change_text(target, baseline, year=False, without="")
        if form == "value":
            return target
        if form == "value+unit":
            if not unit or unit in target or not any(ch.isdigit() for ch in target):
                return target
            return f"{target}{unit}" if unit == "%" else f"{target} {unit}"
        return change_text(target, baseline) + (f" [{unit}]" if unit else "")
    if kind == "services":
        return (standard or group or "") if form == "record" else (standard or "")
    return (", " if form == "record" else "; ").join(commitments)


def commitment_text(item: Item, form: str = "cell") -> str:
    """What `item` commits to, as one line (commitment_line)."""
    return commitment_line(item.kind, target=getattr(item, "target", None), baseline=getattr(item, "baseline", None),
                           unit=getattr(item, "unit", None), standard=getattr(item, "standard", None),
                           group=getattr(item, "target_group", None), commitments=getattr(item, "commitments", ()),
                           form=form)


class Figures(NamedTuple):
    """A target's commitment as numbers, for a spreadsheet: its baseline and target where they
    are numbers, the comparator (≥, >, 〔〕 cumulative, * annual average …), the unit and the
    year; the written form stays beside it (commitment_text)."""

    baseline: float | int | None
    baseline_year: int | None
    comparator: str
    target: float | int | None
    unit: str | None
    year: int | None


NO_FIGURES = Figures(None, None, "", None, None, None)


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def figures(item: Item | None) -> Figures:
    """The numbers of a target (NO_FIGURES for a service, a task or none): a value that is no
    number (应保尽保) has no target figure, its words stay in the written form."""
    if not isinstance(item, Target):
        return NO_FIGURES
    return target_figures(item.target, item.baseline, item.unit, item.year, item.flags)


def target_figures(target: str | None, baseline: Baseline | None, unit: str | None, year: int | None,
                   flags: Collection[str] = ()) -> Figures:
    """A target's figures from its parts (as a plan file or a view's record holds them)."""
    value = try_parse(target) if target else None
    base = try_parse(baseline.value) if baseline is not None else None
    comparator = ""
    if value is not None and value.numeric:
        comparator = {"=": "", "range": "~"}.get(value.comparator, value.comparator)
        if value.cumulative or "cumulative" in flags:
            comparator += "〔〕"
        if "annual_average" in flags:
            comparator += "*"
    unit = unit or (value.unit if value is not None else None) or (base.unit if base is not None else None)
    return Figures(_number(base.number) if base is not None and base.numeric else None,
                   baseline.year if baseline is not None else None, comparator,
                   _number(value.number) if value is not None and value.numeric else None, unit, year)
