"""`plancmp stats` as a table: the counts per plan and domain, the lost parts of the sources."""
from __future__ import annotations

from ..views.stats import COUNTS
from .result import Result
from .tabular import Column, Table


def result(report: dict) -> Result:
    """`plancmp stats`: the counts per plan and domain (views/stats.py), the source gaps under them;
    a workbook also has the counts per plan and the gaps as sheets of their own."""
    plans = list(dict.fromkeys(r["plan"] for r in report["rows"]))
    return Result(report, tables=lambda view: [totals_table(report, view.labels), stats_table(report, view.labels),
                                              gaps_table(report, view.labels)],
                  title=lambda view: ", ".join(view.labels.plan(p) for p in plans))


def totals_table(report: dict, labels) -> Table:
    """The counts per plan (a workbook's first sheet)."""
    rows = [r for r in report["rows"] if r["domain"] == "(all)"]
    return Table(labels("stats_summary_title"), [Column("plan", labels("plan"), nowrap=True),
                                                 *(Column(c, c, "right", type="number") for c in COUNTS)],
                 rows, role="data", sheet=labels("summary"))


def gaps_table(report: dict, labels) -> Table:
    """What the source copies lost (text: the notes under the counts)."""
    columns = [Column("plan", labels("plan")), Column("id", labels("id"), type="id"),
               Column("section", labels("section")), Column("description", labels("description")),
               Column("reveals", labels("reveals"))]
    return Table(labels("gaps_title"), columns, report["gaps"], role="data", lead=("plan", "id"))


def stats_table(report: dict, labels):
    """The counts per plan and domain. Narrower, the plan moves into section titles, then the
    three target columns are headed `targets: table`, `text`, `box`: domain names stay whole."""
    domain = Column("domain", labels("domain"), least=12)   # 优军服务保障
    counts = [Column(c, c, "right", type="number") for c in COUNTS]
    short = [Column(c, title, "right") for c, title in zip(COUNTS, ("targets: table", "text", "box", *COUNTS[3:]))]
    return Table(labels("stats_title"), [Column("plan", labels("plan"), nowrap=True), domain, *counts], report["rows"],
                 sheet=labels("summary_by_domain"), lead=("plan", "domain"), main=True,
                 notes=gap_lines(report),
                 narrower=[Table("", [Column("plan", ""), domain, *counts], report["rows"], group="plan"),
                           Table("", [Column("plan", ""), domain, *short], report["rows"], group="plan")])


def gap_lines(report: dict) -> list[str]:
    lines = []
    for gap in report["gaps"]:
        revealed = f" Reveals: {', '.join(gap['reveals'])}." if gap["reveals"] else ""
        lines.append(f"gap {gap['plan']}:{gap['id']} {gap['section']}: {gap['description']}{revealed}")
    return lines or ["no source gaps recorded"]
