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
from .drafts import mark
from .result import Result
from .tabular import Column, Table
from .verdict_style import STYLES, legend_item


def result(matrices: list[dict]) -> Result:
    """`plancmp matrix`: per kind, its coverage over all domains (with the legend), the grid
    (CSV: the first kind's), the coverage per province and domain. A workbook: the coverage of
    every kind and of all kinds together per province and domain, as numbers, then a sheet per
    kind's grid."""
    data = matrices[0] if len(matrices) == 1 else {"kinds": matrices}
    ref = matrices[0]["reference"]
    return Result(data, tables=lambda view: [coverage_numbers_table(matrices, view.labels), *(
        t for m in matrices for t in (summary_table(m, view.labels), grid_table(m, view.labels),
                                      coverage_table(m, view.labels)))],
        title=lambda view: view.labels("matrix_workbook_title", ref=view.labels.plan(ref),
                                       plans=view.labels.sep.join(map(view.labels.plan, matrices[0]["plans"])),
                                       kinds=view.labels.sep.join(view.labels.kind(m["kind"]) for m in matrices)))


def coverage_numbers_table(matrices: list[dict], labels: Labels) -> Table:
    """Coverage per kind, province and domain, and over all the kinds shown together (the report's
    "% of 127"): each bucket's count and share, as numbers (a workbook's first sheet)."""
    rows = [{"kind": labels.kind(m["kind"]), **_coverage_numbers(c)} for m in matrices for c in m["coverage"]]
    if len(matrices) > 1:
        from ..views.matrix import coverage

        every = coverage([r for m in matrices for r in m["rows"]], matrices[0]["plans"])
        rows += [{"kind": labels("all_kinds"), **_coverage_numbers(c)} for c in every]
    columns = [Column("kind", labels("kind")), Column("plan", labels("plan")), Column("domain", labels("domain")),
               Column("total", labels("national_items"), "right", type="number"),
               *(Column(b, labels.bucket(b), "right", type="number") for b in BUCKETS),
               *(Column(f"{b} share", labels("share_of", bucket=labels.bucket(b)), "right", type="percent")
                 for b in BUCKETS)]
    return Table(labels("coverage"), columns, rows, role="data", lead=("kind", "plan", "domain"))


def _coverage_numbers(c: dict) -> dict:
    return {"plan": c["plan"], "domain": c["domain"], "total": c["total"], **c["counts"],
            **{f"{b} share": c["shares"][b] for b in BUCKETS}}


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
    return {"plan": labels.plan(c["plan"]), "domain": labels("all_domains") if c["domain"] == "(all)" else c["domain"], "total": str(c["total"]), **row,
            "buckets": "\n".join(said) or "—"}


def _coverage_columns(labels: Labels, lead: list[Column]) -> tuple[list[Column], list[Column]]:
    """A column per bucket; and, narrower, one column with a line per bucket that holds any."""
    wide = lead + [Column(b, labels.bucket(b), "right", nowrap=True) for b in BUCKETS]
    return wide, lead + [Column("buckets", labels("coverage"), least=NAME, role="shown")]


def plan_title(pid: str, data: dict, labels: Labels) -> str:
    """A province as a column or row head: `fujian (draft)` while it holds drafts."""
    return f"{labels.plan(pid)} ({labels('draft_item')})" if pid in (data.get("drafts") or {}) else labels.plan(pid)


def draft_notes(data: dict, labels: Labels) -> list[str]:
    """Under the table: each drafted plan's mark, and the plans left out (every item a draft)."""
    out = [f"{pid}: {mark(d, labels)}" for pid, d in (data.get("drafts") or {}).items()]
    if data.get("left_out"):
        out.append(labels("drafts_left_out", plans=", ".join(data["left_out"])))
    return out


