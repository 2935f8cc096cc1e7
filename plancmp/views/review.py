"""`plancmp review P`: the decisions a person must make to finish a province, most
consequential first, and what each answer writes.

A decision is one of:
- a drafted source gap (`draft: true`): the lost part it says the copy has makes national
  rows `unknown` rather than `omitted`; confirm it, delete it, or edit what it could hold;
- a national row whose verdict rests on something nobody has checked: a draft item (its
  counterpart or a further item), a sentence of the text alone (`basis: text`, `mentioned`),
  an omission while the plan still holds drafts, a pair of low confidence, or a verdict that
  moved since a person accepted it; accept it, reject the pair, or edit;
- a draft item no national row uses (the province's own additions): confirm, delete, edit.

Rows first by what a reader would publish (below, omitted, exceeds … matches), gaps before
them (a gap decides several rows at once).

What an answer writes is what a person would have typed, and nothing else:
- confirming an item or a gap deletes its `draft: true` line (the plan file's layout and
  comments stay as they are: ingest/yamledit.py edits the text where the loader found it);
- a pair accepted as it stands where nothing is left to confirm, an omission accepted, a
  sentence that does not state the item: a line in review/P.yaml (the only record of it);
- a rejected pair: a `forbid` in links.yaml, a pair accepted against the engine: a `pin`,
  each a one-off with a reason made of both quotes and their lines;
- a sentence turned into an item: the item, its quote the sentence;
- an edit: the items as edited (replaced where they stood), and what the editor asked for:
  items to delete, a pin or forbid, and knowledge that carries to every province (another name
  of the national commitment, a look-alike, its parts) in the data folder's
  vocab/commitments.yaml with `seen_in: [P]`, which the engine reads beside the package's.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from ..core.model import Item, Plan, Service, SourceGap, Target, Task
from ..core.verdicts import Diff, NearMiss, Row

if TYPE_CHECKING:
    from collections.abc import Sequence
    from multiprocessing.process import BaseProcess
    from threading import Thread

    from ..ingest.workspace import Workspace

# what a reader would publish first: a shortfall, an omission, a lead … a match last
STATUS_ORDER = ("below", "omitted", "exceeds", "not-comparable", "partial", "unknown", "mentioned",
                "matches-quantified", "matches")
KIND_ORDER = ("targets", "services", "tasks")
# why a row is a decision, most pressing first
WHY = {
    "draft-gap": "a drafted source gap: what this copy lost (nobody has checked the original)",
    "draft": "its verdict rests on a draft item",
    "text": "its verdict rests on a sentence of the text alone (no curated item holds it)",
    "mentioned": "the text mentions it (no curated item holds the sentence, no value read)",
    "moved": "its verdict moved since a person accepted it",
    "omission": "omitted while the plan holds drafts: nobody has checked that the text does not state it",
    "low-confidence": "a pair of low confidence",
    "draft-item": "a draft item no national row uses",
}
STATE_HEAD = ["# plancmp review {plan}: answers that the plan file and links.yaml do not record (a pair or an",
              "# omission accepted as the diff has it, a sentence that does not state a national item).",
              "# `plancmp review` reads it to know what is decided; delete an entry to be asked again."]


# ---------------------------------------------------------------- the review's own record

class State(NamedTuple):
    accepted: dict[str, tuple[str, str | None]]   # national id -> (status, counterpart id) a person accepted
    not_stated: dict[str, int | None]               # national id -> the line a person said does not state it


def read_state(ws: Workspace, plan_id: str) -> State:
    """review/<plan>.yaml of the data folder (an empty State when it has none or it cannot be read:
    then every decision is asked again, nothing is lost)."""
    path = ws.review_path(plan_id)
    if not ws.folder.has_entry(path):
        return State({}, {})
    from ..files.paths import shown_path
    from ..ingest.yamldoc import load

    doc, _ = load(path, shown_path(path), ws.folder)
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    accepted: dict[str, tuple[str, str | None]] = {}
    not_stated: dict[str, int | None] = {}
    for entry in data.get("accepted") or ():
        if isinstance(entry, dict) and isinstance(entry.get("row"), str):
            accepted[entry["row"]] = (str(entry.get("status")), entry.get("counterpart"))
    for entry in data.get("not_stated") or ():
        if isinstance(entry, dict) and isinstance(entry.get("row"), str):
            not_stated[entry["row"]] = entry.get("line")
    return State(accepted, not_stated)


def verdict_of(row: Row) -> tuple[str, str | None]:
    return row.status, row.right.id if row.right is not None else None


T = TypeVar("T")


def given(value: T | None, what: str) -> T:
    """What a decision of its kind always holds (a row decision its row, a gap decision its gap …):
    one without it is a bug, said as such rather than as an AttributeError on None."""
    if value is None:
        raise ValueError(f"a review decision without its {what}")
    return value


def national_item(row: Row) -> Item:
    """A row's national item: the review's rows are national rows (an added row is no decision)."""
    return given(row.left, "national item")


# ---------------------------------------------------------------- the decisions

class Decision(NamedTuple):
    key: str                     # row:<national id> | item:<id> | gap:<id>: what an answers file names
    what: str                    # row | item | gap
    why: str                     # a key of WHY
    row: Row | None = None
    item: Item | None = None     # item decisions: the draft item
    gap: SourceGap | None = None
    drafts: tuple[Item, ...] = ()    # the draft items `y` confirms
    candidate: NearMiss | None = None   # an omitted row: the closest item the aligner did not take
    unknown: tuple[str, ...] = ()       # a gap: the national rows it makes unknown

    @property
    def section(self) -> str | None:
        """The table or section whose draft items `a` confirms at once."""
        item = self.item or next(iter(self.drafts), None)
        return item.evidence.section if item is not None else None

    @property
    def signature(self) -> tuple:
        """What the person saw: the same key with another signature is a new question."""
        if self.row is not None:
            return (self.key, *verdict_of(self.row), tuple(i.id for i in self.drafts))
        return (self.key, tuple(i.id for i in self.drafts))


def rests_on_drafts(row: Row) -> tuple[Item, ...]:
    return tuple(i for i in (row.right, *row.also) if i is not None and i.draft)


def row_decision(row: Row, plan: Plan, state: State, drafting: bool, candidates: dict) -> Decision | None:
    """The decision a national row asks for, or None when its verdict rests on checked data."""
    x = national_item(row)
    drafts = rests_on_drafts(row)
    key = f"row:{x.id}"
    accepted = state.accepted.get(x.id)
    if drafts:
        why = "draft"
    elif row.right is None and row.passage is not None:
        if x.id in state.not_stated:
            return None
        why = "mentioned" if row.status == "mentioned" else "text"
    elif accepted is not None:
        if accepted == verdict_of(row):
            return None
        why = "moved"
    elif row.confidence == "low":
        why = "low-confidence"
    elif row.status in ("omitted", "unknown") and drafting:
        why = "omission"
    else:
        return None
    candidate = candidates.get(x.ref) if row.right is None else None
    return Decision(key, "row", why, row=row, drafts=drafts, candidate=candidate)


def decisions(plan: Plan, diff: Diff, state: State) -> list[Decision]:
    """Every decision left, most consequential first."""
    drafting = any(i.draft for i in plan.items()) or any(g.draft for g in plan.source_gaps)
    candidates: dict[str, NearMiss] = {}
    for miss in diff.near_misses:   # the closest item of each national item the aligner did not take
        if miss.left.ref not in candidates or miss.score > candidates[miss.left.ref].score:
            candidates[miss.left.ref] = miss
    rows = [(r, r.left) for r in diff.rows if r.left is not None]
    used = {i.id for r in diff.rows if r.left is not None for i in (r.right, *r.also) if i is not None}
    out: list[tuple[tuple, Decision]] = []
    for gap in plan.source_gaps:
        if gap.draft:
            unknown = tuple(x.id for r, x in rows if r.status == "unknown" and gap.could_hold(x.kind, x.domain))
            out.append(((0, -len(unknown)), Decision(f"gap:{gap.id}", "gap", "draft-gap", gap=gap, unknown=unknown)))
    for n, (row, x) in enumerate(rows):
        found = row_decision(row, plan, state, drafting, candidates)
        if found is None:
            continue
        group = 2 if found.why == "low-confidence" else 1
        status = STATUS_ORDER.index(row.status) if row.status in STATUS_ORDER else len(STATUS_ORDER)
        binding = 0 if isinstance(x, Target) and x.binding == "约束性" else 1
        out.append(((group, status, KIND_ORDER.index(row.kind), binding, n), found))
    for n, item in enumerate(plan.items()):
        if item.draft and item.id not in used:
            out.append(((3, KIND_ORDER.index(item.kind), n),
                        Decision(f"item:{item.id}", "item", "draft-item", item=item, drafts=(item,))))
    return [d for _, d in sorted(out, key=lambda t: t[0])]


# ---------------------------------------------------------------- what a decision shows

def _line(ws: Workspace, plan: Plan, quote: str) -> int | None:
    try:
        return ws.source(plan.source).line_of_quote(quote)
    except (OSError, UnicodeError):
        return None


def item_view(ws: Workspace, plan: Plan, item: Item) -> dict:
    from ..core.commitment import commitment_text
    from ..files.paths import shown_path

    return {"ref": item.ref, "id": item.id, "kind": item.kind, "domain": item.domain, "name": item.name,
            "value": commitment_text(item, "record"), "year": getattr(item, "year", None) if item.kind == "targets" else None,
            "binding": getattr(item, "binding", None), "quote": item.evidence.quote, "section": item.evidence.section,
            "file": shown_path(plan.source), "line": _line(ws, plan, item.evidence.quote), "draft": item.draft}


def describe(ws: Workspace, national: Plan, plan: Plan, d: Decision, plan_items: list[Item] | None = None) -> dict:
    """A decision as plain data (JSON, and what the text shows): the national item and its quote,
    the province's items and quotes with file:line, the verdict, and what each answer writes."""
    out: dict = {"key": d.key, "what": d.what, "why": d.why, "plan": plan.id}
    if d.row is not None:
        row = d.row
        out["national"] = item_view(ws, national, national_item(row))
        out["right"] = item_view(ws, plan, row.right) if row.right is not None else None
        out["also"] = [item_view(ws, plan, i) for i in row.also]
        out["passage"] = None if row.passage is None else {"file": row.passage.file, "line": row.passage.line,
                                                           "text": row.passage.text}
        out["verdict"] = {"status": row.status, "notes": list(row.notes), "reasons": list(row.reasons),
                          "confidence": row.confidence, "score": row.score, "basis": row.basis}
        if d.candidate is not None:
            out["candidate"] = item_view(ws, plan, d.candidate.right) | {"score": round(d.candidate.score, 4)}
    if d.item is not None:
        out["item"] = item_view(ws, plan, d.item)
    if d.gap is not None:
        g = d.gap
        out["gap"] = {"id": g.id, "section": " ".join(g.section.split()), "description": g.description,
                      "domains": None if g.domains is None else list(g.domains),
                      "kinds": None if g.kinds is None else list(g.kinds), "unknown": list(d.unknown)}
    codes = answer_codes(d, plan)
    out["answers"] = {k: answer_text(code, values) for k, (code, values) in codes.items()}
    out["answer_codes"] = {k: [code, values] for k, (code, values) in codes.items()}
    return out


