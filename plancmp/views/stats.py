"""What the curated data holds: per plan and domain, how many targets (by basis),
services and tasks, and which parts of the sources were lost."""
from __future__ import annotations

from ..core.model import TARGET_BASES, Plan
from ..core.vocab import domain_names

COUNTS = ["targets (table)", "targets (text)", "targets (box)", "services", "tasks"]


def _counts(plan: Plan, domain: str | None) -> list[int]:
    keep = lambda item: domain is None or item.domain == domain
    by_basis = [sum(keep(t) and t.basis == basis for t in plan.targets) for basis in TARGET_BASES]
    return by_basis + [sum(map(keep, plan.services)), sum(map(keep, plan.tasks))]


def stats(plans: dict[str, Plan]) -> dict:
    """{"rows": [{plan, domain, <counts>}], "gaps": [...]}; a "(all)" row closes each plan."""
    rows, gaps = [], []
    for plan_id in sorted(plans):
        plan = plans[plan_id]
        for domain in (*domain_names(), None):
            counts = _counts(plan, domain)
            if domain is None or any(counts):
                rows.append({"plan": plan.id, "domain": domain or "(all)", **dict(zip(COUNTS, counts))})
        gaps += [{"plan": plan.id, "id": gap.id, "section": gap.section.strip(), "description": gap.description,
                  "domains": None if gap.domains is None else list(gap.domains),
                  "kinds": None if gap.kinds is None else list(gap.kinds),
                  "reveals": [r.indicator for r in gap.reveals]} for gap in plan.source_gaps]
    return {"rows": rows, "gaps": gaps}

