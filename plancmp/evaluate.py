"""How good is the automatic alignment? Precision, recall and F1 per kind against the
hand-labelled pairs of data/eval/pairs.yaml, before links.yaml is applied.

Only labelled left items count (the labels say which were checked): a predicted pair
whose left item was not checked is outside the scope.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .align import align
from .model import KINDS, Plan


@dataclass
class Score:
    kind: str
    tp: int = 0
    fp: list[tuple[str, str, str]] = field(default_factory=list)   # (pairing, left ref, right ref)
    fn: list[tuple[str, str, str]] = field(default_factory=list)   # (pairing, left ref, wanted)
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


def read_labels(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)["pairings"]


def _wanted(value) -> set[str]:
    if value is None:
        return set()
    return {value} if isinstance(value, str) else set(value)


def evaluate(plans: dict[str, Plan], labels: list[dict]) -> dict[str, Score]:
    scores = {k: Score(k) for k in KINDS}
    for pairing in labels:
        a, b = plans[pairing["left"]], plans[pairing["right"]]
        name = f"{a.id}-{b.id}"
        predicted = {p.left.id: p.right.id for p in align(a, b, links=None).pairs if p.left and p.right}
        for kind in KINDS:
            s = scores[kind]
            truth = pairing.get(kind) or {}
            for left_id, value in truth.items():
                wanted = _wanted(value)
                for ref, plan in [(left_id, a)] + [(w, b) for w in wanted]:
                    if plan.item(ref) is None:
                        s.unknown_labels.append(f"{plan.id}:{ref}")
                got = predicted.get(left_id)
                if got is not None and got in wanted:
                    s.tp += 1
                    continue
                if got is not None:
                    s.fp.append((name, f"{a.id}:{left_id}", f"{b.id}:{got}"))
                if wanted:
                    s.fn.append((name, f"{a.id}:{left_id}", " | ".join(sorted(wanted))))
    return scores


def report(scores: dict[str, Score], plans: dict[str, Plan]) -> str:
    def name(ref: str) -> str:
        plan_id, _, item_id = ref.partition(":")
        item = plans[plan_id].item(item_id.split(" | ")[0]) if plan_id in plans else None
        return f"{ref} ({item.name})" if item else ref

    lines = [f"{'kind':<9} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]
    total = Score("all")
    for kind, s in scores.items():
        lines.append(f"{kind:<9} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.tp:>4} {len(s.fp):>4} {len(s.fn):>4}")
        total.tp += s.tp
        total.fp += s.fp
        total.fn += s.fn
    lines.append(f"{'all':<9} {total.precision:>9.3f} {total.recall:>7.3f} {total.f1:>6.3f} {total.tp:>4} {len(total.fp):>4} {len(total.fn):>4}")
    for kind, s in scores.items():
        for pairing, left, right in s.fp:
            lines.append(f"false positive  {kind:<8} {name(left)} = {name(right)}")
        for pairing, left, wanted in s.fn:
            plan_b = pairing.split("-")[-1]
            lines.append(f"false negative  {kind:<8} {name(left)} should pair {plan_b}:{wanted}")
        for ref in sorted(set(s.unknown_labels)):
            lines.append(f"stale label     {kind:<8} {ref} is not an item any more")
    return "\n".join(lines) + "\n"