def _section_drafts(plan: Plan, section: str | None) -> list[Item]:
    return [i for i in plan.items() if i.draft and section and i.evidence.section == section]


def answer_codes(d: Decision, plan: Plan) -> dict[str, tuple[str, dict]]:
    """The keys this decision takes, each with what it writes: a code of labels.yaml's `review`
    group and its values (render/review.py says them in either language)."""
    p = plan.id
    out: dict[str, tuple[str, dict]] = {}
    if d.what == "gap":
        gap = given(d.gap, "gap")
        out["y"] = ("gap_y", {"gap": gap.id})
        out["n"] = ("gap_n", {"gap": gap.id})
    elif d.what == "item":
        item = given(d.item, "item")
        out["y"] = ("item_y", {"item": item.ref})
        out["n"] = ("item_n", {"item": item.ref})
    else:
        row = given(d.row, "row")
        if d.drafts:
            out["y"] = ("row_confirm", {"items": ", ".join(i.ref for i in d.drafts)})
        elif row.right is None and row.passage is not None:
            out["y"] = ("row_text", {"at": f"{row.passage.file}:{row.passage.line}", "kind": _new_kind(row), "plan": p})
        elif row.status in ("omitted", "unknown"):
            out["y"] = ("row_omitted", {"plan": p})
        else:
            out["y"] = ("row_pair", {"plan": p})
        if row.right is not None:
            out["n"] = ("row_forbid", {"left": national_item(row).ref, "right": row.right.ref})
        elif row.passage is not None:
            out["n"] = ("row_not_stated", {"plan": p})
        elif d.candidate is not None:
            out["n"] = ("row_pin", {"right": d.candidate.right.ref})
        else:
            out["n"] = ("row_write", {})
    section = d.section
    if section and d.what != "gap":
        same = _section_drafts(plan, section)
        if len(same) > 1:
            out["a"] = ("section", {"n": len(same), "section": section})
    out["e"] = ("edit", {})
    out["s"] = ("skip", {})
    out["q"] = ("quit", {})
    return out


