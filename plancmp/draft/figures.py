"""Targets the body text and the boxes state: a figure (a number with its unit, and the
comparator, verb and stretch word written before it: 达到85%以上, 力争达到4.5个, 至少建成1所,
累计新开工改造棚户区19万户（套）, 〔125〕) or an end state in words (实现…全覆盖, 应保尽保,
全面普及…), each with the sentence that states it as its quote.

- the year: the one the sentence names before the figure (到2025年, 2020年), else the plan's
  last year (or, where the text reports the past, 2020);
- flags: 累计 or 〔〕 cumulative, 年均 annual_average (plancmp/vocab/draft.yaml `flag_words`),
  力争/争取 aspirational;
- the indicator: the clause without the figure and without the words around it that are not
  a name (到2025年, 全省, 推动 … : draft.yaml `figure_lead`, `figure_tail`);
- `restates:` the indicator-table row it names again (the same name, vocab/indicators.yaml
  `same_names` folded, or one name inside the other);
- the domain: the row it restates, else the reference plan's indicator it names, else the
  keywords, else the heading of its paragraph.
Where a text reports the past (发展基础: draft.yaml `past_sections`) only figures that restate
a table row are drafted (the 2020 value of an indicator); aims and principles state none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..ingest.evidence import squeeze
from .domains import OTHER, guess
from .model import Draft, ordered, unique_id, words
from .reference import Reference
from .text import Document, Line, paragraphs

_SENTENCE = re.compile(r"[^。！？；;]*(?:[。！？；;]|$)")
_CLAUSE_END = re.compile(r"[，,：:；;。！？]")
_YEAR = re.compile(r"(20\d\d)\s*年")
_NUMERALS = "一二两三四五六七八九十百千"


@dataclass
class Figure:
    start: int          # in the sentence
    end: int
    value: str          # as written, whitespace removed
    unit: str | None    # the unit written with it, when plancmp/vocab/units.yaml knows it
    words: bool = False  # an end state in words (全覆盖), not a number


def draft(doc: Document, out: Draft, taken: set[str], rows: list[dict], reference: Reference | None,
          skip_boxes: set[int], period_end: int = 2025) -> None:
    """Every figure and end state of the body text and of the boxes not read as a table or a list."""
    counters: dict[str, int] = {}
    for para in paragraphs(doc):
        context = _context(para.lines[0])
        if context is None:
            continue
        _read(para.text, para.lines[0], "text", context, out, taken, rows, reference, counters, period_end,
              _heading_of(para.text))
    for number, lines in sorted(doc.boxes.items()):
        context = _context(lines[0])
        if number in skip_boxes or context is None:
            continue
        for line in lines[1:]:
            for segment in _segments(line.text):
                _read(segment, line, "box", context, out, taken, rows, reference, counters, period_end,
                      _heading_of(segment))


def _segments(text: str) -> list[str]:
    from .model import TAG

    return [s.strip() for s in re.split(r"\t|" + TAG.pattern, text, flags=re.I) if s.strip()]


def _heading_of(text: str) -> str:
    """A paragraph's run-in heading (育幼服务。…, 卫生医疗 …), the words its domain may come from."""
    match = re.match(r"^([^。，,；;：:]{2,16})[。：:\s]", text)
    return match.group(1) if match else ""


def _context(line: Line) -> str | None:
    """"plan" where the text plans (or states its goals), "past" where it reports the past
    (only restatements), None where it states neither (a preface, principles, the outlook)."""
    vocab = words()
    titles = [h.title for h in (line.section, line.chapter) if h is not None]
    if line.chapter is None and line.box is None:
        return None
    for title in titles:   # the section before its chapter: 总体要求 / 主要目标 states goals
        if any(w in title for w in vocab["goal_sections"]):
            return "plan"
        if any(w in title for w in vocab["past_sections"]):
            return "past"
        if any(w in title for w in vocab["not_tasks"]):
            return None
    return "plan"


def _read(text: str, line: Line, basis: str, context: str, out: Draft, taken: set[str], rows: list[dict],
          reference: Reference | None, counters: dict[str, int], period_end: int, heading: str) -> None:
    for quote in (m.group(0).strip() for m in _SENTENCE.finditer(text)):
        sentence = squeeze(quote)   # read without whitespace (the copies put spaces inside words), quoted as written
        if not sentence:
            continue
        found = figures(sentence)
        previous, last = 0, ""
        for k, figure in enumerate(found):
            following = found[k + 1] if k + 1 < len(found) else None
            items = _targets(sentence, quote, figure, previous, following, last, line, basis, context, rows, reference,
                             period_end, heading)
            previous = figure.end
            for item in items:
                last = item["indicator"]
                _add(item, line, basis, counters, taken, out)


