"""`plancmp diff`: the diff's one result, rendered by every format.

Declared once: the title (both plans), the summary (the counts per verdict and domain, the
answer first) and the rows table, whose columns serve every format: a reader sees the kind,
A's item, B's item, the verdict, the score and the notes (text, Markdown); CSV and
workbooks hold every field apart (ids, names, values, years, 属性, scores, codes, quotes).
JSON is the diff as data (schema: plancmp/schemas/diff.schema.json).

The text layout is the diff's own (text only): the counts per domain fall back to verdict
symbols under a legend, then to a line per domain; the rows follow the width: from 120
columns every column; below, the score goes first, then the kind moves into the section
titles, then (below 80) the notes move under B's cell: names are the last thing squeezed.
`added` rows (B's items with no counterpart in A) are counted in the summary and listed
only when asked (`--all`, `--status added`). The same layout with colour off, just no
escape codes.
"""
from __future__ import annotations

from itertools import groupby
from typing import Any

from ..core.commitment import figures
from ..core.i18n import Labels
from ..core.model import Plan, item_data
from ..core.verdicts import STATUSES, SYMBOLS, Diff, Passage, Row, row_binding
from .diff_cells import notes_text, passage_text, right_text, score_text, side_text, status_text, value_text
from .drafts import as_dict as drafts_dict, plan_mark
from .result import Result, View
from .tabular import Column, Para, Table, shown_cell
from .verdict_style import STYLES, legend_item, verdict_counts

FULL, NO_SCORE, KIND_IN_TITLE = 120, 100, 80   # the narrowest width of each text layout


def result(diff: Diff, evidence: bool = False, list_added: bool = True) -> Result:
    """The diff's result: its data (JSON), its tables (a workbook: the summary, then a sheet per
    kind), its text layout."""
    return Result(as_dict(diff), tables=lambda view: tables(diff, view.labels, evidence),
                  text=lambda view: text(diff, tables(diff, view.labels, evidence), view, list_added, evidence),
                  title=lambda view: title(diff, view.labels))


def title(diff: Diff, labels: Labels) -> str:
    a, b = diff.left, diff.right
    return f"{a.name} ({labels.plan(a.id)}) {labels('vs')} {b.name} ({labels.plan(b.id)})"


# ---------------------------------------------------------------- JSON

def plan_dict(plan: Plan) -> dict:
    out: dict[str, Any] = {"id": plan.id, "name": plan.name, "level": plan.level, "region": plan.region}
    drafts = drafts_dict(plan.drafts())
    if drafts:   # items nobody has checked: the verdicts that rest on them are no findings
        out["drafts"] = drafts
    return out


def passage_dict(passage: Passage | None) -> dict | None:
    if passage is None:
        return None
    return {"file": passage.file, "line": passage.line, "text": passage.text}


def _item(item) -> dict | None:
    """item_data, and `draft: true` on an item nobody has checked (not in item_data: confirming an
    item moves no verdict, so `plancmp changes` does not see it)."""
    out = item_data(item)
    if out is not None and item.draft:
        out["draft"] = True
    return out


def row_dict(row: Row) -> dict:
    return {"kind": row.kind, "domain": row.domain, "status": row.status,
            "left": _item(row.left), "right": _item(row.right),
            "also": [_item(i) for i in row.also], "passage": passage_dict(row.passage),
            "basis": row.basis or ("items" if row.right is not None else None),
            "reason": row.reason,
            "strength": None if row.strength is None else {"left": row.strength[0], "right": row.strength[1],
                                                           "weaker": row.strength[2]},
            "score": row.score, "confidence": row.confidence,
            "reasons": list(row.reasons), "notes": list(row.notes)}


def as_dict(diff: Diff) -> dict:
    """The diff as data; each note and reason stays a Note (JSON: its code, values and words)."""
    return {"left": plan_dict(diff.left), "right": plan_dict(diff.right),
            "rows": [row_dict(r) for r in diff.rows], "summary": diff.summary()}


# ---------------------------------------------------------------- the declaration

