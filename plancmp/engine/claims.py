"""How a press claim stands against the plan it retells: the verdict rules of `plancmp claims`.

A newspaper retells a plan in its own words, and the retelling is what most readers
see. data/press/*.yaml records each claim (its quote from the article, the plan items
it restates, whether the plan supports it); these are the rules for each claim:

- `supported`: it restates the linked items, and every number it states for one of them
  is the plan's number with a comparator that promises no more and no less;
- `overstated` / `understated`: it states a number for a linked target that promises more
  (or less) than the plan: a bigger number, or the same number with a stronger comparator
  (the headline's 超85%, more than 85%, against the plan's 85%以上, at least 85%), or a
  firm number where the plan only strives (力争). The row names both numbers;
- `not-in-plan`: the curator found nothing in the plan that states it (supported: false);
- `context`: it links no item: it restates the plan's scope or period, no commitment.

Numbers are read with the plan's own value parser (values.parse_value): the claim's quote
is searched for [力争] [comparator] [verb] number [unit] [comparator suffix], in the words of
vocab/values.yaml, headline words (`press_prefix`: 超, 逾, 近) included.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any, NamedTuple

from ..core.model import Item, Target
from ..core.values import Value, normalise, try_parse

VERDICTS = ("supported", "overstated", "understated", "not-in-plan", "context")

# How much a comparator promises at the same number, for an indicator where higher is better.
_AMBITION = {">": 1, "≥": 0, "=": 0, "≈": 0, "≤": 0, "<": -1}
_CLAUSE_END = "，。；：！？,;:!?"


class Stated(NamedTuple):
    """A number a claim states, as written and as read."""

    written: str     # 超85%, 达到85%以上
    value: Value
    clause: str      # the claim's words from the clause start up to the number


@cache
def _number_pattern() -> re.Pattern[str]:
    from ..core.vocab import units, value_words

    words = value_words()

    def alt(ws: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(set(ws), key=len, reverse=True))

    prefix = alt([*words["comparators"]["prefix"], *words["press_prefix"]])
    suffix = alt(words["comparators"]["suffix"])
    return re.compile(
        rf"(?P<asp>{alt(words['aspirational'])})?(?P<pre>{prefix})?(?P<verb>{alt(words['verbs'])})?"
        rf"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?![\d.])(?P<unit>{alt(units())})?(?P<suf>{suffix})?")


def _press_prefix() -> dict[str, str]:
    from ..core.vocab import value_words

    prefixes: dict[str, str] = value_words()["press_prefix"]
    return prefixes


def stated_numbers(quote: str) -> list[Stated]:
    """Every number the quote states, with its comparator and unit; years (2025年) aside."""
    text = normalise(quote)
    out = []
    for m in _number_pattern().finditer(text):
        if m.group("unit") == "年" and re.fullmatch(r"(19|20)\d\d", m.group("num")):
            continue
        pre = m.group("pre") or ""
        written = m.group(0)
        value = try_parse((m.group("asp") or "") + _press_prefix().get(pre, pre) + (m.group("verb") or "")
                          + m.group("num") + (m.group("unit") or "") + (m.group("suf") or ""))
        if value is None or not value.numeric or value.comparator == "range":
            continue
        start = max(text.rfind(c, 0, m.start()) for c in _CLAUSE_END) + 1
        out.append(Stated(written, value, text[start:m.start()]))
    return out


def _unit_fits(stated: Value, target: Target, value: Value) -> bool:
    """The claim's number is in the target's unit; a bare number only for a target without
    one (the 3 of “1+3+X” is not 3个 bases)."""
    if stated.unit is None:
        return value.unit is None and target.unit is None
    return stated.unit in (value.unit, target.unit)


def _aspirational(stated: Stated) -> bool:
    from ..core.vocab import value_words

    return stated.value.aspirational or any(w in stated.clause for w in value_words()["aspirational"])


def compare_number(stated: Stated, target: Target, value: Value) -> dict[str, Any]:
    """One number of a claim against one target of the plan: the verdict and why."""
    from ..core.facts import higher_is_better

    up = 1 if higher_is_better(target.indicator, value) else -1
    claim, plan = stated.value, value
    assert claim.number is not None and plan.number is not None, "numbers only (stated_numbers, compare_numbers)"
    more: bool | None
    if claim.number != plan.number:
        more = (claim.number - plan.number) * up > 0
        why = f"a {'higher' if claim.number > plan.number else 'lower'} number than the plan's"
    else:
        gap = (_AMBITION.get(claim.comparator, 0) - _AMBITION.get(plan.comparator, 0)) * up
        more = gap > 0 if gap else None
        why = f"{claim.comparator} claims {'more' if gap > 0 else 'less'} than {plan.comparator}" if gap else ""
        if more is None and plan.aspirational != _aspirational(stated):
            more = plan.aspirational   # a firm number where the plan only strives claims more
            why = "a firm number where the plan only strives (力争)" if more else "力争 where the plan is firm"
    verdict = "supported" if more is None else ("overstated" if more else "understated")
    reason = (f"the claim says {stated.written} ({claim.describe()}), the plan {target.target} ({plan.describe()}) "
              f"for {target.indicator} ({target.id})" + (f": {why}" if why else ""))
    return {"item": target.id, "indicator": target.indicator, "claim": stated.written, "claim_reads": claim.describe(),
            "plan": target.target, "plan_reads": plan.describe(), "verdict": verdict, "reason": reason}


def compare_numbers(quote: str, items: list[Item]) -> list[dict[str, Any]]:
    """The claim's numbers paired with the linked targets': the same number first (by unit),
    then, when exactly one number and one target of one unit are left, those two."""
    targets = [(t, v) for t in items if isinstance(t, Target) for v in [try_parse(t.target)] if v is not None and v.numeric]
    stated = stated_numbers(quote)
    out: list[dict[str, Any]] = []
    used_numbers: set[int] = set()
    used_targets: set[str] = set()
    for n, s in enumerate(stated):
        same = [(t, v) for t, v in targets if v.number == s.value.number and _unit_fits(s.value, t, v)]
        same.sort(key=lambda tv: tv[0].id in used_targets)   # a target not yet paired first (two 100%)
        if same:
            t, v = same[0]
            out.append(compare_number(s, t, v))
            used_numbers.add(n)
            used_targets.add(t.id)
    left_numbers = [s for n, s in enumerate(stated) if n not in used_numbers and s.value.unit]
    left_targets = [(t, v) for t, v in targets if t.id not in used_targets]
    if len(left_numbers) == 1 and len(left_targets) == 1 and _unit_fits(left_numbers[0].value, *left_targets[0]):
        out.append(compare_number(left_numbers[0], *left_targets[0]))
    return out


def claim_verdict(claim: dict[str, Any], numbers: list[dict[str, Any]]) -> tuple[str, list[str]]:
    """A claim's verdict and why, from the curator's record (`supported`, `links`) and its
    numbers compared with the linked targets (compare_numbers)."""
    if not claim["supported"]:
        return "not-in-plan", ["the curator found nothing in the plan that states it"]
    if not claim["links"]:
        return "context", ["links no plan item: it states no commitment of the plan"]
    moved = [n for n in numbers if n["verdict"] != "supported"]
    verdict = next((v for v in ("overstated", "understated") if any(n["verdict"] == v for n in moved)), "supported")
    return verdict, [n["reason"] for n in moved]
