"""A plan file read and checked: the record, light at import (no YAML, no schema), so that a
warm run unpickles the plans its cached results refer to without them
(Workspace.loaded reads them through the parsed-plan cache)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..core.findings import Finding
    from ..core.model import Plan
    from .yamldoc import Doc


class Loaded(NamedTuple):
    """A plan file read: its YAML (None once cached), the Plan (None when its structure is
    broken) and what is wrong with it."""

    path: Path
    doc: Doc | None
    plan: Plan | None
    findings: list[Finding]
