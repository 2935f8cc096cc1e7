"""Verdicts for aligned items: A is the reference (usually the national plan).

Targets: `exceeds` / `matches` / `below` by the indicator's direction
(plancmp/facts.py), or `not-comparable` with the reason when a comparison would
mislead: absolute totals of two jurisdictions, units that do not convert, cumulative
against annual figures, a qualitative value against a number without a stated
equivalence. The one equivalence we state: a `full` qualitative value (应保尽保,
全覆盖, 全达标 … in plancmp/vocab/values.yaml) counts as 100% when the other side is
a share in %.
Every kind: `omitted` when A's item has no counterpart in B, `unknown` instead when
B's source declares a gap that could hold it, `added` for B's items missing from A.
Services and tasks that pair: `matches`, or `matches-quantified` when B commits to a
number where A states none.
"""
from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz

from . import textnorm
from .align import Alignment, Pair, align
from .facts import higher_is_better, is_total
from .links import Links
from .model import KINDS, Item, Plan, Target
from .values import Value, try_parse
from .verdicts import Diff, Row
from .vocab import domain_names, read as read_vocab, units

_LEVELS = {"full": 2, "partial": 1}
_RANK = {">": 1, "≥": 0, "=": 0, "≈": 0, "range": 0, "≤": 0, "<": -1}
_DIGIT = re.compile(r"\d")


# ---------------------------------------------------------------- diff

def diff(a: Plan, b: Plan, links: Links | None = None, kinds: tuple[str, ...] = KINDS) -> Diff:
    alignment: Alignment = align(a, b, links, kinds)
    out = Diff(a, b, near_misses=alignment.near_misses)
    rows = [verdict(pair, a, b) for pair in alignment.pairs]
    order = {d: n for n, d in enumerate(domain_names())}
    # stable: alignment order (A's order, then B-only items) inside domain and kind
    out.rows = sorted(rows, key=lambda r: (order.get(r.domain, 99), r.domain, KINDS.index(r.kind)))
    return out



def diff_cached(a: Plan, b: Plan, links: Links | None = None, kinds: tuple[str, ...] = KINDS) -> Diff:
    """diff() through the content-keyed cache (plancmp/cache.py). The key is everything the
    diff depends on: both plans' full content (their repr holds every field and position),
    the links and the kinds; plancmp's code and vocabularies are in every key already."""
    from . import cache

    if not cache.enabled():
        return diff(a, b, links, kinds)
    name = cache.key("diff", _content(a), _content(b), repr(links.links if links else None), repr(kinds))
    hit = cache.get(name)
    if isinstance(hit, Diff):
        return hit
    out = diff(a, b, links, kinds)
    cache.put(name, out)
    return out


_CONTENT: dict[int, tuple[Plan, bytes]] = {}   # id -> (the plan, kept alive so the id stays its own; digest)


def _content(plan: Plan) -> bytes:
    """A digest of the plan's repr, computed once per plan object (matrix reuses national)."""
    import hashlib

    held = _CONTENT.get(id(plan))
    if held is None or held[0] is not plan:
        held = _CONTENT[id(plan)] = (plan, hashlib.sha256(repr(plan).encode()).digest())
    return held[1]

def verdict(pair: Pair, a: Plan, b: Plan) -> Row:
    x, y = pair.left, pair.right
    base = dict(kind=pair.kind, domain=pair.domain, left=x, right=y, score=pair.score,
                confidence=pair.confidence, reasons=pair.reasons)
    if x is not None and y is None:
        gaps = b.gaps_for(pair.kind, x.domain)
        if gaps:
            return Row(status="unknown", notes=_gap_notes(x, b, gaps), **base)
        return Row(status="omitted", notes=(), **base)
    if x is None:
        gaps = a.gaps_for(pair.kind, y.domain)
        notes = (f"{a.id}'s source lost {'; '.join(_section(g) for g in gaps)}, which could hold it",) if gaps else ()
        return Row(status="added", notes=notes + _own_baseline_notes(y), **base)
    if pair.kind == "targets":
        status, notes = compare_targets(x, y, a, b)
        return Row(status=status, notes=notes, **base)
    status, notes = compare_commitments(x, y)
    return Row(status=status, notes=notes, **base)