def tables(diff: Diff, labels: Labels, evidence: bool = False) -> list[Table]:
    """The title, the summary and the rows."""
    drafted = [mark for mark in (plan_mark(p, labels, hint=True) for p in (diff.left, diff.right)) if mark]
    heading = Table(title(diff, labels), [], level=1, role="shown", intro=drafted)
    return [heading, summary_table(diff, labels), rows_table(diff, labels, evidence)]


def summary_table(diff: Diff, labels: Labels) -> Table:
    """How many of A's commitments B exceeds, matches … (a sentence), and the counts per domain
    and verdict, with a total row."""
    summary = diff.summary()
    counts = summary["by_status"]
    shown = [s for s in STATUSES if counts[s]]
    compared, said = verdict_counts(counts, labels)
    lead = labels("verdict_line", total=compared, ref=labels.plan(diff.left.id), plan=labels.plan(diff.right.id))
    columns = [Column("domain", labels("domain")),
               *(Column(s, labels.status(s), "right", type="number") for s in shown),
               Column("all", labels("all"), "right", type="number")]
    rows = [{"domain": domain, **{s: c[s] for s in shown}, "all": sum(c.values())}
            for domain, c in summary["by_domain"].items()]
    rows.append({"domain": labels("all"), **{s: counts[s] for s in shown}, "all": summary["total"], "_strong": True})
    drafted = [f"{p.id}: {mark}" for p in (diff.left, diff.right) if (mark := plan_mark(p, labels))]
    return Table(labels("summary").capitalize(), columns, rows, sheet=labels("summary"),
                 intro=[Para(f"{lead}{'' if labels.zh else ' '}{labels.sep.join(said)}"), *drafted])


def _side_cells(prefix: str, item) -> dict:
    """One side's fields: id, name, the written value, a target's figures (baseline, its year, the
    comparator, the target, the unit: numbers where they are numbers), the year and 属性."""
    if item is None:
        return {f"{prefix}_{k}": "" for k in ("id", "name", "value", "year", "binding")}
    numbers = figures(item)
    return {f"{prefix}_id": item.id, f"{prefix}_name": item.name, f"{prefix}_value": value_text(item),
            f"{prefix}_baseline": numbers.baseline, f"{prefix}_baseline_year": numbers.baseline_year,
            f"{prefix}_comparator": numbers.comparator, f"{prefix}_target": numbers.target,
            f"{prefix}_unit": numbers.unit or "",
            f"{prefix}_year": item.year if item.kind == "targets" else "",
            f"{prefix}_binding": getattr(item, "binding", None) or ""}


def _with_quote(text: str, item, evidence: bool):
    """A side's cell; with evidence, its quote (and section) dim on the lines below."""
    if not evidence or item is None:
        return text
    section = f" ({item.evidence.section})" if item.evidence.section else ""
    return [(text, ""), (f"\n“{item.evidence.quote}”{section}", "dim")]


def rows_table(diff: Diff, labels: Labels, evidence: bool = False) -> Table:
    """One row per diff row. Shown: kind, A's item, B's item, verdict, score, notes; data: every
    field apart, the verdict's code and symbol, the quotes, the further items and the passage."""
    a, b = labels.plan(diff.left.id), labels.plan(diff.right.id)
    columns = [
        Column("kind", labels("kind"), nowrap=True, type="id", show=lambda row: labels.kind(row["kind"])),
        Column("domain", labels("domain")),
        Column("status", labels("verdict"), type="verdict", role="data",
               sheet_text=lambda row: status_text(row["_row"], labels)),
        Column("symbol", labels("symbol"), role="data", internal=True),
        Column("binding", labels("binding"), role="data"),
        *_side_columns("left", a, labels),
        Column("national", a, role="shown", breaks=True,
               show=lambda row: _with_quote(side_text(row["_row"].left), row["_row"].left, evidence)),
        *_side_columns("right", b, labels),
        Column("right", b, role="shown", breaks=True,
               show=lambda row: _with_quote(right_text(row["_row"], labels), row["_row"].right, evidence)),
        Column("verdict", labels("verdict"), nowrap=True, type="verdict", role="shown", strong=True,
               show=lambda row: status_text(row["_row"], labels)),
        Column("score", labels("score"), nowrap=True, type="number", fmt="{:.4f}", internal=True,
               show=lambda row: score_text(row["_row"], labels)),
        Column("confidence", labels("confidence"), role="data", internal=True),
        Column("reasons", labels("reasons"), role="data"),
        Column("notes", labels("notes")),
        Column("left_quote", f"{a} {labels('quote')}", role="data"),
        Column("right_quote", f"{b} {labels('quote')}", role="data"),
        Column("also_ids", labels("also_ids"), role="data", internal=True),
        Column("passage", labels("passage"), role="data"),
    ]
    rows = []
    for r in diff.rows:
        rows.append({"_row": r, "kind": r.kind, "domain": r.domain, "status": r.status,
                     "symbol": SYMBOLS.get(r.status, ""), "binding": row_binding(r) or "",
                     **_side_cells("left", r.left), **_side_cells("right", r.right),
                     "score": None if r.score is None else round(r.score, 4), "confidence": r.confidence or "",
                     "reasons": labels.notes(r.reasons), "notes": notes_text(r, labels),
                     "left_quote": r.left.evidence.quote if r.left else "",
                     "right_quote": r.right.evidence.quote if r.right else "",
                     "also_ids": " ".join(i.id for i in r.also), "passage": passage_text(r, limit=10**6),
                     "_style": {"verdict": STYLES.get(r.status, "")}})
    return Table("", columns, rows, group="domain", main=True, split="kind", lead=("domain", "left_name"))


