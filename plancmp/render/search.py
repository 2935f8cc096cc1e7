"""`plancmp search` as a table (JSON is views/search.py's data as it is)."""
from __future__ import annotations

from ..core.i18n import Labels
from .result import Result
from .tabular import Column, Table
from .verdict_style import STYLES


def result(data: dict, limit: int | None) -> Result:
    return Result(data, tables=lambda view: [search_table(data, view.labels, limit, view.width)])


NAME = 16   # display columns a name keeps (8 hanzi) before the layout gives way


def search_table(data: dict, labels: Labels, limit: int | None, width: int | None) -> Table:
    """The hits as a table: text and Markdown show the first `limit` (None: all), CSV every one.
    Narrower, the place in the source gives way, then the id (never broken) moves under the
    name: names are the last thing squeezed."""
    rows = [{"plan": h["plan"], "kind": labels("search_sentence") if h["kind"] == "sentence" else labels.kind(h["kind"]),
             "id": h["id"] or "", "text": h["name"] or h["text"],
             "named": [(h["name"] or h["text"], "")] + ([(f"\n{h['id']}", "dim")] if h["id"] else []),
             "status": labels.status(h["status"]) if h["status"] else "",
             "counterpart": h["counterpart"] or "", "where": f"{h['file']}:{h['line']}" if h["line"] else h["file"],
             "_style": {"status": STYLES.get(h["status"] or "", "")}} for h in data["hits"]]
    # the national item a hit states: CSV always, a wide table too
    counterpart = "both" if width is not None and width >= 140 else "data"
    plan = Column("plan", labels("plan"), nowrap=True, show=lambda row: labels.plan(row["plan"]))
    kind, status = Column("kind", labels("kind"), nowrap=True), Column("status", labels("verdict"), nowrap=True)
    ident, text = Column("id", labels("id"), type="id", nowrap=True), Column("text", labels("name"), least=NAME)
    columns = [plan, kind, ident, text, status,
               Column("counterpart", labels.plan(data["reference"]), type="id", role=counterpart),
               Column("where", labels("where"))]
    no_where = Table("", [plan, kind, ident, text, status], rows)
    id_under_name = Table("", [plan, kind, Column("named", f"{labels('name')} · {labels('id')}", least=NAME), status], rows)
    return Table(labels("search_title", n=len(data["hits"]), query=data["query"]), columns, rows,
                 limit=limit, more=labels("search_more"), narrower=[no_where, id_under_name])
