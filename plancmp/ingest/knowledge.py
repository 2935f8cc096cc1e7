"""`plancmp validate` checks the vocabulary of plancmp/vocab/commitments.yaml (engine/knowledge.py
uses it): its shape (a JSON Schema), that every `item` (and every term's `items`) is an item of the
national plan, that `seen_in` names known plans, and that every `quote` stands in the national
source (whitespace removed, as plan quotes are checked)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..core.findings import Finding
from ..core.model import Plan
from ..core.positions import Pos
from ..files.paths import VOCAB_DIR, shown_path
from . import schemacheck
from .evidence import Source, squeeze
from .yamldoc import load as load_yaml

if TYPE_CHECKING:
    from ..files.folder import DataFolder


class _Sources(Protocol):   # a Workspace (which imports this module): what check() asks of it
    def source(self, path: Path) -> Source: ...

PATH = VOCAB_DIR / "commitments.yaml"

_WAY = {"oneOf": [{"type": "string", "minLength": 1},
                  {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}]}
_WAYS = {"type": "array", "items": _WAY}
_COMMON = {"reason": {"type": "string", "minLength": 1}, "quote": {"type": "string", "minLength": 1},
           "seen_in": {"type": "array", "items": {"type": "string"}},
           "names": _WAYS, "differs_from": _WAYS}


def schema() -> dict[str, Any]:
    term = {"type": "object", "additionalProperties": False, "required": ["term", "reason", "seen_in"],
            "properties": {"term": {"type": "string", "minLength": 2}, "items": {"type": "array", "items": {"type": "string"}},
                           "includes": _WAYS, **_COMMON}}
    commitment = {"type": "object", "additionalProperties": False, "required": ["item", "reason", "seen_in"],
                  "properties": {"item": {"type": "string"}, "parts": _WAYS, **_COMMON}}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "plancmp vocab/commitments.yaml",
            "type": "object", "additionalProperties": False, "required": ["terms", "commitments"],
            "properties": {"terms": {"type": "array", "items": term},
                           "commitments": {"type": "array", "items": commitment}}}


def check(plans: dict[str, Plan], ws: _Sources, path: Path = PATH,
          folder: DataFolder | None = None) -> tuple[list[str], list[Finding]]:
    """(files checked, findings) for the vocabulary against the plans (one of them the national),
    whose sources the workspace `ws` reads; a data folder's own (its vocab/commitments.yaml) is
    read by the folder's rule (`folder`)."""
    shown = shown_path(path)
    doc, findings = load_yaml(path, shown, folder)
    if doc is None:
        return [shown], findings
    findings = findings + schemacheck.check(doc, schema())
    if findings:
        return [shown], findings
    national = next((p for p in plans.values() if p.level == "national"), None)
    if national is None:
        return [shown], findings
    ids = {i.id for i in national.items()}
    named = {e["item"] for e in doc.data.get("commitments") or ()} | {
        i for e in doc.data.get("terms") or () for i in e.get("items") or ()}
    if named and not named & ids:
        return [], []   # another reference plan (a drafted one): the vocabulary's ids are not about it
    try:
        source = squeeze(ws.source(national.source).squeezed)
    except (OSError, UnicodeError):
        source = None
    out: list[Finding] = []
    for group in ("terms", "commitments"):
        for n, entry in enumerate(doc.data.get(group) or ()):
            def at(key: str, path: tuple[str, int] = (group, n)) -> Pos:
                return doc.pos((*path, key))
            items = ([entry["item"]] if group == "commitments" else []) + list(entry.get("items") or ())
            for item in items:
                if item not in ids:
                    p = at("item" if group == "commitments" else "items")
                    out.append(Finding("vocab-unknown-item", f"{item!r} is no item of {national.id}", p.file, p.line, p.col,
                                       f"{group}[{n}]"))
            for plan in entry.get("seen_in") or ():
                if plan not in plans or plan == national.id:
                    p = at("seen_in")
                    out.append(Finding("vocab-unknown-plan", f"seen_in names {plan!r}, no province plan", p.file, p.line,
                                       p.col, f"{group}[{n}].seen_in"))
            quote = entry.get("quote")
            if quote and source is not None and squeeze(quote) not in source:
                p = at("quote")
                out.append(Finding("vocab-quote-not-found", f"the quote is not in {shown_path(national.source)} "
                                   "(whitespace removed)", p.file, p.line, p.col, f"{group}[{n}].quote"))
    return [shown], out
