"""Key tasks: the run-in headings of the chapters that plan (a paragraph that opens with a
short heading ending in 。: 发展普惠托育服务。…), the headings nested inside such a
paragraph (Liaoning: 养老服务。加强具备综合功能养老服务设施建设。…), a section that has
no run-in heading (its title is the task), and the named tasks of the other boxes
(加强托育服务机构建设：… or a 重点任务 | 任务内容 table).

Chapters that report the past or state aims (规划背景, 总体要求 …: plancmp/vocab/draft.yaml
`not_tasks`) hold no tasks. Every quote is the heading and the words after it up to the next
heading, as written; the figures and end states of those words are the task's commitments.
"""
from __future__ import annotations

import re

from ..ingest.evidence import squeeze
from .domains import OTHER, guess
from .model import TAG, Draft, ordered, unique_id, words
from .text import Document, Heading, Line, box_title, paragraphs

_RUN_IN = re.compile(r"^([^。！？；：:]{2,40}?)。")
_SENTENCE = re.compile(r"[^。！？]*[。！？]")
_SENTENCE_OR_END = re.compile(r"[^。！？]+(?:[。！？]|$)")
_BOX_TITLE = re.compile(r"^([^：:。，,；]{2,40})[：:]\s*\S")
MAX_HEADING = 32      # a run-in heading is a phrase, not a sentence
MAX_NESTED = 24       # a heading inside a paragraph: shorter still, and without any comma
# A text nests its headings (Liaoning: 公共教育。完善县域内城乡中小学布局规划。…) when at least
# this share of its run-in headings is followed at once by another: only then are short
# sentences inside a paragraph read as headings (elsewhere they are mostly plain sentences).
NESTING_SHARE = 0.2


def draft(doc: Document, out: Draft, taken: set[str], skip_boxes: set[int]) -> None:
    _text_tasks(doc, out, taken)
    for number, lines in sorted(doc.boxes.items()):
        if number in skip_boxes or not planning(lines[0].chapter) or not planning(lines[0].section):
            continue
        if not _box_tasks(number, lines, out, taken):
            box = box_title(lines)
            out.note(box.line, f"{box.label} {box.title}: no named task found in this box "
                               "(empty in this copy, an image, or a layout the drafter does not read)")


def planning(heading: Heading | None) -> bool:
    """A chapter or section that plans (not 规划背景, 总体要求 …)."""
    return heading is None or not any(word in heading.title for word in words()["not_tasks"])


def _text_tasks(doc: Document, out: Draft, taken: set[str]) -> None:
    counters: dict[str, int] = {}
    sections_with_tasks: set[int] = set()
    found = []
    sectioned = any(line.section is not None for line in doc.lines)
    for para in paragraphs(doc):
        first = para.lines[0]
        # a chapter's opening words, before its first section, introduce it: no tasks there
        if first.chapter is not None and planning(first.chapter) and planning(first.section) \
                and (first.section is not None or not sectioned):
            found.append((para, _headings(para.text)))
    opened = [h for _, h in found if h]
    nests = bool(opened) and sum(len(h) > 1 and h[1][0] == h[0][1] for h in opened) >= NESTING_SHARE * len(opened)
    for para, headings in found:
        first = para.lines[0]
        parent_domain = None
        kept = [h for h in headings if nests or not h[2]]
        for k, (start, end, nested) in enumerate(kept):
            title = para.text[start:end - 1].strip()
            domain = guess(title) or (parent_domain if nested else None) or OTHER
            if not nested:
                parent_domain = guess(title)
            # its paragraph, up to the next heading, is what the task says
            quote, commitments = _quote(para.text, start, end, kept[k + 1][0] if k + 1 < len(kept) else None)
            task = {"domain": domain, "title": title, "basis": "text", "commitments": commitments,
                    "evidence": {"quote": quote, "section": first.where()}}
            task["id"] = unique_id(_text_id(first, counters), taken)
            if nested:
                task["notes"] = "a heading inside a paragraph: check that it heads a task"
            out.tasks.append(ordered("tasks", task))
            sections_with_tasks.add(id(first.section or first.chapter))
    _section_tasks(doc, out, taken, sections_with_tasks, counters)


def _headings(text: str) -> list[tuple[int, int, bool]]:
    """(start, end after the 。, nested?) of the paragraph's run-in heading and the headings
    nested after it. Without an opening heading a paragraph has none."""
    match = _RUN_IN.match(text)
    if not match or not _is_heading(match.group(1), MAX_HEADING) or len(squeeze(text[match.end():])) < 4:
        return []
    out = [(0, match.end(), False)]
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text, match.end())]
    for start, end in sentences[:-1]:
        words_ = text[start:end - 1].strip()
        if _is_nested(words_):
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            out.append((start + lead, end, True))
    return out


def _is_heading(words_: str, limit: int) -> bool:
    plain = squeeze(words_)
    return (2 <= len(plain) <= limit and plain.count("，") + plain.count(",") <= 1
            and not re.search(r"[；;：:]|是", plain) and not plain.startswith(("“十", "到20", "其中")))


def _is_nested(words_: str) -> bool:
    plain = squeeze(words_)
    return (4 <= len(plain) <= MAX_NESTED and not re.search(r"[，,、；;：:]", plain)
            and not re.search(r"20\d\d|\d+(\.\d+)?[%个万所家]", plain) and not plain.startswith(("其中", "到"))
            and not re.search(r"[要应将把使]", plain[:3]))


