"""What a diff is made of: its rows, their verdicts, and the pairs worth a second look.

The engine that fills these (alignment in align.py, verdicts in compare.py) imports
rapidfuzz and the vocabularies; the renderers and the cache need only these types,
so they live here, light enough that a cached diff loads without the engine.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .model import Item, Plan

STATUSES = ("exceeds", "matches", "matches-quantified", "below", "not-comparable", "mentioned", "unknown",
            "omitted", "added")


# One symbol per verdict: ASCII so that every terminal, CSV reader and font shows it.
SYMBOLS = {"exceeds": "+", "matches": "=", "matches-quantified": "=#", "below": "-",
           "not-comparable": "~", "mentioned": "m", "omitted": "x", "unknown": "?", "added": "*"}

# Coverage buckets, in the order they are shown; each verdict falls in exactly one.
BUCKETS = {"matched or exceeded": ("exceeds", "matches", "matches-quantified"), "below": ("below",),
           "not comparable": ("not-comparable",), "mentioned only": ("mentioned",), "omitted": ("omitted",),
           "unknown": ("unknown",)}


def bucket_of(status: str) -> str | None:
    return next((name for name, statuses in BUCKETS.items() if status in statuses), None)


def label(status: str) -> str:
    """The verdict as English words (`not comparable`); the words of both languages are data:
    plancmp/vocab/labels.yaml (core/i18n.py)."""
    from .i18n import status_label

    return status_label(status, "en")


def status_from_text(text: str) -> str | None:
    """`not comparable`, `not-comparable`, `Matches (quantified)`, or the Chinese word (低于,
    未提及) -> the status slug."""
    from .i18n import status_label
    from .vocab import fold

    folded = re.sub(r"[\s_()（）-]+", "-", text.strip().lower()).strip("-")
    if folded in STATUSES:
        return folded
    return next((s for s in STATUSES if fold(status_label(s, "zh")) == fold(text)), None)


class NearMiss(NamedTuple):
    """A candidate pair the matcher did not take, worth a curator's look."""

    kind: str
    left: Item
    right: Item
    score: float
    reasons: tuple[str, ...]
    why: str   # "low confidence pair" | "unpaired; best candidate"


class Passage(NamedTuple):
    """A sentence (or heading, or table row) of a source text, where it stands."""

    file: str       # as messages show it
    line: int       # 1-based line where it starts
    text: str       # as written, whitespace squeezed out
    start: int      # offsets in the squeezed source text
    end: int


class Row(NamedTuple):
    """One line of a diff: A's item, B's item (either may be None) and the verdict.

    `also`: B's further items that state A's item (one-to-many coverage: 两免一补 stated
    as three services), or that restate B's item (a stretch value beside the binding one).
    `passage`: for `mentioned`, the sentence of B's text that states A's item."""

    kind: str
    domain: str
    status: str
    left: Item | None
    right: Item | None
    score: float | None
    confidence: str | None
    reasons: tuple[str, ...]
    notes: tuple[str, ...] = ()
    also: tuple[Item, ...] = ()
    passage: Passage | None = None


@dataclass
class Diff:
    """Plan B against plan A (the reference), row by row."""

    left: Plan
    right: Plan
    rows: list[Row] = field(default_factory=list)   # in domain order, then kind (compare.diff sorts them)
    near_misses: list[NearMiss] = field(default_factory=list)

    def summary(self) -> dict:
        by_status = {s: sum(r.status == s for r in self.rows) for s in STATUSES}
        by_domain: dict[str, dict[str, int]] = {}
        for row in self.rows:   # rows come in domain order, so by_domain does too
            counts = by_domain.setdefault(row.domain, {s: 0 for s in STATUSES})
            counts[row.status] += 1
        return {"total": len(self.rows), "by_status": by_status, "by_domain": by_domain}


def row_binding(row: Row) -> str | None:
    """The 属性 of a row's commitment: the reference's target, else (an added row) the other plan's."""
    item = row.left if row.left is not None else row.right
    return getattr(item, "binding", None)


def select(d: Diff, domains: set[str] | None = None, statuses: set[str] | None = None,
           binding: str | None = None) -> Diff:
    """The same diff restricted to some domains, verdicts and a binding (约束性/预期性: targets
    only); every format shows this scope."""
    keep = lambda r: ((not domains or r.domain in domains) and (not statuses or r.status in statuses)
                      and (not binding or (r.kind == "targets" and row_binding(r) == binding)))
    misses = [m for m in d.near_misses if not domains or m.left.domain in domains]
    return Diff(d.left, d.right, [r for r in d.rows if keep(r)], misses)
