"""Verdicts for aligned items: A is the reference (usually the national plan).

Targets: `exceeds` / `matches` / `below` by the indicator's direction
(plancmp/core/facts.py), or `not-comparable` with the reason when a comparison would
mislead: absolute totals of two jurisdictions, units that do not convert, cumulative
against annual figures, a qualitative value against a number without a stated
equivalence. The one equivalence we state: a `full` qualitative value (应保尽保,
全覆盖, 全达标 … in plancmp/vocab/values.yaml) counts as 100% when the other side is
a share in %.
Every kind: `omitted` when A's item has no counterpart in B, `unknown` instead when
B's source declares a gap that could hold it, `added` for B's items missing from A.
Services and tasks that pair: `matches`, or `matches-quantified` when B commits to a
number where A states none.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz import fuzz

from ..core import textnorm
from ..core.facts import higher_is_better, is_total
from ..core.model import KINDS, Item, Plan, Service, SourceGap, Target, Task
from ..core.notes import Note
from ..core.values import Value, foreign_unit, normalise, try_parse
from ..core.verdicts import Diff, NearMiss, Passage, Row, reason_of
from ..core.vocab import domain_order, read as read_vocab, units, value_words
from ..ingest import textsearch
from ..ingest.evidence import squeeze
from ..ingest.links import Links
from . import knowledge, mentions
from .align import Alignment, Pair, align, band
from .knowledge import KNOWN_NAME, PHRASING, Knowledge, Phrase
from .structure import Structure, paragraph_span

if TYPE_CHECKING:
    from ..ingest.evidence import Source
    from ..ingest.workspace import Workspace

Found = tuple[Passage, float, Phrase, textsearch.Hit]   # _TextOf.find: a sentence, its score, the phrase, the hit
Holds = Callable[[Item, Passage, textsearch.Hit, Phrase | None], bool]   # may this item hold the sentence

# a row of _covered on its way: (row, the aligner's counterpart, B's items pinned to A's, the test of
# B's items people or the vocabulary keep apart from A's)
Entry = tuple[Row, Item | None, list[Item], Callable[[Item], bool]]

_LEVELS = {"full": 2, "partial": 1}
_DIGIT = re.compile(r"\d")


# ---------------------------------------------------------------- diff

def diff(a: Plan, b: Plan, links: Links | None = None, kinds: tuple[str, ...] = KINDS, ws: Workspace | None = None,
         know: Knowledge | None = None) -> Diff:
    """B against A. `ws`: the Workspace whose data folder holds B's source text (searched
    before a row says `omitted`); default: the folder B's file stands in. `know`: the
    vocabulary (engine/knowledge.py; default: all of vocab/commitments.yaml)."""
    return select(judge_all(a, b, links, ws, know), kinds)


class Judged(NamedTuple):
    """Every kind of B aligned with A and judged: what a diff of any kinds selects from."""

    a: Plan
    b: Plan
    rows: list[Row]               # in alignment order (A's order, then B-only items), every kind
    near_misses: list[NearMiss]


def judge_all(a: Plan, b: Plan, links: Links | None = None, ws: Workspace | None = None,
              know: Knowledge | None = None) -> Judged:
    """The work of diff() that does not depend on the kinds asked for (all of it but the
    selection): a view that shows several kinds of one pair of plans (the report) judges once."""
    if ws is None:   # library use: B's own data folder
        from ..files.paths import data_folder_of
        from ..ingest.workspace import Workspace

        ws = Workspace(data_folder_of(b.path))
    know = know or knowledge.of_workspace(ws)   # the package's vocabulary and the data folder's own
    # every kind is aligned and judged, whatever `kinds` asks for: a row of one kind may depend on the
    # rows of another (a service B states takes its counterpart from the items left unpaired; a
    # coverage target is met through its service's row), so --kind only selects rows to show
    alignment: Alignment = align(a, b, links, KINDS, know=know)
    rows = [verdict(pair, a, b) for pair in alignment.pairs]
    rows = _with_restatements(_covered(rows, a, b, links, know, ws), a, b)
    rows = _numbers_a_target_answers(_quantified_by_also(rows))
    return Judged(a, b, [_with_reason_and_strength(r) for r in rows], alignment.near_misses)


def select(judged: Judged, kinds: tuple[str, ...] = KINDS) -> Diff:
    """The diff of the kinds asked for, from the judged rows."""
    a, b = judged.a, judged.b
    out = Diff(a, b, near_misses=[m for m in judged.near_misses if m.kind in kinds])
    rows = _of_kinds(judged.rows, kinds, a, b)
    # stable: alignment order (A's order, then B-only items) inside domain and kind
    out.rows = sorted(rows, key=lambda r: (domain_order(r.domain), KINDS.index(r.kind)))
    return out


def _of_kinds(rows: list[Row], kinds: tuple[str, ...], a: Plan, b: Plan) -> list[Row]:
    """The rows of the kinds asked for. B's items of those kinds that state only an item of A of
    another kind (a target on a service's row) stand on rows of their own, as when their kind is
    asked alone, with a note naming the row that holds them."""
    if set(kinds) >= set(KINDS):
        return rows
    kept = [r for r in rows if r.kind in kinds]
    shown = {y.ref for r in kept for y in (r.right, *r.also) if y is not None}
    for r in rows:
        if r.kind in kinds or r.left is None:
            continue
        for y in (r.right, *r.also):
            if y is not None and y.kind in kinds and y.ref not in shown and not y.restates:
                shown.add(y.ref)
                row = verdict(Pair(y.kind, None, y), a, b)
                kept.append(row._replace(notes=(*row.notes, Note("on-row-of", {"kind": _noun(r.left), "id": r.left.id,
                                                                              "plan": a.id}))))
    return kept


def _quantified_by_also(rows: list[Row]) -> list[Row]:
    """A service or task A states without a number, matched by B with, among the row's further
    items, a target of B that commits to a number or a full end state (全覆盖, 100%) and that is
    no counterpart of a target of A (A has no number for it anywhere): matches-quantified, as when
    the counterpart itself gives the number (公共就业服务 with 公共就业服务省市县乡村全覆盖)."""
    answering = {r.right.ref for r in rows if r.left is not None and r.left.kind == "targets" and r.right is not None}
    out = []
    for row in rows:
        x = row.left
        if x is None or x.kind == "targets" or row.status != "matches" or _numbers_of(x):
            out.append(row)
            continue
        values = [t.target for t in row.also if isinstance(t, Target) and t.ref not in answering and _commits(t.target, x)]
        if not values:
            out.append(row)
            continue
        out.append(row._replace(status="matches-quantified",
                                notes=(Note("commits-to", {"plan": row.also[0].plan, "values": values}), *row.notes)))
    return out


def _numbers_a_target_answers(rows: list[Row]) -> list[Row]:
    """A service or task B "quantifies" only with numbers compared on the row of a target of A:
    A has a number for them, so the service or task simply matches (the rule of
    `_quantified_by_also`, for a counterpart's own numbers). Either the counterpart quotes the
    sentence of B's target that answers A's target (发展普惠托育服务 holding 托位数3个，力争达到
    4.5个, where A states 托位数 4.5 on a row of its own), or the counterpart itself answers A's
    target with those numbers (a task's 15分钟服务圈, on the row of A's 15分钟养老服务圈)."""
    answers: dict[str, list[Target]] = {}   # B's ref -> the targets of A on whose rows it stands
    for r in rows:
        if isinstance(r.left, Target):
            for y in (r.right, *r.also):
                if y is not None:
                    answers.setdefault(y.ref, []).append(r.left)
    targets_of_b = {y.ref: y for r in rows for y in (r.right, *r.also) if isinstance(y, Target) and y.ref in answers}
    out = []
    for row in rows:
        x, y = row.left, row.right
        commits = next((n for n in row.notes if n.code == "commits-to"), None)
        if (x is None or y is None or x.kind == "targets" or y.kind == "targets" or commits is None
                or row.status != "matches-quantified"):
            out.append(row)
            continue
        values = list(commits.values.get("values") or ())
        said = squeeze(y.evidence.quote)
        by: Item | None = next((t for t in targets_of_b.values() if squeeze(t.evidence.quote) in said
                                and all(squeeze(v) in squeeze(t.evidence.quote) for v in values)), None)
        numbers = _numbers_in(values)   # written in figures (至少办好一所 is no figure of A's target)
        if by is None and y.ref in answers and numbers and numbers <= _numbers_in(t.target for t in answers[y.ref]):
            by = y
        if by is None:
            out.append(row)
            continue
        note = Note("target-states-number", {"plan": y.plan, "values": values, "kind": by.kind, "id": by.id,
                                             "a": x.plan, "target": answers[by.ref][0].id})
        out.append(row._replace(status="matches", notes=tuple(note if n is commits else n for n in row.notes)))
    return out


def _numbers_in(values: Iterable[str]) -> set[str]:
    return {n for v in values for n in _NUMBER_IN_TEXT.findall(v)}


def _commits(value: str, x: Item) -> bool:
    """A number, or a full end state (全覆盖, 100%) A's quote does not share (应保尽保 in both says nothing new)."""
    v = try_parse(value)
    if v is None:
        return False
    if v.numeric:
        return True
    return v.level == "full" and textnorm.fold(normalise(v.qualitative or "")) not in textnorm.fold(normalise(x.evidence.quote))


def _with_reason_and_strength(row: Row) -> Row:
    """A not-comparable row's reason code; a target row's strength on each side, flagged (a note)
    when B promises less firmly than A."""
    reason = reason_of(row.notes) if row.status == "not-comparable" else None
    strength = None
    x, y = row.left, row.right
    if isinstance(x, Target) and isinstance(y, Target):
        sx, sy = strength_of(x), strength_of(y)
        weaker = _weaker(sx, sy)
        strength = (sx, sy, weaker)
        if weaker:
            row = row._replace(notes=(*row.notes, Note("weaker-commitment", {"a": x.plan, "sa": sx, "b": y.plan, "sb": sy})))
    if reason is None and strength is None:
        return row
    return row._replace(reason=reason, strength=strength)


def strength_of(t: Target) -> str | None:
    """How firmly a target is promised (vocab/values.yaml `strength`): aspirational (力争 …),
    binding (约束性), assured (确保 in its sentence), expected (预期性); None when not said."""
    words = value_words()
    v = try_parse(t.target)
    if "aspirational" in t.flags or (v is not None and v.aspirational):
        return "aspirational"
    if t.binding == "约束性":
        return "binding"
    quote = squeeze(t.evidence.quote)
    if t.basis != "table" and any(w in quote for w in words["aspirational"]):
        return "aspirational"
    if t.basis != "table" and any(w in quote for w in words["strength"]["assured"]):
        return "assured"
    if t.binding == "预期性":
        return "expected"
    return None


def _weaker(a: str | None, b: str | None) -> bool:
    """力争 where A writes 确保 or 约束性; 预期性 where A writes 约束性."""
    return (b == "aspirational" and a in ("binding", "assured")) or (a == "binding" and b == "expected")


# ---------------------------------------------------------------- coverage

def _covered(rows: list[Row], a: Plan, b: Plan, links: Links | None, know: Knowledge, ws: Workspace) -> list[Row]:
    """Every row of A's items, completed with what else of B states them.

    One-to-one alignment is only the first step. Then, for each of A's items:
    B's further items (of any kind) whose names state it join the row as `also`
    (失业保险、工伤保险 -> 失业保险 and 工伤保险), as do further pins of links.yaml. An item
    with no counterpart takes one of any kind (a national service a province states as a
    task), else is looked for in B's whole source text: a sentence held by a curated
    item's quote pairs with that item; one held by none makes the row `mentioned`.
    `omitted` and `unknown` remain only for what the text does not state.
    B's items that now state something of A are no longer `added`."""
    candidates = [i for i in b.items() if not i.restates]
    by_ref = {i.ref: i for i in candidates}
    said_texts = knowledge.Texts([said_by(y) for y in candidates])   # look-alikes found by search, once
    index_of = {id(y): n for n, y in enumerate(candidates)}
    names = mentions.Names(candidates)
    text = _TextOf(ws, b, candidates, know)
    st = Structure(ws)
    said = _Said()   # what each of B's items says, folded, when a look-alike check asks
    forbids: dict[str, set[str]] = {}   # A's ref -> B's refs people forbade (links.yaml)
    for link in (links.links if links else ()):
        if link.action == "forbid":
            forbids.setdefault(link.left, set()).add(link.right)
            forbids.setdefault(link.right, set()).add(link.left)
    stating: set[str] = set()
    displaced: list[Item] = []   # the aligner's choices that people or names overruled
    out: list[Entry] = []
    for row in rows:
        x = row.left
        if x is None:
            out.append((row, None, [], _apart_from_none))
            continue
        aligned = row.right
        apart = forbids.get(x.ref, ())
        look_alikes = know.has_differs(x)
        unlike = said_texts.differing(know, x) if look_alikes else frozenset()
        def forbidden(y: Item, x: Item = x, apart: Collection[str] = apart, unlike: frozenset[int] = unlike,
                      look: bool = look_alikes) -> bool:
            return (y.ref in apart or (id(y) in index_of and index_of[id(y)] in unlike)
                    or (id(y) not in index_of and look and know.differs(x, said(y))))

        allowed = candidates if not apart and not unlike else [y for y in candidates if not forbidden(y)]
        pinned = [by_ref[r] for r in (links.pins_of(x.ref, b.id) if links else ()) if r in by_ref]
        named_all = [(y, p) for y, p in names.stating(x, know) if not forbidden(y)]
        named = [(y, p) for y, p in named_all if y is not row.right]
        right_named = row.right is not None and any(y is row.right for y, _ in named_all)
        # … by its own name, not only by another name the vocabulary gives (老年人福利补贴)
        right_own = right_named and any(y is row.right and p.why not in (PHRASING, KNOWN_NAME) for y, p in named_all)
        same_kind_named = [(y, p) for y, p in named if y.kind == x.kind]
        if row.right is not None and row.right not in pinned and pinned and (
                any(y.kind == x.kind for y in pinned) or row.confidence == "low"):
            # people pinned another counterpart of the row's kind, or of another kind where the
            # aligner's pair is a weak one (otherwise pins of other kinds only add)
            row = _paired_by_coverage(row, x, pinned, [], a, b, links, know)
        elif row.right is not None and row.confidence == "low" and same_kind_named and not right_named:
            # an item whose name states x beats a weak fuzzy pair (计划生育家庭奖励扶助 is stated by
            # 农村…计划生育家庭奖励扶助, not by 居民健康档案)
            row = _paired_by_coverage(row, x, pinned, named, a, b, links, know)
        elif (row.right is not None and row.confidence == "low" and x.kind != "tasks" and not right_own
              and (held := _words_held_elsewhere(x, row.right, text, allowed)) is not None):
            # its own words stand in a sentence another item holds: that item beats a generic list item
            # of low confidence (不断完善经济困难高龄失能老年人补贴制度, not 老年人福利补贴)
            passage, score, phrase, y = held
            said_there = Note("text-states", {"where": f"{passage.file}:{passage.line}", "why": phrase.how,
                                              "phrase": str(phrase), "text": _short(passage.text)})
            status, notes = judge(x, y, a, b, passage, know=know)
            row = row._replace(status=status, right=y, also=(row.right,), score=score, confidence=band(score),
                               reasons=(said_there, Note("quoted-by", {"plan": b.id, "kind": _noun(y), "id": y.id})),
                               notes=notes)
        elif row.right is not None:
            # a task heading's name sits inside every narrower sub-task's (住房保障 in 积极推动普惠性
            # 住房保障): for tasks, names only fill an omission, further items come from pins
            by_name = [y for y, _ in named if y not in pinned] if x.kind != "tasks" else []
            also = [y for y in pinned if y is not row.right] + by_name
            row = row._replace(also=tuple(also))
        elif pinned or named:
            row = _paired_by_coverage(row, x, pinned, named, a, b, links, know)
        else:
            row = _looked_up_in_text(row, x, text, allowed, a, b)
        row = _in_parts(row, x, know, names, text, allowed, a, b)
        out.append((row, aligned, pinned, forbidden))
    out = _by_structure(out, a, b, know, st)
    out = _by_substance(out, a, b, st)
    out = _other_headings(out, a, b, st)
    out = _group_covered_by_list(out, a, b, st)
    out = [(_for_narrower_subject(_of_other_regions(row, b), b), aligned, pinned, forbidden)
           for row, aligned, pinned, forbidden in out]
    out = _plausibly_stated(out, a, b, know, st, text)
    rows_out = []
    for row, aligned, _pinned, _forbidden in out:
        if row.left is not None:
            stating.update(y.ref for y in (row.right, *row.also) if y is not None)
        if aligned is not None and aligned is not row.right and aligned not in row.also:
            displaced.append(aligned)
        rows_out.append(row)
    final = [_numbers_in_paragraph(r, b, st) for r in rows_out]
    # an overruled item of B that states nothing else of A is `added`, like any other
    final += [verdict(Pair(y.kind, None, y), a, b) for y in displaced if y.ref not in stating]
    return [r for r in final if not (r.left is None and r.right is not None and r.right.ref in stating)]


# ---------------------------------------------------------------- structure

def _apart_from_none(y: Item) -> bool:
    """The `forbidden` of a row of B's alone: nothing of B is kept apart from it."""
    return False


def _by_structure(entries: list[Entry], a: Plan, b: Plan, know: Knowledge, st: Structure) -> list[Entry]:
    """Provinces follow the national chapter layout. A national task heading that is the only
    heading of its domain in its section (义务教育, 就业社保, 养老服务 of 补齐基本公共服务短板) is
    covered by B's task headings of that domain in the parallel section: the section where B
    states most of what that national section holds (learnt from the rows already paired).
    It overrules a pair with a sub-heading or a box row, never one with a heading, a pin or
    a part of the vocabulary; a section B does not parallel is left alone."""
    tasks_a = [x for x in a.tasks if x.evidence.section]
    heads_a = {x.id for x in tasks_a if st.heading_level(a, x)}
    per_domain: dict[tuple[str, str], list[Task]] = {}
    for t in tasks_a:
        if t.id in heads_a and t.evidence.section:
            per_domain.setdefault((t.evidence.section, t.domain), []).append(t)
    votes: dict[str, dict[str, int]] = {}
    for row, *_ in entries:
        x, y = row.left, row.right
        if x is None or y is None or y.kind != "tasks" or not x.evidence.section or not y.evidence.section:
            continue
        if x.kind == "tasks" and row.status != "partial":
            votes.setdefault(x.evidence.section, {}).setdefault(y.evidence.section, 0)
            votes[x.evidence.section][y.evidence.section] += 1
    parallel = {}
    for section, counted in votes.items():
        best = max(counted.items(), key=lambda kv: (kv[1], kv[0]))
        if best[1] >= 2:
            parallel[section] = best[0]
    heads_b: dict[tuple[str, str], list[Item]] = {}
    for y in b.tasks:
        if y.evidence.section and st.heading_level(b, y):
            heads_b.setdefault((y.evidence.section, y.domain), []).append(y)
    out = []
    for entry in entries:
        entry = _heading_over_subheading(_by_section_title(entry, a, b, heads_a, know, st), a, b, know, st)
        row, aligned, pinned, forbidden = entry
        x = row.left
        if (x is None or x.kind != "tasks" or x.id not in heads_a or pinned or not x.evidence.section
                or len(per_domain.get((x.evidence.section, x.domain), ())) != 1
                or x.evidence.section not in parallel):
            out.append(entry)
            continue
        section = parallel[x.evidence.section]
        ys = [y for y in heads_b.get((section, x.domain), ()) if not forbidden(y)]
        right = row.right
        if not ys or (right is not None and right in ys) or row.status == "partial" or row.confidence == "pinned":
            out.append(entry)
            continue
        if right is not None and right.kind == "tasks" and st.heading_level(b, right) and right.evidence.section == section:
            out.append(entry)
            continue
        status, notes = judge(x, ys[0], a, b, know=know)
        why = Note("same-place", {"plan": b.id, "section": section, "domain": x.domain})
        row = row._replace(status=status, right=ys[0], also=tuple(ys[1:]), score=None, confidence="medium",
                           reasons=(why,), notes=notes, passage=None, basis=None)
        out.append((row, aligned, pinned, forbidden))
    return out


SUBSTANCE_MIN = 0.10     # share of a national task's rare character pairs a province paragraph must hold
SUBSTANCE_LEAD = 1.4     # … and that much more than the next best paragraph
SUBSTANCE_MIN_UNKNOWN = 0.3   # where a lost part of B could hold it (unknown), a closer echo


def _by_substance(entries: list[Entry], a: Plan, b: Plan, st: Structure) -> list[Entry]:
    """A national task still without a counterpart: the province task of its domain whose paragraph
    shares the most of what the national paragraph says, weighted by rarity (character pairs'
    inverse document frequency over every item of both plans, so that 公共服务, 加强, 体系 weigh
    next to nothing), when it clearly leads (SUBSTANCE_MIN, SUBSTANCE_LEAD): provinces echo the
    national paragraph under a heading of their own. It also overrules a weak pair (`_overrulable`)
    whose counterpart shares far less (强化人才队伍建设 and 加强人才培养, not a 养老服务 sentence that
    holds 人才队伍)."""
    todo = [n for n, (row, *_rest) in enumerate(entries)
            if row.left is not None and row.left.kind == "tasks"
            and (row.status in ("omitted", "unknown") or _overrulable(row))]
    if not todo or not b.tasks:
        return entries
    import math

    def said(plan: Plan, item: Item) -> frozenset[str]:
        return _grams(st.paragraph_of(plan, item)) | _grams(item.name)

    docs = {id(i): said(p, i) for p in (a, b) for i in p.tasks}   # rarity among the tasks of both plans
    from collections import Counter

    df: Counter[str] = Counter()
    for d in docs.values():
        df.update(d)
    n_docs = math.log(len(docs))
    # the rarity of the pairs the rows to do hold: the only ones weighed
    needed = set().union(*(docs[id(row.left)] for n in todo for row in (entries[n][0],) if row.left is not None))
    idf = {g: n_docs - math.log(df[g]) for g in needed}
    out = list(entries)
    for n in todo:
        row, aligned, pinned, forbidden = out[n]
        x = row.left
        if x is None:   # todo holds rows of A's items
            continue
        gx = docs[id(x)]
        weight = sum(idf[g] for g in gx) or 1.0
        ranked = sorted(((sum(idf[g] for g in gx & docs[id(y)]) / weight, k, y)
                         for k, y in enumerate(b.tasks) if y.domain == x.domain and not forbidden(y)),
                        key=lambda t: (-t[0], t[1]))
        floor = SUBSTANCE_MIN_UNKNOWN if row.status == "unknown" else SUBSTANCE_MIN
        if not ranked or ranked[0][0] < floor:
            continue
        second = ranked[1][0] if len(ranked) > 1 else 0.0
        if ranked[0][0] < SUBSTANCE_LEAD * second:
            continue
        share, _, y = ranked[0]
        if row.right is not None:   # a weak pair: overruled only by a paragraph that says far more
            held = sum(idf[g] for g in gx & docs.get(id(row.right), frozenset())) / weight
            if y is row.right or share < SUBSTANCE_LEAD * held:
                continue
        status, notes = judge(x, y, a, b)
        why = Note("same-substance", {"plan": b.id, "share": f"{share:.2f}", "next": f"{second:.2f}"})
        out[n] = (row._replace(status=status, right=y, also=(), score=round(share, 4), confidence="low",
                               reasons=(why,), notes=notes, passage=None, basis=None), aligned, pinned, forbidden)
    return out


def _overrulable(row: Row) -> bool:
    """A task paired with a task on little: names partly alike at low confidence, or a sentence of
    another domain that holds a phrase of its name; never a pin."""
    x, y = row.left, row.right
    return (x is not None and y is not None and y.kind == "tasks" and row.status in _STATED
            and row.confidence != "pinned" and (row.confidence == "low" or y.domain != x.domain))


def _other_headings(entries: list[Entry], a: Plan, b: Plan, st: Structure) -> list[Entry]:
    """A national task heading paired with a heading of B takes B's other headings that state it
    too, in `also`: a heading written the same (Fujian's two 卫生医疗, one for facilities, one for
    staff, and its box 卫生医疗), and, for a heading of two words (就业社保, 文化体育), the heading of
    the counterpart's section that states the half the counterpart lacks (公共劳动就业 and 社会保险,
    公共文化 and 公共体育)."""
    heads = [t for t in b.tasks if st.heading_level(b, t)]
    out = []
    for entry in entries:
        row, aligned, pinned, forbidden = entry
        x, y = row.left, row.right
        if (x is None or y is None or x.kind != "tasks" or y.kind != "tasks" or row.status not in _STATED
                or not st.heading_level(a, x) or not st.heading_level(b, y)):
            out.append(entry)
            continue
        name = textnorm.fold(y.name)
        have = {id(t) for t in (y, *row.also)}
        more = [t for t in heads if id(t) not in have and textnorm.fold(t.name) == name and not forbidden(t)]
        key = textnorm.key(x.name)
        if len(key) == 4:
            halves = (key[:2], key[2:])
            missing = [h for h in halves if not all(c in name for c in h)]
            if len(missing) == 1:
                more += [t for t in heads if id(t) not in have and t not in more and not forbidden(t)
                         and t.evidence.section == y.evidence.section
                         and all(c in textnorm.fold(t.name) for c in missing[0])][:1]
        if more:
            row = row._replace(also=(*row.also, *more))
        out.append((row, aligned, pinned, forbidden))
    return out


TARGET_GROUP = "目标人群"   # A's commitment that every basic public service reaches its whole target group


def _group_covered_by_list(entries: list[Entry], a: Plan, b: Plan, st: Structure) -> list[Entry]:
    """A's full-coverage target of a basic public service's target group (“两免一补”等资助政策城乡学生
    覆盖: 全覆盖) is met by a province that lists every part of that service among its basic public
    services (the service's row matches, each counterpart a listed service of B: 免除学杂费, 免费提供
    教科书, 家庭经济困难学生生活补助) and commits 目标人群全覆盖 to its basic public services (B's row of
    A's target 基本公共服务目标人群覆盖 matches): `matches`, with both lines in the note."""
    rows = {row.left.id: row for row, *_rest in entries if row.left is not None}
    services = [s for s in a.services if not s.restates and s.target_group]
    general = next((t for t in a.targets if not t.restates and TARGET_GROUP in textnorm.fold(t.name)
                    and not any(textnorm.fold(s.name) in textnorm.fold(t.name) for s in a.services)), None)
    pledge = rows.get(general.id) if general is not None else None
    if pledge is None or pledge.status not in _STATED or pledge.right is None:
        return entries
    out = []
    for entry in entries:
        row, aligned, pinned, forbidden = entry
        x = row.left
        if x is None or x.kind != "targets" or row.status not in _ABSENT or not _full_word(x):
            out.append(entry)
            continue
        name = textnorm.fold(x.name)
        s = next((s for s in services if textnorm.fold(s.name) in name and textnorm.fold(s.target_group) in name), None)
        listed = rows.get(s.id) if s is not None else None
        items = [y for y in (listed.right, *listed.also) if y is not None] if listed is not None else []
        if (s is None or listed is None or listed.status not in ("matches", "matches-quantified") or not items
                or not all(y.kind == "services" and getattr(y, "listed", True) for y in items)):
            out.append(entry)
            continue
        def line(y: Item) -> str:
            return _line_of(b, y, st)

        note = Note("listed-and-covered", {"plan": b.id, "service": s.name, "items": [y.name for y in items],
                                           "line": line(items[0]), "pledge": line(pledge.right)})
        row = row._replace(status="matches", right=items[0], also=(*items[1:], pledge.right), score=1.0,
                           confidence="high", reasons=(Note("parts-listed", {"plan": b.id, "service": s.name}),),
                           notes=(note,), passage=None, basis=None)
        out.append((row, aligned, pinned, forbidden))
    return out


def _of_other_regions(row: Row, b: Plan) -> Row:
    """A target A sets for regions it names (主要城市群: 京津冀、长三角、粤港澳大湾区和成渝;
    vocab/regions.yaml), of which B is in none, is not comparable for B (reason `other-regions`):
    B neither meets nor omits it, and no lost part of B's text could hold it."""
    x = row.left
    if x is None or x.kind != "targets" or row.status not in ("omitted", "unknown"):
        return row
    quote = textnorm.fold(x.evidence.quote)
    named = {name: set(members) for name, members in _regions().items() if textnorm.fold(name) in quote}
    if not named or any(b.region in members for members in named.values()):
        return row
    return row._replace(status="not-comparable", notes=(Note("names-other-regions", {
        "regions": list(named), "plan": b.id, "region": b.region}),))


SUBJECT_TAIL_MIN = 4   # characters two indicator names must end with alike for their subjects to be compared


def _for_narrower_subject(row: Row, b: Plan) -> Row:
    """A target B sets for a more qualified subject that is not A's (社会保险法定人群覆盖 ↔
    城镇职工基本养老保险法定人群覆盖: the same end state for one insurance, not for social insurance)
    states A's only in part: `partial`, naming A's subject as what is missing."""
    x, y = row.left, row.right
    if x is None or y is None or x.kind != "targets" or y.kind != "targets" or row.status not in _STATED:
        return row
    nx, ny = textnorm.fold(x.name), textnorm.fold(y.name)
    tail = 0
    while tail < min(len(nx), len(ny)) and nx[-1 - tail] == ny[-1 - tail]:
        tail += 1
    sx, sy = nx[:len(nx) - tail], ny[:len(ny) - tail]
    if tail < SUBJECT_TAIL_MIN or not sx or len(sy) <= len(sx) or sx in sy or sy in sx:
        return row
    note = Note("partial", {"plan": b.id, "stated": [ny], "missing": [nx]})
    return row._replace(status="partial", notes=(note, *row.notes))


@cache
def _regions() -> dict[str, list[str]]:
    return dict(read_vocab("regions.yaml").get("regions") or {})


def _full_word(x: Item) -> bool:
    v = try_parse(x.target) if isinstance(x, Target) else None
    return v is not None and v.qualitative is not None and v.level == "full"


def _line_of(plan: Plan, y: Item, st: Structure) -> str:
    found = st.quoted_at(plan, y.evidence.quote)
    return f"l.{found[0].line_of[found[1][0]]}" if found is not None else "?"


# ---------------------------------------------------------------- before `omitted`

GROUP_MIN = 5          # characters of a target group looked for as written (家庭经济困难学生, not 残疾儿童)
GROUP_MARK_RARE = 3    # sentences of B's text stating commitments that may hold the word marking a group written apart
OWN_WORDS_SHARE = 0.7  # weighted share of a target's own words a sentence of the paired paragraph must hold
RUN_MIN = 4            # characters a task heading must share, side by side, with a national heading's words …
RUN_SHARE = 0.55       # … and that share of them


def _plausibly_stated(entries: list[Entry], a: Plan, b: Plan, know: Knowledge, st: Structure, text: _TextOf) -> list[Entry]:
    """An omission is a claim a reader publishes: before a row says `omitted`, the places where B
    would state A's item are read once more, with a lower bar, each a low-confidence counterpart:
    - the item's target group written whole (计划生育特殊家庭, 家庭经济困难学生) in a sentence, or apart
      in one sentence when the word marking it is rare in B (失能 … 老年人): the item that holds the
      sentence (a service for that group), else the sentence (`mentioned`);
    - a target or service A states inside a task's paragraph (县域普通高中教师配备 in 加强县域普通
      高中建设): the paragraph of B's counterpart of that task, where one of its sentences holds
      nearly all of the item's own words (教师…配置, …班…额), weighted by rarity;
    - a task: B's task heading of its domain that shares a run of its words (城乡区域 of 助力城乡
      区域协调发展 in 促进城乡区域群体均等化), or a sentence holding nearly all of its name's rare
      character pairs, in the paragraph of the task that holds it."""
    todo = [n for n, (row, *_rest) in enumerate(entries) if row.left is not None and row.status == "omitted"]
    if not todo or not text.ready():
        return entries
    out = list(entries)
    parents = _Parents(a, b, st, entries)
    stating = {id(y) for row, *_rest in entries if row.left is not None for y in (row.right, *row.also) if y is not None}
    for n in todo:
        row, aligned, pinned, forbidden = out[n]
        x = row.left
        if x is None:   # todo holds rows of A's items
            continue

        def allowed(y: Item, forbidden: Callable[[Item], bool] = forbidden) -> bool:
            return not forbidden(y)

        found = (_by_target_group(row, x, text, allowed, a, b)
                 or _in_parent_paragraph(row, x, parents, text, allowed, a, b, st)
                 or (_by_lead_word(row, x, b, stating, allowed, a, text) if x.kind != "tasks" else None)
                 or (_by_heading_run(row, x, b, allowed, a, st, text) if x.kind == "tasks" else None)
                 or (_by_rare_pairs(row, x, text, allowed, a, b) if x.kind == "tasks" else None))
        if found is not None:
            out[n] = (found, aligned, pinned, forbidden)
    return out


def _plausible(row: Row, x: Item, y: Item | None, why: Note, score: float, a: Plan, b: Plan, text: _TextOf,
               passage: Passage | None = None) -> Row:
    """The row paired with y at low confidence, or (no y) `mentioned` at the passage."""
    if y is None:
        assert passage is not None, "a row without a counterpart rests on a sentence"
        where = f"{passage.file}:{passage.line}"
        return row._replace(status="mentioned", right=None, score=round(score, 4), confidence="low", reasons=(why,),
                            notes=(Note("text-only", {"where": where}),), passage=passage, basis="text")
    status, notes = judge(x, y, a, b, know=text.know)
    return row._replace(status=status, right=y, also=(), score=round(score, 4), confidence="low",
                        reasons=(why,), notes=notes, passage=None, basis=None)


def _by_target_group(row: Row, x: Item, text: _TextOf, allowed: Callable[[Item], bool], a: Plan, b: Plan) -> Row | None:
    if not isinstance(x, Service):
        return None
    group = textnorm.fold(x.target_group or "")
    if len(group) < GROUP_MIN or "、" in (x.target_group or ""):
        return None
    found = text.find(x, among=(Phrase((group,), mentions.WHOLE_NAME),))
    if found is None:
        # written apart in one sentence (特困失能人员 … 为社区老年人提供失能护理 for 失能老年人): what marks
        # the group (its first word) rare in B's text, and the people it qualifies
        mark, people = group[:2], group[2:]
        if len(people) < 2 or not 0 < text.sentences_with(mark) <= GROUP_MARK_RARE:
            return None
        found = text.find(x, among=(Phrase((mark, people), mentions.WHOLE_NAME),))
        if found is None:
            return None
    passage, score, phrase, hit = found
    holder = text.holder(passage, hit, [y for y in text.items if allowed(y)],
                         lambda y, p, h, ph: _may_hold(x, y, p, h, ph) or _named_at_hit(y, p, h), phrase)
    why = Note("names-group", {"plan": b.id, "group": x.target_group, "where": f"{passage.file}:{passage.line}",
                               "text": _short(passage.text)})
    return _plausible(row, x, holder, why, score, a, b, text, passage)


def _named_at_hit(y: Item, passage: Passage, hit: textsearch.Hit) -> bool:
    """A service named in the sentence at the words found (a list of services: the one named there)."""
    if y.kind != "services":
        return False
    name = squeeze(y.name)
    at = passage.text.find(name)
    return at >= 0 and passage.start + at <= hit.start and hit.end <= passage.start + at + len(name)


class _Parents:
    """Where A's targets and services stand in A's task paragraphs, and B's counterparts of those tasks."""

    def __init__(self, a: Plan, b: Plan, st: Structure, entries: list[Entry]):
        self.a, self.b, self.st = a, b, st
        self.rows = {row.left.id: row for row, *_rest in entries if row.left is not None}
        self._spans: list[tuple[Task, tuple[int, int]]] | None = None

    def of(self, x: Item) -> list[tuple[Task, Item]]:
        """(A's task whose paragraph holds x's quote, B's task that states that task)."""
        if self._spans is None:
            self._spans = []
            for t in self.a.tasks:
                found = self.st.quoted_at(self.a, t.evidence.quote)
                if found is not None:
                    self._spans.append((t, paragraph_span(found[0], found[1])))
        where = self.st.quoted_at(self.a, x.evidence.quote)
        if where is None:
            return []
        lo, hi = where[1]
        out = []
        for t, (start, end) in self._spans:
            if t is x or not (start <= lo and hi <= end):
                continue
            row = self.rows.get(t.id)
            if row is None or row.status not in _STATED:
                continue
            out += [(t, y) for y in (row.right, *row.also) if y is not None and y.kind == "tasks"]
        return out


def _in_parent_paragraph(row: Row, x: Item, parents: _Parents, text: _TextOf, allowed: Callable[[Item], bool], a: Plan, b: Plan,
                         st: Structure) -> Row | None:
    if x.kind == "tasks":
        return None
    best = None
    for t, y in parents.of(x):
        if not allowed(y):
            continue
        heading = set(textnorm.fold(t.name))
        own = "".join(c for c in (textnorm.key(x.name) or textnorm.fold(x.name)) if c not in heading)
        if len(own) < 2:
            continue
        weights = text.char_weights()
        for sentence in _sentences(st.paragraph_of(b, y)):
            if text.know.differs(x, sentence):
                continue   # a look-alike's sentence (稳定租金水平 is not 租金低于…市场租金)
            share = _weighted_cover(own, sentence, weights)
            if share >= OWN_WORDS_SHARE and (best is None or share > best[0]):
                best = (share, t, y, sentence)
    if best is None:
        return None
    share, t, y, sentence = best
    why = Note("in-paragraph-of", {"plan": b.id, "heading": t.name, "id": y.id, "share": f"{share:.2f}",
                                   "text": _short(sentence)})
    return _plausible(row, x, y, why, share, a, b, text)


def _sentences(paragraph: str) -> list[str]:
    return [textnorm.fold(s) for s in re.split(r"[。；;！？]", paragraph) if s]


def _weighted_cover(query: str, text: str, weights: dict[str, float]) -> float:
    """The largest weighted share of the query's characters (with their counts) inside one window of
    the text no longer than the query plus its spread (textsearch.coverage, each character weighed
    by its rarity)."""
    from collections import Counter

    need = Counter(query)
    total = sum(weights.get(c, 1.0) * k for c, k in need.items())
    if not total or not set(query) & set(text):
        return 0.0
    width = int(len(query) * 1.5) + 2
    have: Counter[str] = Counter()
    found = best = 0.0
    for end, char in enumerate(text):
        if char in need:
            have[char] += 1
            if have[char] <= need[char]:
                found += weights.get(char, 1.0)
        start = end - width + 1
        if start > 0:
            gone = text[start - 1]
            if gone in need:
                if have[gone] <= need[gone]:
                    found -= weights.get(gone, 1.0)
                have[gone] -= 1
        best = max(best, found)
    return best / total


def _by_heading_run(row: Row, x: Item, b: Plan, allowed: Callable[[Item], bool], a: Plan, st: Structure, text: _TextOf) -> Row | None:
    """B's task heading of x's domain holding a run of x's words side by side (城乡区域 of 城乡区域协调)."""
    from difflib import SequenceMatcher

    key = textnorm.key(x.name)
    if len(key) < RUN_MIN:
        return None
    best = None
    for y in b.tasks:
        if y.domain != x.domain or not allowed(y) or not st.heading_level(b, y):
            continue
        name = textnorm.fold(y.name)
        m = SequenceMatcher(None, key, name, autojunk=False).find_longest_match(0, len(key), 0, len(name))
        if m.size >= RUN_MIN and m.size >= RUN_SHARE * len(key) and (best is None or m.size > best[0]):
            best = (m.size, y, key[m.a:m.a + m.size])
    if best is None:
        return None
    size, y, run = best
    why = Note("heading-shares", {"plan": b.id, "heading": y.name, "words": run})
    return _plausible(row, x, y, why, size / len(key), a, b, text)


LEAD_RARE = 2   # sentences of B's text stating commitments that may hold a telling word for it to count as rare


def _by_lead_word(row: Row, x: Item, b: Plan, stating: set[int], allowed: Callable[[Item], bool], a: Plan, text: _TextOf) -> Row | None:
    """A service is named by what it provides, its first word first (戏曲 of 戏曲公益性演出): a service
    of B in x's domain that states nothing else of A, named with that word, where the word is rare
    in B's text (送戏曲下乡). Not a word of x's target group: sharing the people served (优抚对象 …
    优抚医院) says nothing of the service."""
    group = textnorm.fold(getattr(x, "target_group", None) or "")
    for lead in _telling_words(x, text.know):
        if lead in group or not text.ready() or not 0 < text.sentences_with(lead) <= LEAD_RARE:
            continue
        ys = [y for y in b.services if not y.restates and y.domain == x.domain and id(y) not in stating
              and lead in textnorm.fold(y.name) and allowed(y)]
        if ys:
            why = Note("named-with", {"plan": b.id, "name": ys[0].name, "word": lead})
            return _plausible(row, x, ys[0], why, 0.5, a, b, text)
    return None


def _telling_words(x: Item, know: Knowledge) -> tuple[str, ...]:
    """The words a service is named by: the first word of its name, for a service (戏曲 of 戏曲公益性
    演出); and the class a name of the form X等Y names (资助 of “两免一补”等资助政策: aid policies such
    as 两免一补), for a service or a target."""
    folded = textnorm.fold(x.name)
    out = []
    if x.kind == "services":
        key = next((p.parts[0] for p in mentions.phrases(x, know, in_text=True) if p.why.startswith("name")), "")
        if len(key) >= 2:
            out.append(key[:2])
    if "等" in folded:
        word = folded.split("等", 1)[1][:2]
        if len(word) == 2:
            out.append(word)
    return tuple(out)


RARE_PAIRS_SHARE = 0.7   # weighted share of a task name's character pairs a sentence must hold


def _by_rare_pairs(row: Row, x: Item, text: _TextOf, allowed: Callable[[Item], bool], a: Plan, b: Plan) -> Row | None:
    """A sentence of B that holds nearly all of x's name, its character pairs weighted by their
    rarity in B's text (数据…互联互通): the task whose paragraph holds it."""
    key = textnorm.key(x.name)
    if len(key) < RUN_MIN:
        return None
    found = text.rare_pairs(x, key, RARE_PAIRS_SHARE)
    if found is None:
        return None
    passage, share = found
    hit = textsearch.Hit(0, share, passage.start, passage.end)
    holder = text.holder(passage, hit, [y for y in text.items if y.kind == "tasks" and allowed(y)])
    if holder is None:
        return None
    why = Note("rare-words-in", {"plan": b.id, "share": f"{share:.2f}", "where": f"{passage.file}:{passage.line}",
                                 "text": _short(passage.text)})
    return _plausible(row, x, holder, why, share, a, b, text)


@lru_cache(maxsize=4096)
def _grams(text: str) -> frozenset[str]:
    """The character pairs of a text, folded (a paragraph's or a name's)."""
    t = textnorm.fold(text)
    return frozenset(map(str.__add__, t, t[1:]))


def _heading_over_subheading(entry: Entry, a: Plan, b: Plan, know: Knowledge, st: Structure) -> Entry:
    """A national task heading paired with a sub-heading of B whose own paragraph's heading is as
    like it: the heading states the national heading (大力发展普惠性养老服务 over its sub-heading
    加大普惠型养老服务设施供给); the sub-heading stays on the row in `also`."""
    row, aligned, pinned, forbidden = entry
    x, y = row.left, row.right
    if (x is None or y is None or x.kind != "tasks" or y.kind != "tasks" or pinned
            or row.confidence in (None, "pinned") or row.status == "partial" or st.heading_level(b, y)):
        return entry
    from .align import score as pair_score

    head = _heading_of(b, y, st)
    if head is None or forbidden(head) or head.domain != y.domain:
        return entry
    if pair_score("tasks", x, head).score < min(row.score or 0, MEDIUM_PAIR):
        return entry
    status, notes = judge(x, head, a, b, know=know)
    why = Note("heading-of", {"plan": b.id, "heading": head.name, "sub": y.name})
    row = row._replace(status=status, right=head, also=(y, *row.also), reasons=(why, *row.reasons), notes=notes)
    return row, aligned, pinned, forbidden


MEDIUM_PAIR = 0.62


def _heading_of(b: Plan, y: Item, st: Structure) -> Item | None:
    """The task heading of B whose paragraph (source line) holds the sub-heading y."""
    found = st.quoted_at(b, y.evidence.quote)
    if found is None:
        return None
    source, span = found
    line = source.line_of[span[0]]
    for t in b.tasks:
        if t is y or not st.heading_level(b, t):
            continue
        there = st.quoted_at(b, t.evidence.quote)
        if there is not None and source.line_of[there[1][0]] == line:
            return t
    return None


def _by_section_title(entry: Entry, a: Plan, b: Plan, heads_a: set[str], know: Knowledge, st: Structure) -> Entry:
    """A national task heading whose words make the title of one section of B (促进价格普惠 ->
    规范形成普惠服务价格) is covered by that section's task headings: the one most like it first,
    the others in `also`. It fills an omission, or overrules a counterpart outside that section
    (never a pin, a partial row or a counterpart inside it)."""
    row, aligned, pinned, forbidden = entry
    x = row.left
    if x is None or x.kind != "tasks" or x.id not in heads_a or pinned or row.status == "partial":
        return entry
    section = st.section_titled(x, b)
    if section is None:
        return entry
    ys = [y for y in b.tasks if y.evidence.section == section.id and st.heading_level(b, y) and not forbidden(y)]
    if not ys or (row.right is not None and row.right.evidence.section == section.id):
        return entry
    from .align import score as pair_score

    ys.sort(key=lambda y: -pair_score("tasks", x, y).score)
    status, notes = judge(x, ys[0], a, b, know=know)
    why = Note("section-titled", {"plan": b.id, "section": section.id, "title": section.title})
    row = row._replace(status=status, right=ys[0], also=tuple(ys[1:]), score=None, confidence="medium",
                       reasons=(why,), notes=notes, passage=None, basis=None)
    return row, aligned, pinned, forbidden


class _Said(dict[int, str]):
    def __call__(self, y: Item) -> str:
        if id(y) not in self:
            self[id(y)] = said_by(y)
        return self[id(y)]


def said_by(y: Item) -> str:
    """What an item says, folded, for the vocabulary's look-alikes: its name, and its quote unless
    it is a task (a task's paragraph says many things beside its heading)."""
    return textnorm.fold(y.name) + ("" if y.kind == "tasks" else "\n" + textnorm.fold(y.evidence.quote))


def _paired_by_coverage(row: Row, x: Item, pinned: list[Item], named: list[tuple[Item, Phrase]], a: Plan, b: Plan,
                        links: Links | None, know: Knowledge | None = None) -> Row:
    """No counterpart of its kind, but B's pins or item names state x."""
    phrase_of = {id(y): p for y, p in named}
    ranked = pinned + sorted((y for y, _ in named if y not in pinned), key=lambda y: (y.kind != x.kind, KINDS.index(y.kind)))
    y, rest = ranked[0], tuple(ranked[1:])
    status, notes = judge(x, y, a, b, know=know)
    score: float | None
    if y in pinned:
        why, confidence, score = Note("pinned", {"reason": links.reason(x.ref, y.ref) if links else ""}), "pinned", None
    else:
        phrase = phrase_of[id(y)]
        why = Note("named-by", {"plan": b.id, "kind": _noun(y), "name": y.name, "why": phrase.how, "phrase": str(phrase)})
        confidence, score = "high", 1.0
    reasons = (why,) + ((Note("other-kind", {"kind": _noun(y), "plan": b.id}),) if y.kind != x.kind else ())
    return row._replace(status=status, right=y, also=rest, score=score, confidence=confidence,
                        reasons=reasons, notes=notes)


def _looked_up_in_text(row: Row, x: Item, text: _TextOf, candidates: list[Item], a: Plan, b: Plan) -> Row:
    """`candidates`: B's items that may pair with x (no forbidden pair, no look-alike). (The clauses
    of a national task's whole paragraph, `paragraph=`, were measured: they found sub-headings
    that echo one sentence rather than the heading that covers the task, so they are not used.)"""
    def may(y: Item, passage: Passage, hit: textsearch.Hit, phrase: Phrase | None) -> bool:
        return _may_hold(x, y, passage, hit, phrase)

    found = text.find(x, holders=candidates, may=may)
    if found is None:
        return row
    passage, score, phrase, hit = found
    holder = text.holder(passage, hit, candidates, may, phrase)
    where = f"{passage.file}:{passage.line}"
    said = Note("text-states", {"where": where, "why": phrase.how, "phrase": str(phrase), "text": _short(passage.text)})
    if holder is not None:
        status, notes = judge(x, holder, a, b, passage, know=text.know)
        reasons = (said, Note("quoted-by", {"plan": b.id, "kind": _noun(holder), "id": holder.id}))
        return row._replace(status=status, right=holder, score=score, confidence=band(score),
                            reasons=reasons, notes=notes)
    return _from_text(row, x, passage, score, phrase, a, b)


def _numbers_in_paragraph(row: Row, b: Plan, st: Structure) -> Row:
    """A task states what its whole paragraph says, though its quote may stop early: A's numbers
    written in the paragraph of B's task (人均不少于0.1平方米 in Liaoning's 养老服务 paragraph) are
    B's too, and the row does not say B names no number."""
    y = row.right
    note = next((n for n in row.notes if n.code == "no-number"), None)
    if note is None or y is None or y.kind != "tasks":
        return row
    paragraph = normalise(st.paragraph_of(b, y))
    said = [v for v in note.values["values"] if _number_written(v, paragraph)]
    if len(said) != len(note.values["values"]):
        return row
    notes = tuple(Note("paragraph-states", {"plan": b.id, "id": y.id, "values": said}) if n is note else n
                  for n in row.notes)
    return row._replace(notes=notes)


def _number_written(value: str, text: str) -> bool:
    v = try_parse(value)
    if v is None or not v.numeric:
        return False
    number = _num(v.number)
    return any(text[m.end():].startswith(v.unit or "") for m in re.finditer(re.escape(number), text)
               if not text[m.end():m.end() + 1].isdigit() and not text[max(m.start() - 1, 0):m.start()].isdigit())


def _words_held_elsewhere(x: Item, right: Item, text: _TextOf,
                          candidates: list[Item]) -> tuple[Passage, float, Phrase, Item] | None:
    """A sentence of B that states x by its own name (as written or nearly), held by a curated item
    other than `right`: (passage, score, phrase, that item), else None."""
    own = tuple(p for p in mentions.phrases(x, text.know, in_text=True) if p.why == "name")
    if not own:
        return None
    def may(y: Item, passage: Passage, hit: textsearch.Hit, phrase: Phrase | None) -> bool:
        return _may_hold(x, y, passage, hit, phrase)

    found = text.find(x, among=own, holders=candidates, may=may)
    if found is None:
        return None
    passage, score, phrase, hit = found
    y = text.holder(passage, hit, candidates, may, phrase)
    if y is None or y is right:
        return None
    return passage, score, phrase, y


def _may_hold(x: Item, y: Item, passage: Passage | None = None, hit: textsearch.Hit | None = None,
              phrase: Phrase | None = None) -> bool:
    """A target or service of B states its own indicator or service only, not everything its
    sentence says: it holds a sentence for x when its name is like x's, or a service's name stands
    in the sentence (a task states everything its paragraph holds)."""
    if y.kind == "tasks":
        return True
    if y.kind == "services" and passage is not None and hit is not None:
        at = passage.text.find(squeeze(y.name))
        if at >= 0 and passage.start + at < hit.end + 2 and hit.start - 2 < passage.start + at + len(squeeze(y.name)):
            return True   # a service named where the match stands
        name = textnorm.fold(y.name)
        if phrase is not None and any(part in name or name in part for part in phrase.parts[1:]):
            return True   # … or named by a part of the phrase found (中医馆 of 乡镇卫生院 … 中医馆)
    from .align import _name_similarity

    return _name_similarity(textnorm.key(x.name), textnorm.key(y.name)) >= 0.5


def _from_text(row: Row, x: Item, passage: Passage, score: float, phrase: Phrase, a: Plan, b: Plan) -> Row:
    """B's text states x in a sentence no curated item holds: the verdict from the sentence itself
    (`basis: text`), its value read and compared as a curated value is; `mentioned` only when
    the sentence cannot be read into a verdict (a target whose value it does not state)."""
    where = f"{passage.file}:{passage.line}"
    said = Note("text-states", {"where": where, "why": phrase.how, "phrase": str(phrase), "text": _short(passage.text)})
    status, notes = judge_sentence(x, passage, a, b)
    if status is None:
        return row._replace(status="mentioned", score=score, confidence=band(score), reasons=(said,),
                            notes=(Note("text-only", {"where": where}),), passage=passage, basis="text")
    return row._replace(status=status, right=None, score=score, confidence=band(score), reasons=(said,),
                        notes=(Note("text-basis", {"where": where}), *notes), passage=passage, basis="text")


_NUMBER_IN_TEXT = re.compile(r"(\d+(?:\.\d+)?)")


def judge_sentence(x: Item, passage: Passage, a: Plan, b: Plan) -> tuple[str | None, tuple[Note, ...]]:
    """The verdict on x from one sentence of B's text. A service or a task the sentence states
    matches. A target's value is read from the sentence: the number written in the target's
    unit (with the comparator words around it), or a word of vocab/values.yaml (全覆盖, 应保尽保);
    then compared as two curated targets are. None: the sentence gives no value to compare."""
    if not isinstance(x, Target):
        return "matches", ()
    raw = _value_in_sentence(x, passage.text)
    if raw is None:
        return None, ()
    import dataclasses

    said = dataclasses.replace(x, plan=b.id, id=f"{b.id}-text-{passage.line}", target=raw, baseline=None,
                               basis="text", restates=None, flags=(), binding=None, accept=())
    return compare_targets(x, said, a, b)


def _value_in_sentence(x: Target, text: str) -> str | None:
    goal = try_parse(x.target)
    if goal is None or goal.empty:
        return None
    plain = normalise(text)
    words = value_words()
    if goal.qualitative:
        word = normalise(goal.qualitative)
        return goal.qualitative if word and word in plain else None
    unit = effective_unit(x, goal) or ""
    found = []
    for m in _NUMBER_IN_TEXT.finditer(plain):
        after = plain[m.end():]
        if not unit or not after.startswith(unit) or re.match(r"\d{4}年", plain[m.start():]):
            continue
        before = next((w for w in sorted(words["comparators"]["prefix"], key=len, reverse=True)
                       if plain[:m.start()].endswith(w)), "")
        tail = after[len(unit):]
        suffix = next((w for w in sorted(words["comparators"]["suffix"], key=len, reverse=True) if tail.startswith(w)), "")
        found.append(f"{before}{m.group(1)}{unit}{suffix}")
    if len(set(found)) == 1:
        return found[0]
    full = [w for w, level in (words.get("qualitative") or {}).items() if level == "full" and normalise(w) in plain]
    if not found and unit == "%" and full:
        return str(full[0])
    return None


PARTIAL_SHARE = 0.5   # a province stating at least this share of a compound commitment's parts states it `partial`
_STATED = ("exceeds", "matches", "matches-quantified")
_ABSENT = ("omitted", "unknown", "mentioned")


def _in_parts(row: Row, x: Item, know: Knowledge, names: mentions.Names, text: _TextOf,
              candidates: list[Item], a: Plan, b: Plan) -> Row:
    """A compound commitment (vocab/commitments.yaml `parts`: 数字文化服务和流动文化服务) that B
    states only in part is `partial`, naming the missing parts; B states a part when an item's
    name or a sentence of its text holds it. B writing the whole name keeps the row as it is."""
    parts = know.parts(x)
    if not parts or row.status not in _STATED + _ABSENT:
        return row
    stated: list[tuple[str, Item | Found]] = []
    missing: list[str] = []
    for label, phrases in parts:
        by_name = [y for y, _ in names.stating(x, know, among=phrases) if y in candidates]
        found = None if by_name else text.find(x, among=phrases)
        if by_name:
            stated.append((label, by_name[0]))
        elif found:
            stated.append((label, found))
        else:
            missing.append(label)
    if not stated or len(stated) < PARTIAL_SHARE * len(parts):
        return row
    if missing and _whole_name_stated(x, know, names, text, candidates):
        return row
    if row.status in _ABSENT:
        row = _paired_by_parts(row, x, stated, candidates, text, a, b)
    if not missing:
        return row
    note = Note("partial", {"plan": b.id, "stated": [label for label, _ in stated], "missing": missing})
    return row._replace(status="partial", notes=(note, *row.notes))


def _whole_name_stated(x: Item, know: Knowledge, names: mentions.Names, text: _TextOf, candidates: list[Item]) -> bool:
    whole = tuple(p for p in mentions.phrases(x, know, in_text=True) if p.why.startswith("name") or p.why == KNOWN_NAME)
    if not whole:
        return False
    if any(y in candidates for y, _ in names.stating(x, know, among=whole)):
        return True
    return text.find(x, among=whole) is not None


def _paired_by_parts(row: Row, x: Item, stated: list[tuple[str, Item | Found]], candidates: list[Item], text: _TextOf,
                     a: Plan, b: Plan) -> Row:
    """An omitted row whose parts B states: the items (or the sentence) that state them."""
    items: list[Item] = []
    first_passage: Found | None = None
    for _label, where in stated:
        y: Item | None
        if isinstance(where, Item):
            y = where
        else:
            passage, score, phrase, hit = where
            y = text.holder(passage, hit, candidates)
            first_passage = first_passage or where
        if y is not None and y not in items:
            items.append(y)
    if items:
        y = items[0]
        status, notes = judge(x, y, a, b, know=text.know)
        why = Note("parts-stated", {"plan": b.id, "parts": [label for label, _ in stated]})
        return row._replace(status=status, right=y, also=tuple(items[1:]), score=1.0, confidence="high",
                            reasons=(why,), notes=notes, passage=None)
    assert first_passage is not None, "a part stated by no item is stated by a sentence"
    passage, score, phrase, hit = first_passage
    return _from_text(row, x, passage, score, phrase, a, b)


class _TextOf:
    """B's source text, indexed the first time a row needs it; `items` are B's curated
    items that may hold a sentence of it."""

    def __init__(self, ws: Workspace, plan: Plan, items: list[Item], know: Knowledge) -> None:
        self.ws, self.plan, self._items = ws, plan, items
        self._index: textsearch.TextIndex | bool | None = None   # None: not read yet; False: no text to read
        self._spans: dict[int, tuple[int, int]] | None = None
        self._skip: tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]] = ((), ())
        self.know = know
        self._chars: dict[str, float] | None = None
        self._order: tuple[list[Item], dict[int, int]] | None = None

    @property
    def items(self) -> list[Item]:
        return self._items

    def ready(self) -> bool:
        return self._ready()

    @property
    def index(self) -> textsearch.TextIndex:
        """B's text, indexed (once _ready() has said there is one)."""
        assert isinstance(self._index, textsearch.TextIndex), "read the text first (_ready)"
        return self._index

    def char_weights(self) -> dict[str, float]:
        """Each character's rarity in B's text: log((passages + 1) / (passages holding it + 0.5))."""
        if self._chars is None:
            import math
            from collections import Counter

            df: Counter[str] = Counter()
            for folded in self.index.folded:
                df.update(set(folded))
            n = len(self.index.folded) + 1
            self._chars = {c: math.log(n / (k + 0.5)) for c, k in df.items()}
            self._chars_absent = math.log(n / 0.5)
        return self._chars

    def sentences_with(self, pair: str) -> int:
        """How many sentences of B's text hold the character pair."""
        if not self._ready():
            return 0
        return sum(self._states_commitments(self.index.passages[n]) for n in self.index.pairs.get(pair, ()))

    def rare_pairs(self, x: Item, key: str, share: float) -> tuple[Passage, float] | None:
        """The commitment sentence holding the largest share of the key's character pairs, each weighed
        by its rarity in B's text (a pair B never writes weighs most), when that share reaches `share`:
        (passage, share), else None."""
        import math

        if not self._ready():
            return None
        pairs = {key[i:i + 2] for i in range(len(key) - 1)}
        n = len(self.index.folded) + 1
        weight = {g: math.log(n / (len(self.index.pairs.get(g, ())) + 0.5)) for g in pairs}
        total = sum(weight.values())
        held: dict[int, float] = {}
        for g in pairs:
            for k in self.index.pairs.get(g, ()):
                held[k] = held.get(k, 0.0) + weight[g]
        for k, w in sorted(held.items(), key=lambda kv: (-kv[1], kv[0])):
            if w < share * total:
                return None
            passage = self.index.passages[k]
            if self._states_commitments(passage) and not self.know.differs(x, self.index.folded[k]):
                return passage, w / total
        return None

    def _ready(self) -> bool:
        if self._index is None:
            try:
                self._index = self.ws.text_index(self.plan.source)
                self._skip = self._not_commitments(self.ws.source(self.plan.source))
            except (OSError, UnicodeError):
                self._index = False   # no text to search: rows stay as aligned
        return self._index is not False

    def _not_commitments(self, source: Source) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
        """Line ranges and offset ranges that state no commitment: the background parts
        (十三五 results) and the surviving notes of a lost table (the gap's reveals make
        such a row `unknown`, with the note)."""
        lines = tuple(textsearch.background_lines(source, self.plan.background) or ())
        spans = []
        for gap in self.plan.source_gaps:
            spans += [span for reveal in gap.reveals if (span := source.span_of(reveal.quote))]
        return lines, tuple(spans)

    def _states_commitments(self, passage: Passage) -> bool:
        lines, spans = self._skip
        return (not any(lo <= passage.line <= hi for lo, hi in lines)
                and not any(passage.start < hi and lo < passage.end for lo, hi in spans))

    def find(self, x: Item, among: tuple[Phrase, ...] | None = None, paragraph: str | None = None,
             holders: list[Item] | None = None, may: Holds | None = None) -> Found | None:
        """The sentence that states x best (`among`: these phrases instead of x's own), as
        (passage, score, phrase, hit); never one that holds a look-alike of x and not x."""
        if not self._ready():
            return None
        def usable(n: int) -> bool:
            return self._states_commitments(self.index.passages[n]) and not self.know.differs(x, self.index.folded[n])

        tiers: tuple[tuple[Phrase, ...], ...]
        if among is not None:
            tiers = (among,)
        else:   # its names first; the clauses of its quote, then of its paragraph, only when no name is found
            tiers = (mentions.end_state(x), mentions.phrases(x, self.know, in_text=True), mentions.clauses(x))
            if paragraph is not None:
                tiers += (tuple(c for c in mentions.clauses_of_text(paragraph) if c not in tiers[1]),)
        for tier in tiers:
            found = mentions.find_all(self.index, tier, usable) if tier else []
            if found:
                top = [m for m in found if m.hit.score == found[0].hit.score]
                # of sentences that state it equally well, one a curated item holds (holders: who may),
                # an item of x's own domain first (服务资源下沉 of the general chapter, not 医疗资源下沉)
                held = None
                if holders is not None:
                    owners = [(m, self.holder(self.index.passages[m.hit.passage], m.hit, holders, may, m.phrase))
                              for m in top]
                    held = next((m for m, y in owners if y is not None and y.domain == x.domain),
                                next((m for m, y in owners if y is not None), None))
                held = held or top[0]
                return self.index.passages[held.hit.passage], held.hit.score, held.phrase, held.hit
        return None

    def holder(self, passage: Passage, hit: textsearch.Hit, candidates: list[Item], may: Holds | None = None,
               phrase: Phrase | None = None) -> Item | None:
        """The item among `candidates` whose quote holds the sentence (the shortest such quote);
        else the task whose paragraph holds it (its quote may stop after a sentence or two)."""
        if self._spans is None:   # of every item, whichever row asks first
            source = self.ws.source(self.plan.source)
            spans = {id(item): span for item in self._items if (span := source.span_of(item.evidence.quote))}
            self._spans = spans
            self._paragraphs = {id(item): paragraph_span(source, span) for item in self._items
                                if item.kind == "tasks" and (span := spans.get(id(item)))}
            # by the line each span starts on and every line it runs to: a sentence's holders are
            # looked up by its line, not by reading every item's span
            self._by_line = [self._lines_of(of, source) for of in (spans, self._paragraphs)]
        order = self._order_of(candidates)
        for spans, by_line in zip((self._spans, self._paragraphs), self._by_line):
            holders = [(end - start, order[id(item)], item) for item in by_line.get(passage.line, ())
                       if id(item) in order
                       for start, end in (spans[id(item)],)
                       if start <= passage.start and passage.end <= end + 1 and (may is None or may(item, passage, hit, phrase))]
            if holders:
                break
        if not holders:
            return None
        shortest = min(h[0] for h in holders)
        tied = [h for h in holders if h[0] == shortest]
        # the items of a list share one quote (a 专栏 row): the one named where the match stands
        return min(tied, key=lambda h: (-self._named_at(h[2], passage, hit), h[1]))[2]

    def _order_of(self, candidates: list[Item]) -> dict[int, int]:
        """Each candidate's place in the list, by id(): made once for the list a row's searches share."""
        if self._order is None or self._order[0] is not candidates:   # the list is held: its id() stays its own
            self._order = (candidates, {id(item): n for n, item in enumerate(candidates)})
        return self._order[1]

    def _lines_of(self, spans: dict[int, tuple[int, int]], source: Source) -> dict[int, list[Item]]:
        by_id = {id(item): item for item in self._items}
        out: dict[int, list[Item]] = {}
        for key, (start, end) in spans.items():
            if end <= start:
                continue
            for line in range(source.line_of[start], source.line_of[end - 1] + 1):
                out.setdefault(line, []).append(by_id[key])
        return out

    @staticmethod
    def _named_at(item: Item, passage: Passage, hit: textsearch.Hit) -> int:
        """How close the item's name stands to the match in the sentence (higher: closer; 0: absent)."""
        name = squeeze(item.name)
        at = passage.text.find(name)
        if at < 0:
            return 0
        distance = abs((passage.start + at) - hit.start)
        return 10**6 - distance


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _noun(item: Item) -> str:
    """An item's kind as one item of it (target, service, task): notes word it (vocab/notes.yaml)."""
    return item.kind[:-1]


