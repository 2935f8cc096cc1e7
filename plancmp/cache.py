"""A cache of parsed data, keyed by the content it was derived from.

Parsing a plan (YAML with positions, then the JSON Schema check) costs more than
comparing it, and most runs read files that have not changed since the last run.
Entries are pickles under $XDG_CACHE_HOME/plancmp (else ~/.cache/plancmp), named by
a sha256 over the inputs' bytes and plancmp's own fingerprint (version, code,
vocabularies, schemas), so a changed file or a new plancmp never meets a stale entry.

The cache is an optimisation only: PLANCMP_NO_CACHE=1 turns it off, and a missing,
corrupt or unwritable cache silently falls back to computing the value.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from . import __version__

PACKAGE = Path(__file__).resolve().parent


def enabled() -> bool:
    return not os.environ.get("PLANCMP_NO_CACHE")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "plancmp"


@cache
def fingerprint() -> bytes:
    """plancmp's version, its code and its vocabularies/schemas: what every entry was computed by."""
    digest = hashlib.sha256(__version__.encode())
    files = [*PACKAGE.glob("*.py"), *PACKAGE.glob("vocab/*.yaml"), *PACKAGE.glob("schemas/*.json")]
    for path in sorted(files):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


def key(kind: str, *parts: str | bytes) -> str:
    """An entry's name: sha256 over the kind, plancmp's fingerprint and every input, length-prefixed."""
    digest = hashlib.sha256(fingerprint() + kind.encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def get(name: str) -> object | None:
    """The cached value, or None when there is none or it cannot be read (never raises)."""
    if not enabled():
        return None
    try:
        with open(cache_dir() / f"{name}.pickle", "rb") as fh:
            return pickle.load(fh)
    except Exception:   # missing, truncated, from another Python, garbage: compute instead
        return None


def put(name: str, value: object) -> None:
    """Store a value atomically (write a temporary file, then rename); failures are ignored."""
    if not enabled():
        return
    tmp = None
    try:
        directory = cache_dir()
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, directory / f"{name}.pickle")
        tmp = None
    except Exception:   # read-only home, full disk, unpicklable value: the run goes on uncached
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
