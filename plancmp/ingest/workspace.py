"""The data folder a command works on: opened once by the command and passed down.

A Workspace knows where its files are (plans/, sources/, press/, links.yaml,
eval/pairs.yaml), reads every one of them through one DataFolder (files/folder.py: inside
the folder after every symbolic link, a regular file within its limit, each file once per
run), and answers what the commands ask of the data: the plan ids, what a typed plan name
means (ids, aliases, regions), one plan or all of them (checked as `plancmp validate`
checks them: PlanError otherwise), the links between them (checked, read once), the press
files, and the source texts (cut into lines, indexed by sentence). Everything is memoised
per instance: a run opens one Workspace (`plancmp changes` a second, over the revision's
temporary copy), and nothing below the command looks the folder up again.

Light at import: a warm run resolves plan names and reads its cached result through it
without loading YAML, the schemas or the engine.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import PlanError
from ..core.vocab import did_you_mean, fold, read as read_vocab
from ..files.folder import DataFolder
from ..files.paths import PACKAGE_ROOT, plan_path, shown_path
from .loaded import Loaded

if TYPE_CHECKING:
    from ..core.model import Plan
    from .evidence import Source
    from .links import Links
    from .textsearch import TextIndex


class NoDataFolder(Exception):
    """No data folder that a command may write into (plancmp new): a usage problem."""


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
    """The aliases people type for the shipped plans (plancmp/vocab/plans.yaml)."""
    data = read_vocab("plans.yaml")
    return {k: tuple(str(a) for a in v or ()) for k, v in data["aliases"].items()}


def declared_names(plan_id: str, region: str | None, aliases: Iterable[str]) -> dict[str, str]:
    """The names a plan is known by, folded, each with where it comes from ("id", "region",
    "aliases", or "plancmp/vocab/plans.yaml"): two plans of a folder must share none."""
    out = {fold(plan_id): "id"}
    for alias in _aliases().get(plan_id, ()):
        out.setdefault(fold(alias), "plancmp/vocab/plans.yaml")
    if region:
        out.setdefault(fold(region), "region")
    for alias in aliases or ():
        out.setdefault(fold(alias), "aliases")
    return out


class Workspace:
    """One data folder, its files read by one DataFolder, what is derived from them memoised."""

    def __init__(self, root: Path | str):
        self.folder = DataFolder(root)
        self.root = self.folder.root
        self.plans_dir = self.root / "plans"
        self.sources_dir = self.root / "sources"
        self.press_dir = self.root / "press"
        self.links_path = self.root / "links.yaml"
        self.labels_path = self.root / "eval" / "pairs.yaml"
        # what curators learnt about the national commitments, beside the package's own vocabulary
        self.vocab_path = self.root / "vocab" / "commitments.yaml"
        self.review_dir = self.root / "review"   # plancmp review's answers the plan files do not record
        self._plan_files: list[Path] | None = None
        self._loaded: dict[str, Loaded] = {}
        self._plans: dict[str, Plan] | None = None
        self._links: Links | None = None
        self._links_checked: list[frozenset[str]] = []   # sets of plans whose links passed the check
        self._vocabulary: dict[str, Any] | None = None
        self.results: dict[tuple[object, ...], Any] = {}   # what views/results.py computed or read this run (each diff once)

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r})"

    @classmethod
    def open(cls, root: Path | None = None, *, writable: bool = False) -> Workspace:
        """`root`, else PLANCMP_DATA, else ./data when it holds plans/, else the data/ beside the
        package (a checkout's). `writable` (plancmp new): never that last one, the installed
        package's own folder: NoDataFolder says to set PLANCMP_DATA instead."""
        if root is None and os.environ.get("PLANCMP_DATA"):
            root = Path(os.environ["PLANCMP_DATA"])
        if root is None and (Path.cwd() / "data" / "plans").is_dir():
            root = Path.cwd() / "data"
        if root is None:
            if writable:
                raise NoDataFolder("no data folder to write into: set PLANCMP_DATA to one (the folder that holds, "
                                   "or will hold, plans/ and sources/), or run plancmp where ./data/plans is; "
                                   "plancmp never writes into its installed package")
            root = PACKAGE_ROOT / "data"
        return cls(root)

    # ------------------------------------------------------------ plans

    def plan_path(self, plan_id: str) -> Path:
        """plans/<id>.yaml (commands find a plan by its file name)."""
        return plan_path(self.root, plan_id)

    def plan_files(self) -> list[Path]:
        if self._plan_files is None:
            self._plan_files = self.folder.files("plans")
        return self._plan_files

    def plan_ids(self) -> list[str]:
        """The ids of the plan files (a plan's file is named after its id)."""
        return [p.stem for p in self.plan_files()]

    def press_files(self) -> list[Path]:
        return self.folder.files("press")

    def data_files(self) -> list[Path]:
        """What `plancmp validate` checks here: the plan files, then the press files."""
        return self.plan_files() + self.press_files()

    def resolve(self, query: str) -> str:
        """A typed plan name (an id, an alias of plancmp/vocab/plans.yaml, a plan's `region`
        in full or without 省, an alias its file lists) -> its id. Raises UnknownPlan."""
        ids = self.plan_ids()
        q = fold(query)
        for pid in ids:   # an id typed as it is needs no vocabulary (nor YAML) at all
            if q == fold(pid):
                return pid
        for pid in ids:
            if q in {fold(a) for a in _aliases().get(pid, ())}:
                return pid
        for pid in ids:
            region, aliases = self._names(self.plan_path(pid))
            names = {fold(a) for a in aliases}
            if region:
                names |= {fold(region), fold(region.rstrip("省市"))}
            if q in names:
                return pid
        raise UnknownPlan(query, ids)

    def _names(self, path: Path) -> tuple[str | None, tuple[str, ...]]:
        """The region and aliases of a plan file, from the parsed plan (YAML and schema, not its
        checks against the source), memoised by the file's bytes: only a name that is no id
        costs it; (None, ()) for a file that is no plan (or cannot be read)."""
        from ..files import cache
        from .load import load_plan

        def names() -> tuple[str | None, tuple[str, ...]]:
            plan = load_plan(path, self.folder).plan
            return (plan.region, plan.aliases) if plan is not None else (None, ())

        found: tuple[str | None, tuple[str, ...]] = cache.by_files("plan-names", self.folder, [path], "", names, tuple)
        return found

    def loaded(self, path: Path) -> Loaded:
        """A plan file parsed and checked as validate checks it (through the parsed-plan cache)."""
        key = str(path)
        if key not in self._loaded:
            self._loaded[key] = load_plan_cached(path, self.folder)
        return self._loaded[key]

    def plan(self, plan_id: str) -> Plan:
        """One plan; PlanError when its file has any error validate would report."""
        from ..core.findings import ERROR

        loaded = self.loaded(self.plan_path(plan_id))
        errors = [f for f in loaded.findings if f.severity == ERROR]
        if loaded.plan is None or errors:
            raise PlanError(f"plan {plan_id!r} has errors; run `plancmp validate` for details", errors)
        return loaded.plan

    def plans(self) -> dict[str, Plan]:
        """Every plan of the folder, by id; PlanError when any file has an error (its own, a
        file name that is not its id, an id declared twice)."""
        if self._plans is not None:
            return self._plans
        from ..core.findings import ERROR, Finding

        files = self.plan_files()
        if not files:
            raise PlanError(f"no plan files (*.yaml) in {shown_path(self.plans_dir)}")
        plans: dict[str, Plan] = {}
        problems: list[Finding] = []
        for path in files:
            loaded = self.loaded(path)
            problems += [f for f in loaded.findings if f.severity == ERROR]
            if loaded.plan is None:
                continue
            if loaded.plan.id != path.stem:
                problems.append(Finding("id-not-file-name", f"plan id {loaded.plan.id!r} in a file named {path.name!r}",
                                        shown_path(path)))
            if loaded.plan.id in plans:
                problems.append(Finding("duplicate-plan-id", f"plan id {loaded.plan.id!r} is also declared by "
                                        f"{shown_path(plans[loaded.plan.id].path)}", shown_path(path)))
            plans[loaded.plan.id] = loaded.plan
        if problems:
            raise PlanError("the plan files have errors; run `plancmp validate` for details", problems)
        self._plans = plans
        return plans

    def press_plan(self, plan_id: str) -> Loaded | None:
        """The plan a press file of this folder names by its `plan:` id: plans/<id>.yaml, when
        the folder has such a plan file and the file declares that id; else None. An id is
        only ever looked up among the folder's plan files: it never leads anywhere else."""
        if plan_id not in self.plan_ids():
            return None
        loaded = self.loaded(self.plan_path(plan_id))
        return loaded if loaded.plan is None or loaded.plan.id == plan_id else None

    # ------------------------------------------------------------ links

    def links_file(self) -> Links:
        """links.yaml as read (not yet checked against the plans), once per run."""
        if self._links is None:
            from .links import load_links

            self._links = load_links(self.folder, self.links_path, shown_path(self.links_path))
        return self._links

    def links(self, plans: dict[str, Plan] | None = None) -> Links:
        """links.yaml, refused (PlanError) when it has errors: a file that cannot be read, an
        entry that cannot be read, or, among the links between `plans` (default: every plan),
        one naming an item that does not exist, a pair both pinned and forbidden or pinned
        twice. A link never steers a diff unchecked; each set of plans is checked once."""
        from .links import check

        links = self.links_file()
        plans = self.plans() if plans is None else plans
        ids = frozenset(plans)
        if any(ids <= done for done in self._links_checked):
            return links
        problems = list(links.problems) or check(links, plans, only=set(plans))
        if problems:
            raise PlanError(f"{shown_path(self.links_path)} has errors; run `plancmp validate` for details", problems)
        self._links_checked.append(ids)
        return links

    # ------------------------------------------------------------ the data folder's vocabulary

    def vocabulary(self) -> dict[str, Any]:
        """vocab/commitments.yaml of the data folder: what curators learnt about the national
        commitments while reviewing a province (`plancmp review`), read beside the package's
        plancmp/vocab/commitments.yaml by the engine; {"terms": [], "commitments": []} when the
        folder has none. PlanError when it cannot be read or breaks the vocabulary's schema
        (it steers every diff, as links.yaml does)."""
        if self._vocabulary is None:
            empty: dict[str, Any] = {"terms": [], "commitments": []}
            if not self.folder.has_entry(self.vocab_path):
                self._vocabulary = empty
            else:
                from . import schemacheck
                from .knowledge import schema
                from .yamldoc import load

                doc, findings = load(self.vocab_path, shown_path(self.vocab_path), self.folder)
                if doc is not None and not findings:
                    findings = schemacheck.check(doc, schema())
                if doc is None or findings:
                    raise PlanError(f"{shown_path(self.vocab_path)} has errors; run `plancmp validate` for details", findings)
                self._vocabulary = {k: list(doc.data.get(k) or ()) for k in ("terms", "commitments")}
        return self._vocabulary

    def review_path(self, plan_id: str) -> Path:
        """review/<id>.yaml: plancmp review's answers about a plan that its file does not record."""
        return self.review_dir / f"{plan_id}.yaml"

    # ------------------------------------------------------------ source texts

    def source(self, path: Path) -> Source:
        """A source text of the folder, cut into lines (once per run). Raises OSError /
        UnicodeDecodeError."""
        from .evidence import read_source

        return read_source(self.folder, path)

    def text_index(self, path: Path) -> TextIndex:
        """A source text of the folder indexed by sentence (through the cache, from the bytes the
        folder read once). Raises OSError / UnicodeDecodeError."""
        from .textsearch import index_of

        return index_of(self.folder, path)


def load_plan_cached(path: Path, folder: DataFolder) -> Loaded:
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
        if loaded.plan is not None and loaded.doc is not None:   # everything validate checks in one file: a plan with errors is never compared
            from .checks import check_plan

            findings = findings + check_plan(loaded.plan, loaded.doc, folder)
        return Loaded(loaded.path, None, loaded.plan, findings)

    cached: Loaded = cache.by_files("plan", folder, [path], "", parse, Loaded,
                                    read_too=lambda loaded: [loaded.plan.source] if loaded.plan is not None else [])
    return cached