def _section(gap) -> str:
    """专栏1　甘肃省“十四五”…主要指标 -> 专栏1 (the full title is in the plan file)."""
    return gap.section.split()[0] if gap.section.split() else gap.id


def _gap_notes(item: Item, plan: Plan, gaps) -> tuple[str, ...]:
    notes = [f"{plan.id}'s source lost {'; '.join(_section(g) for g in gaps)}: "
             f"{'it' if len(gaps) == 1 else 'any of these'} could hold this item"]
    for gap in gaps:
        for reveal in gap.reveals:
            if textnorm.key(reveal.indicator) and _alike(reveal.indicator, item.name):
                notes.append(f"a surviving note reveals a lost row {reveal.indicator}: “{reveal.quote}”")
    return tuple(notes)


def _alike(a: str, b: str) -> bool:
    return fuzz.ratio(textnorm.key(a), textnorm.key(b)) >= 70


# ---------------------------------------------------------------- targets

@cache
def _conversions() -> dict[str, tuple[str, float]]:
    data = read_vocab("conversions.yaml")
    return {c["unit"]: (c["base"], float(c["factor"])) for c in data["conversions"]}


def effective_unit(target: Target, value: Value | None) -> str | None:
    """The item's unit, else the unit written in the value (longest known unit it starts with)."""
    if target.unit:
        return target.unit
    if value is None or not value.unit:
        return None
    if value.unit in units():
        return value.unit
    known = sorted((u for u in units() if value.unit.startswith(u)), key=len, reverse=True)
    return known[0] if known else value.unit


def _period(target: Target, value: Value | None) -> str:
    if "cumulative" in target.flags or (value is not None and value.cumulative):
        return "cumulative over the period"
    if "annual_average" in target.flags:
        return "a yearly average"
    return "a level in the target year"


def compare_targets(x: Target, y: Target, a: Plan, b: Plan) -> tuple[str, tuple[str, ...]]:
    vx, vy = try_parse(x.target), try_parse(y.target)
    notes = list(_flag_notes(x, vx, a) + _flag_notes(y, vy, b) + _own_baseline_notes(x) + _own_baseline_notes(y))
    if vx is None or vy is None:
        bad = x.target if vx is None else y.target
        return "not-comparable", (f"cannot read the value {bad!r}", *notes)
    if vx.empty or vy.empty:
        return "not-comparable", ("one side states no target value", *notes)
    ux, uy = effective_unit(x, vx), effective_unit(y, vy)
    if vx.qualitative or vy.qualitative:
        status, why = _compare_qualitative(vx, vy, ux, uy)
        return status, tuple(filter(None, (why,))) + tuple(notes)
    if _total(x, ux) or _total(y, uy):
        # two jurisdictions of different size: their totals say nothing about ambition
        what = ux or uy or "count"
        return "not-comparable", (f"absolute total ({what}): {a.region} and {b.region} differ in size", *notes)
    px, py = _period(x, vx), _period(y, vy)
    if px != py:
        return "not-comparable", (f"{a.id} gives {px}, {b.id} {py}", *notes)
    nx, ny, why = _same_scale(vx, vy, ux, uy)
    if nx is None:
        return "not-comparable", (why, *notes)
    if why:
        notes.insert(0, why)
    better = higher_is_better(x.indicator, vx)
    if nx.number and ny.number and max(nx.number, ny.number) / min(nx.number, ny.number) > 5:
        notes.insert(0, "the values differ more than fivefold: check the units in both sources")
    return _order(nx, ny, better), tuple(notes)


def _total(t: Target, unit: str | None) -> bool:
    """An absolute total; a share (unit of kind rate) never is."""
    return units().get(unit or "") != "rate" and is_total(t.indicator, unit)


def _same_scale(vx: Value, vy: Value, ux: str | None, uy: str | None):
    if ux == uy or ux is None or uy is None:
        return vx, vy, ""
    conv = _conversions()
    bx, fx = conv.get(ux, (ux, 1.0))
    by, fy = conv.get(uy, (uy, 1.0))
    if bx != by:
        return None, None, f"different units ({ux} / {uy})"
    sx, sy = _scaled(vx, fx), _scaled(vy, fy)
    return sx, sy, f"converted to {bx}: {_num(sx.number)} / {_num(sy.number)}"


