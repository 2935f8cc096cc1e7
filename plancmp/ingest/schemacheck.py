"""JSON Schema errors -> findings with a YAML position and a message people can act on.

A valid document costs one call of the check generated from its schema
(plancmp/schemas/fastcheck.py, made by ingest/fastschema.py); jsonschema is imported and
walks the document only when that says "not valid", to find and word what is wrong.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..core.findings import ACCEPTABLE, CATALOGUE, Finding, why_not_acceptable
from ..core.positions import Pos
from .schema import BLANK_PATTERN, LINK_PATTERN, NAME_PATTERN
from .yamldoc import Doc, PathKey, format_path

_ENUM_CODES = {"domain": "unknown-domain", "domains": "unknown-domain", "unit": "unknown-unit", "binding": "unknown-binding"}
_TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number", "array": "a list",
               "object": "a mapping", "boolean": "true or false", "null": "null"}
if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

_validators: dict[int, tuple[dict[str, Any], Draft202012Validator]] = {}
_fast: dict[int, tuple[dict[str, Any], Callable[[object], bool] | None]] = {}   # id -> (the schema, kept alive so the id stays its own; its check)


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    if id(schema) not in _validators:
        from jsonschema import Draft202012Validator

        _validators[id(schema)] = (schema, Draft202012Validator(schema))
    return _validators[id(schema)][1]


def fast_check(schema: dict[str, Any]) -> Callable[[object], bool] | None:
    """The generated check of `schema` (data -> True when valid), or None when there is none
    for this schema as it is now (a vocabulary edited since the module was generated)."""
    if id(schema) not in _fast:
        from ..schemas.fastcheck import VALIDATORS
        from ._schemadigest import digest

        mine = digest(schema)
        _fast[id(schema)] = (schema, next((check for made, check in VALIDATORS.values() if made == mine), None))
    return _fast[id(schema)][1]


def check(doc: Doc, schema: dict[str, Any]) -> list[Finding]:
    """What is wrong with the document against the schema, sorted; [] when it is valid."""
    fast = fast_check(schema)
    if fast is not None and fast(doc.data):
        return []
    return findings(doc, schema)


def findings(doc: Doc, schema: dict[str, Any]) -> list[Finding]:
    """check() by jsonschema alone: every error found and worded."""
    findings = []
    for error in _validator(schema).iter_errors(doc.data):
        findings.extend(_translate(error, doc))
    return sorted(set(findings), key=Finding.sort_key)


def _field_name(path: PathKey) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "document"


def _type_name(value: object) -> str:
    for word, python in (("null", type(None)), ("true or false", bool), ("a whole number", int),
                         ("a number", float), ("text", str), ("a list", list), ("a mapping", dict)):
        if isinstance(value, python):
            return word
    return type(value).__name__


def _shown(value: object, width: int = 60) -> str:
    """repr() of a value from the file, clipped: a 1 MB key must not make a 1 MB message."""
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _control(text: str) -> str:
    """The first control character of a text, as code point: U+0007."""
    char = next((c for c in str(text) if ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f), "")
    return f"U+{ord(char):04X}" if char else "?"


def _suggest(word: str, choices: Iterable[object]) -> str:
    from rapidfuzz import process

    words = [c for c in choices if isinstance(c, str)]
    best = process.extractOne(str(word), words, score_cutoff=60) if words else None
    return f"; did you mean {best[0]!r}?" if best else ""


def _refused_accept(code: str, shown: str, doc: Doc, where: Pos) -> Finding:
    """An `accept` of a code that cannot be accepted: an error, a note, draft-item, or no code at all."""
    why = why_not_acceptable(code)
    hint = _suggest(code, ACCEPTABLE) if code not in CATALOGUE else ""
    return Finding("invalid-value", f"{shown} is {_shown(code)}, which cannot be accepted: {why}{hint} "
                   f"(acceptable: {', '.join(ACCEPTABLE)})", doc.file, where.line, where.col, shown)


def _translate(error: Any, doc: Doc) -> list[Finding]:
    # a jsonschema ValidationError from iter_errors, every field set (the stubs say each may be unset)
    path = tuple(error.absolute_path)
    where = doc.pos(path)
    shown = format_path(path) or "document"
    field = _field_name(path)
    kind = error.validator
    if kind == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return [Finding("missing-field", f"{shown} lacks required field {name!r}", doc.file, where.line, where.col, shown) for name in missing]
    if kind == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        out = []
        for name in sorted(set(error.instance) - set(known)):
            kpos = doc.pos(path + (name,), key=True)
            out.append(Finding("unknown-field", f"unknown field {_shown(name)} in {shown}{_suggest(name, known)} (known: {', '.join(known)})",
                               doc.file, kpos.line, kpos.col, format_path(path + (name,))))
        return out
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(_TYPE_WORDS.get(t, str(t)) for t in expected)
        return [Finding("wrong-type", f"{shown} must be {words}, not {_type_name(error.instance)}", doc.file, where.line, where.col, shown)]
    if kind == "enum":
        allowed = [v for v in error.validator_value if v is not None]
        if not isinstance(error.instance, (str, type(None))):  # every vocabulary is words: a list or number is a type error
            return [Finding("wrong-type", f"{shown} must be one word of the vocabulary (text), not {_type_name(error.instance)}", doc.file, where.line, where.col, shown)]
        if field == "code" and "accept" in path and isinstance(error.instance, str):
            return [_refused_accept(error.instance, shown, doc, where)]
        code = _ENUM_CODES.get(field, "invalid-value")
        hint = _suggest(error.instance, allowed) if isinstance(error.instance, str) else ""
        listing = "" if hint else f"; allowed: {', '.join(map(str, allowed))}"
        return [Finding(code, f"{shown} is {_shown(error.instance)}, not in the vocabulary{hint}{listing}", doc.file, where.line, where.col, shown)]
    if kind == "pattern" and error.validator_value == BLANK_PATTERN:
        if error.instance == "":
            return []   # minLength says it: must not be empty
        return [Finding("invalid-value", f"{shown} must not be blank", doc.file, where.line, where.col, shown)]
    if kind == "pattern" and error.validator_value == LINK_PATTERN:
        return [Finding("invalid-value", f"{shown} must read \"plan:id = plan:id\", got {_shown(error.instance)}", doc.file, where.line, where.col, shown)]
    if kind == "pattern" and error.validator_value == NAME_PATTERN:
        return [Finding("invalid-value", f"{shown} holds a control character ({_control(error.instance)}): a name "
                        "is text people read and type", doc.file, where.line, where.col, shown)]
    if kind in ("minimum", "maximum") and field == "year":
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        return [Finding("invalid-value", f"{shown} is {_shown(error.instance)}, not a year from {low} to {high}",
                        doc.file, where.line, where.col, shown)]
    if kind == "pattern":  # else only ids carry a pattern
        return [Finding("invalid-id", f"{shown} is {_shown(error.instance)}: use lower-case ascii letters, digits and single hyphens (e.g. nursery-places-per-1000)", doc.file, where.line, where.col, shown)]
    if kind == "oneOf" and all(set(alt) == {"required"} for alt in error.validator_value):
        fields = [alt["required"][0] for alt in error.validator_value]
        given = [f for f in fields if isinstance(error.instance, dict) and f in error.instance]
        code = "invalid-value" if given else "missing-field"   # both given, or neither
        said = f"has {' and '.join(given)}; it needs" if given else "needs"
        return [Finding(code, f"{shown} {said} exactly one of {' or '.join(fields)}", doc.file, where.line,
                        where.col, shown)]
    if kind == "oneOf":
        # the alternative the value has the shape of explains it: {value: x, year: "2020"} is a
        # mapping with a bad year, not "not null or a mapping"
        inside = [e for e in error.context or () if len(e.absolute_path) > len(path) or e.validator != "type"]
        if inside:
            return [f for e in inside for f in _translate(e, doc)]
        return [Finding("wrong-type", f"{shown} must be null or a mapping with value and year", doc.file, where.line, where.col, shown)]
    if kind == "minLength":
        return [Finding("invalid-value", f"{shown} must not be empty", doc.file, where.line, where.col, shown)]
    if kind == "uniqueItems":
        return [Finding("invalid-value", f"{shown} lists the same entry twice", doc.file, where.line, where.col, shown)]
    return [Finding("invalid-value", f"{shown}: {error.message}", doc.file, where.line, where.col, shown)]
