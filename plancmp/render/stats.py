"""`plancmp stats` as a table: the counts per plan and domain, the lost parts of the sources."""
from __future__ import annotations

from ..views.stats import COUNTS
from .gaps import gap_text
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
                                                 *(Column(c, _count_title(c, labels), "right", type="number")
                                                   for c in COUNTS)],
                 rows, role="data", sheet=labels("summary"))


def gaps_table(report: dict, labels) -> Table:
    """What the source copies lost (text: the notes under the counts)."""
    columns = [Column("plan", labels("plan")), Column("id", labels("id"), type="id"),
               Column("section", labels("section")), Column("description", labels("description")),
               Column("reveals", labels("reveals"))]
    rows = [{**g, "description": gap_text(g, labels)} for g in report["gaps"]]
    return Table(labels("gaps_title"), columns, rows, role="data", lead=("plan", "id"))


def _count_title(count: str, labels) -> str:
    """`targets (table)` as the reader's language says it (指标（指标表）); English as it is."""
    kind, _, basis = count.partition(" (")
    if not labels.zh:
        return count
    return labels.kind(kind) + (f"（{labels.basis(basis.rstrip(')'))}）" if basis else "")


def stats_table(report: dict, labels):
    """The counts per plan and domain. Narrower, the plan moves into section titles, then the
    three target columns are headed `targets: table`, `text`, `box`: domain names stay whole."""
    counts = [Column(c, _count_title(c, labels), "right", type="number") for c in COUNTS]
    short_titles = ("targets: table", "text", "box", *COUNTS[3:]) if not labels.zh else \
        (f"{labels.kind('targets')}：{labels.basis('table')}", labels.basis("text"), labels.basis("box"),
         *(labels.kind(c) for c in COUNTS[3:]))
    short = [Column(c, title, "right") for c, title in zip(COUNTS, short_titles)]
    plan = Column("plan", labels("plan"), nowrap=True, show=lambda row: labels.plan(row["plan"]))
    domain = Column("domain", labels("domain"), least=12,
                    show=lambda row: labels("all_domains") if row["domain"] == "(all)" else row["domain"])
    return Table(labels("stats_title"), [plan, domain, *counts], report["rows"],
                 sheet=labels("summary_by_domain"), lead=("plan", "domain"), main=True,
                 notes=gap_lines(report, labels),
                 narrower=[Table("", [plan._replace(title=""), domain, *counts], report["rows"], group="plan"),
                           Table("", [plan._replace(title=""), domain, *short], report["rows"], group="plan")])


def gap_lines(report: dict, labels=None) -> list[str]:
    from ..core.i18n import Labels

    labels = labels or Labels("en")
    lines = []
    for gap in report["gaps"]:
        if labels.zh:
            revealed = f"已知所含指标：{'、'.join(gap['reveals'])}。" if gap["reveals"] else ""
            lines.append(f"{labels('show_gap')} {labels.plan(gap['plan'])}:{gap['id']} {gap['section']}："
                         f"{gap_text(gap, labels)}{revealed}")
        else:
            revealed = f" Reveals: {', '.join(gap['reveals'])}." if gap["reveals"] else ""
            lines.append(f"gap {gap['plan']}:{gap['id']} {gap['section']}: {gap['description']}{revealed}")
    return lines or [labels("no_gaps_recorded")]
