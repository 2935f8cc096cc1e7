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
    domain_param,
    domains_option,
    emit,
    format_param,
    kind_param,
    kinds_option,
    lang_param,
    open_workspace,
    out_param,
)


@app.command("added")
def added_command(
    kind: str = kind_param(),
    domain: str = domain_param(),
    all_rows: bool = typer.Option(False, "--all", "-a", help="Table: list the items one province alone adds too "
                                  "(always counted; json, csv and xlsx hold every item)."),
    format: str = format_param("tables"),
    out: Path = out_param(),
    date: str = date_param(),
    bom: bool = bom_param(),
    color=color_param(),
    lang=lang_param(),
) -> None:
    """What the provinces commit to beyond the national plan, lined up across provinces.

    Each province's added items (no national counterpart in `plancmp diff national P`) are
    aligned with the other provinces' by the diff's engine; pairs at high confidence join a
    group (a connected component, each province at most once). By domain, each group with
    the provinces that state it, their values and quotes: Gansu and Liaoning both add
    居家社区探访制度, only Liaoning sets a number.

    Examples:

      plancmp added

      plancmp added --domain 老有所养 --all --lang zh

      plancmp added --format xlsx --out added.xlsx
    """
    from ..render.added import result
    from ..views.added import added

    kinds = kinds_option(kind)
    domains = domains_option(domain)
    view = View(color, lang, bom=bom, date=date_option(date))
    emit(result(added(open_workspace(), kinds, domains), all_rows), format, view, out)
