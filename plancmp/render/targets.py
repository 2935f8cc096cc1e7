"""`plancmp targets` as tables: one row per indicator, one column per plan.

Narrower, the unit column goes first (the unit follows the indicator's name, as the plans'
tables write it), then each plan's cell moves onto a line of its own under the indicator
(one row per indicator and plan): names are the last thing squeezed."""
from __future__ import annotations

from ..core.i18n import Labels
from ..core.verdicts import STATUSES, SYMBOLS
from ..views.targetgrid import province_counts
from .diff_cells import when
from .result import Result
from .sheets import Sheet, Verdict
from .tabular import Column, Table
from .verdict_style import STYLES, legend_item


def result(data: dict) -> Result:
    """`plancmp targets`: the grid (views/targetgrid.py) as a table, and its flat lines (CSV)."""
    return Result(data, tables=lambda view: [targets_table(data, view.labels), targets_lines_table(data)],
                  sheets=lambda view: targets_sheets(data, view.labels))


def cell_text(cell: dict, labels: Labels | None = None) -> str:
    """`= 85.2% → >90% (2025, 约束性) [text; annual avg]`: verdict symbol, value as written,
    target year and 属性, marks."""
    labels = labels or Labels("en")
    if cell["id"] is None:
        return "" if cell["status"] == "absent" else f"{SYMBOLS.get(cell['status'], '')} {labels.status(cell['status'])}"
    marks = ([labels.basis(cell["basis"])] if cell["body_text"] else []) + [labels.flag(f) for f in cell["flags"]]
    symbol = SYMBOLS.get(cell["status"], "")
    text = f"{symbol} {cell['value']}" if symbol else cell["value"]
    said = when(cell.get("year"), cell.get("binding"))
    return text + (f" ({said})" if said else "") + (f" [{'; '.join(marks)}]" if marks else "")


def summary_lines(data: dict, labels: Labels) -> list[str | list[str]]:
    """The answer first: how many indicators, each province's verdicts, the legend."""
    lines: list[str | list[str]] = [labels("targets_summary", n=len(data["rows"]), ref=data["reference"])]
    for pid, counts in province_counts(data).items():
        said = labels.sep.join(labels.count(n, legend_item(s, labels)) for s, n in counts.items() if n)
        lines.append(f"{pid}{labels.colon}{said or labels('none')}")
    lines += [[labels("legend") + labels.colon, *(legend_item(s, labels) for s in SYMBOLS)],
              labels("targets_reference", ref=data["reference"]),
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
               "_style": {pid: STYLES.get(c["status"], "") for pid, c in r["cells"].items()}}
        row |= {pid: cell_text(c, labels) for pid, c in r["cells"].items()}
        rows.append(row)
    cells = [Column(pid, pid, least=CELL) for pid in plans]
    full = [Column("domain", labels("domain")), Column("indicator", labels("indicator"), least=NAME),
            Column("unit", labels("unit"), nowrap=True), *cells]
    no_unit = Table("", [Column("domain", ""), Column("named", labels("indicator"), least=NAME), *cells], rows, group="domain")
    return Table(labels("targets_title"), full, rows, group="domain", intro=summary_lines(data, labels),
                 narrower=[no_unit, _by_plan(rows, plans, labels)])


def with_unit(name: str, unit: str | None, labels: Labels) -> str:
    """`学前教育毛入园率 (%)`, `学前教育毛入园率（%）` in Chinese: the unit after the name, as the tables write it."""
    if not unit:
        return name
    return f"{name}（{unit}）" if labels.zh else f"{name} ({unit})"


def _by_plan(rows: list[dict], plans: list[str], labels: Labels) -> Table:
    """One row per indicator and plan (the plans that state it), the indicator on its first."""
    long = []
    for row in rows:
        shown = [pid for pid in plans if row.get(pid)]
        for n, pid in enumerate(shown):
            long.append({"domain": row["domain"], "named": "" if n else row["named"], "plan": pid, "cell": row[pid],
                         "_style": {"cell": row["_style"].get(pid, "")}})
    columns = [Column("domain", ""), Column("named", labels("indicator"), least=NAME),
               Column("plan", labels("plan"), nowrap=True), Column("cell", labels("target"), least=CELL)]
    return Table("", columns, long, group="domain")


def target_lines(data: dict) -> list[dict]:
    """The grid as one line per indicator and plan, each value in its own field (the
    spreadsheet formats: CSV and the xlsx targets sheet)."""
    lines = []
    for r in data["rows"]:
        for pid, c in r["cells"].items():
            if c["status"] == "absent":
                continue
            base = c.get("baseline") or {}
            lines.append({"domain": r["domain"], "indicator": r["indicator"], "plan": pid, "status": c["status"],
                          "symbol": SYMBOLS.get(c["status"], ""), "id": c.get("id") or "",
                          "baseline": base.get("value", ""), "baseline_year": base.get("year", ""),
                          "target": c.get("target") or "", "unit": c.get("unit") or "", "year": c.get("year") or "",
                          "binding": c.get("binding") or "", "basis": c.get("basis") or "",
                          "flags": " ".join(c.get("flags") or ()), "section": c.get("section") or "",
                          "quote": c.get("quote") or ""})
    return lines


def targets_lines_table(data: dict) -> Table:
    """One line per indicator and plan, one value per cell: the verdict and its symbol, the
    baseline, target, unit, year, binding and basis each in a column of its own (CSV)."""
    keys = ["domain", "indicator", "plan", "status", "symbol", "id", "baseline", "baseline_year", "target",
            "unit", "year", "binding", "basis", "flags", "section"]
    return Table("Targets across plans", [Column(k, k) for k in keys], target_lines(data), role="data", main=True)


# ---------------------------------------------------------------- the workbook

def targets_sheets(data: dict, labels: Labels) -> list[Sheet]:
    """summary (each province's verdicts), the grid (one row per indicator, one column per plan),
    and targets: one line per indicator and plan, each value in its own column, with its quote."""
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
