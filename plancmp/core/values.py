"""Parse target values as the plans write them: `≥3`, `>90%`, `85%以上`, `不低于55%`,
`〔125〕`, `应保尽保`, `34个左右`, `力争达到95%`.

The words are data (vocab/values.yaml); this module only knows the shape
[aspiration] [prefix comparator] number [unit] [suffix comparator].
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import NamedTuple

from .vocab import value_words

_NUMBER = re.compile(r"(\d+(?:\.\d+)?)")
_RANGE = re.compile(r"(\d+(?:\.\d+)?)[-~～—至到](\d+(?:\.\d+)?)")


class Value(NamedTuple):
    """A target value as written (`≥3`, `85%以上`, `应保尽保`), taken apart."""

    raw: str
    comparator: str = "="          # = > ≥ < ≤ ≈, or "range" (5-10分钟: number to high)
    number: float | None = None
    high: float | None = None       # upper end of a range
    unit: str | None = None         # unit written inside the value (% , 个, 万户 …)
    qualitative: str | None = None  # 应保尽保, 全覆盖 …
    level: str | None = None        # for qualitative values: full | partial
    cumulative: bool = False        # 〔125〕
    aspirational: bool = False      # 力争 …
    empty: bool = False             # —— or /

    @property
    def numeric(self) -> bool:
        return self.number is not None

    def as_hundred(self) -> Value | None:
        """A word of the `full` level (应保尽保, 全覆盖) read as the number it promises, =100%;
        None for any other value."""
        return Value(self.raw, "=", 100.0, unit="%") if self.qualitative and self.level == "full" else None

    def describe(self) -> str:
        if self.empty:
            return "no value"
        if self.qualitative:
            return self.qualitative
        if self.comparator == "range":
            return f"{_fmt(self.number)}–{_fmt(self.high)}{self.unit or ''}"
        return f"{self.comparator}{_fmt(self.number)}{self.unit or ''}"


class ValueError_(ValueError):
    """Raised when a value cannot be read; the message says what was expected."""


def _fmt(number: float | None) -> str:
    if number is None:
        return ""
    return str(int(number)) if number == int(number) else repr(number)


@cache
def _sorted_words() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    words = value_words()["comparators"]
    by_len = lambda kv: -len(kv[0])  # longest first: 达到 before 达
    return sorted(words["prefix"].items(), key=by_len), sorted(words["suffix"].items(), key=by_len)


@cache
def _empty_words() -> frozenset[str]:
    return frozenset(normalise(e) for e in value_words()["empty"])


@cache
def _qualitative_words() -> list[tuple[str, str]]:
    return sorted(value_words()["qualitative"].items(), key=lambda kv: -len(kv[0]))   # longest first


def normalise(text: str) -> str:
    """Width and whitespace folded (the national copy has stray spaces inside numbers),
    and the equivalent expressions of vocab/values.yaml written out (一刻钟 -> 15分钟)."""
    text = unicodedata.normalize("NFKC", str(text))
    text = re.sub(r"\s+", "", text).replace("％", "%")
    for words, meaning in _equivalents():
        text = text.replace(words, meaning)
    return text


@cache
def _equivalents() -> tuple[tuple[str, str], ...]:
    pairs = value_words().get("equivalents") or {}
    return tuple(sorted(((str(k), str(v)) for k, v in pairs.items()), key=lambda kv: -len(kv[0])))


def chinese_number(text: str) -> tuple[int, int] | None:
    """The Chinese numeral at the start of `text` (一, 十二, 四十, 一百二十, 一百零五, 两千) as
    (value, characters read); None when it does not start with one."""
    numerals = value_words()["numerals"]
    digits, multipliers = numerals["digits"], numerals["multipliers"]
    total, digit, read = 0, None, 0
    for char in text:
        if char in digits:
            if digit:   # two digits in a row (一二, 二〇) is not a number we read; 零 only holds a place
                break
            digit = digits[char]
        elif char in multipliers:
            total += (1 if digit is None else digit) * multipliers[char]
            digit = None
        else:
            break
        read += 1
    if read == 0:
        return None
    return total + (digit or 0), read


def parse_value(raw: object) -> Value:
    """Read one value. Raises ValueError_ when it has no recognisable shape."""
    original = "" if raw is None else str(raw)
    text = normalise(original)
    words = value_words()
    if text in _empty_words():
        return Value(original, empty=True)
    text = text.rstrip("*")  # footnote stars carry flags, not value
    aspirational = False
    for word in words["aspirational"]:
        if text.startswith(word):
            aspirational, text = True, text[len(word):]
    for name, level in _qualitative_words():
        if name.endswith("…") and text.startswith(name[:-1]):
            return Value(original, qualitative=text, level=level, aspirational=aspirational)
        if text == name or (text.endswith(name) and not _NUMBER.search(text)):
            return Value(original, qualitative=name, level=level, aspirational=aspirational)
    cumulative = False
    for open_, close in words["cumulative_brackets"]:
        if text.startswith(open_) and text.endswith(close):
            cumulative, text = True, text[len(open_):-len(close)]
    prefixes, suffixes = _sorted_words()
    comparator = "="
    for word, symbol in prefixes:
        if text.startswith(word):
            comparator, text = symbol, text[len(word):]
            break
    for word, symbol in suffixes:
        if text.endswith(word):
            # a prefix and a suffix together (不低于90%以上) keep the prefix's meaning
            comparator = symbol if comparator == "=" else comparator
            text = text[: -len(word)]
            break
    for verb in words["verbs"]:
        if text.startswith(verb):
            text = text[len(verb):]
            break
    spelled = chinese_number(text)   # 一所 -> 1所, 四十 -> 40
    if spelled is not None:
        text = str(spelled[0]) + text[spelled[1]:]
    span = _RANGE.match(text)
    if span:
        unit = text[span.end():] or None
        return Value(original, "range", float(span.group(1)), unit=unit, high=float(span.group(2)),
                     cumulative=cumulative, aspirational=aspirational)
    match = _NUMBER.match(text)
    if not match:
        raise ValueError_(f"cannot read {original!r}: expected a number with an optional comparator (≥3, >90%, 85%以上, 〔125〕) or a word such as 应保尽保")
    unit = text[match.end():] or None
    if unit and _NUMBER.search(unit):
        raise ValueError_(f"cannot read {original!r}: more than one number")
    return Value(original, comparator, float(match.group(1)), unit=unit, cumulative=cumulative, aspirational=aspirational)


def foreign_unit(value: Value | None, unit: str | None) -> str | None:
    """The unit or scale word written in `value` that an item measured in `unit` cannot take
    (95‰ or 55万张 for an item in %); None when it can: no unit written, the item's unit, the
    item's unit after a scale word (3.4万 for an item in 次 is 34000 次), the item's unit
    followed by what it counts (19万户（套） for 万户, 15分钟健身圈 for 分钟), or a measure word
    of vocab/values.yaml `unit_words` (1名 for 人)."""
    if value is None or not value.numeric or not value.unit or not unit:
        return None
    words = value_words()
    written = value.unit
    if written[:1] in (words.get("scales") or {}) and not unit.startswith(written[:1]):
        written = written[1:]
    if not written or written.startswith(unit) or (words.get("unit_words") or {}).get(written) == unit:
        return None
    return value.unit


def try_parse(raw: object) -> Value | None:
    if isinstance(raw, str):
        return _try_parse(raw)
    try:
        return parse_value(raw)
    except ValueError_:
        return None


@lru_cache(maxsize=4096)
def _try_parse(raw: str) -> Value | None:
    """A value read once however often the engine asks (Values are immutable)."""
    try:
        return parse_value(raw)
    except ValueError_:
        return None
