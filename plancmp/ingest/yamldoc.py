"""Safe YAML reading that keeps a position for every node.

PyYAML's `safe_load` forgets where things were, and silently accepts duplicate
keys. We compose the node graph instead (no objects are constructed, so
`!!python/object` can never run), refuse anchors/aliases (no "billion laughs"),
refuse every non-standard tag, and convert nodes ourselves while recording the
1-based line and column of each value and key.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.constructor import SafeConstructor

from ..core.findings import Finding
from ..core.positions import Pos

if TYPE_CHECKING:
    from ..files.folder import DataFolder

try:  # the C composer is several times faster; same node graph
    from yaml import CSafeLoader as _Loader
    _BYTE_OFFSETS = True   # libyaml gives a reader error's position as a UTF-8 byte offset
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
    _BYTE_OFFSETS = False

MAX_BYTES = 2_000_000  # a curated plan is ~100 kB; anything far bigger is a mistake
MAX_DEPTH = 32         # plans nest 5 deep; deeper is a mistake (and would exhaust the stack)
_DEEP_SCAN = 5_000     # libyaml composes recursively and crashes ~30,000 levels deep: with fewer
                       # possible openers than this no scan is needed, so real plans pay nothing
MAX_INT = 2**53        # beyond this JSON readers lose precision; no plan value comes near it
_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_STR = _STD + "str"
_CONSTRUCTOR = SafeConstructor()
_FAILED = object()

PathKey = tuple[str | int, ...]  # path into the document: ("targets", 3, "unit")


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
    def __init__(self, finding: Finding, alias: bool = False):
        self.finding = finding
        self.alias = alias  # found at the anchored node: parse() moves it to the alias


def read_text(path: Path, shown: str, folder: DataFolder | None = None) -> tuple[str | None, list[Finding]]:
    """Bytes -> text with the checks a hand-edited file needs; findings instead of exceptions.
    A file of a data folder is read by its rule (`folder`, a files/folder.DataFolder: inside
    the folder, once per run); a file named on the command line, as named."""
    from ..files.safeio import Unreadable, read_bytes

    try:   # a regular file under the limit, or a finding: never a hang
        raw = folder.read_bytes(path, MAX_BYTES) if folder is not None else read_bytes(path, MAX_BYTES)
    except Unreadable as exc:
        if "limit" in exc.reason:
            return None, [Finding("file-too-large", f"{exc.reason}; split or trim the file", shown)]
        return None, [Finding("file-unreadable", f"cannot read the file: {exc.reason}", shown)]
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Windows editors' "Unicode": every other byte is NUL
        return None, [Finding("file-encoding", "the file is UTF-16; save it as UTF-8", shown)]
    try:
        text = raw.decode("utf-8-sig")  # a BOM is harmless: drop it
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Finding("file-encoding", f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8 (it may be GBK)", shown, line, col)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def parse(text: str, shown: str) -> tuple[Doc | None, list[Finding]]:
    """Text -> Doc. Returns (None, findings) when the YAML cannot be read at all."""
    deep = _too_deep(text, shown)
    if deep is not None:
        return None, [deep]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_finding(exc, text, shown)]
    except yaml.reader.ReaderError as exc:  # a control character; libyaml gives its UTF-8 byte offset
        at = len(text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")) if _BYTE_OFFSETS else exc.position
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        return None, [Finding("yaml-syntax", f"control character U+{exc.character:04X} is not allowed in YAML; delete it", shown, line, col)]
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return None, [Finding("yaml-syntax", str(exc).splitlines()[0], shown)]
    if node is None:
        return None, [Finding("file-empty", "the file holds no YAML document; a plan is a mapping with id, name, targets …", shown)]
    doc = Doc(shown, None)
    findings: list[Finding] = []
    try:
        doc.data = _convert(node, (), doc, findings, set())
    except _Refused as refused:
        return None, [_at_first_alias(refused.finding, text) if refused.alias else refused.finding]
    return doc, findings


def _too_deep(text: str, shown: str) -> Finding | None:
    """Refuse nesting deeper than MAX_DEPTH before libyaml's recursive composer sees it."""
    # block mappings need a deeper indent per level (≤ 2,000 levels in MAX_BYTES); flow brackets
    # and compact "- - -" / "? ? ?" nest one level per character or two
    openers = text.count("[") + text.count("{") + sum(text.count(c + w) for c in "-?" for w in " \n\t")
    if openers < _DEEP_SCAN:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):  # events come from a loop, not recursion
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    pos = _mark_pos(event.start_mark, shown)
                    return Finding("yaml-syntax", f"lists and mappings nested more than {MAX_DEPTH} deep; a plan nests 5 deep", shown, pos.line, pos.col)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # compose() reports the syntax error with its position
    return None


