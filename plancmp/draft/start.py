"""What `plancmp new` checks before it drafts, and reading the new text: every refusal is a
sentence that says what to do (the command exits 2 with it)."""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from .model import Draft


def check_new(ws, plan_id: str, name: str, region: str, aliases: list[str], plan_path: Path, source_path: Path,
              source: Path, dry_run: bool = False, period: str = "2021-2025") -> str | None:
    """Why the plan cannot be drafted as asked into the workspace `ws`, or None."""
    from ..files.paths import shown_path
    from ..ingest.schema import ID_PATTERN

    if not re.match(ID_PATTERN, plan_id):
        return f"plan id {plan_id!r} must be lower-case ascii words joined by - (zhejiang, inner-mongolia)"
    for what, value in (("--name", name), ("--region", region), ("--period", period), *(("--alias", a) for a in aliases)):
        if why := not_text(value):
            return f"{what} {why}; give it as the text writes it"
    for what, value in (("--name", name), ("--region", region)):
        if not value.strip():
            return f"{what} is empty; give it as the text writes it"
    for alias in aliases:
        if not alias.strip() or re.search(r"[,\[\]#'\"\n]", alias):
            return f"--alias {alias!r}: an alias is a name without , [ ] # or quotes"
        taken = _taken(ws, alias)
        if taken and taken != plan_id:
            return f"--alias {alias!r} already names the plan {taken!r}; choose another"
    if not source.is_file():
        return f"--source {source}: no such file" if not source.exists() else f"--source {source} is not a regular file"
    if dry_run:
        return None
    for path, what in ((plan_path, "plan"), (source_path, "source")):
        if (path.exists() or path.is_symlink()) and not (what == "source" and in_place(source, path)):
            return (f"{shown_path(path)} exists; `plancmp new` never replaces a {what}: choose another id, "
                    f"or remove the file if it is yours to remove")
    return None


def not_text(value: str) -> str | None:
    """Why a name typed for the plan is not text people can read and type, or None: bytes
    that are not UTF-8 (the shell passes them as lone surrogates), a control character."""
    for char in value:
        if unicodedata.category(char) == "Cs":
            return "holds bytes that are not UTF-8 text"
        if unicodedata.category(char) == "Cc" or char in "\u2028\u2029":
            return f"holds a control character (U+{ord(char):04X})"
    return None


def check_result(root: Path, level: str, files: list[tuple[Path, bytes]]) -> list:
    """The errors `plancmp validate` would find in the data folder at `root` with `files` (path,
    bytes) written into it that it does not find today: the new plan's own (a draft larger than
    a plan file may be, a name that is not valid text …) and what it does to the others (a
    second national plan, an id, region or alias another plan has). That the folder has no
    national plan yet is no error of a new province plan."""
    from ..core.findings import ERROR
    from ..ingest.validate import validate
    from ..ingest.workspace import Workspace

    after = Workspace(root)
    for path, data in files:
        after.folder.stage(path, data)
    errors = {f for f in validate(after).findings if f.severity == ERROR}
    if errors:
        errors -= {f for f in validate(Workspace(root)).findings if f.severity == ERROR}
    if level != "national":
        errors = {f for f in errors if not (f.code == "reference-plan" and f.message.startswith("no plan has level"))}
    return sorted(errors, key=lambda f: f.sort_key())


def in_place(source: Path, path: Path) -> bool:
    """The source file at `path` is `source` itself, or a regular file holding the same bytes
    (a source that a run stopped by kill -9 left without its plan: a rerun uses it)."""
    if same_file(source, path):
        return True
    from ..files.safeio import Unreadable, read_bytes

    try:
        if path.is_symlink() or os.stat(path).st_size != os.stat(source).st_size:
            return False
        return read_bytes(path) == read_bytes(source)
    except (OSError, Unreadable):
        return False


def _taken(ws, alias: str) -> str | None:
    from ..ingest.workspace import UnknownPlan

    try:
        return ws.resolve(alias)
    except (UnknownPlan, OSError):
        return None


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def draft_file(source: Path, reference=None) -> tuple[bytes, Draft | str]:
    """(the text's bytes, its draft) or (b"", why it cannot be read). `reference`: the
    reference plan's words (draft/reference.py), None when drafting the reference plan."""
    from ..files.safeio import Unreadable, read_bytes
    from . import draft_text

    try:
        raw = read_bytes(source)
    except Unreadable as exc:
        return b"", f"--source {source}: {exc.reason}"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return b"", (f"--source {source} is not UTF-8 (byte 0x{raw[exc.start]:02x} on line {line}); convert it first, "
                     f"e.g. iconv -f GBK -t UTF-8 {source} > text.txt")
    if not text.strip():
        return b"", f"--source {source} holds no text"
    return raw, draft_text(text, reference)
