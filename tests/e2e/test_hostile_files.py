"""Hostile input, round two: the file rules (docs/reliability.md). Every file of a data
folder is read only when, after every symbolic link, it stands inside the folder and is a
regular file; a cached result is keyed by everything it depends on (the plan's source text
and where it stands, the data folder), so no warm cache, symbolic link or edit makes a
command compare what `plancmp validate` rejects, or read what it must not. Through the
installed command, in real processes."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import DATA, PLANCMP

SECRET = "PLANCMP_TEST_SECRET_VALUE_9c1e"


def _cli(*args, cwd=None, env=None, timeout=120):
    full = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run([str(PLANCMP), *args], capture_output=True, text=True, cwd=cwd, env=full, timeout=timeout)


@pytest.fixture
def data(private_data):
    """A private copy of the data folder, with its own cache; the working directory is its parent."""
    return private_data


def _warm(*args):
    """Run twice: the second run is a warm one (it reads what the first filed)."""
    for _ in range(2):
        result = _cli(*args)
        assert result.returncode == 0, result.stderr


def _break_a_quote(data: Path, plan: str = "gansu") -> str:
    """Edit the plan's source text so that the quote of its first target is no longer in it;
    returns the piece that went."""
    quote = yaml.safe_load((data / "plans" / f"{plan}.yaml").read_text(encoding="utf-8"))["targets"][0]["evidence"]["quote"]
    piece = "".join(quote.split())[:8]
    source = data / "sources" / f"{plan}.txt"
    text = source.read_text(encoding="utf-8")
    assert piece in text
    source.write_text(text.replace(piece, "（删去）"), encoding="utf-8")
    return piece


# ---------------------------------------------------------------- the parsed plan is keyed by its source

def test_a_source_edited_after_a_warm_run_is_refused_as_validate_refuses_it(data):
    _warm("diff", "national", "gansu")
    _break_a_quote(data)
    checked = _cli("validate", "--format", "json")
    assert checked.returncode == 1 and "quote-not-found" in {f["code"] for f in json.loads(checked.stdout)["findings"]}
    for args in (["diff", "national", "gansu"], ["matrix"], ["search", "托位"]):
        result = _cli(*args)
        assert result.returncode == 1, (args, result.stdout[-300:])
        assert "quote-not-found" in result.stderr and "plancmp validate" in result.stderr, args


def test_a_source_replaced_by_a_link_out_of_the_folder_after_a_warm_run_is_never_read(data, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{SECRET} 每千人口拥有3岁以下婴幼儿托位数达到5个。\n", encoding="utf-8")
    _warm("search", "托位")
    _warm("diff", "national", "gansu")
    source = data / "sources" / "gansu.txt"
    source.unlink()
    source.symlink_to(secret)
    for args in (["search", "托位"], ["search", SECRET], ["diff", "national", "gansu"], ["show", "gansu"],
                 ["targets"], ["matrix"]):
        result = _cli(*args)
        assert result.returncode == 1 and "source-outside" in result.stderr, (args, result.stdout[-300:])
        assert SECRET not in result.stdout + result.stderr, args
    checked = _cli("validate")
    assert checked.returncode == 1 and "source-outside" in checked.stdout and SECRET not in checked.stdout


# ---------------------------------------------------------------- plan, links and press files stay inside

@pytest.mark.parametrize("which", ["plan", "links", "press"])
def test_a_data_file_that_links_out_of_the_folder_is_refused_with_a_finding(data, tmp_path, which):
    inside, command = {"plan": ("plans/fujian.yaml", ["diff", "national", "fujian"]),
                       "links": ("links.yaml", ["diff", "national", "liaoning"]),
                       "press": ("press/liaoning-press.yaml", ["claims"])}[which]
    elsewhere = tmp_path / "elsewhere" / Path(inside).name
    elsewhere.parent.mkdir()
    shutil.copy(data / inside, elsewhere)          # the very same content, outside the folder
    (data / inside).unlink()
    (data / inside).symlink_to(elsewhere)
    result = _cli(*command)
    assert result.returncode == 1, result.stdout[-300:]
    assert "file-unreadable" in result.stderr and "resolves outside the data folder" in result.stderr
    assert Path(inside).name in result.stderr
    checked = _cli("validate")
    assert checked.returncode == 2, checked.stdout[-500:]   # a file that cannot be read: exit 2
    [line] = [l for l in checked.stdout.splitlines() if "file-unreadable" in l]
    assert line.startswith(f"data/{inside}:") and "resolves outside the data folder" in line


def test_a_dangling_links_file_is_a_finding_never_no_links(data):
    links = data / "links.yaml"
    links.unlink()
    links.symlink_to(data / "gone.yaml")
    checked = _cli("validate")
    assert checked.returncode == 2 and "(valid)" not in checked.stdout
    assert "data/links.yaml:1:1: error file-unreadable cannot read the file: a dangling symbolic link" in checked.stdout
    for args in (["diff", "national", "liaoning"], ["matrix"], ["targets"], ["show", "national", "托位"]):
        result = _cli(*args)
        assert result.returncode == 1 and "links.yaml" in result.stderr and "dangling" in result.stderr, args
    links.unlink()   # no directory entry at all: no links, and that is fine
    assert _cli("diff", "national", "liaoning").returncode == 0
    assert _cli("validate").returncode == 0


def test_a_press_file_naming_a_plan_outside_the_folder_is_refused(data, tmp_path):
    """`plan:` names a plan id, looked up among the folder's plan files; never a path."""
    outside = tmp_path / "outside"
    outside.mkdir()
    quote = "每千人口拥有 3 岁以下婴幼儿托位数(个) 1.8 4.5 预期性"
    (outside / "secret.txt").write_text(f"{SECRET}{quote.replace('4.5', '9.9')}\n", encoding="utf-8")
    plan = (DATA / "plans" / "national.yaml").read_text(encoding="utf-8")
    plan = plan.replace("id: national", 'id: "../../outside/leak"', 1).replace("source: ../sources/national.txt", "source: secret.txt", 1)
    (outside / "leak.yaml").write_text(plan, encoding="utf-8")
    press = data / "press" / "liaoning-press.yaml"
    press.write_text(press.read_text(encoding="utf-8").replace("plan: liaoning", 'plan: "../../outside/leak"', 1),
                     encoding="utf-8")
    result = _cli("claims")
    assert result.returncode == 1 and "link-unknown-plan" in result.stderr, result.stderr[-500:]
    assert SECRET not in result.stdout + result.stderr and "outside" not in result.stderr.replace("../../outside/leak", "")
    checked = _cli("validate", "--format", "json")
    assert "link-unknown-plan" in {f["code"] for f in json.loads(checked.stdout)["findings"]}
    assert SECRET not in checked.stdout


