"""`plancmp diff --format markdown`: the summary first, then a section per domain with every row."""
from __future__ import annotations

from itertools import groupby

from ..core.i18n import Labels
from ..core.verdicts import STATUSES, Diff
from .diff_cells import notes_text, right_text, score_text, side_text, status_text
from .tabular import md_text
from .verdict_style import verdict_counts


def render(diff: Diff, evidence: bool = False, labels: Labels | None = None) -> str:
    labels = labels or Labels("en")
    a, b = diff.left, diff.right
    lines = [f"# {a.name} ({a.id}) {labels('vs')} {b.name} ({b.id})", ""]
    summary = diff.summary()
    counts = summary["by_status"]
    shown = [s for s in STATUSES if counts[s]]
    compared, said = verdict_counts(counts, labels)
    lines += [f"## {labels('summary').capitalize()}", "",
              f"{labels('verdict_line', total=compared, ref=a.id, plan=b.id)}{'' if labels.zh else ' '}{labels.sep.join(said)}", "",
              f"| {labels('domain')} | " + " | ".join(labels.status(s) for s in shown) + f" | {labels('all')} |",
              "| --- |" + " ---: |" * (len(shown) + 1)]
    for domain, c in summary["by_domain"].items():
        lines.append(f"| {domain} | " + " | ".join(str(c[s]) for s in shown) + f" | {sum(c.values())} |")
    lines.append(f"| **{labels('all')}** | " + " | ".join(f"**{counts[s]}**" for s in shown) + f" | **{summary['total']}** |")
    lines.append("")
    for domain, rows in groupby(diff.rows, key=lambda r: r.domain):
        lines += [f"## {domain}", "",
                  f"| {labels('kind')} | {a.id} | {b.id} | {labels('verdict')} | {labels('score')} | {labels('notes')} |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for r in rows:
            left, right = side_text(r.left), right_text(r, labels).replace("\n", "<br>")
            if evidence:
                left += f"<br>“{r.left.evidence.quote}”" if r.left else ""
                right += f"<br>“{r.right.evidence.quote}”" if r.right else ""
            lines.append("| " + " | ".join(md_text(c) for c in (labels.kind(r.kind), left, right, f"**{status_text(r, labels)}**",
                                                               score_text(r, labels), notes_text(r, labels))) + " |")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
