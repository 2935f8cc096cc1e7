"""What plancmp knows about the national commitments (vocab/commitments.yaml), ready to use.

The vocabulary says, once for every province: other names of a general term (农家书屋 ↔ 读书看报),
look-alikes that are another thing (受灾人员救助 is not 流浪乞讨人员救助), other names of a whole
national commitment, and the parts of a compound one (数字文化服务和流动文化服务: a province that
states one half states it `partial`).

`Knowledge(held_out=P)` is the same knowledge without the entries whose `seen_in` is only P:
`plancmp eval --holdout` scores each province with what the other provinces taught.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from ..core import textnorm
from ..core.model import Item
from ..core.notes import Note
from ..core.vocab import read as read_vocab

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace

_LIST = re.compile(r"[、，,；;]")
PHRASING = "phrasing"     # a term's other name, standing for the term's words in the item's name
KNOWN_NAME = "known"      # another name of the whole commitment
PART = "part-of"          # one part of a compound commitment


class Phrase(NamedTuple):
    parts: tuple[str, ...]   # folded; every part must be found
    why: str                 # how it was made: name, part, name-trimmed, part-trimmed, phrasing, clause, known, part-of
    head: str = ""           # the vocabulary words it stands for (a phrasing, a part)

    def __str__(self) -> str:
        return " … ".join(self.parts)

    @property
    def how(self) -> Note:
        """How the phrase was made, for the row's reasons."""
        return Note("phrase-" + self.why, {"head": self.head} if self.head else {})


Ways = tuple[tuple[str, ...], ...]   # each way: parts that must all stand in the text


def _ways(values: Iterable[str | list[str]] | None) -> tuple[tuple[str, ...], ...]:
    """[a, [b, c]] -> ((a,), (b, c)), folded."""
    return tuple(tuple(textnorm.fold(p) for p in (v if isinstance(v, list) else [v])) for v in values or ())


class Term(NamedTuple):
    term: str                              # folded
    items: tuple[str, ...]                 # national ids it is about besides the names holding it
    ways: tuple[tuple[str, ...], ...]      # names + includes
    differs: tuple[tuple[str, ...], ...]


class Commitment(NamedTuple):
    names: tuple[tuple[str, ...], ...]
    parts: tuple[str, ...]                 # as written (a part may itself be [a, b])
    part_ways: tuple[tuple[str, ...], ...]
    differs: tuple[tuple[str, ...], ...]


def _kept(entry: dict[str, Any], held_out: str | None) -> bool:
    seen = list(entry.get("seen_in") or ())
    return not (held_out and seen and set(seen) == {held_out})