def _at_first_alias(finding: Finding, text: str) -> Finding:
    """The composer resolves *name to the anchored node; point at the first *name instead."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            line, col = (mark.line + 1, mark.column + 1) if mark is not None else (finding.line, finding.col)
            return Finding(finding.code, f"alias *{event.anchor} repeats the value anchored with &{event.anchor}; "
                           "anchors and aliases are not allowed in plan files, write the value out", finding.file, line, col)
    return finding


def load(path: Path, shown: str | None = None, folder: DataFolder | None = None) -> tuple[Doc | None, list[Finding]]:
    shown = shown or str(path)
    text, findings = read_text(path, shown, folder)
    if text is None:
        return None, findings
    return parse(text, shown)


def _mark_pos(mark: Any, shown: str) -> Pos:   # a yaml Mark (of the C or the Python reader)
    return Pos(shown, mark.line + 1, mark.column + 1)


def _syntax_finding(exc: yaml.MarkedYAMLError, text: str, shown: str) -> Finding:
    # "while scanning a simple key / quoted scalar / anchor": the context mark is where the token
    # began, on the line the mistake is; "while parsing a mapping" marks the mapping's start instead
    problem = exc.problem or exc.context or "cannot parse"
    scanning = (exc.context or "").startswith("while scanning") and exc.context_mark is not None
    mark = exc.context_mark if scanning and "tab" not in problem else (exc.problem_mark or exc.context_mark)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "\t" in problem or "tab" in problem:
        return Finding("yaml-tab", "a tab character where YAML needs spaces; indent with spaces only", shown, line, col)
    lines = text.split("\n")
    if 0 < line <= len(lines) and lines[line - 1][: col].lstrip(" ").startswith("\t"):
        return Finding("yaml-tab", "a tab character where YAML needs spaces; indent with spaces only", shown, line, col)
    context = f" ({exc.context})" if exc.context and exc.context != problem else ""
    for before in (line - 1, line):  # an unclosed "…", { or [ runs on and fails a line later
        opener = _unclosed(lines[before - 1]) if 0 < before <= len(lines) else None
        if opener:
            return Finding("yaml-syntax", f"{problem}{context}; is the {opener} on line {before} left open?", shown, line, col)
    return Finding("yaml-syntax", f"{problem}{context}; check the indentation and quoting around here", shown, line, col)


def _unclosed(line: str) -> str | None:
    """The opener a line leaves open: a double-quoted value, a { or a [ (heuristic; comments ignored)."""
    head = line.split(" #", 1)[0].replace("\\\\", "").replace('\\"', "")
    if (': "' in head or '- "' in head) and head.count('"') % 2 == 1:
        return '"'
    bare = head.replace('""', "").split('"')[::2]  # outside quotes
    for opener, closer in ("{}", "[]"):
        if sum(part.count(opener) - part.count(closer) for part in bare) > 0:
            return opener
    return None


def _convert(node: yaml.Node, path: PathKey, doc: Doc, findings: list[Finding], seen: set[int]) -> Any:
    pos = _mark_pos(node.start_mark, doc.file)
    if id(node) in seen:  # the composer hands out one node object per anchor: a repeat is an alias
        raise _Refused(Finding("yaml-alias", "anchors and aliases (&name, *name) are not allowed in plan files; write the value out", doc.file, pos.line, pos.col), alias=True)
    seen.add(id(node))
    doc.positions[path] = pos
    if len(path) > MAX_DEPTH:  # _too_deep only scans big files; this guards our own recursion
        raise _Refused(Finding("yaml-syntax", f"lists and mappings nested more than {MAX_DEPTH} deep; a plan nests 5 deep", doc.file, pos.line, pos.col))
    if isinstance(node, yaml.ScalarNode):
        if node.tag not in _SCALAR_TAGS:
            raise _Refused(Finding("yaml-tag", f"tag {_short_tag(node.tag)} is not allowed; plain strings, numbers, booleans and null only", doc.file, pos.line, pos.col))
        if node.tag == _STD + "timestamp" or node.tag == _STR:
            return node.value  # dates stay as written; text is the scalar's value as the constructor would give it
        return _scalar(node, path, doc, pos)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _STD + "seq":
            raise _Refused(Finding("yaml-tag", f"tag {_short_tag(node.tag)} is not allowed on a list", doc.file, pos.line, pos.col))
        return [_convert(child, path + (i,), doc, findings, seen) for i, child in enumerate(node.value)]
    if node.tag != _STD + "map":
        raise _Refused(Finding("yaml-tag", f"tag {_short_tag(node.tag)} is not allowed on a mapping", doc.file, pos.line, pos.col))
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        kpos = _mark_pos(key_node.start_mark, doc.file)
        if id(key_node) in seen:
            raise _Refused(Finding("yaml-alias", "anchors and aliases (&name, *name) are not allowed in plan files; write the key out", doc.file, kpos.line, kpos.col), alias=True)
        seen.add(id(key_node))
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Refused(Finding("yaml-syntax", "a mapping key must be a plain string, not a list or mapping", doc.file, kpos.line, kpos.col))
        if key_node.tag == _STD + "merge":
            raise _Refused(Finding("yaml-alias", "merge keys (<<) are not allowed in plan files", doc.file, kpos.line, kpos.col))
        if key_node.tag not in _SCALAR_TAGS:
            raise _Refused(Finding("yaml-tag", f"tag {_short_tag(key_node.tag)} is not allowed on a key", doc.file, kpos.line, kpos.col))
        key = key_node.value  # keys stay as written: `1:` is the key '1'
        if key in out:
            first = doc.key_positions[path + (key,)]
            findings.append(Finding("yaml-duplicate-key", f"key {key!r} appears twice in this mapping (first at line {first.line}); the second would silently win", doc.file, kpos.line, kpos.col, format_path(path + (key,))))
            continue
        doc.key_positions[path + (key,)] = kpos
        out[key] = _convert(value_node, path + (key,), doc, findings, seen)
    return out


def _scalar(node: yaml.ScalarNode, path: PathKey, doc: Doc, pos: Pos) -> Any:
    """Construct one standard scalar; values no plan can mean are refused, not crashed on."""
    try:
        value = _CONSTRUCTOR.construct_object(node, deep=True)
    except (ValueError, KeyError, yaml.YAMLError):  # `!!int abc`, `!!bool maybe`, 5,000 digits
        value = _FAILED
    finally:   # the constructor remembers every node it built: forget them, or every plan stays in memory
        _CONSTRUCTOR.constructed_objects.clear()
        _CONSTRUCTOR.recursive_objects.clear()
    if value is _FAILED:
        if node.value.lstrip("+-").replace("_", "").isdigit():
            raise _Refused(Finding("invalid-value", f"the number {_clip(node.value)} is too large ({len(node.value):,} digits); quote it if it is text",
                                   doc.file, pos.line, pos.col, format_path(path))) from None
        raise _Refused(Finding("invalid-value", f"{_clip(node.value)!r} cannot be read as {_short_tag(node.tag)}; "
                               "quote it to make it text", doc.file, pos.line, pos.col, format_path(path))) from None
    if isinstance(value, float) and not math.isfinite(value):  # .inf / .nan would break sorting and JSON
        raise _Refused(Finding("invalid-value", f"{node.value} is not a finite number; quote it if the source writes it as text",
                               doc.file, pos.line, pos.col, format_path(path)))
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
        raise _Refused(Finding("invalid-value", f"the number {_clip(node.value)} is too large (over 2^53); quote it if it is text",
                               doc.file, pos.line, pos.col, format_path(path)))
    return value


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag
