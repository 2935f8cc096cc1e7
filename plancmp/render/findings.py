"""`plancmp validate`'s findings: `path:line:col: severity code message` lines (text), the
report as data (JSON), GitHub Actions annotations, and a table of them (CSV, Markdown, xlsx)."""
from ..core.errors import EXIT_INVALID, EXIT_USAGE
from ..ingest.validate import Report
from .result import Annotation, Result
from .tabular import Column, Table


def result(report: Report) -> Result:
    status = EXIT_USAGE if report.unreadable else EXIT_INVALID if not report.valid else 0
    return Result(report.as_dict(), tables=lambda view: [findings_table(report)],
                  annotations=lambda view: annotations(report), text=lambda view: as_text(report), status=status)


def as_text(report: Report) -> str:
    lines = [f.as_text() for f in report.findings]
    files = len(report.files)
    verdict = "valid" if report.valid else "invalid"
    lines.append(f"{files} file{'s' * (files != 1)} checked: {report.errors} error{'s' * (report.errors != 1)}, "
                 f"{report.warnings} warning{'s' * (report.warnings != 1)} ({verdict})")
    return "\n".join(lines) + "\n"


def findings_table(report: Report) -> Table:
    columns = [Column("file", "file"), Column("line", "line", "right", type="number"),
               Column("col", "col", "right", type="number"), Column("severity", "severity"),
               Column("code", "code", type="id"), Column("message", "message")]
    rows = [{"file": f.file, "line": f.line, "col": f.col, "severity": f.severity, "code": f.code,
             "message": f.message} for f in report.findings]
    return Table(f"{len(report.files)} files checked", columns, rows)


def annotations(report: Report) -> list[Annotation]:
    # GitHub's word for a note is notice
    return [Annotation({"note": "notice"}.get(f.severity, f.severity), f.file, f.line, f.col, f.code, f.message)
            for f in report.findings]
