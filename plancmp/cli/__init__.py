"""The command line: each command reads its options, gets its data (plans from ingest/,
a view from views/, a draft from draft/), renders it and prints; the logic lives below.

Each command lives in its own module, which registers it on `app` when it is imported
(the import line below).
"""
from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn

import typer

from .. import __version__
from ..core.errors import PlanError
from . import (  # noqa: F401  (registers the commands)
    added_cmd,
    changes_cmd,
    claims_cmd,
    debt_cmd,
    diff_cmd,
    eval_cmd,
    matrix_cmd,
    new_cmd,
    report_cmd,
    review_cmd,
    schema_cmd,
    search_cmd,
    show_cmd,
    stats_cmd,
    streams,
    targets_cmd,
    validate_cmd,
)
from .common import EXIT_INTERNAL, app, fail


def _version(value: bool) -> None:
    if value:
        typer.echo(f"plancmp {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                        help="Print the version and exit.")) -> None:
    """Compare China's national 14th Five-Year public-service plan with provincial plans, with evidence.

    Examples:

      plancmp diff national liaoning      where Liaoning exceeds, matches, falls below or omits

      plancmp validate                    check every curated plan against its source text

      plancmp search 托位                 every item and sentence that states 托位, with its verdict

    Completion: plancmp --install-completion (bash, zsh, fish, PowerShell).
    """


def main() -> None:
    # Parsing plans makes millions of small objects, none of them garbage until the run
    # ends; at the default thresholds the collector kept rescanning every plan loaded so
    # far, which doubled the time to load 300 plans. Peak memory is the same either way.
    gc.set_threshold(100_000, 50, 100)
    streams.prepare()   # a closed stdout ends here; one that cannot encode Chinese escapes it
    try:
        try:
            app()
        finally:
            streams.flush()   # a stdout that cannot be written fails here, inside the run
    except PlanError as exc:
        fail(str(exc), exc.findings)
    except BrokenPipeError:  # `plancmp … | head` closes the pipe early: not an error
        sys.stderr.close()
        sys.exit(0)
    except OSError as exc:   # a full stdout, a deleted working directory, a name too long: one line
        said = streams.explain(exc)
        if said is None or os.environ.get("PLANCMP_DEBUG"):
            _internal(exc)
        else:
            fail(said[0], code=said[1])
    except Exception as exc:  # a bug
        _internal(exc)


def _internal(exc: Exception) -> NoReturn:
    """A bug: say so plainly; PLANCMP_DEBUG=1 shows the traceback."""
    if os.environ.get("PLANCMP_DEBUG"):
        raise exc
    print(f"plancmp: internal error: {type(exc).__name__}: {exc}\n"
          "plancmp: this is a bug; rerun with PLANCMP_DEBUG=1 and report the traceback", file=sys.stderr)
    sys.exit(EXIT_INTERNAL)
