"""Align the items of two plans: targets with targets, services with services, tasks
with tasks.

Cheap filter, then careful scorer, then a one-to-one assignment:
1. block by kind and domain (across domains only for a very high score, second pass);
2. score every pair of a block on normalised text (plancmp/core/textnorm.py): the name
   (indicator / item / title), the quote, the unit, the commitments;
3. solve the assignment that maximises the total score (plancmp/engine/assign.py), and keep
   the pairs above PAIR_MIN.
Every pair carries its score, a confidence band (GovernDiff's: high ≥ 0.80,
medium ≥ 0.62, low below: "needs review") and the reasons.

People overrule the machine through data/links.yaml (plancmp/ingest/links.py): pinned
pairs are taken as they are, forbidden pairs never pair.
The thresholds below were chosen with `plancmp eval` (data/eval/pairs.yaml): a grid over
PAIR_MIN 0.40-0.60, PARTIAL_WEIGHT 0.2/0.4, QUOTE_WEIGHT 0.1-0.3; 0.45/0.4/0.3 gave the best
F1 short of the setting that bought 6 more true pairs with 6 more false ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from ..core import textnorm
from ..core.errors import PlanError
from ..core.model import KINDS, Item, Plan, too_many_items
from ..core.notes import Note
from ..core.verdicts import NearMiss
from ..core.vocab import domain_order
from ..ingest.links import Links
from . import knowledge
from .assign import assign
from .knowledge import Knowledge

HIGH = 0.80
MEDIUM = 0.62
PAIR_MIN = 0.45          # below this an assignment is dropped: no counterpart
CROSS_DOMAIN_MIN = 0.90  # pairs across domains need this much
PARTIAL_WEIGHT = 0.4     # how much one name inside the other counts
QUOTE_WEIGHT = 0.3       # the quote's share of the score (the name has the rest)
REVIEW_MIN = 0.40        # an unpaired item whose best candidate scores this is a near miss
NEAR_ACROSS = CROSS_DOMAIN_MIN - 0.1   # a candidate across domains counts as a near miss from this score
BONUSES = 0.10           # the most a pair of different names gains beside name and quote (unit, standard)

def band(score: float) -> str:
    return "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"


class Scored(NamedTuple):
    score: float
    reasons: tuple[Note, ...]


class Pair(NamedTuple):
    """Two aligned items, or one item with no counterpart (the other side None)."""

    kind: str
    left: Item | None
    right: Item | None
    score: float | None = None
    confidence: str | None = None   # high | medium | low | pinned
    reasons: tuple[Note, ...] = ()

    @property
    def domain(self) -> str:
        item = self.left if self.left is not None else self.right
        assert item is not None, "a pair holds an item on one side at least"
        return item.domain


@dataclass
class Alignment:
    pairs: list[Pair] = field(default_factory=list)
    near_misses: list[NearMiss] = field(default_factory=list)


# ---------------------------------------------------------------- scoring

class _Features(NamedTuple):
    key: str          # name, filler and numbers removed
    folded: str       # name, punctuation folded
    quote: str        # quote key
    unit: str | None
    extra: str       # standard / target group / commitments, as a key


def _features(item: Item) -> _Features:
    extra = " ".join(filter(None, (getattr(item, "standard", None), getattr(item, "target_group", None))))
    return _Features(textnorm.key(item.name), textnorm.fold(item.name), textnorm.key(item.evidence.quote),
                     getattr(item, "unit", None), textnorm.key(extra))


def _ratio(a: str, b: str) -> float:
    return fuzz.ratio(a, b) / 100 if a and b else 0.0


@lru_cache(maxsize=8192)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset({text[i:i + 2] for i in range(len(text) - 1)} or {text})


def _name_similarity(a: str, b: str) -> float:
    """Ratio, helped by partial_ratio when one name sits inside the other (养老服务 in
    社区养老服务), and by shared character pairs when the words come in another order
    (医疗卫生服务提质增效 / 提质增效医疗卫生服务)."""
    if not a or not b:
        return 0.0
    ratio = fuzz.ratio(a, b) / 100
    if min(len(a), len(b)) < 2:
        return ratio
    partial = fuzz.partial_ratio(a, b) / 100
    ga, gb = _bigrams(a), _bigrams(b)
    dice = 2 * len(ga & gb) / (len(ga) + len(gb))
    return max(ratio, PARTIAL_WEIGHT * partial + (1 - PARTIAL_WEIGHT) * ratio, dice)


def score(kind: str, a: Item, b: Item, fa: _Features | None = None, fb: _Features | None = None,
          why: bool = True) -> Scored:
    """The pair's score and, with `why`, its reasons (without: the number alone, for the many
    pairs the assignment weighs and drops)."""
    fa, fb = fa or _features(a), fb or _features(b)
    reasons: list[Note] = [] if why else _NoReasons()
    name = _name_similarity(fa.key, fb.key)
    if fa.folded == fb.folded:
        name = 1.0
        reasons.append(Note("same-name", {"kind": kind}))
    elif fa.key == fb.key:
        # 0.99: the full heading 发展普惠托育服务 beats the direction line 普惠托育 of the same key
        name = 0.99
        reasons.append(Note("same-name-normalised", {"kind": kind}))
    else:
        code = "similar-name" if name >= HIGH else "names-partly-alike" if name >= 0.5 else "names-differ"
        if why:
            reasons.append(Note(code, {"kind": kind, "score": f"{name:.2f}"}))
    quote = _ratio(fa.quote, fb.quote)
    total = (1 - QUOTE_WEIGHT) * name + QUOTE_WEIGHT * quote
    if fa.folded == fb.folded:
        total += 0.05   # written the same: the quote's length (a paragraph, a direction line) must not decide
    if quote >= HIGH and why:
        reasons.append(Note("quotes-alike", {"score": f"{quote:.2f}"}))
    if kind == "targets":
        if fa.unit and fb.unit:
            if fa.unit == fb.unit:
                total += 0.05
                reasons.append(Note("same-unit", {"unit": fa.unit}))
            else:
                total -= 0.10
                reasons.append(Note("units-differ", {"a": fa.unit, "b": fb.unit}))
        elif fa.unit != fb.unit:
            reasons.append(Note("no-unit"))
    if fa.extra and fb.extra:
        extra = _ratio(fa.extra, fb.extra)
        if extra >= HIGH:
            total += 0.05
            if why:
                reasons.append(Note("standards-alike", {"score": f"{extra:.2f}"}))
    if a.domain != b.domain and why:
        reasons.append(Note("domains-differ", {"a": a.domain, "b": b.domain}))
    return Scored(round(min(max(total, 0.0), 1.0), 4), tuple(reasons))


def _value(kind: str, fa: _Features, fb: _Features) -> float:
    """score(...).score without the reasons: the same arithmetic in the same order, for the many
    pairs the assignment weighs and drops (no Note is made, no name measured twice)."""
    if fa.folded == fb.folded:
        name = 1.0
    elif fa.key == fb.key:
        name = 0.99
    else:
        name = _name_similarity(fa.key, fb.key)
    quote = fuzz.ratio(fa.quote, fb.quote) / 100 if fa.quote and fb.quote else 0.0
    total = (1 - QUOTE_WEIGHT) * name + QUOTE_WEIGHT * quote
    if fa.folded == fb.folded:
        total += 0.05
    if kind == "targets" and fa.unit and fb.unit:
        if fa.unit == fb.unit:
            total += 0.05
        else:
            total -= 0.10
    if fa.extra and fb.extra and fuzz.ratio(fa.extra, fb.extra) / 100 >= HIGH:
        total += 0.05
    return round(min(max(total, 0.0), 1.0), 4)


def _within_reach(x: _Features, ys: list[Item], feats: dict[int, _Features], floor: float) -> frozenset[int]:
    """id()s of the ys whose score with x could reach `floor` (a pair left out cannot). Names
    written alike (the same key: ratio 1) always can. Otherwise the score is at most
    (1 - QUOTE_WEIGHT) * name + QUOTE_WEIGHT + BONUSES, and the name's similarity at most the
    larger of PARTIAL_WEIGHT + (1 - PARTIAL_WEIGHT) * ratio (partial_ratio ≤ 1) and the share of
    character pairs: so only the ratio of the names (one pass of rapidfuzz over all of them) and
    the shared pairs are measured, not every measure of every pair."""
    need = (floor - QUOTE_WEIGHT - BONUSES) / (1 - QUOTE_WEIGHT) - 0.01   # the name must reach this (0.01: rounding)
    ratio_need = max(0.0, (need - PARTIAL_WEIGHT) / (1 - PARTIAL_WEIGHT))
    keys = [feats[id(y)].key for y in ys]
    alike = {n for _, _, n in process.extract(x.key, keys, scorer=fuzz.ratio, score_cutoff=100 * ratio_need,
                                                  limit=None)}
    pairs = _bigrams(x.key) if x.key else frozenset()
    for n, key in enumerate(keys):
        if n not in alike and pairs and key and 2 * len(pairs & _bigrams(key)) >= need * (len(pairs) + len(_bigrams(key))):
            alike.add(n)
    return frozenset(id(ys[n]) for n in alike)


_Reasons = list[Note]


class _NoReasons(list[Note]):
    """Reasons not asked for: appending does nothing."""

    def append(self, item: Note) -> None:
        pass


# ---------------------------------------------------------------- alignment

def align(a: Plan, b: Plan, links: Links | None = None, kinds: tuple[str, ...] = KINDS,
          use_links: bool = True, know: Knowledge | None = None) -> Alignment:
    """Pairs of every kind, in a stable order: domain order, then A's order, then B-only items.
    `know`: the vocabulary (engine/knowledge.py); its look-alikes never pair.
    PlanError for a plan over MAX_ITEMS (core/model.py): the cost grows with a × b."""
    for plan in (a, b):
        if (why := too_many_items(plan)) is not None:
            raise PlanError(why)
    know = know or knowledge.default()
    out = Alignment()
    for kind in kinds:
        # a restatement (the text repeating a table row) joins its first statement's row later
        left = [i for i in a.items(kind) if not i.restates]
        right = [i for i in b.items(kind) if not i.restates]
        pairs, misses = _align_kind(kind, left, right, links if use_links else None, know)
        out.pairs += pairs
        out.near_misses += misses
    return out


DENSE_LIMIT = 40_000   # pairs of one kind scored one by one; beyond, a shortlist per item first
SHORTLIST = 8          # candidates per item and measure (name, name inside name, quote) in a large plan


def _shortlist(left: list[Item], right: list[Item], feats: dict[int, _Features]) -> dict[int, set[int]] | None:
    """For plans too large to score every pair (two 1,500-item plans: 2.25 million), each
    left item's candidates: the best few by name, by name-inside-name and by quote, from
    rapidfuzz's vectorised scorers. None for ordinary plans: every pair is scored."""
    if len(left) * len(right) <= DENSE_LIMIT:
        return None
    import numpy as np
    from rapidfuzz import process

    out: dict[int, set[int]] = {id(x): set() for x in left}
    for attr, scorer in (("key", fuzz.ratio), ("key", fuzz.partial_ratio), ("quote", fuzz.ratio)):
        lefts = [getattr(feats[id(x)], attr) for x in left]
        rights = [getattr(feats[id(y)], attr) for y in right]
        scores = process.cdist(lefts, rights, scorer=scorer, workers=-1, dtype=np.uint8)
        k = min(SHORTLIST, len(right))
        best = np.argpartition(-scores.astype(np.int16), k - 1, axis=1)[:, :k]
        for x, row in zip(left, best):
            out[id(x)].update(id(right[int(j)]) for j in row)
    return out


