"""Edits of a YAML data file as a person makes them: at the place the loader found the item
(yamldoc keeps a position for every node), the rest of the file byte for byte as it was, its
layout and its comments included. A plan, links.yaml or a vocabulary is never re-dumped.

The files plancmp writes and edits are block YAML in one layout (docs/data-format.md): a
list's entries begin `  - key: …` (or a one-line flow mapping `  - {pin: …}`), every entry's
further lines are indented deeper than its dash. An entry's lines are therefore its dash line
and the lines after it that are blank, comments or deeper; comment lines at the dash's depth
or less that follow it belong to what comes next.

The scalars and items written here are those `plancmp new` writes (draft/emit.py uses them):
strings double-quoted (JSON's escapes are YAML's), numbers and null bare, a baseline in flow
style, one field a line in the order of the plan schema.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .yamldoc import Doc, PathKey, parse

# characters YAML may not hold unescaped (PyYAML's reader refuses them) besides what JSON escapes
_UNPRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u2028\u2029]")

# The plan file's field order, per kind (plan.schema.json); a field not named here comes last.
FIELD_ORDER = {
    "targets": ("id", "draft", "domain", "indicator", "unit", "baseline", "target", "year", "binding", "basis",
                "flags", "restates", "notes", "accept", "evidence"),
    "services": ("id", "draft", "domain", "item", "target_group", "standard", "listed", "notes", "accept", "evidence"),
    "tasks": ("id", "draft", "domain", "title", "basis", "commitments", "notes", "accept", "evidence"),
    "source_gaps": ("id", "draft", "section", "description", "domains", "kinds", "reveals"),
}
_BARE = ("id", "basis", "restates")   # ids and codes: written without quotes, as the curated files do


def q(value: object) -> str:
    """A YAML scalar: strings double-quoted (JSON's escapes are YAML's), numbers and null bare."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = json.dumps(str(value), ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def flow(value: object) -> str:
    """A short value on one line: [a, b], {value: "x", year: 2020}, or a scalar."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):   # codes (flags, kinds, plan ids) bare, as the curated files write them
        return "[" + ", ".join(v if isinstance(v, str) and _CODE.fullmatch(v) else flow(v) for v in value) + "]"
    return q(value)


_CODE = re.compile(r"[a-z][a-z0-9_]*(-[a-z0-9_]+)*")


def ordered(kind: str, item: dict[str, Any]) -> dict[str, Any]:
    order = FIELD_ORDER.get(kind, ())
    return {**{k: item[k] for k in order if k in item}, **{k: v for k, v in item.items() if k not in order}}


def entry_lines(entry: dict[str, Any], indent: int = 2, kind: str | None = None) -> list[str]:
    """A list entry in block style: `  - id: x`, then a field a line (nested mappings and lists of
    mappings indented below their key; lists of scalars and small mappings in flow style)."""
    entry = ordered(kind, entry) if kind else entry
    lines: list[str] = []
    pad = " " * indent
    for key, value in entry.items():
        lead = f"{pad}- " if not lines else f"{pad}  "
        if isinstance(value, dict) and key != "baseline":
            lines.append(f"{lead}{key}:")
            lines += [f"{pad}    {k}: {flow(v)}" for k, v in value.items() if v is not None]
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{lead}{key}:")
            for v in value:
                lines += entry_lines(v, indent + 4)
        elif key in _BARE and isinstance(value, str) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
            lines.append(f"{lead}{key}: {value}")
        else:
            lines.append(f"{lead}{key}: {flow(value)}")
    return lines


class EditError(Exception):
    """The file is not laid out as plancmp writes it there: say so rather than guess."""


class Edited:
    """A YAML file's text and its parse (positions): one edit, then `text()`."""

    def __init__(self, text: str, shown: str = "<yaml>"):
        self.lines = text.split("\n")
        self.shown = shown
        doc, findings = parse(text, shown)
        if doc is None:
            raise EditError(f"{shown}: cannot read it as YAML ({findings[0].message if findings else 'empty'})")
        self.doc: Doc = doc

    def text(self) -> str:
        return "\n".join(self.lines)

    # ------------------------------------------------------------ where things are

    def index_of(self, key: str, entry_id: str) -> int | None:
        """The position in the top-level list `key` of the entry whose id is `entry_id`."""
        entries = self.doc.data.get(key) if isinstance(self.doc.data, dict) else None
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict) and entry.get("id") == entry_id:
                return i
        return None

    def _dash(self, row: int) -> int:
        """The column of the dash of the list entry standing on 0-based line `row`."""
        line = self.lines[row]
        m = re.match(r"^(\s*)-(\s|$)", line)
        if m is None:
            raise EditError(f"{self.shown}:{row + 1}: the entry does not start its line with `- `")
        return len(m.group(1))

    def span(self, path: PathKey) -> tuple[int, int]:
        """[first, end) 0-based lines of the list entry at `path` (("targets", 3))."""
        start = self.doc.positions[path].line - 1
        dash = self._dash(start)
        end = start + 1
        while end < len(self.lines):
            line = self.lines[end]
            stripped = line.strip()
            if stripped and not stripped.startswith("#") and len(line) - len(line.lstrip()) <= dash:
                break
            end += 1
        while end > start + 1 and (not self.lines[end - 1].strip() or (
                self.lines[end - 1].strip().startswith("#")
                and len(self.lines[end - 1]) - len(self.lines[end - 1].lstrip()) <= dash)):
            end -= 1   # blank lines and comments at the dash's depth belong to what follows
        return start, end

    # ------------------------------------------------------------ edits

    def drop_key(self, path: PathKey, key: str) -> None:
        """Delete `key: …` from the entry at `path` (`draft: true`): its own line, or, written on
        the dash line, the key with the dash kept for the next field."""
        at = self.doc.key_positions.get(path + (key,))
        if at is None:
            return
        start, end = self.span(path)
        row = at.line - 1
        line = self.lines[row]
        if row == start:   # `  - draft: true` as the first field (never so in files plancmp writes)
            if end - start < 2:
                raise EditError(f"{self.shown}:{row + 1}: {key} is the entry's only field")
            following = self.lines[start + 1]
            dash = self._dash(start)
            self.lines[start:start + 2] = [" " * dash + "- " + following.strip()]
            return
        if not re.match(rf"^\s*{re.escape(key)}\s*:[^#]*(#.*)?$", line):
            raise EditError(f"{self.shown}:{row + 1}: {key} does not stand on a line of its own")
        del self.lines[row]

    def delete(self, path: PathKey) -> None:
        start, end = self.span(path)
        del self.lines[start:end]

    def replace(self, path: PathKey, lines: list[str]) -> None:
        start, end = self.span(path)
        self.lines[start:end] = lines

    def append(self, key: str, lines: list[str], after: PathKey | None = None) -> None:
        """Add an entry to the top-level list `key`: after the entry `after` (a path) when given,
        else after its last entry; `key: []` becomes a block list; a missing key is added at the end."""
        entries = self.doc.data.get(key) if isinstance(self.doc.data, dict) else None
        if isinstance(entries, list) and entries:
            _, end = self.span(after or (key, len(entries) - 1))
            self.lines[end:end] = lines
            return
        at = self.doc.key_positions.get((key,))
        if at is not None:
            row = at.line - 1
            if not re.match(rf"^{re.escape(key)}\s*:\s*(\[\s*\])?\s*(#.*)?$", self.lines[row]):
                raise EditError(f"{self.shown}:{row + 1}: {key} is not an empty list plancmp can add to")
            self.lines[row] = f"{key}:"
            self.lines[row + 1:row + 1] = lines
            return
        while self.lines and not self.lines[-1].strip():
            self.lines.pop()
        self.lines += [f"{key}:", *lines, ""]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")
