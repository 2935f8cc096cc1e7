"""What `plancmp new` checks before it drafts, and reading the new text: every refusal is a
sentence that says what to do (the command exits 2 with it)."""
from __future__ import annotations

import re
from pathlib import Path

from .model import Draft


def check_new(ws, plan_id: str, name: str, region: str, aliases: list[str], plan_path: Path, source_path: Path,
              source: Path, dry_run: bool = False) -> str | None:
    """Why the plan cannot be drafted as asked into the workspace `ws`, or None."""
    from ..files.paths import shown_path
    from ..ingest.schema import ID_PATTERN

    if not re.match(ID_PATTERN, plan_id):
        return f"plan id {plan_id!r} must be lower-case ascii words joined by - (zhejiang, inner-mongolia)"
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
        if (path.exists() or path.is_symlink()) and not (what == "source" and same_file(source, path)):
            return (f"{shown_path(path)} exists; `plancmp new` never replaces a {what}: choose another id, "
                    f"or remove the file if it is yours to remove")
    return None


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