def _align_kind(kind: str, left: list[Item], right: list[Item], links: Links | None,
                know: Knowledge) -> tuple[list[Pair], list[NearMiss]]:
    block = _Block(kind, left, right, links, know)
    matched: dict[int, Pair] = {}      # id(left item) -> pair
    taken_right: set[int] = set()
    # 1. pins
    if links:
        by_ref = {i.ref: i for i in right}
        plan_b = right[0].plan if right else ""
        for x in left:
            # the first pin to an item of this kind; pins across kinds and further pins
            # are one-to-many coverage (compare.py)
            y = next((by_ref[o] for o in links.pins_of(x.ref, plan_b) if o in by_ref), None)
            if y is not None and id(y) not in taken_right:
                s = block.scored(x, y)
                matched[id(x)] = Pair(kind, x, y, s.score, "pinned",
                                      (Note("pinned", {"reason": links.reason(x.ref, y.ref)}), *s.reasons))
                taken_right.add(id(y))
    # 2. within each domain, 3. across domains for what is left
    domains = sorted({i.domain for i in left + right}, key=domain_order)
    for domain in domains:
        xs = [x for x in left if x.domain == domain and id(x) not in matched]
        ys = [y for y in right if y.domain == domain and id(y) not in taken_right]
        _solve(block, xs, ys, PAIR_MIN, matched, taken_right)
    xs = [x for x in left if id(x) not in matched]
    ys = [y for y in right if id(y) not in taken_right]
    _solve(block, xs, ys, CROSS_DOMAIN_MIN, matched, taken_right)

    pairs: list[Pair] = []
    for x in left:
        pairs.append(matched.get(id(x)) or Pair(kind, x, None))
    pairs += [Pair(kind, None, y) for y in right if id(y) not in taken_right]
    misses = _near_misses(block, matched, taken_right)
    return pairs, misses


