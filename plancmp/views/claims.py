"""What a press article says about a plan, claim by claim, against the plan's own items:
each claim with its linked items and its verdict, as plain data (the rules that give the
verdict are engine/claims.py; press files are read and checked by ingest/press.py).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core.commitment import commitment_text
from ..core.i18n import Labels
from ..core.model import Plan
from ..engine.claims import VERDICTS, claim_verdict, compare_numbers

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace


def judge(claim: dict, plan: Plan) -> dict:
    """One claim with its linked items and its verdict."""
    items = [i for i in (plan.item(ref) for ref in claim["links"]) if i is not None]
    numbers = compare_numbers(claim["quote"], items) if items else []
    verdict, reasons = claim_verdict(claim, numbers)
    return {"id": claim["id"], "quote": claim["quote"], "supported": claim["supported"], "notes": claim.get("notes"),
            "verdict": verdict, "verdict_text": Labels("en").claim(verdict), "reasons": reasons, "numbers": numbers,
            "links": [{"id": i.id, "kind": i.kind, "name": i.name, "value": commitment_text(i, "value") or None, "quote": i.evidence.quote}
                      for i in items]}


# ---------------------------------------------------------------- whole press files

def claims_of(ws: Workspace, path: Path, plans: dict[str, Plan] | None = None) -> dict:
    """Every claim of one press file of the workspace, judged against its plan."""
    from ..ingest.press import load_press

    return judged(path, *load_press(ws, path, plans))


def judged(path: Path, data: dict, plan: Plan) -> dict:
    """Every claim of a checked press file (ingest/press.load_press), judged against its plan."""
    from ..files.paths import shown_path

    claims = [judge(c, plan) for c in data["claims"]]
    return {"id": data["id"], "plan": plan.id, "plan_name": plan.name, "file": shown_path(path),
            "counts": {v: sum(c["verdict"] == v for c in claims) for v in VERDICTS}, "claims": claims}
