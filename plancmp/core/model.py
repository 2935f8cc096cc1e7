"""Typed plan model. Every item remembers where it stood in its YAML file."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .positions import Pos

KINDS = ("targets", "services", "tasks")
LEVELS = ("national", "province")   # exactly one national plan: the reference of every cross-plan view
TARGET_BASES = ("table", "text", "box")   # where a target is stated: the indicator table, body text, a box
TARGET_FLAGS = ("annual_average", "cumulative", "base_year_differs", "aspirational")   # a table's footnote marks
# The items a plan may hold, targets, services and tasks together. Aligning two plans scores
# the pairs within a kind and domain, so its cost grows with the product of their items: two
# plans at this ceiling with every task in one domain (the worst block) diff in about 21 s of
# CPU and 230 MB (12 s before the engine's second round), 1,500 in 12 s; two of 5,000 tasks
# took 90 s and 750 MB. The largest curated plan holds about 300. validate reports a plan
# over it (too-many-items), so no command compares it; engine.align refuses it; `new` drafts
# at most this many items.
MAX_ITEMS = 2_000
YEARS = (1949, 2100)   # a baseline's or a target's year: from the People's Republic's first year to 2100

# Records: NamedTuples, but the items (subclasses) and the Plan (filled in): core/__init__.py.


class Evidence(NamedTuple):
    """The words in the source text that support an item, and where they are cited."""

    quote: str
    section: str | None
    pos: Pos


class Baseline(NamedTuple):
    """A target's starting value and the year it was measured."""

    value: str
    year: int


def change_text(target: str, baseline: Baseline | None, *, year: bool = True, without: str | None = "—") -> str:
    """`baseline → target` exactly as written: `85.2% (2020) → >90%`, or `85.2% → >90%`
    (year=False). Without a baseline: `— → 应保尽保`, `→ 应保尽保` (without=""), or the
    target alone (without=None)."""
    if baseline is None:
        return target if without is None else f"{without} → {target}".lstrip()
    start = f"{baseline.value} ({baseline.year})" if year else baseline.value
    return f"{start} → {target}"


class Accept(NamedTuple):
    """A warning of an item acknowledged in the data: it reflects the source (validate shows
    it as a note ending `(accepted: reason)`)."""

    code: str
    reason: str
    pos: Pos


@dataclass(frozen=True)
class Item:
    """Fields shared by targets, services and tasks."""

    plan: str
    id: str
    domain: str            # canonical domain name
    evidence: Evidence
    pos: Pos
    notes: str | None = None
    accept: tuple[Accept, ...] = ()   # warnings of this item that faithfully reflect the source
    draft: bool = False    # drafted by `plancmp new`, not yet checked by a person (`draft: true`)

    kind = ""  # set by subclasses: targets | services | tasks

    @property
    def restates(self) -> str | None:
        """Not a field here: only a target states another again (Target.restates, a field)."""
        return None

    @property
    def name(self) -> str:  # indicator, item or title
        raise NotImplementedError

    @property
    def ref(self) -> str:
        return f"{self.plan}:{self.id}"


@dataclass(frozen=True)
class Target(Item):
    """A quantified goal: indicator, unit, baseline, target value with its comparator."""

    indicator: str = ""
    unit: str | None = None
    baseline: Baseline | None = None
    target: str = ""
    year: int = 2025
    binding: str | None = None
    basis: str = "table"
    flags: tuple[str, ...] = ()
    restates: str | None = None    # id of the target of this plan it states again (table row -> text)
    field_pos: dict[str, Pos] = field(default_factory=dict, compare=False, hash=False)

    kind = "targets"

    @property
    def name(self) -> str:
        return self.indicator


@dataclass(frozen=True)
class Service(Item):
    """A basic public service: the item, who it serves and the standard promised."""

    item: str = ""
    target_group: str | None = None
    standard: str | None = None
    listed: bool = True

    kind = "services"

    @property
    def name(self) -> str:
        return self.item


