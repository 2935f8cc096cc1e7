"""The digest of a JSON Schema that ties it to its generated check (ingest/fastschema.py)."""
from __future__ import annotations

import json
from typing import Any

try:  # the C module itself: `import hashlib` would first initialise OpenSSL
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b as _blake2b


def digest(schema: dict[str, Any]) -> str:
    return _blake2b(json.dumps(schema, sort_keys=True, ensure_ascii=False).encode(), digest_size=16).hexdigest()
