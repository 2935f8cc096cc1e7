"""`plancmp validate`: every check on plan files, as a list of findings.

Structure comes from the loader (YAML + schema), each plan's own checks from checks.py;
this module adds the checks across files: file names, plan ids, the one reference plan,
links.yaml and press files.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..core.findings import ERROR, WARNING, Finding
from ..core.model import Plan
from ..core.vocab import fold
from ..files.paths import data_folder_of, shown_path
from . import schema, schemacheck
from .checks import check_plan
from .links import check_default as check_links
from .load import plan_from_doc
from .press import check_press
from .workspace import Workspace
from .yamldoc import Doc, load as load_yaml


class _Read(NamedTuple):
    """A plan file that parsed into a plan: its path, its YAML and the plan."""

    path: Path
    doc: Doc
    plan: Plan


@dataclass
class Report:
    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == WARNING for f in self.findings)

    @property
    def valid(self) -> bool:
        return self.errors == 0

    @property
    def unreadable(self) -> bool:
        return any(f.code == "file-unreadable" for f in self.findings)

    def as_dict(self) -> dict[str, Any]:
        return {"valid": self.valid, "errors": self.errors, "warnings": self.warnings,
                "files": self.files, "findings": [f.as_dict() for f in self.findings]}


def validate(ws: Workspace, paths: list[Path] | None = None) -> Report:
    """Every check of the files named (default: every plan and press file of `ws`), each
    file read by the rule of its data folder (the folder holding the plans/ or press/ it
    stands in: `ws` when that is the workspace's, else one of its own), and of the
    links.yaml of each of those folders."""
    default_run = not paths
    paths = list(paths) if paths else ws.data_files()
    spaces = {str(ws.folder.real): ws}

    def space_of(path: Path) -> Workspace:
        if default_run:
            return ws
        folder = data_folder_of(path)
        return spaces.setdefault(os.path.realpath(folder), Workspace(folder))

    report = Report(files=[shown_path(p) for p in paths])
    plans: dict[str, _Read] = {}
    press_docs: list[tuple[Workspace, Path, Doc]] = []
    for path in paths:
        space = space_of(path)
        doc, findings = load_yaml(path, shown_path(path), space.folder)
        if doc is not None and isinstance(doc.data, dict) and "claims" in doc.data:
            press_docs.append((space, path, doc))
            report.findings += findings + schemacheck.check(doc, schema.press_schema())
            continue
        loaded = plan_from_doc(path, doc, findings, space.folder)
        report.findings += loaded.findings
        if loaded.plan is None or loaded.doc is None:
            continue
        parsed = _Read(path, loaded.doc, loaded.plan)
        report.findings += check_plan(parsed.plan, parsed.doc, space.folder)
        if parsed.plan.id != path.stem and path.suffix in (".yaml", ".yml"):
            where = parsed.doc.pos(("id",))
            report.findings.append(Finding("id-not-file-name", f"plan id {parsed.plan.id!r} in a file named {path.name!r}; "
                                           f"name the file {parsed.plan.id}.yaml (commands find plans by file name)",
                                           where.file, where.line, where.col, "id"))
        if parsed.plan.id in plans:
            other = shown_path(plans[parsed.plan.id].path)
            where = parsed.doc.pos(("id",))
            report.findings.append(Finding("duplicate-plan-id", f"plan id {parsed.plan.id!r} is also declared by {other}", where.file, where.line, where.col, "id"))
        else:
            plans[parsed.plan.id] = parsed
    for space, path, doc in press_docs:
        report.findings += check_press(space, path, doc, {k: v.plan for k, v in plans.items()})
    by_id = {k: v.plan for k, v in plans.items()}
    read = {p.resolve() for p in paths}
    for space in ([ws] if default_run else _data_folders(paths, space_of)):
        # links.yaml is checked whenever a plan of its folder is: it steers every diff
        known = {**_plans_in(space, skip=read), **by_id}
        broken = set(space.plan_ids()) - set(known)
        files, findings = check_links(space.folder, space.links_path, known, shown_path(space.links_path), broken)
        report.files += files
        report.findings += findings
    if default_run:
        report.findings += _reference_findings(plans)
        report.findings += _name_findings(plans)
        # the vocabulary the engine reads about the national commitments (vocab/commitments.yaml)
        from .knowledge import check as check_knowledge

        everything = {**_plans_in(ws, skip=read), **by_id}
        if any(p.level == "national" for p in everything.values()):
            files, findings = check_knowledge(everything, ws)
            if ws.folder.has_entry(ws.vocab_path):   # what curators of this data folder learnt (plancmp review)
                more, found = check_knowledge(everything, ws, ws.vocab_path, ws.folder)
                files, findings = files + more, findings + found
            report.files += files
            report.findings += findings
    report.findings = sorted(set(report.findings), key=Finding.sort_key)
    return report


def _data_folders(paths: list[Path], space_of: Callable[[Path], Workspace]) -> list[Workspace]:
    """The workspaces of the data folders (the folder holding plans/) of the plan files named."""
    out: list[Workspace] = []
    for path in paths:
        space = space_of(path)
        if path.absolute().parent.name == "plans" and space not in out:
            out.append(space)
    return out


def _plans_in(ws: Workspace, skip: set[Path]) -> dict[str, Plan]:
    """The other plans of a data folder (those not in `skip`, read already), for checking its
    links (parsed through the cache)."""
    out: dict[str, Plan] = {}
    for path in ws.plan_files():
        if path.resolve() in skip:
            continue
        loaded = ws.loaded(path)
        if loaded.plan is not None:
            out.setdefault(loaded.plan.id, loaded.plan)
    return out


def _name_findings(plans: dict[str, _Read]) -> list[Finding]:
    """No two plans share a name people type for them (an id, a region, an alias): which plan
    would `plancmp diff national 浙江` mean?"""
    from .workspace import declared_names

    taken: dict[str, str] = {}   # folded name -> the plan that has it
    out: list[Finding] = []
    for loaded in sorted(plans.values(), key=lambda l: str(l.path)):
        plan = loaded.plan
        for name, key in declared_names(plan.id, plan.region, plan.aliases).items():
            other = taken.setdefault(name, plan.id)
            if other == plan.id:
                continue
            path = ("aliases", next((i for i, a in enumerate(plan.aliases) if fold(a) == name), 0)) \
                if key == "aliases" else (key,) if key in ("id", "region") else ("id",)
            where = loaded.doc.pos(path)
            out.append(Finding("duplicate-plan-name", f"{name!r} ({key}) names the plan {other!r} too; "
                               "a name people type must mean one plan", where.file, where.line, where.col,
                               ".".join(map(str, path))))
    return out


def _reference_findings(plans: dict[str, _Read]) -> list[Finding]:
    """Exactly one plan is the national reference of the cross-plan views."""
    national = sorted((l for l in plans.values() if l.plan.level == "national"), key=lambda l: str(l.path))
    if len(national) == 1 or not plans:
        return []
    if not national:
        first = sorted(plans.values(), key=lambda l: str(l.path))[0]
        where = first.doc.pos(("level",))
        return [Finding("reference-plan", "no plan has level: national; the cross-plan views compare every plan with it",
                        where.file, where.line, where.col, "level")]
    out = []
    for extra in national[1:]:
        where = extra.doc.pos(("level",))
        out.append(Finding("reference-plan", f"a second plan with level: national (the first is {shown_path(national[0].path)}); "
                           "exactly one plan is the reference", where.file, where.line, where.col, "level"))
    return out
