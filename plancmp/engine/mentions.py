"""Does plan B state plan A's item? What to look for, and where it was found.

An item is looked for by its phrases: the name with the filler words removed
(textnorm.key), each half of an "A、B" name (失业保险、工伤保险), and the phrasings of
vocab/phrasings.yaml for a phrase the name contains (两免一补 -> 免除学杂费 …).
A phrase is found in a name or a sentence when nearly all of its characters stand
together there (textsearch.coverage); a phrase of several parts needs every part.

Two places to look, in this order (plancmp/engine/compare.py asks):
1. B's curated items of every kind: `Names(items).stating(x)`, the items whose name holds a phrase of x.
2. B's whole source text: `find(index, x)`, the best sentence holding a phrase.
Short phrases must be found whole: a shared word or two is not a mention.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from itertools import accumulate
from typing import NamedTuple

from ..core import textnorm
from ..core.model import Item, Target
from ..ingest import textsearch
from . import knowledge
from .knowledge import KNOWN_NAME, PART, PHRASING, Knowledge, Phrase

FOUND = 0.85        # share of a phrase's characters that must stand together
WHOLE_BELOW = 5     # phrases shorter than this must be found as written
_PARTS = re.compile(r"[、，,；;]")


def phrases(item: Item, know: Knowledge | None = None, in_text: bool = False) -> tuple[Phrase, ...]:
    """What to look for when looking for `item` in another plan, most telling first: its own
    name's phrases, then what the vocabulary knows of it (vocab/commitments.yaml)."""
    know = know or knowledge.default()
    return _phrases_of(item.kind, item.name, in_text) + know.phrasings(item)


@cache
def _phrases_of(kind: str, name: str, in_text: bool = False) -> tuple[Phrase, ...]:
    """in_text: for sentences rather than names. A short key must then keep its head word
    (Chinese names end in their head): 基本养老服务 looked for as 基本养老 would find
    基本养老保险, another thing."""
    name = unicodedata.normalize("NFKC", name)
    units = [(name, "name")]
    halves = _PARTS.split(name)
    # a list of services (失业保险、工伤保险) names each; an indicator's 、 joins qualifiers
    if kind != "targets" and len(halves) > 1 and all(len(textnorm.key(h)) >= 4 for h in halves):
        units += [(h, "part") for h in halves]
    found: list[Phrase] = []
    for text, why in units:
        key = textnorm.key(text)
        if len(key) < 3 and len(textnorm.fold(text)) >= 6 and why == "name":
            # a name made almost all of filler (基本公共服务达标): the whole name, as written
            found.append(Phrase((textnorm.fold(text),), WHOLE_NAME))
        if len(key) < 3:   # 强化服务标准建设 keys to 标准: keep the inner words, 服务标准
            key, why = _trimmed(textnorm.fold(text)), f"{why}-{TRIMMED}"
        elif in_text and len(key) < WHOLE_BELOW and textnorm.fold(text).endswith("服务") and not key.endswith("服务"):
            key = _lead_trimmed(textnorm.fold(text))   # the key lost its head word (服务 of 基本养老服务)
        if len(key) >= 3:
            found.append(Phrase((key,), why))
    seen, out = set(), []
    for phrase in found:
        if phrase.parts not in seen:
            seen.add(phrase.parts)
            out.append(phrase)
    return tuple(out)


CLAUSE_MIN = 12     # specific characters a clause of a task's quote needs to be looked for
CLAUSE_FOUND = 0.8  # a long clause copied with a word or two changed (供给主体 -> 服务提供机构)
CLAUSE = "clause"


def clauses(item: Item) -> tuple[Phrase, ...]:
    """The long clauses of a task's quote (its own paragraph), for the search of the text:
    provinces often copy the national wording under a heading of their own (引导…提供与当地
    城乡居民收入水平相适应的普惠性非基本公共服务). Targets and services quote sentences
    that also say other things, so only tasks."""
    if item.kind != "tasks":
        return ()
    return _clauses_of(item.evidence.quote)


END_STATE = "end-state"
WHOLE_NAME = "whole-name"   # a name of filler words and one short word, looked for whole


def end_state(item: Item) -> tuple[Phrase, ...]:
    """A target whose value is a word (无缺项, 不高攀, 全国统筹): the clause of its quote that holds
    the word, as the plan writes it (确保内容无缺项, 实现企业职工基本养老保险全国统筹). A province
    that writes the same end state states the target, whatever it calls the indicator."""
    if not isinstance(item, Target):
        return ()
    return _end_state_of(item.target, item.evidence.quote)


