"""A source text as the drafter sees it: numbered lines, the outline (chapter, section,
box) each line stands in, and the prose paragraphs with page breaks mended.

The four real texts write their outline two ways (第三章 / 第二节, or 三、 / （二）),
open boxes with 专栏N, and break lines inside sentences at page ends; every later step
(table, list, tasks) works on what this module finds, so that each knows the line a
thing came from (a curator checks a draft against file:line).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.values import chinese_number

NUMERALS = "零〇一二三四五六七八九十百"
_CHAPTER = re.compile(rf"^第([{NUMERALS}]+)章\s*(.*)$")
_SECTION = re.compile(rf"^第([{NUMERALS}]+)节\s*(.*)$")
_TOP = re.compile(rf"^([{NUMERALS}]+)、\s*(.*)$")           # 三、高质量推进… (chapters written the other way)
_SUB = re.compile(rf"^[（(]([{NUMERALS}]+)[)）]\s*(.*)$")    # （二）补齐…  (sections written the other way)
_BOX = re.compile(r"^专栏\s*(\d+)\s*(.*)$")
# the end of a sentence (a line ending otherwise continues on the next line: a page break)
_TERMINAL = re.compile(r"[。！？；]$|[。！？][”’」』）)]$")
_NOTE = re.compile(r"^(注|说明|备注)\s*[:：]?|^-?\s*\d{1,2}\s*[.．、]\s*\D")
_TOC = re.compile(r"(?:\s*(?:\.{3,}|…{2,}|-\s*\d*\s*-?))+\s*$")   # a table-of-contents line: 第一章 规划背景 ..... - 3 -


@dataclass
class Heading:
    kind: str        # chapter | section | box
    label: str       # 第三章, 第二节, 三, （二）, 专栏1
    number: int
    title: str
    line: int
    rest: str = ""   # the run-in text a heading line may carry: （一）全面加强党的领导。坚持…
    toc: bool = False   # a line of the table of contents (page numbers or leader dots after the title)


@dataclass
class Line:
    number: int      # 1-based, as in the file
    text: str        # as written (no newline)
    chapter: Heading | None = None
    section: Heading | None = None
    box: Heading | None = None
    heading: Heading | None = None   # the heading this line is, if any

    @property
    def stripped(self) -> str:
        return self.text.strip()

    def where(self) -> str:
        """The section label curated plans use: 专栏1, 第三章第二节, 三（二）."""
        if self.box is not None:
            return self.box.label
        return "".join(h.label for h in (self.chapter, self.section) if h is not None)


def box_title(lines: list[Line]) -> Heading:
    """The heading of a box: Document.boxes holds its title line first, which always has one."""
    box = lines[0].box
    if box is None:
        raise ValueError(f"line {lines[0].number} opens no box")
    return box


@dataclass
class Paragraph:
    """Prose lines joined across page breaks; `text` keeps every character of the lines
    (whitespace between lines folded), so that any slice of it is a verbatim quote."""

    lines: list[Line]
    text: str


@dataclass
class Document:
    lines: list[Line]
    boxes: dict[int, list[Line]]      # box number -> its lines (title line first)


def parse(text: str) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw = text.split("\n")
    western = any(_CHAPTER.match(r.strip()) for r in raw)   # 第X章 outline; else 一、/（一）
    headings = {n: h for n, h in ((n, _heading(c.strip(), n, western)) for n, c in enumerate(raw, 1)) if h}
    _mark_contents(headings)
    lines: list[Line] = []
    chapter = section = box = None
    boxes: dict[int, list[Line]] = {}
    for number, content in enumerate(raw, 1):
        line = Line(number, content)
        heading = headings.get(number)
        if heading is not None and heading.kind == "chapter":
            chapter, section, box = (None if heading.toc else heading), None, None
        elif heading is not None and heading.kind == "section":
            heading.toc = heading.toc or chapter is None
            section, box = heading, None
        elif heading is not None and heading.kind == "box":
            box = heading
            boxes.setdefault(heading.number, [])
        elif box is not None and _ends_box(content):
            box = None
        line.chapter, line.section, line.box, line.heading = chapter, section, box, heading
        if box is not None:
            boxes[box.number].append(line)
        lines.append(line)
    return Document(lines, boxes)


def _mark_contents(headings: dict[int, Heading]) -> None:
    """A chapter heading that the text repeats further down is an entry of the table of
    contents: what follows it (the contents, a preface) stands in no chapter."""
    last = {h.label: n for n, h in headings.items() if h.kind == "chapter"}
    for n, h in headings.items():
        if h.kind == "chapter" and last[h.label] != n:
            h.toc = True


def _heading(stripped: str, number: int, western: bool) -> Heading | None:
    patterns = ((_CHAPTER, "chapter", "第{}章"), (_SECTION, "section", "第{}节")) if western else \
               ((_TOP, "chapter", "{}"), (_SUB, "section", "（{}）"))
    match = _BOX.match(stripped)
    if match:
        return Heading("box", f"专栏{match.group(1)}", int(match.group(1)), match.group(2).strip(), number)
    for pattern, kind, label in patterns:
        match = pattern.match(stripped)
        if match:
            title, rest = match.group(2).strip(), ""
            if not western and "。" in title:   # （一）全面加强党的领导。坚持… : a heading with run-in text
                head, _, body = title.partition("。")
                title, rest = head, (title if body.strip() else "")
            toc = bool(_TOC.search(title))
            return Heading(kind, label.format(match.group(1)), (chinese_number(match.group(1)) or (0, 0))[0], _TOC.sub("", title).strip(),
                           number, rest, toc)
    return None


def _ends_box(content: str) -> bool:
    """A box (a table in the copy) ends at the first line of prose: long, ending a sentence,
    with no tab, not a note under the table. Its rows are short cells or tab-separated."""
    stripped = content.strip()
    if not stripped or "\t" in content or _NOTE.match(stripped):
        return False
    return len("".join(stripped.split())) >= 60 and bool(_TERMINAL.search(stripped))


def is_note(stripped: str) -> bool:
    return bool(_NOTE.match(stripped))


def terminal(stripped: str) -> bool:
    return bool(_TERMINAL.search(stripped))


def paragraphs(doc: Document) -> list[Paragraph]:
    """The prose outside boxes, one paragraph per run of lines that a page break split
    (a line that does not end a sentence continues on the next non-blank prose line)."""
    out: list[Paragraph] = []
    current: list[Line] = []
    for line in doc.lines:
        stripped = line.stripped
        if line.box is not None or line.heading is not None:
            _close(current, out)
            current = []
            if line.box is not None or line.heading is None or not line.heading.rest:
                continue
        if not stripped:
            continue
        current.append(line)
        if not _continues(stripped):
            _close(current, out)
            current = []
    _close(current, out)
    return out


def _continues(stripped: str) -> bool:
    """A page break split this line: it holds prose (a comma or a full stop, or is long)
    and does not end a sentence. A short line without punctuation is a title of its own."""
    return not terminal(stripped) and (bool(re.search(r"[，。；、,]", stripped)) or len(stripped) >= 20)


def _close(lines: list[Line], out: list[Paragraph]) -> None:
    if not lines:
        return
    text = ""
    for line in lines:
        piece = line.heading.rest if line.heading is not None else line.stripped
        if text and not (_cjk(text[-1]) and _cjk(piece[0])):
            text += " "   # a page break inside a word of Chinese leaves no space; elsewhere one
        text += piece
    out.append(Paragraph(list(lines), text))


def _cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
