"""Validation findings as text lines, JSON, or GitHub Actions annotations."""
from __future__ import annotations

import json

from ..ingest.validate import Report


def as_text(report: Report) -> str:
    lines = [f.as_text() for f in report.findings]
    files = len(report.files)
    verdict = "valid" if report.valid else "invalid"
    lines.append(f"{files} file{'s' * (files != 1)} checked: {report.errors} error{'s' * (report.errors != 1)}, "
                 f"{report.warnings} warning{'s' * (report.warnings != 1)} ({verdict})")
    return "\n".join(lines) + "\n"


def as_json(report: Report) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"


def github_escape(text: str, property_: bool = False) -> str:
    # GitHub's workflow-command escaping: % and newlines always, : and , in properties
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_ else text


def as_github(report: Report) -> str:
    lines = []
    for f in report.findings:
        props = f"file={github_escape(f.file, True)},line={f.line},col={f.col},title={github_escape(f.code, True)}"
        level = {"note": "notice"}.get(f.severity, f.severity)   # GitHub's word for a note
        lines.append(f"::{level} {props}::{github_escape(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


FORMATS = {"text": as_text, "json": as_json, "github": as_github}
