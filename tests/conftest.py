"""Shared fixtures: the real data, and throw-away copies of it to break."""
from __future__ import annotations

import shutil
import sys
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


def plan_yaml(plan_id: str) -> dict:
    """A plan file of the shipped data, as YAML reads it (not through plancmp)."""
    return yaml.safe_load((DATA / "plans" / f"{plan_id}.yaml").read_text(encoding="utf-8"))


def width(text: str) -> int:
    """Display columns, counted independently of plancmp: East Asian wide and fullwidth count 2."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.fixture(autouse=True)
def english_uncoloured(monkeypatch):
    """Labels follow the locale and colour follows FORCE_COLOR (issue: output an analyst reads
    first): the tests expect English, uncoloured output whatever the developer's shell says."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    for var in ("LC_ALL", "LC_MESSAGES", "FORCE_COLOR"):
        monkeypatch.delenv(var, raising=False)


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
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
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
