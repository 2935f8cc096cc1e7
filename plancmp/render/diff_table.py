"""`plancmp diff` (default): rich tables grouped by domain, A on the left, verdicts in
colour, then the counts per verdict and domain. Plain text when colour is off."""
from __future__ import annotations

import io
from itertools import groupby

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..compare import STATUSES, Diff, label
from .diff_cells import notes_text, score_text, side_text, status_text

STYLES = {"exceeds": "bold green", "matches": "green", "matches-quantified": "bold green", "below": "bold red",
          "not-comparable": "yellow", "unknown": "magenta", "omitted": "red", "added": "cyan"}


def _side(item, evidence: bool) -> Text:
    text = Text(side_text(item))
    if evidence and item is not None:
        text.append(f"\n“{item.evidence.quote}”", style="dim")
        if item.evidence.section:
            text.append(f" ({item.evidence.section})", style="dim")
    return text


def render(diff: Diff, evidence: bool = False, color: bool = False, width: int = 160) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    a, b = diff.left, diff.right
    console.print(Text(f"{a.name} ({a.id})  vs  {b.name} ({b.id})", style="bold"))
    for domain, rows in groupby(diff.rows, key=lambda r: r.domain):
        table = Table(title=domain, title_justify="left", box=box.SIMPLE_HEAD, show_lines=evidence, expand=True)
        table.add_column("kind", no_wrap=True, min_width=8)
        table.add_column(a.id, ratio=6, overflow="fold")
        table.add_column(b.id, ratio=6, overflow="fold")
        table.add_column("verdict", no_wrap=True, min_width=20)
        table.add_column("score", no_wrap=True, min_width=11)
        table.add_column("notes", ratio=5, overflow="fold")
        for r in rows:
            table.add_row(r.kind, _side(r.left, evidence), _side(r.right, evidence),
                          Text(status_text(r), style=STYLES.get(r.status, "")), score_text(r), notes_text(r))
        console.print(table)
    console.print(_summary(diff))
    return out.getvalue()


def _summary(diff: Diff) -> Table:
    summary = diff.summary()
    shown = [s for s in STATUSES if summary["by_status"][s]]
    table = Table(title="summary", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("domain")
    for s in shown:
        table.add_column(Text(label(s), style=STYLES.get(s, "")), justify="right")
    table.add_column("all", justify="right")
    for domain, counts in summary["by_domain"].items():
        table.add_row(domain, *(str(counts[s] or "") for s in shown), str(sum(counts.values())))
    table.add_row(Text("all", style="bold"), *(Text(str(summary["by_status"][s]), style="bold") for s in shown),
                  Text(str(summary["total"]), style="bold"))
    return table
