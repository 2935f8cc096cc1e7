"""A plan file read and checked, through the parsed-plan cache: light at import (no YAML,
no schema), so that a warm run reads the plans its cached results refer to without them."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..core.findings import Finding
    from ..core.model import Plan
    from .yamldoc import Doc


class Loaded(NamedTuple):
    """A plan file read: its YAML (None once cached), the Plan (None when its structure is
    broken) and what is wrong with it."""

    path: Path
    doc: Doc | None
    plan: Plan | None
    findings: list[Finding]


def load_plan_cached(path: Path, folder) -> Loaded:
    """load_plan and validate's checks of one file (quotes against the source, values, ids),
    through the parsed-plan cache (plancmp/files/cache.py), for the commands that compare
    plans; `plancmp validate` always parses. The entry is keyed by the plan file's bytes and
    holds the real path and bytes of the source text its checks read: an edited, moved or
    replaced source is checked again, so a command never compares a plan that validate would
    reject. The result keeps no Doc: the commands that need one call load_plan."""
    from ..files import cache

    def parse() -> Loaded:
        from .load import load_plan  # YAML and the schema: only when a plan is parsed

        loaded = load_plan(path, folder)
        findings = loaded.findings
        if loaded.plan is not None:   # everything validate checks in one file: a plan with errors is never compared
            from .checks import check_plan

            findings = findings + check_plan(loaded.plan, loaded.doc, folder)
        return Loaded(loaded.path, None, loaded.plan, findings)

    return cache.by_files("plan", folder, [path], "", parse, Loaded,
                          read_too=lambda loaded: [loaded.plan.source] if loaded.plan is not None else [])