def _add(item: dict, line: Line, basis: str, counters: dict[str, int], taken: set[str], out: Draft) -> None:
    """The item with an id that says where it stands (ch4-s2-target-3, box2-target-1)."""
    where = (line.box.label.replace("专栏", "box") if basis == "box" and line.box is not None else
             f"ch{line.chapter.number}" + (f"-s{line.section.number}" if line.section else "")
             if line.chapter is not None else "text")
    counters[where] = counters.get(where, 0) + 1
    item["id"] = unique_id(f"{where}-target-{counters[where]}", taken)
    out.targets.append(ordered("targets", item))


def _targets(sentence: str, quote: str, figure: Figure, previous: int, following: Figure | None, last: str,
             line: Line, basis: str, context: str, rows: list[dict], reference: Reference | None, period_end: int,
             heading: str) -> list[dict]:
    """The target a figure states; several when names listed before it share it (A、B均达到80%以上)."""
    before, after = _around(sentence, figure, previous, following)
    indicator = _name(before, after, figure)
    if figure.words and any(w in figure.value for w in words()["standards"]) and not indicator.endswith(words()["standard_noun"]):
        indicator = _held_to(sentence, figure) or indicator
    if not indicator and not figure.words and last:
        indicator = last   # …托位数3个，力争达到4.5个: the same indicator again
    names = [indicator]
    if re.search(r"[均都](?:达到|达|为|在|不低于|超过)?$", before) and "、" in indicator and not after:
        names = [n for n in indicator.split("、") if len(n) >= 4] or names
    out = []
    for name in names:
        item = _target(sentence, quote, figure, name, line, basis, context, rows, reference, period_end, heading)
        if item is not None:
            out.append(item)
    return out


def _target(sentence: str, quote: str, figure: Figure, indicator: str, line: Line, basis: str, context: str,
            rows: list[dict], reference: Reference | None, period_end: int, heading: str) -> dict | None:
    if len(squeeze(indicator)) < 2 or len(squeeze(indicator)) > 40:
        return None
    year = _year(sentence, figure.start, context, period_end)
    restated = _restated(indicator, figure, rows)
    if restated is None and (context == "past" or year < period_end - 4):
        return None   # a past result: drafted only as the value of a table row for its year
    named = reference.indicator(indicator) if reference is not None else None
    domain = ((restated or {}).get("domain") or (named.domain if named else None)
              or guess(indicator) or guess(heading) or guess(sentence) or OTHER)
    unit = figure.unit
    if unit is None and restated is not None and not figure.words:
        unit = restated.get("unit")
    if unit is None and named is not None and not figure.words and named.unit in ("%",) and figure.value.endswith("%"):
        unit = named.unit
    clause = sentence[_clause_start(sentence, figure.start):figure.start]
    flags = sorted({flag for word, flag in words()["flag_words"].items() if word in clause}
                   | ({"cumulative"} if figure.value[:1] in "〔[［" else set())
                   | ({"aspirational"} if re.search("|".join(_aspirational()), sentence[:figure.start]) else set()))
    item = {"domain": domain, "indicator": indicator, "unit": unit, "baseline": None, "target": figure.value,
            "year": year, "binding": None, "basis": basis}
    if flags:
        item["flags"] = flags
    if restated is not None:
        item["restates"] = restated["id"]
    item["evidence"] = {"quote": quote, "section": line.where()}
    return item


# ---------------------------------------------------------------- finding the figures

@cache
def _aspirational() -> tuple[str, ...]:
    from ..core.vocab import value_words

    return tuple(value_words()["aspirational"])


