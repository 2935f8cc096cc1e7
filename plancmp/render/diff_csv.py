"""`plancmp diff --format csv`: one line per row, both sides flattened."""
from __future__ import annotations

from ..core.i18n import Labels
from ..core.verdicts import SYMBOLS
from ..core.verdicts import Diff, row_binding
from .diff_cells import passage_text, value_text
from .tabular import write_csv

COLUMNS = ["kind", "domain", "status", "symbol", "binding", "left_id", "left_name", "left_value", "left_year",
           "left_binding", "right_id", "right_name", "right_value", "right_year", "right_binding", "score", "confidence", "reasons", "notes", "left_quote", "right_quote",
           "also_ids", "passage"]


def _side(item) -> list[str]:
    if item is None:
        return ["", "", "", "", ""]
    year = str(item.year) if item.kind == "targets" else ""
    return [item.id, item.name, value_text(item), year, getattr(item, "binding", None) or ""]


def render(diff: Diff, evidence: bool = False, labels: Labels | None = None) -> str:
    labels = labels or Labels("en")
    rows = ([
        r.kind, r.domain, r.status, SYMBOLS.get(r.status, ""), row_binding(r) or "",
        *_side(r.left), *_side(r.right),
        "" if r.score is None else f"{r.score:.4f}", r.confidence or "",
        labels.notes(r.reasons), labels.notes(r.notes),
        r.left.evidence.quote if r.left else "", r.right.evidence.quote if r.right else "",
        " ".join(i.id for i in r.also), passage_text(r, limit=10**6),
    ] for r in diff.rows)
    return write_csv(COLUMNS, rows)
