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
    lang_param,
    open_workspace,
    out_param,
    statuses_option,
    usage_error,
)


@app.command("changes")
def changes_command(
    base: str = typer.Option(..., "--base", help="The git revision to compare with: HEAD, main, FETCH_HEAD, a commit id …"),
    format: str = format_param("tables", "annotations", "text",
                               help="table, json, csv, markdown (a pull-request comment), xlsx (with --out) or github (annotations)."),
    out: Path = out_param(),
    date: str = date_param(),
    bom: bool = bom_param(),
    color=color_param(),
    lang=lang_param(),
    fail_on: str = typer.Option("", "--fail-on", metavar="STATUS,…",
                                help="Exit 1 when a row moves to one of these statuses (e.g. below,omitted)."),
) -> None:
    """Which verdicts an edit moves: every plan pair's diff at a git revision against the working tree's.

    Reads the data folder as it stood at --base (one `git cat-file --batch` into a temporary
    folder; nothing is checked out) and lists the rows of `plancmp diff national P`, for
    every province P, whose status, counterpart or values differ, and the rows added or
    gone. Exit 0: it informs; --fail-on turns chosen new statuses into exit 1.

    Examples:

      plancmp changes --base HEAD                  what the uncommitted edits move

      plancmp changes --base main --format json

      plancmp changes --base FETCH_HEAD --format markdown >> $GITHUB_STEP_SUMMARY

      plancmp changes --base HEAD~1 --fail-on below,omitted
    """
    chosen = statuses_option(fail_on, "--fail-on") or set()
    from ..render.changes import result
    from ..views.changes import GitProblem, changes_since

    try:
        found = changes_since(base, open_workspace())
    except GitProblem as exc:
        usage_error(str(exc))
    emit(result(base, found, chosen), format, View(color, lang, bom=bom, date=date_option(date)), out)
