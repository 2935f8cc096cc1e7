"""What people type for a plan (national, 全国, 辽宁省 …) -> the plan, loading only
the plans asked for. Aliases are data: plancmp/vocab/plans.yaml, plus each plan's id
(its file name), its `region` and its `aliases:` (a plan added with `plancmp new` brings
its own, in its data folder: nothing of the installed package changes)."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from ..core.errors import PlanError
from ..core.model import Plan
from ..files.paths import data_dir, plan_files
from ..core.vocab import did_you_mean, fold, read as read_vocab


class UnknownPlan(LookupError):
    def __init__(self, query: str, known: list[str]):
        super().__init__(f"unknown plan {query!r}{_did_you_mean(query, known)}; plans: {', '.join(known)} "
                         "(or an alias such as 全国, 辽宁)")
        self.known = known


def _did_you_mean(query: str, known: list[str]) -> str:
    """The hint for a typo of a plan id or one of its aliases: the plan's id."""
    spellings = {pid: pid for pid in known}
    for pid in known:
        for alias in _aliases().get(pid, ()):
            spellings.setdefault(alias, pid)
    return did_you_mean(query, spellings)


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
    # a region typed in full (辽宁省) or without 省, or an alias the plan file lists
    for pid in ids:
        region, aliases = _names(path_of(pid, directory))
        names = {fold(a) for a in aliases}
        if region:
            names |= {fold(region), fold(region.rstrip("省市"))}
        if q in names:
            return pid
    raise UnknownPlan(query, ids)


def _plans_dir(directory: Path | None) -> Path:
    return directory or data_dir() / "plans"


def _names(path: Path) -> tuple[str | None, tuple[str, ...]]:
    """The region and aliases of a plan file, from the parsed plan (YAML and schema, not its
    checks against the source), memoised by the file's bytes: only a name that is no id
    costs it; (None, ()) for a file that is no plan."""
    from ..files import cache
    from .load import load_plan

    def names() -> tuple[str | None, tuple[str, ...]]:
        plan = load_plan(path).plan
        return (plan.region, plan.aliases) if plan is not None else (None, ())

    return cache.by_files("plan-names", [path], "", names, tuple)   # an unreadable file parses to no plan


def path_of(plan_id: str, directory: Path | None = None) -> Path:
    return _plans_dir(directory) / f"{plan_id}.yaml"


def load(plan_id: str, directory: Path | None = None) -> Plan:
    """Load one plan; PlanError if it has structural errors."""
    from ..core.findings import ERROR
    from .load import load_plan_cached   # YAML and the schema: only when a plan is parsed

    loaded = load_plan_cached(path_of(plan_id, directory))
    errors = [f for f in loaded.findings if f.severity == ERROR]
    if loaded.plan is None or errors:
        raise PlanError(f"plan {plan_id!r} has errors; run `plancmp validate` for details", errors)
    return loaded.plan
