"""What each command puts in a workbook (`--format xlsx`): a summary sheet first, then one
sheet per kind. Plain data (no openpyxl here: render/xlsx.py writes it). Every value has a
column of its own: verdict (in words, coloured) and its code, ids, names, values, target
year, 属性, and the quotes.
"""
from __future__ import annotations

from typing import NamedTuple

from ..core.i18n import Labels
from ..core.verdicts import BUCKETS, SYMBOLS
from ..core.verdicts import STATUSES, Diff, row_binding
from .diff_cells import passage_text, value_text


class Verdict(NamedTuple):
    """A cell showing a verdict: its words, filled with the verdict's colour."""

    text: str
    status: str


class Sheet(NamedTuple):
    name: str
    header: list[str]
    rows: list[list]
    wrap: frozenset = frozenset()   # column indexes whose long texts wrap (quotes, notes)


def _item_cells(item) -> list:
    if item is None:
        return ["", "", "", "", ""]
    return [item.id, item.name, value_text(item), getattr(item, "year", None) if item.kind == "targets" else None,
            getattr(item, "binding", None) or ""]


def diff_sheets(diff: Diff, labels: Labels) -> list[Sheet]:
    """summary (counts per domain and verdict), then one sheet per kind with every row."""
    a, b = diff.left.id, diff.right.id
    summary = diff.summary()
    shown = [s for s in STATUSES if summary["by_status"][s]]
    rows = [[domain, *(c[s] for s in shown), sum(c.values())] for domain, c in summary["by_domain"].items()]
    rows.append([labels("all"), *(summary["by_status"][s] for s in shown), summary["total"]])
    sheets = [Sheet(labels("summary"), [labels("domain"), *(labels.status(s) for s in shown), labels("all")], rows)]
    item_header = [labels("id"), labels("name"), labels("value"), labels("year"), labels("binding")]
    header = [labels("domain"), labels("verdict"), "status", labels("binding"),
              *(f"{a} {h}" for h in item_header), *(f"{b} {h}" for h in item_header),
              labels("score"), "confidence", labels("notes"), "reasons", "also", "passage",
              f"{a} {labels('quote')}", f"{b} {labels('quote')}"]
    for kind in dict.fromkeys(r.kind for r in diff.rows):
        body = []
        for r in diff.rows:
            if r.kind != kind:
                continue
            body.append([r.domain, Verdict(labels.status(r.status), r.status), r.status, row_binding(r) or "",
                         *_item_cells(r.left), *_item_cells(r.right),
                         None if r.score is None else round(r.score, 4), r.confidence or "",
                         labels.notes(r.notes), labels.notes(r.reasons), " ".join(i.id for i in r.also),
                         passage_text(r, limit=10**6),
                         r.left.evidence.quote if r.left else "", r.right.evidence.quote if r.right else ""])
        sheets.append(Sheet(labels.kind(kind), header, body, frozenset({len(header) - 2, len(header) - 1})))
    return sheets


def targets_sheets(data: dict, labels: Labels) -> list[Sheet]:
    """summary (each province's verdicts), the grid (one row per indicator, one column per plan),
    and targets: one line per indicator and plan, each value in its own column, with its quote."""
    from ..views.targetgrid import province_counts
    from .targets import cell_text, target_lines

    counts = province_counts(data)
    sheets = [Sheet(labels("summary"), [labels("plan"), *(labels.status(s) for s in STATUSES)],
                    [[pid, *(c[s] for s in STATUSES)] for pid, c in counts.items()])]
    grid = [[r["domain"], r["indicator"], r["unit"] or "",
             *(Verdict(cell_text(r["cells"][p], labels), r["cells"][p]["status"]) for p in data["plans"])]
            for r in data["rows"]]
    sheets.append(Sheet("grid", [labels("domain"), labels("indicator"), labels("unit"), *data["plans"]], grid))
    header = [labels("domain"), labels("indicator"), labels("plan"), labels("verdict"), "status", labels("id"),
              labels("baseline"), "baseline_year", labels("target"), labels("unit"), labels("year"), labels("binding"),
              labels("basis"), labels("flags"), labels("section"), labels("quote")]
    rows = [[t["domain"], t["indicator"], t["plan"], Verdict(labels.status(t["status"]), t["status"]), t["status"],
             t["id"], t["baseline"], t["baseline_year"] or None, t["target"], t["unit"], t["year"] or None,
             t["binding"], t["basis"], t["flags"], t["section"], t["quote"]] for t in target_lines(data)]
    sheets.append(Sheet(labels.kind("targets"), header, rows, frozenset({len(header) - 1})))
    return sheets


def matrix_sheets(matrices: list[dict], labels: Labels) -> list[Sheet]:
    """summary (coverage per province, kind and domain), then one grid per kind."""
    header = [labels("kind"), labels("plan"), labels("domain"), labels("national_items"),
              *(labels.bucket(b) for b in BUCKETS), *(f"{labels.bucket(b)} %" for b in BUCKETS)]
    rows = [[labels.kind(m["kind"]), c["plan"], c["domain"], c["total"], *(c["counts"][b] for b in BUCKETS),
             *(round(100 * c["shares"][b], 1) for b in BUCKETS)] for m in matrices for c in m["coverage"]]
    sheets = [Sheet(labels("summary"), header, rows)]
    for m in matrices:
        ref = m["reference"]
        head = [labels("domain"), labels("id"), labels("name"), f"{ref} {labels('value')}", labels("year"),
                labels("binding"), *m["plans"], f"{ref} {labels('quote')}"]
        body = [[r["domain"], r["id"], r["name"], r["value"], r.get("year"), r.get("binding") or "",
                 *(Verdict(f"{SYMBOLS[r['cells'][p]['status']]} {labels.status(r['cells'][p]['status'])}",
                           r["cells"][p]["status"]) for p in m["plans"]), r["quote"]] for r in m["rows"]]
        sheets.append(Sheet(labels.kind(m["kind"]), head, body, frozenset({len(head) - 1})))
    return sheets


def stats_sheets(report: dict, labels: Labels) -> list[Sheet]:
    from ..views.stats import COUNTS

    totals = [r for r in report["rows"] if r["domain"] == "(all)"]
    sheets = [Sheet(labels("summary"), [labels("plan"), *COUNTS], [[r["plan"], *(r[c] for c in COUNTS)] for r in totals])]
    sheets.append(Sheet(labels("summary_by_domain"), [labels("plan"), labels("domain"), *COUNTS],
                        [[r["plan"], r["domain"], *(r[c] for c in COUNTS)] for r in report["rows"]]))
    sheets.append(Sheet(labels("gaps_title"), [labels("plan"), labels("id"), labels("section"), "description", "reveals"],
                        [[g["plan"], g["id"], g["section"], g["description"], ", ".join(g["reveals"])] for g in report["gaps"]],
                        frozenset({3})))
    return sheets