def answer_text(code: str, values: dict, labels=None) -> str:
    """What an answer writes, in the labels' language (English by default)."""
    from ..core.i18n import Labels

    labels = labels or Labels("en")
    values = dict(values)
    if "kind" in values:
        values["kind"] = labels.kind_one(values["kind"])
    return labels._get("review", code).format(**values)


def answers(d: Decision, plan: Plan, plan_items=None) -> dict[str, str]:
    """The keys this decision takes, each with what it writes, in English (JSON)."""
    return {k: answer_text(code, values) for k, (code, values) in answer_codes(d, plan).items()}


def _new_kind(row: Row) -> str:
    """The kind of item a sentence becomes: the national item's, but a target whose value the
    sentence does not state becomes a task (it states the commitment, not its number)."""
    kind = national_item(row).kind
    return "tasks" if kind == "targets" and row.status == "mentioned" else kind


# ---------------------------------------------------------------- what answers write

LINKS_HEAD = ["# People overrule the aligner (plancmp/ingest/links.py). One line per link:",
              "#   - {pin: \"national:<id> = <plan>:<id>\", reason: \"why they are the same item\"}",
              "#   - {forbid: \"national:<id> = <plan>:<id>\", reason: \"why they must never pair\"}",
              "# Only one-offs: what carries to every province is vocabulary (vocab/commitments.yaml).",
              "links: []"]
VOCAB_HEAD = ["# What curators of this data folder learnt about the national commitments while reviewing a",
              "# province (plancmp review): entries as in plancmp/vocab/commitments.yaml, read beside it by",
              "# the engine. `seen_in` names the province; `plancmp eval --holdout` drops an entry seen in one",
              "# province only when it scores that province. Move what proves general to the package's.",
              "terms: []", "commitments: []"]


class ChangeError(Exception):
    """An answer that would leave the data wrong (a quote not in the text, an unknown id …): nothing
    is written; the message says why."""


