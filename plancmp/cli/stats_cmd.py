from __future__ import annotations

from pathlib import Path

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
)


@app.command("stats")
def stats_command(
    format: str = format_param("tables"),
    out: Path = out_param(),
    date: str = date_param(),
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
    from ..render.stats import result
    from ..views.stats import stats

    emit(result(stats(open_workspace().plans())), format, View(color, lang, bom=bom, date=date_option(date)), out)
