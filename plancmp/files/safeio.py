"""Reading the files a pull request can change (plans, sources, links, press), boundedly.

A path in a plan file, or the file a plan name points at, may be a FIFO, a device
(/dev/zero), a directory or a symlink to any of them: reading one without care hangs
or fills memory. Every read here checks that the path is a regular file (before and,
through the open descriptor, after opening it, so a swap in between is caught) and
stops at a size limit. Light on purpose: the warm path uses it. The files of a data
folder are read through files/folder.py, which adds where a file may stand.
"""
from __future__ import annotations

import os
import stat

MAX_BYTES = 8 * 2**20   # the largest plan or source text today is 0.3 MB
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)   # a FIFO never blocks the open


class Unreadable(OSError):
    """The path is not a regular file, is too large, or cannot be opened; `reason` says which."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISLNK, "a symbolic link")):
        if test(mode):
            return name
    return "not a regular file"


def check_stat(st: os.stat_result, limit: int = MAX_BYTES) -> None:
    """Unreadable unless `st` is a regular file within `limit` bytes."""
    if not stat.S_ISREG(st.st_mode):
        raise Unreadable(f"{_kind(st.st_mode)}, not a regular file")
    if st.st_size > limit:
        raise Unreadable(f"{st.st_size:,} bytes, over the {limit:,}-byte limit")


def read_fd(fd: int, limit: int = MAX_BYTES) -> bytes:
    """The bytes of an open descriptor (closed here), once fstat says it is a regular file
    within `limit` (replaced between a check and the open, it is refused)."""
    with os.fdopen(fd, "rb") as fh:
        check_stat(os.fstat(fh.fileno()), limit)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise Unreadable(f"over the {limit:,}-byte limit")
    return data


def read_bytes(path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes. Raises Unreadable (never blocks on a FIFO, never reads past `limit`)."""
    try:
        before = os.stat(path)
    except FileNotFoundError:
        raise Unreadable("no such file") from None
    except (OSError, ValueError) as exc:   # a symlink loop, a NUL in the path, no permission
        raise Unreadable(getattr(exc, "strerror", None) or str(exc)) from None
    check_stat(before, limit)
    try:
        fd = os.open(path, OPEN_FLAGS)
    except OSError as exc:
        raise Unreadable(exc.strerror or str(exc)) from None
    return read_fd(fd, limit)


def read_text(path, limit: int = MAX_BYTES, encoding: str = "utf-8-sig") -> str:
    """read_bytes, decoded. Raises Unreadable or UnicodeDecodeError."""
    return read_bytes(path, limit).decode(encoding)
