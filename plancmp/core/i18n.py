"""What a person reads, in English or Chinese: the words are data (plancmp/vocab/labels.yaml).

`Labels(lang)` gives verdicts, kinds, headers and sentences in one language. The
default language follows the locale (LC_ALL, then LC_MESSAGES, then LANG: zh_* gives
zh, anything else en). JSON output never goes through here: it keeps the English
status codes. Light: no YAML on a warm run (vocab.read goes through the cache).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

LANGS = ("en", "zh")


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """zh when the first locale variable that is set names Chinese (zh_CN.UTF-8, zh_TW …), else en."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


@cache
def _table() -> dict[str, Any]:
    from .vocab import read

    return read("labels.yaml")


class Labels:
    """The labels of one language. Unknown keys fall back to the key itself, never fail."""

    __slots__ = ("lang", "plans")

    def __init__(self, lang: str | None = None, plans: dict[str, str] | None = None):
        self.lang = lang if lang in LANGS else default_lang()
        self.plans = plans or {}   # plan id -> its name in this language (plan ids when unknown)

    def plan(self, plan_id: str) -> str:
        """A plan as a reader names it in this language (the id when no name is known)."""
        return self.plans.get(plan_id, plan_id)

    def note(self, note: Any) -> str:
        """A note or reason of the engine (core/notes.py) as a sentence in this language; text as it is."""
        from .notes import Note, word

        def named(what: str, value: str) -> str:
            return self.plan(value) if what == "plan" else self.status(value)

        return word(note, self.lang, named) if isinstance(note, Note) else str(note)

    def notes(self, notes: Iterable[Any]) -> str:
        """Several notes on one line."""
        return ("；" if self.zh else "; ").join(self.note(n) for n in notes)

    def _get(self, group: str, key: str) -> str:
        entry = _table().get(group, {}).get(key)
        return entry[self.lang] if entry else key

    def status(self, status: str) -> str:
        """A verdict's words (vocab/statuses.yaml); the cells that are no verdict (reference) from labels.yaml."""
        from .verdicts import CATALOGUE

        found = CATALOGUE.get(status)
        return found.words[self.lang] if found is not None else self._get("status", status)

    def kind(self, kind: str, short: bool = False) -> str:
        return self._get("kind_short" if short else "kind", kind)

    def kind_one(self, kind: str) -> str:
        """One item of the kind: `target`, `指标`."""
        return self._get("kind_one", kind)

    def claim(self, verdict: str) -> str:
        """A press claim's verdict: `not in the plan`, 规划未载."""
        from .verdicts import CLAIM_VERDICTS

        found = CLAIM_VERDICTS.get(verdict)
        return found.words[self.lang] if found is not None else verdict

    def binding(self, binding: str | None) -> str:
        return self._get("binding", binding) if binding else ""

    def confidence(self, confidence: str | None) -> str:
        return self._get("confidence", confidence) if confidence else ""

    def bucket(self, bucket: str) -> str:
        """A coverage bucket's words, by its JSON name (`matched or exceeded`)."""
        from .verdicts import BUCKET_CATALOGUE

        found = next((b for b in BUCKET_CATALOGUE.values() if b.json == bucket), None)
        return found.words[self.lang] if found is not None else bucket

    def reason(self, reason: str) -> str:
        """Why a row is not comparable, in a word (vocab/statuses.yaml `reasons`)."""
        from .verdicts import REASONS

        found = REASONS.get(reason)
        return found.words[self.lang] if found is not None else reason

    def flag(self, flag: str) -> str:
        return self._get("flag", flag)

    def field(self, field: str) -> str:
        """A field of one item as `show PLAN ITEM` names it."""
        return self._get("field", field)

    def basis(self, basis: str) -> str:
        return self._get("basis", basis)

    def count(self, n: int | str, label: str) -> str:
        """`3 exceeds`, `高于 3`."""
        return self._get("count", "item").format(n=n, label=label)

    @property
    def colon(self) -> str:
        return "：" if self.lang == "zh" else ": "

    @property
    def sep(self) -> str:
        return self._get("count", "sep")

    def __call__(self, key: str, **values: Any) -> str:
        text = self._get("text", key)
        return text.format(**values) if values else text

    @property
    def zh(self) -> bool:
        return self.lang == "zh"


def status_label(status: str, lang: str = "en") -> str:
    return Labels(lang).status(status)
