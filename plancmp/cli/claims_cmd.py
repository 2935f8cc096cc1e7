from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
    lang_param,
    open_workspace,
    out_param,
    usage_error,
)

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace


def _press_paths(press: str | None) -> tuple[Workspace, list[Path]]:
    """PRESS as a path (read with the data folder it stands in: its plan is found in that
    folder's plans/), else a press id (a file of data/press/); none: every press file."""
    from ..files.paths import data_folder_of

    if press is not None and (press.endswith((".yaml", ".yml")) or "/" in press):
        path = Path(press)
        if not path.is_file():
            usage_error(f"{press}: no such file")
        return open_workspace(data_folder_of(path)), [path]
    ws = open_workspace()
    known = ws.press_files()
    if press is None:
        if not known:
            usage_error(f"no press files (*.yaml) in {ws.press_dir}")
        return ws, known
    by_id = {p.stem: p for p in known}
    if press not in by_id:
        usage_error(f"unknown press {press!r}; press files: {', '.join(by_id) or '(none)'}")
    return ws, [by_id[press]]


@app.command("claims")
def claims_command(
    press: str = typer.Argument(None, metavar="[PRESS]", help="A press id (liaoning-press) or a press file. Default: every file in data/press/.",
                                show_default=False),
    format: str = format_param("tables"),
    out: Path = out_param(),
    date: str = date_param(),
    bom: bool = bom_param(),
    color=color_param(),
    lang=lang_param(),
) -> None:
    """What the press says about a plan, claim by claim: supported, overstated, understated, not in the plan, or context.

    Each claim of data/press/*.yaml with the plan items it restates (name, value, quote)
    and a verdict: `overstated` / `understated` when the claim states a number for a linked
    target that promises more or less than the plan (the headline's 超85% against the plan's
    85%以上), naming both; `not in the plan` when the plan states nothing of it; `context`
    when it restates the plan's scope or period, no commitment.

    Examples:

      plancmp claims

      plancmp claims liaoning-press --format json

      plancmp claims data/press/liaoning-press.yaml --format markdown
    """
    from ..render.claims import result
    from ..views.claims import claims_of

    ws, paths = _press_paths(press)
    emit(result({"press": [claims_of(ws, path) for path in paths]}), format, View(color, lang, bom=bom, date=date_option(date)), out)