class _Block:
    """The items of one kind of both plans, and what the assignment asks of their pairs: each
    item's features once, each pair's number (and its reasons, for the pairs kept) once, and, per
    item of A, the items of B it may never pair with and those it could pair with across domains."""

    def __init__(self, kind: str, left: list[Item], right: list[Item], links: Links | None, know: Knowledge):
        self.kind, self.left, self.right, self.know = kind, left, right, know
        self.feats = {id(i): _features(i) for i in left + right}
        self.shortlist = _shortlist(left, right, self.feats)
        self.apart = _apart_refs(links)
        self._texts: knowledge.Texts | None = None   # what each of B's items says (as compare.said_by), when a look-alike asks
        self._values: dict[tuple[int, int], float] = {}
        self._scored: dict[tuple[int, int], Scored] = {}
        self._barred: dict[int, frozenset[int]] = {}
        self._reach: dict[int, frozenset[int]] = {}

    def scored(self, x: Item, y: Item) -> Scored:
        """The score with its reasons (a pair kept, a near miss)."""
        k = (id(x), id(y))
        if k not in self._scored:
            self._scored[k] = score(self.kind, x, y, self.feats[id(x)], self.feats[id(y)])
        return self._scored[k]

    def value(self, x: Item, y: Item) -> float:
        """The score alone (every pair the assignment weighs)."""
        k = (id(x), id(y))
        if k not in self._values:
            self._values[k] = self._scored[k].score if k in self._scored else \
                _value(self.kind, self.feats[id(x)], self.feats[id(y)])
        return self._values[k]

    def barred(self, x: Item) -> frozenset[int]:
        """id()s of B's items x may never pair with: forbidden by links.yaml, a look-alike of the
        vocabulary, off a large plan's shortlist. Found once per item, from the refs links.yaml
        keeps apart from x's and the texts holding a look-alike."""
        if id(x) not in self._barred:
            kept_apart = self.apart.get(x.ref)
            barred = {id(y) for y in self.right if y.ref in kept_apart} if kept_apart else set()
            if self.know.has_differs(x):
                barred |= {id(self.right[n]) for n in self._said().differing(self.know, x)}
            if self.shortlist is not None:
                barred |= {id(y) for y in self.right} - self.shortlist[id(x)]
            self._barred[id(x)] = frozenset(barred)
        return self._barred[id(x)]

    def _said(self) -> knowledge.Texts:
        if self._texts is None:
            self._texts = knowledge.Texts([textnorm.fold(i.name) + ("" if i.kind == "tasks" else "\n" + textnorm.fold(i.evidence.quote))
                                           for i in self.right])
        return self._texts

    def within_reach(self, x: Item) -> frozenset[int]:
        """id()s of B's items whose score with x could reach NEAR_ACROSS: what a pair across
        domains needs to count anywhere (as a pair, as a near miss)."""
        if id(x) not in self._reach:
            self._reach[id(x)] = _within_reach(self.feats[id(x)], self.right, self.feats, NEAR_ACROSS)
        return self._reach[id(x)]

    def weights(self, x: Item, ys: list[Item], floor: float) -> list[float]:
        """x's weight with each of ys for an assignment that keeps pairs from `floor` up: the score,
        or 0 below the floor, for a barred pair, and (a floor across domains) for a pair too unlike
        to reach it."""
        barred = self.barred(x)
        reach = self.within_reach(x) if floor >= NEAR_ACROSS else None
        return [0.0 if id(y) in barred or (reach is not None and id(y) not in reach) else _weight(self.value(x, y), floor)
                for y in ys]


