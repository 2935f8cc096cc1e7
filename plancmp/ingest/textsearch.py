"""Search a plan's whole source text, sentence by sentence.

The curated items are a selection; before the diff says a province *omits* a
national commitment it looks for it in everything the province's text says
(plancmp/engine/mentions.py decides what to look for). The text is cut into passages
(sentences, and lines that are headings or table rows), each folded as the aligner
folds names (textnorm.fold: width, punctuation and spaces away) and indexed by its
character pairs, so a query reads only the passages that share enough of its pairs.

A query matches a passage when nearly all of its characters stand close together
in it, in any order: 学前三年教育全面普及 states 三年学前教育普及, and 异地就医联网结算
states most of 异地就医直接结算. How many must be found, and how close, is the
caller's threshold; `coverage` only measures.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..core import textnorm
from ..core.verdicts import Passage
from .evidence import Source, read_source, squeeze

if TYPE_CHECKING:
    from ..files.folder import DataFolder

_SPREAD = 0.5        # a match may spread over len(query) * (1 + _SPREAD) + 2 characters


class TextIndex(NamedTuple):
    """A source's passages, their folded text, and which passages hold each pair of characters."""

    file: str
    passages: tuple[Passage, ...]
    folded: tuple[str, ...]
    pairs: dict[str, tuple[int, ...]]


class Hit(NamedTuple):
    passage: int        # index into TextIndex.passages
    score: float        # share of the query's characters found together
    start: int          # squeezed-source offsets of the matched window
    end: int


_SENTENCE = re.compile(r"[^。；！？;!?]*[。；！？;!?]?")


def build(source: Source, shown: str) -> TextIndex:
    """A source text (evidence.Source) cut into passages and indexed."""
    passages, folded = [], []
    offset = 0   # where the line starts in the squeezed source (squeeze drops the newlines)
    for number, line in enumerate(source.text.split("\n"), 1):
        line = squeeze(line)
        for match in _SENTENCE.finditer(line):
            text = match.group()
            folded_text = "".join(map(textnorm.fold_char, text))
            if folded_text:
                start = offset + match.start()
                passages.append(Passage(shown, number, text, start, start + len(text)))
                folded.append(folded_text)
        offset += len(line)
    pairs: dict[str, list[int]] = {}
    for n, text in enumerate(folded):
        for pair in {text[i:i + 2] for i in range(len(text) - 1)}:
            pairs.setdefault(pair, []).append(n)
    return TextIndex(shown, tuple(passages), tuple(folded), {k: tuple(v) for k, v in pairs.items()})


@lru_cache(maxsize=512)   # the passages of one text's searches: a few hundred
def _offsets(passage: Passage) -> tuple[int, ...]:
    """For each character of the passage's folded text, its offset in the squeezed source (once per
    passage: a passage that states several items is found several times)."""
    return tuple(passage.start + n for n, char in enumerate(passage.text) for _ in textnorm.fold_char(char))


def background_lines(source: Source, parts: Iterable[tuple[str, str]]) -> list[tuple[int, int]] | None:
    """The (first, last) lines of each background part: from the last line that reads
    `from` (a table of contents may repeat it earlier) to the line before the next line
    that reads `to`. None when a heading is not a line of the source."""
    lines = [squeeze(line) for line in source.text.splitlines()]
    out = []
    for start, end in parts:
        first, after = squeeze(start), squeeze(end)
        starts = [n for n, line in enumerate(lines) if line and line == first]
        if not starts:
            return None
        ends = [n for n, line in enumerate(lines) if n > starts[-1] and line == after]
        if not ends:
            return None
        out.append((starts[-1] + 1, ends[0]))
    return out


def index_of(folder: DataFolder, path: Path) -> TextIndex:
    """build() of the source text at `path` in a data folder (a files/folder.DataFolder),
    through the content-keyed cache (not kept for the run: a 300-province matrix would hold
    every index at once). Raises OSError / UnicodeDecodeError like evidence.read_source."""
    from ..files import cache
    from ..files.paths import shown_path

    index: TextIndex = cache.by_files("text-index", folder, [path], "",
                                      lambda: build(read_source(folder, path), shown_path(path)), TextIndex)
    return index


def coverage(query: str, text: str) -> tuple[float, int, int]:
    """The largest share of `query`'s characters (with their counts) found inside one
    window of `text` no longer than the query plus its spread; and that window."""
    if not query or not text:
        return 0.0, 0, 0
    if query in text:
        at = text.index(query)
        return 1.0, at, at + len(query)
    need = Counter(query)
    width = int(len(query) * (1 + _SPREAD)) + 2
    best, best_at = 0, (0, 0)
    have: Counter[str] = Counter()
    found = 0
    for end, char in enumerate(text):
        if char in need:
            have[char] += 1
            if have[char] <= need[char]:
                found += 1
        start = end - width + 1
        if start > 0:
            gone = text[start - 1]
            if gone in need:
                if have[gone] <= need[gone]:
                    found -= 1
                have[gone] -= 1
        if found > best:
            best, best_at = found, (max(start, 0), end + 1)
    lo, hi = best_at
    # trim the window to the characters that count
    while lo < hi and text[lo] not in need:
        lo += 1
    while hi > lo and text[hi - 1] not in need:
        hi -= 1
    return best / len(query), lo, hi


def search(index: TextIndex, query: str, threshold: float) -> list[Hit]:
    """Passages where at least `threshold` of the query's characters stand together,
    best first (then in text order)."""
    grams = {query[i:i + 2] for i in range(len(query) - 1)}
    if not grams:
        return []
    votes: Counter[int] = Counter()
    for gram in grams:
        votes.update(index.pairs.get(gram, ()))
    # a window holding `threshold` of the characters holds at least this many of the pairs
    need = max(1, int(len(grams) - (1 - threshold) * len(query) * 2))
    wanted = Counter(query)
    hits = []
    for n, count in votes.items():
        if count < need or _held(wanted, index.folded[n]) / len(query) < threshold:
            continue
        score, lo, hi = coverage(query, index.folded[n])
        if score >= threshold:
            offsets = _offsets(index.passages[n])
            hits.append(Hit(n, round(score, 4), offsets[lo], offsets[hi - 1] + 1))
    return sorted(hits, key=lambda h: (-h.score, h.passage))


def _held(wanted: Counter[str], text: str) -> int:
    """How many of the query's characters (`wanted`: their counts) the text holds anywhere: no
    window of it holds more, so a passage below the threshold by this count needs no coverage()."""
    return sum(min(k, text.count(char)) for char, k in wanted.items())