@cache
def _pattern() -> re.Pattern:
    from ..core.vocab import units, value_words

    vocab = value_words()
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(set(ws), key=len, reverse=True))
    unit_words = set(units()) | set(words()["figure_units"])
    return re.compile(
        rf"(?P<asp>(?:{alt(vocab['aspirational'])})\s*)?"
        rf"(?P<cmp>(?:{alt(vocab['comparators']['prefix'])})\s*)?"
        rf"(?P<verb>(?:{alt(vocab['verbs'])})\s*)?"
        rf"(?P<open>[〔\[［]\s*)?"
        rf"(?P<num>\d+(?:\s*\.\s*\d+)?(?:\s*[-~～—至]\s*\d+(?:\.\d+)?)?|[{_NUMERALS}]+)"
        rf"(?P<close>\s*[〕\]］])?"
        rf"\s*(?P<unit>%|％|‰|(?:{alt(unit_words)}))?"
        rf"(?P<paren>[（(][^（）()\d]{{1,2}}[)）])?"
        rf"(?P<suf>{alt(vocab['comparators']['suffix'])})?")


def _means(comparator: str) -> str:
    from ..core.vocab import value_words

    return value_words()["comparators"]["prefix"].get(squeeze(comparator), "=")


@cache
def _state_words() -> tuple[str, ...]:
    """End states in words (全覆盖, 应保尽保 …): plancmp/vocab/values.yaml `qualitative`, the
    words a plan's targets are written in, less those that are too common to mean one
    (draft.yaml `not_end_states`: 建成 starts half the sentences of a plan)."""
    from ..core.vocab import value_words

    skip = set(words()["not_end_states"])
    return tuple(sorted((w.rstrip("…") for w in value_words()["qualitative"] if w.rstrip("…") not in skip),
                        key=len, reverse=True))


def figures(sentence: str) -> list[Figure]:
    """The figures and end states of one sentence, in order."""
    from ..core.vocab import units

    out: list[Figure] = []
    for m in _pattern().finditer(sentence):
        number, unit = m.group("num"), m.group("unit")
        spelled = number[0] in _NUMERALS
        if not unit and not (m.group("open") and m.group("close")):
            continue
        if spelled and not (m.group("cmp") or m.group("verb")):
            continue   # 两个维护, 十四五: a numeral is a figure only after 至少, 办好 …
        if m.group("open") and not m.group("close"):
            continue
        before = sentence[:m.start("num")].rstrip()
        after = sentence[m.end():m.end() + 1]
        if re.search(r"[A-Za-z0-9/+\-.．第]$", before) or re.match(r"[A-Za-z0-9+\-]", after):
            continue   # DB35/T1956-2020, 1+3+X, 5G, 第二批: a code or an ordinal
        digits = squeeze(number)
        if unit == "年" and (re.fullmatch(r"(?:19|20)\d\d", digits) or not m.group("cmp")):
            continue   # 2025年, 五年: a year, a span
        if unit == "岁" and re.match(r"[\u4e00-\u9fff]", sentence[m.end():m.end() + 1] or "。"):
            continue   # 3岁以下婴幼儿, 65岁及以上老年人: an age group
        start = m.start()
        if m.group("cmp") and _means(m.group("cmp")) == "=" and not m.group("asp"):
            start = m.end("cmp")   # 达到85% is 85%: a plain 达到 says nothing a reader needs (力争达到4.5个 keeps it)
            if m.group("verb"):
                start = m.end("verb")
        elif m.group("verb") and not m.group("cmp"):
            start = m.end("verb")   # 新建34个左右: the value is 34个左右, the verb names what
        elif m.group("asp") and not m.group("cmp") and not m.group("verb"):
            start = m.start()
        value = squeeze(sentence[start:m.end()])
        unit_word = (unit or "").replace("％", "%")
        known = unit_word if unit_word in units() or unit_word in ("%", "‰") else None
        out.append(Figure(start, m.end(), value, known))
    out += _end_states(sentence, out)
    return sorted(out, key=lambda f: f.start)


