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
from .tabular import Column, Table
from .verdict_style import STYLES, legend_item


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
    return wide, lead + [Column("buckets", labels("coverage"), least=NAME)]


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
                 narrower=[Table("", narrow, rows)])


def grid_table(data: dict, labels: Labels | None = None) -> Table:
    labels = labels or Labels("en")
    ref = data["reference"]
    symbols = [Column(pid, pid, "center", nowrap=True) for pid in data["plans"]]
    name, value = Column("name", labels("name"), least=NAME), Column("value", ref, least=12)
    columns = [Column("domain", labels("domain")), Column("id", f"{ref} {labels.kind(data['kind'])}"), name, value,
               *symbols]
    rows = []
    for r in data["rows"]:
        row = {"domain": r["domain"], "id": r["id"], "name": r["name"], "value": r["value"] + _when(r),
               "_style": {pid: STYLES.get(c["status"], "") for pid, c in r["cells"].items()}}
        row |= {pid: c["symbol"] for pid, c in r["cells"].items()}
        row["name_value"] = [(r["name"], ""), (f"\n{row['value']}", "dim")] if row["value"] else [(r["name"], "")]
        rows.append(row)
    no_id = Table("", [columns[0], name, value, *symbols], rows, group="domain")
    value_under_name = Table("", [columns[0], Column("name_value", f"{labels('name')} · {ref}", least=NAME), *symbols],
                             rows, group="domain")
    return Table(labels("matrix_title", ref=ref, kind=labels.kind(data["kind"])), columns, rows, group="domain",
                 notes=[labels("legend") + labels.colon + "  ".join(legend_items(labels))], narrower=[no_id, value_under_name])


def coverage_table(data: dict, labels: Labels | None = None) -> Table:
    labels = labels or Labels("en")
    wide, narrow = _coverage_columns(labels, [Column("plan", labels("plan"), nowrap=True),
                                              Column("domain", labels("domain"), least=DOMAIN),
                                              Column("total", labels("national_items"), "right")])
    rows = [_coverage_row(c, labels) for c in data["coverage"]]
    return Table(labels("coverage_title", ref=data["reference"], kind=labels.kind(data["kind"])), wide, rows,
                 group="plan", notes=[labels("coverage_note")], narrower=[Table("", narrow, rows, group="plan")])


def grid_csv_table(data: dict) -> Table:
    """The grid for a spreadsheet: each province cell holds the verdict's name (matches,
    omitted …), not its symbol (a cell starting with = or + is a formula to a spreadsheet)."""
    ref = data["reference"]
    columns = [Column("domain", "domain"), Column("id", "id"), Column("name", "name"), Column("value", ref),
               Column("year", "year"), Column("binding", "binding")]
    columns += [Column(pid, pid) for pid in data["plans"]]
    rows = [{"domain": r["domain"], "id": r["id"], "name": r["name"], "value": r["value"],
             "year": r.get("year") or "", "binding": r.get("binding") or "",
             **{pid: c["status"] for pid, c in r["cells"].items()}} for r in data["rows"]]
    return Table(f"{ref} {data['kind']} against every province", columns, rows)