def judge(x: Item, y: Item, a: Plan, b: Plan, passage: Passage | None = None,
          know: Knowledge | None = None) -> tuple[str, tuple[Note, ...]]:
    """The verdict on two items that state one commitment, of the same kind or not;
    `passage`: the sentence of B's text that states x, when that is how y was found."""
    if isinstance(x, Target) and isinstance(y, Target):
        return compare_targets(x, y, a, b)
    if isinstance(x, Target):
        return _target_in_words(x, y, b, know)
    return compare_commitments(x, y, passage)


def _target_in_words(x: Target, y: Item, b: Plan, know: Knowledge | None = None) -> tuple[str, tuple[Note, ...]]:
    """A's target that B states in a task or service: the same end state in words
    (全面普及, 15分钟 …), or another name the vocabulary gives for the whole commitment
    (vocab/commitments.yaml: 普及普惠学前教育 for 三年学前教育普及), matches; without it
    there is no value to compare."""
    goal = try_parse(x.target)
    wanted = textnorm.fold(normalise(goal.qualitative if goal and goal.qualitative else x.target))
    said = textnorm.fold(normalise(y.evidence.quote + y.name))
    values = {"plan": b.id, "target": x.target, "kind": _noun(y)}
    if wanted and wanted in said:
        return "matches", (Note("same-end-state", values),)
    name = textnorm.fold(x.name)
    core = wanted.lstrip("全") if wanted.startswith("全") else ""
    if core and len(name) >= 6 and core in name and name in said:
        # the name says the end state itself (基本公共服务达标 for 全达标): B writing the name whole
        # (开展基本公共服务达标行动) states it; the note says so, not that B writes 全达标
        return "matches", (Note("name-states-end-state", {**values, "name": x.name}),)
    # a word end state (not a number): the vocabulary's names of the commitment, or of a term of its
    # name, state it (常住人口覆盖 ↔ 在常住地便捷享有)
    whys = (KNOWN_NAME, PHRASING) if goal is None or not goal.numeric else (KNOWN_NAME,)
    known = [p for p in (know or knowledge.default()).phrasings(x) if p.why in whys]
    hit = next((p for p in known if all(part in said for part in p.parts)), None)
    if hit is not None:
        return "matches", (Note("same-commitment", {**values, "phrase": str(hit)}),)
    return "not-comparable", (Note("no-value-in-item", values),)


