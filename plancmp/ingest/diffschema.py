"""JSON Schema of `plancmp diff --format json` (published as plancmp/schemas/diff.schema.json)."""
from __future__ import annotations

from typing import Any

from ..core.model import KINDS, LEVELS
from ..core.verdicts import REASONS, STATUSES
from ..core.vocab import domain_names

_str = {"type": "string"}
_opt = {"type": ["string", "null"]}


def _note(about: str) -> dict[str, Any]:
    """A note or reason: its code (vocab/notes.yaml), its values and the words they make."""
    from ..core.notes import catalogue

    return {"type": "object", "additionalProperties": False, "required": ["code", "values", "text"],
            "description": about,
            "properties": {"code": {"enum": sorted(catalogue()["notes"]), "description": "stable: what scripts key on"},
                           "values": {"type": "object", "description": "what the note is about (plans by id; a part of "
                                      "the sentence as {code, values})"},
                           "text": {**_str, "description": "the note worded in the language asked for (--lang)"}}}


def diff_schema() -> dict[str, Any]:
    plan = {"type": "object", "additionalProperties": False,
            "required": ["id", "name", "level", "region"],
            "properties": {"id": _str, "name": _str, "level": {"enum": list(LEVELS)}, "region": _str,
                           "drafts": {"type": "object", "additionalProperties": False,
                                      "required": ["unchecked", "items", "gaps"],
                                      "description": "only when the plan holds drafts (`draft: true`, nobody has checked "
                                                     "them): the verdicts that rest on them are no findings",
                                      "properties": {"unchecked": {"type": "integer", "minimum": 0},
                                                     "items": {"type": "integer", "minimum": 0},
                                                     "gaps": {"type": "integer", "minimum": 0}}}}}
    item = {"type": "object", "additionalProperties": False,
            "required": ["id", "kind", "name", "baseline", "target", "unit", "year", "binding", "quote", "section"],
            "description": "One side of a row: a target, service item or task of that plan",
            "properties": {
                "id": _str,
                "kind": {"enum": list(KINDS), "description": "the item's own kind: a counterpart may be of another "
                                                            "kind than its row (a national service a province states as a task)"},
                "name": {**_str, "description": "indicator (targets), item (services) or title (tasks)"},
                "baseline": {"oneOf": [{"type": "null"}, {"type": "object", "additionalProperties": False,
                                                          "required": ["value", "year"],
                                                          "properties": {"value": _str, "year": {"type": "integer"}}}]},
                "target": {**_opt, "description": "as written (≥3, >90%, 应保尽保); null for services and tasks"},
                "unit": _opt,
                "year": {"type": ["integer", "null"], "description": "targets: the year the target is set for; null for services and tasks"},
                "binding": {**_opt, "description": "targets: 属性 as the plan states it (约束性 or 预期性); null when not stated and for services and tasks"},
                "quote": {**_str, "description": "verbatim evidence from the plan's source text"},
                "section": _opt,
                "commitments": {"type": "array", "items": _str, "description": "tasks: the numbers committed to"},
                "standard": {**_opt, "description": "services: 服务内容/标准"},
                "draft": {"const": True, "description": "only on an item nobody has checked yet (`draft: true`)"}}}
    side = {"oneOf": [{"type": "null"}, item]}
    passage = {"type": "object", "additionalProperties": False, "required": ["file", "line", "text"],
               "description": "the sentence of the right plan's source text that states the left item when no curated item "
                              "holds it (`basis`: text)",
               "properties": {"file": _str, "line": {"type": "integer", "minimum": 1},
                              "text": {**_str, "description": "as written, whitespace squeezed out"}}}
    row = {"type": "object", "additionalProperties": False,
           "required": ["kind", "domain", "status", "left", "right", "also", "passage", "basis", "reason", "strength",
                        "score", "confidence", "reasons", "notes"],
           "properties": {
               "kind": {"enum": list(KINDS)},
               "domain": {"enum": list(domain_names())},
               "status": {"enum": list(STATUSES), "description": "verdict of the right plan against the left (the reference); "
                                                             "`partial`: the right plan states part of a compound commitment (a note names the missing part); "
                                                             "`mentioned`: the right plan's text states the left item (see `passage`) but the sentence gives no value to compare"},
               "left": side, "right": side,
               "also": {"type": "array", "items": item,
                        "description": "further items of the right plan that state the left item (one-to-many: "
                                     "两免一补 stated as three services), or that restate `right` (a stretch value); "
                                     "`right` stays the main counterpart"},
               "passage": {"oneOf": [{"type": "null"}, passage]},
               "basis": {"enum": ["items", "text", None],
                         "description": "what the verdict rests on: `items`, the curated items `right` and `also`; "
                                        "`text`, the sentence `passage` of the right plan's text, its values read and "
                                        "compared as curated values are (`mentioned`: the sentence could not be read "
                                        "into a verdict); null when the right plan states nothing of it"},
               "reason": {"enum": [*REASONS, None],
                          "description": "not-comparable: why, as a code (vocab/statuses.yaml `reasons`: no value on "
                                         "one side, unit, scale, definition, jurisdiction total, average vs cumulative, "
                                         "word vs number, target year); null for every other status"},
               "strength": {"oneOf": [{"type": "null"}, {
                   "type": "object", "additionalProperties": False, "required": ["left", "right", "weaker"],
                   "description": "targets: how firmly each side promises, apart from the value (vocab/values.yaml "
                                  "`strength`); weaker: the right plan promises less firmly (力争 where the left writes "
                                  "确保 or 约束性, 预期性 where it writes 约束性), also a note",
                   "properties": {"left": {"enum": ["binding", "assured", "expected", "aspirational", None]},
                                  "right": {"enum": ["binding", "assured", "expected", "aspirational", None]},
                                  "weaker": {"type": "boolean"}}}]},
               "score": {"type": ["number", "null"], "minimum": 0, "maximum": 1, "description": "alignment score; null when one side is missing"},
               "confidence": {"enum": ["high", "medium", "low", "pinned", None], "description": "high ≥ 0.80, medium ≥ 0.62, low below (needs review); pinned: data/links.yaml"},
               "reasons": {"type": "array", "items": _note("why the two items were aligned")},
               "notes": {"type": "array", "items": _note("why the verdict: not comparable reasons, lost sections, "
                                                          "targets below their own baseline")}}}
    counts = {"type": "object", "additionalProperties": False, "required": list(STATUSES),
              "properties": {s: {"type": "integer", "minimum": 0} for s in STATUSES}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://plancmp.invalid/schemas/diff.schema.json",
        "title": "plancmp diff --format json",
        "type": "object", "additionalProperties": False,
        "required": ["left", "right", "rows", "summary"],
        "properties": {
            "left": plan, "right": plan,
            "rows": {"type": "array", "items": row},
            "summary": {"type": "object", "additionalProperties": False, "required": ["total", "by_status", "by_domain"],
                        "properties": {"total": {"type": "integer"}, "by_status": counts,
                                       "by_domain": {"type": "object", "additionalProperties": counts}}}},
    }
