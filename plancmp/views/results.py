"""Whole results, memoised by the files they are computed from.

A diff is a pure function of two plan files, data/links.yaml, the two source texts
(searched before a row says `omitted`) and the kinds asked for; a matrix of every plan
file, links.yaml and the texts. When none of those bytes changed
since the last run, the result is read back from the cache (plancmp/cache.py) and
the engine (YAML, schema check, rapidfuzz, alignment) is not even imported.
Filtering (--domain, --status) and rendering always run.
"""
from __future__ import annotations

from ..files import cache
from ..ingest import planref
from ..files.paths import data_dir, links_path, plan_files
from ..core.verdicts import Diff


def diff_of(left_id: str, right_id: str, kinds: tuple[str, ...]) -> Diff:
    """compare.diff of two plans by id, with the curated links. PlanError when either
    plan or links.yaml has errors (never cached: an error is reported every run)."""

    def compute() -> Diff:
        from ..engine.compare import diff
        from .crossplan import load_checked_links

        a, b = planref.load(left_id), planref.load(right_id)
        return diff(a, b, load_checked_links({a.id: a, b.id: b}), kinds)

    files = [planref.path_of(left_id), planref.path_of(right_id), links_path(data_dir())]
    # the diff searches B's source text before it says `omitted`: a changed text is a new diff
    return cache.by_files("diff-result", files, repr(kinds), compute, Diff,
                          read_too=lambda d: [d.left.source, d.right.source])


def matrix_of(kind: str, domain: str | None) -> dict:
    """matrix.matrix over every plan file, with the curated links."""
    sources: list = []

    def compute() -> dict:
        from .crossplan import load_checked_links
        from ..ingest.load import load_all
        from .matrix import matrix

        plans = load_all()
        sources.extend(p.source for p in plans.values())
        load_checked_links(plans)   # a broken link stops the grid, whichever two plans it joins
        return matrix(plans, kind, domain)

    files = [*plan_files(), links_path(data_dir())]
    return cache.by_files("matrix-result", files, repr((kind, domain)), compute, dict, read_too=lambda _: sources)