# ---------------------------------------------------------------- restatements

def _with_restatements(rows: list[Row], a: Plan, b: Plan) -> list[Row]:
    """A target stated twice in one plan (a table row, then 力争4.5 in the text) shows on
    its first statement's row: the verdict stays with the binding value, the note names
    the other and says how it compares."""
    again_b = [t for t in b.targets if t.restates]
    again_a = [t for t in a.targets if t.restates]
    if not again_a and not again_b:
        return rows
    out = []
    for row in rows:
        x, y = row.left, row.right
        notes, also = list(row.notes), list(row.also)
        for t in again_a:
            if isinstance(x, Target) and t.restates == x.id:
                notes.append(_also_states(a, x, t))
        for t in again_b:
            if isinstance(y, Target) and t.restates == y.id:
                also.append(t)
                verdict: Note | str = ""
                if isinstance(x, Target) and t.year == y.year:
                    status, _ = compare_targets(x, t, a, b)
                    verdict = Note("restated-verdict", {"status": status, "ref": a.id})
                notes.append(_also_states(b, y, t, verdict))
        out.append(row._replace(notes=tuple(notes), also=tuple(also)))
    return out


def _also_states(plan: Plan, first: Target, again: Target, verdict: Note | str = "") -> Note:
    """`liaoning also states 力争达到4.5个 (body text, a stretch goal, 第四章第一节): that value …`."""
    return Note("also-states", {"plan": plan.id, "target": again.target,
                                "when": Note("for-year", {"year": again.year}) if again.year != first.year else "",
                                "basis": _basis(again), "disagreement": _disagreement(first, again), "verdict": verdict})


