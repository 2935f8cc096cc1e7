"""`plancmp review P` as text: one decision at a time (the national item and its quote, the
province's items and quotes with file:line, the verdict, what each key writes), and the list
of the decisions left (`--list`, and what `plancmp diff A B --review` now prints). The words
are labels.yaml's `review` group: either language."""
from __future__ import annotations

from ..core.i18n import Labels
from .result import Result

KEY_ORDER = ("y", "n", "a", "e", "s", "q")


def _r(labels: Labels, key: str, **values) -> str:
    text = labels._get("review", key)
    return text.format(**values) if values else text


def _side(label: str, side: dict, labels: Labels) -> list[str]:
    draft = f" [{labels('draft_item')}]" if side.get("draft") else ""
    value = f": {side['value']}" if side.get("value") else ""
    return [f"{label:<9} {side['ref']}{draft}  {side['name']}{value}",
            f"{'':<9} {side['file']}:{side['line'] or '?'}  “{side['quote']}”"]


def answer_line(info: dict, key: str, labels: Labels) -> str:
    from ..views.review import answer_text

    code, values = info["answer_codes"][key]
    return answer_text(code, values, labels)


def decision_text(info: dict, at: int | None = None, total: int | None = None, labels: Labels | None = None,
                  keys: bool = True) -> str:
    """One decision as a person reads it before pressing a key."""
    labels = labels or Labels("en")
    counter = f"[{at}/{total}] " if at is not None else ""
    why = _r(labels, f"why_{info['why']}")
    verdict = _r(labels, "verdict")
    lines = []
    if info["what"] == "gap":
        g = info["gap"]
        lines.append(f"{counter}{info['key']} · {why}")
        lines.append(f"{_r(labels, 'gap'):<9} {g['section']}: {g['description']}")
        kinds = labels.sep.join(labels.kind(k) for k in g["kinds"]) if g["kinds"] is not None else _r(labels, "any_kind")
        domains = labels.sep.join(g["domains"]) if g["domains"] else _r(labels, "any_domain")
        lines.append(f"{'':<9} {_r(labels, 'could_hold', kinds=kinds, domains=domains)}")
        if g["unknown"]:
            rows = ", ".join(g["unknown"][:8]) + (" …" if len(g["unknown"]) > 8 else "")
            lines.append(f"{verdict:<9} {_r(labels, 'unknown_rows', n=len(g['unknown']), rows=rows)}")
    elif info["what"] == "item":
        item = info["item"]
        lines.append(f"{counter}{info['key']} · {why} · {labels.kind_one(item['kind'])} · {item['domain']}")
        lines += _side(info["plan"], item, labels)
        lines.append(f"{verdict:<9} {labels.status('added')} {_r(labels, 'no_pair')}")
    else:
        n = info["national"]
        lines.append(f"{counter}{info['key']} · {why} · {labels.kind_one(n['kind'])} · {n['domain']}")
        lines += _side(_r(labels, "national"), n, labels)
        if info["right"]:
            lines += _side(info["plan"], info["right"], labels)
        for other in info["also"]:
            lines += _side(f"  {_r(labels, 'also')}", other, labels)
        if info["passage"]:
            p = info["passage"]
            lines += [f"{info['plan']:<9} [{labels.basis('text')}] {_r(labels, 'no_item')}",
                      f"{'':<9} {p['file']}:{p['line']}  “{p['text']}”"]
        if not info["right"] and not info["passage"]:
            lines.append(f"{info['plan']:<9} {labels('none')}")
            if info.get("candidate"):
                c = info["candidate"]
                lines += _side(_r(labels, "closest"), c, labels)
                lines[-2] += "  " + _r(labels, "not_taken", score=f"{c['score']:.2f}")
        said = labels.status(info["verdict"]["status"])
        confidence = info["verdict"].get("confidence")
        conf = labels.sep + _r(labels, "with_confidence", confidence=labels.confidence(confidence)) if confidence else ""
        lines.append(f"{verdict:<9} {said}{conf}")
        notes = labels.notes(info["verdict"]["notes"])
        if notes:
            lines.append(f"{'':<9} {notes}")
    if keys:
        lines.append("")
        lines += [f"  {k}  {answer_line(info, k, labels)}" for k in KEY_ORDER if k in info["answers"]]
    return "\n".join(lines) + "\n"


def result(plan_id: str, infos: list[dict]) -> Result:
    """The decisions left (JSON: each decision as views/review.describe gives it)."""
    data = {"plan": plan_id, "decisions": infos}
    return Result(data, text=lambda view: list_text(plan_id, infos, view.labels))


def list_text(plan_id: str, infos: list[dict], labels: Labels | None = None) -> str:
    labels = labels or Labels("en")
    if not infos:
        return _r(labels, "nothing_left", plan=plan_id) + "\n"
    lines = [_r(labels, "left", n=len(infos), plan=plan_id) if len(infos) != 1 else _r(labels, "left_one", plan=plan_id)]
    for n, info in enumerate(infos, 1):
        if info["what"] == "row":
            right = info["right"]["ref"] if info["right"] else (
                f"{info['passage']['file']}:{info['passage']['line']}" if info["passage"] else "—")
            said = f"{labels.status(info['verdict']['status'])} ← {right}"
            name = info["national"]["name"]
        elif info["what"] == "item":
            said, name = info["item"]["ref"], info["item"]["name"]
        else:
            said, name = _r(labels, "rows_unknown", n=len(info["gap"]["unknown"])), info["gap"]["section"]
        lines.append(f"{n:>4}. {info['key']}  {name}{labels.colon}{said}  ({_r(labels, 'short_' + info['why'])})")
    return "\n".join(lines) + "\n"
