"""What the drafter hands back: the items it drafted (plain dicts, in the plan file's
field order) and what it could not read, each with the source line a curator should open."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple


class Problem(NamedTuple):
    line: int
    message: str


@dataclass
class Draft:
    targets: list[dict] = field(default_factory=list)
    services: list[dict] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)
    gaps: list[dict] = field(default_factory=list)      # source_gaps: boxes the copy lost (gaps.py)
    background: list[tuple[str, str]] = field(default_factory=list)   # (from, to): parts reporting the past
    problems: list[Problem] = field(default_factory=list)

    def note(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, message))


@cache
def words() -> dict:
    """plancmp/vocab/draft.yaml: the drafter's vocabulary (domain keywords, footnote markers …)."""
    from ..core.vocab import read

    return read("draft.yaml")


TAG = re.compile(r"</?p\s*>", re.I)   # the paragraph marks some copies of a text carry

# The plan file's field order, per kind (plan.schema.json), drafted items marked `draft: true`.
FIELD_ORDER = {
    "targets": ("id", "draft", "domain", "indicator", "unit", "baseline", "target", "year", "binding", "basis",
                "flags", "restates", "notes", "evidence"),
    "services": ("id", "draft", "domain", "item", "target_group", "standard", "listed", "notes", "evidence"),
    "tasks": ("id", "draft", "domain", "title", "basis", "commitments", "notes", "evidence"),
}


def ordered(kind: str, item: dict) -> dict:
    item["draft"] = True
    return {k: item[k] for k in FIELD_ORDER[kind] if k in item and item[k] != []}


def unique_id(wanted: str, taken: set[str]) -> str:
    """Ids say where an item stood (box1-row-3, ch4-s1-task-2); a repeat gets a suffix."""
    out, n = wanted, 2
    while out in taken:
        out, n = f"{wanted}-{n}", n + 1
    taken.add(out)
    return out
