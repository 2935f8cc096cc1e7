"""The error every command reports the same way (plancmp/cli turns it into a message and
exit 1). Apart from findings.py so that a run that meets no error never loads the catalogue."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .findings import Finding

# How a run ends (every command, and a result's status: render/result.py).
EXIT_INVALID = 1   # the data has errors (or a check the caller asked for fails: --check, --fail-on)
EXIT_USAGE = 2     # the command could not run: bad option, unreadable input
EXIT_INTERNAL = 3  # a bug in plancmp


class PlanError(Exception):
    """Plans could not be loaded cleanly enough to compare; carries the findings."""

    def __init__(self, message: str, findings: list[Finding] | None = None):
        super().__init__(message)
        self.findings = findings or []
