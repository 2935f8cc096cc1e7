"""The plans' structure as evidence: provinces follow the national chapter layout.

- A task whose quote opens a paragraph (a line of the source) is a heading; one run into a
  paragraph, or a box row, is not (`Structure.heading_level`).
- A plan's sections, read from its source: `第三章第二节` (or `三（二）`) with its title and
  the lines it spans (`sections_in`); items name their section the same way.
- A national task heading whose words make a province *section title* (促进价格普惠 ↔ 第五章第二节
  规范形成普惠服务价格) is covered by that section's task headings (`Structure.section_titled`).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..core import textnorm
from ..core.model import Item, Plan

if TYPE_CHECKING:
    from ..ingest.evidence import Source
    from ..ingest.workspace import Workspace

_NUMERAL = "一二三四五六七八九十"
_CHAPTER = re.compile(rf"^第([{_NUMERAL}]+)章\s*(.+)$")
_SECTION = re.compile(rf"^第([{_NUMERAL}]+)节\s*(.+)$")
_CHAPTER_CN = re.compile(rf"^([{_NUMERAL}]+)、(.+)$")
_SECTION_CN = re.compile(rf"^[（(]([{_NUMERAL}]+)[）)](.+)$")   # NFKC makes （ (
_PAGE = re.compile(r"[\s\t]-\s*\d+\s*-\s*$")


class Section(NamedTuple):
    id: str        # as items name it: 第五章第二节, 三（二）
    title: str
    first: int     # 1-based lines of the source: the heading, and the last line before the next heading
    last: int


class Structure:
    """Where the quotes of plans stand in their sources, and what that says: read through the
    run's Workspace (each source by the data folder's rule, once); remembered per quote."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._at: dict[tuple[Path, str], tuple[Source, tuple[int, int]] | None] = {}
        self._sections: dict[Path, tuple[Section, ...]] = {}
        self._titles: dict[Path, tuple[tuple[Section, Counter[str]], ...]] = {}
        self._heads: dict[tuple[Path, str], bool] = {}

    def source(self, plan: Plan) -> Source | None:
        """The plan's source text, or None when it cannot be read."""
        try:
            return self.ws.source(plan.source)
        except (OSError, UnicodeError):
            return None

    def quoted_at(self, plan: Plan, quote: str) -> tuple[Source, tuple[int, int]] | None:
        """(the source, the quote's span in its squeezed text), or None when either cannot be read."""
        key = (plan.source, quote)
        if key not in self._at:
            source = self.source(plan)
            span = source.span_of(quote) if source is not None else None
            self._at[key] = None if source is None or span is None else (source, span)
        return self._at[key]

    def heading_level(self, plan: Plan, item: Item) -> bool:
        """A task whose quote opens a paragraph (a line of the source): a heading, not a sub-heading
        run into a paragraph or a box row."""
        key = (plan.source, item.evidence.quote)
        if key not in self._heads:
            found = self.quoted_at(plan, item.evidence.quote)
            if found is None:
                self._heads[key] = False
            else:
                source, (lo, _) = found
                self._heads[key] = lo == 0 or source.line_of[lo - 1] != source.line_of[lo]
        return self._heads[key]

    def paragraph_of(self, plan: Plan, item: Item) -> str:
        """The paragraph of a task's quote in its plan's source (the quote when it cannot be read)."""
        found = self.quoted_at(plan, item.evidence.quote)
        if found is None:
            return item.evidence.quote
        source, span = found
        lo, hi = paragraph_span(source, span)
        return source.squeezed[lo:hi]

    def sections_of(self, plan: Plan) -> tuple[Section, ...]:
        if plan.source not in self._sections:
            source = self.source(plan)
            self._sections[plan.source] = sections_in(source.text) if source is not None else ()
        return self._sections[plan.source]

    def section_titled(self, x: Item, b: Plan) -> Section | None:
        """The one section of B whose title holds every character of x's name without its filler
        words (促进价格普惠 -> 规范形成普惠服务价格; 加强质量监管 -> 加强普惠性非基本公共服务质量监管);
        None when none does, or more than one."""
        key = textnorm.key(x.name)
        if len(key) < TITLE_MIN:   # 强化服务标准建设 keys to 标准: its words without the leading verb, 服务标准建设
            from .mentions import _lead_trimmed

            key = _lead_trimmed(textnorm.fold(x.name))
        if len(key) < TITLE_MIN:
            return None
        if b.source not in self._titles:
            self._titles[b.source] = tuple((s, Counter(textnorm.fold(s.title))) for s in self.sections_of(b))
        need = Counter(key)   # counted once, measured against every title
        found = [s for s, have in self._titles[b.source] if _contained(need, len(key), have) >= TITLE_CONTAINED]
        return found[0] if len(found) == 1 else None


def paragraph_span(source: Source, span: tuple[int, int]) -> tuple[int, int]:
    """A task's quote, run on to the end of its paragraph (a line of the source): a task states
    what its paragraph says, though its quote may hold only the first sentence or two."""
    lo, hi = span
    if hi <= lo:
        return span
    return lo, max(hi, bisect_right(source.line_of, source.line_of[hi - 1]))   # line_of never decreases


def sections_in(text: str) -> tuple[Section, ...]:
    """The numbered sections of a source text, with their titles and the lines they span."""
    heads: list[tuple[int, str, str]] = []   # (line, id or "", title)
    chapter = ""
    for n, raw in enumerate(text.split("\n"), 1):
        line = unicodedata.normalize("NFKC", raw).strip()
        if not line or _PAGE.search(raw):   # a table of contents line (… - 3 -)
            continue
        if m := _CHAPTER.match(line):
            chapter = f"第{m.group(1)}章"
            heads.append((n, "", m.group(2)))
        elif m := _SECTION.match(line):
            heads.append((n, f"{chapter}第{m.group(1)}节", m.group(2)))
        elif (m := _CHAPTER_CN.match(line)) and len(line) <= 40:
            chapter = m.group(1)
            heads.append((n, "", m.group(2)))
        elif (m := _SECTION_CN.match(line)) and len(line) <= 40:
            heads.append((n, f"{chapter}（{m.group(1)}）", m.group(2).rstrip("。")))
    out: dict[str, Section] = {}
    for (n, sid, title), nxt in zip(heads, heads[1:] + [(len(text.split("\n")) + 1, "", "")]):
        if sid:
            out[sid] = Section(sid, "".join(title.split()), n, nxt[0] - 1)
    return tuple(out.values())


def _contained(need: Counter[str], length: int, have: Counter[str]) -> float:
    """The share of a key's characters (`need`: their counts; `length` of them) the title (its
    character counts) holds."""
    return sum(min(c, have.get(ch, 0)) for ch, c in need.items()) / length if length else 0.0


TITLE_MIN = 4          # characters of a national heading's key to look for it among section titles
TITLE_CONTAINED = 1.0  # every character of the key in the title