# ---------------------------------------------------------------- the cache knows its data folder

def test_two_data_folders_at_one_relative_path_share_no_cache_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("PLANCMP_DATA", "data")   # the same words, read in two working directories
    monkeypatch.delenv("PLANCMP_NO_CACHE", raising=False)
    for name in ("a", "b", "c"):
        shutil.copytree(DATA, tmp_path / name / "data")
    entries = lambda: set((tmp_path / "cache" / "plancmp").glob("*.pickle"))
    assert _cli("diff", "national", "gansu", cwd=tmp_path / "a").returncode == 0
    filed = entries()
    assert _cli("diff", "national", "gansu", cwd=tmp_path / "b").returncode == 0
    assert entries() - filed, "b, byte for byte a's twin, was answered from a's entries"
    _break_a_quote(tmp_path / "c" / "data")   # c lost a quoted passage: its gansu is refused, warm cache or not
    result = _cli("diff", "national", "gansu", cwd=tmp_path / "c")
    assert result.returncode == 1 and "quote-not-found" in result.stderr


# ---------------------------------------------------------------- plancmp new writes into a data folder only

def test_new_without_a_data_folder_exits_2_and_writes_nothing_into_the_package(tmp_path):
    from plancmp.files.paths import PACKAGE_ROOT

    plan_id = "ws-test-province"
    written = [PACKAGE_ROOT / "data" / "plans" / f"{plan_id}.yaml", PACKAGE_ROOT / "data" / "sources" / f"{plan_id}.txt"]
    env = {k: v for k, v in os.environ.items() if k != "PLANCMP_DATA"}
    try:
        result = subprocess.run([str(PLANCMP), "new", plan_id, "--source", str(DATA / "sources" / "fujian.txt"),
                                 "--name", "某省规划", "--region", "某省"], capture_output=True, text=True,
                                cwd=tmp_path, env=env, timeout=120)
        assert result.returncode == 2, result.stdout + result.stderr
        assert "PLANCMP_DATA" in result.stderr and "Traceback" not in result.stderr
        assert not any(p.exists() for p in written)
        assert not (tmp_path / "data").exists()
    finally:
        for path in written:   # before the rule, `new` wrote there: leave the checkout clean either way
            path.unlink(missing_ok=True)


def test_new_reads_the_reference_plan_by_the_rule_a_fifo_in_plans_never_hangs_it(data):
    """`plancmp new` reads the national plan's words to draft a province; a FIFO among the plan
    files is skipped by the read rule, never opened (it used to block the drafter)."""
    os.mkfifo(data / "plans" / "zz-fifo.yaml")
    result = _cli("new", "testprov", "--source", str(DATA / "sources" / "fujian.txt"), "--name", "某省规划",
                  "--region", "某省", "--dry-run", env={"PLANCMP_DATA": str(data)}, timeout=60)
    assert "Traceback" not in result.stderr
    assert "indicator" in result.stdout or "targets:" in result.stdout, result.stderr
