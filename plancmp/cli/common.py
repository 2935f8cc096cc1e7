"""What every command shares: the Typer app, error exits, output helpers."""
from __future__ import annotations

import os
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


def console():
    """A rich console that writes plain text when piped or when NO_COLOR is set."""
    from rich.console import Console

    plain = not sys.stdout.isatty() or "NO_COLOR" in os.environ
    return Console(no_color=plain, highlight=False, soft_wrap=False,
                   width=None if sys.stdout.isatty() else 200)


def echo_rendered(rendered, footer=()) -> None:
    """Text goes out as it is (byte-stable for pipes); rich renderables through a console."""
    if isinstance(rendered, str):
        sys.stdout.write(rendered)
        return
    out = console()
    out.print(rendered)
    for line in footer:
        out.print(line, markup=False)
