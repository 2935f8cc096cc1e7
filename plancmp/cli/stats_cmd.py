from __future__ import annotations

from pathlib import Path

from .common import SheetFormat, View, app, bom_param, color_param, emit, format_param, lang_param, open_workspace, out_param


@app.command("stats")
def stats_command(
    format: SheetFormat = format_param(SheetFormat.table, "table, json, csv, markdown or xlsx (with --out)."),
    out: Path = out_param(),
    bom: bool = bom_param(),
    color=color_param(),
    lang=lang_param(),
) -> None:
    """Count the curated items per plan and domain (targets by table/text/box, services, tasks) and list the source gaps.

    Examples:

      plancmp stats

      plancmp stats --format markdown > stats.md

      plancmp stats --format xlsx --out stats.xlsx
    """
    from ..render.sheets import stats_sheets
    from ..render.stats import stats_table
    from ..views.stats import stats

    view = View(color, lang)
    labels = view.labels
    report = stats(open_workspace().plans())
    emit(format, report, lambda: [stats_table(report, labels)], view=view, bom=bom, out=out,
         sheets=lambda: stats_sheets(report, labels))

