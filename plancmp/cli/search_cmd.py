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
    kind_param,
    kinds_option,
    lang_param,
    open_workspace,
    out_param,
    plan_ids_option,
    plans_param,
    split_list,
    usage_error,
)


@app.command("search")
def search_command(
    text: str = typer.Argument(..., metavar="TEXT", help="What to look for: a word or phrase (托位, 养老服务床位, 异地就医).", show_default=False),
    plans: str = plans_param("Plans to search, comma-separated (ids or aliases). Default: all, national first."),
    kind: str = kind_param(None, "Items of these kinds only: targets, services, tasks (comma-separated)."),
    items_only: bool = typer.Option(False, "--items", help="Curated items only, no source sentences."),
    limit: int = typer.Option(200, "--limit", help="Table and markdown: at most this many hits (json and csv: all)."),
    format: str = format_param("tables"),
    out: Path = out_param(),
    date: str = date_param(),
    bom: bool = bom_param(),
    color=color_param(),
    lang=lang_param(),
) -> None:
    """Find curated items and source sentences that state TEXT, across the plans.

    Each hit: the plan, the kind (or sentence: a sentence of the source text that no hit
    item quotes), the item id, its verdict against national (reference for national's own
    items; mentioned when the diff found a national item stated in that sentence), and
    file:line in the source text. Width, case, punctuation and spaces are folded.

    Examples:

      plancmp search 托位

      plancmp search 异地就医 --plans gansu,fujian

      plancmp search 养老服务床位 --kind targets --format json
    """
    from ..render.search import result
    from ..views.search import search

    if not text.strip():
        usage_error("name something to search for")
    view = View(color, lang, bom=bom, date=date_option(date))
    ws = open_workspace()
    chosen = plan_ids_option(ws, split_list(plans)) if plans else None
    data = search(ws, text, chosen, kinds_option(kind), sentences=not items_only)
    emit(result(data, limit), format, view, out)
