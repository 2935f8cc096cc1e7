"""`plancmp diff --format csv`: one line per row, both sides flattened."""
from __future__ import annotations

from ..matrix import SYMBOLS
from ..verdicts import Diff
from .diff_cells import passage_text, value_text
from .tabular import write_csv

COLUMNS = ["kind", "domain", "status", "symbol", "left_id", "left_name", "left_value", "right_id", "right_name",
           "right_value", "score", "confidence", "reasons", "notes", "left_quote", "right_quote",
           "also_ids", "passage"]


def render(diff: Diff, evidence: bool = False) -> str:
    rows = ([
        r.kind, r.domain, r.status, SYMBOLS.get(r.status, ""),
        r.left.id if r.left else "", r.left.name if r.left else "", value_text(r.left),
        r.right.id if r.right else "", r.right.name if r.right else "", value_text(r.right),
        "" if r.score is None else f"{r.score:.4f}", r.confidence or "",
        "; ".join(r.reasons), "; ".join(r.notes),
        r.left.evidence.quote if r.left else "", r.right.evidence.quote if r.right else "",
        " ".join(i.id for i in r.also), passage_text(r, limit=10**6),
    ] for r in diff.rows)
    return write_csv(COLUMNS, rows)
