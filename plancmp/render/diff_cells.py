"""How one side of a diff row reads in a cell (shared by table, csv and markdown)."""
from __future__ import annotations

from ..verdicts import Row, label
from ..model import Item
from ..values import try_parse


def value_text(item: Item | None) -> str:
    """`1.8 → 4.5 个` for targets, commitments for tasks, the standard for services."""
    if item is None:
        return ""
    if item.kind == "targets":
        value = try_parse(item.target)
        plain = value is not None and value.numeric and not value.unit
        unit = f" {item.unit}" if item.unit and plain else ""
        base = f"{item.baseline.value} → " if item.baseline else ""
        return f"{base}{item.target}{unit}"
    if item.kind == "tasks":
        return "; ".join(item.commitments)
    return item.standard or ""


def side_text(item: Item | None) -> str:
    if item is None:
        return "—"
    value = value_text(item)
    return f"{item.name}: {value}" if value else item.name


def score_text(row: Row) -> str:
    if row.score is None:
        return ""
    return f"{row.score:.2f} {row.confidence}"


def status_text(row: Row) -> str:
    return label(row.status)


def notes_text(row: Row) -> str:
    return "; ".join(row.notes)
