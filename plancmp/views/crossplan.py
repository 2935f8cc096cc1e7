"""Every plan against the reference (national) plan, through the diff engine.

`targets`, `matrix`, `show` and `report` look across all plans at once; they reuse the
engine's diff (alignment and verdicts) of each pair of plans, through the cache of whole
results (views/results.diff_of), and never pair items themselves.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.errors import PlanError
from ..core.model import KINDS, Item, Plan
from ..core.verdicts import Diff, Row, label
from .results import diff_of

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..ingest.workspace import Workspace


def reference_id(plans: dict[str, Plan]) -> str:
    """The national plan's id: the reference column of every cross-plan view."""
    national = sorted(pid for pid, p in plans.items() if p.level == "national")
    if len(national) != 1:
        raise PlanError(f"{'no plan has' if not national else str(len(national)) + ' plans have'} level: national; "
                        "the cross-plan views need exactly one reference (run `plancmp validate`)")
    return national[0]


def provinces(plans: dict[str, Plan]) -> list[str]:
    """The other plans, by id."""
    ref = reference_id(plans)
    return sorted(pid for pid in plans if pid != ref)


def shown_provinces(plans: dict[str, Plan], drafts: bool = False) -> tuple[list[str], list[str]]:
    """(the provinces a cross-plan view shows, those it leaves out): a plan whose every item is
    still a draft (`plancmp new`'s, nobody has checked any) is left out unless `drafts`."""
    others = provinces(plans)
    if drafts:
        return others, []
    out = [pid for pid in others if plans[pid].drafts().all]
    return [pid for pid in others if pid not in out], out


def drafts_of(plans: Iterable[Plan]) -> dict[str, dict]:
    """{plan id: {unchecked, items, gaps}} of the plans that hold drafts (JSON; every view marks them)."""
    out = {}
    for plan in plans:
        d = plan.drafts()
        if d.any:
            out[plan.id] = {"unchecked": d.unchecked, "items": d.items, "gaps": d.gaps}
    return out


def against_reference(ws: Workspace, kinds: tuple[str, ...] = KINDS) -> dict[str, Diff]:
    """{province id: diff(national, province)} for every other plan of the workspace, in id
    order, with its curated links; each through the cache of whole results."""
    plans = ws.plans()
    ref = plans[reference_id(plans)]
    return {pid: diff_of(ws, ref, plans[pid], kinds) for pid in provinces(plans)}


def counterparts(ws: Workspace, item: Item) -> list[dict]:
    """The item's counterpart in each other plan of the workspace, with the verdict.

    Against the national plan the verdict is always the province's commitment judged
    against the national one; between two provinces, the other plan's against this one.
    """
    plans = ws.plans()
    ref = reference_id(plans)
    ws.links()   # every link checked, whichever two plans it joins (a pair's diff checks its own)

    def pair(left: Plan, right: Plan) -> Diff:   # any two plans: the diff every command shares (cached)
        return diff_of(ws, left, right, KINDS)

    out = []
    for pid in sorted(plans):
        if pid == item.plan:
            continue
        if pid == ref:   # this item is the province's: national is the reference
            reference, d = pid, pair(plans[pid], plans[item.plan])
            row = row_stating(d, item)
            if row is None:   # no row names it (cannot happen for a curated item; say so rather than crash)
                continue
            other = row.left
        else:
            reference, d = item.plan, pair(plans[item.plan], plans[pid])
            row = row_for(d, item) or row_stating(d, item)   # a restatement shows on its first statement's row
            if row is None:
                continue
            other = row.right
        out.append({"plan": pid, "reference": reference, "status": row.status, "status_text": label(row.status),
                    "counterpart": other, "score": row.score, "confidence": row.confidence,
                    "reasons": list(row.reasons), "notes": list(row.notes)})
    return out


def row_stating(d: Diff, item: Item) -> Row | None:
    """The row where B's `item` stands: as the counterpart, else among the further items (`also`)."""
    rows = [r for r in d.rows if r.right is not None and r.right.ref == item.ref]
    rows += [r for r in d.rows if any(i.ref == item.ref for i in r.also)]
    same_kind = [r for r in rows if r.kind == item.kind]
    found = same_kind or rows
    return found[0] if found else None


def row_for(d: Diff, item: Item) -> Row | None:
    """The diff row that holds the reference plan's `item`."""
    return next((r for r in d.rows if r.left is not None and r.left.ref == item.ref), None)
