"""Where something stood in a file: the one type every layer shares.

Kept apart from the YAML reader so that a cached plan or diff can be unpickled
without importing PyYAML.
"""
from __future__ import annotations

from typing import NamedTuple


class Pos(NamedTuple):
    """1-based line and column in a file, shown as file:line:col."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"
