"""`plancmp debt` as a table (JSON is views/debt.py's data as it is)."""
from __future__ import annotations

from .result import Result
from .tabular import Column, Table


def result(data: dict, check: bool = False) -> Result:
    """`plancmp debt`; with `check`, exit 1 while there is any."""
    return Result(data, tables=lambda view: [debt_table(data)], status=1 if check and data["debt"] else 0)


def debt_table(data: dict) -> Table:
    return Table("curation debt: stated in the text, no curated item",
                 [Column("plan", "plan", nowrap=True), Column("kind", "kind", nowrap=True),
                  Column("item", "national item"), Column("at", "stated at", nowrap=True), Column("text", "sentence")],
                 [{"plan": r["plan"], "kind": r["kind"], "item": f"{r['id']} ({r['name']})",
                   "at": f"{r['file']}:{r['line']}", "text": r["text"]} for r in data["debt"]])
