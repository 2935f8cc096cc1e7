"""Where plancmp finds its data, and how paths read in messages.

Light on purpose (no YAML, no schema): every command needs these before it knows
whether a cached result will spare it the parsing.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]   # the plancmp folder
PACKAGE_ROOT = PACKAGE.parent                    # where a checkout keeps data/
VOCAB_DIR = PACKAGE / "vocab"                    # the vocabularies: data, not code
SCHEMA_DIR = PACKAGE / "schemas"                 # the published JSON Schemas


def data_dir() -> Path:
    """PLANCMP_DATA, else ./data when it holds plans, else the data/ beside the package."""
    if os.environ.get("PLANCMP_DATA"):
        return Path(os.environ["PLANCMP_DATA"])
    here = Path.cwd() / "data"
    if (here / "plans").is_dir():
        return here
    return PACKAGE_ROOT / "data"


def data_folder_of(path: Path) -> Path:
    """The data folder a plan or press file stands in: data/plans/x.yaml -> data."""
    return path.parent.parent


def plan_path(data: Path, plan_id: str) -> Path:
    """Where a data folder keeps a plan: plans/<id>.yaml (commands find a plan by its file name)."""
    return data / "plans" / f"{plan_id}.yaml"


def plan_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or data_dir() / "plans").glob("*.yaml"))


def links_path(data: Path) -> Path:
    """The curated pairings (data/links.yaml) that pin or forbid alignments."""
    return data / "links.yaml"


def shown_path(path: Path) -> str:
    """Paths in messages: relative to the working directory when inside it. A file is named
    where it stands: a symbolic link by its own name, not by where it leads."""
    path = Path(path)
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)


def source_problem(plan_path: Path, source: str) -> str | None:
    """Why a plan's `source` must not be read, or None. A source is a path relative to the
    plan file that stays, after every symlink is resolved, inside the plan's data folder
    (the folder that holds plans/): a plan file from a pull request must not make plancmp
    read, and quote in its messages, any other file of the machine."""
    if "\0" in source:
        return f"source {source!r} holds a NUL character"
    if Path(source).is_absolute():
        return f"source {source!r} is an absolute path; write it relative to the plan file (../sources/<id>.txt)"
    try:
        data = data_folder_of(plan_path.resolve())
        target = (plan_path.parent / source).resolve()
    except (OSError, RuntimeError) as exc:   # a symlink loop
        return f"source {source!r} cannot be resolved: {exc}"
    if not target.is_relative_to(data):
        return f"source {source!r} resolves outside the data folder {shown_path(data)}; keep sources in its sources/"
    return None
