"""What the provinces add beyond the national plan, lined up across provinces.

Each province's `added` items (the rows of `diff national P` with no national counterpart)
are aligned with every other province's by the same engine that aligns a province with
national (engine/align.py: same kind, domain blocks, one-to-one assignment, the
vocabulary's look-alikes kept apart). Pairs at high confidence join their items into a
group; a group is a connected component of such pairs, built strongest pair first, and a
pair that would put two items of one province into a group is left out: each province
appears at most once in a group. So "Gansu and Liaoning add 居家社区探访制度" is one group,
with each province's value and quote; an item no other province states is a group of one.

Groups come by domain (the domain of their first item), then kind, those shared by the
most provinces first, then in the first province's order.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..core.commitment import commitment_text, figures
from ..core.model import KINDS, Item, Plan
from ..core.vocab import domain_order
from ..files import cache

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace

LINKED = "high"   # the confidence band a pair needs to join two provinces' items


def added_items(diffs: dict, kinds: tuple[str, ...]) -> dict[str, list[Item]]:
    """{province: its added items of these kinds}, in its diff's order."""
    return {pid: [r.right for r in d.rows if r.status == "added" and r.right is not None and r.kind in kinds]
            for pid, d in diffs.items()}


def cross_pairs(plans: dict[str, Plan], items: dict[str, list[Item]], kinds: tuple[str, ...]) -> list:
    """Every high-confidence pair between two provinces' added items: (score, item, item, reasons)."""
    from ..engine.align import align

    def only(plan: Plan, keep: list[Item]) -> Plan:
        refs = {i.ref for i in keep}
        return replace(plan, targets=[i for i in plan.targets if i.ref in refs],
                       services=[i for i in plan.services if i.ref in refs], tasks=[i for i in plan.tasks if i.ref in refs])

    subsets = {pid: only(plans[pid], keep) for pid, keep in items.items()}
    found = []
    ids = sorted(subsets)
    for n, p in enumerate(ids):
        for q in ids[n + 1:]:
            for pair in align(subsets[p], subsets[q], None, kinds, use_links=False).pairs:
                if pair.left is not None and pair.right is not None and pair.confidence == LINKED:
                    found.append((pair.score, pair.left, pair.right, pair.reasons))
    return found


def groups_of(items: dict[str, list[Item]], pairs: list) -> list[list[Item]]:
    """Connected components of the pairs, strongest first, each province at most once in a group;
    every item not paired is a group of its own. In the provinces' order, items in each's order."""
    order = {i.ref: (pid, n) for pid, keep in items.items() for n, i in enumerate(keep)}
    group = {ref: {ref} for ref in order}
    for _, x, y, _ in sorted(pairs, key=lambda p: (-p[0], p[1].ref, p[2].ref)):
        gx, gy = group[x.ref], group[y.ref]
        if gx is gy:
            continue
        if {order[r][0] for r in gx} & {order[r][0] for r in gy}:
            continue   # a province twice in one group: the weaker pair stays apart
        gx |= gy
        for ref in gy:
            group[ref] = gx
    by_ref = {i.ref: i for keep in items.values() for i in keep}
    seen: set[int] = set()
    out = []
    for ref in order:
        g = group[ref]
        if id(g) in seen:
            continue
        seen.add(id(g))
        out.append([by_ref[r] for r in sorted(g, key=lambda r: order[r])])
    return out


def member(ws: Workspace, plan: Plan, item: Item) -> dict:
    from .show import source_line

    return {"plan": plan.id, "id": item.id, "kind": item.kind, "domain": item.domain, "name": item.name,
            "value": commitment_text(item, "cell"), "year": getattr(item, "year", None) if item.kind == "targets" else None,
            "binding": getattr(item, "binding", None), "figures": figures(item)._asdict() if item.kind == "targets" else None,
            "quantified": _quantified(item), "quote": item.evidence.quote, "section": item.evidence.section,
            "line": source_line(ws, plan, item)}


def _quantified(item: Item) -> bool:
    """Whether the item puts a number on what it commits to (a target's figure, a task's number)."""
    if item.kind == "targets":
        return figures(item).target is not None
    return any(ch.isdigit() for ch in commitment_text(item, "value"))


def added(ws: Workspace, kinds: tuple[str, ...] = KINDS, domains: list[str] | None = None) -> dict:
    """The provinces' added items of these kinds (and domains), in groups across provinces."""
    data = _memoised(ws, kinds)
    if not domains:
        return data
    groups = [g for g in data["groups"] if g["domain"] in domains]
    return {**data, "domain": ",".join(domains), "groups": groups, "counts": counts(groups, data["plans"])}


def compute(ws: Workspace, kinds: tuple[str, ...]) -> dict:
    from .crossplan import against_reference, provinces, reference_id

    plans = ws.plans()
    ws.links()   # a broken link stops it, whichever two plans it joins
    ref = reference_id(plans)
    others = provinces(plans)
    items = added_items(against_reference(ws, kinds), kinds)
    pairs = cross_pairs(plans, items, kinds)
    scores = {frozenset((x.ref, y.ref)): (s, reasons) for s, x, y, reasons in pairs}
    groups: list[dict[str, Any]] = []
    for members in groups_of(items, pairs):
        first = members[0]
        links = [{"left": x.ref, "right": y.ref, "score": round(scores[frozenset((x.ref, y.ref))][0], 4),
                  "reasons": list(scores[frozenset((x.ref, y.ref))][1])}
                 for n, x in enumerate(members) for y in members[n + 1:] if frozenset((x.ref, y.ref)) in scores]
        groups.append({"domain": first.domain, "kind": first.kind, "name": first.name,
                       "plans": [m.plan for m in members],
                       "quantified": [m.plan for m in members if _quantified(m)],
                       "items": [member(ws, plans[m.plan], m) for m in members], "links": links})
    groups.sort(key=lambda g: (domain_order(g["domain"]), KINDS.index(g["kind"]), -len(g["plans"])))
    from .crossplan import drafts_of

    return {"reference": ref, "plans": others, "kinds": list(kinds), "domain": None,
            "drafts": drafts_of(plans[pid] for pid in others),   # a plan holding drafts: every view marks it
            "plan_names": {pid: plans[pid].region for pid in [ref, *others]},
            "groups": groups, "counts": counts(groups, others)}


def counts(groups: list[dict], plan_ids: list[str]) -> dict:
    """Per province: its added items, and how many of them another province states too."""
    out = {pid: {"added": 0, "shared": 0} for pid in plan_ids}
    for g in groups:
        for pid in g["plans"]:
            out[pid]["added"] += 1
            out[pid]["shared"] += len(g["plans"]) > 1
    return {"groups": len(groups), "shared_groups": sum(len(g["plans"]) > 1 for g in groups), "by_plan": out}


def _memoised(ws: Workspace, kinds: tuple[str, ...]) -> dict:
    """compute() over every plan file of the workspace and the links, memoised by those files
    (and the source texts), as the matrix is."""
    sources: list = []

    def run() -> dict:
        sources.extend(p.source for p in ws.plans().values())
        return compute(ws, kinds)

    files = [*ws.plan_files(), ws.links_path, ws.vocab_path]   # the data folder's vocabulary steers the diffs
    return cache.by_files("added-result", ws.folder, files, repr(kinds), run, dict, read_too=lambda _: sources)