def _quote(text: str, start: int, end: int, stop: int | None = None) -> tuple[str, list[str]]:
    """The task's words, heading to the next heading (text[start:stop]), and what they commit
    to: the figures and end states after the heading (draft/figures.py). The whole paragraph is
    quoted: the sentence a national commitment is stated in may stand anywhere in it (a quote
    of the first sentence only hides the rest from the comparison)."""
    from .figures import figures

    stop = len(text) if stop is None else stop
    commitments: list[str] = []
    for match in _SENTENCE_OR_END.finditer(text, end, stop):
        commitments += [v for v in (f.value for f in figures(squeeze(match.group(0)))) if v not in commitments]
    return text[start:stop].strip(), commitments


def _text_id(line: Line, counters: dict[str, int]) -> str:
    chapter = line.chapter.number if line.chapter is not None else 0   # prose before the first chapter: ch0
    where = f"ch{chapter}" + (f"-s{line.section.number}" if line.section is not None else "")
    counters[where] = counters.get(where, 0) + 1
    return f"{where}-task-{counters[where]}"


def _section_tasks(doc: Document, out: Draft, taken: set[str], done: set[int], counters: dict[str, int]) -> None:
    """A planning section without any run-in heading: its title is the task (福建 第八章
    第一节 加强党的领导), quoted with the first words of its text."""
    lines = doc.lines
    for i, line in enumerate(lines):
        heading = line.heading
        if heading is None or heading.kind != "section" or id(heading) in done or heading.rest or heading.toc:
            continue
        if line.chapter is None or not planning(line.chapter) or not planning(heading) or _is_toc(lines, i):
            continue
        body = _section_body(lines, i)
        if not body:
            continue
        text = line.stripped + " " + body
        quote, commitments = _quote(text, 0, len(line.stripped) + 1)
        task = {"domain": guess(heading.title) or OTHER, "title": heading.title, "basis": "text",
                "commitments": commitments,
                "notes": "a section without run-in headings: its title is drafted as the task",
                "evidence": {"quote": quote, "section": line.where()}}
        task["id"] = unique_id(_text_id(line, counters), taken)
        out.tasks.append(ordered("tasks", task))


def _section_body(lines: list[Line], i: int) -> str:
    """The prose lines right after a section heading, up to the next heading or box."""
    parts = []
    for line in lines[i + 1:]:
        if line.heading is not None or line.box is not None:
            break
        if line.stripped:
            parts.append(line.stripped)
    return " ".join(parts)


def _is_toc(lines: list[Line], i: int) -> bool:
    """A heading of the table of contents: the next non-blank line is another heading."""
    for line in lines[i + 1:]:
        if line.stripped:
            return line.heading is not None
    return True


def _box_tasks(number: int, lines: list[Line], out: Draft, taken: set[str]) -> int:
    """Named tasks of a box: `title：text` cells (Liaoning's 专栏3-5), else pairs of a short
    cell and the text after it (Fujian's 专栏2: 重点任务 | 任务内容, a cell a line)."""
    label = box_title(lines).label
    found = _colon_tasks(lines[1:])
    if not found:
        found = _paired_tasks(lines[1:])
    for k, (title, quote, row_label, commitments) in enumerate(found, 1):
        task = {"domain": guess(row_label, title) or OTHER, "title": title, "basis": "box", "commitments": commitments,
                "evidence": {"quote": quote, "section": label}}
        task["id"] = unique_id(f"box{number}-task-{k}", taken)
        out.tasks.append(ordered("tasks", task))
    return len(found)


def _segments(text: str) -> list[str]:
    """A box line's cells and <p> paragraphs, as written (tags and tabs cut away)."""
    return [s.strip() for s in re.split(r"\t|" + TAG.pattern, text, flags=re.I) if s.strip()]


def _colon_tasks(lines: list[Line]) -> list[tuple[str, str, str, list[str]]]:
    out: list[tuple[str, str, str, list[str]]] = []
    row_label = ""
    for line in lines:
        segments = _segments(line.text)
        if not segments:
            continue
        if not line.text.startswith("\t") and not _BOX_TITLE.match(segments[0]) and len(squeeze(segments[0])) <= 10:
            row_label = segments[0]
        for segment in segments:
            match = _BOX_TITLE.match(segment)
            if match and len(squeeze(match.group(1))) <= 40:
                title = match.group(1).strip()
                quote, commitments = _quote(segment, 0, len(match.group(1)) + 1)
                out.append((title, quote, row_label, commitments))
    return out


def _paired_tasks(lines: list[Line]) -> list[tuple[str, str, str, list[str]]]:
    cells = [(line, line.stripped) for line in lines if line.stripped and not set(line.stripped) <= set("-—|")]
    out = []
    for (_line, short), (_, long) in zip(cells, cells[1:]):
        if len(squeeze(short)) <= 12 and not re.search(r"[。，,]", short) and len(squeeze(long)) >= 20 and re.search("。", long):
            quote, commitments = _quote(f"{short} {long}", 0, len(short) + 1)
            out.append((short, quote, short, commitments))
    return out
