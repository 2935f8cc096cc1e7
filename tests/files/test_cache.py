"""The cache's signing key (plancmp/files/cache.py): made by whichever run comes first, used by all."""
from __future__ import annotations

import os
import pathlib

from plancmp.files import cache

KEY = b"k" * 32


def test_a_key_another_run_made_a_moment_ago_is_used(tmp_path, monkeypatch):
    """Two first runs at once (CI jobs sharing a home, `xargs -P`): both see no key and one
    makes it; the other must read that key, not give up the cache for the whole run."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    key = tmp_path / "state" / "plancmp" / "cache.key"
    real_exists = pathlib.Path.exists

    def exists(self, *args, **kwargs):
        if self == key and not real_exists(self):   # this run looks: no key yet …
            key.parent.mkdir(mode=0o700, parents=True)
            fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)   # … and the other run makes it
            os.write(fd, KEY)
            os.close(fd)
            return False
        return real_exists(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "exists", exists)
    cache._secret.cache_clear()
    try:
        assert cache._secret() == KEY
    finally:
        cache._secret.cache_clear()   # the next test reads its own key


def test_the_first_run_makes_a_private_key(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    cache._secret.cache_clear()
    try:
        secret = cache._secret()
    finally:
        cache._secret.cache_clear()
    key = tmp_path / "state" / "plancmp" / "cache.key"
    assert secret is not None and len(secret) == 32 and key.read_bytes() == secret
    assert key.stat().st_mode & 0o777 == 0o600 and key.parent.stat().st_mode & 0o777 == 0o700
