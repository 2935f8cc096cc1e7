"""Safe YAML reading that keeps a position for every node.

PyYAML's `safe_load` forgets where things were, and silently accepts duplicate
keys. We compose the node graph instead (no objects are constructed, so
`!!python/object` can never run), refuse anchors/aliases (no "billion laughs"),
refuse every non-standard tag, and convert nodes ourselves while recording the
1-based line and column of each value and key.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .findings import Finding

try:  # the C composer is several times faster; same node graph
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2_000_000  # a curated plan is ~100 kB; anything far bigger is a mistake
_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = SafeConstructor()

PathKey = tuple  # path into the document: ("targets", 3, "unit")


@dataclass(frozen=True)
class Pos:
    file: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass
class Doc:
    """Plain data (dicts, lists, scalars) plus where each part stood."""

    file: str
    data: Any
    positions: dict[PathKey, Pos] = field(default_factory=dict)
    key_positions: dict[PathKey, Pos] = field(default_factory=dict)

    def pos(self, path: PathKey, key: bool = False) -> Pos:
        """Position of `path`, or of its nearest ancestor that has one."""
        table = self.key_positions if key else self.positions
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if key and p in self.positions:
                return self.positions[p]
            p = p[:-1]
        return self.positions.get((), Pos(self.file, 1, 1))


def format_path(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Refused(Exception):
    def __init__(self, finding: Finding):
        self.finding = finding


def read_text(path: Path, shown: str) -> tuple[str | None, list[Finding]]:
    """Bytes -> text with the checks a hand-edited file needs; findings instead of exceptions."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Finding("file-unreadable", f"cannot read the file: {exc.strerror or exc}", shown)]
    if len(raw) > MAX_BYTES:
        return None, [Finding("file-too-large", f"{len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit; split or trim the file", shown)]
    try:
        text = raw.decode("utf-8-sig")  # a BOM is harmless: drop it
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Finding("file-encoding", f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8 (it may be GBK)", shown, line, col)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def parse(text: str, shown: str) -> tuple[Doc | None, list[Finding]]:
    """Text -> Doc. Returns (None, findings) when the YAML cannot be read at all."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_finding(exc, text, shown)]
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return None, [Finding("yaml-syntax", str(exc).splitlines()[0], shown)]
    if node is None:
        return None, [Finding("file-empty", "the file holds no YAML document; a plan is a mapping with id, name, targets …", shown)]
    doc = Doc(shown, None)
    findings: list[Finding] = []
    try:
        doc.data = _convert(node, (), doc, findings, set())
    except _Refused as refused:
        return None, [refused.finding]
    return doc, findings


def load(path: Path, shown: str | None = None) -> tuple[Doc | None, list[Finding]]:
    shown = shown or str(path)
    text, findings = read_text(path, shown)
    if text is None:
        return None, findings
    return parse(text, shown)


def _mark_pos(mark, shown: str) -> Pos:
    return Pos(shown, mark.line + 1, mark.column + 1)


def _syntax_finding(exc: yaml.MarkedYAMLError, text: str, shown: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or exc.context or "cannot parse"
    if "\t" in problem or "tab" in problem:
        return Finding("yaml-tab", "a tab character where YAML needs spaces; indent with spaces only", shown, line, col)
    lines = text.split("\n")
    if 0 < line <= len(lines) and lines[line - 1][: col].lstrip(" ").startswith("\t"):
        return Finding("yaml-tab", "a tab character where YAML needs spaces; indent with spaces only", shown, line, col)
    context = f" ({exc.context})" if exc.context and exc.context != problem else ""
    return Finding("yaml-syntax", f"{problem}{context}; check the indentation and quoting around here", shown, line, col)


def _convert(node, path: PathKey, doc: Doc, findings: list[Finding], seen: set[int]) -> Any:
    pos = _mark_pos(node.start_mark, doc.file)
    if id(node) in seen:  # the composer hands out one node object per anchor: a repeat is an alias
        raise _Refused(Finding("yaml-alias", "anchors and aliases (&name, *name) are not allowed in plan files; write the value out", doc.file, pos.line, pos.col))
    seen.add(id(node))
    doc.positions[path] = pos
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in _SCALAR_TAGS:
            raise _Refused(Finding("yaml-tag", f"tag {_short_tag(node.tag)} is not allowed; plain strings, numbers, booleans and null only", doc.file, pos.line, pos.col))
        if node.tag == _STD + "timestamp":
            return node.value  # dates stay as written
        return _CONSTRUCTOR.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _STD + "seq":
            raise _Refused(Finding("yaml-tag", f"tag {_short_tag(node.tag)} is not allowed on a list", doc.file, pos.line, pos.col))
        return [_convert(child, path + (i,), doc, findings, seen) for i, child in enumerate(node.value)]
    if node.tag != _STD + "map":
        raise _Refused(Finding("yaml-tag", f"tag {_short_tag(node.tag)} is not allowed on a mapping", doc.file, pos.line, pos.col))
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_TAGS:
            kpos = _mark_pos(key_node.start_mark, doc.file)
            raise _Refused(Finding("yaml-syntax", "a mapping key must be a plain string", doc.file, kpos.line, kpos.col))
        key = key_node.value
        kpos = _mark_pos(key_node.start_mark, doc.file)
        if key == "<<":
            raise _Refused(Finding("yaml-alias", "merge keys (<<) are not allowed in plan files", doc.file, kpos.line, kpos.col))
        if key in out:
            first = doc.key_positions[path + (key,)]
            findings.append(Finding("yaml-duplicate-key", f"key {key!r} appears twice in this mapping (first at line {first.line}); the second would silently win", doc.file, kpos.line, kpos.col, format_path(path + (key,))))
            continue
        doc.key_positions[path + (key,)] = kpos
        out[key] = _convert(value_node, path + (key,), doc, findings, seen)
    return out


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag
