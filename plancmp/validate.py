"""`plancmp validate`: every check on plan files, as a list of findings.

Structure comes from the loader (YAML + schema); this module adds what needs the
whole plan or its source text: ids, quotes, values, baselines, press links.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import schema, schemacheck
from .paths import source_problem
from .textsearch import background_lines
from .evidence import read_source, squeeze
from .facts import higher_is_better
from .findings import ERROR, NOTE, WARNING, Finding
from .links import check_default as check_links
from .load import Loaded, load_plan, plan_from_doc
from .model import Item, Plan, Target
from .paths import data_dir, plan_files, shown_path
from .values import ValueError_, parse_value
from .yamldoc import Doc, format_path, load as load_yaml

_ORDER = {"<": -1, "≤": -1, "=": 0, "≈": 0, "≥": 1, ">": 1}


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

    def as_dict(self) -> dict:
        return {"valid": self.valid, "errors": self.errors, "warnings": self.warnings,
                "files": self.files, "findings": [f.as_dict() for f in self.findings]}


def default_paths() -> list[Path]:
    root = data_dir()
    return plan_files(root / "plans") + sorted((root / "press").glob("*.yaml"))


def validate(paths: list[Path] | None = None) -> Report:
    default_run = not paths
    paths = list(paths) if paths else default_paths()
    report = Report(files=[shown_path(p) for p in paths])
    plans: dict[str, Loaded] = {}
    press_docs: list[tuple[Path, Doc]] = []
    for path in paths:
        doc, findings = load_yaml(path, shown_path(path))
        if doc is not None and isinstance(doc.data, dict) and "claims" in doc.data:
            press_docs.append((path, doc))
            report.findings += findings + schemacheck.check(doc, schema.press_schema())
            continue
        loaded = plan_from_doc(path, doc, findings)
        report.findings += loaded.findings
        if loaded.plan is None:
            continue
        report.findings += check_plan(loaded.plan, loaded.doc)
        if loaded.plan.id != path.stem and path.suffix in (".yaml", ".yml"):
            where = loaded.doc.pos(("id",))
            report.findings.append(Finding("id-not-file-name", f"plan id {loaded.plan.id!r} in a file named {path.name!r}; "
                                           f"name the file {loaded.plan.id}.yaml (commands find plans by file name)",
                                           where.file, where.line, where.col, "id"))
        if loaded.plan.id in plans:
            other = shown_path(plans[loaded.plan.id].path)
            where = loaded.doc.pos(("id",))
            report.findings.append(Finding("duplicate-plan-id", f"plan id {loaded.plan.id!r} is also declared by {other}", where.file, where.line, where.col, "id"))
        else:
            plans[loaded.plan.id] = loaded
    for path, doc in press_docs:
        report.findings += check_press(path, doc, {k: v.plan for k, v in plans.items()})
    by_id = {k: v.plan for k, v in plans.items()}
    read = {p.resolve() for p in paths}
    for folder in ([data_dir()] if default_run else _data_folders(paths)):
        # links.yaml is checked whenever a plan of its folder is: it steers every diff
        known = {**_plans_in(folder, skip=read), **by_id}
        broken = {p.stem for p in plan_files(folder / "plans")} - set(known)
        files, findings = check_links(folder, known, shown_path(folder / "links.yaml"), broken)
        report.files += files
        report.findings += findings
    if default_run:
        report.findings += _reference_findings(plans)
    report.findings = sorted(set(report.findings), key=Finding.sort_key)
    return report


def _consistency(plan: Plan, source) -> list[tuple[Item, Finding]]:
    """Two statements of one indicator for one year that disagree (plancmp/consistency.py),
    at the restatement (the item the finding belongs to), naming the source lines of both quotes."""
    from . import consistency

    out = []
    for check in consistency.checks(plan):
        if check.verdict == consistency.AGREES:
            continue
        lines = ""
        if source is not None:
            where = [source.line_of_quote(t.evidence.quote) for t in (check.first, check.again)]
            lines = f" ({shown_path(plan.source)}:{where[0]} and :{where[1]})"
        pos = check.again.pos
        out.append((check.again, Finding(check.verdict, check.message + lines, pos.file, pos.line, pos.col)))
    return out


def _in_background(plan: Plan, source) -> list[Finding]:
    """An item quoted from a background part (十三五 results) records a past result, not a
    commitment: only a figure for a year before the plan's period belongs there."""
    parts = background_lines(source, plan.background) or []
    first_year = int(plan.period[:4]) if plan.period[:4].isdigit() else 0
    out = []
    for item in plan.items():
        line = source.line_of_quote(item.evidence.quote)
        if line is None or not any(lo <= line <= hi for lo, hi in parts):
            continue
        if isinstance(item, Target) and item.year < first_year:
            continue
        where = item.evidence.pos
        out.append(Finding("quote-in-background", f"{item.id}: its quote stands in a background part (line {line}), "
                           "which reports past results: quote the commitment, or record a past figure with its year",
                           where.file, where.line, where.col))
    return out


