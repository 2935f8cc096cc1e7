"""Everything the HTML report shows, as plain data: the matrices of every kind (each cell with
the value the province writes), coverage per province and domain over all kinds, each
province's strongest and weakest points with their evidence, the targets across plans, the
source gaps and the stamp (plancmp's version and a digest of the data
files). No rendering here, and no wall-clock time unless a date is given: the same input
gives the same data.

How the strongest and weakest points are chosen (the page says the same, from the labels):

- strongest: national targets the province exceeds, 约束性 first, then by the largest relative
  margin on the target value; then services and tasks it exceeds; then commitments it puts
  a number on where national states none (matches, quantified).
- weakest: 约束性 targets it falls below or omits; then targets below national, by the largest
  relative shortfall; omitted targets; services and tasks below national; omitted services;
  omitted tasks. `unknown` (a lost part of the province's source could hold the item),
  `not comparable` and `mentioned` are never counted as weak points.

Ties keep the national plan's order (domain, then file order).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core.commitment import commitment_line
from ..core.model import KINDS, Item, Plan, Service, Target, Task
from ..ingest.press import article_of
from .added import added
from .claims import judged
from .crossplan import drafts_of, reference_id, shown_provinces
from .matrix import coverage, matrix
from .show import gap_record
from .targetgrid import target_grid

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace

# Up to this many provinces the page holds every province's cells side by side (China has 31
# provincial-level divisions); above it, the tables show one province at a time, chosen in the
# page, and what provinces add is counted per province, not lined up across them (layouts below).
FULL_MAX = 31
LAYOUTS = ("full", "one")
HIGHLIGHTS = 3          # strongest and weakest points per province
SHOWN_MAX = 14          # characters of a cell's value before it is cut (the popover has it whole)
DIGEST_CHARS = 12       # hex characters of the data digest the page shows


def report(ws: Workspace, date: str | None = None, drafts: bool = False, layout: str | None = None) -> dict:
    """Everything the report shows, from the workspace's plans, links and press files; a plan
    whose every item is a draft only with `drafts` (a plan holding drafts is marked).

    `layout` (default: by the number of provinces, FULL_MAX): "full", every province's cells
    side by side and what provinces add lined up across them; "one", what grows with the
    square of the provinces left out: the targets grid without the empty cells of the other
    provinces' own rows (the page shows one province at a time), and what each province adds
    counted, not aligned with every other province's (that is `plancmp added`)."""
    plans = ws.plans()
    ws.links()   # a broken link stops the report, whichever two plans it joins
    ref = reference_id(plans)
    others, left_out = shown_provinces(plans, drafts)
    if layout is None:
        layout = "full" if len(others) <= FULL_MAX else "one"
    if layout not in LAYOUTS:
        raise ValueError(f"layout: one of {', '.join(LAYOUTS)}, not {layout!r}")
    if not others:
        layout = "full"   # no province to choose
    matrices = {kind: matrix(ws, kind, drafts=drafts) for kind in KINDS}
    by_id = _by_id(plans)
    for m in matrices.values():
        _annotate(m, by_id)
    press = _press(ws, plans)
    return {
        "reference": ref,
        "plans": [{"id": pid, "name": plans[pid].name, "region": plans[pid].region, "level": plans[pid].level,
                   "period": plans[pid].period, "drafts": drafts_of([plans[pid]]).get(pid)}
                  for pid in [ref, *others]],
        "left_out": left_out,
        "matrices": matrices,
        "coverage": coverage_all_kinds(matrices, others),
        "highlights": {pid: highlights(matrices, plans, pid) for pid in others},
        "layout": layout,
        "targets": target_grid(ws, others, sparse=layout == "one"),
        "gaps": [gap_record(plans[pid], g) for pid in sorted(plans) if pid not in left_out for g in plans[pid].source_gaps],
        "claims": [judged(path, data, plan) for path, (data, plan) in press.items()],   # what the press says
        # what the provinces add beyond national (views/added.py); over many provinces, counted
        "added": _without(added(ws), left_out) if layout == "full" else added_counts(plans, matrices, ref, others),
        "stamp": stamp(ws, plans, {path: article_of(ws, path, data) for path, (data, _) in press.items()}, date),
    }


# ---------------------------------------------------------------- values shown in the heatmap

def _with_unit(value: str, unit: str | None) -> str:
    """`4.5 个`, `96%`; a value with no number (应保尽保) or that names its unit stays as written."""
    return commitment_line("targets", target=value, unit=unit, form="value+unit")


def _cut(text: str, limit: int = SHOWN_MAX) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def national_value(item: Item) -> dict:
    """What the national row head shows: the target value (with its unit) and baseline, a
    service's standard (and whom it serves), or a task's numbers."""
    if isinstance(item, Target):
        base = f"{item.baseline.value} ({item.baseline.year})" if item.baseline else None
        return {"value": _with_unit(item.target, item.unit), "baseline": base, "group": None}
    if isinstance(item, Service):
        return {"value": item.standard or "", "baseline": None, "group": item.target_group}
    if isinstance(item, Task):
        return {"value": ", ".join(item.commitments), "baseline": None, "group": None}
    return {"value": "", "baseline": None, "group": None}


