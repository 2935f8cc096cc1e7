"""Helpers for real plancmp processes and what they produce: a child that Ctrl-C interrupts, the
modules a real process imports, and the tags and text of an HTML page."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
from html.parser import HTMLParser


def interruptible() -> None:
    """`preexec_fn` of a child that a test interrupts with SIGINT, as Ctrl-C in a terminal would. A
    shell starts a background job (`make test &`, a CI step, nohup) with SIGINT ignored, the child
    inherits that, and Python then installs no KeyboardInterrupt handler: the run would ignore the
    signal and the test would depend on how its caller was started."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def imported_after(argv: list[str]) -> set[str]:
    """The modules a real `plancmp ARGV` process has imported when it exits."""
    code = ("import atexit, json, sys\n"
            "atexit.register(lambda: sys.__stderr__.write('MODULES' + json.dumps(sorted(sys.modules))))\n"
            "from plancmp.cli import main\n"
            f"sys.argv = ['plancmp', *{argv!r}]\n"
            "main()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    return set(json.loads(proc.stderr.rsplit("MODULES", 1)[1]))


class PageParts(HTMLParser):
    """Every start tag with its attributes, and every text run, of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)