class Change:
    """What one answer writes, held as the new texts of the files it touches until `commit`, which
    checks the plan as `plancmp validate` would and writes every file (or none)."""

    def __init__(self, ws: Workspace, plan: Plan):
        self.ws, self.plan = ws, plan
        self.texts: dict[Path, str] = {}
        self.said: list[str] = []
        self.moves = False    # verdicts may move: the diff is computed again
        self.confirmed: set[str] = set()        # items whose `draft: true` went (nothing else moved)
        self.confirmed_gaps: set[str] = set()
        self.checked = False  # the plan as changed needs checking (more than draft lines went)

    def text(self, path: Path, default: list[str] | None = None) -> str:
        if path not in self.texts:
            if path.exists():
                self.texts[path] = path.read_text(encoding="utf-8")
            elif default is not None:
                self.texts[path] = "\n".join(default) + "\n"
            else:
                raise ChangeError(f"{path} does not exist")
        return self.texts[path]

    def _edit(self, path: Path, default: list[str] | None = None):
        from ..files.paths import shown_path
        from ..ingest.yamledit import Edited, EditError

        try:
            return Edited(self.text(path, default), shown_path(path))
        except EditError as exc:
            raise ChangeError(str(exc)) from None

    # -------------------------------------------------------- the plan file

    def confirm(self, items: Sequence[Item] = (), gaps: Sequence[SourceGap] = ()) -> None:
        """Delete `draft: true` from each item and gap, bottom up, in one pass over the file."""
        edit = self._edit(self.plan.path)
        paths = [(k, i) for k, i in ((it.kind, edit.index_of(it.kind, it.id)) for it in items) if i is not None]
        paths += [("source_gaps", i) for i in (edit.index_of("source_gaps", g.id) for g in gaps) if i is not None]
        at = sorted(((edit.doc.key_positions[p + ("draft",)].line, p) for p in paths
                     if p + ("draft",) in edit.doc.key_positions), reverse=True)
        from ..ingest.yamledit import EditError

        try:
            for _, path in at:
                edit.drop_key(path, "draft")
        except EditError as exc:
            raise ChangeError(str(exc)) from None
        self.texts[self.plan.path] = edit.text()
        self.confirmed |= {i.id for i in items}
        self.confirmed_gaps |= {g.id for g in gaps}
        named = [i.ref for i in items] + [f"gap {g.id}" for g in gaps]
        self.said.append("confirmed " + (", ".join(named) if len(named) <= 4 else f"{len(named)} items"))

    def delete(self, ids: list[str]) -> None:
        """Delete items (or gaps) by id, each block where it stands."""
        done = []
        for wanted in ids:
            edit = self._edit(self.plan.path)
            for key in (*KIND_ORDER, "source_gaps"):
                at = edit.index_of(key, wanted)
                if at is not None:
                    edit.delete((key, at))
                    self.texts[self.plan.path] = edit.text()
                    done.append(wanted)
                    break
            else:
                raise ChangeError(f"delete: {self.plan.id} has no item or gap {wanted!r}")
        self.moves = self.checked = True
        self.said.append(f"deleted {', '.join(done)}")
        self._unlink([f"{self.plan.id}:{i}" for i in done])

    def _unlink(self, refs: list[str]) -> None:
        """The links that name deleted items go with them (a link to nothing breaks every diff)."""
        if not self.ws.links_path.exists():
            return
        edit = self._edit(self.ws.links_path)
        entries = edit.doc.data.get("links") if isinstance(edit.doc.data, dict) else None
        gone = []
        for n, entry in reversed(list(enumerate(entries if isinstance(entries, list) else []))):
            said = entry.get("pin") or entry.get("forbid") if isinstance(entry, dict) else None
            if isinstance(said, str) and {"".join(side.split()) for side in said.split("=")} & set(refs):
                edit.delete(("links", n))
                edit = self._reparse(edit)
                gone.append(said)
        if gone:
            self.texts[self.ws.links_path] = edit.text()
            self.said.append(f"{len(gone)} link{'s' * (len(gone) > 1)} of it gone from {self.ws.links_path.name}")

    def put(self, kind: str, fields: dict, where: str | None = None) -> None:
        """Write an item (or a gap: kind `source_gaps`): where the item `where` (default: its own
        id) stands, replacing it, else added to its list after the last item of its section."""
        from ..ingest.yamledit import entry_lines

        if not isinstance(fields.get("id"), str):
            raise ChangeError(f"a {kind[:-1]} without an id")
        edit = self._edit(self.plan.path)
        lines = entry_lines(fields, 2, kind)
        at = edit.index_of(kind, where or fields["id"])
        if at is not None:
            edit.replace((kind, at), lines)
        else:
            other = next((k for k in (*KIND_ORDER, "source_gaps") if edit.index_of(k, fields["id"]) is not None), None)
            if other is not None:
                raise ChangeError(f"{self.plan.id} already has {fields['id']!r} among its {other}")
            after = None
            section = (fields.get("evidence") or {}).get("section")
            listed = edit.doc.data.get(kind) if isinstance(edit.doc.data, dict) else None
            for n, entry in enumerate(listed if isinstance(listed, list) else []):
                if section and isinstance(entry, dict) and (entry.get("evidence") or {}).get("section") == section:
                    after = (kind, n)
            from ..ingest.yamledit import EditError

            try:
                edit.append(kind, lines, after)
            except EditError as exc:
                raise ChangeError(str(exc)) from None
        self.texts[self.plan.path] = edit.text()
        self.moves = self.checked = True
        self.said.append(f"wrote {'gap' if kind == 'source_gaps' else kind[:-1]} {self.plan.id}:{fields['id']}")

    # -------------------------------------------------------- links, vocabulary, the review's record

    def link(self, action: str, left: str, right: str, why: str) -> None:
        """A pin or forbid in links.yaml, after the last link of its kind (the file made when
        missing); a link of the same pair already there (a pin now forbidden, a forbid now
        pinned, the same again) goes: a pair is pinned or forbidden once."""
        from ..ingest.yamledit import q

        pair = {"".join(left.split()), "".join(right.split())}
        edit = self._edit(self.ws.links_path, LINKS_HEAD)
        entries = edit.doc.data.get("links") if isinstance(edit.doc.data, dict) else None
        for n, entry in reversed(list(enumerate(entries if isinstance(entries, list) else []))):
            said = entry.get("pin") or entry.get("forbid") if isinstance(entry, dict) else None
            if isinstance(said, str) and {"".join(side.split()) for side in said.split("=")} == pair:
                edit.delete(("links", n))
                edit = self._reparse(edit)
        entries = edit.doc.data.get("links") if isinstance(edit.doc.data, dict) else None
        after = None
        for n, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict) and action in entry:
                after = ("links", n)
        edit.append("links", [f'  - {{{action}: "{left} = {right}", reason: {q(why)}}}'], after)
        self.texts[self.ws.links_path] = edit.text()
        self.moves = True
        self.said.append(f"{action} {left} = {right} in {self.ws.links_path.name}")

    def _reparse(self, edit):
        from ..ingest.yamledit import Edited, EditError

        try:
            return Edited(edit.text(), edit.shown)
        except EditError as exc:
            raise ChangeError(str(exc)) from None

    def vocabulary(self, group: str, entry: dict) -> None:
        from ..ingest.yamledit import entry_lines

        edit = self._edit(self.ws.vocab_path, VOCAB_HEAD)
        edit.append(group, entry_lines(entry, 2))
        self.texts[self.ws.vocab_path] = edit.text()
        self.moves = True
        self.said.append(f"vocabulary: {entry.get('item') or entry.get('term')} "
                         f"({', '.join(k for k in ('names', 'differs_from', 'parts', 'includes') if k in entry)}; "
                         f"seen in {', '.join(entry.get('seen_in') or ())})")

    def record(self, group: str, entry: dict) -> None:
        """A line of review/<plan>.yaml (`accepted` or `not_stated`); an earlier line of that row goes."""
        from ..ingest.yamledit import flow

        path = self.ws.review_path(self.plan.id)
        head = [line.format(plan=self.plan.id) for line in STATE_HEAD] + ["accepted: []", "not_stated: []"]
        for other in ("accepted", "not_stated"):
            edit = self._edit(path, head)
            found = edit.doc.data.get(other) if isinstance(edit.doc.data, dict) else None
            at = next((n for n, e in enumerate(found or ()) if isinstance(e, dict) and e.get("row") == entry["row"]), None)
            if at is not None:
                edit.delete((other, at))
                self.texts[path] = edit.text()
        edit = self._edit(path, head)
        edit.append(group, [f"  - {flow(entry)}"])
        self.texts[path] = edit.text()
        self.said.append(f"recorded in review/{self.plan.id}.yaml: {group.replace('_', ' ')} {entry['row']}")

    # -------------------------------------------------------- check, then write

    def problems(self) -> list:
        """The errors `plancmp validate` would report in the plan as changed (none: it may be written)."""
        from ..core.findings import ERROR
        from ..files.paths import shown_path
        from ..ingest.checks import check_plan
        from ..ingest.load import plan_from_doc
        from ..ingest.yamldoc import parse

        text = self.texts.get(self.plan.path)
        links = self.texts.get(self.ws.links_path)
        if text is None or not self.checked:
            # only `draft: true` lines went: nothing validate checks has changed, but the links if they did
            # (checked against the plan as it stands, loaded and checked)
            return [] if links is None else self._link_problems(links, self.plan)
        doc, findings = parse(text, shown_path(self.plan.path))
        loaded = plan_from_doc(self.plan.path, doc, findings, self.ws.folder)
        findings = loaded.findings
        if loaded.plan is not None and doc is not None:   # a plan was loaded: from a document
            findings = findings + check_plan(loaded.plan, doc, self.ws.folder)
        errors = [f for f in findings if f.severity == ERROR]
        if loaded.plan is not None and (links is not None or self.ws.links_path.exists()):
            errors += self._link_problems(links if links is not None else self.ws.links_path.read_text(encoding="utf-8"),
                                          loaded.plan)
        return errors

    def _link_problems(self, text: str, plan: Plan) -> list:
        """links.yaml as changed, checked as `plancmp validate` checks it between the reference
        plan and this one: ids that exist, no pair pinned twice or pinned and forbidden."""
        from ..core.findings import ERROR
        from ..files.paths import shown_path
        from ..ingest import schema, schemacheck
        from ..ingest.links import Link, Links, check
        from ..ingest.yamldoc import parse

        shown = shown_path(self.ws.links_path)
        doc, findings = parse(text, shown)
        if doc is None:
            return findings
        findings = findings + schemacheck.check(doc, schema.links_schema())
        if any(f.severity == ERROR for f in findings):
            return [f for f in findings if f.severity == ERROR]
        links = Links()
        for n, entry in enumerate(doc.data.get("links") or ()):
            action = "pin" if "pin" in entry else "forbid"
            left, right = ("".join(side.split()) for side in entry[action].split("="))
            links.links.append(Link(action, left, right, entry["reason"], n, doc.pos(("links", n, action))))
        plans = {p.id: p for p in self.ws.plans().values()} | {plan.id: plan}
        national = next(p.id for p in plans.values() if p.level == "national")
        return [f for f in check(links, plans, only={national, plan.id}) if f.severity == ERROR]

    def commit(self) -> list[str]:
        """Write every changed file (atomically, one after the other); the files written."""
        from ..files.output import write_atomic
        from ..files.paths import shown_path

        errors = self.problems()
        if errors:
            raise ChangeError("; ".join(f.as_text() for f in errors[:5]))
        out = []
        for path, text in self.texts.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
            out.append(shown_path(path))
        return out


