"""Writing output files safely."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path


def write_atomic(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` through a temporary file in the same directory, fsync and a rename,
    so that a reader never sees half a file and a failed run (an exception, a full disk, Ctrl-C,
    a crash before the rename) leaves the old file intact and no temporary file behind."""
    write_bytes_atomic(path, text.encode(encoding))   # an unencodable text fails here, before anything is touched


def write_chunks_atomic(path: Path | str, chunks: Iterable[str], encoding: str = "utf-8") -> None:
    """write_atomic for a text that comes in pieces (the report over many provinces): each piece
    written as it comes, never the whole text in memory; the same temporary file, fsync and
    rename, and a failure half way (an exception while the pieces are made) leaves the old file."""
    def encoded() -> Iterator[bytes]:
        batch: list[str] = []
        size = 0
        for chunk in chunks:
            batch.append(chunk)
            size += len(chunk)
            if size >= 1 << 16:
                yield "".join(batch).encode(encoding)
                batch, size = [], 0
        yield "".join(batch).encode(encoding)

    path = Path(path)
    refuse_unless_regular(path)
    with staged(path, encoded()) as tmp:
        os.replace(tmp, path)
    _fsync_dir(path.parent)


def write_bytes_atomic(path: Path | str, data: bytes) -> None:
    """write_atomic for bytes (a workbook): the same temporary file, fsync and rename."""
    path = Path(path)
    refuse_unless_regular(path)
    with staged(path, data) as tmp:
        os.replace(tmp, path)
    _fsync_dir(path.parent)


@contextlib.contextmanager
def staged(path: Path, data: bytes | Iterable[bytes]):
    """A temporary file beside `path` holding `data` (bytes, or pieces of bytes written as they
    come), on disk (fsync) and with the mode `path` has or a new file would get; gone on exit
    unless the caller moved it into place."""
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in [data] if isinstance(data, bytes) else data:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())  # the bytes are on disk before the name points at them
        os.chmod(tmp, mode)
        yield tmp
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


class NotAFile(OSError):
    """--out names something that is not a regular file (or a symlink): it is not replaced."""


def refuse_unless_regular(path: Path) -> None:
    """--out may name a new file or an existing regular file, nothing else: replacing a FIFO,
    a device, a directory or a symlink with a regular file would break what it was (a symlink
    is refused rather than followed: it may point at a file that is not ours)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise NotAFile(f"{path} is a symbolic link; name the file itself")
    if not stat.S_ISREG(st.st_mode):
        what = "a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file (a FIFO, a device or a socket)"
        raise NotAFile(f"{path} is {what}; --out writes a regular file")


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets what open() would give it."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable (best effort: not every platform can open a directory)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
