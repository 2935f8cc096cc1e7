"""The mark every view puts on a plan that still holds drafts (`draft: true`: items or source
gaps `plancmp new` drafted and nobody has checked): a drafted plan's verdicts are the
drafter's and the engine's reading, not findings, and no view may show them as findings."""
from __future__ import annotations

from ..core.i18n import Labels
from ..core.model import Drafts, Plan


def drafts_of(plan: Plan) -> Drafts:
    return plan.drafts()


def as_dict(drafts: Drafts) -> dict | None:
    """JSON: {unchecked, items, gaps}; None when nothing is a draft."""
    return {"unchecked": drafts.unchecked, "items": drafts.items, "gaps": drafts.gaps} if drafts.any else None


def mark(drafts: Drafts | dict | None, labels: Labels) -> str:
    """`draft: 120 of 172 items unchecked` (and the gaps); "" when nothing is a draft."""
    if isinstance(drafts, dict):
        drafts = Drafts(drafts["unchecked"], drafts["items"], drafts.get("gaps", 0))
    if drafts is None or not drafts.any:
        return ""
    said = [labels("draft_mark", n=drafts.unchecked, total=drafts.items)] if drafts.unchecked else []
    if drafts.gaps:
        said.append(labels("draft_gaps", n=drafts.gaps))
    return labels.sep.join(said) if said else ""


def plan_mark(plan: Plan, labels: Labels, hint: bool = False) -> str:
    """The mark of a plan, with (`hint`) what to do about it."""
    said = mark(plan.drafts(), labels)
    if said and hint:
        said += ("；" if labels.zh else "; ") + labels("draft_hint", plan=plan.id)
    return said