def _end_states(sentence: str, taken: list[Figure]) -> list[Figure]:
    """End states in words that close a clause (…实现目标人群全覆盖，), or that open one with
    what they are about after them (全面普及三年学前教育: draft.yaml `opening_end_states`);
    a word ending in … (覆盖全部…) runs to the clause's end; a standard (国家标准: draft.yaml
    `standards`) counts only with the comparator before it (达到国家标准, 不低于国家标准); a
    time in words (一刻钟: values.yaml `equivalents`) reads as a figure. Not inside a figure already read."""
    from ..core.vocab import value_words

    out = []
    spans = [(f.start, f.end) for f in taken]
    vocab = words()
    lead = "|".join(map(re.escape, vocab["figure_lead"]))
    comparators = "|".join(map(re.escape, sorted(value_words()["comparators"]["prefix"], key=len, reverse=True)))
    equivalents = tuple(str(w) for w in value_words().get("equivalents") or ())
    for word in _state_words() + equivalents:
        open_ended = word + "…" in _qualitative()
        for m in re.finditer(re.escape(word), sentence):
            start, end = m.start(), m.end()
            if open_ended:
                stop = re.search(r"[，,；;。！？]", sentence[end:])
                end = end + (stop.start() if stop else len(sentence) - end)
            if word in vocab["standards"]:
                said = re.search(rf"(?:{comparators})$", sentence[:start])
                if not said:
                    continue
                start = said.start()
            if any(a <= start < b or a < end <= b or (start <= a and b <= end) for a, b in spans):
                continue
            if any(sentence[:end].endswith(spelling) for spelling in _domain_spellings() if word in spelling):
                continue   # 优军服务有保障: the name of a domain, not an end state
            closes = bool(re.match(r"(?:[，,；;。！？、”]|$)", sentence[end:]))
            opens = word in equivalents and bool(
                re.fullmatch(rf"(?:(?:{lead})|[“‘])*", sentence[_clause_start(sentence, start):start]))
            opens = opens or (word in vocab["opening_end_states"] and bool(re.match(r"[\u4e00-\u9fff“]", sentence[end:end + 1])))
            if closes or opens or word in equivalents or word in vocab["standards"]:
                out.append(Figure(start, end, sentence[start:end], None, word not in equivalents))
                spans.append((start, end))
    return out


@cache
def _domain_spellings() -> tuple[str, ...]:
    from ..core.vocab import domain_spellings

    return tuple(domain_spellings())


@cache
def _qualitative() -> frozenset[str]:
    from ..core.vocab import value_words

    return frozenset(value_words()["qualitative"])


# ---------------------------------------------------------------- naming what a figure is about

def _clause_start(sentence: str, at: int) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)]
    return ends[-1] if ends else 0


def _around(sentence: str, figure: Figure, previous: int, following: Figure | None) -> tuple[str, str]:
    """The clause's words before the figure (after the figure before it) and after it (up to
    the clause's end or the next figure). An end state that closes its clause has nothing after
    it; figures joined by 和/、 (15分钟和5-10分钟便民利民服务生活圈) share the words after the last."""
    start = max(_clause_start(sentence, figure.start), previous)
    before = sentence[start:figure.start]
    if figure.words and re.match(r"(?:[，,；;。！？、]|$)", sentence[figure.end:]):
        if sentence[figure.end:figure.end + 1] == "、":
            before = before.rsplit("、", 1)[-1]   # 付费可享有、价格可承受、质量有保障、…: each state its own subject
        return before, ""
    rest_end = len(sentence)
    stop = _CLAUSE_END.search(sentence, figure.end)
    if stop:
        rest_end = stop.start()
    if following is not None and following.start < rest_end:
        between = sentence[figure.end:following.start]
        if re.fullmatch(r"[和、及与至到]", between):   # 15分钟和5-10分钟…: the words after the next one
            nxt = _CLAUSE_END.search(sentence, following.end)
            return before, sentence[following.end:nxt.start() if nxt else len(sentence)]
        rest_end = following.start
    after = sentence[figure.end:rest_end]
    if following is not None and following.start <= rest_end:
        after = re.split(r"[、和及与]", after)[0]   # 98.81%、九年义务教育巩固率…: the next one's name
    return before, after


def _name(before: str, after: str, figure: Figure) -> str:
    """The indicator: the words of the clause around the figure, less the leading and trailing
    words that say when and how (到2025年, 全省, 推动; 达到, 均, 的)."""
    keep = "|".join(map(re.escape, words()["figure_lead_not"]))
    lead = rf"(?!{keep})(?:" + "|".join(map(re.escape, sorted(words()["figure_lead"], key=len, reverse=True))) + ")"
    tail = "|".join(map(re.escape, sorted(words()["figure_tail"], key=len, reverse=True)))
    year = r"(?:到|至|截至|截止)?(?:20\d\d年|“十[一二三四五]五”)(?:底|末|前|期间|时期)?(?:的)?"
    name = _trim(before, lead, tail, year)
    if len(name) > 40 and "、" in name:
        name = name.rsplit("、", 1)[1]   # a long list before the figure: its last member
    noun = ""
    if after.startswith("的") and not name:
        noun = _trim(after[1:], tail, r"(?:的)?(?:目标|水平|以上)", year)   # 在50%的社区建成托育服务机构
    elif after and not re.match(r"^(?:的|以上|以下|左右|之|等|为|是)", after):
        noun = _trim(after, tail, r"(?:的)?(?:目标|水平|以上)", year)
    if noun and len(noun) <= 30:
        name = name + noun
    for noun in words()["end_state_nouns"]:   # 服务全达标: 服务达标, as 目标人群全覆盖: 目标人群覆盖
        if figure.words and figure.value.endswith(noun) and name and not name.endswith(noun):
            name += noun
    return name.strip("“”‘’\"' ")


