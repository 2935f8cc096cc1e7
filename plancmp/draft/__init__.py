"""Drafting a plan file from a new text (`plancmp new`): the indicator table, the list of
basic services and the key tasks, each item with a verbatim quote and `draft: true`.

A draft saves the typing, not the reading: every value is copied from the row it quotes
(checked before anything is written), the only guesses are a domain from keywords and the
% a 率 implies, a heading found inside a paragraph or a unit outside the vocabulary is noted
on the item, and what the drafter cannot read is reported with its line, so that a curator
knows where to look. `plancmp validate` warns on every item still marked draft.

The layout: text.py (lines, outline, paragraphs) -> table.py (indicator table), services.py
(enumerated list), tasks.py (run-in headings, boxes), domains.py -> emit.py (the plan file);
start.py and files.py serve `plancmp new`; measure.py scores drafts against curated plans.
"""
from __future__ import annotations

from . import figures, gaps, prose, services, table, tasks
from .model import Draft, Problem
from .reference import Reference
from .text import parse

__all__ = ["Draft", "Problem", "Reference", "draft_text"]


def draft_text(text: str, reference: Reference | None = None) -> Draft:
    """Every item the drafter can read from the text, and what it could not read.
    `reference`: the reference plan's words (reference.load), None when drafting it."""
    doc = parse(text)
    out = Draft()
    taken: set[str] = set()
    listed = services.draft(doc, out, taken)
    read = table.draft(doc, out, taken) | listed
    if not listed:   # no list of basic services: those the text names in its sentences
        prose.draft(doc, out, taken, reference, skip_boxes=read)
    rows = list(out.targets)
    figures.draft(doc, out, taken, rows, reference, skip_boxes=read)   # the body text's and the boxes' targets
    figures.link_restatements(out.targets)
    tasks.draft(doc, out, taken, skip_boxes=read)   # the tasks of every other box and of the text
    gaps.draft(doc, out, table.find(doc), reference)   # boxes that hold nothing in this copy
    gaps.background(doc, out)   # sections that report the past
    _within_ceiling(out)
    _keep_verbatim(out, text)
    out.problems.sort()
    return out


def _within_ceiling(out: Draft) -> None:
    """At most MAX_ITEMS items (core/model.py: what plancmp compares), targets first, then
    services, then tasks; what is left out is said."""
    from ..core.model import MAX_ITEMS

    room = MAX_ITEMS
    for kind in ("targets", "services", "tasks"):
        items = getattr(out, kind)
        if len(items) > room:
            out.note(1, f"{len(items) - room:,} {kind} not drafted: a plan holds at most {MAX_ITEMS:,} items")
            setattr(out, kind, items[:room])
        room -= len(getattr(out, kind))


def _keep_verbatim(out: Draft, text: str) -> None:
    """The guarantee, checked rather than trusted: every quote is in the text and every
    drafted value in its quote, by the rules `plancmp validate` applies; an item that fails
    is dropped and reported (a bug of the drafter, never a guess written down)."""
    from ..ingest.checks import in_quote
    from ..ingest.evidence import squeeze

    whole = squeeze(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for kind in ("targets", "services", "tasks"):
        kept = []
        for item in getattr(out, kind):
            quote = item["evidence"]["quote"]
            values = [item["target"]] + ([item["baseline"]["value"]] if item.get("baseline") else []) if kind == "targets" else []
            if squeeze(quote) in whole and all(in_quote(v, quote) for v in values):
                kept.append(item)
            else:
                out.note(_line(lines, quote), f"dropped {item['id']}: its quote or a value is not verbatim in the text")
        setattr(out, kind, kept)


def _line(lines: list[str], quote: str) -> int:
    from ..ingest.evidence import squeeze

    head = squeeze(quote)[:8]
    return next((i for i, line in enumerate(lines, 1) if head and head in squeeze(line)), 1)
