"""`plancmp debt` as a table (JSON is views/debt.py's data as it is)."""
from __future__ import annotations

from ..core.i18n import Labels
from .result import Result
from .tabular import Column, Table

WHY = ("draft", "text", "omission")


def result(data: dict, check: bool = False) -> Result:
    """`plancmp debt`; with `check`, exit 1 while there is any."""
    return Result(data, tables=lambda view: [debt_table(data, view.labels)], status=1 if check and data["debt"] else 0)


def _at(r: dict) -> str:
    if r["file"] is None:
        return "—"
    return f"{r['file']}:{r['line'] if r['line'] is not None else '?'}"


def debt_table(data: dict, labels: Labels | None = None) -> Table:
    labels = labels or Labels("en")
    counts = [f"{pid}{labels.colon}{c['total']} ({labels.sep.join(labels(f'debt_{w}_n', n=c[w]) for w in WHY if c.get(w))})"
              for pid, c in (data.get("counts") or {}).items() if c["total"]]
    return Table(labels("debt_title"),
                 [Column("plan", labels("plan"), nowrap=True), Column("kind", labels("kind"), nowrap=True),
                  Column("item", labels("debt_item"), least=16), Column("why", labels("debt_rests_on"), nowrap=True),
                  Column("at", labels("debt_at"), least=14), Column("text", labels("debt_sentence"), least=16)],
                 [{"plan": r["plan"], "kind": labels.kind(r["kind"]), "item": f"{r['id']} ({r['name']})", "why": labels(f"debt_{r['why']}"),
                   "at": _at(r) + (f" {r['item']}" if r["item"] else ""), "text": r["text"] or ""}
                  for r in data["debt"]],
                 intro=counts)
