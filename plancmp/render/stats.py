"""`plancmp stats` as a table: the counts per plan and domain, the lost parts of the sources."""
from __future__ import annotations

from ..core.i18n import Labels
from ..views.stats import COUNTS
from .result import Result
from .sheets import Sheet
from .tabular import Column, Table


def result(report: dict) -> Result:
    """`plancmp stats`: the counts per plan and domain (views/stats.py), the source gaps under them."""
    return Result(report, tables=lambda view: [stats_table(report, view.labels)],
                  sheets=lambda view: stats_sheets(report, view.labels))


def stats_table(report: dict, labels):
    """The counts per plan and domain. Narrower, the plan moves into section titles, then the
    three target columns are headed `targets: table`, `text`, `box`: domain names stay whole."""
    domain = Column("domain", labels("domain"), least=12)   # 优军服务保障
    counts = [Column(c, c, "right") for c in COUNTS]
    short = [Column(c, title, "right") for c, title in zip(COUNTS, ("targets: table", "text", "box", *COUNTS[3:]))]
    return Table(labels("stats_title"), [Column("plan", labels("plan"), nowrap=True), domain, *counts], report["rows"],
                 notes=gap_lines(report),
                 narrower=[Table("", [Column("plan", ""), domain, *counts], report["rows"], group="plan"),
                           Table("", [Column("plan", ""), domain, *short], report["rows"], group="plan")])


def gap_lines(report: dict) -> list[str]:
    lines = []
    for gap in report["gaps"]:
        revealed = f" Reveals: {', '.join(gap['reveals'])}." if gap["reveals"] else ""
        lines.append(f"gap {gap['plan']}:{gap['id']} {gap['section']}: {gap['description']}{revealed}")
    return lines or ["no source gaps recorded"]


# ---------------------------------------------------------------- the workbook

def stats_sheets(report: dict, labels: Labels) -> list[Sheet]:
    totals = [r for r in report["rows"] if r["domain"] == "(all)"]
    sheets = [Sheet(labels("summary"), [labels("plan"), *COUNTS], [[r["plan"], *(r[c] for c in COUNTS)] for r in totals])]
    sheets.append(Sheet(labels("summary_by_domain"), [labels("plan"), labels("domain"), *COUNTS],
                        [[r["plan"], r["domain"], *(r[c] for c in COUNTS)] for r in report["rows"]]))
    sheets.append(Sheet(labels("gaps_title"), [labels("plan"), labels("id"), labels("section"), "description", "reveals"],
                        [[g["plan"], g["id"], g["section"], g["description"], ", ".join(g["reveals"])] for g in report["gaps"]],
                        frozenset({3})))
    return sheets
