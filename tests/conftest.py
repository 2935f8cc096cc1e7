"""Shared fixtures: the real data, and throw-away copies of it to break."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PLANCMP = Path(sys.executable).parent / "plancmp"  # the installed entry point
# the environment of plain output: English, no colour whatever the shell says (None: unset)
PLAIN = {"NO_COLOR": None, "FORCE_COLOR": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}


# The tests read the shipped YAML files, independently of plancmp, a few hundred times a run:
# through libyaml when PyYAML has it (about ten times faster; the same safe schema).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    """yaml.safe_load, through libyaml when there is one."""
    return yaml.load(text, Loader=_SAFE_LOADER)


def read_yaml(path: Path):
    """A YAML file (UTF-8) as YAML reads it (not through plancmp)."""
    return safe_load(path.read_text(encoding="utf-8"))


def plan_yaml(plan_id: str) -> dict:
    """A plan file of the shipped data, as YAML reads it (not through plancmp)."""
    return read_yaml(DATA / "plans" / f"{plan_id}.yaml")


def width(text: str) -> int:
    """Display columns, counted independently of plancmp: East Asian wide and fullwidth count 2."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# The environment every test, and every process a test starts, runs in, whatever the caller's
# shell or terminal says: plancmp's output follows the width (COLUMNS), the locale (LC_ALL,
# LC_MESSAGES, LANG), the colour switches (NO_COLOR, FORCE_COLOR) and the folders of its cache
# and of the cache's key (XDG_CACHE_HOME, XDG_STATE_HOME). Tests expect a pipe's fixed width,
# English, no colour unless they ask for it, and a cache no other run has touched. A test that
# wants another value sets it itself (monkeypatch, CliRunner(env=…), a subprocess's env).
UNSET = ("LINES", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "NO_COLOR", "FORCE_COLOR", "CLICOLOR",
         "CLICOLOR_FORCE", "TERMINAL_WIDTH", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "_TYPER_FORCE_DISABLE_TERMINAL",
         "PLANCMP_DATA", "PLANCMP_NO_CACHE", "PLANCMP_DEBUG")
PINNED: dict[str, str] = {"LANG": "C.UTF-8", "COLUMNS": "100"}   # COLUMNS: else the terminal pytest runs in   # and XDG_CACHE_HOME, XDG_STATE_HOME: see pytest_configure
_session_home: str | None = None


def pytest_configure(config):
    """Pin the environment before anything is collected: module-level code and module- or
    session-scoped fixtures run plancmp too, and subprocesses inherit os.environ. Each process
    of the run (each xdist worker) gets its own cache and key folders, removed at the end."""
    global _session_home
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    _session_home = tempfile.mkdtemp(prefix=f"plancmp-tests-{worker}-")
    PINNED["XDG_CACHE_HOME"] = os.path.join(_session_home, "cache")
    PINNED["XDG_STATE_HOME"] = os.path.join(_session_home, "state")
    _pin(os.environ.__setitem__, os.environ.pop)


def pytest_unconfigure(config):
    if _session_home:
        shutil.rmtree(_session_home, ignore_errors=True)


def _pin(setenv, delenv) -> None:
    for var in UNSET:
        delenv(var, None)
    for var, value in PINNED.items():
        setenv(var, value)


@pytest.fixture(autouse=True)
def pinned_environment(monkeypatch):
    """The pinned environment again for each test (a test before it may have changed os.environ);
    monkeypatch puts back whatever the test changes."""
    _pin(monkeypatch.setenv, lambda var, _: monkeypatch.delenv(var, raising=False))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch) -> Path:
    """A copy of data/ (plans, press, sources, links) that a test may break; PLANCMP_DATA points at it."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("eval"))
    monkeypatch.setenv("PLANCMP_DATA", str(target))
    return target


@pytest.fixture
def private_data(tmp_path: Path, monkeypatch) -> Path:
    """A private copy of the whole data folder (PLANCMP_DATA) with its own cache and cache key;
    the working directory is its parent. For tests that break files and watch the cache."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setenv("PLANCMP_DATA", str(copy))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("PLANCMP_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    return copy


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace one occurrence and return the 1-based line it was on."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text[:at].count("\n") + 1


def uncurate(data_copy: Path, province: str, words: str) -> list[str]:
    """Remove the province's items whose quote holds `words`, and the tasks whose paragraph (the
    source line their quote starts on) holds them (and the links naming them): the text still
    states the commitment, no curated item does."""
    path = data_copy / "plans" / f"{province}.yaml"
    plan = read_yaml(path)
    lines = ["".join(line.split()) for line in (data_copy / "sources" / f"{province}.txt").read_text(encoding="utf-8").split("\n")]
    said = [line for line in lines if words in line]

    def paragraph_holds(item) -> bool:
        quote = "".join(item["evidence"]["quote"].split())
        return any(line.find(quote[:20]) >= 0 for line in said) if quote else False

    gone = [i["id"] for k in ("targets", "services", "tasks") for i in plan[k]
            if words in i["evidence"]["quote"] or (k == "tasks" and paragraph_holds(i))]
    for k in ("targets", "services", "tasks"):
        plan[k] = [i for i in plan[k] if i["id"] not in gone and i.get("restates") not in gone]
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    links = data_copy / "links.yaml"
    kept = [l for l in links.read_text(encoding="utf-8").splitlines() if not any(f"{province}:{g}\"" in l for g in gone)]
    links.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return gone
