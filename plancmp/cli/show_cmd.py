from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .common import (
    View,
    app,
    binding_option,
    binding_param,
    bom_param,
    color_param,
    date_option,
    date_param,
    domain_param,
    domains_option,
    emit,
    format_param,
    kind_param,
    kinds_for_binding,
    kinds_option,
    lang_param,
    open_workspace,
    out_param,
    plan_ids_option,
    usage_error,
)

if TYPE_CHECKING:
    from ..core.model import Plan
    from ..ingest.workspace import Workspace


def pick_plan(ws: Workspace, query: str) -> Plan:
    return ws.plans()[plan_ids_option(ws, [query])[0]]


def _pick_item(plan: Plan, query: str):
    """The one item `query` names (views/show.find_items); several are listed, none gets a hint."""
    from ..views.show import find_items

    item_id = query.split(":", 1)[1] if query.startswith(plan.id + ":") else query
    named = find_items(plan, query)
    if len(named) == 1:
        return named[0]
    if named:
        listed = "\n".join(f"  {i.id}  ({i.kind}) {i.name}" for i in named[:20])
        more = f"\n  … and {len(named) - 20} more" if len(named) > 20 else ""
        usage_error(f"{item_id!r} names {len(named)} items of {plan.id}; name one by its id:\n{listed}{more}")
    from rapidfuzz import process

    ids = [i.id for i in plan.items()]
    close = [m[0] for m in process.extract(item_id, ids, limit=3, score_cutoff=60)]
    hint = f"; did you mean {', '.join(close)}?" if close else f"; `plancmp show {plan.id}` lists the ids"
    usage_error(f"{plan.id} has no item {item_id!r}{hint}")


@app.command("show")
def show_command(
    plan: str = typer.Argument(..., metavar="PLAN", help="A plan id or alias: national, liaoning, 辽宁 …", show_default=False),
    item: str = typer.Argument(None, metavar="[ITEM]", help="An item of that plan: its id (as `plancmp show PLAN` lists them), its name or a part of it (托位).", show_default=False),
    kind: str = kind_param(None, "Overview: targets, services or tasks (comma-separated). Default: all."),
    domain: str = domain_param("Overview: "),
    binding: str = binding_param("Overview: "),
    format: str = format_param("tables"),
    out: Path = out_param(),
    date: str = date_param(),
    bom: bool = bom_param(),
    color=color_param(),
    lang=lang_param(),
) -> None:
    """Show a plan's targets, services and tasks by domain, or one item with its evidence and source position.

    The overview opens with the plan's counts and the parts its source lost. For one
    item: first its verdict in every other plan, then every field (target year and
    约束性/预期性 included), the verbatim quote, where it stands in the source text
    (file:line) and in the YAML, and its counterparts in the other plans.

    Examples:

      plancmp show liaoning

      plancmp show national nursery-places-per-1000

      plancmp show national 托位

      plancmp show gansu --kind targets --binding 约束性 --format json
    """
    from ..render.show import detail_result, overview_result
    from ..views.show import detail, overview

    kinds = kinds_option(kind)
    domains = domains_option(domain)
    wanted = binding_option(binding)
    kinds = kinds_for_binding(kinds, wanted)
    view = View(color, lang, bom=bom, date=date_option(date))
    ws = open_workspace()
    chosen = pick_plan(ws, plan)
    if item is None:
        result = overview_result(overview(ws, chosen, kinds, domains, wanted))
    else:
        result = detail_result(detail(ws, _pick_item(chosen, item)))
    emit(result, format, view, out)
