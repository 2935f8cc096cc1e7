"""`plancmp diff --format json`: the diff as data (schema: plancmp/schemas/diff.schema.json)."""
from __future__ import annotations

from ..core.i18n import Labels
from ..core.verdicts import Diff, Passage, Row
from ..core.model import Plan, item_data
from .jsontext import dumps


def plan_dict(plan: Plan) -> dict:
    return {"id": plan.id, "name": plan.name, "level": plan.level, "region": plan.region}


def passage_dict(passage: Passage | None) -> dict | None:
    if passage is None:
        return None
    return {"file": passage.file, "line": passage.line, "text": passage.text}


def row_dict(row: Row) -> dict:
    return {"kind": row.kind, "domain": row.domain, "status": row.status,
            "left": item_data(row.left), "right": item_data(row.right),
            "also": [item_data(i) for i in row.also], "passage": passage_dict(row.passage),
            "basis": row.basis or ("items" if row.right is not None else None),
            "reason": row.reason,
            "strength": None if row.strength is None else {"left": row.strength[0], "right": row.strength[1],
                                                           "weaker": row.strength[2]},
            "score": row.score, "confidence": row.confidence,
            "reasons": list(row.reasons), "notes": list(row.notes)}


def as_dict(diff: Diff) -> dict:
    return {"left": plan_dict(diff.left), "right": plan_dict(diff.right),
            "rows": [row_dict(r) for r in diff.rows], "summary": diff.summary()}


def render(diff: Diff, evidence: bool = False, labels: Labels | None = None) -> str:
    """The diff as JSON; each note and reason as its code and values, worded in the labels' language."""
    return dumps(as_dict(diff), labels or Labels("en"))
