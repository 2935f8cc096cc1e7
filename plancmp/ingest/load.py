"""Load plan files: YAML -> schema check -> typed Plan with positions.

Structural problems (YAML, schema) are returned as findings; the items they touch
are left out of the Plan so that everything downstream can trust its types.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core import vocab
from ..core.findings import Finding
from ..core.model import Accept, Baseline, Evidence, Plan, Reveal, Service, SourceGap, Target, Task
from ..core.positions import Pos
from ..files.paths import shown_path
from . import schema
from .loaded import Loaded
from .yamldoc import Doc, PathKey, load as load_yaml

if TYPE_CHECKING:
    from ..files.folder import DataFolder


def load_plan(path: Path, folder: DataFolder) -> Loaded:
    """A plan file of a data folder (`folder`, a files/folder.DataFolder: read by its rule)."""
    doc, findings = load_yaml(path, shown_path(path), folder)
    return plan_from_doc(path, doc, findings, folder)


def plan_from_doc(path: Path, doc: Doc | None, findings: list[Finding], folder: DataFolder) -> Loaded:
    """The schema check and the typed Plan, for a file already read (validate reads each once)."""
    shown = shown_path(path)
    findings = list(findings)
    if doc is None:
        return Loaded(path, None, None, findings)
    if not isinstance(doc.data, dict):
        findings.append(Finding("wrong-type", "a plan file must be a mapping (id: …, name: …, targets: …)", shown))
        return Loaded(path, doc, None, findings)
    from . import schemacheck  # jsonschema: paid only when a plan is parsed, not on a cache hit

    findings += schemacheck.check(doc, schema.plan_schema())
    source = doc.data.get("source")
    problem = folder.source_problem(path, source) if isinstance(source, str) else None
    if problem:
        where = doc.pos(("source",))
        findings.append(Finding("source-outside", problem, where.file, where.line, where.col, "source"))
    bad_paths = {_item_path(f.path) for f in findings}
    plan = _build_plan(doc, path, bad_paths)
    return Loaded(path, doc, plan, findings)


def _item_path(path: str) -> str:
    """'targets[3].unit' -> 'targets[3]': the item a finding belongs to."""
    head, _, rest = path.partition("]")
    return head + "]" if rest or path.endswith("]") else path


def _pos(doc: Doc, *path: str | int) -> Pos:
    return doc.pos(tuple(path))


def _build_plan(doc: Doc, path: Path, bad: set[str]) -> Plan | None:
    d = doc.data
    top = ("id", "name", "level", "region", "period", "source")
    if any(not isinstance(d.get(k), str) for k in top):
        return None
    plan = Plan(id=d["id"], name=d["name"], level=d["level"], region=d["region"], period=d["period"],
                source=(path.parent / d["source"]), path=path, notes=d.get("notes"),
                aliases=tuple(a for a in _list(d.get("aliases")) if isinstance(a, str)),
                background=tuple((b["from"], b["to"]) for b in _list(d.get("background")) if isinstance(b, dict)
                                 and isinstance(b.get("from"), str) and isinstance(b.get("to"), str)))
    for i, raw in enumerate(_list(d.get("source_gaps"))):
        if f"source_gaps[{i}]" in bad or not isinstance(raw, dict):
            continue
        plan.source_gaps.append(SourceGap(
            id=raw["id"], section=raw["section"], description=raw["description"],
            domains=tuple(vocab.canonical_domain(x) or x for x in raw["domains"]) if "domains" in raw else None,
            kinds=tuple(raw["kinds"]) if "kinds" in raw else None,
            reveals=tuple(Reveal(r["indicator"], r["quote"], r.get("notes")) for r in raw.get("reveals") or ()),
            pos=_pos(doc, "source_gaps", i), draft=raw.get("draft") is True))
    builders = {"targets": _target, "services": _service, "tasks": _task}
    for kind, build in builders.items():
        for i, raw in enumerate(_list(d.get(kind))):
            if f"{kind}[{i}]" in bad or not isinstance(raw, dict):
                continue
            common: dict[str, Any] = dict(plan=plan.id, id=raw["id"], domain=vocab.canonical_domain(raw["domain"]),
                          evidence=Evidence(raw["evidence"]["quote"], raw["evidence"].get("section"),
                                            _pos(doc, kind, i, "evidence", "quote")),
                          pos=_pos(doc, kind, i), notes=raw.get("notes"), draft=raw.get("draft") is True,
                          accept=tuple(Accept(a["code"], " ".join(a["reason"].split()), _pos(doc, kind, i, "accept", j))
                                       for j, a in enumerate(raw.get("accept") or ())))
            getattr(plan, kind).append(build(raw, common, doc, (kind, i)))
    return plan


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _target(raw: dict[str, Any], common: dict[str, Any], doc: Doc, where: PathKey) -> Target:
    base = raw.get("baseline")
    return Target(**common, indicator=raw["indicator"], unit=raw.get("unit"),
                  baseline=Baseline(str(base["value"]), base["year"]) if base else None,
                  target=str(raw["target"]), year=raw["year"], binding=raw.get("binding"),
                  basis=raw["basis"], flags=tuple(raw.get("flags") or ()), restates=raw.get("restates"),
                  field_pos={k: doc.pos(where + (k,)) for k in raw})


def _service(raw: dict[str, Any], common: dict[str, Any], doc: Doc, where: PathKey) -> Service:
    return Service(**common, item=raw["item"], target_group=raw.get("target_group"),
                   standard=raw.get("standard"), listed=raw.get("listed", True))


def _task(raw: dict[str, Any], common: dict[str, Any], doc: Doc, where: PathKey) -> Task:
    return Task(**common, title=raw["title"], basis=raw["basis"],
                commitments=tuple(str(c) for c in raw.get("commitments") or ()))
