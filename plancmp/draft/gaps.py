"""The parts of a text that state no commitment: the sections that report the past, drafted
as `background` (发展基础: from its heading to the next), and what the copy lost, drafted as
`source_gaps`: a box whose title survives with nothing
under it but notes (a table or a box that was an image). The indicator table's gap may hold
targets; another box's, the tasks and targets of the domains its section speaks of. The
notes under a lost indicator table that define an indicator (人均体育场地面积：…) are kept
as `reveals`. A lost box in a chapter about basic public services may hold services too.
Each gap says it was drafted: a curator checks the original and corrects it.

Without the gap a national commitment the lost part could state would read as omitted by
the province; with it, as unknown (the engine's rule for lost parts).
"""
from __future__ import annotations

import re
from typing import Any

from ..ingest.evidence import squeeze
from .domains import _keywords
from .model import TAG, Draft
from .prose import _basic
from .text import Document, Line, box_title, is_note, paragraphs

_DEFINES = re.compile(r"^\s*(?:注\s*[:：]\s*)?(?:\d{1,2}\s*[.．、]\s*)?([^：:，。；\s]{4,40})\s*[：:]")
# a domain counts for a lost box when its keywords stand this often in the box's section
MIN_HITS = 2


def draft(doc: Document, out: Draft, table: int | None, reference=None) -> None:
    for number, lines in sorted(doc.boxes.items()):
        title = lines[0]
        body = [line for line in lines[1:] if squeeze(TAG.sub("", line.text))]
        notes_at = next((i for i, line in enumerate(body) if is_note(line.stripped)), len(body))
        if body[:notes_at]:
            continue   # the box holds something: read (or not) by the table, list and task readers
        label = box_title(lines).label
        # `draft: true` until a person has checked the original (validate warns draft-item; `plancmp
        # review` asks): the description says what this copy shows, which stays true once checked
        gap: dict[str, Any] = {"id": f"table-{number}" if number == table else f"box-{number}", "draft": True,
                               "section": title.stripped}
        if number == table:
            gap["description"] = (f"The indicator table ({label}) holds no rows in this copy, only its title"
                                  + (" and notes" if body else "") + " (an image, or lost).")
            gap["kinds"] = ["targets"]
            reveals = _reveals(body, reference)
            if reveals:
                gap["reveals"] = reveals
        else:
            domains = _domains(doc, title)
            gap["description"] = (f"{label} holds nothing in this copy, only its title (an image, or lost)."
                                  + (" The domains are those its section speaks of." if domains else ""))
            if domains:
                gap["domains"] = domains
            # a box of key projects for basic public services may hold a service programme too
            gap["kinds"] = ["tasks", "targets"] + (["services"] if _basic(title) else [])
        out.gaps.append(gap)


def _reveals(notes: list[Line], reference=None) -> list[dict]:
    """Notes that define an indicator (人均体育场地面积：…, or one that opens with an indicator
    of the reference plan: 每万人接受公共文化设施服务次数中的…), each with its text
    (continuation lines joined) as the quote."""
    joined: list[str] = []
    for line in notes:
        text = line.stripped
        starts = bool(re.match(r"^(?:注\s*[:：]\s*)?\d{1,2}\s*[.．、]", text)) or not joined
        if starts:
            joined.append(text)
        else:
            joined[-1] += text
    out = []
    for text in joined:
        quote = re.sub(r"^(?:注\s*[:：]\s*)?\d{1,2}\s*[.．、]\s*", "", text)
        match = _DEFINES.match(text)
        if match and not re.search(r"带\s*[*＊〔]", match.group(1)):
            out.append({"indicator": match.group(1), "quote": quote})
            continue
        named = [w.name for w in (reference.indicators if reference is not None else ())
                 if len(squeeze(w.name)) >= 4 and squeeze(quote).startswith(squeeze(w.name))]
        if named:
            out.append({"indicator": max(named, key=len), "quote": quote})
    return out


def _domains(doc: Document, title: Line) -> list[str]:
    """The domains whose keywords (plancmp/vocab/draft.yaml) stand at least MIN_HITS times in
    the prose of the box's section (its chapter when it has no section)."""
    from ..core.vocab import domain_names

    home = title.section or title.chapter
    if home is None:
        return []
    text = "".join(p.text for p in paragraphs(doc) if (p.lines[0].section or p.lines[0].chapter) is home)
    hits: dict[str, int] = {}
    for keyword, domain in _keywords():
        hits[domain] = hits.get(domain, 0) + text.count(keyword)
    return [d for d in domain_names() if hits.get(d, 0) >= MIN_HITS]


def background(doc: Document, out: Draft) -> None:
    """Every section (or a chapter without sections) whose title reports the past (draft.yaml
    `past_sections`: 发展基础 …), from its heading's line to the next heading's: the search for
    a commitment skips it, as it skips the curated plans' background."""
    from .model import words

    past = words()["past_sections"]
    heads = [(line, line.heading) for line in doc.lines if line.heading is not None
             and line.heading.kind in ("chapter", "section") and not line.heading.toc and line.stripped]
    for k, (line, heading) in enumerate(heads):
        if not any(w in heading.title for w in past):
            continue
        if heading.kind == "chapter" and k + 1 < len(heads) and heads[k + 1][1].kind == "section":
            continue   # its sections say which of them report the past (规划背景: 发展基础, not 发展环境)
        if k + 1 < len(heads):
            out.background.append((line.stripped, heads[k + 1][0].stripped))