def _data_folders(paths: list[Path]) -> list[Path]:
    """The data folders (the folder holding plans/) of the plan files named."""
    folders = []
    for path in paths:
        folder = path.resolve().parent.parent
        if path.resolve().parent.name == "plans" and folder not in folders:
            folders.append(folder)
    return folders


def _plans_in(folder: Path, skip: set[Path]) -> dict[str, Plan]:
    """The other plans of a data folder (those not in `skip`, read already), for checking its
    links (parsed through the cache)."""
    from .load import load_plan_cached

    out = {}
    for path in plan_files(folder / "plans"):
        if path.resolve() in skip:
            continue
        loaded = load_plan_cached(path)
        if loaded.plan is not None:
            out.setdefault(loaded.plan.id, loaded.plan)
    return out


def _reference_findings(plans: dict[str, Loaded]) -> list[Finding]:
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


def check_plan(plan: Plan, doc: Doc) -> list[Finding]:
    out: list[Finding] = []
    out += _check_ids(plan, doc)
    source = _source(plan.path, plan.source, doc, out, outside_reported=True)
    owned: list[tuple[Item | None, Finding]] = []   # the findings of one item: what its `accept` may acknowledge
    for item in plan.items():
        if source is not None and not source.contains(item.evidence.quote):
            owned.append((item, _quote_missing(item.evidence.quote, item.evidence.pos, source, f"{item.kind} item {item.id!r}")))
        for number in getattr(item, "commitments", ()):
            if not in_quote(number, item.evidence.quote):   # the rule of target values: whole numbers
                owned.append((item, Finding("value-not-in-quote", f"commitment {number!r} of {item.id!r} does not appear in its quote", item.pos.file, item.pos.line, item.pos.col)))
    for target in plan.targets:
        owned += [(target, f) for f in _check_target(target)]
    owned += _drafts(plan, doc)
    owned += _consistency(plan, source)
    out += _acknowledged(plan, owned)
    for i, gap in enumerate(plan.source_gaps):
        for j, reveal in enumerate(gap.reveals):
            if source is not None and not source.contains(reveal.quote):
                where = doc.pos(("source_gaps", i, "reveals", j, "quote"))
                out.append(_quote_missing(reveal.quote, where, source, f"gap {gap.id!r}"))
    if source is not None:
        out += _in_background(plan, source)
        for i, (start, end) in enumerate(plan.background):
            if background_lines(source, [(start, end)]) is None:
                where = doc.pos(("background", i))
                out.append(Finding("background-not-found", f"background part {start!r} … {end!r}: the source has no line "
                                   f"reading {start!r} followed by one reading {end!r}", where.file, where.line, where.col))
    return out


def _acknowledged(plan: Plan, owned: list[tuple[Item | None, Finding]]) -> list[Finding]:
    """The findings, each warning an item accepts (`accept: [{code, reason}]`: it reflects the
    source) turned into a note ending `(accepted: reason)`, and the other warnings of a
    drafted item into notes (its draft-item warning stands for them); and accept-unused for
    each accept that matches no finding of its item, so that a stale acknowledgement shows."""
    out, used = [], set()
    drafted = {id(item) for item, finding in owned if item is not None and finding.code == "draft-item"}
    for item, finding in owned:
        accept = None
        if item is not None and finding.severity == WARNING:
            accept = next((a for a in item.accept if a.code == finding.code), None)
        if accept is None and id(item) in drafted and finding.severity == WARNING and finding.code != "draft-item":
            # a drafted item is checked as a whole (its draft-item warning); its other warnings
            # come back as warnings when a person removes `draft: true`
            out.append(Finding(finding.code, f"{finding.message} (in a draft item)", finding.file, finding.line,
                               finding.col, finding.path, NOTE))
            continue
        if accept is None:
            out.append(finding)
            continue
        used.add((id(item), accept.code))
        out.append(Finding(finding.code, f"{finding.message} (accepted: {accept.reason})", finding.file, finding.line,
                           finding.col, finding.path, NOTE))
    for item in plan.items():
        for accept in item.accept:
            if (id(item), accept.code) not in used:
                where = accept.pos
                out.append(Finding("accept-unused", f"{item.id}: accepts {accept.code}, which this item no longer has; "
                                   f"delete the stale accept (its reason: {accept.reason})",
                                   where.file, where.line, where.col, "accept"))
    return out


