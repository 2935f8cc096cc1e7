"""`plancmp validate`'s findings: `path:line:col: severity code message` lines (text), the
report as data (JSON), GitHub Actions annotations, and a table of them (CSV, Markdown, xlsx)."""
from ..core.errors import EXIT_INVALID, EXIT_USAGE
from ..core.i18n import Labels
from ..ingest.validate import Report
from .result import Annotation, Result
from .tabular import Column, Table


def result(report: Report) -> Result:
    status = EXIT_USAGE if report.unreadable else EXIT_INVALID if not report.valid else 0
    return Result(report.as_dict(), tables=lambda view: [findings_table(report, view.labels)],
                  annotations=lambda view: annotations(report), text=lambda view: as_text(report, view.labels),
                  status=status)


def message(finding, labels: Labels | None = None) -> str:
    """A finding's message for a reader: English as the check wrote it; under zh led by the
    code's title in Chinese (vocab/findings.yaml; the prefix and the code stay English)."""
    if labels is None or not labels.zh:
        return finding.message
    from ..core.vocab import read

    title = read("findings.yaml").get(finding.code)
    return f"{title}：{finding.message}" if title else finding.message


def as_text(report: Report, labels: Labels | None = None) -> str:
    labels = labels or Labels("en")
    lines = [f"{f.file}:{f.line}:{f.col}: {f.severity} {f.code} {message(f, labels)}" for f in report.findings]
    files = len(report.files)
    if labels.zh:
        verdict = "有效" if report.valid else "无效"
        lines.append(f"已检查 {files} 个文件：错误 {report.errors}，警告 {report.warnings}（{verdict}）")
    else:
        verdict = "valid" if report.valid else "invalid"
        lines.append(f"{files} file{'s' * (files != 1)} checked: {report.errors} error{'s' * (report.errors != 1)}, "
                     f"{report.warnings} warning{'s' * (report.warnings != 1)} ({verdict})")
    return "\n".join(lines) + "\n"


def findings_table(report: Report, labels: Labels | None = None) -> Table:
    labels = labels or Labels("en")
    said = (lambda key, zh: zh) if labels.zh else (lambda key, zh: key)   # noqa: E731
    columns = [Column("file", said("file", "文件")), Column("line", said("line", "行"), "right", type="number"),
               Column("col", said("col", "列"), "right", type="number"), Column("severity", said("severity", "级别")),
               Column("code", said("code", "代码"), type="id"), Column("message", said("message", "说明"))]
    rows = [{"file": f.file, "line": f.line, "col": f.col, "severity": f.severity, "code": f.code,
             "message": message(f, labels)} for f in report.findings]
    title = f"已检查 {len(report.files)} 个文件" if labels.zh else f"{len(report.files)} files checked"
    return Table(title, columns, rows)


def annotations(report: Report) -> list[Annotation]:
    # GitHub's word for a note is notice
    return [Annotation({"note": "notice"}.get(f.severity, f.severity), f.file, f.line, f.col, f.code, f.message)
            for f in report.findings]
