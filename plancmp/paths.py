"""Where plancmp finds its data, and how paths read in messages.

Light on purpose (no YAML, no schema): every command needs these before it knows
whether a cached result will spare it the parsing.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """PLANCMP_DATA, else ./data when it holds plans, else the data/ beside the package."""
    if os.environ.get("PLANCMP_DATA"):
        return Path(os.environ["PLANCMP_DATA"])
    here = Path.cwd() / "data"
    if (here / "plans").is_dir():
        return here
    return PACKAGE_ROOT / "data"


def plan_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or data_dir() / "plans").glob("*.yaml"))


def links_path(data: Path) -> Path:
    """The curated pairings (data/links.yaml) that pin or forbid alignments."""
    return data / "links.yaml"


def shown_path(path: Path) -> str:
    """Paths in messages: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
