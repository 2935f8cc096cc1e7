"""`plancmp diff --format markdown`: a section per domain, a table per section, then the summary."""
from __future__ import annotations

from itertools import groupby

from ..verdicts import STATUSES, Diff, label
from .diff_cells import notes_text, right_text, score_text, side_text, status_text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(diff: Diff, evidence: bool = False) -> str:
    a, b = diff.left, diff.right
    lines = [f"# {a.name} ({a.id}) vs {b.name} ({b.id})", ""]
    for domain, rows in groupby(diff.rows, key=lambda r: r.domain):
        lines += [f"## {domain}", "", f"| kind | {a.id} | {b.id} | verdict | score | notes |", "| --- | --- | --- | --- | --- | --- |"]
        for r in rows:
            left, right = side_text(r.left), right_text(r).replace("\n", "<br>")
            if evidence:
                left += f"<br>“{r.left.evidence.quote}”" if r.left else ""
                right += f"<br>“{r.right.evidence.quote}”" if r.right else ""
            lines.append("| " + " | ".join(_cell(c) for c in (r.kind, left, right, f"**{status_text(r)}**", score_text(r), notes_text(r))) + " |")
        lines.append("")
    summary = diff.summary()
    shown = [s for s in STATUSES if summary["by_status"][s]]
    lines += ["## Summary", "", "| domain | " + " | ".join(label(s) for s in shown) + " |",
              "| --- |" + " --- |" * len(shown)]
    for domain, counts in summary["by_domain"].items():
        lines.append(f"| {domain} | " + " | ".join(str(counts[s]) for s in shown) + " |")
    lines.append("| **all** | " + " | ".join(f"**{summary['by_status'][s]}**" for s in shown) + " |")
    return "\n".join(lines) + "\n"
