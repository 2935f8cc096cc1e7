"""`plancmp search` as a table (JSON is views/search.py's data as it is)."""
from __future__ import annotations

from ..core.i18n import Labels
from .tabular import Column, Table
from .verdict_style import STYLES


def search_table(data: dict, labels: Labels, limit: int | None, width: int) -> Table:
    """The hits as a table: the first `limit` (None: all, as CSV has them)."""
    hits = data["hits"] if limit is None else data["hits"][:limit]
    rows = [{"plan": h["plan"], "kind": labels("search_sentence") if h["kind"] == "sentence" else labels.kind(h["kind"]),
             "id": h["id"] or "", "text": h["name"] or h["text"],
             "status": labels.status(h["status"]) if h["status"] else "",
             "counterpart": h["counterpart"] or "", "where": f"{h['file']}:{h['line']}" if h["line"] else h["file"],
             "_style": {"status": STYLES.get(h["status"] or "", "")}} for h in hits]
    more = len(data["hits"]) - len(hits)
    notes = [f"… {more} more (--limit, or --format json)"] if more > 0 else []
    columns = [Column("plan", labels("plan"), nowrap=True), Column("kind", labels("kind"), nowrap=True),
               Column("id", labels("id")), Column("text", labels("name")),
               Column("status", labels("verdict"), nowrap=True)]
    if limit is None or width >= 140:   # the national item a hit states: csv always, a wide table too
        columns.append(Column("counterpart", data["reference"]))
    columns.append(Column("where", labels("where")))
    return Table(labels("search_title", n=len(data["hits"]), query=data["query"]), columns, rows, notes=notes)
