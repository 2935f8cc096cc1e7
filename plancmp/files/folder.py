"""One data folder, and the one rule by which plancmp reads a file of it.

Plans, sources, links.yaml, press files and eval/pairs.yaml may all come from a pull
request. A path is read only when, after every symbolic link is resolved, it stands
inside the folder's real path and is a regular file within its size limit (safeio's
checks); otherwise Unreadable says why in words a person understands: "no such file",
"a dangling symbolic link", "resolves outside the data folder data/", "a FIFO, not a
regular file" … The file is then opened one folder at a time from the folder's real path,
never following a link, so a link swapped in after the check is refused, not followed.

A DataFolder reads each file once (one instance per run, held by the Workspace): the
bytes a cache key is made of are the bytes parsed, and a file edited while the run
computes changes nothing the run sees. Light on purpose: the warm path uses it.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .paths import shown_path
from .safeio import MAX_BYTES, OPEN_FLAGS, Unreadable, check_stat, read_fd

T = TypeVar("T")
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_WALK = bool(_NOFOLLOW) and os.open in os.supports_dir_fd and os.stat in os.supports_dir_fd


class Outside(Unreadable):
    """The path leads out of the data folder (after its symbolic links are resolved)."""


def _real_dir(path: str) -> str | Unreadable:
    try:
        return os.path.realpath(path, strict=True)
    except OSError as exc:
        return Unreadable(exc.strerror or str(exc))


def _remembered(table: dict, key: str, compute: Callable[[str], T | Unreadable]) -> T:
    """table[key], computed once; a remembered Unreadable is raised again, as a new exception
    each time (one raised once would keep its traceback, and every frame on it, alive)."""
    found = table.get(key)
    if found is None:
        found = table[key] = compute(key)
    if isinstance(found, Unreadable):
        raise type(found)(found.reason)
    return found


class DataFolder:
    """A data folder (the folder holding plans/), read by the rule above, each file once."""

    def __init__(self, root: Path | str):
        self.root = Path(root)
        self.real = Path(os.path.realpath(self.root))
        self._prefix = str(self.real).rstrip(os.sep) + os.sep
        self._where: dict[str, str | Unreadable] = {}    # a path as asked -> its real path, or why not
        self._dirs: dict[str, str | Unreadable] = {}     # a folder as named -> its real path
        self._bytes: dict[str, bytes | Unreadable] = {}  # a real path -> its bytes, or why not
        self._derived: dict[tuple[str, str], object] = {}
        self._staged: dict[str, tuple[Path, bytes]] = {}   # a file about to be written: real path -> (path, bytes)

    def __repr__(self) -> str:
        return f"DataFolder({str(self.root)!r})"

    def _holds(self, real: str) -> bool:
        return real == str(self.real) or real.startswith(self._prefix)

    def _outside(self) -> Outside:
        return Outside(f"resolves outside the data folder {shown_path(self.root).rstrip(os.sep)}{os.sep}")

    # ------------------------------------------------------------ where a file stands

    def locate(self, path: Path | str) -> str:
        """The real path of a file of the folder; Unreadable saying why the rule forbids it."""
        return _remembered(self._where, os.fspath(path), self._locate)

    def _locate(self, path: str) -> str | Unreadable:
        if "\0" in path:
            return Unreadable("a NUL character in the path")
        if self._staged:
            if (real := os.path.realpath(path)) in self._staged:
                return real
            for staged, _ in self._staged.values():   # a folder the staged file will make (plans/ of a new folder)
                folder = str(staged.parent)
                if path.startswith(folder + os.sep) and not os.path.lexists(folder):
                    path = os.path.normpath(path)   # no link can stand in a folder not yet made
                    break
        head, name = os.path.split(path)
        if name not in ("", ".", ".."):   # the folder resolved once, the file's own entry looked at
            try:
                where = _remembered(self._dirs, head or os.curdir, _real_dir)
                if not stat.S_ISLNK(os.lstat(os.path.join(where, name)).st_mode):
                    real = os.path.join(where, name)
                    return real if self._holds(real) else self._outside()
            except (OSError, ValueError):
                pass   # a link, a missing file or folder: resolved in full below, to say why
        try:
            real = os.path.realpath(path, strict=True)
        except FileNotFoundError:
            if not os.path.lexists(path):
                return Unreadable("no such file")
            if not self._holds(os.path.realpath(path)):
                return self._outside()
            return Unreadable("a dangling symbolic link" if os.path.islink(path) else "no such file")
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return Unreadable("a symbolic link loop")
            return Unreadable(exc.strerror or str(exc))
        return real if self._holds(real) else self._outside()

    def has_entry(self, path: Path | str) -> bool:
        """A directory entry stands at `path` (a dangling symbolic link counts: it is there,
        it cannot be read)."""
        return os.path.lexists(path)

    def files(self, sub: str, pattern: str = "*.yaml") -> list[Path]:
        """The entries of a sub-folder that match `pattern`, in name order (each read by the rule),
        and the files staged there."""
        found = set((self.root / sub).glob(pattern))
        found |= {path for path, _ in self._staged.values() if path.parent == self.root / sub and path.match(pattern)}
        return sorted(found)

    def stage(self, path: Path, data: bytes) -> None:
        """Read `data` as the file `path` (in sub-folder of this folder, not yet written): `plancmp
        new` checks the folder as it will be before it writes anything. Call before any read."""
        real = os.path.realpath(path)
        if not self._holds(real):
            raise self._outside()
        self._staged[real] = (Path(path), data)

    def source_problem(self, owner: Path, source: str) -> str | None:
        """Why the file a plan or press file names as its `source` must never be read, or None.
        A source is a path relative to the naming file that stays, after every symbolic link
        is resolved, inside this folder: a file from a pull request must not make plancmp
        read, and quote in its messages, any other file of the machine."""
        if "\0" in source:
            return f"source {source!r} holds a NUL character"
        if Path(source).is_absolute():
            return f"source {source!r} is an absolute path; write it relative to the plan file (../sources/<id>.txt)"
        try:
            self.locate(Path(owner).parent / source)
        except Outside as exc:
            return f"source {source!r} {exc.reason}; keep sources in its sources/"
        except Unreadable:
            return None   # inside, but missing or unreadable: reading it says why
        return None

    # ------------------------------------------------------------ reading

    def read_bytes(self, path: Path | str, limit: int = MAX_BYTES) -> bytes:
        """The file's bytes, read once per folder. Raises Unreadable."""
        data = _remembered(self._bytes, self.locate(path), self._load)
        if len(data) > limit:
            raise Unreadable(f"{len(data):,} bytes, over the {limit:,}-byte limit")
        return data

    def read_text(self, path: Path | str, limit: int = MAX_BYTES) -> str:
        """read_bytes, decoded (a BOM dropped). Raises Unreadable or UnicodeDecodeError."""
        return self.read_bytes(path, limit).decode("utf-8-sig")

    def derived(self, how: str, path: Path | str, make: Callable[[], T]) -> T:
        """make(), once per file and `how`: what is built from a file's bytes (a source text
        cut into lines, its sentence index) is built once too. An unreadable file is not
        remembered: make() raises, as reading it does."""
        try:
            key = (how, self.locate(path))
        except Unreadable:
            return make()
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]   # type: ignore[return-value]

    def _load(self, real: str) -> bytes | Unreadable:
        if real in self._staged:
            return self._staged[real][1]
        try:
            return read_fd(self._open(real), MAX_BYTES)
        except Unreadable as exc:
            return Unreadable(exc.reason)   # remembered without the traceback of this read

    def _open(self, real: str) -> int:
        """Open `real` from the folder's real path down, one component at a time, following no
        symbolic link: a link swapped in since locate() is refused."""
        parts = [] if real == str(self.real) else real[len(self._prefix):].split(os.sep)
        if not parts:
            raise Unreadable("a directory, not a regular file")
        try:
            if not _WALK:   # pragma: no cover - a platform without openat
                check_stat(os.stat(real))
                return os.open(real, OPEN_FLAGS)
            fd = os.open(self.real, os.O_RDONLY | _DIRECTORY)
            try:
                for part in parts[:-1]:
                    inner = os.open(part, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=fd)
                    os.close(fd)
                    fd = inner
                check_stat(os.stat(parts[-1], dir_fd=fd, follow_symlinks=False))
                return os.open(parts[-1], OPEN_FLAGS | _NOFOLLOW, dir_fd=fd)
            finally:
                os.close(fd)
        except Unreadable:
            raise
        except FileNotFoundError:
            raise Unreadable("no such file") from None
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                raise Unreadable("replaced by a symbolic link while it was read") from None
            raise Unreadable(exc.strerror or str(exc)) from None