def shown_value(status: str, other: Item | None) -> str:
    """The few characters a heatmap cell shows: the province's value as written (≥3, >92%,
    应保尽保), else the numbers of its service or task; "—" when omitted, "?" when unknown;
    "" when the province's item has no value to show (the cell then shows the verdict)."""
    if status == "omitted":
        return "—"
    if status == "unknown":
        return "?"
    if other is None:
        return ""
    if isinstance(other, Target):
        return _cut(with_unit(other.target, other.unit))
    if isinstance(other, Task) and other.commitments:
        return _cut(", ".join(other.commitments))
    if isinstance(other, Service) and other.standard:
        return _cut(other.standard)
    return ""


def with_unit(value: str | None, unit: str | None) -> str:
    """A number as written with its unit when the text leaves it out (`~30` -> `~30万人`,
    `>92` -> `>92%`); words (应保尽保) and values that carry their unit stay as they are."""
    import re

    from ..core.values import try_parse

    text = value or ""
    if not unit or not text or unit in text:
        return text
    if re.fullmatch(r"[~≈<>≥≤＞＜]?\s*\d+(\.\d+)?", text):   # a bare number, with a comparator or ~
        return text + unit
    parsed = try_parse(text)
    return text + unit if parsed is not None and parsed.numeric and not parsed.unit and text[-1].isdigit() else text


def _by_id(plans: dict[str, Plan]) -> dict[str, dict[str, Item]]:
    """{plan: {item id: its first item of that id}}: Plan.item's answer, looked up without a scan
    (the report looks up an item per cell: 40,000 cells at 300 provinces)."""
    out: dict[str, dict[str, Item]] = {}
    for pid, plan in plans.items():
        found = out[pid] = {}
        for item in plan.items():
            found.setdefault(item.id, item)
    return out


def _annotate(m: dict, by_id: dict[str, dict[str, Item]]) -> None:
    """Add to every row its national value and to every cell the value the province writes."""
    ref = by_id[m["reference"]]
    for row in m["rows"]:
        item = ref.get(row["id"])
        row["national"] = national_value(item) if item is not None else {"value": row["value"], "baseline": None, "group": None}
        for pid, cell in row["cells"].items():
            other = by_id[pid].get(cell["counterpart"]) if cell["counterpart"] else None
            cell["shown"] = shown_value(cell["status"], other)


# ---------------------------------------------------------------- coverage over all kinds

def coverage_all_kinds(matrices: dict, plan_ids: list[str]) -> dict:
    """{province: [{"domain": "(all)", "total", "counts" …}, then one per domain]}: every
    national commitment (targets, services and tasks) in one count per coverage bucket."""
    entries = coverage([r for m in matrices.values() for r in m["rows"]], plan_ids)
    out = {}
    for pid in plan_ids:
        *domains, whole = [e for e in entries if e["plan"] == pid]
        out[pid] = [whole, *domains]
    return out


# ---------------------------------------------------------------- strongest and weakest points

def margin(x: Target, y: Target) -> tuple[float | None, float | None]:
    """(relative margin, percentage points) of the province's target y over national's x, signed
    so that a positive margin is better (for an indicator to reduce, lower is better); None when
    the values are not two numbers on one scale. Uses the engine's own readings of the values."""
    from ..engine.compare import committed_numbers

    found = committed_numbers(x, y)
    if found is None or not found[0]:
        return None, None
    a, b, unit, better = found
    sign = 1 if better else -1
    points = sign * (b - a) if unit == "%" else None
    return round(sign * (b - a) / abs(a), 4), (round(points, 4) if points is not None else None)


_STRONG = {"exceeds", "matches-quantified"}
_WEAK = {"below", "omitted"}


def _tier(kind: str, status: str, binding: str | None, strong: bool) -> tuple[int, str] | None:
    """The rank class of a cell, and its reason key (labels: report_why_*)."""
    bound = binding == "约束性"
    if strong:
        if status == "exceeds":
            if kind == "targets":
                return (0, "binding-exceeds") if bound else (1, "exceeds")
            return 2, "exceeds-commitment"
        if status == "matches-quantified":
            return 3, "quantified"
        return None
    if kind == "targets" and bound and status in _WEAK:
        return 0, f"binding-{status}"
    if kind == "targets":
        return (1, "below") if status == "below" else (2, "omitted-target")
    if status == "below":
        return 3, "below-commitment"
    return (4, "omitted-service") if kind == "services" else (5, "omitted-task")


