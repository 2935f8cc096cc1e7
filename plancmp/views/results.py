"""Diffs, memoised by the files they are computed from.

A diff is a pure function of two plan files, their data folder's links.yaml and
vocab/commitments.yaml (when it has one), the two source texts (searched before a row says `omitted`) and the kinds asked for. When none
of those bytes changed since the last run, the diff is read back from the cache
(files/cache.py) and the engine (YAML, schema check, rapidfuzz, alignment) is not even
imported. The entry holds the rows, not the plans: it names the two plans and their items,
read through the parsed-plan cache, by position (a matrix reads the national plan once, not
once per province). Filtering (--domain, --status) and rendering always run.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.verdicts import Diff
from ..files import cache

if TYPE_CHECKING:
    from ..core.model import Plan
    from ..ingest.workspace import Workspace


def diff_of(ws: Workspace, a: Plan, b: Plan, kinds: tuple[str, ...]) -> Diff:
    """The diff of two plans of the workspace (as `ws.plan` or `ws.plans` gave them: like the
    engine, a view takes plans, never an id to look up again): a warm run computes nothing,
    it reads the entry back (the plans come from the parsed-plan cache). PlanError when the
    links between them have errors (never cached: an error is reported every run). The entry
    is filed under the bytes the workspace read, which are the bytes its plans were parsed from."""
    def compute() -> Diff:
        from ..engine.compare import judge_all, select

        judged = ("judged", a.id, b.id)
        if judged not in ws.results:   # every kind is judged whatever the kinds asked: once a run per pair
            ws.results[judged] = judge_all(a, b, ws.links({a.id: a, b.id: b}), ws)
        return select(ws.results[judged], kinds)

    # the diff searches B's source text before it says `omitted`: a changed text is a new diff
    files = [a.path, b.path, ws.links_path, ws.vocab_path]
    memo = (a.id, b.id, kinds)
    if memo not in ws.results:   # the report asks for the same diff for its matrix and its target tables
        # the entry names the two plans and their items, which the run holds anyway, by position
        ws.results[memo] = cache.by_files("diff-result", ws.folder, files, repr(kinds), compute, Diff,
                                          read_too=lambda d: [d.left.source, d.right.source],
                                          shared=lambda: (a, b))
    return ws.results[memo]
