"""What every command shares: the Typer app, error exits, output helpers."""
from __future__ import annotations

import sys
from enum import Enum

import typer

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