def summary_table(data: dict, labels: Labels | None = None) -> Table:
    """Coverage per province over all domains, with the legend: what the grid below says."""
    labels = labels or Labels("en")
    kind = labels.kind(data["kind"])
    wide, narrow = _coverage_columns(labels, [Column("plan", labels("plan"), nowrap=True),
                                              Column("total", labels("national_items"), "right")])
    rows = [_coverage_row(c, labels) | {"plan": plan_title(c["plan"], data, labels)}
            for c in data["coverage"] if c["domain"] == "(all)"]
    added = labels.sep.join(f"{labels.plan(pid)} {n}" for pid, n in data["added"].items())
    return Table(labels("coverage_summary_title", ref=labels.plan(data["reference"]), kind=kind), wide, rows,
                 intro=[[labels("legend") + labels.colon, *legend_items(labels)],
                        labels("matrix_not_in_grid", kind=kind, added=added), *draft_notes(data, labels)],
                 narrower=[Table("", narrow, rows)], role="shown")


def grid_table(data: dict, labels: Labels | None = None) -> Table:
    """The grid: a verdict symbol per national item and province (CSV and workbooks: the verdict's
    code, which no spreadsheet reads as a formula, and the year and 属性 in columns of their own)."""
    labels = labels or Labels("en")
    ref = labels.plan(data["reference"])
    symbols = [Column(pid, plan_title(pid, data, labels), "center", nowrap=True, type="verdict", show=_symbol(pid))
               for pid in data["plans"]]
    name = Column("name", labels("name"), least=NAME)
    value = Column("value", ref, least=12, show=lambda row: row["value"] + _when(row))
    numbers = [Column(f, labels(f), type=t, role="data") for f, t in FIGURES] if data["kind"] == "targets" else []
    columns = [Column("domain", labels("domain")), Column("id", f"{ref} {labels.kind(data['kind'])}", type="id", nowrap=True, internal=True),
               name, value, *numbers, Column("year", labels("year"), type="year", role="data"),
               Column("binding", labels("binding"), role="data"), *symbols,
               *(Column(f"{pid} value", f"{labels.plan(pid)} {labels('value')}", role="data") for pid in data["plans"]),
               Column("quote", f"{ref} {labels('quote')}", role="data")]
    rows = []
    for r in data["rows"]:
        row = {"domain": r["domain"], "id": r["id"], "name": r["name"], "value": r["value"],
               **{f: (r.get("figures") or {}).get(f) for f, _ in FIGURES}, "quote": r.get("quote") or "",
               "year": r.get("year") or "", "binding": r.get("binding") or "",
               "_style": {pid: STYLES.get(c["status"], "") for pid, c in r["cells"].items()}}
        row |= {pid: c["status"] for pid, c in r["cells"].items()}
        row |= {f"{pid} value": c.get("counterpart_value") or "" for pid, c in r["cells"].items()}   # with its unit
        shown = row["value"] + _when(row)
        row["name_value"] = [(r["name"], ""), (f"\n{shown}", "dim")] if shown else [(r["name"], "")]
        rows.append(row)
    no_id = Table("", [columns[0], name, value, *symbols], rows, group="domain")
    value_under_name = Table("", [columns[0], Column("name_value", f"{labels('name')} · {ref}", least=NAME), *symbols],
                             rows, group="domain")
    return Table(labels("matrix_title", ref=ref, kind=labels.kind(data["kind"])), columns, rows, group="domain",
                 notes=[labels("legend") + labels.colon + "  ".join(legend_items(labels)), *draft_notes(data, labels)],
                 narrower=[no_id, value_under_name], main=True, sheet=labels.kind(data["kind"]),
                 lead=("domain", "name"))


FIGURES = (("baseline", "number"), ("baseline_year", "year"), ("comparator", "text"), ("target", "number"),
           ("unit", "text"))   # a national target's figures, in a grid's data columns


def _symbol(pid: str):
    return lambda row: SYMBOLS.get(row[pid], "")


def coverage_table(data: dict, labels: Labels | None = None) -> Table:
    labels = labels or Labels("en")
    wide, narrow = _coverage_columns(labels, [Column("plan", labels("plan"), nowrap=True),
                                              Column("domain", labels("domain"), least=DOMAIN),
                                              Column("total", labels("national_items"), "right")])
    rows = [_coverage_row(c, labels) for c in data["coverage"]]
    return Table(labels("coverage_title", ref=labels.plan(data["reference"]), kind=labels.kind(data["kind"])), wide, rows,
                 group="plan", notes=[labels("coverage_note")], narrower=[Table("", narrow, rows, group="plan")],
                 role="shown")
