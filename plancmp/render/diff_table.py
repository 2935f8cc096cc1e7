"""`plancmp diff` (default): the answer first, then the rows that compare something.

First the counts: one line per verdict, then the counts per domain (full verdict names
when they fit, else one symbol per verdict under a legend, else one line per domain).
Then the rows grouped by domain, A on the left, verdicts in colour. `added` rows (B's
items with no counterpart in A) are counted in the summary and listed only when asked
(`--all`, `--status added`).

The layout follows the width: from 120 columns every column; below, the score goes
first, then the kind moves into the section titles, then (below 80) the notes move under
B's cell: names are the last thing squeezed. The same layout with colour off, just no
escape codes.
"""
from __future__ import annotations

from itertools import groupby

from ..core.i18n import Labels
from ..core.verdicts import STATUSES, SYMBOLS, Diff
from . import textgrid
from .diff_cells import notes_text, right_text, score_text, side_text, status_text
from .textgrid import Column, Grid
from .verdict_style import STYLES, legend_item, verdict_counts

FULL, NO_SCORE, KIND_IN_TITLE = 120, 100, 80   # the narrowest width of each layout


def _side(item, evidence: bool, text: str | None = None, notes: str = "") -> textgrid.Cell:
    """The item as a cell; with evidence, its quote (and section) dim on the lines below;
    `notes` (a narrow layout) dim under it all."""
    text = side_text(item) if text is None else text
    parts = [(text, "")]
    if evidence and item is not None:
        section = f" ({item.evidence.section})" if item.evidence.section else ""
        parts.append((f"\n“{item.evidence.quote}”{section}", "dim"))
    if notes:
        parts.append((f"\n{notes}", "dim"))
    return parts if len(parts) > 1 else text


def render(diff: Diff, evidence: bool = False, color: bool = False, width: int = 160,
           labels: Labels | None = None, list_added: bool = True) -> str:
    """The diff as text: the summary of every row, then the rows (without `added` ones unless
    `list_added`: they are counted all the same)."""
    labels = labels or Labels("en")
    a, b = diff.left, diff.right
    hidden = 0 if list_added else sum(r.status == "added" for r in diff.rows)
    lines = textgrid.paragraph(f"{a.name} ({a.id})  {labels('vs')}  {b.name} ({b.id})", width, "bold", color)
    lines += ["", *summary_lines(diff, width, color, labels, hidden)]
    listed = diff.rows if list_added else [r for r in diff.rows if r.status != "added"]
    kind_column, score, notes_column = width >= NO_SCORE, width >= FULL, width >= KIND_IN_TITLE
    columns = []
    if kind_column:
        columns.append(Column(labels("kind"), no_wrap=True, min_width=8 if score else 0))
    columns += [Column(a.id, ratio=6), Column(b.id, ratio=6), Column(labels("verdict"), no_wrap=True)]
    if score:
        columns.append(Column(labels("score"), no_wrap=True, min_width=11))
    if notes_column:
        columns.append(Column(labels("notes"), ratio=5))
    group = (lambda r: r.domain) if kind_column else (lambda r: (r.domain, r.kind))
    for key, rows in groupby(listed, key=group):
        title = key if kind_column else f"{key[0]} · {labels.kind(key[1])}"
        grid = Grid(list(columns), title=title, title_style="italic", expand=True, row_gaps=evidence)
        for r in rows:
            cells = []
            if kind_column:
                cells.append(labels.kind(r.kind, short=not score))
            notes = notes_text(r, labels)
            cells += [_side(r.left, evidence),
                      _side(r.right, evidence, right_text(r, labels), "" if notes_column else notes),
                      (status_text(r, labels), STYLES.get(r.status, ""))]
            if score:
                cells.append(score_text(r, labels))
            if notes_column:
                cells.append(notes)
            grid.add_row(*cells)
        lines += ["", *textgrid.render(grid, width, color)]
    return "\n".join(lines) + "\n"


def summary_lines(diff: Diff, width: int, color: bool, labels: Labels, hidden: int = 0) -> list[str]:
    """The answer: how many of A's commitments B exceeds, matches … (one line), the counts per
    domain, and how many `added` rows the listing leaves out (`hidden`)."""
    summary = diff.summary()
    counts = summary["by_status"]
    compared, said = verdict_counts(counts, labels)
    a, b = diff.left.id, diff.right.id
    lead = labels("verdict_line", total=compared, ref=a, plan=b)
    out = textgrid.paragraph(labels("summary"), width, "italic", color)
    out += textgrid.pack(said, width, lead if labels.zh else lead + " ", labels.sep, "bold", color)
    if summary["by_domain"]:
        out += ["", *_domain_table(summary["by_domain"], counts, width, color, labels)]
    if hidden:
        out += ["", *textgrid.paragraph(labels("added_hidden", n=hidden, plan=b, ref=a), width, "dim", color)]
    return out


def _domain_table(by_domain: dict, counts: dict, width: int, color: bool, labels: Labels) -> list[str]:
    """Counts per domain and verdict: verdict names as headers when that fits, else symbols
    under a legend, else one line per domain."""
    shown = [s for s in STATUSES if counts[s]]
    total = sum(counts[s] for s in shown)
    order = list(by_domain)
    for symbols in (False, True):
        grid = Grid([Column(labels("domain")),
                     *(Column((SYMBOLS[s] if symbols else labels.status(s), STYLES.get(s, "")), justify="right",
                              no_wrap=symbols) for s in shown),
                     Column(labels("all"), justify="right")])
        for domain in order:
            c = by_domain[domain]
            grid.add_row(domain, *(str(c[s] or "") for s in shown), str(sum(c[s] for s in shown)))
        grid.add_row((labels("all"), "bold"), *((str(counts[s]), "bold") for s in shown), (str(total), "bold"))
        if textgrid.natural_width(grid, header_words=True) <= width:
            lines = textgrid.render(grid, width, color)
            return (_legend(shown, width, color, labels) + lines) if symbols else lines
    out = _legend(shown, width, color, labels)
    for domain in order:
        c = by_domain[domain]
        parts = "  ".join(f"{SYMBOLS[s]} {c[s]}" for s in shown if c[s])
        out += textgrid.paragraph(f"{domain}{labels.colon}{parts}  ({sum(c[s] for s in shown)})", width)
    out += textgrid.paragraph(labels("all") + labels.colon + "  ".join(f"{SYMBOLS[s]} {counts[s]}" for s in shown)
                              + f"  ({total})", width, "bold", color)
    return out


def _legend(shown: list[str], width: int, color: bool, labels: Labels) -> list[str]:
    return textgrid.pack([legend_item(s, labels) for s in shown], width, labels("legend") + labels.colon, "  ",
                         "dim", color)
