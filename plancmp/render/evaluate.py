"""`plancmp eval` as text: the scores as shipped and of the engine alone, then every wrong
claim, miss and stale label (views/evaluate.py computes them)."""
from __future__ import annotations

from dataclasses import asdict

from ..views.evaluate import Score, omission_precision, total
from .result import Result


def result(shipped: dict[str, Score], engine: dict[str, Score], held: dict[str, Score] | None = None,
           from_text: dict[str, Score] | None = None) -> Result:
    """`plancmp eval`: the scores as text (report), or as data (JSON); `from_text`: the provinces
    drafted from their texts alone (draft/fromtext.py)."""
    data = {"shipped": scores_data(shipped), "engine": scores_data(engine),
            "omission_precision": round(omission_precision(shipped), 4)}
    if held is not None:
        data["holdout"] = scores_data(held)
    if from_text is not None:
        data["from_text"] = scores_data(from_text)
        data["from_text_omission_precision"] = round(omission_precision(from_text), 4)
    return Result(data, text=lambda view: report(shipped, engine, held, from_text))


def scores_data(scores: dict[str, Score]) -> dict:
    """Each kind's score and their total: counts, precision, recall and F1, the wrong claims and misses."""
    return {s.kind: {**asdict(s), "precision": round(s.precision, 4), "recall": round(s.recall, 4),
                     "f1": round(s.f1, 4)} for s in [*scores.values(), total(scores)]}


def _table(title: str, scores: dict[str, Score], omissions: bool = True) -> list[str]:
    lines = [title,
             f"{'kind':<9} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4} "
             f"{'also ok':>8} {'shown':>6} {'omitted ok':>11}"]
    every = total(scores)
    for s in [*scores.values(), every]:
        also = f"{s.also_right}/{s.also_all}"
        shown = f"{s.edges_shown}/{s.edges_all}"
        omitted = f"{s.omitted_absent}/{s.omitted}"
        lines.append(f"{s.kind:<9} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.tp:>4} {len(s.fp):>4} "
                     f"{len(s.fn):>4} {also:>8} {shown:>6} {omitted:>11}")
    if omissions:
        lines.append(f"omission precision {omission_precision(scores):.3f} "
                     f"({every.omitted_absent} of {every.omitted} omitted rows confirmed absent)")
    return lines


def report(shipped: dict[str, Score], engine: dict[str, Score], held: dict[str, Score] | None = None,
           from_text: dict[str, Score] | None = None) -> str:
    """The shipped scores with their errors listed; the engine alone and held out as summaries
    (held out: with its errors too)."""
    lines = _table("as shipped (engine + data/links.yaml):", shipped)
    lines += [""] + _table("engine alone (no links):", engine, omissions=False) + [""]
    if held is not None:
        lines += _table("hold-out (each province without its pins and the vocabulary seen only in it):", held) + [""]
    if from_text is not None:
        lines += _table("from the texts alone (each province drafted by plancmp new; no links, no hand edits"
                        + ("; the vocabulary seen only in it held out" if held is not None else "") + "):",
                        from_text) + [""]
    for kind, s in shipped.items():
        for ref, said in s.fp:
            lines.append(f"wrong claim     {kind:<8} {ref}: the row says {said}")
        for ref, wanted in s.fn:
            lines.append(f"missed          {kind:<8} {ref}: the label says {wanted}")
        for ref in sorted(set(s.unknown_labels)):
            lines.append(f"stale label     {kind:<8} {ref} is not an item any more")
    for kind, s in (held or {}).items():
        for ref, said in s.fp:
            lines.append(f"hold-out wrong  {kind:<8} {ref}: the row says {said}")
        for ref, wanted in s.fn:
            lines.append(f"hold-out missed {kind:<8} {ref}: the label says {wanted}")
    for kind, s in (from_text or {}).items():
        for ref, said in s.fp:
            lines.append(f"from-text wrong  {kind:<8} {ref}: the row says {said}")
        for ref, wanted in s.fn:
            lines.append(f"from-text missed {kind:<8} {ref}: the label says {wanted}")
    return "\n".join(lines) + "\n"
