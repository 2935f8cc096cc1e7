"""Text as the aligner compares it.

`fold` removes what differs between two copies of the same words (full/half width,
punctuation, stray spaces, unit parentheticals such as （万人次）, footnote stars);
`key` also removes numbers and the filler words of plancmp/vocab/filler.yaml
(加快, 推进, 进一步 …) so that names are compared by what they promise.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from .vocab import read as read_vocab, units

NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PAREN = re.compile(r"[（(]([^（）()]*)[）)]")


@cache
def _filler() -> tuple[tuple[str, ...], frozenset[str]]:
    data = read_vocab("filler.yaml")
    words = sorted({unicodedata.normalize("NFKC", w) for w in data["filler"]}, key=lambda w: (-len(w), w))
    punct = frozenset(unicodedata.normalize("NFKC", data["punctuation"]))
    return tuple(words), punct


def filler_words() -> tuple[str, ...]:
    return _filler()[0]


@cache
def _filler_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in filler_words()))  # longest first


@cache
def _known_units() -> frozenset[str]:
    return frozenset(units()) | {"人次", "%"}


def _drop_unit_parentheticals(text: str) -> str:
    known = _known_units()

    def repl(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        return "" if inner in known or inner.startswith("单位") else inner

    return _PAREN.sub(repl, text)


def fold(text: str | None) -> str:
    """Width, punctuation, spaces and unit parentheticals folded away; numbers kept."""
    if not text:
        return ""
    return _fold(text)


@lru_cache(maxsize=1 << 15)
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _drop_unit_parentheticals(text)
    return "".join(filter(_kept, text))


@cache
def _kept(char: str) -> bool:
    """A character that fold keeps: not a space, not punctuation, not a bracket."""
    return not (char.isspace() or char in _filler()[1] or unicodedata.category(char).startswith("P")
                or char in "()[]{}〔〕")


@cache
def fold_char(char: str) -> str:
    """One character as fold reads it in running text (a unit parenthetical needs its context)."""
    return "".join(filter(_kept, unicodedata.normalize("NFKC", char)))


def key(text: str | None) -> str:
    """`fold`, then numbers and filler words removed: the part of a name that says what."""
    return _key(text or "")


@lru_cache(maxsize=1 << 15)
def _key(text: str) -> str:
    folded = NUMBER.sub("", fold(text))
    # a name made only of filler (服务, 推进建设) keeps its words: better than nothing
    return specific(folded) or folded


def specific(folded: str) -> str:
    """A folded text without its filler words (possibly nothing left)."""
    return _filler_pattern().sub("", folded)

