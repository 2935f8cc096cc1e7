"""What `plancmp show` tells about a plan or one of its items, as plain data.

`overview(ws, plan)`: the plan's items by domain. `detail(ws, item)`: one item with its
evidence, where the quote stands in the source text (file:line) and where the item
is defined in the YAML. Counterparts in other plans come from the diff engine
(`plancmp.views.crossplan`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.model import KINDS, Item, Plan, Service, Target, Task
from ..core.vocab import domain_order
from ..files.paths import shown_path

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace


def source_line(ws: Workspace, plan: Plan, item: Item) -> int | None:
    """1-based line of the item's quote in the plan's source text; None when unreadable or absent."""
    try:
        return ws.source(plan.source).line_of_quote(item.evidence.quote)
    except (OSError, UnicodeDecodeError):
        return None


def item_record(ws: Workspace, plan: Plan, item: Item) -> dict:
    """Every field of an item as JSON-ready data, with its evidence and positions."""
    record: dict = {"plan": plan.id, "kind": item.kind, "id": item.id, "ref": item.ref,
                    "domain": item.domain, "name": item.name}
    if isinstance(item, Target):
        record |= {"indicator": item.indicator, "unit": item.unit,
                   "baseline": {"value": item.baseline.value, "year": item.baseline.year} if item.baseline else None,
                   "target": item.target, "year": item.year, "binding": item.binding, "basis": item.basis,
                   "flags": list(item.flags), "restates": item.restates}
    elif isinstance(item, Service):
        record |= {"item": item.item, "target_group": item.target_group, "standard": item.standard,
                   "listed": item.listed}
    elif isinstance(item, Task):
        record |= {"title": item.title, "basis": item.basis, "commitments": list(item.commitments)}
    line = source_line(ws, plan, item)
    record["evidence"] = {"quote": item.evidence.quote, "section": item.evidence.section,
                          "source": shown_path(plan.source), "line": line}
    record["defined"] = {"file": shown_path(plan.path), "line": item.pos.line}
    record["notes"] = item.notes
    if item.draft:   # nobody has checked it yet
        record["draft"] = True
    return record


def items_by_domain(plan: Plan, kinds: tuple[str, ...] = KINDS, restatements: bool = True) -> list[Item]:
    """The plan's items in domain order, then kind order, then file order; without
    `restatements`, only first statements (a diff shows a restatement on its first
    statement's row)."""
    items = [i for kind in kinds for i in plan.items(kind) if restatements or not i.restates]
    return sorted(items, key=lambda i: (domain_order(i.domain), KINDS.index(i.kind)))


def find_items(plan: Plan, query: str) -> list[Item]:
    """The items `query` names: its id (`nursery-places-per-1000`, `national:…`), else its
    name or a part of it (托位, 每千人口拥有3岁以下婴幼儿托位数). One item when one is meant
    (a restatement gives way to its first statement); several when the name is ambiguous."""
    from ..core.vocab import fold

    item_id = query.split(":", 1)[1] if query.startswith(plan.id + ":") else query
    item = plan.item(item_id)
    if item is not None:
        return [item]
    q = fold(item_id)
    named = [i for i in plan.items() if q and q == fold(i.name)]
    named = named or [i for i in plan.items() if q and q in fold(i.name)]
    first = [i for i in named if not i.restates]   # a restatement shows under its first statement
    return [(first or named)[0]] if len(first) == 1 or len(named) == 1 else named


def overview(ws: Workspace, plan: Plan, kinds: tuple[str, ...] = KINDS, domains: list[str] | None = None,
             binding: str | None = None) -> dict:
    """The plan's items of these kinds by domain; only `domains` (default all), only targets
    of that 属性 (`binding`, default any)."""
    items = [i for i in items_by_domain(plan, kinds) if (not domains or i.domain in domains)
             and (not binding or getattr(i, "binding", None) == binding)]
    return {
        "plan": {"id": plan.id, "name": plan.name, "level": plan.level, "region": plan.region,
                 "period": plan.period, "file": shown_path(plan.path), "source": shown_path(plan.source),
                 "notes": plan.notes, **_drafts(plan)},
        "counts": {kind: sum(i.kind == kind for i in items) for kind in kinds},
        "source_gaps": [gap_record(plan, g) for g in plan.source_gaps],
        "items": [item_record(ws, plan, i) for i in items],
    }


def _drafts(plan: Plan) -> dict:
    """{"drafts": {unchecked, items, gaps}} while the plan holds drafts, else nothing."""
    d = plan.drafts()
    return {"drafts": {"unchecked": d.unchecked, "items": d.items, "gaps": d.gaps}} if d.any else {}


def gap_record(plan: Plan, gap) -> dict:
    return {"plan": plan.id, "id": gap.id, "section": " ".join(gap.section.split()),
            "description": gap.description, "domains": None if gap.domains is None else list(gap.domains), "kinds": None if gap.kinds is None else list(gap.kinds),
            "reveals": [{"indicator": r.indicator, "quote": r.quote} for r in gap.reveals],
            **({"draft": True} if gap.draft else {})}


def detail(ws: Workspace, item: Item) -> dict:
    """One item of a plan of the workspace and its counterpart (with the verdict) in every
    other plan (with the workspace's links, checked)."""
    from .crossplan import counterparts

    plans = ws.plans()
    ws.links()
    found = counterparts(ws, item)
    for c in found:
        c["counterpart"] = item_record(ws, plans[c["plan"]], c["counterpart"]) if c["counterpart"] else None
    plan = plans[item.plan]
    first = plan.item(item.restates) if item.restates else item
    # every statement of the same indicator in this plan, the first one included
    statements = [first] + [t for t in plan.targets if t.restates == first.id] if isinstance(first, Target) else []
    from ..ingest import consistency

    checks = [consistency.compare(statements[0], t) for t in statements[1:]]
    return {"item": item_record(ws, plan, item), "counterparts": found,
            "statements": [item_record(ws, plan, t) for t in statements] if len(statements) > 1 else [],
            "consistency": [{"verdict": c.verdict, "first": c.first.id, "again": c.again.id, "message": c.message}
                            for c in checks if c is not None and c.verdict != consistency.AGREES]}
