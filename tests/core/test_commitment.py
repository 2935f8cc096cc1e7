"""What an item commits to, as one line, is declared once (core/commitment.py): every view
words it from there, in the form it shows."""
from __future__ import annotations

import ast
from pathlib import Path

from plancmp.core.commitment import commitment_line
from plancmp.core.model import Baseline

PACKAGE = Path(__file__).resolve().parents[2] / "plancmp"


def test_the_forms_of_a_target():
    line = lambda form, **kw: commitment_line("targets", target="4.5", baseline=Baseline("1.8", 2020), unit="个",
                                               form=form, **kw)
    assert line("cell") == "1.8 → 4.5 个"
    assert line("record") == "1.8 (2020) → 4.5 [个]"
    assert line("grid") == "1.8 → 4.5"
    assert line("value") == "4.5"
    assert line("value+unit") == "4.5 个"
    assert commitment_line("targets", target="96", unit="%", form="value+unit") == "96%"
    assert commitment_line("targets", target="应保尽保", unit="%", form="value+unit") == "应保尽保"
    assert commitment_line("targets", target="应保尽保", form="grid") == "→ 应保尽保"
    assert commitment_line("targets", target=">90%", baseline=Baseline("85.2%", 2020), unit="%") == "85.2% → >90%"


def test_services_and_tasks():
    assert commitment_line("services", standard="免费", group="孕产妇") == "免费"
    assert commitment_line("services", group="孕产妇", form="record") == "孕产妇"
    assert commitment_line("tasks", commitments=("a", "b")) == "a; b"
    assert commitment_line("tasks", commitments=("a", "b"), form="record") == "a, b"


def test_no_view_words_a_commitment_itself():
    """change_text (baseline → target) is called by core/commitment.py alone."""
    callers = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "change_text":
                callers.append(path.relative_to(PACKAGE).as_posix())
    assert set(callers) <= {"core/commitment.py"}, callers
