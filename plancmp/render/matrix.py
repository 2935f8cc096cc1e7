"""`plancmp matrix` as tables: the answer first (coverage over all domains, the legend),
then the verdict grid, then coverage per province and domain.

Narrower, the grid gives up the id column first (`plancmp show` finds an item by its
name too), then the national value moves under the name; the coverage tables give each
province's (or domain's) buckets a line each in one cell, `22 (54%) matched or exceeded`,
instead of a column each: names are the last thing squeezed."""
from __future__ import annotations

from ..core.i18n import Labels
from ..core.verdicts import BUCKETS, SYMBOLS
from .diff_cells import when
from .result import Result
from .sheets import Sheet, Verdict
from .tabular import Column, Table
from .verdict_style import STYLES, legend_item


def result(matrices: list[dict]) -> Result:
    """`plancmp matrix`: per kind, its coverage over all domains (with the legend), the grid
    (CSV: the first kind's), the coverage per province and domain."""
    data = matrices[0] if len(matrices) == 1 else {"kinds": matrices}
    return Result(data, tables=lambda view: [t for m in matrices for t in (
        summary_table(m, view.labels), grid_table(m, view.labels), coverage_table(m, view.labels))],
        sheets=lambda view: matrix_sheets(matrices, view.labels))


def legend_items(labels: Labels) -> list[str]:
    """The verdicts a cell can hold (a province's own additions are not in the grid)."""
    return [legend_item(status, labels) for status in SYMBOLS if status != "added"]


def _when(row: dict) -> str:
    said = when(row.get("year"), row.get("binding"))
    return f" ({said})" if said else ""


NAME = 16     # display columns a name keeps before the layout gives way elsewhere (8 hanzi)
DOMAIN = 12   # a domain's name whole: 优军服务保障


def _coverage_row(c: dict, labels: Labels) -> dict:
    """One coverage record as cells: a column per bucket, and the buckets that hold any, a line
    each, in one cell (`buckets`)."""
    row = {b: f"{c['counts'][b]} ({c['shares'][b]:.0%})" for b in BUCKETS}
    said = [labels.count(row[b], labels.bucket(b)) for b in BUCKETS if c["counts"][b]]
    return {"plan": c["plan"], "domain": c["domain"], "total": str(c["total"]), **row,
            "buckets": "\n".join(said) or "—"}


def _coverage_columns(labels: Labels, lead: list[Column]) -> tuple[list[Column], list[Column]]:
    """A column per bucket; and, narrower, one column with a line per bucket that holds any."""
    wide = lead + [Column(b, labels.bucket(b), "right", nowrap=True) for b in BUCKETS]
    return wide, lead + [Column("buckets", labels("coverage"), least=NAME, role="shown")]


def summary_table(data: dict, labels: Labels | None = None) -> Table:
    """Coverage per province over all domains, with the legend: what the grid below says."""
    labels = labels or Labels("en")
    kind = labels.kind(data["kind"])
    wide, narrow = _coverage_columns(labels, [Column("plan", labels("plan"), nowrap=True),
                                              Column("total", labels("national_items"), "right")])
    rows = [_coverage_row(c, labels) for c in data["coverage"] if c["domain"] == "(all)"]
    added = labels.sep.join(f"{pid} {n}" for pid, n in data["added"].items())
    return Table(labels("coverage_summary_title", ref=data["reference"], kind=kind), wide, rows,
                 intro=[[labels("legend") + labels.colon, *legend_items(labels)],
                        labels("matrix_not_in_grid", kind=kind, added=added)],
                 narrower=[Table("", narrow, rows)], role="shown")


def grid_table(data: dict, labels: Labels | None = None) -> Table:
    """The grid: a verdict symbol per national item and province (CSV and workbooks: the verdict's
    code, which no spreadsheet reads as a formula, and the year and 属性 in columns of their own)."""
    labels = labels or Labels("en")
    ref = data["reference"]
    symbols = [Column(pid, pid, "center", nowrap=True, type="verdict", show=_symbol(pid)) for pid in data["plans"]]
    name = Column("name", labels("name"), least=NAME)
    value = Column("value", ref, least=12, show=lambda row: row["value"] + _when(row))
    columns = [Column("domain", labels("domain")), Column("id", f"{ref} {labels.kind(data['kind'])}", type="id"),
               name, value, Column("year", "year", type="year", role="data"),
               Column("binding", "binding", role="data"), *symbols]
    rows = []
    for r in data["rows"]:
        row = {"domain": r["domain"], "id": r["id"], "name": r["name"], "value": r["value"],
               "year": r.get("year") or "", "binding": r.get("binding") or "",
               "_style": {pid: STYLES.get(c["status"], "") for pid, c in r["cells"].items()}}
        row |= {pid: c["status"] for pid, c in r["cells"].items()}
        shown = row["value"] + _when(row)
        row["name_value"] = [(r["name"], ""), (f"\n{shown}", "dim")] if shown else [(r["name"], "")]
        rows.append(row)
    no_id = Table("", [columns[0], name, value, *symbols], rows, group="domain")
    value_under_name = Table("", [columns[0], Column("name_value", f"{labels('name')} · {ref}", least=NAME), *symbols],
                             rows, group="domain")
    return Table(labels("matrix_title", ref=ref, kind=labels.kind(data["kind"])), columns, rows, group="domain",
                 notes=[labels("legend") + labels.colon + "  ".join(legend_items(labels))],
                 narrower=[no_id, value_under_name], main=True)


def _symbol(pid: str):
    return lambda row: SYMBOLS.get(row[pid], "")


def coverage_table(data: dict, labels: Labels | None = None) -> Table:
    labels = labels or Labels("en")
    wide, narrow = _coverage_columns(labels, [Column("plan", labels("plan"), nowrap=True),
                                              Column("domain", labels("domain"), least=DOMAIN),
                                              Column("total", labels("national_items"), "right")])
    rows = [_coverage_row(c, labels) for c in data["coverage"]]
    return Table(labels("coverage_title", ref=data["reference"], kind=labels.kind(data["kind"])), wide, rows,
                 group="plan", notes=[labels("coverage_note")], narrower=[Table("", narrow, rows, group="plan")])


# ---------------------------------------------------------------- the workbook

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
