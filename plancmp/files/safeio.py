"""Reading the files a pull request can change (plans, sources, links, press), boundedly.

A path in a plan file, or the file a plan name points at, may be a FIFO, a device
(/dev/zero), a directory or a symlink to any of them: reading one without care hangs
or fills memory. Every read here checks that the path is a regular file (before and,
through the open descriptor, after opening it, so a swap in between is caught) and
stops at a size limit. Light on purpose: the warm path uses it.
"""
from __future__ import annotations

import os
import stat

MAX_BYTES = 8 * 2**20   # the largest plan or source text today is 0.3 MB


class Unreadable(OSError):
    """The path is not a regular file, is too large, or cannot be opened; `reason` says which."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def read_bytes(path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes. Raises Unreadable (never blocks on a FIFO, never reads past `limit`)."""
    try:
        before = os.stat(path)
    except FileNotFoundError:
        raise Unreadable("no such file") from None
    except (OSError, ValueError) as exc:   # a symlink loop, a NUL in the path, no permission
        raise Unreadable(getattr(exc, "strerror", None) or str(exc)) from None
    if not stat.S_ISREG(before.st_mode):
        raise Unreadable(f"{_kind(before.st_mode)}, not a regular file")
    if before.st_size > limit:
        raise Unreadable(f"{before.st_size:,} bytes, over the {limit:,}-byte limit")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as fh:
        now = os.fstat(fh.fileno())
        if not stat.S_ISREG(now.st_mode):   # replaced between the stat and the open
            raise Unreadable(f"{_kind(now.st_mode)}, not a regular file")
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise Unreadable(f"over the {limit:,}-byte limit")
    return data


def read_text(path, limit: int = MAX_BYTES, encoding: str = "utf-8-sig") -> str:
    """read_bytes, decoded. Raises Unreadable or UnicodeDecodeError."""
    return read_bytes(path, limit).decode(encoding)
