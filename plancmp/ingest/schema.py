"""The plan, press-claim and links file schemas, as JSON Schema.

The structure lives here; the enumerations come from the vocabularies, so the
published files (plancmp/schemas/*.schema.json, which editors read through the
`# yaml-language-server: $schema=…` line) are generated: `plancmp schema --write`, which also
writes the checks generated from them (plancmp/schemas/fastcheck.py, ingest/fastschema.py).
Tests keep both in step with this module.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from ..core import vocab
from ..core.findings import ACCEPTABLE
from ..core.model import KINDS, LEVELS, TARGET_BASES, TARGET_FLAGS, YEARS
from ..files.paths import SCHEMA_DIR

# (?![\s\S]) ends the text in every regex dialect: `$` would let a trailing newline through
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*(?![\s\S])"

BLANK_PATTERN = r"\S"   # some text that is not whitespace
# a link's pair, `national:x = liaoning:y` (links.py splits it)
LINK_PATTERN = r"^\s*[a-z0-9-]+:[a-z0-9-]+\s*=\s*[a-z0-9-]+:[a-z0-9-]+\s*(?![\s\S])"
_str = {"type": "string", "minLength": 1}
# a name people read and type (a plan's name, region, aliases): no control character (a NUL, an escape, a bell)
NAME_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*(?![\s\S])"
_name = {**_str, "pattern": NAME_PATTERN}
_opt_str = {"type": ["string", "null"]}


def _closed(properties: dict[str, Any], required: list[str], description: str = "") -> dict[str, Any]:
    out = {"type": "object", "properties": properties, "required": required, "additionalProperties": False}
    if description:
        out["description"] = description
    return out


def _item_common() -> dict[str, Any]:
    return {
        "id": {"type": "string", "pattern": ID_PATTERN, "description": "Stable id, unique in the plan: lower-case ascii words joined by -"},
        "domain": {"enum": vocab.domain_spellings(), "description": "One of the nine domains (or 其他)"},
        "evidence": _closed(
            {"quote": {**_str, "description": "Verbatim text of the source; checked after removing whitespace"},
             "section": {**_opt_str, "description": "Where it stands: 专栏1, 第四章第一节 …"}},
            ["quote"],
        ),
        "notes": _opt_str,
        "draft": {"type": "boolean", "description": "true: drafted by `plancmp new` and not yet checked by a person "
                                                     "(validate warns draft-item); delete the line once checked"},
        "accept": {"type": "array", "description": "Warnings of this item that faithfully reflect the source, each with what "
                                                   "the source says: validate shows them as notes (never a failure, not even "
                                                   "with --strict), and warns accept-unused when the warning is gone",
                   "items": _closed({"code": {"enum": list(ACCEPTABLE), "description": "The code of a warning this item has"},
                                     "reason": {**_str, "pattern": BLANK_PATTERN,
                                                "description": "Why the warning stands: what the source says"}},
                                    ["code", "reason"])},
    }


def _year() -> dict[str, Any]:
    return {"type": "integer", "minimum": YEARS[0], "maximum": YEARS[1],
            "description": f"A year from {YEARS[0]} to {YEARS[1]}"}


def _value() -> dict[str, Any]:
    return {"type": ["string", "number"], "description": "As written: ≥3, >90%, 85%以上, 〔125〕, 应保尽保"}


@cache
def plan_schema() -> dict[str, Any]:
    target = _closed(
        {**_item_common(),
         "indicator": {**_str, "description": "Indicator name without the unit parenthetical or footnote stars"},
         "unit": {"enum": [*vocab.units(), None], "description": "From plancmp/vocab/units.yaml; null for qualitative targets"},
         "baseline": {"oneOf": [{"type": "null"}, _closed({"value": _value(), "year": _year()}, ["value", "year"])]},
         "target": _value(),
         "year": _year(),
         "binding": {"enum": [*vocab.bindings(), None], "description": "属性: 预期性 or 约束性; null when the source does not say"},
         "basis": {"enum": list(TARGET_BASES)},
         "flags": {"type": "array", "uniqueItems": True, "items": {"enum": list(TARGET_FLAGS)}},
         "restates": {"type": "string", "pattern": ID_PATTERN,
                      "description": "Id of the target of this plan that states the same indicator elsewhere "
                                     "(the table row this text or box restates); the diff shows both on one row"}},
        ["id", "domain", "indicator", "unit", "baseline", "target", "year", "binding", "basis", "evidence"],
        "A quantified commitment: an indicator-table row or a number in the text",
    )
    service = _closed(
        {**_item_common(), "item": _str, "target_group": _opt_str, "standard": _opt_str, "listed": {"type": "boolean"}},
        ["id", "domain", "item", "evidence"],
        "A basic public service item",
    )
    task = _closed(
        {**_item_common(), "title": _str, "basis": {"enum": ["box", "text"]},
         "commitments": {"type": "array", "items": {"type": ["string", "number"]}}},
        ["id", "domain", "title", "basis", "evidence"],
        "A key task: a named task of a box or a run-in heading of the body",
    )
    gap = _closed(
        {"id": {"type": "string", "pattern": ID_PATTERN}, "section": _str, "description": _str,
         "domains": {"type": "array", "items": {"enum": vocab.domain_spellings()}},
         "kinds": {"type": "array", "items": {"enum": ["targets", "services", "tasks"]}},
         "reveals": {"type": "array", "items": _closed({"indicator": _str, "quote": _str, "notes": _opt_str}, ["indicator", "quote"])},
         "draft": {"type": "boolean", "description": "true: drafted by `plancmp new` and not yet checked against the original "
                                                     "(validate warns draft-item); delete the line once checked"}},
        ["id", "section", "description"],
        "A part of the source that this copy lost",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://plancmp.invalid/schemas/plan.schema.json",
        "title": "plancmp plan",
        "description": "One public-service plan: its targets, basic-service items and key tasks, each with evidence",
        **_closed(
            {"id": {"type": "string", "pattern": ID_PATTERN}, "name": _name,
             "level": {"enum": list(LEVELS)}, "region": _name,
             "aliases": {"type": "array", "uniqueItems": True, "items": _name,
                         "description": "What people may type for this plan on the command line (浙江, zj), besides "
                                        "its id and region: `aliases: [浙江, zj]`"},
             "period": _str,
             "source": {**_str, "description": "Path of the source text, relative to this file"},
             "notes": _opt_str,
             "source_gaps": {"type": "array", "items": gap},
             "background": {"type": "array", "description": "Parts of the source that state no commitment (十三五 results, "
                            "notes defining indicators): from the line that reads `from` to the line before `to`. "
                            "The search for a commitment in the whole text skips them.",
                            "items": _closed({"from": {**_str, "description": "a heading line of the source, verbatim"},
                                              "to": {**_str, "description": "the heading line that ends the part, verbatim"}},
                                             ["from", "to"])},
             "targets": {"type": "array", "items": target},
             "services": {"type": "array", "items": service},
             "tasks": {"type": "array", "items": task}},
            ["id", "name", "level", "region", "period", "source", "source_gaps", "targets", "services", "tasks"],
        ),
    }


@cache
def press_schema() -> dict[str, Any]:
    claim = _closed(
        {"id": {"type": "string", "pattern": ID_PATTERN}, "quote": _str,
         "links": {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}},
         "supported": {"type": "boolean"}, "notes": _opt_str},
        ["id", "quote", "links", "supported"],
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://plancmp.invalid/schemas/press.schema.json",
        "title": "plancmp press claims",
        "description": "Claims a secondary source makes about a plan, each linked to the plan items it restates",
        **_closed({"id": {"type": "string", "pattern": ID_PATTERN}, "plan": _str, "source": _str,
                   "notes": _opt_str, "claims": {"type": "array", "items": claim}},
                  ["id", "plan", "source", "claims"]),
    }


@cache
def links_schema() -> dict[str, Any]:
    pair = {"type": "string", "pattern": LINK_PATTERN, "description": "plan:id = plan:id"}
    link = {**_closed({"pin": {**pair, "description": "These two items state one commitment: pair them"},
                       "forbid": {**pair, "description": "These two items must never pair"},
                       "reason": {**_str, "pattern": BLANK_PATTERN,
                                  "description": "Why people overrule the matcher (what the texts say)"}},
                      ["reason"]),
            "oneOf": [{"required": ["pin"]}, {"required": ["forbid"]}]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://plancmp.invalid/schemas/links.schema.json",
        "title": "plancmp links",
        "description": "data/links.yaml: pairs of items people pin together or forbid, each with its reason",
        **_closed({"links": {"type": ["array", "null"], "items": link}}, []),
    }


@cache
def labels_schema() -> dict[str, Any]:
    """data/eval/pairs.yaml: the hand labels `plancmp eval` scores the engine against."""
    ids = {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}}
    label = {"oneOf": [{"type": "null"}, {"type": "string", "pattern": ID_PATTERN}, ids,
                       _closed({"mentioned": {"type": "array", "items": {"type": "integer", "minimum": 1}}}, ["mentioned"])]}
    by_item = {"type": ["object", "null"], "propertyNames": {"pattern": ID_PATTERN}, "additionalProperties": label}
    pairing = _closed({"left": {"type": "string", "pattern": ID_PATTERN}, "right": {"type": "string", "pattern": ID_PATTERN},
                       **{kind: by_item for kind in KINDS}}, ["left", "right"])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://plancmp.invalid/schemas/labels.schema.json",
        "title": "plancmp eval labels",
        **_closed({"pairings": {"type": "array", "items": pairing}}, ["pairings"]),
    }


def _diff_schema() -> dict[str, Any]:  # plancmp/ingest/diffschema.py: the output of `plancmp diff --format json`
    from .diffschema import diff_schema
    return diff_schema()


SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {"plan": plan_schema, "press": press_schema, "links": links_schema, "diff": _diff_schema}


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def published_path(name: str) -> Path:
    return SCHEMA_DIR / f"{name}.schema.json"


def write_published() -> list[Path]:
    written = []
    for name, build in SCHEMAS.items():
        path = published_path(name)
        path.write_text(dumps(build()), encoding="utf-8")
        written.append(path)
    return written
