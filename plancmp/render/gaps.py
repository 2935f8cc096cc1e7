"""A lost part of a source copy (a plan's `source_gaps`) in the reader's language.

English readers get the curator's description as written. Chinese readers get a sentence
worded from the gap's fields (vocab/labels.yaml `gap_*`): the section, what it could hold
(kinds and domains: any, none, or those listed) and how many of its indicators the text
reveals, so no English prose reaches a zh table, workbook or report."""
from __future__ import annotations

from ..core.i18n import Labels


def gap_text(gap: dict, labels: Labels) -> str:
    """`gap` as views/show.py and views/stats.py record it (section, description, domains,
    kinds, reveals)."""
    if not labels.zh:
        return gap["description"]
    section = (gap.get("section") or "").split()[0] if gap.get("section") else ""
    kinds, domains = gap.get("kinds"), gap.get("domains")
    if kinds is not None and not kinds:
        return labels("gap_holds_nothing", section=section)
    sep = "、" if labels.zh else ", "
    what = labels("any_kind") if kinds is None else sep.join(labels.kind(k) for k in kinds)
    where = labels("any_domain") if domains is None else sep.join(domains)
    said = labels("gap_lost", section=section, kinds=what, domains=where)
    if gap.get("reveals"):
        said += labels("gap_reveals", n=len(gap["reveals"]))
    return said
