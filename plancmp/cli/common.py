"""What every command shares: the Typer app, error exits, output helpers."""
from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ..findings import Finding

app = typer.Typer(
    name="plancmp",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_INVALID = 1  # the data has errors
EXIT_USAGE = 2    # the command could not run: bad option, unreadable input
EXIT_INTERNAL = 3  # a bug in plancmp


def fail(message: str, findings: list[Finding] | None = None, code: int = EXIT_INVALID) -> None:
    """Print a clear message (and findings) to stderr and exit: never a traceback."""
    for finding in findings or []:
        print(finding.as_text(), file=sys.stderr)
    print(f"plancmp: {message}", file=sys.stderr)
    raise SystemExit(code)


def usage_error(message: str) -> None:
    fail(message, code=EXIT_USAGE)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def emit(format: OutputFormat, data, tables, csv_table=None) -> None:
    """Print one result in the chosen format: JSON is the library's data as it is;
    the other formats render `tables` (a callable, so JSON never builds them).
    CSV is one flat table: `csv_table`, else the first of `tables`."""
    if format is OutputFormat.json:
        import json

        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from ..render.tabular import as_csv, as_markdown, as_text

    built = tables()
    if format is OutputFormat.csv:
        typer.echo(as_csv(csv_table() if csv_table else built[0]), nl=False)
    else:
        typer.echo((as_markdown if format is OutputFormat.markdown else as_text)(built), nl=False)


def domain_option(value: str | None) -> str | None:
    if not value:
        return None
    from ..vocab import domain_names, resolve_domain_query

    resolved = resolve_domain_query(value)
    if resolved is None:
        usage_error(f"unknown --domain {value!r}; choose from: {', '.join(domain_names())} (or 养老, elderly, laoyousuoyang …)")
    return resolved