@dataclass(frozen=True)
class Task(Item):
    """A key task, with the numbers it commits to (if any)."""

    title: str = ""
    basis: str = "text"
    commitments: tuple[str, ...] = ()

    kind = "tasks"

    @property
    def name(self) -> str:
        return self.title


def item_data(item: Item | None) -> dict[str, Any] | None:
    """An item's content as plain data, without where it stood: what `diff --format json`
    shows of it, and what `plancmp changes` compares to tell an edit."""
    if item is None:
        return None
    baseline = getattr(item, "baseline", None)
    out = {
        "id": item.id,
        "kind": item.kind,
        "name": item.name,
        "baseline": None if baseline is None else {"value": baseline.value, "year": baseline.year},
        "target": getattr(item, "target", None),
        "unit": getattr(item, "unit", None),
        "year": getattr(item, "year", None) if item.kind == "targets" else None,
        "binding": getattr(item, "binding", None),
        "quote": item.evidence.quote,
        "section": item.evidence.section,
    }
    if isinstance(item, Task):
        out["commitments"] = list(item.commitments)
    if isinstance(item, Service):
        out["standard"] = item.standard
    return out


class Reveal(NamedTuple):
    """An indicator a lost table is known to hold, from text elsewhere in the source."""

    indicator: str
    quote: str
    notes: str | None = None


class SourceGap(NamedTuple):
    """A part of the source copy that was lost (a table, a box): items there cannot be checked."""

    id: str
    section: str
    description: str
    domains: tuple[str, ...] | None = None  # None: could be any domain; (): none
    kinds: tuple[str, ...] | None = None    # None: could hold any kind; (): holds no items
    reveals: tuple[Reveal, ...] = ()
    pos: Pos | None = None
    draft: bool = False    # drafted by `plancmp new`, not yet checked against the original

    def could_hold(self, kind: str, domain: str) -> bool:
        return (self.kinds is None or kind in self.kinds) and (self.domains is None or domain in self.domains)


@dataclass
class Plan:
    """One plan file: its identity, its source and its items of each kind."""

    id: str
    name: str
    level: str
    region: str
    period: str
    source: Path
    path: Path
    notes: str | None = None
    aliases: tuple[str, ...] = ()   # other names people type for it (辽宁)
    source_gaps: list[SourceGap] = field(default_factory=list)
    background: tuple[tuple[str, str], ...] = ()   # (from, to) headings of parts that report the past
    targets: list[Target] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)

    def items(self, kind: str | None = None) -> list[Item]:
        kinds = (kind,) if kind else KINDS
        return [item for k in kinds for item in getattr(self, k)]

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items() if i.id == item_id), None)

    def gaps_for(self, kind: str, domain: str) -> list[SourceGap]:
        return [g for g in self.source_gaps if g.could_hold(kind, domain)]

    def drafts(self) -> Drafts:
        """How much of the plan nobody has checked yet (`draft: true`)."""
        items = self.items()
        return Drafts(sum(i.draft for i in items), len(items), sum(g.draft for g in self.source_gaps))


class Drafts(NamedTuple):
    """A plan's unchecked part: items still `draft: true` of all its items, and drafted gaps."""

    unchecked: int
    items: int
    gaps: int = 0

    @property
    def any(self) -> bool:
        return bool(self.unchecked or self.gaps)

    @property
    def all(self) -> bool:
        """Nothing of it checked: every item a draft (a plan with no items at all is no draft)."""
        return bool(self.items) and self.unchecked == self.items


def too_many_items(plan: Plan) -> str | None:
    """Why `plan` is over MAX_ITEMS, or None."""
    count = sum(len(plan.items(kind)) for kind in KINDS)
    if count <= MAX_ITEMS:
        return None
    return (f"plan {plan.id!r} holds {count:,} items, over the {MAX_ITEMS:,} plancmp compares "
            f"(targets, services and tasks together): split the plan")
