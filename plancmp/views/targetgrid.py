"""`plancmp targets`: one row per indicator across all plans, national as the reference.

A row starts from a national target and holds, for each province, the target the diff
engine aligned with it and its verdict. Province targets with no national counterpart
(`added`) follow in rows of their own. Cells keep the value as written
(`baseline → target` with the comparator), the basis (table / body text / box) and the
footnote flags.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.commitment import commitment_text
from ..core.i18n import Labels
from ..core.model import TARGET_FLAGS, Item, Plan, Target
from ..core.verdicts import STATUSES, label
from ..core.vocab import domain_order
from .crossplan import against_reference, reference_id, row_for
from .show import items_by_domain, source_line

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace


def target_cell(ws: Workspace, plan: Plan, target: Item, status: str, row=None) -> dict:
    if not isinstance(target, Target):   # a province states the national target in a task or service
        return {**empty_cell(status, row), "id": target.id, "indicator": target.name, "kind": target.kind,
                "value": f"({target.kind}) {target.name}", "unit": None, "baseline": None, "target": None,
                "year": None, "binding": None, "basis": f"{target.kind[:-1]} ({getattr(target, 'basis', None) or 'list'})", "body_text": True,
                "flags": [], "score": row.score if row else None, "confidence": row.confidence if row else None,
                "quote": target.evidence.quote, "section": target.evidence.section, "line": source_line(ws, plan, target)}
    return {"id": target.id, "indicator": target.indicator, "value": commitment_text(target, "grid"), "unit": target.unit,
            "baseline": {"value": target.baseline.value, "year": target.baseline.year} if target.baseline else None,
            "target": target.target, "year": target.year, "binding": target.binding, "basis": target.basis,
            "body_text": target.basis != "table", "flags": list(target.flags),
            "status": status, "label": label(status),
            "score": row.score if row else None, "confidence": row.confidence if row else None,
            "notes": list(row.notes) if row else [],
            "quote": target.evidence.quote, "section": target.evidence.section,
            "line": source_line(ws, plan, target)}


def also_cell(item: Item) -> dict:
    """A further statement shown beside a cell's counterpart, with its evidence."""
    return {"id": item.id, "kind": item.kind, "name": item.name,
            "value": commitment_text(item, "grid") if isinstance(item, Target) else None,
            "year": getattr(item, "year", None), "quote": item.evidence.quote, "section": item.evidence.section}


def empty_cell(status: str, row=None) -> dict:
    return {"id": None, "status": status, "label": label(status), "notes": list(row.notes) if row else []}


def target_grid(ws: Workspace, plan_ids: list[str] | None = None, domains: list[str] | None = None,
                binding: str | None = None, sparse: bool = False) -> dict:
    """One row per indicator: national's, then each province's own, in domain order; only
    `domains` (default all) and only rows whose first statement (national's target, or for
    an added row the province's) is of that 属性 (`binding`, default any). A broken link
    stops the grid, whichever two plans it joins. `sparse`: a province's own row holds its
    cell alone, not an `absent` cell for every other plan (the report over many provinces:
    the grid then grows with the plans, not with their square)."""
    plans = ws.plans()
    ws.links()
    ref = plans[reference_id(plans)]
    diffs = against_reference(ws, ("targets",))
    shown = [pid for pid in (sorted(diffs) if plan_ids is None else plan_ids) if pid in diffs]
    rows: list[dict[str, Any]] = []
    for item in items_by_domain(ref, ("targets",), restatements=False):
        if not isinstance(item, Target) or (domains and item.domain not in domains):
            continue
        cells = {ref.id: target_cell(ws, ref, item, "reference")}
        again = [t for t in ref.targets if t.restates == item.id]   # the reference's own restatements
        if again:
            cells[ref.id]["also"] = [also_cell(t) for t in again]
        for pid in shown:
            row = row_for(diffs[pid], item)
            status = row.status if row else "omitted"
            right = row.right if row else None
            cells[pid] = target_cell(ws, plans[pid], right, status, row) if right is not None else empty_cell(status, row)
            if row and row.also:   # further statements: 力争4.5 beside ≥3, the items of a one-to-many cover
                cells[pid]["also"] = [also_cell(i) for i in row.also]
        rows.append({"domain": item.domain, "indicator": item.indicator, "unit": item.unit, "origin": ref.id,
                     "cells": cells})
    for pid in shown:
        for row in diffs[pid].rows:
            if row.status != "added" or (domains and row.domain not in domains) or not isinstance(row.right, Target):
                continue
            cells = {} if sparse else {ref.id: empty_cell("absent")} | {other: empty_cell("absent") for other in shown}
            cells[pid] = target_cell(ws, plans[pid], row.right, "added", row)
            if row.also:
                cells[pid]["also"] = [also_cell(i) for i in row.also]
            rows.append({"domain": row.domain, "indicator": row.right.indicator, "unit": row.right.unit,
                         "origin": pid, "cells": cells})
    if binding:
        rows = [r for r in rows if r["cells"][r["origin"]].get("binding") == binding]
    rows.sort(key=lambda r: domain_order(r["domain"]))   # stable: national rows first in each domain
    from .crossplan import drafts_of

    return {"reference": ref.id, "plans": [ref.id, *shown], "domain": ",".join(domains) if domains else None,
            "drafts": drafts_of([ref, *(plans[pid] for pid in shown)]),
            "plan_names": {pid: plans[pid].region for pid in [ref.id, *shown]}, "rows": rows,
            "flags": {flag: Labels("en").flag(flag) for flag in TARGET_FLAGS}}   # the footnote marks, in English


def province_counts(data: dict) -> dict[str, dict[str, int]]:
    """{province: {status: n}} over the grid's cells (the reference column is not counted)."""
    out = {}
    for pid in data["plans"][1:]:
        counts = {s: 0 for s in STATUSES}
        for r in data["rows"]:
            status = r["cells"][pid]["status"]
            if status in counts:
                counts[status] += 1
        out[pid] = counts
    return out
