from __future__ import annotations

import typer

from .common import OutputFormat, app, bom_param, format_param, usage_error


@app.command("debt")
def debt_command(
    plans: list[str] = typer.Argument(None, metavar="[PLAN]...", help="Plans to look at (ids or aliases). Default: every plan but the reference."),
    format: OutputFormat = format_param(OutputFormat.table, "table, json, csv or markdown."),
    check: bool = typer.Option(False, "--check", help="Exit 1 when there is any debt (for CI)."),
    bom: bool = bom_param(),
) -> None:
    """Curation debt: the national items a plan's text states that no curated item holds.

    These are the rows `plancmp diff national P` calls `mentioned`: each is a comparison
    the tool could not make because nobody curated the item. Prints nothing when there
    is none.

    Examples:

      plancmp debt

      plancmp debt gansu --format json

      plancmp debt --check          exit 1 while any plan has debt
    """
    from ..ingest import planref
    from ..ingest.load import load_all
    from ..views.crossplan import provinces, reference_id
    from ..core.model import KINDS
    from ..views.results import diff_of

    loaded = load_all()
    ref = reference_id(loaded)
    chosen = provinces(loaded)
    if plans:
        try:
            chosen = [planref.resolve(p) for p in plans]
        except planref.UnknownPlan as exc:
            usage_error(str(exc))
        if ref in chosen:
            usage_error(f"{ref} is the reference plan; name the plans compared with it")
    rows = []
    for pid in chosen:
        for row in diff_of(ref, pid, KINDS).rows:
            if row.status == "mentioned" and row.passage is not None:
                rows.append({"plan": pid, "kind": row.kind, "domain": row.domain, "id": row.left.id,
                             "name": row.left.name, "file": row.passage.file, "line": row.passage.line,
                             "text": row.passage.text})
    if format is OutputFormat.json:
        import json

        typer.echo(json.dumps({"reference": ref, "debt": rows}, ensure_ascii=False, indent=2))
    elif rows:
        from ..render.tabular import Column, Table, as_csv, as_markdown, as_text

        table = Table("curation debt: stated in the text, no curated item",
                      [Column("plan", "plan", nowrap=True), Column("kind", "kind", nowrap=True),
                       Column("item", "national item"), Column("at", "stated at", nowrap=True), Column("text", "sentence")],
                      [{"plan": r["plan"], "kind": r["kind"], "item": f"{r['id']} ({r['name']})",
                        "at": f"{r['file']}:{r['line']}", "text": r["text"]} for r in rows])
        if format is OutputFormat.csv:
            typer.echo(("\ufeff" if bom else "") + as_csv(table), nl=False)
        else:
            typer.echo((as_markdown if format is OutputFormat.markdown else as_text)([table]), nl=False)
    if check and rows:
        raise SystemExit(1)
