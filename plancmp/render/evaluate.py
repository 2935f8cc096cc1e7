"""`plancmp eval` as text: the scores as shipped and of the engine alone, then every wrong
claim, miss and stale label (views/evaluate.py computes them)."""
from __future__ import annotations

import re
from dataclasses import asdict

from rich.cells import cell_len

from ..core.i18n import Labels
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
    return Result(data, text=lambda view: report(shipped, engine, held, from_text, view.labels))


def scores_data(scores: dict[str, Score]) -> dict:
    """Each kind's score and their total: counts, precision, recall and F1, the wrong claims and misses."""
    return {s.kind: {**asdict(s), "precision": round(s.precision, 4), "recall": round(s.recall, 4),
                     "f1": round(s.f1, 4)} for s in [*scores.values(), total(scores)]}


def _pad(text: str, width: int, right: bool = False) -> str:
    """`text` padded to `width` terminal cells (a Chinese character takes two)."""
    space = " " * max(0, width - cell_len(text))
    return space + text if right else text + space


_REF = re.compile(r"^([a-z0-9-]+):(\S+) ~ ([a-z0-9-]+)$")   # national:ID ~ province (views/evaluate.py)


def _ref(labels: Labels, ref: str) -> str:
    """A labelled row as the reader names the plans (全国:ID ~ 辽宁省 under zh; ids stay)."""
    m = _REF.match(ref)
    return f"{labels.plan(m[1])}:{m[2]} ~ {labels.plan(m[3])}" if m else ref


def _e(labels: Labels, key: str, **values: object) -> str:
    text = labels._get("eval", key)
    return text.format(**values) if values else text


def _table(title: str, scores: dict[str, Score], labels: Labels, omissions: bool = True) -> list[str]:
    heads = [(_e(labels, "kind"), 9, False), (_e(labels, "precision"), 9, True), (_e(labels, "recall"), 7, True),
             ("F1", 6, True), ("TP", 4, True), ("FP", 4, True), ("FN", 4, True), (_e(labels, "also_ok"), 8, True),
             (_e(labels, "shown"), 6, True), (_e(labels, "omitted_ok"), 11, True)]
    widths = [max(w, cell_len(h)) for h, w, _ in heads]

    def line(cells: list[str]) -> str:
        return " ".join(_pad(c, w, right) for c, w, (_, _, right) in zip(cells, widths, heads, strict=True)).rstrip()

    lines = [title, line([h for h, _, _ in heads])]
    every = total(scores)
    for s in [*scores.values(), every]:
        kind = _e(labels, "all") if s is every else labels._get("kind", s.kind)
        lines.append(line([kind, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp), str(len(s.fp)),
                           str(len(s.fn)), f"{s.also_right}/{s.also_all}", f"{s.edges_shown}/{s.edges_all}",
                           f"{s.omitted_absent}/{s.omitted}"]))
    if omissions:
        lines.append(_e(labels, "omission_precision", p=f"{omission_precision(scores):.3f}",
                        n=every.omitted_absent, m=every.omitted))
    return lines


def report(shipped: dict[str, Score], engine: dict[str, Score], held: dict[str, Score] | None = None,
           from_text: dict[str, Score] | None = None, labels: Labels | None = None) -> str:
    """The shipped scores with their errors listed; the engine alone and held out as summaries
    (held out: with its errors too)."""
    labels = labels or Labels("en")
    lines = _table(_e(labels, "shipped"), shipped, labels)
    lines += [""] + _table(_e(labels, "engine"), engine, labels, omissions=False) + [""]
    if held is not None:
        lines += _table(_e(labels, "holdout"), held, labels) + [""]
    if from_text is not None:
        also = _e(labels, "from_text_held") if held is not None else ""
        lines += _table(_e(labels, "from_text", held=also), from_text, labels) + [""]
    def errors(scores: dict[str, Score], wrong: str, missed: str, stale: bool = False) -> None:
        width = max(16, *(cell_len(_e(labels, k)) + 1 for k in (wrong, missed)))
        for kind, s in scores.items():
            name = _pad(labels._get("kind", kind), 8)
            for ref, said in s.fp:
                lines.append(f"{_pad(_e(labels, wrong), width)}{name} {_e(labels, 'row_says', ref=_ref(labels, ref), said=said)}")
            for ref, wanted in s.fn:
                lines.append(f"{_pad(_e(labels, missed), width)}{name} {_e(labels, 'label_says', ref=_ref(labels, ref), wanted=wanted)}")
            for ref in sorted(set(s.unknown_labels)) if stale else ():
                lines.append(f"{_pad(_e(labels, 'stale'), width)}{name} {_e(labels, 'not_an_item', ref=_ref(labels, ref))}")

    errors(shipped, "wrong", "missed", stale=True)
    errors(held or {}, "holdout_wrong", "holdout_missed")
    errors(from_text or {}, "from_text_wrong", "from_text_missed")
    return "\n".join(lines) + "\n"
