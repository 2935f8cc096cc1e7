from __future__ import annotations

from enum import Enum

import typer

from .common import app, format_param, open_workspace, statuses_option, usage_error


class ChangesFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    github = "github"


@app.command("changes")
def changes_command(
    base: str = typer.Option(..., "--base", help="The git revision to compare with: HEAD, main, FETCH_HEAD, a commit id …"),
    format: ChangesFormat = format_param(ChangesFormat.table, "table, json, markdown (a pull-request comment) or github (annotations)."),
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
    from ..views.changes import GitProblem, changes_since
    from ..render.changes import FORMATS

    try:
        found = changes_since(base, open_workspace())
    except GitProblem as exc:
        usage_error(str(exc))
    typer.echo(FORMATS[format.value](base, found), nl=False)
    if any(c.status_to in chosen for c in found):
        raise SystemExit(1)
