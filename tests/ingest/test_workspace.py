"""ingest/workspace.py: the data folder a command opens once and passes down; what it reads,
it reads through its DataFolder, each file once a run."""
from __future__ import annotations

import os
from collections import Counter

import pytest

from plancmp.cli import app
from plancmp.files import safeio
from plancmp.files.folder import DataFolder
from plancmp.files.paths import PACKAGE_ROOT
from plancmp.ingest.workspace import NoDataFolder, Workspace

from conftest import DATA


@pytest.fixture
def reads(monkeypatch) -> Counter:
    """How often each file is read, by real path: through a DataFolder, or (which must not
    happen to a data file) past it."""
    counted: Counter = Counter()
    original = DataFolder._load
    monkeypatch.setattr(DataFolder, "_load", lambda self, real: counted.update([real]) or original(self, real))
    bypass = safeio.read_bytes
    monkeypatch.setattr(safeio, "read_bytes", lambda path, *a, **k: counted.update([f"past the folder: {path}"])
                        or bypass(path, *a, **k))
    return counted


@pytest.mark.parametrize("cache", ["off", "cold", "warm"])
def test_a_diff_reads_each_data_file_once(runner, data_copy, tmp_path, monkeypatch, reads, cache):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("PLANCMP_NO_CACHE", "1" if cache == "off" else "0")
    if cache == "warm":
        assert runner.invoke(app, ["diff", "national", "liaoning"]).exit_code == 0
        reads.clear()
    result = runner.invoke(app, ["diff", "national", "liaoning"])
    assert result.exit_code == 0, result.output
    root = str(data_copy.resolve())
    assert not [p for p in reads if p.startswith("past the folder") and root in p], reads
    data = {os.path.relpath(p, root): n for p, n in reads.items() if p.startswith(root)}
    assert {"plans/national.yaml", "plans/liaoning.yaml", "links.yaml", "sources/national.txt",
            "sources/liaoning.txt"} <= set(data), data
    assert all(n == 1 for n in data.values()), data


def test_the_cross_plan_views_read_each_data_file_once(runner, data_copy, monkeypatch, reads):
    monkeypatch.setenv("PLANCMP_NO_CACHE", "1")
    for args in (["matrix", "--kind", "targets,services"], ["targets"], ["show", "national", "托位"], ["debt"]):
        reads.clear()
        assert runner.invoke(app, args).exit_code == 0, args
        root = str(data_copy.resolve())
        assert all(n == 1 for p, n in reads.items() if p.startswith(root)), (args, reads)


def test_open_takes_the_root_given_then_plancmp_data_then_data_here_then_the_checkout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANCMP_DATA", raising=False)
    assert Workspace.open().root == PACKAGE_ROOT / "data"
    with pytest.raises(NoDataFolder, match="PLANCMP_DATA"):
        Workspace.open(writable=True)             # never the installed package's own folder
    (tmp_path / "data" / "plans").mkdir(parents=True)
    assert Workspace.open(writable=True).root == tmp_path / "data"
    monkeypatch.setenv("PLANCMP_DATA", str(tmp_path / "elsewhere"))
    assert Workspace.open().root == tmp_path / "elsewhere"
    assert Workspace.open(DATA).root == DATA


def test_plans_and_links_are_loaded_once_a_run(monkeypatch):
    from plancmp.ingest import links as links_module

    ws = Workspace(DATA)
    assert ws.plans() is ws.plans() and ws.plan("gansu") is ws.plans()["gansu"]
    checks = []
    original = links_module.check
    monkeypatch.setattr(links_module, "check", lambda *a, **k: checks.append(1) or original(*a, **k))
    assert ws.links() is ws.links_file()
    ws.links({"national": ws.plan("national"), "gansu": ws.plan("gansu")})   # within the plans checked already
    assert ws.links() is ws.links_file() and checks == [1]


def test_a_press_plan_is_only_ever_a_plan_file_of_the_folder():
    ws = Workspace(DATA)
    assert ws.press_plan("liaoning").plan.id == "liaoning"
    for name in ("../plans/liaoning", "../../data/plans/liaoning", "/etc/passwd", "liaoning.yaml", ""):
        assert ws.press_plan(name) is None, name


def test_a_plan_name_resolves_by_id_alias_or_region():
    ws = Workspace(DATA)
    assert [ws.resolve(q) for q in ("national", "全国", "辽宁省", "甘肃", "FUJIAN")] == \
           ["national", "national", "liaoning", "gansu", "fujian"]
