"""Does plan B state plan A's item? What to look for, and where it was found.

An item is looked for by its phrases: the name with the filler words removed
(textnorm.key), each half of an "A、B" name (失业保险、工伤保险), and the phrasings of
vocab/phrasings.yaml for a phrase the name contains (两免一补 -> 免除学杂费 …).
A phrase is found in a name or a sentence when nearly all of its characters stand
together there (textsearch.coverage); a phrase of several parts needs every part.

Two places to look, in this order (plancmp/compare.py asks):
1. B's curated items of every kind: `states(x, y)` when y's name holds a phrase of x.
2. B's whole source text: `find(index, x)`, the best sentence holding a phrase.
Short phrases must be found whole: a shared word or two is not a mention.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

from . import textnorm, textsearch
from .model import Item
from .vocab import read as read_vocab

FOUND = 0.85        # share of a phrase's characters that must stand together
WHOLE_BELOW = 5     # phrases shorter than this must be found as written
_PARTS = re.compile(r"[、，,；;]")


class Phrase(NamedTuple):
    parts: tuple[str, ...]   # folded; every part must be found
    why: str                 # how the phrase was derived, for the row's reasons

    def __str__(self) -> str:
        return " … ".join(self.parts)


@cache
def _phrasings() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    data = read_vocab("phrasings.yaml")["phrasings"]
    out = []
    for head, ways in data.items():
        parts = tuple(tuple(textnorm.fold(p) for p in (w if isinstance(w, list) else [w])) for w in ways)
        out.append((textnorm.fold(head), parts))
    return tuple(out)


def phrases(item: Item) -> tuple[Phrase, ...]:
    """What to look for when looking for `item` in another plan, most telling first."""
    name = unicodedata.normalize("NFKC", item.name)
    units = [(name, "name")]
    halves = _PARTS.split(name)
    # a list of services (失业保险、工伤保险) names each; an indicator's 、 joins qualifiers
    if item.kind != "targets" and len(halves) > 1 and all(len(textnorm.key(h)) >= 4 for h in halves):
        units += [(h, "part of the name") for h in halves]
    found: list[Phrase] = []
    for text, why in units:
        key = textnorm.key(text)
        if len(key) >= 3:
            found.append(Phrase((key,), why))
        found += _rephrased(textnorm.fold(text))
    seen, out = set(), []
    for phrase in found:
        if phrase.parts not in seen:
            seen.add(phrase.parts)
            out.append(phrase)
    return tuple(out)


def _rephrased(folded: str) -> list[Phrase]:
    """The phrasings of vocab/phrasings.yaml for a phrase the name holds. A phrasing stands
    for the words it replaces only: the rest of the name must still be found with it
    (主要城市群…常住人口覆盖 needs 主要城市群 beside 覆盖全部常住人口)."""
    out = []
    for head, ways in _phrasings():
        if head not in folded:
            continue
        rest = textnorm.key(folded.replace(head, "", 1))
        extra = (rest,) if len(rest) >= 3 else ()
        out += [Phrase(parts + extra, f"phrasing of {head}") for parts in ways]
    return out


def _holds(phrase: Phrase, text: str) -> bool:
    return all(_found(part, text)[0] for part in phrase.parts)


def _found(part: str, text: str) -> tuple[bool, float]:
    if len(part) < WHOLE_BELOW or part in text:
        return part in text, 1.0
    chars = set(part)
    if len(chars & set(text)) < FOUND * len(chars):   # cheap: most names share too few characters
        return False, 0.0
    score = textsearch.coverage(part, text)[0]
    return score >= FOUND, score


def states(x: Item, y: Item) -> Phrase | None:
    """The phrase of x that y's name holds (y states x), or None."""
    name = textnorm.fold(y.name)
    return next((p for p in phrases(x) if _holds(p, name)), None)


class Mention(NamedTuple):
    hit: textsearch.Hit
    phrase: Phrase


def find(index: textsearch.TextIndex, x: Item, usable=lambda passage: True) -> Mention | None:
    """The sentence of the indexed text that states x best (first in the text on a tie),
    among the passages `usable` accepts (by number)."""
    best: Mention | None = None
    for phrase in phrases(x):
        hits = [h for h in _hits(index, phrase) if usable(h.passage)]
        if hits and (best is None or (hits[0].score, -hits[0].passage) > (best.hit.score, -best.hit.passage)):
            best = Mention(hits[0], phrase)
    return best


def _hits(index: textsearch.TextIndex, phrase: Phrase) -> list[textsearch.Hit]:
    """Sentences that hold every part of the phrase; scored by the first part."""
    first, rest = phrase.parts[0], phrase.parts[1:]
    whole = len(first) < WHOLE_BELOW
    return [h for h in textsearch.search(index, first, 1.0 if whole else FOUND)
            if (not whole or first in index.folded[h.passage])
            and all(_found(part, index.folded[h.passage])[0] for part in rest)]
