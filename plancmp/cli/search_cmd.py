from __future__ import annotations

import typer

from .common import (OutputFormat, View, app, bom_param, color_param, emit, format_param, kind_param, kinds_option,
                     lang_param, plan_ids_option, plans_param, split_list, usage_error)


@app.command("search")
def search_command(
    text: str = typer.Argument(..., metavar="TEXT", help="What to look for: a word or phrase (托位, 养老服务床位, 异地就医).", show_default=False),
    plans: str = plans_param("Plans to search, comma-separated (ids or aliases). Default: all, national first."),
    kind: str = kind_param(None, "Items of these kinds only: targets, services, tasks (comma-separated)."),
    items_only: bool = typer.Option(False, "--items", help="Curated items only, no source sentences."),
    limit: int = typer.Option(200, "--limit", help="Table and markdown: at most this many hits (json and csv: all)."),
    format: OutputFormat = format_param(OutputFormat.table, "table, json, csv or markdown."),
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
    from ..ingest.load import load_all
    from ..views.search import search

    if not text.strip():
        usage_error("name something to search for")
    view = View(color, lang)
    chosen = plan_ids_option(split_list(plans)) if plans else None
    data = search(load_all(), text, chosen, kinds_option(kind), sentences=not items_only)
    emit(format, data, lambda: [_table(data, view, limit)], lambda: _table(data, view, None), view=view, bom=bom)


def _table(data: dict, view: View, limit: int | None):
    from ..render.verdict_style import STYLES
    from ..render.tabular import Column, Table

    labels = view.labels
    hits = data["hits"] if limit is None else data["hits"][:limit]
    rows = [{"plan": h["plan"], "kind": labels("search_sentence") if h["kind"] == "sentence" else labels.kind(h["kind"]),
             "id": h["id"] or "", "text": h["name"] or h["text"],
             "status": labels.status(h["status"]) if h["status"] else "",
             "counterpart": h["counterpart"] or "", "where": f"{h['file']}:{h['line']}" if h["line"] else h["file"],
             "_style": {"status": STYLES.get(h["status"] or "", "")}} for h in hits]
    more = len(data["hits"]) - len(hits)
    notes = [f"… {more} more (--limit, or --format json)"] if more > 0 else []
    columns = [Column("plan", labels("plan"), nowrap=True), Column("kind", labels("kind"), nowrap=True),
               Column("id", labels("id")), Column("text", labels("name")),
               Column("status", labels("verdict"), nowrap=True)]
    if limit is None or view.width >= 140:   # the national item a hit states: csv always, a wide table too
        columns.append(Column("counterpart", data["reference"]))
    columns.append(Column("where", labels("where")))
    return Table(labels("search_title", n=len(data["hits"]), query=data["query"]), columns, rows, notes=notes)
