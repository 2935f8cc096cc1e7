"""The error every command reports the same way (plancmp/cli turns it into a message and
exit 1). Apart from findings.py so that a run that meets no error never loads the catalogue."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .findings import Finding


class PlanError(Exception):
    """Plans could not be loaded cleanly enough to compare; carries the findings."""

    def __init__(self, message: str, findings: list[Finding] | None = None):
        super().__init__(message)
        self.findings = findings or []
