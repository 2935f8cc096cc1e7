"""Every check of one plan against itself and its source text: ids, quotes, values,
baselines, restatements, background parts, drafts and acknowledged warnings.

`check_plan` is what a plan must pass before any command compares it (load.py runs it,
through the cache); `plancmp validate` (validate.py) runs it and the checks across files.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.facts import higher_is_better
from ..core.findings import NOTE, WARNING, Finding
from ..core.model import Item, Plan, Target, too_many_items
from ..core.positions import Pos
from ..core.values import ValueError_, foreign_unit, parse_value
from ..files.paths import shown_path
from .evidence import SEARCHES, Source, read_source, squeeze
from .textsearch import background_lines
from .yamldoc import Doc

if TYPE_CHECKING:
    from ..files.folder import DataFolder


def _consistency(plan: Plan, source: Source | None) -> list[tuple[Item | None, Finding]]:
    """Two statements of one indicator for one year that disagree (plancmp/ingest/consistency.py),
    at the restatement (the item the finding belongs to), naming the source lines of both quotes."""
    from . import consistency

    out: list[tuple[Item | None, Finding]] = []
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


def _in_background(plan: Plan, source: Source) -> list[Finding]:
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


def check_plan(plan: Plan, doc: Doc, folder: DataFolder) -> list[Finding]:
    """Every check of one plan; its source text is read from its data folder (`folder`, a
    files/folder.DataFolder) by the folder's rule."""
    out: list[Finding] = []
    if (why := too_many_items(plan)) is not None:
        out.append(Finding("too-many-items", why, doc.file, 1, 1))
    out += _check_ids(plan, doc)
    source = source_named(plan.path, plan.source, doc, out, folder, outside_reported=True)
    owned: list[tuple[Item | None, Finding]] = []   # the findings of one item: what its `accept` may acknowledge
    for item in plan.items():
        if source is not None and not source.contains(item.evidence.quote):
            owned.append((item, quote_missing(item.evidence.quote, item.evidence.pos, source, f"{item.kind} item {item.id!r}")))
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
                out.append(quote_missing(reveal.quote, where, source, f"gap {gap.id!r}"))
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
    """draft-item: every item (and source gap) `plancmp new` drafted stays a warning until a
    person has read it against the text (the original) and deleted its `draft: true`."""
    out: list[tuple[Item | None, Finding]] = []
    at = {item.pos: item for item in plan.items()}
    for kind in ("targets", "services", "tasks"):
        items = doc.data.get(kind) if isinstance(doc.data, dict) else None
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and item.get("draft") is True:
                where = doc.pos((kind, i, "draft"))
                out.append((at.get(doc.pos((kind, i))),
                            Finding("draft-item", f"{kind}[{i}] {item.get('id')!r} is a draft: check it against the text, "
                                    "then delete `draft: true`", where.file, where.line, where.col, f"{kind}[{i}].draft")))
    gaps = doc.data.get("source_gaps") if isinstance(doc.data, dict) else None
    for i, gap in enumerate(gaps if isinstance(gaps, list) else []):
        if isinstance(gap, dict) and gap.get("draft") is True:
            where = doc.pos(("source_gaps", i, "draft"))
            out.append((None, Finding("draft-item", f"source_gaps[{i}] {gap.get('id')!r} is a draft: check the original "
                                      "(an image, or lost?) and what the gap could hold, then delete `draft: true`",
                                      where.file, where.line, where.col, f"source_gaps[{i}].draft")))
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
        restated = targets.get(t.restates)
        if restated is None or restated is t:
            out.append(Finding("restates-unknown", f"{t.id}: restates {t.restates!r}, which is not another target of this plan", where.file, where.line, where.col, "restates"))
        elif restated.restates is not None:
            out.append(Finding("restates-unknown", f"{t.id}: restates {t.restates!r}, which itself restates {restated.restates!r}; name the first statement", where.file, where.line, where.col, "restates"))
    gap_ids: set[str] = set()
    for gap in plan.source_gaps:
        if gap.id in gap_ids and gap.pos:
            out.append(Finding("duplicate-id", f"gap id {gap.id!r} is used twice", gap.pos.file, gap.pos.line, gap.pos.col))
        gap_ids.add(gap.id)
    return out


def source_named(owner: Path, path: Path, doc: Doc, out: list[Finding], folder: DataFolder,
                 outside_reported: bool = False) -> Source | None:
    """The source text `owner` (a plan or press file) names, read from its data folder
    (`folder`), or None with a finding."""
    where = doc.pos(("source",))
    shown = shown_path(path)
    problem = None
    raw = doc.data.get("source") if isinstance(doc.data, dict) else None
    outside = folder.source_problem(owner, raw) if isinstance(raw, str) else None
    if outside is not None:   # never read, nor quote, a file outside the data folder
        if not outside_reported:
            out.append(Finding("source-outside", outside, where.file, where.line, where.col, "source"))
        return None
    try:
        return read_source(folder, path)
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


def quote_missing(quote: str, where: Pos, source: Source, what: str) -> Finding:
    found = source.closest(quote)
    if found is None:
        hint = (f"; not searched for a closest passage (over {SEARCHES} quotes are missing from "
                f"{shown_path(source.path)}: is it the right text?)")
    else:
        line, passage, score = found
        hint = f"; closest passage at {shown_path(source.path)}:{line} ({score:.0f}% alike): {passage[:60]!r}" if score >= 50 else "; nothing alike in the source"
    return Finding("quote-not-found", f"quote of {what} is not in the source{hint}", where.file, where.line, where.col)


_YEAR = re.compile(r"(?<!\d)(20\d\d)年")


_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


_SPLIT_DECIMAL = re.compile(r"(\d)\s*\.\s*(\d)")   # the national copy writes 0. 1 for 0.1


def in_quote(value: object, quote: str) -> bool:
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
        if (foreign := foreign_unit(parsed.get(name), target.unit)) is not None:
            out.append(Finding("value-unit", f"{target.id}: {name} {raw!r} is written in {foreign}, which its unit "
                               f"{target.unit} cannot take; give the item the unit its source writes (or null)",
                               where.file, where.line, where.col, name))
        if not in_quote(raw, target.evidence.quote):
            out.append(Finding("value-not-in-quote", f"{name} {raw!r} of {target.id!r} does not appear in its quote (as a whole number)", where.file, where.line, where.col, name))
    years = [int(y) for y in _YEAR.findall(squeeze(target.evidence.quote))]
    if years and target.year not in years and target.restates is None:
        where = fp.get("year", target.pos)
        out.append(Finding("year-not-in-quote", f"{target.id}: year {target.year}, but its quote names {', '.join(map(str, sorted(set(years))))}", where.file, where.line, where.col, "year"))
    base, goal = parsed.get("baseline"), parsed.get("target")
    if (target.baseline is not None and base and goal and base.number is not None and goal.number is not None
            and (base.unit == goal.unit or not base.unit or not goal.unit)):
        better = higher_is_better(target.indicator, goal)
        worse = goal.number < base.number if better else goal.number > base.number
        if worse:
            where = fp.get("target", target.pos)
            direction = "lower" if better else "higher"
            out.append(Finding("target-below-baseline", f"{target.id}: target {target.target} is {direction} than the baseline {target.baseline.value} ({target.baseline.year}) for an indicator where {'higher' if better else 'lower'} is better", where.file, where.line, where.col, "target"))
    return out