def _drafts(plan: Plan, doc: Doc) -> list[tuple[Item | None, Finding]]:
    """draft-item: every item `plancmp new` drafted stays a warning until a person has read
    it against the text and deleted its `draft: true`."""
    out = []
    at = {item.pos: item for item in plan.items()}
    for kind in ("targets", "services", "tasks"):
        items = doc.data.get(kind) if isinstance(doc.data, dict) else None
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and item.get("draft") is True:
                where = doc.pos((kind, i, "draft"))
                out.append((at.get(doc.pos((kind, i))),
                            Finding("draft-item", f"{kind}[{i}] {item.get('id')!r} is a draft: check it against the text, "
                                    "then delete `draft: true`", where.file, where.line, where.col, f"{kind}[{i}].draft")))
    return out


def _check_ids(plan: Plan, doc: Doc) -> list[Finding]:
    seen: dict[str, Finding] = {}
    out = []
    for item in plan.items():
        if item.id in seen:
            first = seen[item.id]
            out.append(Finding("duplicate-id", f"id {item.id!r} is already used at line {first.line}; ids must be unique across targets, services and tasks", item.pos.file, item.pos.line, item.pos.col))
        else:
            seen[item.id] = Finding("duplicate-id", "", item.pos.file, item.pos.line, item.pos.col)
    targets = {t.id: t for t in plan.targets}
    raw = doc.data.get("targets") if isinstance(doc.data, dict) else None
    written = {t["id"] for t in raw if isinstance(t, dict) and isinstance(t.get("id"), str)} if isinstance(raw, list) else set()
    unnamed = isinstance(raw, list) and any(not (isinstance(t, dict) and isinstance(t.get("id"), str)) for t in raw)
    unnamed = unnamed or bool(out)   # a duplicated id may be the restated one, renamed: that error is the one to fix
    for t in plan.targets:
        if t.restates is None or (t.restates not in targets and (t.restates in written or unnamed)):
            continue   # the target it restates has an error of its own, reported already: no cascade
        where = t.field_pos.get("restates", t.pos)
        first = targets.get(t.restates)
        if first is None or first is t:
            out.append(Finding("restates-unknown", f"{t.id}: restates {t.restates!r}, which is not another target of this plan", where.file, where.line, where.col, "restates"))
        elif first.restates is not None:
            out.append(Finding("restates-unknown", f"{t.id}: restates {t.restates!r}, which itself restates {first.restates!r}; name the first statement", where.file, where.line, where.col, "restates"))
    gap_ids: set[str] = set()
    for gap in plan.source_gaps:
        if gap.id in gap_ids and gap.pos:
            out.append(Finding("duplicate-id", f"gap id {gap.id!r} is used twice", gap.pos.file, gap.pos.line, gap.pos.col))
        gap_ids.add(gap.id)
    return out


def _source(owner: Path, path: Path, doc: Doc, out: list[Finding], outside_reported: bool = False):
    """The source text `owner` (a plan or press file) names, or None with a finding."""
    where = doc.pos(("source",))
    shown = shown_path(path)
    problem = None
    raw = doc.data.get("source") if isinstance(doc.data, dict) else None
    outside = source_problem(owner, raw) if isinstance(raw, str) else None
    if outside is not None:   # never read, nor quote, a file outside the data folder
        if not outside_reported:
            out.append(Finding("source-outside", outside, where.file, where.line, where.col, "source"))
        return None
    try:
        return read_source(path.resolve())
    except FileNotFoundError:
        problem = f"source text {shown} does not exist; `source` is relative to the plan file"
    except IsADirectoryError:
        problem = f"source {shown} is a directory; name the text file in it"
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        problem = f"source text {shown} is not UTF-8 (byte 0x{exc.object[exc.start]:02x} on its line {line}); save it as UTF-8 (it may be GBK)"
    except (OSError, ValueError, RuntimeError) as exc:  # permissions, a NUL in the path, a symlink loop
        problem = f"source text {shown!r} cannot be read: {getattr(exc, 'strerror', None) or exc}"
    out.append(Finding("source-missing", problem, where.file, where.line, where.col, "source"))
    return None


def _quote_missing(quote: str, where, source, what: str) -> Finding:
    line, passage, score = source.closest(quote)
    hint = f"; closest passage at {shown_path(source.path)}:{line} ({score:.0f}% alike): {passage[:60]!r}" if score >= 50 else "; nothing alike in the source"
    return Finding("quote-not-found", f"quote of {what} is not in the source{hint}", where.file, where.line, where.col)


_YEAR = re.compile(r"(?<!\d)(20\d\d)年")


