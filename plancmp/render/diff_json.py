"""`plancmp diff --format json`: the diff as data (schema: plancmp/schemas/diff.schema.json)."""
from __future__ import annotations

import json

from ..verdicts import Diff, Passage, Row
from ..model import Item, Plan


def plan_dict(plan: Plan) -> dict:
    return {"id": plan.id, "name": plan.name, "level": plan.level, "region": plan.region}


def item_dict(item: Item | None) -> dict | None:
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
    if item.kind == "tasks":
        out["commitments"] = list(item.commitments)
    if item.kind == "services":
        out["standard"] = item.standard
    return out


def passage_dict(passage: Passage | None) -> dict | None:
    if passage is None:
        return None
    return {"file": passage.file, "line": passage.line, "text": passage.text}


def row_dict(row: Row) -> dict:
    return {"kind": row.kind, "domain": row.domain, "status": row.status,
            "left": item_dict(row.left), "right": item_dict(row.right),
            "also": [item_dict(i) for i in row.also], "passage": passage_dict(row.passage),
            "score": row.score, "confidence": row.confidence,
            "reasons": list(row.reasons), "notes": list(row.notes)}


def as_dict(diff: Diff) -> dict:
    return {"left": plan_dict(diff.left), "right": plan_dict(diff.right),
            "rows": [row_dict(r) for r in diff.rows], "summary": diff.summary()}


def render(diff: Diff, evidence: bool = False) -> str:
    return json.dumps(as_dict(diff), ensure_ascii=False, indent=2) + "\n"