def _side_columns(prefix: str, plan_id: str, labels: Labels) -> list[Column]:
    said = lambda key: f"{plan_id} {labels(key)}"   # noqa: E731
    return [Column(f"{prefix}_id", said("id"), type="id", role="data", internal=True),
            Column(f"{prefix}_name", said("name"), role="data"),
            Column(f"{prefix}_value", said("as_written"), role="data"),
            Column(f"{prefix}_baseline", said("baseline"), type="number", role="data"),
            Column(f"{prefix}_baseline_year", said("baseline_year"), type="year", role="data"),
            Column(f"{prefix}_comparator", said("comparator"), role="data"),
            Column(f"{prefix}_target", said("target"), type="number", role="data"),
            Column(f"{prefix}_unit", said("unit"), role="data"),
            Column(f"{prefix}_year", said("year"), type="year", role="data"),
            Column(f"{prefix}_binding", said("binding"), role="data")]


# ---------------------------------------------------------------- the text layout

def text(diff: Diff, declared: list[Table], view: View, list_added: bool = True, evidence: bool = False) -> str:
    """The diff as text: the title, the summary of every row, then the rows (without `added`
    ones unless `list_added`: they are counted all the same), laid out for the view's width."""
    from . import textgrid

    _, summary, rows = declared
    labels, width, color = view.labels, view.width, view.color
    assert width is not None, "text is laid out for a width (View.whole() is for the formats without one)"
    listed = rows.rows if list_added else [r for r in rows.rows if r["status"] != "added"]
    hidden = len(rows.rows) - len(listed)
    a, b = diff.left, diff.right
    lines = textgrid.paragraph(f"{a.name} ({labels.plan(a.id)})  {labels('vs')}  {b.name} ({labels.plan(b.id)})", width,
                               "bold", color)
    for plan in (a, b):   # a draft is never shown as a finding: said under the title and in the summary
        mark = plan_mark(plan, labels, hint=True)
        if mark:
            lines += textgrid.paragraph(f"{labels.plan(plan.id)}: {mark}", width, "bold yellow", color)
    lines += ["", *_summary_lines(summary, width, color, labels, hidden, labels.plan(a.id), labels.plan(b.id), (a, b))]
    by_key = {c.key: c for c in rows.columns}
    kind_column, score, notes_column = width >= NO_SCORE, width >= FULL, width >= KIND_IN_TITLE
    columns = []
    if kind_column:
        columns.append(textgrid.Column(labels("kind"), no_wrap=True, min_width=8 if score else 0))
    columns += [textgrid.Column(by_key["national"].title, ratio=6), textgrid.Column(by_key["right"].title, ratio=6),
                textgrid.Column(labels("verdict"), no_wrap=True)]
    if score:
        columns.append(textgrid.Column(labels("score"), no_wrap=True, min_width=11))
    if notes_column:
        columns.append(textgrid.Column(labels("notes"), ratio=5))
    group = (lambda r: r["domain"]) if kind_column else (lambda r: (r["domain"], r["kind"]))
    for key, group_rows in groupby(listed, key=group):
        name = key if kind_column else f"{key[0]} · {labels.kind(key[1])}"
        grid = textgrid.Grid(list(columns), title=name, title_style="italic", expand=True, row_gaps=evidence)
        for r in group_rows:
            cells: list[textgrid.Cell] = []
            if kind_column:
                cells.append(labels.kind(r["kind"], short=not score))
            right = shown_cell(r, by_key["right"])
            if not notes_column and r["notes"]:   # the notes, dim, under B's cell
                right = (right if isinstance(right, list) else [(right, "")]) + [(f"\n{r['notes']}", "dim")]
            cells += [shown_cell(r, by_key["national"]), right, (shown_cell(r, by_key["verdict"]), r["_style"]["verdict"])]
            if score:
                cells.append(shown_cell(r, by_key["score"]))
            if notes_column:
                cells.append(r["notes"])
            grid.add_row(*cells)
        lines += ["", *textgrid.render(grid, width, color)]
    return "\n".join(lines) + "\n"


