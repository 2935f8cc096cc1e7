"""Services named in prose, for a text without an enumerated list (Gansu and Fujian name their
basic services inside paragraphs and boxes): drafted `listed: false`, each with the sentence
that names it as its quote.

A sentence names a service three ways:
- it provides one to a group: 为农村计划怀孕夫妇…免费提供孕前优生健康检查、孕早期健康检查…等服务
  (the items, split at 、 and 和; the group as `target_group`);
- a verb of delivery before a service's name: 加强卫生监督协管服务, 完善疾病应急救助制度
  (plancmp/vocab/draft.yaml `service_verbs`, `service_heads`: the words a service's name ends
  in, 服务 救助 补贴 检查 …; a trailing 制度/政策 is not part of the name);
- it names a service of the reference plan (its items: 法律援助, 公租房保障, 棚户区改造 …), or
  restates the reference plan's own sentence for one (nine in ten character pairs shared): the
  reference's item then, though the province parts its name (…双女家庭，继续实行现行各项奖励扶助制度:
  计划生育家庭奖励扶助), as a curator would write it.
Read in the chapters about basic public services (a chapter whose title says 基本公共服务, not
非基本) and, for the reference plan's services, in every chapter that plans.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..ingest.evidence import squeeze
from .domains import OTHER, guess
from .figures import _context, _heading_of, _segments
from .model import Draft, ordered, unique_id, words
from .reference import Reference
from .text import Document, Line, paragraphs

_SENTENCE = re.compile(r"[^。！？；;]*(?:[。！？；;]|$)")
_SPLIT = re.compile(r"、|和|以及")
MIN_NAME, MAX_NAME = 3, 30
SPREAD = 1.5   # a reference service's name, words inserted: at most this times its length


def draft(doc: Document, out: Draft, taken: set[str], reference: Reference | None, skip_boxes: set[int]) -> None:
    counters: dict[str, Any] = {}   # where -> how many services it holds; "named" -> the services named
    for para in paragraphs(doc):
        first = para.lines[0]
        if _context(first) != "plan":
            continue
        _read(para.text, first, _basic(first), reference, out, taken, counters, _heading_of(para.text))
    for number, lines in sorted(doc.boxes.items()):
        if number in skip_boxes or _context(lines[0]) != "plan":
            continue
        for line in lines[1:]:
            for segment in _segments(line.text):
                _read(segment, line, _basic(lines[0]), reference, out, taken, counters, _heading_of(segment))


def _basic(line: Line) -> bool:
    """In a chapter about basic public services (基本公共服务, not 非基本)."""
    title = line.chapter.title if line.chapter is not None else ""
    return "基本公共服务" in title and "非基本" not in title


def _read(text: str, line: Line, basic: bool, reference: Reference | None, out: Draft, taken: set[str],
          counters: dict[str, Any], heading: str) -> None:
    named_before = counters.setdefault("named", set())   # a service named again is not another service
    for quote in (m.group(0).strip() for m in _SENTENCE.finditer(text)):
        sentence = squeeze(quote)
        if not sentence:
            continue
        found: list[tuple[str, str | None, str | None]] = []   # (item, target group, reference domain)
        if basic:
            found += [(name, group, None) for name, group in _provided(sentence) + _delivered(sentence)]
        if reference is not None:
            for word in reference.services:
                if word.needs and word.needs not in sentence:
                    continue
                name = _named(sentence, squeeze(word.name))
                if name and not _modifies(sentence, name):
                    found.append((name, None, word.domain))
            for word in reference.restated(sentence):   # the reference's own sentence, restated: its
                parts = [squeeze(p) for p in re.split("[、和]", word.name)]   # item, unless named above
                if not any(_named(sentence, part) for part in parts):
                    found.append((squeeze(word.name), None, word.domain))
        seen: list[str] = []
        for name, group, known in found:
            if any(name in other or other in name for other in seen) or name in named_before:
                continue
            seen.append(name)
            named_before.add(name)
            named = reference.service(name) if reference is not None else None
            domain = known or (named.domain if named else None) or guess(heading) or guess(name) or guess(sentence) or OTHER
            item: dict[str, Any] = {"domain": domain, "item": name}
            if group:
                item["target_group"] = group
            item["listed"] = False
            item["evidence"] = {"quote": quote, "section": line.where()}
            where = (line.box.label.replace("专栏", "box") if line.box is not None else
                     f"ch{line.chapter.number if line.chapter else 0}" + (f"-s{line.section.number}" if line.section else ""))
            counters[where] = counters.get(where, 0) + 1
            item["id"] = unique_id(f"{where}-service-{counters[where]}", taken)
            out.services.append(ordered("services", item))


def _modifies(sentence: str, name: str) -> bool:
    """The name stands in a phrase before 的 that describes another service, in its clause
    (与基本医疗保险有机衔接的商业健康保险: the sentence names 商业健康保险, not 基本医疗保险), wherever
    the sentence writes it."""
    heads = tuple(words()["service_heads"])
    if name not in sentence:
        return False
    for found in re.finditer(re.escape(name), sentence):
        clause = re.split(r"[，,；;：:。、]", sentence[found.end():], maxsplit=1)[0]
        head = re.split(r"[和及与]", clause.rsplit("的", 1)[1])[0] if "的" in clause else ""
        if not (len(head) >= 2 and head.endswith(heads)):
            return False   # named for itself here
    return True


def _named(sentence: str, name: str) -> str | None:
    """The words of the sentence that name a reference service: the name itself, or its
    characters in order with a few words between (计划生育特殊家庭全方位帮扶保障 names
    计划生育特殊家庭帮扶保障), within one clause; the province's words are the item. Read with
    full-width and half-width letters alike (退役军人服务中心（站） names 退役军人服务中心(站))."""
    original, sentence, name = sentence, sentence.translate(_NARROW), name.translate(_NARROW)
    if len(name) < 4:
        return None
    if name in sentence:
        at = sentence.find(name)
        return original[at:at + len(name)]
    limit = int(len(name) * SPREAD)
    for start in (m.start() for m in re.finditer(re.escape(name[:2]), sentence)):
        at, end = start, None
        for char in name:
            at = sentence.find(char, at)
            if at < 0 or at - start >= limit:
                break
            at += 1
        else:
            end = at
        if end is not None and not re.search(r"[，,；;。、]", sentence[start:end]) and name[-2:] == sentence[end - 2:end]:
            return original[start:end]
    return None


# full-width letters, digits and signs as their half-width selves, one character for one
_NARROW = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    vocab = words()
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))
    provide = re.compile(rf"(?<![作成认以视改称行])(?:为|向|对)(?P<group>[^，,；;：:。]{{2,40}}?)(?:{alt(vocab['service_manner'])})*"
                         rf"(?:提供|发放|给予)(?P<obj>[^，,；;：:。]{{2,80}})")
    deliver = re.compile(rf"(?:^|[，,；;：:。、）)]|{alt(vocab['service_manner'])})(?:{alt(vocab['service_verbs'])})+"
                         rf"(?P<np>[^，,；;：:。]{{2,40}})")
    return provide, deliver


def _provided(sentence: str) -> list[tuple[str, str | None]]:
    provide, _ = _patterns()
    out = []
    for m in provide.finditer(sentence):
        group = m.group("group")
        if any(group.startswith(v) for v in words()["service_verbs"]):
            continue
        for name in _items(m.group("obj")):
            out.append((name, group))
    return out


def _delivered(sentence: str) -> list[tuple[str, None]]:
    _, deliver = _patterns()
    heads = tuple(words()["service_heads"])
    out = []
    for m in deliver.finditer(sentence):
        np = re.sub("(?:" + "|".join(map(re.escape, words()["service_tails"])) + ")$", "", m.group("np"))
        if not np.endswith(heads):
            continue
        for name in _items(np, whole=True):
            if name.endswith(heads):
                out.append((name, None))
    return out


def _items(phrase: str, whole: bool = False) -> list[str]:
    """A phrase's service names: split at 、/和 (when each part is a name), 等服务 and a trailing
    制度/政策 … cut, the words before a 的 dropped (必要的无偿法律服务: 无偿法律服务)."""
    vocab = words()
    tails = "(?:" + "|".join(map(re.escape, vocab["service_tails"])) + ")+$"
    phrase = re.sub(r"(?:等服务|等|服务项目)$", "", re.sub(tails, "", phrase))
    parts = [re.sub(r"(?:等服务|等)$", "", re.sub(tails, "", p)) for p in _SPLIT.split(phrase) if p]
    if whole and any(len(p) < 4 for p in parts):
        parts = [phrase]   # 重大疾病医疗保险和救助: one name
    out = []
    for part in parts:
        part = part.strip("“”‘’")
        if "的" in part and len(part.rsplit("的", 1)[1]) >= 4:
            part = part.rsplit("的", 1)[1]
        if not (MIN_NAME <= len(part) <= MAX_NAME) or re.search("|".join(vocab["not_service_words"]), part):
            continue
        if part.endswith(tuple(vocab["not_service_heads"])) or part in vocab["not_service_names"]:
            continue
        out.append(part)
    return out
