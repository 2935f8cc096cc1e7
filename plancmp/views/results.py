"""Diffs, memoised by the files they are computed from.

A diff is a pure function of two plan files, their data folder's links.yaml, the two
source texts (searched before a row says `omitted`) and the kinds asked for. When none
of those bytes changed since the last run, the diff is read back from the cache
(files/cache.py) and the engine (YAML, schema check, rapidfuzz, alignment) is not even
imported. Filtering (--domain, --status) and rendering always run.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..core.model import Plan
from ..core.verdicts import Diff
from ..files import cache
from ..files.paths import data_folder_of, links_path
from ..ingest import planref


def diff_of(left_id: str, right_id: str, kinds: tuple[str, ...]) -> Diff:
    """The diff of two plans of the data folder, by id: a warm run parses neither. PlanError
    when either plan or links.yaml has errors (never cached: an error is reported every run)."""
    return _cached(planref.path_of(left_id), planref.path_of(right_id), kinds,
                   lambda: (planref.load(left_id), planref.load(right_id)))


def diff_of_plans(a: Plan, b: Plan, kinds: tuple[str, ...]) -> Diff:
    """The diff of two plans as their files hold them, through the same cache as diff_of
    (one entry when they come from the data folder). The files are read again when the
    diff is computed: an entry is filed under the bytes it was computed from, even when a
    file changed after `a` and `b` were loaded."""
    return _cached(a.path, b.path, kinds,
                   lambda: (planref.load(a.id, a.path.parent), planref.load(b.id, b.path.parent)))


def _cached(left: Path, right: Path, kinds: tuple[str, ...], plans: Callable[[], tuple[Plan, Plan]]) -> Diff:
    data = data_folder_of(left)

    def compute() -> Diff:
        from ..engine.compare import diff
        from ..ingest.links import load_checked_links

        a, b = plans()
        return diff(a, b, load_checked_links({a.id: a, b.id: b}, data), kinds)

    # the diff searches B's source text before it says `omitted`: a changed text is a new diff
    return cache.by_files("diff-result", [left, right, links_path(data)], repr(kinds), compute, Diff,
                          read_too=lambda d: [d.left.source, d.right.source])