def _summary_lines(summary: Table, width: int, color: bool, labels: Labels, hidden: int, a: str, b: str,
                   plans: tuple = ()) -> list[str]:
    """The answer: how many of A's commitments B exceeds, matches … (one line), the counts per
    domain, and how many `added` rows the listing leaves out (`hidden`)."""
    from . import textgrid

    *domains, total = summary.rows
    shown = [c.key for c in summary.columns if c.key in SYMBOLS]
    counts = {s: total[s] for s in shown}
    compared, said = verdict_counts(counts, labels)
    lead = labels("verdict_line", total=compared, ref=a, plan=b)
    out = textgrid.paragraph(labels("summary"), width, "italic", color)
    out += textgrid.pack(said, width, lead if labels.zh else lead + " ", labels.sep, "bold", color)
    for plan in plans:
        mark = plan_mark(plan, labels)
        if mark:
            out += textgrid.paragraph(f"{plan.id}: {mark}", width, "bold yellow", color)
    if domains:
        out += ["", *_domain_table(domains, counts, width, color, labels)]
    if hidden:
        out += ["", *textgrid.paragraph(labels("added_hidden", n=hidden, plan=b, ref=a), width, "dim", color)]
    return out


def _domain_table(domains: list[dict], counts: dict, width: int, color: bool, labels: Labels) -> list[str]:
    """Counts per domain and verdict: verdict names as headers when that fits, else symbols
    under a legend, else one line per domain."""
    from . import textgrid

    shown = list(counts)
    total = sum(counts.values())
    for symbols in (False, True):
        grid = textgrid.Grid([textgrid.Column(labels("domain")),
                              *(textgrid.Column((SYMBOLS[s] if symbols else labels.status(s), STYLES.get(s, "")),
                                                justify="right", no_wrap=symbols) for s in shown),
                              textgrid.Column(labels("all"), justify="right")])
        for c in domains:
            grid.add_row(c["domain"], *(str(c[s] or "") for s in shown), str(sum(c[s] for s in shown)))
        grid.add_row((labels("all"), "bold"), *((str(counts[s]), "bold") for s in shown), (str(total), "bold"))
        if textgrid.natural_width(grid, header_words=True) <= width:
            lines = textgrid.render(grid, width, color)
            return (_legend(shown, width, color, labels) + lines) if symbols else lines
    out = _legend(shown, width, color, labels)
    for c in domains:
        parts = "  ".join(f"{SYMBOLS[s]} {c[s]}" for s in shown if c[s])
        out += textgrid.paragraph(f"{c['domain']}{labels.colon}{parts}  ({sum(c[s] for s in shown)})", width)
    out += textgrid.paragraph(labels("all") + labels.colon + "  ".join(f"{SYMBOLS[s]} {counts[s]}" for s in shown)
                              + f"  ({total})", width, "bold", color)
    return out


def _legend(shown: list[str], width: int, color: bool, labels: Labels) -> list[str]:
    from . import textgrid

    return textgrid.pack([legend_item(s, labels) for s in shown], width, labels("legend") + labels.colon, "  ",
                         "dim", color)
