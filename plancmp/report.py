"""Everything the HTML report shows, as plain data: the matrices of every kind, the
targets across plans, the source gaps and the summary counts. No rendering here."""
from __future__ import annotations

from .claims import for_report as claims_for_report
from .crossplan import against_reference, provinces, reference_id
from .links import Links
from .matrix import matrix
from .model import KINDS, Plan
from .show import gap_record
from .targetgrid import target_grid


def report(plans: dict[str, Plan], links: Links | None) -> dict:
    ref = reference_id(plans)
    others = provinces(plans)
    summaries = {pid: d.summary() for pid, d in against_reference(plans).items()}
    return {
        "reference": ref,
        "plans": [{"id": pid, "name": plans[pid].name, "region": plans[pid].region, "level": plans[pid].level,
                   "period": plans[pid].period, "counts": {k: len(plans[pid].items(k)) for k in KINDS}}
                  for pid in [ref, *others]],
        "matrices": {kind: matrix(plans, links, kind) for kind in KINDS},
        "targets": target_grid(plans, links),
        "gaps": [gap_record(plans[pid], g) for pid in sorted(plans) for g in plans[pid].source_gaps],
        "summary": {pid: {"total": s["total"], "by_status": s["by_status"]} for pid, s in summaries.items()},
        "claims": claims_for_report(plans),   # what the press says, claim by claim (claims.py)
    }