@cache
def _end_state_of(value: str, quote: str) -> tuple[Phrase, ...]:
    from ..core.values import try_parse

    parsed = try_parse(value)
    word = textnorm.fold(value)
    if parsed is None or parsed.numeric or parsed.empty or len(word) < 2:
        return ()
    out = []
    for sentence in re.split(r"[，,。；;：:]", unicodedata.normalize("NFKC", quote)):
        items = [_trim_lead(textnorm.fold(c), word) for c in sentence.split("、")]
        for n, folded in enumerate(items):
            if word in folded and len(folded) >= len(word) + 2:
                # one end state of a list (内容无缺项、目标人群全覆盖、…、服务可持续): the list is what
                # says whose end state it is, so another of its items must stand beside it
                others = [o for m, o in enumerate(items) if m != n and len(o) >= 4]
                out += [Phrase((folded, o), END_STATE) for o in others] if others else [Phrase((folded,), END_STATE)]
    return tuple(out)


def _trim_lead(folded: str, word: str) -> str:
    """实现企业职工基本养老保险全国统筹 -> 企业职工基本养老保险全国统筹 (实现 is no part of the end
    state); 服务可持续 stays whole (trimmed, too little would be left beside the word)."""
    while True:
        trimmed = _lead_trimmed(folded)
        if trimmed == folded or len(trimmed) < len(word) + 4:
            return folded
        folded = trimmed


def clauses_of_text(text: str) -> tuple[Phrase, ...]:
    """The long clauses of any text (a task's whole paragraph)."""
    return _clauses_of(text)


@cache
def _clauses_of(quote: str) -> tuple[Phrase, ...]:
    parts = re.split(r"[，,。；;：:！？]", unicodedata.normalize("NFKC", quote))
    keys = [textnorm.key(p) for p in parts]
    return tuple(Phrase((k,), CLAUSE) for k in keys if len(k) >= CLAUSE_MIN)


@lru_cache(maxsize=4096)
def _lead_trimmed(folded: str) -> str:
    """The folded name without the filler words it starts with (加强, 推进 …), its head kept."""
    words = textnorm.filler_words()
    head = next((w for w in words if folded.startswith(w) and len(folded) > len(w)), "")
    return folded[len(head):]


@lru_cache(maxsize=4096)
def _trimmed(folded: str) -> str:
    """The folded name without one filler word at each end (强化服务标准建设 -> 服务标准)."""
    folded = _lead_trimmed(folded)
    words = textnorm.filler_words()   # longest first
    tail = next((w for w in words if folded.endswith(w) and len(folded) > len(w)), "")
    return folded[:len(folded) - len(tail)]


def _found(part: str, text: str) -> tuple[bool, float]:
    if len(part) < WHOLE_BELOW or part in text:
        return part in text, 1.0
    chars = set(part)
    if len(chars & set(text)) < FOUND * len(chars):   # cheap: most names share too few characters
        return False, 0.0
    score = textsearch.coverage(part, text)[0]
    return score >= FOUND, score


class Names:
    """The names of B's items, folded once, to ask which of them state an item of A.

    A phrase taken from x's own name must also make up most of y's name, made the same
    way: 基本医疗保险 states 职工基本医疗保险, but 目标人群覆盖 does not state
    困难残疾人…补贴目标人群覆盖率, nor 住房保障 the narrower 加大城镇化发展住房保障需求.
    A phrasing of the vocabulary is specific by itself (助学金 in 普通高中国家助学金)."""

    def __init__(self, items: list[Item]):
        self.items = items
        folded = [textnorm.fold(y.name) for y in items]
        # each form joined into one text: a phrase is looked for in all names at once
        self._forms = {form: _Joined(names) for form, names in (
            ("folded", folded), ("key", [textnorm.key(f) for f in folded]), ("trimmed", [_trimmed(f) for f in folded]))}

    def stating(self, x: Item, know: Knowledge | None = None, among: tuple[Phrase, ...] | None = None
                ) -> list[tuple[Item, Phrase]]:
        """B's items whose names state x, each with the first phrase of x it holds, in B's order
        (`among`: these phrases instead of x's own)."""
        found: dict[int, Phrase] = {}
        for phrase in (phrases(x, know) if among is None else among):
            if phrase.why in (PHRASING, KNOWN_NAME, PART, WHOLE_NAME):
                names = self._forms["folded"]
                hits = [n for n in names.holding(phrase.parts[0])
                        if all(part in names.texts[n] for part in phrase.parts[1:])]
            else:
                names = self._forms["trimmed" if phrase.why.endswith(TRIMMED) else "key"]
                part = phrase.parts[0]
                hits = [n for n in names.holding(part) if len(part) >= NAME_SHARE * len(names.texts[n])]
            for n in hits:
                found.setdefault(n, phrase)
        return [(self.items[n], found[n]) for n in sorted(found)]