def _held_to(sentence: str, figure: Figure) -> str | None:
    """What a standard end state is said of when its clause does not name it (按照不低于国家标准
    执行的原则，积极推动本省基本公共服务标准落地落实): the standard the sentence names next."""
    lead = "|".join(map(re.escape, sorted(words()["figure_lead"], key=len, reverse=True)))
    for clause in _CLAUSE_END.split(sentence[figure.end:])[1:]:
        found = re.search(r"[\u4e00-\u9fff（）()]{2,30}?" + re.escape(words()["standard_noun"]), clause)
        if found:
            name = _trim(found.group(0), lead, "(?!)", "(?!)")
            return name if len(name) >= 4 and name not in words()["standards"] else None
    return None


def _trim(text: str, lead: str, tail: str, year: str) -> str:
    name = text
    for _ in range(8):
        new = re.sub(rf"^(?:{year}|{lead}|[、，,“”‘’的])", "", name)
        new = re.sub(rf"(?:{year}|{tail}|[、，,“”‘’])$", "", new)
        if new == name:
            break
        name = new
    return name


def _year(sentence: str, at: int, context: str, period_end: int) -> int:
    """The year the sentence names before the figure, else after it, else the plan's last
    year (2020 where the text reports the past)."""
    before = [int(y) for y in _YEAR.findall(sentence[:at])]
    if before:
        return before[-1]
    after = [int(y) for y in _YEAR.findall(sentence[at:])]
    if after:
        return after[0]
    return period_end - 5 if context == "past" else period_end


def _restated(indicator: str, figure: Figure, rows: list[dict]) -> dict | None:
    """The indicator-table row this figure states again: the same name (the vocabulary's
    interchangeable words folded), or one name most of the other, or (the same end state in
    words, 应保尽保) names alike; the units must not differ."""
    from ..ingest.consistency import _canonical

    mine = _canonical(indicator)
    if len(mine) < 4:
        return None
    best = None
    for row in rows:
        theirs = _canonical(row["indicator"])
        if figure.unit and row.get("unit") and figure.unit != row["unit"] and not (
                figure.unit.endswith(row["unit"]) or row["unit"].endswith(figure.unit)):
            continue
        if theirs == mine:
            return row
        short, long_ = sorted((mine, theirs), key=len)
        if best is None and len(short) >= 4 and short in long_ and len(short) >= 0.7 * len(long_):
            best = row
        elif best is None and figure.words and figure.value == row.get("target") and _dice(mine, theirs) >= 0.5:
            best = row
    return best


def _dice(a: str, b: str) -> float:
    ga, gb = {a[i:i + 2] for i in range(len(a) - 1)}, {b[i:i + 2] for i in range(len(b) - 1)}
    return 2 * len(ga & gb) / (len(ga) + len(gb)) if ga and gb else 0.0


def link_restatements(targets: list[dict]) -> None:
    """A body-text or box target that states an earlier one again (the same name, the same
    value: 县级残疾人服务设施基本覆盖 in the text and in a box) restates that first statement."""
    from ..ingest.consistency import _canonical

    firsts: list[dict] = []
    for item in targets:
        if item["basis"] == "table" or item.get("restates"):
            continue
        mine = _canonical(item["indicator"])
        first = next((f for f in firsts if _canonical(f["indicator"]) == mine and squeeze(f["target"]) == squeeze(item["target"])
                      and f["year"] == item["year"]), None) if len(mine) >= 2 else None
        if first is None:
            firsts.append(item)
            continue
        fields = list(item)
        item["restates"] = first["id"]
        order = fields[:fields.index("evidence")] + ["restates"] + fields[fields.index("evidence"):]
        reordered = {k: item[k] for k in order}
        item.clear()
        item.update(reordered)
