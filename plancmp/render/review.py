"""`plancmp review P` as text: one decision at a time (the national item and its quote, the
province's items and quotes with file:line, the verdict, what each key writes), and the list
of the decisions left (`--list`, and what `plancmp diff A B --review` now prints)."""
from __future__ import annotations

from ..core.i18n import Labels
from .result import Result

KEY_ORDER = ("y", "n", "a", "e", "s", "q")
SHORT = {"draft-gap": "drafted gap", "draft": "rests on a draft", "text": "the text alone", "mentioned": "mentioned",
         "moved": "moved since accepted", "omission": "omission, drafts left", "low-confidence": "low confidence",
         "draft-item": "draft item, no row"}


def _side(label: str, side: dict, labels: Labels) -> list[str]:
    draft = f" [{labels('draft_item')}]" if side.get("draft") else ""
    value = f": {side['value']}" if side.get("value") else ""
    return [f"{label:<9} {side['ref']}{draft}  {side['name']}{value}",
            f"{'':<9} {side['file']}:{side['line'] or '?'}  “{side['quote']}”"]


def decision_text(info: dict, at: int | None = None, total: int | None = None, labels: Labels | None = None,
                  keys: bool = True) -> str:
    """One decision as a person reads it before pressing a key."""
    from ..views.review import WHY

    labels = labels or Labels("en")
    counter = f"[{at}/{total}] " if at is not None else ""
    lines = []
    if info["what"] == "gap":
        g = info["gap"]
        lines.append(f"{counter}{info['key']} · {WHY[info['why']]}")
        lines.append(f"gap       {g['section']}: {g['description']}")
        held = ", ".join(g["kinds"]) if g["kinds"] is not None else "any kind"
        lines.append(f"{'':<9} could hold: {held} of {', '.join(g['domains']) if g['domains'] else 'any domain'}")
        if g["unknown"]:
            lines.append(f"verdict   makes {len(g['unknown'])} national rows unknown rather than omitted: "
                         + ", ".join(g["unknown"][:8]) + (" …" if len(g["unknown"]) > 8 else ""))
    elif info["what"] == "item":
        item = info["item"]
        lines.append(f"{counter}{info['key']} · {WHY[info['why']]} · {labels.kind_one(item['kind'])} · {item['domain']}")
        lines += _side(info["plan"], item, labels)
        lines.append(f"verdict   {labels.status('added')} (no national item pairs with it)")
    else:
        n = info["national"]
        verdict = info["verdict"]
        lines.append(f"{counter}{info['key']} · {WHY[info['why']]} · {labels.kind_one(n['kind'])} · {n['domain']}")
        lines += _side("national", n, labels)
        if info["right"]:
            lines += _side(info["plan"], info["right"], labels)
        for other in info["also"]:
            lines += _side("  + also", other, labels)
        if info["passage"]:
            p = info["passage"]
            lines += [f"{info['plan']:<9} [{labels.basis('text')}] no item holds it",
                      f"{'':<9} {p['file']}:{p['line']}  “{p['text']}”"]
        if not info["right"] and not info["passage"]:
            lines.append(f"{info['plan']:<9} {labels('none')}")
            if info.get("candidate"):
                c = info["candidate"]
                lines += _side("closest", c, labels)
                lines[-2] += f"  (score {c['score']:.2f}, not taken)"
        said = labels.status(verdict["status"])
        conf = f", {labels.confidence(verdict['confidence'])} confidence" if verdict.get("confidence") else ""
        lines.append(f"verdict   {said}{conf}")
        notes = labels.notes(verdict["notes"])
        if notes:
            lines.append(f"{'':<9} {notes}")
    if keys:
        lines.append("")
        lines += [f"  {k}  {info['answers'][k]}" for k in KEY_ORDER if k in info["answers"]]
    return "\n".join(lines) + "\n"


def result(plan_id: str, infos: list[dict], total_items: tuple[int, int] | None = None) -> Result:
    """The decisions left (JSON: each decision as views/review.describe gives it)."""
    data = {"plan": plan_id, "decisions": infos}
    return Result(data, text=lambda view: list_text(plan_id, infos, view.labels))


def list_text(plan_id: str, infos: list[dict], labels: Labels | None = None) -> str:
    labels = labels or Labels("en")
    if not infos:
        return f"{plan_id}: nothing left to review\n"
    lines = [f"{len(infos)} decision{'s' * (len(infos) != 1)} left to finish {plan_id}, most consequential first "
             f"(plancmp review {plan_id} asks them one by one):"]
    for n, info in enumerate(infos, 1):
        if info["what"] == "row":
            right = info["right"]["ref"] if info["right"] else (
                f"{info['passage']['file']}:{info['passage']['line']}" if info["passage"] else "—")
            said = f"{labels.status(info['verdict']['status'])} ← {right}"
            name = info["national"]["name"]
        elif info["what"] == "item":
            said, name = info["item"]["ref"], info["item"]["name"]
        else:
            said, name = f"{len(info['gap']['unknown'])} rows unknown", info["gap"]["section"]
        lines.append(f"{n:>4}. {info['key']}  {name}: {said}  ({SHORT[info['why']]})")
    return "\n".join(lines) + "\n"