class Knowledge:
    """The vocabulary, folded, with the entries a hold-out drops left out; `extra`: a data folder's
    own vocabulary (its vocab/commitments.yaml, what curators learnt there), read with it."""

    def __init__(self, held_out: str | None = None, extra: dict[str, Any] | None = None):
        self.held_out = held_out
        data = read_vocab("commitments.yaml")
        if extra and (extra.get("terms") or extra.get("commitments")):
            data = {k: [*(data.get(k) or ()), *(extra.get(k) or ())] for k in ("terms", "commitments")}
        self.terms = tuple(Term(textnorm.fold(e["term"]), tuple(e.get("items") or ()),
                                _ways(list(e.get("names") or ()) + list(e.get("includes") or ())),
                                _ways(e.get("differs_from")))
                           for e in data.get("terms") or () if _kept(e, held_out))
        commitments: dict[str, list[Commitment]] = {}
        for e in data.get("commitments") or ():
            if _kept(e, held_out):
                parts = tuple(e.get("parts") or ())
                commitments.setdefault(e["item"], []).append(
                    Commitment(_ways(e.get("names")), parts, _ways(parts), _ways(e.get("differs_from"))))
        self.commitments = commitments
        self._phrasings: dict[tuple[str, str], tuple[Phrase, ...]] = {}
        self._terms_of: dict[tuple[str, str], tuple[Term, ...]] = {}
        self._has_differs: dict[tuple[str, str], bool] = {}
        self._look: dict[tuple[str, str], tuple[tuple[Ways, Ways], ...]] = {}

    # ---------------------------------------------------------- about one national item

    def terms_of(self, item: Item) -> tuple[Term, ...]:
        k = (item.id, item.name)
        if k not in self._terms_of:
            folded = textnorm.fold(item.name)
            self._terms_of[k] = tuple(t for t in self.terms if t.term in folded or item.id in t.items)
        return self._terms_of[k]

    def phrasings(self, item: Item) -> tuple[Phrase, ...]:
        """What else to look for when looking for `item`: its terms' other names (with the rest of
        its name), and the other names of the whole commitment."""
        k = (item.id, item.name)
        if k in self._phrasings:
            return self._phrasings[k]
        folded = textnorm.fold(item.name)
        out: list[Phrase] = []
        halves = [textnorm.fold(h) for h in _LIST.split(item.name)] if item.kind != "targets" else []
        for t in self.terms_of(item):
            if t.term in folded:
                # in a list of services (失业保险、工伤保险) the rest is the rest of the term's own half
                own = next((h for h in halves if t.term in h), folded) if len(halves) > 1 else folded
                rest = textnorm.specific(textnorm.NUMBER.sub("", own.replace(t.term, "", 1)))
                extra = (rest,) if len(rest) >= 3 else ()
            else:
                extra = ()
            out += [Phrase(way + extra, PHRASING, t.term) for way in t.ways]
        for c in self.commitments.get(item.id, ()):
            out += [Phrase(way, KNOWN_NAME, folded) for way in c.names]
        seen, unique = set(), []
        for p in out:
            if p.parts not in seen:
                seen.add(p.parts)
                unique.append(p)
        self._phrasings[k] = tuple(unique)
        return self._phrasings[k]

    def parts(self, item: Item) -> tuple[tuple[str, tuple[Phrase, ...]], ...]:
        """The parts of a compound commitment, each with what to look for: its own words and the
        other names of a term of those words."""
        out = []
        for c in self.commitments.get(item.id, ()):
            for label, way in zip(c.parts, c.part_ways):
                shown = label if isinstance(label, str) else " … ".join(label)
                phrases = [Phrase(way, PART, shown)]
                if len(way) == 1:
                    phrases += [Phrase(w, PART, shown) for t in self.terms if t.term == way[0] for w in t.ways]
                out.append((shown, tuple(phrases)))
        return tuple(out)

    def has_differs(self, item: Item) -> bool:
        k = (item.id, item.name)
        if k not in self._has_differs:
            self._has_differs[k] = (any(t.differs for t in self.terms_of(item))
                                    or any(c.differs for c in self.commitments.get(item.id, ())))
        return self._has_differs[k]

    def differs(self, item: Item, folded: str) -> bool:
        """Does the folded text hold a look-alike of the item (and not the item's own words)?"""
        if not self.has_differs(item):
            return False
        name = folded.split("\n", 1)[0]   # an item's text is its name, then its quote
        for differs, own in self._look_alikes(item):
            if _holds_any(name, differs) and not _holds_any(name, own):
                return True   # named as the look-alike (城乡居民基本养老保险), whatever its quote also says
            if _holds_any(folded, differs) and not _holds_any(folded, own):
                return True
        return False

    def _look_alikes(self, item: Item) -> tuple[tuple[Ways, Ways], ...]:
        """(look-alikes, the item's own words that clear them) per entry, built once per item."""
        k = (item.id, item.name)
        if k not in self._look:
            out = [(t.differs, ((t.term,), *t.ways)) for t in self.terms_of(item) if t.differs]
            own = textnorm.fold(item.name)
            out += [(c.differs, ((own,),)) for c in self.commitments.get(item.id, ()) if c.differs]
            self._look[k] = tuple(out)
        return self._look[k]


class Texts:
    """Folded texts (what each of a plan's items says) joined once, so that the items holding a
    look-alike of an item are found by a few string searches instead of one check per item."""

    def __init__(self, texts: list[str]):
        from bisect import bisect_right
        from itertools import accumulate

        self.texts = texts
        self._joined = "\x00".join(texts)
        self._starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        self._bisect = bisect_right
        self._differing: dict[tuple[str, str], frozenset[int]] = {}

    def holding(self, part: str) -> set[int]:
        out, at = set(), self._joined.find(part) if part else -1
        while at >= 0:
            out.add(self._bisect(self._starts, at) - 1)
            at = self._joined.find(part, at + 1)
        return out

    def differing(self, know: Knowledge, item: Item) -> frozenset[int]:
        """The indices of the texts that hold a look-alike of the item (know.differs), once per item."""
        k = (item.id, item.name)
        if k not in self._differing:
            found: set[int] = set()
            if know.has_differs(item):
                maybe = set().union(*(self.holding(way[0]) for differs, _own in know._look_alikes(item)
                                      for way in differs)) if know._look_alikes(item) else set()
                found = {n for n in maybe if know.differs(item, self.texts[n])}
            self._differing[k] = frozenset(found)
        return self._differing[k]


def _holds_any(folded: str, ways: Ways) -> bool:
    return any(all(p in folded for p in way) for way in ways)


@cache
def default() -> Knowledge:
    return Knowledge()


@cache
def held_out(plan_id: str) -> Knowledge:
    return Knowledge(plan_id)


_OF_FOLDER: dict[tuple[str | None, str], Knowledge] = {}


def of_workspace(ws: Workspace, without: str | None = None) -> Knowledge:
    """The vocabulary a diff over the workspace's data folder uses: the package's, and the
    folder's own vocab/commitments.yaml when it has one (`without`: a plan id, the entries of
    either seen only in that plan left out, as held_out)."""
    extra = ws.vocabulary() if ws is not None else None
    if not extra or not (extra.get("terms") or extra.get("commitments")):
        return held_out(without) if without else default()
    key = (without, repr(extra))
    if key not in _OF_FOLDER:
        _OF_FOLDER[key] = Knowledge(without, extra)
    return _OF_FOLDER[key]
