"""How one side of a diff row reads in a cell (shared by table, csv and markdown)."""
from __future__ import annotations

from ..core.commitment import commitment_text
from ..core.i18n import Labels
from ..core.model import Item, Target
from ..core.verdicts import Row


def value_text(item: Item | None) -> str:
    """`1.8 → 4.5 个` for targets, commitments for tasks, the standard for services."""
    return "" if item is None else commitment_text(item, "cell")


def when(year, binding) -> str:
    """A target's year and 属性 as the plan states them: `2025, 约束性`, or what of it is given."""
    return ", ".join(str(v) for v in (year, binding) if v)


def when_text(item: Item | None) -> str:
    """when() of an item; "" for other kinds than targets."""
    if not isinstance(item, Target):
        return ""
    return when(item.year, item.binding)


def side_text(item: Item | None) -> str:
    if item is None:
        return "—"
    value = value_text(item)
    text = f"{item.name}: {value}" if value else item.name
    when = when_text(item)
    return f"{text} ({when})" if when else text


def right_text(row: Row, labels: Labels) -> str:
    """B's side: its counterpart (with its kind when that differs from the row's), every
    further item that states the same (one-to-many, restatements), or the sentence of
    B's text that mentions A's item."""
    if row.passage is not None:
        return f"[{labels.basis('text')}] {passage_text(row)}"
    text = side_text(row.right)
    if row.right is not None and row.right.kind != row.kind:
        text = f"({labels.kind(row.right.kind)}) {text}"
    if row.right is not None and row.right.draft:   # nobody has checked it yet: no finding
        text = f"[{labels('draft_item')}] {text}"
    for item in row.also:
        kind = f"({labels.kind(item.kind)}) " if item.kind != row.kind else ""
        draft = f"[{labels('draft_item')}] " if item.draft else ""
        text += f"\n+ {draft}{kind}{side_text(item)}"
    return text


def passage_text(row: Row, limit: int = 60) -> str:
    p = row.passage
    if p is None:
        return ""
    words = p.text if len(p.text) <= limit else p.text[:limit] + "…"
    return f"{p.file}:{p.line} “{words}”"


def score_text(row: Row, labels: Labels) -> str:
    if row.score is None:
        return ""
    return f"{row.score:.2f} {labels.confidence(row.confidence)}"


def status_text(row: Row, labels: Labels) -> str:
    """The verdict's words; a not-comparable row's reason in a word after a colon."""
    words = labels.status(row.status)
    reason = getattr(row, "reason", None)
    return f"{words}: {labels.reason(reason)}" if reason else words


def notes_text(row: Row, labels: Labels) -> str:
    return labels.notes(row.notes)
