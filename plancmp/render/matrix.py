"""`plancmp matrix` as tables: the answer first (coverage over all domains, the legend),
then the verdict grid, then coverage per province and domain."""
from __future__ import annotations

from ..i18n import Labels
from ..matrix import BUCKETS
from .diff_table import STYLES
from .tabular import Column, Table


def legend(data: dict, labels: Labels | None = None) -> str:
    return "  ".join(legend_items(data, labels))


def legend_items(data: dict, labels: Labels | None = None) -> list[str]:
    labels = labels or Labels("en")
    return [f"{sym} {labels.status(status)}" for status, sym in data["symbols"].items() if status != "added"]


def _kind_word(data: dict, labels: Labels) -> str:
    return data["kind"] if labels.lang == "en" else labels.kind(data["kind"])


def _when(row: dict) -> str:
    when = ", ".join(str(v) for v in (row.get("year"), row.get("binding")) if v)
    return f" ({when})" if when else ""


def summary_table(data: dict, labels: Labels | None = None) -> Table:
    """Coverage per province over all domains, with the legend: what the grid below says."""
    labels = labels or Labels("en")
    kind = _kind_word(data, labels)
    columns = [Column("plan", labels("plan"), nowrap=True), Column("total", labels("national_items"), "right")]
    columns += [Column(b, labels.bucket(b), "right") for b in BUCKETS]
    rows = []
    for c in data["coverage"]:
        if c["domain"] != "(all)":
            continue
        row = {"plan": c["plan"], "total": str(c["total"])}
        row |= {b: f"{c['counts'][b]} ({c['shares'][b]:.0%})" for b in BUCKETS}
        rows.append(row)
    added = labels.sep.join(f"{pid} {n}" for pid, n in data["added"].items())
    return Table(labels("coverage_summary_title", ref=data["reference"], kind=kind), columns, rows,
                 intro=[[labels("legend") + labels.colon, *legend_items(data, labels)],
                        labels("matrix_not_in_grid", kind=kind, added=added)])


def grid_table(data: dict, labels: Labels | None = None) -> Table:
    labels = labels or Labels("en")
    ref = data["reference"]
    columns = [Column("domain", labels("domain")), Column("id", f"{ref} {_kind_word(data, labels)}"),
               Column("name", labels("name")), Column("value", ref)]
    columns += [Column(pid, pid, "center", nowrap=True) for pid in data["plans"]]
    rows = []
    for r in data["rows"]:
        row = {"domain": r["domain"], "id": r["id"], "name": r["name"], "value": r["value"] + _when(r),
               "_style": {pid: STYLES.get(c["status"], "") for pid, c in r["cells"].items()}}
        row |= {pid: c["symbol"] for pid, c in r["cells"].items()}
        rows.append(row)
    return Table(labels("matrix_title", ref=ref, kind=_kind_word(data, labels)), columns, rows, group="domain",
                 notes=[labels("legend") + labels.colon + legend(data, labels)])


def coverage_table(data: dict, labels: Labels | None = None) -> Table:
    labels = labels or Labels("en")
    columns = [Column("plan", labels("plan"), nowrap=True), Column("domain", labels("domain")),
               Column("total", labels("national_items"), "right")]
    columns += [Column(b, labels.bucket(b), "right") for b in BUCKETS]
    rows = []
    for c in data["coverage"]:
        row = {"plan": c["plan"], "domain": c["domain"], "total": str(c["total"])}
        row |= {b: f"{c['counts'][b]} ({c['shares'][b]:.0%})" for b in BUCKETS}
        rows.append(row)
    return Table(labels("coverage_title", ref=data["reference"], kind=_kind_word(data, labels)), columns, rows,
                 group="plan", notes=[labels("coverage_note")])


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
