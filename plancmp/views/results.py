"""Diffs, memoised by the files they are computed from.

A diff is a pure function of two plan files, their data folder's links.yaml and
vocab/commitments.yaml (when it has one), the two source texts (searched before a row says `omitted`) and the kinds asked for. When none
of those bytes changed since the last run, the diff is read back from the cache
(files/cache.py) and the engine (YAML, schema check, rapidfuzz, alignment) is not even
imported. Filtering (--domain, --status) and rendering always run.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.verdicts import Diff
from ..files import cache

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace


def diff_of(ws: Workspace, left_id: str, right_id: str, kinds: tuple[str, ...]) -> Diff:
    """The diff of two plans of the workspace, by id: a warm run parses neither. PlanError
    when either plan or the links between them have errors (never cached: an error is
    reported every run). The entry is filed under the bytes the workspace read, which are
    the bytes its plans were parsed from."""
    def compute() -> Diff:
        from ..engine.compare import diff

        a, b = ws.plan(left_id), ws.plan(right_id)
        return diff(a, b, ws.links({a.id: a, b.id: b}), kinds, ws)

    # the diff searches B's source text before it says `omitted`: a changed text is a new diff
    files = [ws.plan_path(left_id), ws.plan_path(right_id), ws.links_path, ws.vocab_path]
    return cache.by_files("diff-result", ws.folder, files, repr(kinds), compute, Diff,
                          read_too=lambda d: [d.left.source, d.right.source])
