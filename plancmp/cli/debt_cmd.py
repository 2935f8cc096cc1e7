from __future__ import annotations

from pathlib import Path

import typer

from .common import (
    View,
    app,
    bom_param,
    color_param,
    date_option,
    date_param,
    emit,
    format_param,
    lang_param,
    open_workspace,
    out_param,
    plan_ids_option,
    usage_error,
)


@app.command("debt")
def debt_command(
    plans: list[str] = typer.Argument(None, metavar="[PLAN]...", help="Plans to look at (ids or aliases). Default: every plan but the reference."),
    format: str = format_param("tables"),
    out: Path = out_param(),
    date: str = date_param(),
    check: bool = typer.Option(False, "--check", help="Exit 1 when there is any debt (for CI)."),
    bom: bool = bom_param(),
    color=color_param(),
    lang=lang_param(),
) -> None:
    """Curation debt: the national commitments whose verdict nobody has checked.

    A plan's text states it and no curated item holds it (the rows `plancmp diff national P`
    judges from the text, `mentioned` among them); it rests on an item still `draft: true`;
    or it is omitted while the plan still holds drafts. A count per plan first; `plancmp
    review P` settles them. Prints nothing when there is none.

    Examples:

      plancmp debt

      plancmp debt gansu --format json

      plancmp debt --check          exit 1 while any plan has debt
    """
    from ..render.debt import result
    from ..views.crossplan import reference_id
    from ..views.debt import debt

    ws = open_workspace()
    loaded = ws.plans()
    chosen = plan_ids_option(ws, plans) if plans else None
    ref = reference_id(loaded)
    if chosen and ref in chosen:
        usage_error(f"{ref} is the reference plan; name the plans compared with it")
    data = debt(ws, chosen)
    if data["debt"] or format == "json":   # no debt: nothing to print (but JSON's empty list)
        emit(result(data, check), format, View(color, lang, bom=bom, date=date_option(date)), out)
