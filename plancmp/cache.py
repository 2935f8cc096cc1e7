"""A cache of parsed data, keyed by the content it was derived from.

Parsing a plan (YAML with positions, then the JSON Schema check) costs more than
comparing it, and most runs read files that have not changed since the last run.
Entries are pickles under $XDG_CACHE_HOME/plancmp (else ~/.cache/plancmp), named by
a BLAKE2b digest of the inputs' bytes and plancmp's own fingerprint (version, code,
vocabularies, schemas), so a changed file or a new plancmp never meets a stale entry.

The cache is an optimisation only: PLANCMP_NO_CACHE=1 turns it off, and a missing,
corrupt or unwritable cache silently falls back to computing the value. It keeps
itself under MAX_BYTES, dropping the least recently used entries.
"""
from __future__ import annotations

import os
import pickle
from functools import cache
from pathlib import Path

from . import __version__

try:  # the C module itself: `import hashlib` would first initialise OpenSSL (~5 ms a run)
    from _blake2 import blake2b as _digest
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as _digest

PACKAGE = Path(__file__).resolve().parent
# Room for every entry of a 300-province `matrix` (about 130 MB) with some to spare;
# beyond it the least recently used entries go.
MAX_BYTES = 512 * 2**20
_pruned = False   # set by the first write of a run


def enabled() -> bool:
    return not os.environ.get("PLANCMP_NO_CACHE")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "plancmp"


@cache
def fingerprint() -> bytes:
    """plancmp's version, its code and its vocabularies/schemas: what every entry was computed by.
    Each file counts by name, size and modification time, as Python's own .pyc check does:
    reading them all on every run would cost more than most cache hits save."""
    digest = _digest(__version__.encode())
    files = [*PACKAGE.glob("*.py"), *PACKAGE.glob("vocab/*.yaml"), *PACKAGE.glob("schemas/*.json")]
    for path in sorted(files):
        stat = path.stat()
        digest.update(f"{path.relative_to(PACKAGE).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.digest()


def key(kind: str, *parts: str | bytes) -> str:
    """An entry's name: BLAKE2b over the kind, plancmp's fingerprint and every input, length-prefixed."""
    digest = _digest(fingerprint() + kind.encode(), digest_size=32)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def by_files(kind: str, paths: list[Path], extra: str, compute, expect: type = object):
    """compute(), memoised under the bytes of every file it reads (`paths`, each also by
    its path and how messages show it: positions carry it) plus `extra` (the options).

    For whole results (a diff, a matrix) that are pure functions of those files: a hit
    skips the YAML, the schema check and the alignment alike. A file edited while
    compute() ran is not filed under its old bytes."""
    from .paths import shown_path

    if not enabled():
        return compute()
    before = [_contents(p) for p in paths]
    parts = [extra]
    for path, data in zip(paths, before):
        parts += [str(path), shown_path(path), data]
    name = key(kind, *parts)
    hit = get(name)   # stored as (kind, value): a stray pickle of the right type is not taken
    if isinstance(hit, tuple) and len(hit) == 2 and hit[0] == kind and isinstance(hit[1], expect):
        return hit[1]
    value = compute()   # raises when a file is unreadable or wrong: nothing is stored then
    if [_contents(p) for p in paths] == before:
        put(name, (kind, value))
    return value


def _contents(path: Path) -> bytes:
    """The file's bytes, or why it cannot be read (links.yaml may be absent; an unreadable
    plan's finding says why, so the reason is part of the key)."""
    from .safeio import read_bytes

    try:
        return b"\1" + read_bytes(path)   # bounded: a plan "file" may be /dev/zero or a FIFO
    except OSError as exc:
        return b"\0" + f"{type(exc).__name__}: {getattr(exc, 'reason', None) or exc.strerror}".encode()


def get(name: str) -> object | None:
    """The cached value, or None when there is none or it cannot be read (never raises)."""
    if not enabled():
        return None
    path = cache_dir() / f"{name}.pickle"
    try:
        with open(path, "rb") as fh:
            value = pickle.load(fh)
    except Exception:   # missing, truncated, from another Python, garbage: compute instead
        return None
    try:
        os.utime(path)   # recently used: pruning removes the least recently used first
    except OSError:
        pass
    return value


def put(name: str, value: object) -> None:
    """Store a value atomically (write a temporary file, then rename); failures are ignored."""
    if not enabled():
        return
    tmp = None
    try:
        directory = cache_dir()
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        import tempfile   # only when writing: a warm run never does

        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, directory / f"{name}.pickle")
        tmp = None
        global _pruned
        if not _pruned:   # once per run that writes: a 300-province run writes 600 entries
            _pruned = True
            prune(directory)
    except Exception:   # read-only home, full disk, unpicklable value: the run goes on uncached
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def prune(directory: Path, limit: int | None = None) -> None:
    """Remove the least recently used entries until the cache is within `limit` bytes
    (MAX_BYTES). Runs after the first write of a run: a run that only reads never lists it."""
    limit = MAX_BYTES if limit is None else limit
    entries = []
    for entry in os.scandir(directory):
        if entry.name.endswith(".pickle"):
            try:
                stat = entry.stat()
            except OSError:
                continue
            entries.append((stat.st_mtime_ns, entry.name, stat.st_size))
    total = sum(size for _, _, size in entries)
    for _, name, size in sorted(entries):
        if total <= limit:
            break
        try:
            os.unlink(directory / name)
        except OSError:
            continue
        total -= size