def highlights(matrices: dict, plans: dict[str, Plan], pid: str, n: int = HIGHLIGHTS) -> dict:
    """The province's `n` strongest and `n` weakest points against national, each with both
    values, the margin and the quotes behind them (the rule: this module's docstring)."""
    ref = plans[matrices["targets"]["reference"]]
    plan = plans[pid]
    found: dict[bool, list] = {True: [], False: []}
    order = 0
    for kind, m in matrices.items():
        for row in m["rows"]:
            order += 1
            cell = row["cells"][pid]
            for strong in (True, False):
                if cell["status"] not in (_STRONG if strong else _WEAK):
                    continue
                tier = _tier(kind, cell["status"], row["binding"], strong)
                if tier is None:
                    continue
                x = ref.item(row["id"])
                y = plan.item(cell["counterpart"]) if cell["counterpart"] else None
                rel, points = margin(x, y) if isinstance(x, Target) and isinstance(y, Target) else (None, None)
                key = (tier[0], 1 if rel is None else 0, -(rel or 0) if strong else (rel or 0), order)
                found[strong].append((key, _point(kind, row, cell, x, y, tier[1], rel, points)))
    return {"strong": [p for _, p in sorted(found[True], key=lambda kv: kv[0])[:n]],
            "weak": [p for _, p in sorted(found[False], key=lambda kv: kv[0])[:n]]}


def _point(kind: str, row: dict, cell: dict, x: Item | None, y: Item | None, why: str, rel, points) -> dict:
    return {"kind": kind, "id": row["id"], "domain": row["domain"], "name": row["name"], "binding": row["binding"],
            "status": cell["status"], "why": why, "margin": rel, "points": points,
            "national": {"value": row["national"]["value"], "quote": x.evidence.quote if x else row["quote"],
                         "section": x.evidence.section if x else row["section"]},
            "province": None if y is None else {
                "id": y.id, "name": y.name, "value": _with_unit(y.target, y.unit) if isinstance(y, Target)
                else (cell["counterpart_value"] or ""), "quote": y.evidence.quote, "section": y.evidence.section},
            "notes": list(cell["notes"])}


# ---------------------------------------------------------------- the stamp

def _press(ws: Workspace, plans: dict[str, Plan]) -> dict[Path, tuple[dict, Plan]]:
    """The press files of the workspace, each checked with the plan it is about."""
    from ..ingest.press import load_press

    if not plans:
        return {}
    return {path: load_press(ws, path, plans) for path in ws.press_files()}


def _without(data: dict, left_out: list[str]) -> dict:
    """`plancmp added`'s data without the plans the report leaves out (every item a draft)."""
    if not left_out:
        return data
    from .added import counts

    plans = [p for p in data["plans"] if p not in left_out]
    groups = []
    for g in data["groups"]:
        items = [i for i in g["items"] if i["plan"] not in left_out]
        if items:
            groups.append({**g, "items": items, "plans": [p for p in g["plans"] if p not in left_out],
                           "quantified": [p for p in g["quantified"] if p not in left_out]})
    return {**data, "plans": plans, "groups": groups, "counts": counts(groups, plans),
            "drafts": {p: d for p, d in (data.get("drafts") or {}).items() if p not in left_out}}


def added_counts(plans: dict[str, Plan], matrices: dict, ref: str, others: list[str]) -> dict:
    """How many items each province adds beyond the reference (its diffs' `added` rows, which
    each kind's matrix counts), without lining them up across provinces (views/added.py aligns
    every pair of provinces: at 300 provinces, 44,850 alignments)."""
    by_plan = {pid: {"added": sum(m["added"][pid] for m in matrices.values())} for pid in others}
    return {"reference": ref, "plans": others, "grouped": False, "drafts": drafts_of([plans[pid] for pid in others]),
            "counts": {"by_plan": by_plan}}


def data_files(ws: Workspace, plans: dict[str, Plan], press: dict[Path, Path | None]) -> list[tuple[str, Path]]:
    """(name, path) of every data file the report reads, in name order: the plan files,
    links.yaml, each plan's source text, the press files and the articles they quote
    ({press file: article}). Names are relative to the data folder (the folder holding plans/)."""
    if not plans:
        return []
    paths: set[Path] = set()
    for plan in plans.values():
        paths |= {plan.path, plan.source}
    for path in (ws.links_path, ws.vocab_path):
        if ws.folder.has_entry(path):
            paths.add(path)
    for path, article in press.items():
        paths |= {p for p in (path, article) if p is not None}

    def name(path: Path) -> str:
        try:
            return Path(ws.folder.locate(path)).relative_to(ws.folder.real).as_posix()
        except (OSError, ValueError):
            return path.as_posix()

    return sorted(((name(p), p) for p in paths), key=lambda np: np[0])


def stamp(ws: Workspace, plans: dict[str, Plan], press: dict[Path, Path | None], date: str | None = None) -> dict:
    """plancmp's version and a BLAKE2b digest over the data files (each as its name, its size and
    its bytes, as the workspace read them, in name order); the date only when one is given."""
    from hashlib import blake2b

    from .. import __version__
    from ..files.safeio import Unreadable

    whole = blake2b(digest_size=16, person=b"plancmp-report")
    files = []
    for name, path in data_files(ws, plans, press):
        try:
            content = ws.folder.read_bytes(path)
        except Unreadable as exc:
            content = f"unreadable: {exc.reason}".encode()
        whole.update(name.encode() + b"\0" + str(len(content)).encode() + b"\0" + content)
        files.append({"name": name, "bytes": len(content), "digest": blake2b(content, digest_size=6).hexdigest()})
    digest = whole.hexdigest()
    return {"version": __version__, "digest": digest, "short": digest[:DIGEST_CHARS], "files": files, "date": date}
