"""The ceiling on a plan's items (core/model.py MAX_ITEMS, issue 25 problem 8): the
alignment refuses a plan over it at its entry, whoever calls it, before any pair is scored."""
from __future__ import annotations

import pytest

from plancmp.core.errors import PlanError
from plancmp.core.model import MAX_ITEMS, too_many_items
from plancmp.engine.align import align

from helpers_plans import plan, task


def _with_tasks(pid: str, count: int, level: str = "province"):
    p = plan(pid, level=level)
    for n in range(count):
        task(p, f"t{n}", f"任务{n}")
    return p


def test_a_plan_at_the_ceiling_is_compared():
    assert too_many_items(_with_tasks("a", MAX_ITEMS)) is None


def test_align_refuses_a_plan_over_the_ceiling_at_its_entry():
    small, large = _with_tasks("national", 2, "national"), _with_tasks("big", MAX_ITEMS + 1)
    for a, b in ((small, large), (large, small)):
        with pytest.raises(PlanError, match=f"plan 'big' holds {MAX_ITEMS + 1:,} items, over the {MAX_ITEMS:,}"):
            align(a, b)