def _disagreement(first: Target, again: Target) -> Note | str:
    """`; inconsistent-value: life-expectancy states 78.38` when the plan's two statements disagree (consistency.py)."""
    from ..ingest import consistency

    check = consistency.compare(first, again)
    if check is None or check.verdict in (consistency.AGREES, consistency.STRETCH):
        return ""
    return Note("disagrees", {"check": check.verdict, "id": first.id, "value": check.first_value})


def _basis(t: Target) -> Note:
    v = try_parse(t.target)
    stretch = "aspirational" in t.flags or (v is not None and v.aspirational)
    return Note("stated-where", {"basis": t.basis, "stretch": Note("stretch-goal") if stretch else "",
                                 "section": Note("in-section", {"section": t.evidence.section}) if t.evidence.section else ""})


def verdict(pair: Pair, a: Plan, b: Plan) -> Row:
    x, y = pair.left, pair.right

    def row(status: str, notes: tuple[Note, ...]) -> Row:
        return Row(kind=pair.kind, domain=pair.domain, left=x, right=y, score=pair.score,
                   confidence=pair.confidence, reasons=pair.reasons, status=status, notes=notes)

    if x is not None and y is None:
        gaps = gaps_for(b, x)
        if gaps:
            return row("unknown", _gap_notes(x, b, gaps))
        return row("omitted", ())
    if x is None:
        assert y is not None, "a pair holds an item on one side at least"
        gaps = a.gaps_for(pair.kind, y.domain)
        lost = (Note("ref-source-lost", {"plan": a.id, "sections": [_section(g) for g in gaps]}),) if gaps else ()
        return row("added", lost + _own_baseline_notes(y))
    assert y is not None
    if isinstance(x, Target) and isinstance(y, Target):
        return row(*compare_targets(x, y, a, b))
    return row(*compare_commitments(x, y))


