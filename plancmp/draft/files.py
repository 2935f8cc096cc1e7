"""Writing a new plan and its source into a data folder: all or nothing, never replacing a file.

`plancmp new` writes two files that only make sense together: a plan without its source
breaks every cross-plan command, a source without its plan blocks the next run. So:
1. each file is written to a temporary file beside its final name (`.<name>.<random>.tmp`)
   and synced to disk; a failure here (a full disk, an exception, Ctrl-C, SIGTERM) removes
   the temporary files, and any folder this run made, and leaves the data folder as it was;
2. with SIGINT, SIGTERM and SIGHUP held back (they wait, they are not lost), each temporary
   file is hard-linked to its final name, the source first, the plan last (a link fails if
   the name was taken meanwhile: a file is never replaced); a failure undoes the links made;
3. the signals are let through: a Ctrl-C that came during step 2 ends the run now, with the
   folder complete.
Only `kill -9` (or a power cut) can stop the run between the two links; it leaves the source
without its plan, which a rerun takes as it is (plancmp new uses a source already in place
that holds the same bytes), and at most a temporary file, which nothing reads and no rerun
minds.
"""
from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path

from ..files.output import _fsync_dir, staged

_HELD = tuple(s for s in (getattr(signal, n, None) for n in ("SIGINT", "SIGTERM", "SIGHUP")) if s is not None)


@contextlib.contextmanager
def _signals_held():
    """SIGINT, SIGTERM and SIGHUP wait until the block ends (where the platform can hold them)."""
    if not hasattr(signal, "pthread_sigmask"):   # pragma: no cover - Windows
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _made(folder: Path) -> list[Path]:
    """mkdir -p `folder`; the folders it made, outermost first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(exist_ok=True)
    return list(reversed(missing))


def _place(tmp: str, path: Path, data: bytes) -> None:
    """The temporary file under its final name, which must be free (FileExistsError)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:   # a file system without hard links: an exclusive create instead
        try:
            with open(path, "xb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        except FileExistsError:
            raise
        except BaseException:
            path.unlink(missing_ok=True)
            raise


def create_all(files: list[tuple[Path, bytes]]) -> None:
    """Write each (path, data) as a new file, all of them or none (the module's steps), in
    order: the plan last. FileExistsError when a name is taken; OSError when writing fails."""
    made: list[Path] = []
    try:
        for path, _ in files:
            made += _made(path.parent)
        with contextlib.ExitStack() as stack:
            temporary = [(stack.enter_context(staged(path, data)), path, data) for path, data in files]
            with _signals_held():
                placed: list[Path] = []
                try:
                    for tmp, path, data in temporary:
                        _place(tmp, path, data)
                        placed.append(path)
                except BaseException:
                    for path in reversed(placed):
                        path.unlink(missing_ok=True)
                    raise
                for folder in dict.fromkeys(path.parent for path, _ in files):
                    _fsync_dir(folder)
    except BaseException:
        for folder in reversed(made):   # only a folder this run made, and only when empty
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
