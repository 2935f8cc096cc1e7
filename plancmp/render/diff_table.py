"""`plancmp diff` (default): text tables grouped by domain, A on the left, verdicts in
colour, then the counts per verdict and domain. The same layout with colour off, just
no escape codes."""
from __future__ import annotations

from itertools import groupby

from ..verdicts import STATUSES, Diff, label
from . import textgrid
from .diff_cells import notes_text, right_text, score_text, side_text, status_text
from .textgrid import Column, Grid

STYLES = {"exceeds": "bold green", "matches": "green", "matches-quantified": "bold green", "below": "bold red",
          "not-comparable": "yellow", "mentioned": "yellow", "unknown": "magenta", "omitted": "red", "added": "cyan"}


def _side(item, evidence: bool, text: str | None = None) -> textgrid.Cell:
    """The item as a cell; with evidence, its quote (and section) dim on the lines below."""
    text = side_text(item) if text is None else text
    if not evidence or item is None:
        return text
    section = f" ({item.evidence.section})" if item.evidence.section else ""
    return [(text, ""), (f"\n“{item.evidence.quote}”{section}", "dim")]


def render(diff: Diff, evidence: bool = False, color: bool = False, width: int = 160) -> str:
    a, b = diff.left, diff.right
    lines = [textgrid.styled(f"{a.name} ({a.id})  vs  {b.name} ({b.id})", "bold", color)]
    for domain, rows in groupby(diff.rows, key=lambda r: r.domain):
        grid = Grid([Column("kind", no_wrap=True, min_width=8), Column(a.id, ratio=6), Column(b.id, ratio=6),
                     Column("verdict", no_wrap=True, min_width=20), Column("score", no_wrap=True, min_width=11),
                     Column("notes", ratio=5)],
                    title=domain, title_style="italic", expand=True, row_gaps=evidence)
        for r in rows:
            grid.add_row(r.kind, _side(r.left, evidence), _side(r.right, evidence, right_text(r)),
                         (status_text(r), STYLES.get(r.status, "")), score_text(r), notes_text(r))
        lines += ["", *textgrid.render(grid, width, color)]
    lines += ["", *textgrid.render(_summary(diff), width, color)]
    return "\n".join(lines) + "\n"


def _summary(diff: Diff) -> Grid:

    summary = diff.summary()
    shown = [s for s in STATUSES if summary["by_status"][s]]
    grid = Grid([Column("domain"), *(Column((label(s), STYLES.get(s, "")), justify="right") for s in shown),
                 Column("all", justify="right")], title="summary", title_style="italic")
    for domain, counts in summary["by_domain"].items():
        grid.add_row(domain, *(str(counts[s] or "") for s in shown), str(sum(counts.values())))
    grid.add_row(("all", "bold"), *((str(summary["by_status"][s]), "bold") for s in shown),
                 (str(summary["total"]), "bold"))
    return grid
