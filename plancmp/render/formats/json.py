"""JSON: the result's data as it is, but for the engine's notes and reasons, which JSON shows
as their code and values (stable for scripts) beside the worded text."""
from __future__ import annotations

import json

from ...core.i18n import Labels
from ...core.notes import Note


def render(result, view) -> str:
    return dumps(result.data, view.labels)


def ready(data, labels: Labels):
    """`data` with every Note as {code, values, text} (text in the labels' language)."""
    if isinstance(data, Note):
        return {**data.as_data(), "text": labels.note(data)}
    if isinstance(data, dict):
        return {k: ready(v, labels) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [ready(v, labels) for v in data]
    return data


def dumps(data, labels: Labels) -> str:
    return json.dumps(ready(data, labels), ensure_ascii=False, indent=2) + "\n"
