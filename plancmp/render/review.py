"""`plancmp diff A B --review`: the pairs a curator should look at, each with the
links.yaml lines to pin or forbid it."""
from __future__ import annotations

from ..core.i18n import Labels
from ..core.verdicts import Diff, NearMiss
from .result import Result


def result(diff: Diff, evidence: bool = False) -> Result:
    """The pairs to review (text only); JSON: each pair's refs, score and why."""
    data = {"left": diff.left.id, "right": diff.right.id,
            "pairs": [{"kind": m.kind, "left": m.left.ref, "right": m.right.ref, "score": m.score, "why": m.why,
                       "reasons": list(m.reasons)} for m in diff.near_misses]}
    return Result(data, text=lambda view: render(diff, evidence, view.labels))


def _link(action: str, miss: NearMiss) -> str:
    return f'  - {{{action}: "{miss.left.ref} = {miss.right.ref}", reason: "…"}}'


def render(diff: Diff, evidence: bool = False, labels: Labels | None = None) -> str:
    labels = labels or Labels("en")
    misses = diff.near_misses
    lines = [f"# {len(misses)} pair{'s' * (len(misses) != 1)} to review: {diff.left.id} vs {diff.right.id}",
             "# paste a line under `links:` in data/links.yaml and replace … with the reason", ""]
    for m in misses:
        lines += [f"[{m.kind} · {m.left.domain}] {labels.note(m.why)}: score {m.score:.2f}",
                  f"  {m.left.ref}  {m.left.name}",
                  f"  {m.right.ref}  {m.right.name}",
                  f"  why: {labels.notes(m.reasons)}"]
        if evidence:
            lines += [f"  “{m.left.evidence.quote}”", f"  “{m.right.evidence.quote}”"]
        lines += [_link("pin", m), _link("forbid", m), ""]
    return "\n".join(lines) + ("" if lines[-1] == "" else "\n")