SPANNING = "其他"   # the domain of items that span domains (vocab/domains.yaml)


def gaps_for(plan: Plan, x: Item) -> list[SourceGap]:
    """The lost parts of the plan's source that could hold A's item x: those of its kind and domain;
    for an item that spans domains (其他), also a part that covers every domain (a box of key projects
    for all nine). When the item's name holds a part's whole title (开展重点领域基本公共服务标准化工程:
    专栏2 基本公共服务领域重点工程), that part is the one named."""
    from ..core.vocab import domains

    gaps = [g for g in plan.source_gaps if g.could_hold(x.kind, x.domain)]
    if x.domain == SPANNING:
        every = {d.name for d in domains()} - {SPANNING}
        gaps += [g for g in plan.source_gaps if g not in gaps and g.could_hold(x.kind, next(iter(every)))
                 and (g.domains is None or every <= set(g.domains))]
    name = textnorm.fold(x.name)
    titled = [g for g in gaps if (title := textnorm.fold(_title(g))) and all(c in name for c in title)]
    return titled or gaps


def _title(gap: SourceGap) -> str:
    """专栏2  基本公共服务领域重点工程 -> 基本公共服务领域重点工程."""
    parts = gap.section.split(None, 1)
    return parts[1] if len(parts) > 1 else ""


