"""The reference plan's own words as the drafter's vocabulary: every province mirrors the
national plan, so its indicator names, service items and task headings say what a new
text's sentences are about (a sentence naming 普惠托位占比 states a target of 幼有所育; a
paragraph naming 法律援助 names a basic service). Read at run time from the data folder's
plan with `level: national` (data/plans/national.yaml), never one province's phrasing.

Drafting the reference plan itself, there is none: it is not its own vocabulary.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..ingest.evidence import squeeze


@dataclass(frozen=True)
class Word:
    name: str          # as the reference plan writes it
    folded: str        # width, whitespace and unit parentheticals folded (core/textnorm.fold)
    domain: str
    unit: str | None = None
    needs: str | None = None   # a part of a list sharing its last words (公共图书馆 of 博物馆、…、公共图书馆、文化馆(站)等
    #                            设施免费或优惠开放): named only by a sentence that also says them (开放)


@dataclass(frozen=True)
class Reference:
    indicators: tuple[Word, ...] = ()   # its targets' indicators (restatements apart)
    services: tuple[Word, ...] = ()     # its services' items, split at 、 (流浪乞讨人员救助; 农家书屋、农村电影放映: two)
    headings: tuple[Word, ...] = ()     # its tasks' titles
    # its services' sentences: (the sentence's character pairs, punctuation and spaces removed; the
    # whole item): a province's sentence that restates one names that service, even when it parts
    # the name (…计划生育双女家庭，继续实行现行各项奖励扶助制度: 计划生育家庭奖励扶助)
    statements: tuple[tuple[frozenset[str], Word], ...] = ()

    def indicator(self, name: str) -> Word | None:
        """The reference indicator this name names: the same (folded), or one inside the other."""
        return _best(self.indicators, name)

    def service(self, name: str) -> Word | None:
        return _best(self.services, name)

    def restated(self, sentence: str) -> list[Word]:
        """The services whose reference sentence this one restates (nine in ten character pairs shared)."""
        mine = pairs(sentence)
        return [word for theirs, word in self.statements
                if mine and 2 * len(mine & theirs) >= RESTATES * (len(mine) + len(theirs))]


RESTATES = 0.9


def pairs(sentence: str) -> frozenset[str]:
    """A sentence's character pairs, without punctuation and whitespace."""
    import re

    text = re.sub(r"[\s，,。；;：:、！？!?“”‘’\"'（）()]", "", sentence)
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def _best(words: tuple[Word, ...], name: str) -> Word | None:
    from ..core import textnorm

    folded = textnorm.fold(name)
    if len(folded) < 2:
        return None
    same = [w for w in words if w.folded == folded]
    if same:
        return same[0]
    within = [w for w in words if len(w.folded) >= 4 and w.folded in folded]
    if within:   # a reference name inside this one: the most specific
        return max(within, key=lambda w: len(w.folded))
    # this name inside a reference name: only when it says most of it (人群覆盖 is in 基本公共服务目标人群覆盖
    # and in 困难残疾人…护理补贴目标人群覆盖率: it names neither), the closest one
    around = [w for w in words if len(folded) >= 4 and folded in w.folded and 2 * len(folded) >= len(w.folded)]
    return min(around, key=lambda w: len(w.folded)) if around else None


def from_plan(plan: dict) -> Reference:
    from ..core import textnorm

    def word(name: str, item: dict, unit=None, needs=None) -> Word:
        return Word(name, textnorm.fold(name), item.get("domain") or "其他", unit, needs)

    indicators = tuple(word(t["indicator"], t, t.get("unit")) for t in plan.get("targets") or () if not t.get("restates"))
    services = []
    for s in plan.get("services") or ():
        parts = str(s["item"]).replace("和", "、").split("、")
        # A、B、C等设施免费开放: A, B and C are what the last words are said of; a sentence names
        # the service with them only when it says those words too
        shared = squeeze(parts[-1]).rsplit("等", 1)[1][-2:] if len(parts) > 1 and "等" in parts[-1][1:] else None
        for n, part in enumerate(parts):
            part = part.strip("“”\"' ")
            if len(squeeze(part)) >= 2:
                services.append(word(part, s, needs=shared if n < len(parts) - 1 else None))
    headings = tuple(word(t["title"], t) for t in plan.get("tasks") or ())
    statements = tuple((pairs(str((s.get("evidence") or {}).get("quote") or "")), word(str(s["item"]), s))
                       for s in plan.get("services") or () if (s.get("evidence") or {}).get("quote"))
    return Reference(indicators, tuple(services), headings, tuple((p, w) for p, w in statements if len(p) >= 8))


def load(ws) -> Reference | None:
    """The vocabulary of the workspace's reference plan (level: national), or None. Its plan
    files are read by the data folder's rule (a FIFO or a link out of the folder is skipped)."""
    from ..files.safeio import Unreadable
    from ..ingest.yamldoc import load as load_yaml

    for path in ws.folder.files("plans"):
        try:
            head = ws.folder.read_text(path)[:2000]
        except (Unreadable, UnicodeDecodeError):
            continue
        if "\nlevel: national" not in "\n" + unicodedata.normalize("NFKC", head):
            continue
        doc, _ = load_yaml(path, None, ws.folder)   # a broken reference plan: draft without its words (validate says why)
        if doc is not None and isinstance(doc.data, dict) and doc.data.get("level") == "national":
            return from_plan(doc.data)
    return None
