"""`plancmp targets` as tables: one row per indicator, one column per plan.

Narrower, the unit column goes first (the unit follows the indicator's name, as the plans'
tables write it), then each plan's cell moves onto a line of its own under the indicator
(one row per indicator and plan): names are the last thing squeezed."""
from __future__ import annotations

from ..core.commitment import target_figures
from ..core.i18n import Labels
from ..core.model import Baseline
from ..core.verdicts import STATUSES, SYMBOLS
from ..views.targetgrid import province_counts
from .diff_cells import when
from .drafts import mark
from .result import Result
from .tabular import Column, Table
from .verdict_style import STYLES, legend_item


def result(data: dict) -> Result:
    """`plancmp targets`: the grid (views/targetgrid.py) as a table; a workbook also has each
    province's verdict counts and the grid's flat lines (CSV: those lines)."""
    return Result(data, tables=lambda view: [counts_table(data, view.labels), targets_table(data, view.labels),
                                            targets_lines_table(data, view.labels)],
                  title=lambda view: f"{view.labels('targets_title')}: "
                                     + ", ".join(view.labels.plan(p) for p in data["plans"]))


def counts_table(data: dict, labels: Labels) -> Table:
    """Each province's verdicts over the grid, as numbers (a workbook's first sheet; the text
    says them in its intro)."""
    columns = [Column("plan", labels("plan")), *(Column(s, labels.status(s), "right", type="number") for s in STATUSES)]
    rows = [{"plan": pid, **counts} for pid, counts in province_counts(data).items()]
    return Table(labels("targets_summary", n=len(data["rows"]), ref=labels.plan(data["reference"])), columns, rows, role="data",
                 sheet=labels("summary"))


def cell_text(cell: dict, labels: Labels | None = None) -> str:
    """`= 85.2% → >90% (2025, 约束性) [text; annual avg]`: verdict symbol, value as written,
    target year and 属性, marks."""
    labels = labels or Labels("en")
    if cell["id"] is None:
        return "" if cell["status"] == "absent" else f"{SYMBOLS.get(cell['status'], '')} {labels.status(cell['status'])}"
    value, basis = cell["value"], labels.basis(cell["basis"])
    if cell.get("kind") in ("services", "tasks"):   # the target stated in a task or service: its kind, in words
        where = cell["basis"].partition("(")[2].rstrip(")") or "list"
        value = f"({labels.kind(cell['kind'])}) {cell['indicator']}"
        basis = f"{labels.kind_one(cell['kind'])} ({labels.basis(where)})"
    marks = ([basis] if cell["body_text"] else []) + [labels.flag(f) for f in cell["flags"]]
    symbol = SYMBOLS.get(cell["status"], "")
    text = f"{symbol} {value}" if symbol else value
    said = when(cell.get("year"), cell.get("binding"))
    return text + (f" ({said})" if said else "") + (f" [{'; '.join(marks)}]" if marks else "")


def plan_title(pid: str, data: dict, labels: Labels) -> str:
    """A plan's column head: `fujian (draft)` while it holds drafts."""
    return f"{labels.plan(pid)} ({labels('draft_item')})" if pid in (data.get("drafts") or {}) else labels.plan(pid)


def summary_lines(data: dict, labels: Labels) -> list[str | list[str]]:
    """The answer first: how many indicators, each province's verdicts, the legend."""
    lines: list[str | list[str]] = [labels("targets_summary", n=len(data["rows"]), ref=labels.plan(data["reference"]))]
    drafted = data.get("drafts") or {}
    for pid, counts in province_counts(data).items():
        said = labels.sep.join(labels.count(n, legend_item(s, labels)) for s, n in counts.items() if n)
        draft = f" ({mark(drafted[pid], labels)})" if pid in drafted else ""
        lines.append(f"{labels.plan(pid)}{draft}{labels.colon}{said or labels('none')}")
    lines += [[labels("legend") + labels.colon, *(legend_item(s, labels) for s in SYMBOLS)],
              labels("targets_reference", ref=labels.plan(data["reference"])),
              labels("targets_marks")]
    return lines


NAME = 16   # display columns an indicator name keeps before the layout gives way elsewhere (8 hanzi)
CELL = 12   # and a plan's cell (`aspirational`, the longest mark, stays whole)


