"""Why a verdict is what it is, as data: a code and its values, worded in either language.

The engine says *what* it found (`Note("planned-change", {"a": "national", "da": "+2.7", …})`);
vocab/notes.yaml says how that reads in English and Chinese. JSON keeps the code and the
values (stable for scripts) beside the worded text; every table, workbook and report words
them through `Labels.note`.

A template names its values in braces. `{a:plan}` is a plan, shown by its name in the
reader's language; `{status:status}` a verdict's words (vocab/statuses.yaml);
`{kind:noun}` and the other word groups of notes.yaml look the value up
there; `{sections:semi}` joins a list with semicolons (a plain list joins with commas). A value
may itself be a Note (a part of a sentence worded the same way) or empty (the part is left out).
"""
from __future__ import annotations

import string
from collections.abc import Callable
from functools import cache
from typing import Any, NamedTuple


class Note(NamedTuple):
    code: str
    values: dict[str, Any] = {}

    def mapped(self, fix: Callable[[str], Any]) -> Note:
        """The same note with `fix` applied to every text among its values (and its parts')."""
        def each(v: Any) -> Any:
            if isinstance(v, Note):
                return v.mapped(fix)
            if isinstance(v, (list, tuple)):
                return type(v)(each(x) for x in v)
            return fix(v) if isinstance(v, str) else v

        return Note(self.code, {k: each(v) for k, v in self.values.items()})

    def as_data(self) -> dict[str, Any]:
        """The code and values as JSON-ready data (parts as their own code and values)."""
        def each(v: Any) -> Any:
            if isinstance(v, Note):
                return v.as_data()
            if isinstance(v, (list, tuple)):
                return [each(x) for x in v]
            return v

        return {"code": self.code, "values": {k: each(v) for k, v in self.values.items()}}


@cache
def catalogue() -> dict[str, Any]:
    from .vocab import read

    return read("notes.yaml")


Named = Callable[[str, str], str]   # (what, value) -> its name in a language: core/i18n.Labels


class _Formatter(string.Formatter):
    def __init__(self, lang: str, named: Named):
        self.lang, self.named = lang, named

    def format_field(self, value: Any, spec: str) -> str:
        return word_value(value, spec, self.lang, self.named)


def word_value(value: Any, spec: str, lang: str, named: Named) -> str:
    if isinstance(value, Note):
        return word(value, lang, named)
    if value is None or value == "":
        return ""
    if isinstance(value, (list, tuple)):
        joiner: str = catalogue()["joiners"]["semi" if spec == "semi" else "list"][lang]
        return joiner.join(word_value(v, "" if spec == "semi" else spec, lang, named) for v in value)
    if spec in ("plan", "status"):
        return named(spec, str(value))
    if spec:
        entry = catalogue()["words"].get(spec, {}).get(str(value))
        return str(entry[lang]) if entry else str(value)
    return str(value)


def _as_is(what: str, value: str) -> str:
    return value


def word(note: Note, lang: str = "en", named: Named = _as_is) -> str:
    """The note as a sentence in `lang`; `named(what, value)` names a plan or a verdict in that
    language (core/i18n.Labels). A code the catalogue does not hold reads as its code and values
    (never fails: a newer cache entry, an older catalogue)."""
    entry = catalogue()["notes"].get(note.code)
    if entry is None:
        return note.code + (f" {note.values}" if note.values else "")
    return _Formatter(lang, named).format(entry[lang], **note.values)
