from __future__ import annotations

from pathlib import Path

import typer

from .common import BOM_HELP, OUT_HELP, SheetFormat, View, app, color_option, emit, lang_option


@app.command("stats")
def stats_command(
    format: SheetFormat = typer.Option(SheetFormat.table, "--format", "-f", help="table, json, csv, markdown or xlsx (with --out)."),
    out: Path = typer.Option(None, "--out", "-o", help=OUT_HELP, show_default=False),
    bom: bool = typer.Option(False, "--bom", help=BOM_HELP),
    color=color_option(),
    lang=lang_option(),
) -> None:
    """Count the curated items per plan and domain (targets by table/text/box, services, tasks) and list the source gaps.

    Examples:

      plancmp stats

      plancmp stats --format markdown > stats.md

      plancmp stats --format xlsx --out stats.xlsx
    """
    from ..load import load_all
    from ..render.sheets import stats_sheets
    from ..render.tabular import Column, Table
    from ..stats import COUNTS, gap_lines, stats

    view = View(color, lang)
    labels = view.labels
    report = stats(load_all())
    columns = [Column("plan", labels("plan")), Column("domain", labels("domain"))] + [Column(c, c, "right") for c in COUNTS]
    emit(format, report, lambda: [Table(labels("stats_title"), columns, report["rows"], notes=gap_lines(report))],
         view=view, bom=bom, out=out, sheets=lambda: stats_sheets(report, labels))