class _Joined:
    """Names joined into one text, to find every name that holds a phrase in one pass."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.joined = "\n".join(texts)
        self.starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))

    def holding(self, part: str) -> list[int]:
        out: list[int] = []
        at = self.joined.find(part)
        while at >= 0:
            n = bisect_right(self.starts, at) - 1
            if not out or out[-1] != n:
                out.append(n)
            at = self.joined.find(part, at + 1)
        return out


NAME_SHARE = 0.55  # a name phrase found in another name must be this much of it (农村符合条件的计划生育家庭奖励扶助)
TRIMMED = "trimmed"   # a phrase's `why` ends -trimmed when its name lost a filler word at each end


class Mention(NamedTuple):
    hit: textsearch.Hit
    phrase: Phrase


def _any_passage(passage: int) -> bool:
    return True


def find_all(index: textsearch.TextIndex, phrases_: tuple[Phrase, ...],
             usable: Callable[[int], bool] = _any_passage) -> list[Mention]:
    """Every sentence holding one of the phrases (its best phrase each), best first, then in text order."""
    best: dict[int, Mention] = {}
    for phrase in phrases_:
        for h in _hits(index, phrase):
            if usable(h.passage) and (h.passage not in best or h.score > best[h.passage].hit.score):
                best[h.passage] = Mention(h, phrase)
    return sorted(best.values(), key=lambda m: (-m.hit.score, m.hit.passage))


def find(index: textsearch.TextIndex, x: Item, usable: Callable[[int], bool] = _any_passage, know: Knowledge | None = None,
         among: tuple[Phrase, ...] | None = None) -> Mention | None:
    """The sentence of the indexed text that states x best (first in the text on a tie),
    among the passages `usable` accepts (by number); `among`: these phrases instead of x's own."""
    best: Mention | None = None
    for phrase in (phrases(x, know, in_text=True) + clauses(x) if among is None else among):
        hits = [h for h in _hits(index, phrase) if usable(h.passage)]
        if hits and (best is None or (hits[0].score, -hits[0].passage) > (best.hit.score, -best.hit.passage)):
            best = Mention(hits[0], phrase)
    return best


def _hits(index: textsearch.TextIndex, phrase: Phrase) -> list[textsearch.Hit]:
    """Sentences that hold every part of the phrase; scored by the first part."""
    first, rest = phrase.parts[0], phrase.parts[1:]

    def holds_rest(n: int) -> bool:   # asked before the first part is placed in the sentence
        return all(_found(part, index.folded[n])[0] for part in rest)

    whole = len(first) < WHOLE_BELOW or phrase.why == WHOLE_NAME   # a name of filler but one word: as written
    if phrase.why == END_STATE:   # every character, side by side (标准不攀高 for 标准不高攀), never spread out
        return _side_by_side(index, first, holds_rest)
    if whole:   # found as written: no need to measure how much of it stands together
        return _written(index, first, holds_rest)
    threshold = CLAUSE_FOUND if phrase.why == CLAUSE else FOUND
    return [h for h in textsearch.search(index, first, threshold)
            if _head_in_window(index, h, first) and holds_rest(h.passage)]


def _side_by_side(index: textsearch.TextIndex, text: str, keep: Callable[[int], bool] = _any_passage) -> list[textsearch.Hit]:
    """Passages holding every character of `text` within a window of its length (plus one): the
    words may be swapped (标准不攀高 for 标准不高攀), never spread out. `keep`: which passages may count."""
    chars = set(text)
    grams = {text[i:i + 2] for i in range(len(text) - 1)}
    candidates = sorted({n for g in grams for n in index.pairs.get(g, ())})
    out = []
    for n in candidates:
        folded = index.folded[n]
        if not all(ch in folded for ch in chars) or not keep(n):
            continue
        score, lo, hi = textsearch.coverage(text, folded)
        if score == 1.0 and hi - lo <= len(text) + 1:
            offsets = textsearch._offsets(index.passages[n])
            out.append(textsearch.Hit(n, 1.0, offsets[lo], offsets[hi - 1] + 1))
    return out


def _written(index: textsearch.TextIndex, text: str, keep: Callable[[int], bool] = _any_passage) -> list[textsearch.Hit]:
    """The passages holding `text` as written (score 1.0), in text order: the candidates are the
    passages holding all of its character pairs. `keep`: which passages may count."""
    grams = [text[i:i + 2] for i in range(len(text) - 1)]
    candidates: Iterable[int]
    if not grams:
        candidates = range(len(index.folded))
    else:
        postings = sorted((index.pairs.get(g, ()) for g in set(grams)), key=len)
        candidates = set(postings[0]).intersection(*postings[1:]) if postings[0] else ()
    out = []
    for n in sorted(candidates):
        at = index.folded[n].find(text)
        if at >= 0 and keep(n):
            offsets = textsearch._offsets(index.passages[n])
            out.append(textsearch.Hit(n, 1.0, offsets[at], offsets[at + len(text) - 1] + 1))
    return out


def _head_in_window(index: textsearch.TextIndex, hit: textsearch.Hit, phrase: str) -> bool:
    """A match that misses a character or two must still hold the phrase's head word (its
    last two characters) as written: 保障性租赁住房租金 is not stated where 租金 is missing."""
    passage = index.passages[hit.passage]
    window = textnorm.fold(passage.text[hit.start - passage.start:hit.end - passage.start])
    return phrase[-2:] in window
