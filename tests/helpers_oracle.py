"""A person who knows the answers: `plancmp review --answers` driven by the shipped data (the
curated plans, data/links.yaml, data/eval/pairs.yaml) as the oracle, on a province drafted from
its text (helpers_drafts.py). Round after round it lists the decisions left (`review --list
--format json`), answers each as the curated data says, and counts what it typed:

- a confirmation (`y`): the draft (or the engine) got it right: the row's status and
  counterpart are the shipped ones, a draft item stands for a curated item, a drafted gap is
  one the curated plan records. Costs no correction.
- a correction (`n`, `e`): a pair forbidden, an item written or edited to the curated one's
  fields (with the pin the shipped links hold for it), a gap deleted; on the rows' decisions.
- a clean-up (`n` on a draft item no row uses and no curated item stands for): deleted.

A drafted item stands for a curated one when the drafter's measure pairs them (the same table
row, target, service, task) or, of the same kind, its quote holds the curated one's."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import yaml
from typer.testing import CliRunner

from plancmp.cli import app
from plancmp.core.model import KINDS
from plancmp.draft.measure import _Lines, score
from plancmp.engine.compare import diff
from plancmp.ingest.workspace import Workspace
from plancmp.views.review import plain_gap, plain_item

from conftest import DATA, read_yaml


def shipped(province: str) -> tuple[dict[str, tuple[str, str | None]], dict[str, set[str]]]:
    """({national id: (status, counterpart id)}, {national id: the ids of its further items}) of
    `plancmp diff national P` on the shipped data."""
    ws = Workspace(DATA)
    plans = ws.plans()
    rows = [r for r in diff(plans["national"], plans[province], ws.links(), KINDS, ws).rows if r.left is not None]
    return ({r.left.id: (r.status, r.right.id if r.right is not None else None) for r in rows},
            {r.left.id: {i.id for i in r.also} for r in rows})


class Oracle:
    def __init__(self, data: Path, province: str):
        self.data, self.province = data, province
        self.ws = Workspace(DATA)
        self.curated = self.ws.plans()[province]
        self.curated_doc = read_yaml(DATA / "plans" / f"{province}.yaml")
        self.want, self.want_also = shipped(province)
        self.pins = {(link.left.split(":")[1], link.right.split(":")[1]) for link in self.ws.links().links
                     if link.action == "pin" and link.right.startswith(f"{province}:")}
        self.text = (DATA / "sources" / f"{province}.txt").read_text(encoding="utf-8")
        self.lines = _Lines(self.text)
        self.typed: Counter = Counter()
        self.given: set[tuple[str, str]] = set()
        self.log: list[tuple[str, str]] = []   # (decision key, confirm | correct | cleanup), as answered

    # ------------------------------------------------------------ who stands for whom

    def stands(self) -> dict[str, set[str]]:
        """{id of an item of the plan as it stands now: the curated ids it stands for}."""
        doc = read_yaml(self.data / "plans" / f"{self.province}.yaml")
        now = SimpleNamespace(**{k: list(doc.get(k) or ()) for k in KINDS})
        paired = score(self.province, now, self.curated_doc, self.text).pairs
        curated = [(i.id, i.kind, self.lines.span(i.evidence.quote)) for i in self.curated.items()]
        out = {}
        for kind in KINDS:
            for item in getattr(now, kind):
                found = {paired[item["id"]]} if item["id"] in paired else set()
                if self.curated.item(item["id"]) is not None:
                    found.add(item["id"])   # written by the oracle: the curated item itself
                d = self.lines.span(item["evidence"]["quote"])
                found |= {cid for cid, ckind, c in curated if ckind == kind and d and c and d.start <= c.start and c.stop <= d.stop}
                out[item["id"]] = found
        return out

    def same(self, mine: str | None, theirs: str | None, stands) -> bool:
        return mine == theirs or (mine is not None and theirs is not None and theirs in stands.get(mine, ()))

    # ------------------------------------------------------------ answers

    def curated_fields(self, cid: str, as_id: str | None = None) -> tuple[str, dict]:
        kind, fields = plain_item(self.curated.item(cid))
        fields.pop("restates", None)   # it names a curated id the plan may not hold
        if as_id:
            fields["id"] = as_id
        return kind, fields

    def answer(self, d: dict, stands, plan_ids: set[str]):
        """(the answer, what it is: confirm | correct | cleanup | skip)."""
        if d["what"] == "gap":
            kept = {g["id"]: g for g in self.curated_doc.get("source_gaps") or ()}
            gap = kept.get(d["gap"]["id"])
            if gap is None:
                return "n", "correct"
            if all(d["gap"][k] == gap.get(k) for k in ("domains", "kinds")):
                return "y", "confirm"
            return {"e": {"source_gaps": [gap]}}, "correct"   # what it could hold, as the curated plan says
        if d["what"] == "item":
            return ("y", "confirm") if stands.get(d["item"]["id"]) else ("n", "cleanup")
        x = d["national"]["id"]
        status, cid = self.want[x]
        right = d["right"]["id"] if d["right"] else None
        if d["verdict"]["status"] == status and self.same(right, cid, stands):
            if right is None and d["passage"] is not None:
                return "s", "skip"   # the shipped data has the same debt: the text states it, no item holds it
            return "y", "confirm"
        if cid is None:   # the shipped row has no counterpart
            if right is not None:
                return "n", "correct"
            return ("n", "correct") if d["passage"] is not None else ("s", "skip")
        standing = [i for i in sorted(plan_ids) if cid in stands.get(i, ()) and i != right]
        edit: dict = {}
        if self.same(right, cid, stands):   # the counterpart is right, the status is not
            kind, fields = self.curated_fields(cid, right)
            edit[kind] = [fields]   # its values as the curated item has them
            shipped_too = {cid, *self.want_also.get(x, ())}
            for other in d["also"]:   # a further item the shipped row does not have
                if not stands.get(other["id"], set()) & shipped_too:
                    edit.setdefault("delete" if not stands.get(other["id"]) else "forbid", []).append(other["id"])
            return {"e": edit}, "correct"
        if right is not None:   # the engine paired another item: forbidden, or deleted when it is nothing curated
            edit["delete" if not stands.get(right) else "forbid"] = [right]
        at = standing[0] if standing else None
        kind, fields = self.curated_fields(cid, at)
        edit[kind] = [fields]
        # a pin where the engine paired another item, or left the one that stands for it (or the
        # shipped links pin it): a person's one-off
        if right is not None or at is not None or (x, cid) in self.pins:
            edit["pin"] = fields["id"]
        return {"e": edit}, "correct"

    def round(self, runner: CliRunner) -> int:
        """One pass over the decisions left; the answers given."""
        env = {"PLANCMP_DATA": str(self.data)}
        listed = runner.invoke(app, ["review", self.province, "--list", "--format", "json"], env=env)
        assert listed.exit_code == 0, listed.output
        decisions = json.loads(listed.stdout)["decisions"]
        stands = self.stands()
        ids = set(stands)
        answers, kinds = {}, {}
        moving = False
        for d in decisions:
            key, what = self.answer(d, stands, ids)
            if what == "skip":
                continue
            said = (d["key"], json.dumps(key, sort_keys=True, ensure_ascii=False))
            if what != "confirm" and said in self.given:
                continue   # the same correction, written once already, did not settle it: not repeated
            if what != "confirm":
                moving = True
            answers[d["key"]], kinds[d["key"]] = key, what
        if moving:   # corrections first: confirmations wait for the verdicts they move
            answers = {k: v for k, v in answers.items() if kinds[k] != "confirm"}
        if not answers:
            return 0
        path = self.data.parent / "answers.yaml"
        path.write_text(yaml.safe_dump({"answers": answers}, allow_unicode=True, sort_keys=False), encoding="utf-8")
        result = runner.invoke(app, ["review", self.province, "--answers", str(path)], env=env)
        done = 0
        for line in result.stdout.splitlines():
            key, _, rest = line.partition(": ")
            if key in kinds and rest[:1] in "yne":
                self.given.add((key, json.dumps(answers[key], sort_keys=True, ensure_ascii=False)))
                self.typed[kinds[key]] += 1
                self.log.append((key, kinds[key]))
                done += 1
        return done

    def run(self, rounds: int = 15) -> Counter:
        runner = CliRunner()
        for _ in range(rounds):
            if not self.round(runner):
                break
        return self.typed

    def verdicts(self) -> dict[str, tuple[str, str | None]]:
        ws = Workspace(self.data)
        plans = ws.plans()
        rows = diff(plans["national"], plans[self.province], ws.links(), KINDS, ws).rows
        return {r.left.id: (r.status, r.right.id if r.right is not None else None) for r in rows if r.left is not None}

    def wrong(self) -> list[str]:
        """The national rows whose status or counterpart differs from the shipped one."""
        stands = self.stands()
        got = self.verdicts()
        return [f"{x}: {got.get(x)} want {want}" for x, want in self.want.items()
                if x not in got or got[x][0] != want[0] or not self.same(got[x][1], want[1], stands)]


def plain_gap_of(doc_gap) -> dict:   # kept for answers that rewrite a gap
    return plain_gap(doc_gap)
