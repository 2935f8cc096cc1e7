"""Writing a new plan and its source into a data folder without ever replacing a file."""
from __future__ import annotations

import os
from pathlib import Path

from ..files.output import staged


def create(path: Path, data: bytes) -> None:
    """Write `data` as a new file at `path`: through a temporary file (fsync) that is then
    hard-linked into place, which fails if anything took the name in the meantime; a file
    is never replaced, and a failed run leaves no half file. FileExistsError if the name is taken."""
    with staged(path, data) as tmp:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:   # a file system without hard links: exclusive create instead
            with open(path, "xb") as out:
                out.write(data)
