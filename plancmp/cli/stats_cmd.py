from __future__ import annotations


import typer

from .common import OutputFormat, app, emit


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
    from ..render.tabular import Column, Table
    from ..stats import COUNTS, gap_lines, stats

    report = stats(load_all())
    columns = [Column("plan", "plan"), Column("domain", "domain")] + [Column(c, c, "right") for c in COUNTS]
    emit(format, report, lambda: [Table("Curated items per plan and domain", columns, report["rows"], notes=gap_lines(report))])