def _section(gap: SourceGap) -> str:
    """专栏1　甘肃省“十四五”…主要指标 -> 专栏1 (the full title is in the plan file)."""
    return str(gap.section.split()[0]) if gap.section.split() else gap.id


def _gap_notes(item: Item, plan: Plan, gaps: list[SourceGap]) -> tuple[Note, ...]:
    notes = [Note("source-lost", {"plan": plan.id, "sections": [_section(g) for g in gaps],
                                  "n": "one" if len(gaps) == 1 else "many"})]
    for gap in gaps:
        for reveal in gap.reveals:
            if textnorm.key(reveal.indicator) and _alike(reveal.indicator, item.name):
                notes.append(Note("reveals", {"indicator": reveal.indicator, "quote": reveal.quote}))
    return tuple(notes)


def _alike(a: str, b: str) -> bool:
    return fuzz.ratio(textnorm.key(a), textnorm.key(b)) >= 70


# ---------------------------------------------------------------- targets

@cache
def _conversions() -> dict[str, tuple[str, float]]:
    data = read_vocab("conversions.yaml")
    return {c["unit"]: (c["base"], float(c["factor"])) for c in data["conversions"]}


def effective_unit(target: Target, value: Value | None) -> str | None:
    """The item's unit, else the unit written in the value (longest known unit it starts with).
    A value written in a unit the item's cannot take (95‰ for an item in %: validate's
    value-unit) is read in the unit it writes, never as the item's."""
    if target.unit and foreign_unit(value, target.unit) is None:
        return target.unit
    if value is None or not value.unit:
        return None
    if value.unit in units():
        return value.unit
    known = sorted((u for u in units() if value.unit.startswith(u)), key=len, reverse=True)
    return known[0] if known else value.unit


