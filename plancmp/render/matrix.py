"""`plancmp matrix` as tables: the verdict grid, then coverage per province and domain."""
from __future__ import annotations

from ..matrix import BUCKETS
from .diff_table import STYLES
from .tabular import Column, Table


def legend(data: dict) -> str:
    return "  ".join(f"{sym} {status.replace('-', ' ')}" for status, sym in data["symbols"].items() if status != "added")


def grid_table(data: dict) -> Table:
    ref = data["reference"]
    columns = [Column("domain", "domain"), Column("id", f"{ref} {data['kind']}", nowrap=True),
               Column("name", "name"), Column("value", ref)]
    columns += [Column(pid, pid, "center", nowrap=True) for pid in data["plans"]]
    rows = []
    for r in data["rows"]:
        row = {"domain": r["domain"], "id": r["id"], "name": r["name"], "value": r["value"],
               "_style": {pid: STYLES.get(c["status"], "") for pid, c in r["cells"].items()}}
        row |= {pid: c["symbol"] for pid, c in r["cells"].items()}
        rows.append(row)
    added = ", ".join(f"{pid} {n}" for pid, n in data["added"].items())
    notes = [f"legend: {legend(data)}",
             f"not in the grid: {data['kind']} a province adds with no national counterpart ({added})"]
    return Table(f"{ref} {data['kind']} against every province", columns, rows, group="domain", notes=notes)


def coverage_table(data: dict) -> Table:
    columns = [Column("plan", "plan", nowrap=True), Column("domain", "domain"), Column("total", "national items", "right")]
    columns += [Column(b, b, "right", nowrap=True) for b in BUCKETS]
    rows = []
    for c in data["coverage"]:
        row = {"plan": c["plan"], "domain": c["domain"], "total": str(c["total"])}
        row |= {b: f"{c['counts'][b]} ({c['shares'][b]:.0%})" for b in BUCKETS}
        rows.append(row)
    return Table(f"Coverage of the {data['reference']} {data['kind']} per province and domain", columns, rows,
                 group="plan", notes=["share of the national commitments in each bucket; unknown: the province's source lost a part that could hold it"])


def grid_csv_table(data: dict) -> Table:
    """The grid for a spreadsheet: each province cell holds the verdict's name (matches,
    omitted …), not its symbol (a cell starting with = or + is a formula to a spreadsheet)."""
    ref = data["reference"]
    columns = [Column("domain", "domain"), Column("id", "id"), Column("name", "name"), Column("value", ref)]
    columns += [Column(pid, pid) for pid in data["plans"]]
    rows = [{"domain": r["domain"], "id": r["id"], "name": r["name"], "value": r["value"],
             **{pid: c["status"] for pid, c in r["cells"].items()}} for r in data["rows"]]
    return Table(f"{ref} {data['kind']} against every province", columns, rows)
