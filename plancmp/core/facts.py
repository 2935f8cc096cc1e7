"""Indicator facts (vocab/indicators.yaml): which direction is better, and whether
a value is an absolute total that cannot be compared across levels of government."""
from __future__ import annotations

from .values import Value
from .vocab import indicator_facts, units


def higher_is_better(indicator: str, value: Value | None = None) -> bool:
    """Higher is better unless the indicator names something to reduce, or the
    target is a ceiling (控制在…以内, ≤)."""
    if any(p in indicator for p in indicator_facts()["lower_is_better"]):
        return False
    if value is not None and value.comparator in ("≤", "<"):
        return False
    return True


def is_total(indicator: str, unit: str | None) -> bool:
    """An absolute count for the whole jurisdiction (万张, 新建34个体育公园 …)."""
    facts = indicator_facts()
    if unit and units().get(unit) == "total":
        return True
    if any(p in indicator for p in facts["rate_patterns"]):
        return False
    return any(p in indicator for p in facts["total_patterns"])
