"""The README's example output is what the commands print today (docs/update_readme.py)."""
from __future__ import annotations

import subprocess
import sys

from conftest import DATA


def test_readme_examples_are_current():
    proc = subprocess.run([sys.executable, str(DATA.parent / "docs" / "update_readme.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