def _period(target: Target, value: Value | None) -> str:
    if "cumulative" in target.flags or (value is not None and value.cumulative):
        return "cumulative"
    if "annual_average" in target.flags:
        return "average"
    return "level"


def compare_targets(x: Target, y: Target, a: Plan, b: Plan) -> tuple[str, tuple[Note, ...]]:
    vx, vy = _in_item_unit(x, try_parse(x.target)), _in_item_unit(y, try_parse(y.target))
    notes = list(_flag_notes(x, vx, a) + _flag_notes(y, vy, b) + _own_baseline_notes(x) + _own_baseline_notes(y))
    if x.year != y.year:
        years = {"a": x.plan, "ya": x.year, "b": y.plan, "yb": y.year}
        if x.year // 10 != y.year // 10:
            return "not-comparable", (Note("decades-differ", years), *notes)
        notes.append(Note("years-differ", years))
    if vx is None or vy is None:
        bad = x.target if vx is None else y.target
        return "not-comparable", (Note("unreadable-value", {"value": bad}), *notes)
    if vx.empty or vy.empty:
        return "not-comparable", (Note("no-target-value"), *notes)
    ux, uy = effective_unit(x, vx), effective_unit(y, vy)
    if vx.qualitative or vy.qualitative:
        status, why = _compare_qualitative(vx, vy, ux, uy)
        return status, tuple(filter(None, (why,))) + tuple(notes)
    px, py = _period(x, vx), _period(y, vy)
    reasons = [Note("periods-differ", {"a": a.id, "pa": px, "b": b.id, "pb": py})] if px != py else []
    if _total(x, ux) or _total(y, uy):
        # two jurisdictions of different size: their totals say nothing about ambition
        reasons.append(Note("jurisdiction-total", {"unit": ux or uy or "count", "ra": a.region, "rb": b.region}))
    if reasons:
        return "not-comparable", (*reasons, *notes)
    nx, ny, why = _same_scale(vx, vy, ux, uy)
    if nx is None or ny is None:
        assert why is not None   # the units do not convert: why
        return "not-comparable", (why, *notes)
    if nx.number and ny.number and max(nx.number, ny.number) / min(nx.number, ny.number) > SCALE_GAP:
        # a per-capita level does not differ tenfold between a country and its province:
        # one of the sources (or its copy) states another unit or scale
        conversion = Note("in-brackets", {"part": why}) if why else ""
        return "not-comparable", (Note("scale-disagrees", {"x": _stated(x, vx), "y": _stated(y, vy), "conversion": conversion,
                                                           "gap": SCALE_GAP}), *notes)
    if why:
        notes.insert(0, why)
    better = higher_is_better(x.indicator, vx)
    change = change_note(x, y, a, b)
    if change:
        notes.append(change)
    status = _order(nx, ny, better)
    if status == "matches" and nx.comparator != ny.comparator:
        notes.insert(0, Note("same-number", {"n": _num(nx.number), "a": a.id, "x": x.target, "b": b.id, "y": y.target}))
    return status, tuple(notes)


SCALE_GAP = 5   # values further apart than this (after unit conversion) point at a unit or scale error


def _stated(t: Target, v: Value) -> str:
    unit = t.unit if t.unit and not v.unit else ""
    return f"{t.target}{' ' + unit if unit else ''}"


