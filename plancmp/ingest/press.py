"""Press files (data/press/*.yaml): what an article says about a plan, each claim with its
quote from the article and the plan items it restates. Found, read and checked here
(`plancmp validate` and the commands alike); views/claims.py judges the claims.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import PlanError
from ..core.findings import ERROR, Finding
from ..core.model import Plan
from ..files.paths import shown_path
from . import schema, schemacheck
from .checks import quote_missing, source_named
from .yamldoc import Doc, format_path, load as load_yaml

if TYPE_CHECKING:
    from .workspace import Workspace


def _plan_of(ws: Workspace, plan_id: str) -> Plan | None:
    loaded = ws.press_plan(plan_id)
    return loaded.plan if loaded is not None else None


def load_press(ws: Workspace, path: Path, plans: dict[str, Plan] | None = None) -> tuple[dict[str, Any], Plan]:
    """A press file of the workspace's data folder and the plan it is about, both checked as
    `plancmp validate` checks them (YAML, schema, links to existing items, quotes in the
    article): PlanError otherwise. The plan comes from `plans`, else from the folder's plans/
    by its id (ws.press_plan: never from anywhere else)."""
    shown = shown_path(path)
    doc, findings = load_yaml(path, shown, ws.folder)
    if doc is not None and isinstance(doc.data, dict):
        findings = findings + schemacheck.check(doc, schema.press_schema())
    errors = [f for f in findings if f.severity == ERROR]
    if doc is None or errors or not isinstance(doc.data, dict):
        raise PlanError(f"{shown} has errors; run `plancmp validate {shown}` for details", errors)
    plan_id = doc.data["plan"]
    plan = (plans or {}).get(plan_id)
    if plan is None and (beside := ws.press_plan(plan_id)) is not None:
        plan_errors = [f for f in beside.findings if f.severity == ERROR]
        if beside.plan is None or plan_errors:
            raise PlanError(f"plan {plan_id!r} has errors; run `plancmp validate` for details", plan_errors)
        plan = beside.plan
    errors = [f for f in check_press(ws, path, doc, {plan.id: plan} if plan else {}) if f.severity == ERROR]
    if errors or plan is None:
        raise PlanError(f"{shown} has errors; run `plancmp validate {shown}` for details", errors)
    return doc.data, plan


def article_of(ws: Workspace, path: Path, data: dict[str, Any]) -> Path | None:
    """The article a checked press file quotes (its `source`), beside it."""
    source = data.get("source")
    if not isinstance(source, str) or not source or ws.folder.source_problem(path, source):
        return None
    return path.parent / source


def check_press(ws: Workspace, path: Path, doc: Doc, plans: dict[str, Plan]) -> list[Finding]:
    """A press file's links and quotes; `ws`: the workspace of its data folder."""
    out: list[Finding] = []
    data = doc.data
    if not isinstance(data.get("plan"), str) or not isinstance(data.get("claims"), list):
        return out  # the schema check has reported it; nothing to follow
    plan = plans.get(data["plan"]) or _plan_of(ws, data["plan"])
    if plan is None:
        if isinstance(data.get("plan"), str):
            where = doc.pos(("plan",))
            out.append(Finding("link-unknown-plan", f"press file names plan {data.get('plan')!r}, which is neither validated with it nor in the plans/ folder beside it", where.file, where.line, where.col, "plan"))
        return out
    source = source_named(path, path.parent / data["source"], doc, out, ws.folder) if isinstance(data.get("source"), str) and data["source"] else None
    for i, claim in enumerate(data["claims"]):
        if not isinstance(claim, dict):
            continue
        if source is not None and isinstance(claim.get("quote"), str) and not source.contains(claim["quote"]):
            out.append(quote_missing(claim["quote"], doc.pos(("claims", i, "quote")), source, f"claim {claim.get('id')!r}"))
        links = claim.get("links")
        for j, link in enumerate(links if isinstance(links, list) else []):
            if isinstance(link, str) and plan.item(link) is None:
                where = doc.pos(("claims", i, "links", j))
                out.append(Finding("link-unknown-id", f"claim {claim.get('id')!r} links {link!r}, which is not an item of plan {plan.id!r}", where.file, where.line, where.col, format_path(("claims", i, "links", j))))
        if claim.get("supported") is False and claim.get("links"):
            where = doc.pos(("claims", i, "supported"))
            out.append(Finding("invalid-value", f"claim {claim.get('id')!r} is marked unsupported but links plan items", where.file, where.line, where.col))
    return out
