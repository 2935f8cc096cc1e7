"""`plancmp search` as a table (JSON is views/search.py's data as it is)."""
from __future__ import annotations

from ..core.i18n import Labels
from .result import Result
from .tabular import Column, Table
from .verdict_style import STYLES


def result(data: dict, limit: int | None) -> Result:
    return Result(data, tables=lambda view: [search_table(data, view.labels, limit, view.width)])


def search_table(data: dict, labels: Labels, limit: int | None, width: int | None) -> Table:
    """The hits as a table: text and Markdown show the first `limit` (None: all), CSV every one."""
    rows = [{"plan": h["plan"], "kind": labels("search_sentence") if h["kind"] == "sentence" else labels.kind(h["kind"]),
             "id": h["id"] or "", "text": h["name"] or h["text"],
             "status": labels.status(h["status"]) if h["status"] else "",
             "counterpart": h["counterpart"] or "", "where": f"{h['file']}:{h['line']}" if h["line"] else h["file"],
             "_style": {"status": STYLES.get(h["status"] or "", "")}} for h in data["hits"]]
    # the national item a hit states: CSV always, a wide table too
    counterpart = "both" if width is not None and width >= 140 else "data"
    columns = [Column("plan", labels("plan"), nowrap=True), Column("kind", labels("kind"), nowrap=True),
               Column("id", labels("id"), type="id"), Column("text", labels("name")),
               Column("status", labels("verdict"), nowrap=True),
               Column("counterpart", data["reference"], type="id", role=counterpart), Column("where", labels("where"))]
    return Table(labels("search_title", n=len(data["hits"]), query=data["query"]), columns, rows,
                 limit=limit, more="… {n} more (--limit, or --format json)")