def _in_item_unit(t: Target, value: Value | None) -> Value | None:
    """3.4万 written for an item in 次 -> 34000: a scale word (vocab/values.yaml `scales`)
    between the number and the item's unit multiplies the number."""
    if value is None or not value.numeric or not value.unit or value.unit == t.unit:
        return value
    scales = value_words().get("scales") or {}
    head, rest = value.unit[:1], value.unit[1:]
    if head in scales and (rest == "" or rest == t.unit) and not (t.unit or "").startswith(head):
        return _scaled(value, float(scales[head]))._replace(unit=rest or None)
    return value


class _Move(NamedTuple):
    """A target's own start and goal, both plain numbers in one unit, the start exact."""
    base: Value
    goal: Value
    better: bool   # higher is better
    worse: bool    # the goal is worse than the start

    @property
    def floor_met(self) -> bool:
        """A floor (or ceiling) the start already clears: >99% against 99.36% plans no decline."""
        return self.worse and self.goal.comparator in (("≥", ">") if self.better else ("≤", "<"))


def _move(t: Item) -> _Move | None:
    if not isinstance(t, Target) or t.baseline is None:
        return None
    base, goal = try_parse(t.baseline.value), try_parse(t.target)
    if not (base and goal and base.numeric and goal.numeric) or base.comparator != "=":
        return None
    if base.unit and goal.unit and base.unit != goal.unit:
        return None
    better = higher_is_better(t.indicator, goal)
    assert goal.number is not None and base.number is not None   # numeric, checked above
    return _Move(base, goal, better, goal.number < base.number if better else goal.number > base.number)


def planned_change(t: Target) -> float | None:
    """target minus baseline, when both are plain numbers in one unit: not for a baseline
    given as a bound (>90), period figures (cumulative, yearly averages) or a floor the
    baseline already clears."""
    if {"cumulative", "annual_average"} & set(t.flags):
        return None
    move = _move(t)
    if move is None or move.base.cumulative or move.goal.cumulative or move.floor_met:
        return None
    assert move.goal.number is not None and move.base.number is not None   # _move takes numbers only
    return move.goal.number - move.base.number


def change_note(x: Target, y: Target, a: Plan, b: Plan) -> Note | None:
    """How each side plans to move, and how the moves compare: a province may aim lower
    than national from a lower base yet plan the larger increase."""
    dx, dy = planned_change(x), planned_change(y)
    if dx is None or dy is None:
        return None
    assert x.baseline is not None and y.baseline is not None   # a planned change has a baseline
    bx, by = try_parse(x.baseline.value), try_parse(y.baseline.value)
    assert bx is not None and by is not None and bx.number is not None and by.number is not None
    better = higher_is_better(x.indicator, try_parse(x.target))
    gain_x, gain_y = (dx, dy) if better else (-dx, -dy)
    gain = "larger" if gain_y > gain_x + 1e-9 else "smaller" if gain_y < gain_x - 1e-9 else "same"
    base = "higher" if by.number > bx.number else "lower" if by.number < bx.number else "same"
    return Note("planned-change", {"a": a.id, "da": _signed(dx), "b": b.id, "db": _signed(dy), "gain": gain, "base": base})


def _signed(n: float) -> str:
    return ("+" if n >= 0 else "−") + _num(round(abs(n), 4))


def _total(t: Target, unit: str | None) -> bool:
    """An absolute total; a share (unit of kind rate) never is."""
    return units().get(unit or "") != "rate" and is_total(t.indicator, unit)


def _same_scale(vx: Value, vy: Value, ux: str | None,
                uy: str | None) -> tuple[Value, Value, Note | None] | tuple[None, None, Note]:
    """Both values in one unit, with the note of the conversion (None: no conversion); or, when the
    units do not convert, (None, None, why)."""
    if ux == uy or ux is None or uy is None:
        return vx, vy, None
    conv = _conversions()
    bx, fx = conv.get(ux, (ux, 1.0))
    by, fy = conv.get(uy, (uy, 1.0))
    if bx != by:
        return None, None, Note("units-differ", {"a": ux, "b": uy})
    sx, sy = _scaled(vx, fx), _scaled(vy, fy)
    return sx, sy, Note("converted", {"unit": bx, "x": _num(sx.number), "y": _num(sy.number)})


def _scaled(value: Value, factor: float) -> Value:
    assert value.number is not None   # numbers are scaled, words are not
    return value._replace(number=value.number * factor, high=value.high * factor if value.high is not None else None)


def _num(n: float | None) -> str:
    return "" if n is None else (str(int(n)) if n == int(n) else f"{n:g}")


def committed_numbers(x: Target, y: Target) -> tuple[float, float, str | None, bool] | None:
    """What two targets promise, read as compare_targets reads them, as two numbers on one
    scale: (x's, y's, their unit, whether higher is better); None when the values are not
    two numbers of one scale. The report's margins use it."""
    vx, vy = _in_item_unit(x, try_parse(x.target)), _in_item_unit(y, try_parse(y.target))
    if vx is None or vy is None or not vx.numeric or not vy.numeric:
        return None
    ux, uy = effective_unit(x, vx), effective_unit(y, vy)
    nx, ny, _ = _same_scale(vx, vy, ux, uy)
    if nx is None or ny is None:
        return None
    better = higher_is_better(x.indicator, vx)
    return _commitment(nx, better), _commitment(ny, better), ux or uy, better


def _commitment(value: Value, better_high: bool) -> float:
    """What a value promises at least: a range's weaker end."""
    assert value.number is not None   # a number's commitment
    if value.comparator == "range" and value.high is not None:
        return value.number if better_high else value.high
    return value.number


def _order(vx: Value, vy: Value, better_high: bool) -> str:
    """By the numbers alone: the same number matches whatever the comparators say (>95%
    against 95% or ≥95%: one floor, worded differently; compare_targets notes the wording)."""
    nx, ny = _commitment(vx, better_high), _commitment(vy, better_high)
    if abs(nx - ny) < 1e-9:
        return "matches"
    return "exceeds" if (ny > nx) == better_high else "below"


def _compare_qualitative(vx: Value, vy: Value, ux: str | None, uy: str | None) -> tuple[str, Note | None]:
    if vx.qualitative and vy.qualitative:
        lx, ly = _LEVELS.get(vx.level or ""), _LEVELS.get(vy.level or "")
        if vx.qualitative == vy.qualitative:
            return "matches", None
        if lx is None or ly is None:
            return "not-comparable", Note("no-common-scale", {"a": vx.qualitative, "b": vy.qualitative})
        word = Note("levels", {"a": vx.qualitative, "la": vx.level, "b": vy.qualitative, "lb": vy.level})
        return ("exceeds" if ly > lx else "below" if ly < lx else "matches"), word
    qual, num = (vx, vy) if vx.qualitative else (vy, vx)
    num_unit = uy if vx.qualitative else ux
    hundred = qual.as_hundred()
    if hundred is not None and num_unit == "%" and num.number is not None:
        left, right = (hundred, vy) if vx.qualitative else (vx, hundred)
        return _order(left, right, True), Note("full-as-hundred", {"word": qual.qualitative})
    return "not-comparable", Note("word-vs-number", {"word": qual.qualitative, "number": num.describe()})


def _flag_notes(t: Target, v: Value | None, plan: Plan) -> tuple[Note, ...]:
    notes = []
    if v is not None and v.aspirational:
        notes.append(Note("aspirational", {"plan": plan.id, "target": t.target}))
    if "base_year_differs" in t.flags and t.baseline is not None:
        notes.append(Note("baseline-year", {"plan": plan.id, "year": t.baseline.year}))
    return tuple(notes)


def _own_baseline_notes(t: Item) -> tuple[Note, ...]:
    """When a target is worse than the plan's own starting value, say how: a yearly
    average that falls from the last period's, a floor the baseline already clears
    (>99% against 99.36%: no decline planned), or a real step back."""
    move = _move(t)
    if move is None or not move.worse or not isinstance(t, Target) or t.baseline is None:
        return ()
    values = {"plan": t.plan, "target": t.target, "baseline": t.baseline.value, "year": t.baseline.year}
    if "annual_average" in t.flags:
        return (Note("average-falls", values),)
    if move.floor_met:
        return (Note("floor-met", values),)
    return (Note("worse-than-baseline", {**values, "side": "below" if move.better else "above"}),)


# ---------------------------------------------------------------- services and tasks

def _numbers_of(item: Item) -> tuple[str, ...]:
    if isinstance(item, Target):
        return (item.target,)
    if hasattr(item, "commitments"):
        return tuple(item.commitments)
    standard = getattr(item, "standard", None) or ""
    return (standard,) if _DIGIT.search(standard) else ()


def compare_commitments(x: Item, y: Item, passage: Passage | None = None) -> tuple[str, tuple[Note, ...]]:
    """Two items that state one service or task: `matches`, or `matches-quantified` when B
    commits to a number where A states none. A number of B counts only where it is about
    this item: B's own target, the numbers of a task or service paired with A's of the
    same kind, or those standing in the sentence that states A's item (a paragraph-long
    task holds numbers about other things)."""
    nx, ny = _numbers_of(x), _numbers_of(y)
    if passage is not None:
        ny = tuple(n for n in ny if squeeze(n) in passage.text)
    elif y.kind != x.kind and y.kind != "targets":
        ny = ()
    words = [n for n in ny if _is_word(n)]
    numbers = [n for n in ny if not _is_word(n)]
    if not nx and y.kind == "targets" and x.kind != "targets" and not numbers and words and _commits(words[0], x):
        numbers = words   # B's target commits to a full end state (覆盖全部县(市)) A does not state: a number too
    if not nx and numbers:
        # a number where A states none, whatever words both share (住房保障: 应保尽保 in both, and
        # Gansu's 累计新开工改造棚户区19万户（套）)
        return "matches-quantified", (Note("commits-to", {"plan": y.plan, "values": numbers}),)
    if not nx and words and all(textnorm.fold(normalise(w)) in textnorm.fold(normalise(x.evidence.quote)) for w in words):
        return "matches", (Note("both-state", {"words": list(words)}),)   # 应保尽保 in both quotes: nothing added
    if ny and not nx:
        if all(_is_word(n) for n in ny):
            return "matches", (Note("states-words", {"plan": y.plan, "values": list(ny)}),)
        return "matches-quantified", (Note("commits-to", {"plan": y.plan, "values": list(ny)}),)
    notes = []
    if nx and not ny and all(_is_word(n) for n in nx):
        notes.append(Note("states-words", {"plan": x.plan, "values": list(nx)}))   # words: no claim about numbers
    elif nx and not ny:
        notes.append(Note("no-number", {"a": x.plan, "values": list(nx), "b": y.plan, "kind": _noun(y), "id": y.id}))
    elif nx and ny:
        same = {textnorm.fold(normalise(n)) for n in nx} == {textnorm.fold(normalise(n)) for n in ny}
        notes.append(Note("both-numbers", {"values": list(ny)}) if same
                     else Note("numbers-differ", {"a": x.plan, "va": list(nx), "b": y.plan, "vb": list(ny)}))
    return "matches", tuple(notes)


def _is_word(value: str) -> bool:
    """应保尽保, 全覆盖: a commitment in words, not a number. A number written in Chinese numerals
    with a unit (至少办好一所, 一刻钟) is a number; one in a slogan (一校带一园) is not."""
    v = try_parse(value)
    if v is None or v.qualitative is not None:
        return True
    return not _DIGIT.search(value) and not (v.numeric and v.unit in units())
