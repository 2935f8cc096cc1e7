"""Where plancmp keeps its own files, and how paths read in messages.

Light on purpose (no YAML, no schema): every command needs these before it knows
whether a cached result will spare it the parsing. Which data folder a command works on
is the Workspace's to say (ingest/workspace.py), and how its files are read the
DataFolder's (files/folder.py).
"""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]   # the plancmp folder
PACKAGE_ROOT = PACKAGE.parent                    # where a checkout keeps data/
VOCAB_DIR = PACKAGE / "vocab"                    # the vocabularies: data, not code
SCHEMA_DIR = PACKAGE / "schemas"                 # the published JSON Schemas


def data_folder_of(path: Path) -> Path:
    """The data folder a plan or press file stands in, as the path names it (no link
    followed): data/plans/x.yaml -> data."""
    return path.absolute().parent.parent


def plan_path(data: Path, plan_id: str) -> Path:
    """Where a data folder keeps a plan: plans/<id>.yaml (commands find a plan by its file name)."""
    return data / "plans" / f"{plan_id}.yaml"


def shown_path(path: Path) -> str:
    """Paths in messages: relative to the working directory when inside it. A file is named
    where it stands: a symbolic link by its own name, not by where it leads."""
    path = Path(path)
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)
