from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from .common import OutputFormat, app, emit, usage_error

if TYPE_CHECKING:
    from ..model import Plan


def pick_plan(plans: dict[str, Plan], query: str) -> Plan:
    from .. import planref

    try:
        return plans[planref.resolve(query)]
    except planref.UnknownPlan as exc:
        usage_error(str(exc))


def _pick_item(plan: Plan, query: str):
    item_id = query.split(":", 1)[1] if query.startswith(plan.id + ":") else query
    item = plan.item(item_id)
    from rapidfuzz import process

    if item is None:
        ids = [i.id for i in plan.items()]
        close = [m[0] for m in process.extract(item_id, ids, limit=3, score_cutoff=60)]
        hint = f"; did you mean {', '.join(close)}?" if close else f"; `plancmp show {plan.id}` lists the ids"
        usage_error(f"{plan.id} has no item {item_id!r}{hint}")
    return item


@app.command("show")
def show_command(
    plan: str = typer.Argument(..., help="A plan id or alias: national, liaoning, 辽宁 …"),
    item: str = typer.Argument(None, help="An item id of that plan (as `plancmp show PLAN` lists them).", show_default=False),
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json, csv or markdown."),
) -> None:
    """Show a plan's targets, services and tasks by domain, or one item with its evidence and source position.

    For one item: every field, the verbatim quote, where it stands in the source text
    (file:line) and in the YAML, and its counterparts in the other plans with their verdicts.

    Examples:

      plancmp show liaoning

      plancmp show national nursery-places-per-1000

      plancmp show gansu --format json
    """
    from ..crossplan import load_checked_links
    from ..load import load_all
    from ..render.show import detail_rows, detail_tables, overview_table
    from ..render.tabular import Column, Table
    from ..show import detail, overview

    plans = load_all()
    chosen = pick_plan(plans, plan)
    if item is None:
        data = overview(chosen)
        table = overview_table(data)
    else:
        data = detail(plans, _pick_item(chosen, item), load_checked_links(plans))
        table = None
    emit(format, data, lambda: [table] if table else detail_tables(data),
         csv_table=lambda: table or Table("", [Column("field", "field"), Column("value", "value")], detail_rows(data)))
