"""What a diff is made of: its rows, their verdicts, and the pairs worth a second look.

The engine that fills these (alignment in align.py, verdicts in compare.py) imports
rapidfuzz and the vocabularies; the renderers and the cache need only these types,
so they live here, light enough that a cached diff loads without the engine.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from .model import Item, Plan
from .notes import Note


@cache
def _catalogue() -> dict[str, Any]:
    from .vocab import read

    return read("statuses.yaml")


class Status(NamedTuple):
    """One verdict as vocab/statuses.yaml declares it."""

    code: str
    words: dict[str, str]   # lang -> words
    meaning: dict[str, str]   # lang -> what it says of B against A (the README's table of verdicts)
    symbol: str
    bucket: str | None      # the coverage bucket's code; None: not a national commitment's verdict
    style: str              # terminal
    fill: str               # RGB hex: spreadsheets and the report
    ink: str


class Bucket(NamedTuple):
    code: str       # short: report CSS classes
    json: str       # its name in --format json
    words: dict[str, str]
    fill: str


class ClaimVerdict(NamedTuple):
    code: str
    words: dict[str, str]
    style: str
    look: str | None   # the verdict whose colours it borrows in the report


def _statuses() -> dict[str, Status]:
    return {code: Status(code, e["words"], e["meaning"], str(e["symbol"]), e.get("bucket"), e["style"], str(e["fill"]), str(e["ink"]))
            for code, e in _catalogue()["statuses"].items()}


CATALOGUE: dict[str, Status] = _statuses()
STATUSES = tuple(CATALOGUE)

# One symbol per verdict: ASCII so that every terminal, CSV reader and font shows it.
SYMBOLS = {code: s.symbol for code, s in CATALOGUE.items()}

BUCKET_CATALOGUE: dict[str, Bucket] = {code: Bucket(code, e["json"], e["words"], str(e["fill"]))
                                       for code, e in _catalogue()["buckets"].items()}
# Coverage buckets by their JSON names, in the order they are shown; each verdict falls in at most one.
BUCKETS = {b.json: tuple(s.code for s in CATALOGUE.values() if s.bucket == b.code) for b in BUCKET_CATALOGUE.values()}

class Reason(NamedTuple):
    code: str
    words: dict[str, str]
    notes: tuple[str, ...]


REASONS: dict[str, Reason] = {code: Reason(code, e["words"], tuple(e.get("notes") or ()))
                              for code, e in (_catalogue().get("reasons") or {}).items()}


def reason_of(notes: Iterable[Note]) -> str | None:
    """The not-comparable reason code the first telling note gives (vocab/statuses.yaml `reasons`)."""
    by_note = {n: r.code for r in REASONS.values() for n in r.notes}
    return next((by_note[n.code] for n in notes if n.code in by_note), None)


CLAIM_VERDICTS: dict[str, ClaimVerdict] = {code: ClaimVerdict(code, e["words"], e["style"], e.get("look"))
                                           for code, e in _catalogue()["claims"].items()}


def bucket_of(status: str) -> str | None:
    """The JSON name of the status's coverage bucket (`matched or exceeded`), or None."""
    s = CATALOGUE.get(status)
    return BUCKET_CATALOGUE[s.bucket].json if s is not None and s.bucket else None


def label(status: str) -> str:
    """The verdict as English words (`not comparable`)."""
    return words(status, "en")


def words(status: str, lang: str) -> str:
    """A verdict's words in a language; a code the catalogue does not hold reads as itself."""
    s = CATALOGUE.get(status)
    return s.words[lang] if s is not None else status


def status_from_text(text: str) -> str | None:
    """`not comparable`, `not-comparable`, `Matches (quantified)`, or the Chinese word (低于,
    未提及) -> the status slug."""
    from .vocab import fold

    folded = re.sub(r"[\s_()（）-]+", "-", text.strip().lower()).strip("-")
    if folded in STATUSES:
        return folded
    return next((s.code for s in CATALOGUE.values() if fold(s.words["zh"]) == fold(text)), None)


class NearMiss(NamedTuple):
    """A candidate pair the matcher did not take, worth a curator's look."""

    kind: str
    left: Item
    right: Item
    score: float
    reasons: tuple[Note, ...]
    why: Note   # low-confidence | best-candidate | best-candidate-paired


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
    `passage`: the sentence of B's text that states A's item when no curated item holds it
    (`basis` "text": the verdict is read from that sentence; `mentioned`: it could not be)."""

    kind: str
    domain: str
    status: str
    left: Item | None
    right: Item | None
    score: float | None
    confidence: str | None
    reasons: tuple[Note, ...]
    notes: tuple[Note, ...] = ()
    also: tuple[Item, ...] = ()
    passage: Passage | None = None
    basis: str | None = None        # "text": the verdict comes from `passage`, a sentence no curated item holds
    reason: str | None = None       # not-comparable: why, a code of vocab/statuses.yaml `reasons`
    strength: tuple[str | None, str | None, bool] | None = None   # targets: (A's, B's, B is weaker) as codes of vocab/values.yaml `strength`


@dataclass
class Diff:
    """Plan B against plan A (the reference), row by row."""

    left: Plan
    right: Plan
    rows: list[Row] = field(default_factory=list)   # in domain order, then kind (compare.diff sorts them)
    near_misses: list[NearMiss] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
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
    def keep(r: Row) -> bool:
        return bool((not domains or r.domain in domains) and (not statuses or r.status in statuses)
                    and (not binding or (r.kind == "targets" and row_binding(r) == binding)))

    misses = [m for m in d.near_misses if not domains or m.left.domain in domains]
    return Diff(d.left, d.right, [r for r in d.rows if keep(r)], misses)
