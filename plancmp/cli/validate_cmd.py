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


@app.command("validate")
def validate_command(
    paths: list[Path] = typer.Argument(None, metavar="[PATH]...", help="Plan or press YAML files, or folders (a data folder: its plans/ and press/; another folder: its *.yaml). Default: every file in data/plans/ and data/press/.", show_default=False),
    format: str = format_param("text", "tables", "annotations", text="text",
                               help="text (path:line:col lines), json, csv, markdown, xlsx (with --out) or github (Actions annotations)."),
    out: Path = out_param(),
    date: str = date_param(),
    bom: bool = bom_param(),
    color=color_param(),
    lang=lang_param(),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
) -> None:
    """Check plan files: YAML, schema, vocabularies, ids, and every quote against its source text.

    Prints one line per problem as [bold]path:line:col: error|warning CODE message[/bold].
    Every file is checked: one that cannot be read (missing, not a regular file, not UTF-8)
    is a finding like any other, in every format. Exit 0 when clean (warnings allowed),
    1 when there is an error, 2 when a file cannot be read or there is nothing to check.
    data/links.yaml is checked with the plans of its folder.

    Examples:

      plancmp validate

      plancmp validate data/

      plancmp validate data/plans/liaoning.yaml --strict

      plancmp validate --format github      (in a GitHub Actions step)
    """
    from ..core.findings import escalate
    from ..ingest.validate import validate
    from ..render.findings import result

    ws = open_workspace()
    named = expand(ws, paths or [])
    report = validate(ws, named or None)
    if not report.files:
        from ..files.paths import shown_path

        usage_error(f"nothing to check: no plan files in {shown_path(ws.plans_dir)} "
                    "(set PLANCMP_DATA to the data folder, or name the files)")
    if strict:
        report.findings = escalate(report.findings)
    emit(result(report), format, View(color, lang, bom=bom, date=date_option(date)), out)


def expand(ws: Workspace, paths: list[Path]) -> list[Path] | None:
    """Folders into their YAML files: a data folder (one holding plans/) gives its plans and
    press files, another folder its *.yaml and *.yml; files stay as named (a missing one is
    reported by validate as file-unreadable). None: the workspace's data folder, checked whole."""
    from ..ingest.workspace import Workspace

    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
        elif (path / "plans").is_dir():
            if len(paths) == 1 and path.resolve() == ws.folder.real:
                return None   # the default run: every plan, press file and the one-reference check
            out += Workspace(path).data_files()
        else:
            out += sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
    if paths and not out:
        usage_error(f"nothing to check: no YAML files in {', '.join(map(str, paths))}")
    return out or None