_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_SPLIT_DECIMAL = re.compile(r"(\d)\s*\.\s*(\d)")   # the national copy writes 0. 1 for 0.1


def in_quote(value, quote: str) -> bool:
    """The value occurs in the quote (whitespace aside), and each of its numbers stands
    there as a whole number: 4 is not in 4.5, nor 8 in 1.8 (a YAML 010 is read as 8).
    Table cells are separated by whitespace, so numbers are read from the quote with
    its whitespace kept."""
    v = squeeze(str(value))
    if not v or v not in squeeze(quote):
        return False
    numbers = set(_NUMBER.findall(_SPLIT_DECIMAL.sub(r"\1.\2", quote)))
    return all(n in numbers for n in _NUMBER.findall(v))


def _check_target(target: Target) -> list[Finding]:
    out = []
    fp = target.field_pos
    values = {"target": target.target}
    if target.baseline is not None:
        values["baseline"] = target.baseline.value
    parsed = {}
    for name, raw in values.items():
        where = fp.get(name, target.pos)
        try:
            parsed[name] = parse_value(raw)
        except ValueError_ as exc:
            out.append(Finding("value-unparsable", f"{target.id}: {exc}", where.file, where.line, where.col, name))
        if not in_quote(raw, target.evidence.quote):
            out.append(Finding("value-not-in-quote", f"{name} {raw!r} of {target.id!r} does not appear in its quote (as a whole number)", where.file, where.line, where.col, name))
    years = [int(y) for y in _YEAR.findall(squeeze(target.evidence.quote))]
    if years and target.year not in years and target.restates is None:
        where = fp.get("year", target.pos)
        out.append(Finding("year-not-in-quote", f"{target.id}: year {target.year}, but its quote names {', '.join(map(str, sorted(set(years))))}", where.file, where.line, where.col, "year"))
    base, goal = parsed.get("baseline"), parsed.get("target")
    if base and goal and base.numeric and goal.numeric and (base.unit == goal.unit or not base.unit or not goal.unit):
        better = higher_is_better(target.indicator, goal)
        worse = goal.number < base.number if better else goal.number > base.number
        if worse:
            where = fp.get("target", target.pos)
            direction = "lower" if better else "higher"
            out.append(Finding("target-below-baseline", f"{target.id}: target {target.target} is {direction} than the baseline {target.baseline.value} ({target.baseline.year}) for an indicator where {'higher' if better else 'lower'} is better", where.file, where.line, where.col, "target"))
    return out


def _plan_beside(press_path: Path, plan_id) -> Plan | None:
    """A press file validated alone: find its plan in the plans/ folder next to it."""
    for path in plan_files(press_path.parent.parent / "plans"):
        loaded = load_plan(path)
        if loaded.plan is not None and loaded.plan.id == plan_id:
            return loaded.plan
    return None


def check_press(path: Path, doc: Doc, plans: dict[str, Plan]) -> list[Finding]:
    out: list[Finding] = []
    data = doc.data
    if not isinstance(data.get("plan"), str) or not isinstance(data.get("claims"), list):
        return out  # the schema check has reported it; nothing to follow
    plan = plans.get(data["plan"]) or _plan_beside(path, data["plan"])
    if plan is None:
        if isinstance(data.get("plan"), str):
            where = doc.pos(("plan",))
            out.append(Finding("link-unknown-plan", f"press file names plan {data.get('plan')!r}, which is neither validated with it nor in the plans/ folder beside it", where.file, where.line, where.col, "plan"))
        return out
    source = _source(path, path.parent / data["source"], doc, out) if isinstance(data.get("source"), str) and data["source"] else None
    for i, claim in enumerate(data["claims"]):
        if not isinstance(claim, dict):
            continue
        if source is not None and isinstance(claim.get("quote"), str) and not source.contains(claim["quote"]):
            out.append(_quote_missing(claim["quote"], doc.pos(("claims", i, "quote")), source, f"claim {claim.get('id')!r}"))
        for j, link in enumerate(claim.get("links") if isinstance(claim.get("links"), list) else []):
            if isinstance(link, str) and plan.item(link) is None:
                where = doc.pos(("claims", i, "links", j))
                out.append(Finding("link-unknown-id", f"claim {claim.get('id')!r} links {link!r}, which is not an item of plan {plan.id!r}", where.file, where.line, where.col, format_path(("claims", i, "links", j))))
        if claim.get("supported") is False and claim.get("links"):
            where = doc.pos(("claims", i, "supported"))
            out.append(Finding("invalid-value", f"claim {claim.get('id')!r} is marked unsupported but links plan items", where.file, where.line, where.col))
    return out
