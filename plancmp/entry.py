"""The `plancmp` command's entry point: small, so that Ctrl-C or a termination signal
that arrives while the CLI is still importing ends the run quietly (exit 130/143) and
every `finally` (a temporary output file, a cache entry) still runs."""
from __future__ import annotations

import signal
import sys


def _terminated(signum, frame):
    raise SystemExit(128 + signum)


def main() -> None:
    signal.signal(signal.SIGTERM, _terminated)
    try:
        from .cli import main as run

        run()
    except KeyboardInterrupt:
        print("plancmp: interrupted", file=sys.stderr)
        sys.exit(130)
