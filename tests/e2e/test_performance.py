"""What keeps plancmp fast, checked without timing anything (timings live in `make bench`):
each command imports only what it uses, and the parsed-plan cache never changes a result."""
from __future__ import annotations

import json
import subprocess

from helpers_process import imported_after

HEAVY = ("jsonschema", "plancmp.engine.compare", "plancmp.engine.align", "plancmp.ingest.schemacheck", "plancmp.render.diff")


def test_help_and_version_import_no_engine():
    for argv in (["--help"], ["--version"], ["diff", "--help"]):
        loaded = imported_after(argv)
        assert not loaded & set(HEAVY), (argv, sorted(loaded & set(HEAVY)))


# --- the parsed-plan cache (plancmp/files/cache.py) ------------------------------------------

import os  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from plancmp.files import cache  # noqa: E402
from plancmp.files.folder import DataFolder  # noqa: E402
from plancmp.ingest.loaded import Loaded  # noqa: E402
from plancmp.ingest.workspace import load_plan_cached  # noqa: E402

from conftest import DATA, PLANCMP, replace_once  # noqa: E402

COMMANDS = [["diff", "national", "liaoning"], ["diff", "national", "gansu", "--format", "json", "--evidence"],
            ["matrix"], ["matrix", "--kind", "tasks", "--format", "markdown"], ["targets", "--format", "csv"],
            ["show", "liaoning", "--format", "json"], ["stats"]]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch) -> Path:
    """A private, empty cache for this test (the subprocesses inherit it)."""
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("PLANCMP_NO_CACHE", raising=False)
    return home / "plancmp"


