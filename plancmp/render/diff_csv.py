"""`plancmp diff --format csv`: one line per row, both sides flattened."""
from __future__ import annotations

import csv
import io

from ..verdicts import Diff
from .diff_cells import passage_text, value_text

COLUMNS = ["kind", "domain", "status", "left_id", "left_name", "left_value", "right_id", "right_name",
           "right_value", "score", "confidence", "reasons", "notes", "left_quote", "right_quote",
           "also_ids", "passage"]


def render(diff: Diff, evidence: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in diff.rows:
        writer.writerow([
            r.kind, r.domain, r.status,
            r.left.id if r.left else "", r.left.name if r.left else "", value_text(r.left),
            r.right.id if r.right else "", r.right.name if r.right else "", value_text(r.right),
            "" if r.score is None else f"{r.score:.4f}", r.confidence or "",
            "; ".join(r.reasons), "; ".join(r.notes),
            r.left.evidence.quote if r.left else "", r.right.evidence.quote if r.right else "",
            " ".join(i.id for i in r.also), passage_text(r, limit=10**6),
        ])
    return out.getvalue()
