"""A plan against itself: do its statements of one indicator agree?

Plans state a figure more than once: the indicator table, the 发展基础 (the 2020 result),
the body text, a box. Each restatement is linked to its first statement (`restates:`).
Two statements for the same year are compared:
- the same value (whatever the wording: ≥3 and 3个, 应保尽保 and 全覆盖) agrees;
- a stretch value (力争/争取: 3 and 力争达到4.5) is a note, not a contradiction;
- different values under the same name (人均预期寿命 78.38 in the table, 人均期望寿命
  78.33岁 in 发展基础: 期望 and 预期 are one word, vocab/indicators.yaml `same_names`) are
  `inconsistent-value`;
- different values under different names (养老服务床位总量 23.55万张, 社会养老床位总数
  37.76万张) may be different definitions: `possibly-inconsistent`, for a curator to read.
A restatement for another year (a 2020 figure beside a 2025 target) is compared with the
first statement's baseline when that is of the same year.
"""
from __future__ import annotations

from typing import NamedTuple

from ..core import textnorm
from ..core.model import Plan, Target
from ..core.values import Value, try_parse
from ..core.vocab import indicator_facts

AGREES, STRETCH, INCONSISTENT, POSSIBLY = "agrees", "stretch-value", "inconsistent-value", "possibly-inconsistent"


class Check(NamedTuple):
    verdict: str         # one of the four above
    first: Target
    again: Target
    first_value: str     # the value of the first statement compared (its target or its baseline)
    message: str


def checks(plan: Plan) -> list[Check]:
    """Every restatement of the plan against its first statement, in file order."""
    targets = {t.id: t for t in plan.targets}
    out = []
    for again in plan.targets:
        first = targets.get(again.restates or "")
        if first is None or first is again:
            continue
        found = compare(first, again)
        if found is not None:
            out.append(found)
    return out


def compare(first: Target, again: Target) -> Check | None:
    if again.year == first.year:
        value = first.target
    elif first.baseline is not None and again.year == first.baseline.year:
        value = first.baseline.value
    else:
        return None   # another year: nothing to compare with
    a, b = try_parse(value), try_parse(again.target)
    if a is None or b is None or _same(a, b):
        return Check(AGREES, first, again, value, "")
    said = f"{first.id} states {value} for {again.year}, {again.id} states {again.target}"
    if a.aspirational or b.aspirational or "aspirational" in again.flags + first.flags:
        return Check(STRETCH, first, again, value, f"{said}: a stretch goal beside the binding value")
    if same_name(first.indicator, again.indicator):
        return Check(INCONSISTENT, first, again, value, f"{said}: two values for one indicator and year")
    return Check(POSSIBLY, first, again, value,
                 f"{said} as {again.indicator!r} (not {first.indicator!r}): another definition, or a contradiction")


def _same(a: Value, b: Value) -> bool:
    """Agree, or cannot disagree: a direction in words (稳步提高) states no value to contradict."""
    if a.qualitative and b.qualitative:
        return a.qualitative == b.qualitative or (a.level is not None and a.level == b.level)
    if a.qualitative or b.qualitative:
        word, number = (a, b) if a.qualitative else (b, a)
        if word.as_hundred() is not None:   # 应保尽保, 覆盖全部… : 100%
            return number.number == 100 and (number.unit or "%") == "%"
        return True
    if a.number is None or b.number is None:
        return False
    return abs(a.number - b.number) < 1e-9 and (a.high or 0) == (b.high or 0)


def same_name(x: str, y: str) -> bool:
    """Two names of one indicator, after the vocabulary's interchangeable words."""
    return _canonical(x) == _canonical(y)


def _canonical(name: str) -> str:
    text = textnorm.fold(name)
    for words in indicator_facts().get("same_names") or []:
        for word in words[1:]:
            text = text.replace(word, words[0])
    return text