def _run(*args: str, no_cache: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "160"}
    env.pop("NO_COLOR", None)
    if no_cache:
        env["PLANCMP_NO_CACHE"] = "1"
    proc = subprocess.run([str(PLANCMP), *args], capture_output=True, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc


@pytest.mark.slow   # 7 commands, each run 3 times through the installed command
def test_output_is_byte_identical_with_and_without_the_cache(cache_home, data_copy):
    _run(*COMMANDS[0], no_cache=True)
    assert not cache_home.exists()              # PLANCMP_NO_CACHE writes nothing
    for args in COMMANDS:
        uncached = _run(*args, no_cache=True).stdout
        first = _run(*args).stdout             # fills the cache
        assert any(cache_home.glob("*.pickle"))
        warm = _run(*args).stdout              # reads it
        assert uncached == first == warm, args


ENGINE = ("yaml", "jsonschema", "rapidfuzz", "plancmp.engine.compare", "plancmp.engine.align", "plancmp.ingest.load", "plancmp.ingest.yamldoc")


@pytest.mark.parametrize("argv", [["diff", "national", "liaoning", "--format", "json"],
                                  ["diff", "national", "gansu", "--format", "csv", "--domain", "养老"],
                                  ["matrix", "--format", "markdown"]])
def test_a_warm_run_reads_its_result_without_the_engine(cache_home, argv):
    """A second run over unchanged files reads the diff/matrix back: no YAML, no schema, no alignment."""
    cold = imported_after(argv)
    assert {"yaml", "plancmp.engine.compare"} <= cold              # the first run computed it …
    warm = imported_after(argv)
    assert not warm & set(ENGINE), sorted(warm & set(ENGINE))   # … the second did not


def test_a_changed_file_is_parsed_again(cache_home, data_copy):
    before = json.loads(_run("diff", "national", "liaoning", "--format", "json").stdout)
    replace_once(data_copy / "plans" / "liaoning.yaml", "name: 辽宁省“十四五”公共服务规划", "name: 辽宁省公共服务规划（修订稿）")
    after = json.loads(_run("diff", "national", "liaoning", "--format", "json").stdout)
    assert json.dumps(before, ensure_ascii=False).count("修订稿") == 0
    assert "修订稿" in json.dumps(after, ensure_ascii=False)
    assert after == json.loads(_run("diff", "national", "liaoning", "--format", "json", no_cache=True).stdout)


@pytest.fixture(scope="module")
def fujian_without_cache() -> bytes:
    """`diff national fujian` computed without the cache, once for the module: on the shipped
    data, the bytes data_copy copies (the output names no folder)."""
    env = {**os.environ, "COLUMNS": "160", "PLANCMP_DATA": str(DATA), "PLANCMP_NO_CACHE": "1"}
    env.pop("NO_COLOR", None)
    proc = subprocess.run([str(PLANCMP), "diff", "national", "fujian"], capture_output=True, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95garbage", None])
def test_a_corrupt_cache_is_ignored(cache_home, data_copy, garbage, fujian_without_cache):
    expected = fujian_without_cache
    _run("diff", "national", "fujian")
    entries = list(cache_home.glob("*.pickle"))
    assert entries
    for entry in entries:
        if garbage is None:                     # a valid pickle of the wrong thing
            entry.write_bytes(__import__("pickle").dumps({"not": "a plan"}))
        else:
            entry.write_bytes(garbage)
    assert _run("diff", "national", "fujian").stdout == expected


def test_an_unwritable_cache_never_breaks_a_run(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("XDG_CACHE_HOME is a file, so the cache directory cannot be made")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert _run("diff", "national", "liaoning").stdout == _run("diff", "national", "liaoning", no_cache=True).stdout


def test_validate_never_trusts_the_cache(cache_home, data_copy, runner):
    """Plant a lying entry (no findings) under the exact key of a broken file: the commands that
    compare would take it, validate must still parse the file and report the error."""
    from plancmp.cli import app

    path = data_copy / "plans" / "gansu.yaml"
    replace_once(path, "region:", "regio:")
    folder = DataFolder(data_copy)
    clean = load_plan_cached(data_copy / "plans" / "liaoning.yaml", folder)
    lie = cache.by_files("plan", folder, [path], "", lambda: Loaded(path, None, clean.plan, []), Loaded)
    assert lie.findings == [] and load_plan_cached(path, folder) == lie   # the lie is served to comparisons …
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1                           # … never to validate
    assert "regio" in result.output


def test_cache_key_depends_on_every_input():
    base = cache.key("plan", "a.yaml", "a.yaml", b"id: a")
    assert base != cache.key("plan", "a.yaml", "a.yaml", b"id: b")
    assert base != cache.key("plan", "b.yaml", "a.yaml", b"id: a")
    assert base != cache.key("other", "a.yaml", "a.yaml", b"id: a")
    assert cache.key("plan", "ab", "c") != cache.key("plan", "a", "bc")   # parts are length-prefixed
    assert base == cache.key("plan", "a.yaml", "a.yaml", b"id: a")


def test_a_changed_links_file_aligns_again(cache_home, data_copy):
    def beds_partner() -> str | None:
        rows = json.loads(_run("diff", "national", "liaoning", "--kind", "targets", "--format", "json").stdout)["rows"]
        row = next(r for r in rows if r["left"] and r["left"]["id"] == "elderly-care-beds-total")
        return row["right"]["id"] if row["right"] else None

    assert beds_partner() == "elderly-care-beds-total"      # fills the plan and diff caches
    links = data_copy / "links.yaml"
    links.write_text(links.read_text(encoding="utf-8") + '  - {forbid: "national:elderly-care-beds-total = '
                     'liaoning:elderly-care-beds-total", reason: "test"}\n', encoding="utf-8")
    assert beds_partner() != "elderly-care-beds-total"


def test_the_cache_keeps_itself_within_its_limit(tmp_path):
    """Least recently used first: entries read since are kept, the oldest untouched go."""
    for n in range(6):
        entry = tmp_path / f"e{n}.pickle"
        entry.write_bytes(b"x" * 100)
        os.utime(entry, ns=(n * 10**9, n * 10**9))           # e0 oldest … e5 newest
    os.utime(tmp_path / "e1.pickle", ns=(10**12, 10**12))    # e1 was just used
    (tmp_path / "not-an-entry.txt").write_bytes(b"y" * 1000)  # only entries count and go
    cache.prune(tmp_path, limit=350)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e1.pickle", "e4.pickle", "e5.pickle", "not-an-entry.txt"]


def test_a_hit_marks_the_entry_as_used(cache_home):
    cache.put("k", {"v": 1})
    entry = cache_home / "k.pickle"
    os.utime(entry, ns=(0, 0))
    assert cache.get("k") == {"v": 1}
    assert entry.stat().st_mtime_ns > 0


@pytest.mark.parametrize("argv", [["diff", "national", "liaoning"], ["diff", "national", "gansu", "--lang", "zh", "--format", "csv"],
                                  ["targets"], ["matrix", "--color", "always"]])
def test_a_warm_run_imports_no_spreadsheet_writer_nor_rich(cache_home, argv):
    """openpyxl is for --format xlsx only; text tables are textgrid's, never rich's."""
    imported_after(argv)                                   # fills the cache
    warm = imported_after(argv)
    assert not {m for m in warm if m.split(".")[0] in ("openpyxl", "rich")}, sorted(
        m for m in warm if m.split(".")[0] in ("openpyxl", "rich"))
    if argv[0] in ("diff", "matrix"):                       # whole results: read back, no engine
        assert not warm & set(ENGINE), sorted(warm & set(ENGINE))


def test_a_file_edited_after_the_plans_were_loaded_never_leaves_a_stale_diff(cache_home, data_copy):
    """A run sees each file as it first read it: the cross-plan views diff the plans loaded
    earlier, from the same bytes, and the cache files each diff under those bytes, so an edit
    in between neither mixes two versions into one run nor hides behind an old entry."""
    from plancmp.ingest.workspace import Workspace
    from plancmp.views.crossplan import against_reference
    from plancmp.views.results import diff_of

    ws = Workspace.open()
    plans = ws.plans()
    replace_once(data_copy / "plans" / "gansu.yaml", "name: 甘肃省", "name: 修订稿甘肃省")
    through_view = against_reference(ws)["gansu"]
    assert through_view.right is plans["gansu"] and "修订稿" not in through_view.right.name   # one version a run
    nxt = Workspace.open()   # the next run
    fresh = diff_of(nxt, nxt.plan("national"), nxt.plan("gansu"), ("targets", "services", "tasks"))
    assert "修订稿" in fresh.right.name


# --- cache I/O proportional to use (issue 26.3) ------------------------------------------------

def test_a_first_diff_writes_few_entries_and_its_result_holds_no_plan(cache_home, data_copy):
    _run("diff", "national", "liaoning")
    entries = sorted(cache_home.glob("*.pickle"), key=lambda p: p.stat().st_size)
    # the vocabularies (one entry for all), the two plans, links.yaml, liaoning's text index, the diff
    assert len(entries) == 6, [p.stat().st_size for p in entries]
    import pickle

    from plancmp.ingest.workspace import Workspace

    ws = Workspace(data_copy)
    plans = (ws.plan("national"), ws.plan("liaoning"))
    kinds = {p: (cache.get(p.stem, plans) or ("?",))[0] for p in entries}   # the same plans, parsed here
    diff = next(p for p, kind in kinds.items() if kind == "diff-result")
    assert cache.get(diff.stem) is None   # it names the plans: never read without them
    national = len(pickle.dumps(plans[0], protocol=pickle.HIGHEST_PROTOCOL))
    assert diff.stat().st_size < national   # its rows; the plans are named, not copied (both would be 5x this)


def test_diffs_read_back_share_the_plans_of_the_run(cache_home, data_copy):
    from plancmp.ingest.workspace import Workspace
    from plancmp.views.crossplan import against_reference

    _run("diff", "national", "gansu")
    _run("diff", "national", "fujian")
    ws = Workspace(data_copy)
    diffs = against_reference(ws)   # two read back, one computed
    plans = ws.plans()
    for pid, d in diffs.items():
        assert d.left is plans["national"] and d.right is plans[pid]   # national read once, not once per province
        for row in d.rows:
            assert row.left is None or row.left is plans["national"].item(row.left.id)
            assert row.right is None or row.right is plans[pid].item(row.right.id)


def test_an_entry_that_names_other_objects_is_read_with_them_only(cache_home, monkeypatch, tmp_path):
    from plancmp.core.model import Plan

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    cache._secret.cache_clear()
    plan = Plan("p", "P", "province", "P", "2021-2025", Path("s.txt"), Path("p.yaml"))
    value = {"plan": plan, "gaps": plan.source_gaps, "copy": "text"}
    cache.put("entry", value, (plan,))
    back = cache.get("entry", (plan,))
    assert back["plan"] is plan and back["copy"] == "text"
    assert cache.get("entry") is None and cache.get("entry", ()) is None   # never a stand-in for what it names
    assert cache.get("entry", ("other",)) is not None   # (position only: by_files keys the entry by the files)
    cache._secret.cache_clear()


def test_the_report_judges_each_province_once(data_copy, monkeypatch):
    """Every kind is aligned and judged whatever kinds a diff asks for: the report (a matrix of
    each kind, the targets grid) judges each province once, not once per kind."""
    from plancmp.engine import compare
    from plancmp.ingest.workspace import Workspace
    from plancmp.views.report import report

    monkeypatch.setenv("PLANCMP_NO_CACHE", "1")
    judged = []
    real = compare.judge_all
    monkeypatch.setattr(compare, "judge_all", lambda a, b, *args, **kw: judged.append(b.id) or real(a, b, *args, **kw))
    report(Workspace(data_copy), date="2026-01-01")
    assert sorted(judged) == ["fujian", "gansu", "liaoning"]
