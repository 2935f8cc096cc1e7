"""`plancmp eval --from-text`: every province drafted from its text alone (plancmp new's
drafter: no links, no hand edits) into a temporary data folder that holds the curated national
plan, then scored as `plancmp eval` scores the curated data (cli/eval_cmd.py puts this and
views/evaluate.py together: draft/ and views/ stand side by side).

The labels (data/eval/pairs.yaml) name curated items; a drafted item has ids of its own. A
label is carried over by place in the text: a drafted item stands for a curated one when the
drafter's measure pairs them (draft/measure.py: the same table row, target, service or task), or
when its quote holds the curated one's (a task states everything its quote holds, as the labels'
policy reads it; a sentence inside a curated task's paragraph does not stand for the task). A labelled curated item no drafted item stands for
becomes `mentioned` at the lines of its quote: the text states it there, no drafted item holds
it. `null` (checked: not stated) and `mentioned` labels stay as they are."""
from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..ingest.workspace import Workspace

KINDS = ("targets", "services", "tasks")


@contextmanager
def drafted_folder(ws: Workspace, plan_ids: list[str]):
    """A temporary data folder: the reference plan and its text as curated, each of `plan_ids`
    drafted from its text as `plancmp new` drafts it; no links.yaml. Yields (folder, {plan id:
    {drafted id: the curated ids it stands for}})."""
    from . import draft_text
    from .emit import plan_yaml
    from .reference import load as load_reference

    plans = ws.plans()
    ref = next(p for p in plans.values() if p.level == "national")
    reference = load_reference(ws)
    with tempfile.TemporaryDirectory(prefix="plancmp-from-text-") as tmp:
        root = Path(tmp) / "data"
        (root / "plans").mkdir(parents=True)
        (root / "sources").mkdir()
        shutil.copyfile(ref.path, root / "plans" / ref.path.name)
        shutil.copyfile(ref.source, root / "sources" / ref.source.name)
        stands: dict[str, dict[str, set[str]]] = {}
        for pid in plan_ids:
            plan = plans[pid]
            text = ws.folder.read_text(plan.source)
            draft = draft_text(text, reference)
            (root / "sources" / f"{pid}.txt").write_text(text, encoding="utf-8")
            (root / "plans" / f"{pid}.yaml").write_text(
                plan_yaml(pid, plan.name, plan.level, plan.region, plan.period, list(plan.aliases or ()),
                          f"../sources/{pid}.txt", draft), encoding="utf-8")
            stands[pid] = standing_for(plan, draft, text, ws)
        yield root, stands


def standing_for(curated, draft, text: str, ws=None) -> dict[str, set[str]]:
    """{drafted id: the curated ids it stands for}: paired by the drafter's measure, or its quote
    holding the curated one's."""
    from ..ingest.yamldoc import load
    from .measure import _Lines, score

    doc, _ = load(curated.path, None, ws.folder if ws is not None else None)
    assert doc is not None, "the curated plan was read already"
    paired = score(curated.id, draft, doc.data, text).pairs
    lines = _Lines(text)
    mine = [(i["id"], lines.span(i["evidence"]["quote"])) for k in KINDS for i in getattr(draft, k)]
    theirs = [(i.id, lines.span(i.evidence.quote)) for i in curated.items()]
    out: dict[str, set[str]] = {}
    for did, d in mine:
        found = {paired[did]} if did in paired else set()
        for cid, c in theirs:
            if d and c and d.start <= c.start and c.stop <= d.stop:
                found.add(cid)
        if found:
            out[did] = found
    return out


def carried_labels(pairings: list[dict], stands: dict[str, dict[str, set[str]]], ws: Workspace) -> list[dict]:
    """The labels with each curated id replaced by the drafted items that stand for it; a
    curated item none stands for becomes `mentioned` at its quote's lines."""
    from .measure import _Lines

    plans = ws.plans()
    out = []
    for pairing in pairings:
        pid = pairing["right"]
        if pid not in stands:
            continue
        plan = plans[pid]
        lines = _Lines(ws.folder.read_text(plan.source))
        by_curated: dict[str, list[str]] = {}
        for did, cids in sorted(stands[pid].items()):
            for cid in cids:
                by_curated.setdefault(cid, []).append(did)
        carried = {"left": pairing["left"], "right": pid}
        for kind in KINDS:
            labels = {}
            for left_id, value in (pairing.get(kind) or {}).items():
                ids = [value] if isinstance(value, str) else value if isinstance(value, list) else None
                if ids is None:
                    labels[left_id] = value
                    continue
                drafted = list(dict.fromkeys(d for cid in ids for d in by_curated.get(cid, ())))
                if drafted:
                    labels[left_id] = drafted
                else:
                    at = sorted({n for cid in ids if (held := plan.item(cid)) is not None
                                 for n in lines.of(held.evidence.quote)})
                    labels[left_id] = {"mentioned": at} if at else None
            carried[kind] = labels
        out.append(carried)
    return out
