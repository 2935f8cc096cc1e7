"""What the curated data holds: per plan and domain, how many targets (by basis),
services and tasks, and which parts of the sources were lost."""
from __future__ import annotations

from .model import Plan
from .render.tabular import Tabular
from .vocab import domain_names

COLUMNS = ["plan", "domain", "targets (table)", "targets (text)", "targets (box)", "services", "tasks"]


def stats(plans: dict[str, Plan]) -> Tabular:
    table = Tabular("Curated items per plan and domain", COLUMNS)
    gaps = []
    for plan_id in sorted(plans):
        plan = plans[plan_id]
        totals = [0] * 5
        for domain in domain_names():
            counts = [
                sum(t.basis == basis and t.domain == domain for t in plan.targets) for basis in ("table", "text", "box")
            ] + [sum(s.domain == domain for s in plan.services), sum(t.domain == domain for t in plan.tasks)]
            if any(counts):
                table.rows.append([plan.id, domain, *counts])
                totals = [a + b for a, b in zip(totals, counts)]
        table.rows.append([plan.id, "(all)", *totals])
        for gap in plan.source_gaps:
            revealed = ", ".join(r.indicator for r in gap.reveals)
            gaps.append({"plan": plan.id, "id": gap.id, "section": gap.section, "description": gap.description,
                         "reveals": [r.indicator for r in gap.reveals]})
            table.footer.append(f"gap {plan.id}:{gap.id} {gap.section.strip()}: {gap.description}"
                                + (f" Reveals: {revealed}." if revealed else ""))
    if not gaps:
        table.footer.append("no source gaps recorded")
    table.extra["gaps"] = gaps
    return table
