"""The README's example output is what the commands print today (docs/update_readme.py)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import DATA


@pytest.mark.slow   # every documented command (~25, eval --holdout among them) in a fresh interpreter
def test_readme_examples_are_current():
    proc = subprocess.run([sys.executable, str(DATA.parent / "docs" / "update_readme.py"), "--check"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr


def test_readme_stays_a_guide():
    """The README is for users: set-up, one example per command, the report's picture, where the
    rest is (issue 24.7); the reference, data format, performance and code guide live in docs/."""
    text = (DATA.parent / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 250
    assert "](docs/report.png)" in text


def test_every_file_the_readme_links_exists():
    import re

    root = DATA.parent
    for path in ("README.md", *(str(p.relative_to(root)) for p in sorted((root / "docs").glob("*.md")))):
        text = (root / path).read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
            if "://" not in target:
                assert ((root / path).parent / target).exists(), f"{path} links {target}, which is not there"