def _apart_refs(links: Links | None) -> dict[str, set[str]]:
    """For each item's ref, the refs links.yaml forbids it to pair with (both ways)."""
    out: dict[str, set[str]] = {}
    for link in (links.links if links else ()):
        if link.action == "forbid":
            out.setdefault(link.left, set()).add(link.right)
            out.setdefault(link.right, set()).add(link.left)
    return out


def _solve(block: _Block, xs: list[Item], ys: list[Item], floor: float, matched: dict[int, Pair],
           taken_right: set[int]) -> None:
    if not xs or not ys:
        return
    weights = [block.weights(x, ys, floor) for x in xs]
    for r, c in _assignment(weights):
        if weights[r][c] <= 0:
            continue
        x, y = xs[r], ys[c]
        s = block.scored(x, y)
        matched[id(x)] = Pair(block.kind, x, y, s.score, band(s.score), s.reasons)
        taken_right.add(id(y))


def _assignment(weights: list[list[float]]) -> list[tuple[int, int]]:
    """plancmp/engine/assign.py for the blocks of real plans (a few dozen items); SciPy's C solver
    for a block too large for pure Python's cubic time (imported only then: ~0.7 s)."""
    if len(weights) * len(weights[0]) <= DENSE_LIMIT:
        return assign(weights)
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(weights, maximize=True)
    return sorted(zip(rows.tolist(), cols.tolist()))


def _weight(score: float, floor: float) -> float:
    return score if score >= floor else 0.0


def _near_misses(block: _Block, matched: dict[int, Pair], taken_right: set[int]) -> list[NearMiss]:
    out: list[NearMiss] = []
    for x in block.left:
        pair = matched.get(id(x))
        if pair is not None:
            if pair.confidence == "low" and pair.right is not None and pair.score is not None:   # a pair: both set
                out.append(NearMiss(block.kind, x, pair.right, pair.score, pair.reasons, Note("low-confidence")))
            continue
        barred, reach = block.barred(x), block.within_reach(x)
        candidates = [(block.value(x, y), n, y) for n, y in enumerate(block.right)
                      if id(y) not in barred and (y.domain == x.domain or (id(y) in reach and block.value(x, y) >= NEAR_ACROSS))]
        if not candidates:
            continue
        best, _, y = max(candidates, key=lambda t: (t[0], -t[1]))
        if best >= REVIEW_MIN:
            why = Note("best-candidate-paired" if id(y) in taken_right else "best-candidate")
            out.append(NearMiss(block.kind, x, y, best, block.scored(x, y).reasons, why))
    return out
