"""A cache of parsed data and whole results, keyed by the content they were derived from.

Parsing a plan (YAML with positions, then the JSON Schema check) costs more than
comparing it, and most runs read files that have not changed since the last run.
Entries are pickles under $XDG_CACHE_HOME/plancmp (else ~/.cache/plancmp), named by
a BLAKE2b digest of the inputs' bytes (as the data folder read them, once per run), the
data folder's real path and plancmp's own fingerprint (version and the content of every
module, vocabulary and schema), so a changed file, another folder or a new plancmp never
meets a stale entry.

A cache folder can come from elsewhere (a CI cache restored from a pull request's run,
a shared home), and unpickling runs code. So every entry is signed: a keyed BLAKE2b
MAC under a key that lives outside the cache folder ($XDG_STATE_HOME/plancmp, readable
by the user alone), checked before anything is unpickled; an entry without a valid MAC
is never read. A cache folder (or key) that the user does not own, or that others can
write, is not used at all: one warning, and the run computes without it.

The cache is an optimisation only: PLANCMP_NO_CACHE=1 turns it off (0, false or no
leave it on), and a missing, corrupt or unwritable cache silently falls back to
computing the value. It keeps itself under MAX_BYTES, dropping the least recently used
entries.
"""
from __future__ import annotations

import os
import pickle
from functools import cache
from pathlib import Path
from typing import IO

from .. import __version__
from .paths import PACKAGE

try:  # the C module itself: `import hashlib` would first initialise OpenSSL (~5 ms a run)
    from _blake2 import blake2b as _digest
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b as _digest

# Room for every entry of a 300-province `matrix` (about 130 MB) with some to spare;
# beyond it the least recently used entries go.
MAX_BYTES = 512 * 2**20
_pruned = False   # set by the first write of a run


def enabled() -> bool:
    flag = os.environ.get("PLANCMP_NO_CACHE", "").strip().lower()
    return flag in ("", "0", "false", "no") and _safe_dir() is not None


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "plancmp"


def _key_path() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "plancmp" / "cache.key"


_warned = False


