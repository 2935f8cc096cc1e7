"""What people type for a plan (national, 全国, 辽宁省 …) -> the plan, loading only
the plans asked for. Aliases are data: plancmp/vocab/plans.yaml, plus each plan's id
(its file name) and its `region`."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from .errors import PlanError
from .model import Plan
from .paths import data_dir, plan_files
from .vocab import fold, read as read_vocab


class UnknownPlan(LookupError):
    def __init__(self, query: str, known: list[str]):
        super().__init__(f"unknown plan {query!r}; plans: {', '.join(known)} (or an alias such as 全国, 辽宁)")
        self.known = known


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    data = read_vocab("plans.yaml")
    return {k: tuple(str(a) for a in v or ()) for k, v in data["aliases"].items()}


def plan_ids(directory: Path | None = None) -> list[str]:
    """The ids of the plan files (a plan's file is named after its id)."""
    return [p.stem for p in plan_files(directory)]


def resolve(query: str, directory: Path | None = None) -> str:
    """A typed plan name -> plan id. Raises UnknownPlan listing the valid ids."""
    ids = plan_ids(directory)
    q = fold(query)
    for pid in ids:   # an id typed as it is needs no vocabulary (nor YAML) at all
        if q == fold(pid):
            return pid
    for pid in ids:
        if q in {fold(a) for a in _aliases().get(pid, ())}:
            return pid
    # a region typed in full (辽宁省) or without 省: read the region of each plan file
    for pid in ids:
        region = _region(_plans_dir(directory) / f"{pid}.yaml")
        if region and q in {fold(region), fold(region.rstrip("省市"))}:
            return pid
    raise UnknownPlan(query, ids)


def _plans_dir(directory: Path | None) -> Path:
    return directory or data_dir() / "plans"


def _region(path: Path) -> str | None:
    """The `region:` of a plan file, read without YAML; None for a file that cannot be read
    (not UTF-8, a folder named *.yaml, a dangling link): a typed name is then just unknown."""
    from .safeio import read_text

    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError):
        return None
    for line in text.splitlines():
        if line.startswith("region:"):
            return line.split(":", 1)[1].split(" #")[0].strip().strip("'\"")
    return None


def path_of(plan_id: str, directory: Path | None = None) -> Path:
    return _plans_dir(directory) / f"{plan_id}.yaml"


def load(plan_id: str, directory: Path | None = None) -> Plan:
    """Load one plan; PlanError if it has structural errors."""
    from .findings import ERROR
    from .load import load_plan_cached   # YAML and the schema: only when a plan is parsed

    loaded = load_plan_cached(path_of(plan_id, directory))
    errors = [f for f in loaded.findings if f.severity == ERROR]
    if loaded.plan is None or errors:
        raise PlanError(f"plan {plan_id!r} has errors; run `plancmp validate` for details", errors)
    return loaded.plan
