from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from .common import EXIT_INVALID, EXIT_USAGE, app, usage_error


class FindingFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command("validate")
def validate_command(
    paths: list[Path] = typer.Argument(None, help="Plan or press YAML files. Default: every file in data/plans/ and data/press/.", show_default=False),
    format: FindingFormat = typer.Option(FindingFormat.text, "--format", "-f", help="text (path:line:col lines), json, or github (Actions annotations)."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
) -> None:
    """Check plan files: YAML, schema, vocabularies, ids, and every quote against its source text.

    Prints one line per problem as [bold]path:line:col: error|warning CODE message[/bold].
    Exit 0 when clean (warnings allowed), 1 when there is an error, 2 when a file cannot be
    read or there is nothing to check. data/links.yaml is checked with the plans of its folder.

    Examples:

      plancmp validate

      plancmp validate data/plans/liaoning.yaml --strict

      plancmp validate --format github      (in a GitHub Actions step)
    """
    from ..findings import escalate
    from ..render.findings import FORMATS
    from ..validate import validate

    for path in paths or []:
        if not path.exists():
            usage_error(f"{path}: no such file")
        if path.is_dir():
            usage_error(f"{path} is a directory; name the YAML files (e.g. {path}/*.yaml)")
    report = validate(paths or None)
    if not report.files:
        from ..paths import data_dir, shown_path

        usage_error(f"nothing to check: no plan files in {shown_path(data_dir() / 'plans')} "
                    "(set PLANCMP_DATA to the data folder, or name the files)")
    if strict:
        report.findings = escalate(report.findings)
    typer.echo(FORMATS[format.value](report), nl=False)
    if report.unreadable:
        raise typer.Exit(EXIT_USAGE)
    if not report.valid:
        raise typer.Exit(EXIT_INVALID)
