"""How right are the verdicts? Every national item against every province, labelled by
reading both texts (data/eval/pairs.yaml), compared with what `plancmp diff` says.

A label says, for one item of the reference plan:
  an id, or a list of ids    the items of the other plan that state it (any kind; the
                             first is the closest); the row is right when its counterpart
                             is one of them
  {mentioned: [lines]}       the other plan's text states it there, but no curated item does
  null                       checked: the other plan's (surviving) text does not state it

Per kind: precision and recall of the rows' claims (a counterpart or a mention), the
share of the rows' further counterparts (`also`) that the labels confirm, and the share
of the labelled counterparts the rows show at all. The precision of `omitted` is the
share of omitted rows whose item the labels confirm absent: the claim a reader is most
likely to publish. Scored three ways: the diff as shipped (with data/links.yaml); the
engine alone (no links); and held out: each province without its pins and without every
entry of vocab/commitments.yaml whose `seen_in` is only that province, so that knowledge
written to fix one province counts for nothing there (what a fourth province would get).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import PlanError
from ..core.model import KINDS
from ..core.verdicts import Row

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace


@dataclass
class Score:
    kind: str
    tp: int = 0
    fp: list[tuple[str, str]] = field(default_factory=list)   # (left ref, what the row claims)
    fn: list[tuple[str, str]] = field(default_factory=list)   # (left ref, what the label says)
    also_right: int = 0
    also_all: int = 0
    edges_shown: int = 0
    edges_all: int = 0
    omitted: int = 0
    omitted_absent: int = 0
    wrong_omissions: list[tuple[str, str]] = field(default_factory=list)
    unknown_labels: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        n = self.tp + len(self.fp)
        return self.tp / n if n else 1.0

    @property
    def recall(self) -> float:
        n = self.tp + len(self.fn)
        return self.tp / n if n else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        for name in ("tp", "also_right", "also_all", "edges_shown", "edges_all", "omitted", "omitted_absent"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.fp += other.fp
        self.fn += other.fn
        self.wrong_omissions += other.wrong_omissions


def read_labels(path: Path, folder=None) -> list[dict]:
    """The `pairings:` of a labels file, read as plan files are (bounded, no anchors or tags;
    by the rule of its data folder `folder` when it is one's, data/eval/pairs.yaml) and checked
    against its JSON Schema (schema.labels_schema); PlanError otherwise."""
    from ..files.paths import shown_path
    from ..ingest import schema, schemacheck
    from ..ingest.yamldoc import load

    doc, findings = load(path, shown_path(path), folder)
    if doc is not None:
        findings = findings + schemacheck.check(doc, schema.labels_schema())
    if doc is None or findings:
        raise PlanError(f"{shown_path(path)} is no labels file (a mapping with a `pairings:` list; "
                        "data/eval/pairs.yaml shows the form)", findings)
    return doc.data["pairings"]


class Label:
    """One label, read: the ids that state the item, or the lines that mention it, or neither."""

    def __init__(self, value: object) -> None:
        self.ids: list[str] = []
        self.lines: list[int] = []
        if isinstance(value, str):
            self.ids = [value]
        elif isinstance(value, list):
            self.ids = [str(v) for v in value]
        elif isinstance(value, dict) and "mentioned" in value:
            self.lines = [int(n) for n in value["mentioned"]]

    @property
    def absent(self) -> bool:
        return not self.ids and not self.lines

    def __str__(self) -> str:
        if self.ids:
            return " | ".join(self.ids)
        if self.lines:
            return "mentioned at line " + ", ".join(map(str, self.lines))
        return "absent"


def claim(row: Row) -> str:
    if row.right is not None:
        return row.right.id
    if row.right is None and row.passage is not None:
        return f"{row.status} from the text at line {row.passage.line}"
    return row.status


def score_row(s: Score, row: Row, label: Label, ref: str) -> None:
    shown = [i.id for i in (row.right, *row.also) if i is not None]
    if label.ids:
        s.edges_all += len(label.ids)
        s.edges_shown += sum(i in shown for i in label.ids)
        s.also_all += len(row.also)
        # a restatement of a labelled item states the same indicator by its own link (restates:)
        s.also_right += sum(i.id in label.ids or i.restates in label.ids for i in row.also)
    if row.status == "omitted":
        s.omitted += 1
        if label.absent:
            s.omitted_absent += 1
        else:
            s.wrong_omissions.append((ref, str(label)))
    said_id = row.right.id if row.right is not None else None
    said_mention = row.right is None and row.passage is not None   # the text states it (basis: text)
    right = (said_id is not None and said_id in label.ids) or (said_mention and bool(label.lines))
    if right:
        s.tp += 1
        return
    if said_id is not None or said_mention:
        s.fp.append((ref, claim(row)))
    if not label.absent:
        s.fn.append((ref, str(label)))


def without_pins_of(links, plan_id: str):
    """The links less every pin that names `plan_id` (its forbids stay: they say what differs)."""
    from ..ingest.links import Links

    if links is None:
        return None
    return Links([l for l in links.links if not (l.action == "pin" and plan_id in l.plans)])


def evaluate(ws: Workspace, labels: list[dict], links=None, holdout: bool = False) -> dict[str, Score]:
    """The scores per kind of the diffs of the workspace's plans the labels pair, with `links`
    (None: the engine alone); `holdout`: each province scored without its pins and the
    vocabulary entries seen only in it."""
    from ..engine import knowledge
    from ..engine.compare import diff
    from .results import diff_of

    plans = ws.plans()
    scores = {k: Score(k) for k in KINDS}
    for pairing in labels:
        a, b = plans[pairing["left"]], plans[pairing["right"]]
        if holdout:
            rows = diff(a, b, without_pins_of(links, b.id), KINDS, ws, know=knowledge.of_workspace(ws, b.id)).rows
        elif links is not None and links is ws.links_file():   # as shipped: the diff every command shares (cached)
            rows = diff_of(ws, a, b, KINDS).rows
        else:
            rows = diff(a, b, links, KINDS, ws).rows
        by_left = {r.left.id: r for r in rows if r.left is not None}
        for kind in KINDS:
            s = scores[kind]
            for left_id, value in (pairing.get(kind) or {}).items():
                label = Label(value)
                for ref, plan in [(left_id, a)] + [(i, b) for i in label.ids]:
                    if plan.item(ref) is None:
                        s.unknown_labels.append(f"{plan.id}:{ref}")
                row = by_left.get(left_id)
                if row is not None:
                    score_row(s, row, label, f"{a.id}:{left_id} ~ {b.id}")
    return scores


def total(scores: dict[str, Score]) -> Score:
    """The scores of every kind added up."""
    every = Score("all")
    for s in scores.values():
        every.add(s)
    return every


def omission_precision(scores: dict[str, Score]) -> float:
    every = total(scores)
    return every.omitted_absent / every.omitted if every.omitted else 1.0
