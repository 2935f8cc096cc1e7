"""`plancmp search TEXT`: where the plans state something, as curated items and as sentences.

Each hit names the plan, the kind (or `sentence` for a sentence of the source text that no
hit item quotes), the item id, the verdict of the plan against the national reference
(`reference` for national's own items; for a sentence, `mentioned` when the diff found a
national item stated there), and where it stands (file:line). Matching folds width,
case, punctuation and spaces, as the aligner does (textnorm.fold_char): 托位 finds
每千人口拥有3岁以下婴幼儿托位数 and 托位 in any sentence.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.model import KINDS
from .crossplan import reference_id, row_stating
from .show import items_by_domain, source_line

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace


def _fold(text: str) -> str:
    from ..core.textnorm import fold_char

    return "".join(map(fold_char, text or "")).lower()


def search(ws: Workspace, query: str, plan_ids: list[str] | None = None,
           kinds: tuple[str, ...] = KINDS, sentences: bool = True) -> dict:
    """Every item and sentence of the workspace's plans (`plan_ids`, default all) that states `query`."""
    from ..files.paths import shown_path
    from .results import diff_of

    plans = ws.plans()
    q = _fold(query)
    ref = reference_id(plans)
    chosen = plan_ids or sorted(plans, key=lambda p: (p != ref, p))
    hits = []
    for pid in chosen:
        plan = plans[pid]
        diff = None if pid == ref else diff_of(ws, plans[ref], plan, KINDS)
        seen_lines = set()
        for item in items_by_domain(plan, kinds):
            if q not in _fold(item.name) and q not in _fold(item.evidence.quote):
                continue
            line = source_line(ws, plan, item)
            seen_lines.add(line)
            status: str | None
            if diff is None:
                status, counterpart = "reference", None
            else:
                row = row_stating(diff, item)
                status = row.status if row else None
                counterpart = row.left.id if row and row.left else None
            hits.append({"plan": pid, "kind": item.kind, "id": item.id, "name": item.name, "domain": item.domain,
                         "status": status, "counterpart": counterpart, "text": item.evidence.quote,
                         "file": shown_path(plan.source), "line": line})
        if not sentences:
            continue
        try:
            index = ws.text_index(plan.source)
        except (OSError, UnicodeDecodeError):
            continue
        mentions: dict[int, str] = {}
        if diff is not None:
            for row in diff.rows:
                if row.passage is not None and row.left is not None:
                    mentions.setdefault(row.passage.line, row.left.id)
        for passage, folded in zip(index.passages, index.folded):
            if q not in folded.lower() or passage.line in seen_lines:
                continue
            seen_lines.add(passage.line)
            mentioned = mentions.get(passage.line)
            hits.append({"plan": pid, "kind": "sentence", "id": None, "name": None, "domain": None,
                         "status": "mentioned" if mentioned else None, "counterpart": mentioned,
                         "text": passage.text, "file": passage.file, "line": passage.line})
    return {"query": query, "reference": ref, "plans": chosen, "hits": hits}

