"""`plancmp debt` as a table (JSON is views/debt.py's data as it is)."""
from __future__ import annotations

from .result import Result
from .tabular import Column, Table

SAID = {"draft": "a draft item", "text": "the text alone", "omission": "omitted, drafts unchecked"}
SHORT = {"draft": "draft", "text": "text", "omission": "omission"}


def result(data: dict, check: bool = False) -> Result:
    """`plancmp debt`; with `check`, exit 1 while there is any."""
    return Result(data, tables=lambda view: [debt_table(data)], status=1 if check and data["debt"] else 0)


def _at(r: dict) -> str:
    if r["file"] is None:
        return "—"
    return f"{r['file']}:{r['line'] if r['line'] is not None else '?'}"


def debt_table(data: dict) -> Table:
    counts = [f"{pid}: {c['total']} ({', '.join(f'{c[w]} {SAID[w]}' for w in SAID if c.get(w))})"
              for pid, c in (data.get("counts") or {}).items() if c["total"]]
    return Table("curation debt: national commitments whose verdict rests on the text alone or on unchecked drafts",
                 [Column("plan", "plan", nowrap=True), Column("kind", "kind", nowrap=True),
                  Column("item", "national item", least=16), Column("why", "rests on", nowrap=True),
                  Column("at", "stated at", least=14), Column("text", "sentence", least=16)],
                 [{"plan": r["plan"], "kind": r["kind"], "item": f"{r['id']} ({r['name']})", "why": SHORT[r["why"]],
                   "at": _at(r) + (f" {r['item']}" if r["item"] else ""), "text": r["text"] or ""}
                  for r in data["debt"]],
                 intro=counts)