def targets_table(data: dict, labels: Labels | None = None) -> Table:
    labels = labels or Labels("en")
    plans = data["plans"]
    rows = []
    for r in data["rows"]:
        row = {"domain": r["domain"], "indicator": r["indicator"], "unit": r["unit"] or "",
               "named": with_unit(r["indicator"], r["unit"], labels),
               "_text": {pid: cell_text(c, labels) for pid, c in r["cells"].items()},
               "_style": {pid: STYLES.get(c["status"], "") for pid, c in r["cells"].items()}}
        row |= {pid: c["status"] for pid, c in r["cells"].items()}
        rows.append(row)
    cells = [Column(pid, plan_title(pid, data, labels), least=CELL, type="verdict", show=_text(pid), sheet_text=_text(pid)) for pid in plans]
    full = [Column("domain", labels("domain")), Column("indicator", labels("indicator"), least=NAME),
            Column("unit", labels("unit"), nowrap=True), *cells]
    no_unit = Table("", [Column("domain", ""), Column("named", labels("indicator"), least=NAME), *cells], rows, group="domain")
    return Table(labels("targets_title"), full, rows, group="domain", intro=summary_lines(data, labels),
                 narrower=[no_unit, _by_plan(rows, plans, labels)], sheet=labels("grid"), lead=("domain", "indicator"))


def _text(pid: str):
    return lambda row: row["_text"][pid]


def with_unit(name: str, unit: str | None, labels: Labels) -> str:
    """`学前教育毛入园率 (%)`, `学前教育毛入园率（%）` in Chinese: the unit after the name, as the tables write it."""
    if not unit:
        return name
    return f"{name}（{unit}）" if labels.zh else f"{name} ({unit})"


def _by_plan(rows: list[dict], plans: list[str], labels: Labels) -> Table:
    """One row per indicator and plan (the plans that state it), the indicator on its first."""
    long = []
    for row in rows:
        shown = [pid for pid in plans if row["_text"][pid]]
        for n, pid in enumerate(shown):
            long.append({"domain": row["domain"], "named": "" if n else row["named"], "plan": pid,
                         "cell": row["_text"][pid],
                         "_style": {"cell": row["_style"].get(pid, "")}})
    columns = [Column("domain", ""), Column("named", labels("indicator"), least=NAME),
               Column("plan", labels("plan"), nowrap=True, show=lambda r: labels.plan(r["plan"])),
               Column("cell", labels("target"), least=CELL)]
    return Table("", columns, long, group="domain")


def target_lines(data: dict) -> list[dict]:
    """The grid as one line per indicator and plan, each value in its own field (CSV and a
    workbook): the baseline and target as written, and as numbers with the comparator apart."""
    lines = []
    for r in data["rows"]:
        for pid, c in r["cells"].items():
            if c["status"] == "absent":
                continue
            base = c.get("baseline")
            numbers = target_figures(c.get("target"), Baseline(base["value"], base["year"]) if base else None,
                                     c.get("unit"), c.get("year"), c.get("flags") or ())
            lines.append({"domain": r["domain"], "indicator": r["indicator"], "plan": pid, "status": c["status"],
                          "symbol": SYMBOLS.get(c["status"], ""), "id": c.get("id") or "",
                          "baseline": base["value"] if base else "", "baseline_number": numbers.baseline,
                          "baseline_year": base["year"] if base else "",
                          "target": c.get("target") or "", "comparator": numbers.comparator,
                          "target_number": numbers.target, "unit": c.get("unit") or "", "year": c.get("year") or "",
                          "binding": c.get("binding") or "", "basis": c.get("basis") or "",
                          "flags": " ".join(c.get("flags") or ()), "section": c.get("section") or "",
                          "quote": c.get("quote") or ""})
    return lines


def targets_lines_table(data: dict, labels: Labels | None = None) -> Table:
    """One line per indicator and plan, one value per cell: the verdict and its symbol, the
    baseline and target as written and as numbers (with the comparator), unit, year, 属性,
    basis, flags, section and quote each in a column of its own (CSV; a workbook's sheet)."""
    labels = labels or Labels("en")
    columns = [Column("domain", labels("domain")), Column("indicator", labels("indicator")),
               Column("plan", labels("plan")), Column("status", labels("verdict"), type="verdict"),
               Column("symbol", labels("symbol"), internal=True), Column("id", labels("id"), type="id", internal=True),
               Column("baseline", labels("baseline_written")), Column("baseline_number", labels("baseline"), type="number"),
               Column("baseline_year", labels("baseline_year"), type="year"),
               Column("target", labels("target_written")), Column("comparator", labels("comparator")),
               Column("target_number", labels("target"), type="number"),
               Column("unit", labels("unit")), Column("year", labels("year"), type="year"),
               Column("binding", labels("binding")), Column("basis", labels("basis")),
               Column("flags", labels("flags")), Column("section", labels("section")), Column("quote", labels("quote"))]
    return Table(labels("targets_title"), columns, target_lines(data), role="data", main=True,
                 sheet=labels.kind("targets"), lead=("domain", "indicator", "plan"))