def _refuse(message: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        import sys

        print(f"plancmp: not using the cache: {message}; computing without it", file=sys.stderr)


def _private(path: Path, what: str) -> bool:
    """`path`, when it exists, belongs to the user and no one else may write it."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if os.path.islink(path):
        _refuse(f"{what} {path} is a symbolic link")
        return False
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        _refuse(f"{what} {path} belongs to another user")
        return False
    if st.st_mode & 0o022:
        _refuse(f"others can write {what} {path}")
        return False
    return True


@cache
def _safe_dir() -> Path | None:
    directory = cache_dir()
    return directory if _private(directory, "the cache folder") else None


@cache
def _secret() -> bytes | None:
    """The key that signs entries: made on first use, readable by the user alone."""
    path = _key_path()
    try:
        if not path.exists():
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:   # another run made it since we looked: theirs is the key
                pass
            else:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(os.urandom(32))
        if not _private(path.parent, "the cache key's folder") or not _private(path, "the cache key"):
            return None
        if os.stat(path).st_mode & 0o077:
            _refuse(f"others can read the cache key {path}")
            return None
        with open(path, "rb") as fh:
            key = fh.read(64)
        return key if len(key) >= 16 else None
    except OSError:
        return None


def _mac(secret: bytes, name: str, payload: bytes) -> bytes:
    return _digest(name.encode() + b"\0" + payload, key=secret[:64], digest_size=32).digest()


@cache
def fingerprint() -> bytes:
    """plancmp's version and the content of its code, vocabularies, schemas and report
    assets (every file of every sub-package): what every entry was computed by. Content,
    not size and time: an edit that keeps both must still miss."""
    digest = _digest(__version__.encode())
    for root, dirs, names in os.walk(PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith(_CODE):
                path = os.path.join(root, name)
                with open(path, "rb") as fh:
                    content = fh.read()
                digest.update(os.path.relpath(path, PACKAGE).encode() + b"\0" + _digest(content).digest())
    return digest.digest()


_CODE = (".py", ".yaml", ".json", ".css", ".js")


def key(kind: str, *parts: str | bytes) -> str:
    """An entry's name: BLAKE2b over the kind, plancmp's fingerprint and every input, length-prefixed."""
    digest = _digest(fingerprint() + kind.encode(), digest_size=32)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def by_files(kind: str, folder, paths: list[Path], extra: str, compute, expect: type = object, read_too=None,
             shared=None):
    """compute(), memoised under the bytes of every file it reads (`paths`, each also by its
    path and how messages show it: positions carry it), the real path of their data folder
    (`folder`, a files/folder.DataFolder) and `extra` (the options).

    The bytes come from `folder`, which reads each file once per run: compute() parses the
    very bytes the entry is filed under, even when a file changes while it runs. Some inputs
    are known only once computed (the source text a plan file names): `read_too(value)`
    lists them; the entry keeps each one's real path and a digest of its bytes, and a hit
    whose files moved or changed since is computed again. For whole results (a diff, a
    matrix) that are pure functions of those files: a hit skips the YAML, the schema check
    and the alignment alike.

    `shared()` lists objects the value refers to that the run holds anyway (the two plans of a
    diff, parsed from files among `paths`): the entry refers to them, and to their items, by
    position instead of holding copies, so a matrix does not write, read and keep the
    national plan once per province."""
    from .paths import shown_path

    if not enabled():
        return compute()
    parts: list[str | bytes] = [str(folder.real), extra]
    for path in paths:
        parts += [str(path), shown_path(path), _file(folder, path)[1]]
    name = key(kind, *parts)
    objects = tuple(shared()) if shared else ()
    hit = get(name, objects)   # stored as (kind, value, found files): a stray entry of the right type is not taken
    if (isinstance(hit, tuple) and len(hit) == 3 and hit[0] == kind and isinstance(hit[1], expect)
            and all(_stamp(folder, p) == d for p, d in hit[2])):
        return hit[1]
    value = compute()   # raises when a file is unreadable or wrong: nothing is stored then
    found = tuple((p, _stamp(folder, p)) for p in (read_too(value) if read_too else ()))
    put(name, (kind, value, found), objects)
    return value


_PARTS = ("targets", "services", "tasks", "source_gaps")


def _references(shared: tuple) -> dict[int, tuple]:
    """id() of each shared object and of every item of it (a plan's targets, services, tasks and
    source gaps) -> how an entry names it: (n,) or (n, part, position)."""
    table: dict[int, tuple] = {}
    for n, obj in enumerate(shared):
        table[id(obj)] = (n,)
        for part in _PARTS:
            for i, item in enumerate(getattr(obj, part, ())):
                table.setdefault(id(item), (n, part, i))
    return table


class _Pickler(pickle.Pickler):
    """Names the shared objects (their id() in `table`) instead of storing them."""

    def __init__(self, file: IO[bytes], table: dict[int, tuple]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.table = table

    def persistent_id(self, obj: object) -> tuple | None:
        return self.table.get(id(obj))


class _Unpickler(pickle.Unpickler):
    """Reads an entry _Pickler wrote, given the same shared objects."""

    def __init__(self, file: IO[bytes], shared: tuple) -> None:
        super().__init__(file)
        self.shared = shared

    def persistent_load(self, pid: object) -> object:
        return _referred(self.shared, pid)   # type: ignore[arg-type]  # a tuple, as _Pickler wrote it


def _referred(shared: tuple, ref: tuple):
    """The object an entry names by (n,) or (n, part, position); IndexError etc. when it has none."""
    obj = shared[ref[0]]
    return obj if len(ref) == 1 else getattr(obj, ref[1])[ref[2]]


def _file(folder, path: Path) -> tuple[str, bytes]:
    """(real path, digest of the bytes) of a file as the folder read it, or ("", digest of why
    it cannot be read): an unreadable file's finding says why, so the reason counts."""
    from .safeio import Unreadable

    try:
        real, digest = folder.locate(path), _digest(b"\1")
        digest.update(folder.read_bytes(path))
    except Unreadable as exc:
        real, digest = "", _digest(b"\0" + exc.reason.encode())
    return real, digest.digest()


def _stamp(folder, path: Path) -> bytes:
    """Where a file stands (its real path) and a digest of its bytes, or why it cannot be read."""
    real, digest = _file(folder, path)
    return _digest(real.encode() + b"\0" + digest).digest()


_MAGIC = b"plancmp-cache-1\n"


def get(name: str, shared: tuple = ()) -> object | None:
    """The cached value, or None when there is none, it cannot be read or its signature does
    not hold (never raises, never unpickles an unsigned entry). `shared`: the objects it was
    stored with (put), which it refers to by position."""
    if not enabled():
        return None
    secret = _secret()
    if secret is None:
        return None
    path = cache_dir() / f"{name}.pickle"
    try:
        from .safeio import read_bytes

        data = read_bytes(path, MAX_BYTES)
    except OSError:
        return None
    head, mac, payload = data[:len(_MAGIC)], data[len(_MAGIC):len(_MAGIC) + 32], data[len(_MAGIC) + 32:]
    if head != _MAGIC or mac != _mac(secret, name, payload):
        return None   # not written by this user's plancmp: never unpickled
    try:
        if shared:
            import io

            value = _Unpickler(io.BytesIO(payload), shared).load()
        else:
            value = pickle.loads(payload)
    except Exception:   # truncated, from another Python, refers to what is not there: compute instead
        return None
    try:
        os.utime(path)   # recently used: pruning removes the least recently used first
    except OSError:
        pass
    return value


def put(name: str, value: object, shared: tuple = ()) -> None:
    """Store a value, signed, atomically (write a temporary file, then rename); failures are
    ignored. The objects of `shared` (and their items) are not stored, only named by position:
    get() must be given the same objects (the same files parsed) to read the entry."""
    if not enabled():
        return
    secret = _secret()
    if secret is None:
        return
    tmp = None
    try:
        directory = cache_dir()
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(directory, "the cache folder"):
            return
        import tempfile  # only when writing: a warm run never does

        if shared:
            import io

            buffer = io.BytesIO()
            _Pickler(buffer, _references(shared)).dump(value)
            payload = buffer.getvalue()
        else:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + _mac(secret, name, payload) + payload)
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
