"""Every national commitment against every province: one verdict per cell, and coverage.

Rows are the national plan's items of one kind, in domain order; columns are the
other plans. Each cell is the verdict `compare.diff(national, province)` gives that
item. Coverage counts, per province and domain, the share of national commitments
the province matches or exceeds, falls below, cannot be compared on, omits, or may
hold in a lost part of its source (unknown).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.commitment import commitment_text, figures
from ..core.verdicts import BUCKETS, SYMBOLS, bucket_of, label, row_binding
from ..core.vocab import domain_order
from ..files import cache
from .show import items_by_domain

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace


def matrix(ws: Workspace, kind: str = "targets", domain: str | None = None, drafts: bool = False) -> dict:
    """Every plan of the workspace against its reference, one verdict per national item of `kind`;
    a plan whose every item is a draft only with `drafts` (a plan holding drafts is marked)."""
    from .crossplan import diff_of, drafts_of, reference_id, row_for, shown_provinces  # the engine: not for BUCKETS

    plans = ws.plans()
    ref = plans[reference_id(plans)]
    others, left_out = shown_provinces(plans, drafts)
    diffs = {pid: diff_of(ws, ref, plans[pid], (kind,)) for pid in others}
    rows = []
    for item in items_by_domain(ref, (kind,), restatements=False):
        if domain and item.domain != domain:
            continue
        cells = {}
        for pid in others:
            row = row_for(diffs[pid], item)
            other = row.right if row else None
            cells[pid] = {"status": row.status if row else "omitted", "symbol": SYMBOLS[row.status if row else "omitted"],
                          "label": label(row.status) if row else "omitted",
                          "counterpart": other.id if other else None,
                          "counterpart_name": other.name if other else None,
                          "counterpart_value": commitment_text(other, "record") if other else None,
                          "quote": other.evidence.quote if other else None,
                          "section": other.evidence.section if other else None,
                          "score": row.score if row else None, "confidence": row.confidence if row else None,
                          "notes": list(row.notes) if row else [],
                          "also": [{"id": i.id, "kind": i.kind, "name": i.name, "value": commitment_text(i, "record"),
                                    "quote": i.evidence.quote, "section": i.evidence.section}
                                   for i in (row.also if row else ())]}
        rows.append({"id": item.id, "ref": item.ref, "domain": item.domain, "name": item.name,
                     "value": commitment_text(item, "record"), "year": getattr(item, "year", None) if kind == "targets" else None,
                     "binding": getattr(item, "binding", None), "quote": item.evidence.quote,
                     "figures": figures(item)._asdict() if kind == "targets" else None,
                     "section": item.evidence.section, "cells": cells})
    added = {pid: sum(r.status == "added" and (not domain or r.domain == domain) for r in diffs[pid].rows)
             for pid in others}
    return {"reference": ref.id, "kind": kind, "domain": domain, "plans": others,
            "drafts": drafts_of(plans[pid] for pid in others), "left_out": left_out,
            "plan_names": {pid: plans[pid].region for pid in [ref.id, *others]},
            "symbols": {s: SYMBOLS[s] for s in SYMBOLS}, "rows": rows,
            "coverage": coverage(rows, others), "added": added}


def coverage(rows: list[dict], plan_ids: list[str]) -> list[dict]:
    """Per province and domain (and "(all)"): counts and shares of each bucket."""
    domains = sorted({r["domain"] for r in rows}, key=domain_order)
    out = []
    for pid in plan_ids:
        for dom in [*domains, None]:
            cells = [r["cells"][pid] for r in rows if dom is None or r["domain"] == dom]
            counts = {b: sum(bucket_of(c["status"]) == b for c in cells) for b in BUCKETS}
            total = len(cells)
            out.append({"plan": pid, "domain": dom or "(all)", "total": total, "counts": counts,
                        "shares": {b: round(n / total, 4) if total else 0.0 for b, n in counts.items()}})
    return out


def _memoised(ws: Workspace, kind: str, domain: str | None, drafts: bool = False) -> dict:
    """matrix() over every plan file of the workspace, with the curated links, memoised by
    those files (and the source texts) as results.py memoises a diff."""
    sources: list = []

    def compute() -> dict:
        plans = ws.plans()
        sources.extend(p.source for p in plans.values())
        ws.links()   # a broken link stops the grid, whichever two plans it joins
        return matrix(ws, kind, domain, drafts)

    files = [*ws.plan_files(), ws.links_path, ws.vocab_path]
    key = repr((kind, domain)) + (" drafts" if drafts else "")
    return cache.by_files("matrix-result", ws.folder, files, key, compute, dict, read_too=lambda _: sources)


def matrix_of(ws: Workspace, kind: str, domains: list[str] | None = None, binding: str | None = None,
              drafts: bool = False) -> dict:
    """The matrix of one kind over every plan of the workspace, of some domains (default
    all; one cached result per domain) and one 属性 (default any); `drafts`: with the plans
    whose every item is a draft."""
    if not domains or len(domains) == 1:
        data = _memoised(ws, kind, domains[0] if domains else None, drafts)
    else:
        parts = [_memoised(ws, kind, d, drafts) for d in sorted(domains, key=domain_order)]
        rows = [r for p in parts for r in p["rows"]]
        data = {**parts[0], "domain": ",".join(domains), "rows": rows, "coverage": coverage(rows, parts[0]["plans"]),
                "added": {pid: sum(p["added"][pid] for p in parts) for pid in parts[0]["plans"]}}
    if binding:
        rows = [r for r in data["rows"] if r.get("binding") == binding]
        data = {**data, "binding": binding, "rows": rows, "coverage": coverage(rows, data["plans"]),
                "added": _added(ws, data, binding, domains)}
    return data


def _added(ws: Workspace, data: dict, binding: str, domains: list[str] | None) -> dict:
    """Targets of each province of that 属性 with no national counterpart (through the cached diffs)."""
    from .results import diff_of

    plans = ws.plans()
    return {pid: sum(r.status == "added" and row_binding(r) == binding and (not domains or r.domain in domains)
                     for r in diff_of(ws, plans[data["reference"]], plans[pid], ("targets",)).rows)
            for pid in data["plans"]}
