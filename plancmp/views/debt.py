"""`plancmp debt`: curation debt, the national items a plan's text states that no curated
item holds (the rows of `plancmp diff national P` whose verdict rests on a sentence of the text,
`basis: text`, and the `mentioned` rows), each with its sentence."""
from __future__ import annotations

from ..core.model import KINDS, Plan
from .crossplan import provinces, reference_id
from .results import diff_of_plans


def debt(plans: dict[str, Plan], plan_ids: list[str] | None = None) -> dict:
    """The debt of `plan_ids` (default: every plan but the reference), plan by plan."""
    ref = reference_id(plans)
    rows = []
    for pid in plan_ids or provinces(plans):
        for row in diff_of_plans(plans[ref], plans[pid], KINDS).rows:
            if row.right is None and row.passage is not None:
                rows.append({"plan": pid, "kind": row.kind, "domain": row.domain, "id": row.left.id,
                             "name": row.left.name, "file": row.passage.file, "line": row.passage.line,
                             "text": row.passage.text})
    return {"reference": ref, "debt": rows}