def _scaled(value: Value, factor: float) -> Value:
    return value._replace(number=value.number * factor, high=value.high * factor if value.high is not None else None)


def _num(n: float | None) -> str:
    return "" if n is None else (str(int(n)) if n == int(n) else f"{n:g}")


def _commitment(value: Value, better_high: bool) -> float:
    """What a value promises at least: a range's weaker end."""
    if value.comparator == "range" and value.high is not None:
        return value.number if better_high else value.high
    return value.number


def _order(vx: Value, vy: Value, better_high: bool) -> str:
    nx, ny = _commitment(vx, better_high), _commitment(vy, better_high)
    sign = 1 if better_high else -1
    rank_x = _RANK.get(vx.comparator, 0) * sign
    rank_y = _RANK.get(vy.comparator, 0) * sign
    kx, ky = (nx * sign, rank_x), (ny * sign, rank_y)
    if abs(nx - ny) < 1e-9:
        kx, ky = (0, rank_x), (0, rank_y)
    return "exceeds" if ky > kx else "below" if ky < kx else "matches"


def _compare_qualitative(vx: Value, vy: Value, ux, uy) -> tuple[str, str]:
    if vx.qualitative and vy.qualitative:
        lx, ly = _LEVELS.get(vx.level or ""), _LEVELS.get(vy.level or "")
        if vx.qualitative == vy.qualitative:
            return "matches", ""
        if lx is None or ly is None:
            return "not-comparable", f"{vx.qualitative} / {vy.qualitative}: no common scale"
        word = f"{vx.qualitative} ({vx.level}) / {vy.qualitative} ({vy.level})"
        return ("exceeds" if ly > lx else "below" if ly < lx else "matches"), word
    qual, num = (vx, vy) if vx.qualitative else (vy, vx)
    num_unit = uy if vx.qualitative else ux
    if qual.level == "full" and num_unit == "%" and num.number is not None:
        hundred = Value(qual.raw, "=", 100.0, "%")
        left, right = (hundred, vy) if vx.qualitative else (vx, hundred)
        return _order(left, right, True), f"{qual.qualitative} counted as 100%"
    return "not-comparable", f"qualitative {qual.qualitative} against {num.describe()} without a stated equivalence"


def _flag_notes(t: Target, v: Value | None, plan: Plan) -> tuple[str, ...]:
    notes = []
    if v is not None and v.aspirational:
        notes.append(f"{plan.id}: aspirational target ({t.target})")
    if "base_year_differs" in t.flags and t.baseline is not None:
        notes.append(f"{plan.id}: baseline year {t.baseline.year}")
    return tuple(notes)


def _own_baseline_notes(t: Item) -> tuple[str, ...]:
    if not isinstance(t, Target) or t.baseline is None:
        return ()
    base, goal = try_parse(t.baseline.value), try_parse(t.target)
    if not (base and goal and base.numeric and goal.numeric):
        return ()
    if base.unit and goal.unit and base.unit != goal.unit:
        return ()
    better = higher_is_better(t.indicator, goal)
    worse = goal.number < base.number if better else goal.number > base.number
    if not worse:
        return ()
    return (f"{t.plan}: target {t.target} is {'below' if better else 'above'} its own baseline {t.baseline.value} ({t.baseline.year})",)


# ---------------------------------------------------------------- services and tasks

def _numbers_of(item: Item) -> tuple[str, ...]:
    if hasattr(item, "commitments"):
        return tuple(item.commitments)
    standard = getattr(item, "standard", None) or ""
    return (standard,) if _DIGIT.search(standard) else ()


def compare_commitments(x: Item, y: Item) -> tuple[str, tuple[str, ...]]:
    nx, ny = _numbers_of(x), _numbers_of(y)
    if ny and not nx:
        return "matches-quantified", (f"{y.plan} commits to {', '.join(ny)}",)
    notes = []
    if nx and not ny:
        notes.append(f"{x.plan} commits to {', '.join(nx)}; {y.plan} states no number")
    elif nx and ny:
        notes.append(f"{x.plan}: {', '.join(nx)}; {y.plan}: {', '.join(ny)}")
    return "matches", tuple(notes)
