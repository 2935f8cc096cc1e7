from __future__ import annotations

import json

import typer

from .common import OutputFormat, app


@app.command("stats")
def stats_command(
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json, csv or markdown."),
) -> None:
    """Count the curated items per plan and domain (targets by table/text/box, services, tasks) and list the source gaps.

    Examples:

      plancmp stats

      plancmp stats --format markdown > stats.md
    """
    from ..load import load_all
    from ..render.tabular import Column, Table, as_csv, as_markdown, as_text
    from ..stats import COUNTS, gap_lines, stats

    report = stats(load_all())
    if format is OutputFormat.json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    columns = [Column("plan", "plan"), Column("domain", "domain")] + [Column(c, c, "right") for c in COUNTS]
    table = Table("Curated items per plan and domain", columns, report["rows"], notes=gap_lines(report))
    if format is OutputFormat.csv:
        typer.echo(as_csv(table), nl=False)
    elif format is OutputFormat.markdown:
        typer.echo(as_markdown([table]), nl=False)
    else:
        typer.echo(as_text([table]), nl=False)
