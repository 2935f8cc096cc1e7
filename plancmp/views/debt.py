"""`plancmp debt`: curation debt, the national commitments whose verdict nobody has checked:
- `text`: the plan's text states it and no curated item holds it (the rows of `plancmp diff
  national P` whose verdict rests on a sentence of the text, `basis: text`, and the `mentioned`
  rows), each with its sentence;
- `draft`: the verdict rests on an item still `draft: true` (plancmp new's, unchecked), with
  that item's quote;
- `omission`: omitted (or unknown) while the plan still holds drafts: nobody has checked that
  the text does not state it.
A person settles each with `plancmp review P` (what it records in review/P.yaml counts as checked)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.model import KINDS
from .crossplan import provinces, reference_id
from .results import diff_of

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace

WHY = ("draft", "text", "omission")   # `mentioned` rows are counted as `text`


def debt(ws: Workspace, plan_ids: list[str] | None = None) -> dict:
    """The debt of `plan_ids` (default: every plan of the workspace but the reference), plan by plan."""
    from ..files.paths import shown_path
    from .review import read_state, row_decision

    plans = ws.plans()
    ref = reference_id(plans)
    rows = []
    counts = {}
    for pid in plan_ids or provinces(plans):
        plan = plans[pid]
        drafting = plan.drafts().any
        state = read_state(ws, pid)
        mine = {w: 0 for w in WHY}
        for row in diff_of(ws, plans[ref], plan, KINDS).rows:
            if row.left is None:
                continue
            found = row_decision(row, plan, state, drafting, {})
            why = {"mentioned": "text"}.get(found.why, found.why) if found is not None else None
            if why not in WHY:
                continue   # checked data (a pair of low confidence is a question, not debt)
            mine[why] += 1
            out: dict[str, Any] = {"plan": pid, "kind": row.kind, "domain": row.domain, "id": row.left.id, "name": row.left.name,
                   "status": row.status, "why": why, "item": None, "file": None, "line": None, "text": None}
            if why == "text" and row.passage is not None:
                out |= {"file": row.passage.file, "line": row.passage.line, "text": row.passage.text}
            elif why == "draft" and found is not None:
                item = found.drafts[0]
                try:
                    line = ws.source(plan.source).line_of_quote(item.evidence.quote)
                except (OSError, UnicodeError):
                    line = None
                out |= {"item": item.ref, "file": shown_path(plan.source), "line": line, "text": item.evidence.quote}
            rows.append(out)
        counts[pid] = mine | {"total": sum(mine.values())}
    return {"reference": ref, "debt": rows, "counts": counts}
