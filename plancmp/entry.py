"""The `plancmp` command's entry point: small, so that Ctrl-C or a termination signal
that arrives while the CLI is still importing ends the run quietly (exit 130/143) and
every `finally` (a temporary output file, a cache entry) still runs."""
from __future__ import annotations

import signal
import sys


def _terminated(signum, frame):
    raise SystemExit(128 + signum)


def main() -> None:
    try:
        # inside the try: a Ctrl-C that lands while the handler is being installed is caught
        # too, so from the moment SIGTERM is caught (what tests wait for) Ctrl-C ends quietly
        signal.signal(signal.SIGTERM, _terminated)
        from .cli import main as run

        run()
    except KeyboardInterrupt:
        print("plancmp: interrupted", file=sys.stderr)
        sys.exit(130)
