from __future__ import annotations

import typer

from ..load import load_all
from ..render.tabular import render
from ..stats import stats
from .common import OutputFormat, app, echo_rendered


@app.command("stats")
def stats_command(
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json, csv or markdown."),
) -> None:
    """Count the curated items per plan and domain (targets by table/text/box, services, tasks) and list the source gaps.

    Examples:

      plancmp stats

      plancmp stats --format markdown > stats.md
    """
    table = stats(load_all())
    echo_rendered(render(table, format.value), footer=table.footer if format.value == "table" else ())