# ---------------------------------------------------------------- reasons and new items

def clip(text: str, around: str = "", limit: int = 36) -> str:
    """A short piece of a quote: whole when short, else the part most like `around` (the other
    side's name), cut at both ends with …"""
    text = "".join(text.split())
    if len(text) <= limit:
        return text
    start = 0
    if around:
        from rapidfuzz import fuzz

        found = fuzz.partial_ratio_alignment("".join(around.split()), text)
        if found is not None:
            middle = (found.dest_start + found.dest_end) // 2
            start = max(0, min(len(text) - limit, middle - limit // 2))
    return ("…" if start else "") + text[start:start + limit] + ("…" if start + limit < len(text) else "")


def reason(ws: Workspace, national: Plan, plan: Plan, x: Item, y: Item, same: bool) -> str:
    """A link's reason from both quotes and their lines: `national l.321 “…” = fujian l.88 “…”`."""
    lx, ly = _line(ws, national, x.evidence.quote), _line(ws, plan, y.evidence.quote)
    sign = "states" if same else "is not"
    return (f"{plan.id} l.{ly} “{clip(y.evidence.quote, x.name)}” {sign} national l.{lx} "
            f"“{clip(x.evidence.quote, y.name)}” ({x.name})")


def _unique_id(plan: Plan, wanted: str) -> str:
    taken = {i.id for i in plan.items()}
    out, n = wanted, 2
    while out in taken:
        out, n = f"{wanted}-{n}", n + 1
    return out


def item_from_text(plan: Plan, row: Row) -> tuple[str, dict]:
    """The item a person writes for a sentence that states a national item: the national item's
    name, the sentence as its quote; a target the value the sentence states (else a task)."""
    from ..engine.compare import _value_in_sentence
    from ..ingest.checks import in_quote

    x, p = national_item(row), given(row.passage, "sentence")
    kind = _new_kind(row)
    fields: dict = {"id": _unique_id(plan, x.id), "domain": x.domain}
    evidence = {"quote": p.text, "section": None}
    if kind == "targets" and isinstance(x, Target):
        value = _value_in_sentence(x, p.text)
        if value is None or not in_quote(value, p.text):
            kind = "tasks"
        else:
            years = re.findall(r"(20\d\d)年", p.text)
            fields |= {"indicator": x.indicator, "unit": x.unit, "baseline": None, "target": value,
                       "year": int(years[-1]) if years else x.year, "binding": None, "basis": "text"}
    if kind == "services":
        fields |= {"item": x.name, "listed": False}
    elif kind == "tasks":
        fields |= {"title": x.name, "basis": "text"}
    fields["evidence"] = {k: v for k, v in evidence.items() if v is not None}
    return kind, fields


def plain_item(item: Item) -> tuple[str, dict]:
    """An item as its plan file writes it (without `draft`): what the editor opens."""
    fields: dict = {"id": item.id, "domain": item.domain}
    if isinstance(item, Target):
        fields |= {"indicator": item.indicator, "unit": item.unit,
                   "baseline": None if item.baseline is None else {"value": item.baseline.value, "year": item.baseline.year},
                   "target": item.target, "year": item.year, "binding": item.binding, "basis": item.basis}
        if item.flags:
            fields["flags"] = list(item.flags)
        if item.restates:
            fields["restates"] = item.restates
    elif isinstance(item, Service):
        fields["item"] = item.item
        for key in ("target_group", "standard"):
            if getattr(item, key):
                fields[key] = getattr(item, key)
        if not item.listed:
            fields["listed"] = False
    elif isinstance(item, Task):
        fields |= {"title": item.title, "basis": item.basis}
        if item.commitments:
            fields["commitments"] = list(item.commitments)
    if item.notes:
        fields["notes"] = item.notes
    if item.accept:
        fields["accept"] = [{"code": a.code, "reason": a.reason} for a in item.accept]
    fields["evidence"] = {"quote": item.evidence.quote, **({"section": item.evidence.section} if item.evidence.section else {})}
    return item.kind, fields


def plain_gap(gap: SourceGap) -> dict:
    out: dict = {"id": gap.id, "section": gap.section, "description": gap.description}
    if gap.domains is not None:
        out["domains"] = list(gap.domains)
    if gap.kinds is not None:
        out["kinds"] = list(gap.kinds)
    if gap.reveals:
        out["reveals"] = [{"indicator": r.indicator, "quote": r.quote, **({"notes": r.notes} if r.notes else {})}
                          for r in gap.reveals]
    return out


# ---------------------------------------------------------------- answers

KEYS = ("y", "n", "a", "e", "s", "q")


class NeedsEdit(Exception):
    """The answer needs the person's words (an omission rejected with no candidate): open the editor."""


def still_asked(row: Row, plan: Plan, state: State, confirmed: set[str]) -> bool:
    """Would the row still be a decision once these items are confirmed (a pair of low confidence,
    an omission while other drafts remain)?"""
    import dataclasses

    def clean(i):
        return dataclasses.replace(i, draft=False) if i is not None and i.id in confirmed else i

    again = row._replace(right=clean(row.right), also=tuple(clean(i) for i in row.also))
    drafting = any(i.draft and i.id not in confirmed for i in plan.items())
    return row_decision(again, plan, state, drafting, {}) is not None


def apply(ws: Workspace, national: Plan, plan: Plan, d: Decision, key: str, state: State,
          edit: dict | None = None) -> Change:
    """The change an answer makes (not yet written: `commit()` checks and writes it)."""
    change = Change(ws, plan)
    row = d.row
    if key == "e":
        apply_edit(change, national, d, edit or {})
        return change
    if key == "a":
        items = list(dict.fromkeys([*d.drafts, *_section_drafts(plan, d.section)]))
        change.confirm(items)
        if row is not None and still_asked(row, plan, state, {i.id for i in items}):
            change.record("accepted", _accepted(row))
        return change
    if d.what == "gap":
        gap = given(d.gap, "gap")
        if key == "y":
            change.confirm(gaps=[gap])
        else:
            change.delete([gap.id])
        return change
    if d.what == "item":
        item = given(d.item, "item")
        if key == "y":
            change.confirm([item])
        else:
            change.delete([item.id])
        return change
    row = given(d.row, "row")
    x = national_item(row)
    if key == "y":
        if d.drafts:
            change.confirm(list(d.drafts))
            if still_asked(row, plan, state, {i.id for i in d.drafts}):
                change.record("accepted", _accepted(row))
        elif row.right is None and row.passage is not None:
            kind, fields = item_from_text(plan, row)
            change.put(kind, fields)
        else:
            change.record("accepted", _accepted(row))
        return change
    # n
    if row.right is not None:
        change.link("forbid", x.ref, row.right.ref, reason(ws, national, plan, x, row.right, False))
    elif row.passage is not None:
        change.record("not_stated", {"row": x.id, "line": row.passage.line})
    elif d.candidate is not None:
        change.link("pin", x.ref, d.candidate.right.ref, reason(ws, national, plan, x, d.candidate.right, True))
    else:
        raise NeedsEdit()
    return change


def _accepted(row: Row) -> dict:
    status, counterpart = verdict_of(row)
    return {"row": national_item(row).id, "status": status, **({"counterpart": counterpart} if counterpart else {})}


def _ids(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in (value if isinstance(value, list) else [value])]


EDIT_KEYS = {"targets", "services", "tasks", "source_gaps", "delete", "pin", "forbid", "reason", "vocabulary",
             "accept", "not_stated"}


def apply_edit(change: Change, national: Plan, d: Decision, edit: dict) -> None:
    """What an edited template (or an answers file's `e:`) says: items and gaps written, ids
    deleted, a pin or forbid with its reason, vocabulary, the verdict accepted."""
    unknown = set(edit) - EDIT_KEYS
    if unknown:
        raise ChangeError(f"unknown key{'s' * (len(unknown) > 1)} in the edit: {', '.join(sorted(unknown))} "
                          f"(use {', '.join(sorted(EDIT_KEYS))})")
    ws, plan = change.ws, change.plan
    row = d.row
    if edit.get("delete"):
        change.delete(_ids(edit["delete"]))
    for kind in (*KIND_ORDER, "source_gaps"):
        entries = edit.get(kind) or []
        if not isinstance(entries, list):
            raise ChangeError(f"{kind}: a list of items")
        for n, fields in enumerate(entries):
            if not isinstance(fields, dict):
                raise ChangeError(f"{kind}[{n}]: an item is a mapping (id: …, domain: …)")
            # the item (or gap) the decision is about, renamed in the editor, stays where it stood
            was = None
            own = d.item if d.item is not None and d.item.kind == kind else None
            if own is not None and len(entries) == 1 and fields.get("id") != own.id:
                was = own.id
            if d.gap is not None and kind == "source_gaps" and len(entries) == 1 and fields.get("id") != d.gap.id:
                was = d.gap.id
            change.put(kind, fields, was)
    plain = {k: v for k, v in edit.items() if k in ("pin", "forbid")}
    if plain and row is None:
        raise ChangeError("pin and forbid name a national row: answer them on a row's decision")
    for action, value in plain.items():
        x = national_item(given(row, "row"))
        for other in _ids(value):
            y = _item_after(change, other)
            why = edit.get("reason") or reason(ws, national, plan, x, y, action == "pin")
            change.link(action, x.ref, f"{plan.id}:{other}", str(why))
    for entry in edit.get("vocabulary") or ():
        change.vocabulary(*_vocabulary_entry(change, national, d, entry))
    if edit.get("accept") and row is not None:
        change.record("accepted", _accepted(row))
    if edit.get("not_stated") and row is not None and row.passage is not None:
        change.record("not_stated", {"row": national_item(row).id, "line": row.passage.line})


def _item_after(change: Change, item_id: str) -> Item:
    """An item as the change leaves the plan (a pin may name an item the same edit writes)."""
    from ..files.paths import shown_path
    from ..ingest.load import plan_from_doc
    from ..ingest.yamldoc import parse

    text = change.texts.get(change.plan.path)
    plan = change.plan
    if text is not None:
        doc, findings = parse(text, shown_path(plan.path))
        plan = plan_from_doc(plan.path, doc, findings, change.ws.folder).plan or plan
    found = plan.item(item_id)
    if found is None:
        raise ChangeError(f"{change.plan.id} has no item {item_id!r}")
    return found


def _vocabulary_entry(change: Change, national: Plan, d: Decision, entry) -> tuple[str, dict]:
    """A vocabulary entry from the editor, completed: the national item it is about, the province
    it was seen in, the national quote, and a reason made of the province's words and line."""
    if not isinstance(entry, dict):
        raise ChangeError("vocabulary: a list of entries (names: […], differs_from: […], parts: […], or term: …)")
    row = d.row
    out = dict(entry)
    out.setdefault("seen_in", [change.plan.id])
    group = "terms" if "term" in out else "commitments"
    if group == "commitments":
        if row is None:
            raise ChangeError("a commitment's vocabulary names a national row: answer it on a row's decision")
        x = national_item(row)
        out = {"item": x.id, **out}
        out.setdefault("quote", x.evidence.quote)
    if "reason" not in out:
        said = [w for k in ("names", "differs_from", "parts", "includes") for w in out.get(k) or ()]
        words = " / ".join(w if isinstance(w, str) else " … ".join(w) for w in said)
        where = ""
        if row is not None:
            y = row.right or (d.candidate.right if d.candidate is not None else None)
            if y is not None:
                where = f" ({change.plan.id} l.{_line(change.ws, change.plan, y.evidence.quote)})"
            elif row.passage is not None:
                where = f" ({change.plan.id} l.{row.passage.line})"
        kind = {"names": "another name", "differs_from": "a look-alike that is another thing",
                "parts": "its parts", "includes": "what the term includes"}
        what = ", ".join(kind[k] for k in kind if k in out)
        out["reason"] = f"{what}: {words}{where}"
    order = ("term", "item", "items", "names", "includes", "parts", "differs_from", "reason", "quote", "seen_in")
    return group, {k: out[k] for k in order if k in out} | {k: v for k, v in out.items() if k not in order}


# ---------------------------------------------------------------- the editor's template

def template(ws: Workspace, national: Plan, plan: Plan, d: Decision) -> str:
    """What `e` opens: the decision in comments, then what the plan should hold, as YAML."""
    from ..ingest.yamledit import entry_lines

    info = describe(ws, national, plan, d)
    lines = [f"# plancmp review {plan.id}: {d.key} ({WHY[d.why]})"]
    if d.row is not None:
        n = info["national"]
        lines += [f"# national  {n['file']}:{n['line']}  {n['ref']}  {n['name']}: {n['value']}", f"#   “{n['quote']}”"]
        for side in [info["right"], *info["also"], info.get("candidate")]:
            if side:
                lines += [f"# {plan.id}  {side['file']}:{side['line']}  {side['ref']}  {side['name']}: {side['value']}"
                          + ("  [draft]" if side["draft"] else ""), f"#   “{side['quote']}”"]
        if info["passage"]:
            p = info["passage"]
            lines += [f"# {plan.id}  {p['file']}:{p['line']}  (the text, no item)", f"#   “{p['text']}”"]
        lines.append(f"# verdict   {d.row.status}")
    lines += ["#",
              f"# Edit what {plan.id}'s plan should hold, save and close (an unchanged or empty file writes nothing).",
              "# Items are written as they stand here, without `draft: true` (you checked them); an id the plan",
              "# has is replaced where it stands, a new one added. As needed, also:",
              f"#   delete: [ID, …]           items (or gaps) of {plan.id} to delete"]
    if d.row is not None:
        ref = national_item(d.row).ref
        lines += [f"#   pin: ID                    the {plan.id} item that states {ref} (a one-off judgement)",
                  "#   forbid: ID                 an item that must never pair with it",
                  "#   reason: \"…\"               the pin's or forbid's reason (default: made of both quotes and lines)",
                  "#   vocabulary:                knowledge that carries to every province (data/vocab/commitments.yaml):",
                  f"#     - names: [\"…\"]          another name of {ref} as provinces write it",
                  "#     - differs_from: [\"…\"]   a look-alike that is another thing",
                  "#     - parts: [\"…\", \"…\"]     the parts of a compound commitment",
                  "#   accept: true               then accept the verdict as it stands"]
    lines.append("")
    items: list[tuple[str, dict]] = []
    if d.gap is not None:
        lines.append("source_gaps:")
        lines += entry_lines(plain_gap(d.gap), 2)
    elif d.item is not None:
        items = [plain_item(d.item)]
    elif d.row is not None:
        row = d.row
        if row.right is not None:
            items = [plain_item(i) for i in (row.right, *row.also) if i.draft] or [plain_item(row.right)]
        elif row.passage is not None:
            items = [item_from_text(plan, row)]
        else:
            x = national_item(row)
            kind, fields = plain_item(x)
            fields = {k: v for k, v in fields.items() if k not in ("accept", "notes", "restates")}
            fields["id"] = _unique_id(plan, x.id)
            fields["evidence"] = {"quote": "", "section": ""}
            if kind == "targets":
                fields["basis"] = "text"
            lines.append(f"# the item that states {x.ref}: fill in its quote (verbatim from the text) and values")
            items = [(kind, fields)]
    for kind in KIND_ORDER:
        mine = [f for k, f in items if k == kind]
        if mine:
            lines.append(f"{kind}:")
            for fields in mine:
                lines += entry_lines(fields, 2, kind)
    return "\n".join(lines) + "\n"


def read_edit(text: str, before: str) -> dict | None:
    """The edited template as data; None when it is unchanged or empty (nothing to write)."""
    from ..ingest.yamldoc import parse

    if text.strip() == before.strip() or not "".join(l for l in text.splitlines() if not l.lstrip().startswith("#")).strip():
        return None
    doc, findings = parse(text, "<edit>")
    if doc is None:
        raise ChangeError("the edit is no YAML: " + "; ".join(f.message for f in findings))
    if findings:
        raise ChangeError("; ".join(f.message for f in findings))
    if not isinstance(doc.data, dict):
        raise ChangeError("the edit is a mapping (targets: …, delete: …, pin: …)")
    return doc.data


# ---------------------------------------------------------------- a review session

def _imports() -> None:
    from ..files import output  # noqa: F401
    from ..ingest import checks, schemacheck, yamledit  # noqa: F401


def _warm(root: Path, plan_id: str) -> None:
    """In a child process: the diff of the files as they stand, computed into the cache."""
    try:
        Session(root, plan_id)
    except BaseException:   # the parent computes it again and reports what is wrong
        pass


class Session:
    """One review of one plan: the data as it stands, the decisions left, the answers written.

    An answer that only confirms (deletes `draft: true` lines, records an acceptance) moves no
    verdict: the diff in hand stays, with those items marked checked. One that may move verdicts
    (a pin, a forbid, an item written or deleted) starts computing the diff again in the
    background (`refresh`), and the next answer waits for it (`settle`) before it is applied; a
    person reading the next decision meanwhile does not wait."""

    def __init__(self, root: Path, plan_id: str):
        self.root, self.plan_id = root, plan_id
        self._pending: BaseProcess | Thread | None = None   # a refresh under way
        self._error: BaseException | None = None
        self.ws, self.diff, self.state = self._compute()
        import threading

        # what checking an answer imports (jsonschema: a second), while the person reads
        threading.Thread(target=_imports, daemon=True).start()

    def _compute(self):
        from ..core.model import KINDS
        from ..ingest.workspace import Workspace
        from .crossplan import reference_id
        from .results import diff_of

        ws = Workspace(self.root)   # a fresh one: each file is read once per workspace
        plans = ws.plans()
        if self.plan_id not in plans:
            from ..core.errors import PlanError

            raise PlanError(f"no plan {self.plan_id!r} in {ws.plans_dir}")
        ref = reference_id(plans)
        if ref == self.plan_id:
            from ..core.errors import PlanError

            raise PlanError(f"{ref} is the reference plan: review a plan compared with it")

        return ws, diff_of(ws, plans[ref], plans[self.plan_id], KINDS), read_state(ws, self.plan_id)

    @property
    def national(self) -> Plan:
        return self.diff.left

    @property
    def plan(self) -> Plan:
        return self.diff.right

    def refresh(self, wait: bool = False) -> None:
        """Compute the diff again from the files as they stand now, in the background unless
        `wait`: in a child process that leaves it in the cache (files/cache.py), so that this
        process, showing the next decision meanwhile, shares no interpreter lock with the
        engine; `settle` then reads it back (about 150 ms). Without the cache (PLANCMP_NO_CACHE)
        or fork, in a thread."""
        import os
        import threading

        from ..files import cache

        self.settle()
        self._fresh = None
        if cache.enabled() and hasattr(os, "fork") and not wait:
            import multiprocessing

            proc = multiprocessing.get_context("fork").Process(target=_warm, args=(self.root, self.plan_id), daemon=True)
            proc.start()
            self._pending = proc
            return

        def run():
            try:
                self._fresh = self._compute()
            except BaseException as exc:   # reported when the next answer settles
                self._error = exc

        self._pending = threading.Thread(target=run, daemon=True)
        self._pending.start()
        if wait:
            self.settle()

    def settle(self) -> None:
        """Wait for a refresh under way, and take its result."""
        if self._pending is None:
            return
        self._pending.join()
        self._pending = None
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        self.ws, self.diff, self.state = self._fresh or self._compute()   # a child's: from the cache

    @property
    def busy(self) -> bool:
        return self._pending is not None and self._pending.is_alive()

    def decisions(self) -> list[Decision]:
        return decisions(self.plan, self.diff, self.state)

    def describe(self, d: Decision) -> dict:
        return describe(self.ws, self.national, self.plan, d)

    def answer(self, d: Decision, key: str, edit: dict | None = None) -> tuple[list[str], list[str]]:
        """Write what the answer says; (what was done, the files written). ChangeError, NeedsEdit."""
        self.settle()
        change = apply(self.ws, self.national, self.plan, d, key, self.state, edit)
        written = change.commit()
        if change.moves:
            self.refresh()
        else:
            self._confirmed(change.confirmed, change.confirmed_gaps)
            self.state = read_state(self._fresh_ws(), self.plan_id)
        return change.said, written

    def _fresh_ws(self):
        from ..ingest.workspace import Workspace

        return Workspace(self.root)

    def _confirmed(self, ids: set[str], gaps: set[str]) -> None:
        """The diff in hand with these items and gaps checked: confirming moves no verdict."""
        import copy
        import dataclasses

        if not ids and not gaps:
            return
        pid = self.plan_id

        def clean(i):
            return dataclasses.replace(i, draft=False) if i is not None and i.plan == pid and i.id in ids else i

        plan = copy.copy(self.diff.right)
        for kind in KIND_ORDER:
            setattr(plan, kind, [clean(i) for i in getattr(plan, kind)])
        plan.source_gaps = [g._replace(draft=False) if g.id in gaps else g for g in plan.source_gaps]
        rows = [r._replace(right=clean(r.right), also=tuple(clean(i) for i in r.also)) for r in self.diff.rows]
        self.diff = Diff(self.diff.left, plan, rows, self.diff.near_misses)
        self.ws = self._fresh_ws()
