"""`plancmp debt`: curation debt, the national items a plan's text states that no curated
item holds (the rows of `plancmp diff national P` whose verdict rests on a sentence of the text,
`basis: text`, and the `mentioned` rows), each with its sentence."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.model import KINDS
from .crossplan import provinces, reference_id
from .results import diff_of

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace


def debt(ws: Workspace, plan_ids: list[str] | None = None) -> dict:
    """The debt of `plan_ids` (default: every plan of the workspace but the reference), plan by plan."""
    plans = ws.plans()
    ref = reference_id(plans)
    rows = []
    for pid in plan_ids or provinces(plans):
        for row in diff_of(ws, ref, pid, KINDS).rows:
            if row.right is None and row.passage is not None and row.left is not None:
                rows.append({"plan": pid, "kind": row.kind, "domain": row.domain, "id": row.left.id,
                             "name": row.left.name, "file": row.passage.file, "line": row.passage.line,
                             "text": row.passage.text})
    return {"reference": ref, "debt": rows}
