"""Validation findings as data: a stable code per kind of problem, a position, a message.

Modelled on frictionless' error catalogue: the code is what scripts match on, the
message is for people. Positions are 1-based line and column of the YAML node.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

ERROR = "error"
WARNING = "warning"
NOTE = "note"      # worth a reader's look, never a failure (not even with --strict)

# code -> (default severity, title). Codes are part of the interface: never rename one.
CATALOGUE: dict[str, tuple[str, str]] = {
    "file-unreadable": (ERROR, "The file cannot be read"),
    "file-too-large": (ERROR, "The file is over the size limit"),
    "too-many-items": (ERROR, "A plan holds more items than plancmp compares (core/model.py MAX_ITEMS)"),
    "file-encoding": (ERROR, "The file is not UTF-8 text"),
    "file-empty": (ERROR, "The file holds no YAML document"),
    "yaml-syntax": (ERROR, "YAML syntax error"),
    "yaml-tab": (ERROR, "Tab used for indentation"),
    "yaml-tag": (ERROR, "Non-standard YAML tag"),
    "yaml-alias": (ERROR, "YAML anchors and aliases are not allowed"),
    "yaml-duplicate-key": (ERROR, "The same key twice in one mapping"),
    "missing-field": (ERROR, "A required field is missing"),
    "unknown-field": (ERROR, "A field the schema does not know"),
    "wrong-type": (ERROR, "A field has the wrong type"),
    "invalid-value": (ERROR, "A field's value is not allowed"),
    "unknown-domain": (ERROR, "Domain not in the domain vocabulary"),
    "unknown-unit": (ERROR, "Unit not in the unit vocabulary"),
    "unknown-binding": (ERROR, "Binding is not 预期性 or 约束性"),
    "invalid-id": (ERROR, "An id with characters outside a-z, 0-9 and -"),
    "duplicate-id": (ERROR, "Two items of one plan share an id"),
    "restates-unknown": (ERROR, "A target restates an id that is not a first statement of a target in its plan"),
    "id-not-file-name": (ERROR, "A plan's id differs from its file name"),
    "reference-plan": (ERROR, "Not exactly one plan has level: national"),
    "duplicate-plan-id": (ERROR, "Two plan files declare the same plan id"),
    "duplicate-plan-name": (ERROR, "Two plans share a name people type for them (an id, a region, an alias)"),
    "source-missing": (ERROR, "The plan's source text cannot be found"),
    "source-outside": (ERROR, "The plan's source is absolute or resolves outside the data folder"),
    "quote-in-background": (WARNING, "An item quotes a background part (past results) as if it were a commitment"),
    "background-not-found": (ERROR, "A background part's headings are not lines of the source"),
    "quote-not-found": (ERROR, "The evidence quote is not in the source text"),
    "value-not-in-quote": (ERROR, "A recorded number does not appear in its quote"),
    "year-not-in-quote": (ERROR, "The quote names years, and the target's year is not one of them"),
    "value-unparsable": (ERROR, "The value parser cannot read a target value"),
    "value-unit": (ERROR, "A value writes a unit or scale its item's unit cannot take (95‰ or 55万张 for %)"),
    "target-below-baseline": (WARNING, "A target is worse than its own baseline"),
    "draft-item": (WARNING, "An item `plancmp new` drafted that no person has checked yet (draft: true)"),
    "inconsistent-value": (WARNING, "A plan states two values for one indicator and year"),
    "accept-unused": (WARNING, "An item accepts a warning it no longer has (a stale `accept`)"),
    "possibly-inconsistent": (NOTE, "A plan states two values for one year under different indicator names"),
    "stretch-value": (NOTE, "A plan states a stretch (力争) value beside the binding one"),
    "link-unknown-plan": (ERROR, "A link names a plan that does not exist"),
    "link-unknown-id": (ERROR, "A link names an item that does not exist"),
    "link-conflict": (ERROR, "The same pair is both pinned and forbidden"),
    "vocab-unknown-item": (ERROR, "vocab/commitments.yaml names an item the national plan does not hold"),
    "vocab-unknown-plan": (ERROR, "vocab/commitments.yaml's seen_in names a plan that does not exist"),
    "vocab-quote-not-found": (ERROR, "A quote of vocab/commitments.yaml is not in the national source text"),
}


# Warnings an item may acknowledge (`accept: [{code, reason}]`) when they reflect the source
# faithfully: every warning but these two, whose fix is always in the data.
_NOT_ACCEPTABLE = {"draft-item": "delete `draft: true` once the item is checked against the text",
                   "accept-unused": "delete the stale accept instead"}
ACCEPTABLE = tuple(code for code, (severity, _) in CATALOGUE.items() if severity == WARNING and code not in _NOT_ACCEPTABLE)


def why_not_acceptable(code: str) -> str | None:
    """None when an item may accept `code`, else why not (an error is fixed, not accepted)."""
    if code in ACCEPTABLE:
        return None
    if code in _NOT_ACCEPTABLE:
        return _NOT_ACCEPTABLE[code]
    severity = CATALOGUE.get(code, ("",))[0]
    if severity == ERROR:
        return "an error is fixed in the data, never accepted"
    if severity == NOTE:
        return "a note never fails a run: there is nothing to accept"
    return "no finding has that code"


@dataclass(frozen=True)
class Finding:
    """One problem found in a file, with its stable code and position."""

    code: str
    message: str
    file: str
    line: int = 1
    col: int = 1
    path: str = ""  # path into the document, e.g. targets[3].unit
    severity: str = ""

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise ValueError(f"unknown finding code {self.code!r}")
        if not self.severity:
            object.__setattr__(self, "severity", CATALOGUE[self.code][0])

    def as_text(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.severity} {self.code} {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.col, self.code, self.message)


def escalate(findings: list[Finding]) -> list[Finding]:
    """--strict: every warning becomes an error (a note stays a note)."""
    return [Finding(**{**f.as_dict(), "severity": ERROR if f.severity != NOTE else NOTE}) for f in findings]

