"""What keeps plancmp fast, checked without timing anything (timings live in `make bench`):
each command imports only what it uses, and the parsed-plan cache never changes a result."""
from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("jsonschema", "plancmp.engine.compare", "plancmp.engine.align", "plancmp.ingest.schemacheck", "plancmp.render.diff")


def _imported_after(argv: list[str]) -> set[str]:
    """The modules a real `plancmp ARGV` process has imported when it exits."""
    code = ("import atexit, json, sys\n"
            "atexit.register(lambda: sys.__stderr__.write('MODULES' + json.dumps(sorted(sys.modules))))\n"
            "from plancmp.cli import main\n"
            f"sys.argv = ['plancmp', *{argv!r}]\n"
            "main()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return set(json.loads(proc.stderr.rsplit("MODULES", 1)[1]))


def test_help_and_version_import_no_engine():
    for argv in (["--help"], ["--version"], ["diff", "--help"]):
        loaded = _imported_after(argv)
        assert not loaded & set(HEAVY), (argv, sorted(loaded & set(HEAVY)))


# --- the parsed-plan cache (plancmp/files/cache.py) ------------------------------------------

import os  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from plancmp.files import cache  # noqa: E402
from plancmp.files.folder import DataFolder  # noqa: E402
from plancmp.ingest.load import Loaded, load_plan_cached  # noqa: E402

from conftest import PLANCMP, replace_once  # noqa: E402

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
    cold = _imported_after(argv)
    assert {"yaml", "plancmp.engine.compare"} <= cold              # the first run computed it …
    warm = _imported_after(argv)
    assert not warm & set(ENGINE), sorted(warm & set(ENGINE))   # … the second did not


def test_a_changed_file_is_parsed_again(cache_home, data_copy):
    before = json.loads(_run("diff", "national", "liaoning", "--format", "json").stdout)
    replace_once(data_copy / "plans" / "liaoning.yaml", "name: 辽宁省“十四五”公共服务规划", "name: 辽宁省公共服务规划（修订稿）")
    after = json.loads(_run("diff", "national", "liaoning", "--format", "json").stdout)
    assert json.dumps(before, ensure_ascii=False).count("修订稿") == 0
    assert "修订稿" in json.dumps(after, ensure_ascii=False)
    assert after == json.loads(_run("diff", "national", "liaoning", "--format", "json", no_cache=True).stdout)


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95garbage", None])
def test_a_corrupt_cache_is_ignored(cache_home, data_copy, garbage):
    expected = _run("diff", "national", "fujian", no_cache=True).stdout
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
    _imported_after(argv)                                   # fills the cache
    warm = _imported_after(argv)
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
    fresh = diff_of(Workspace.open(), "national", "gansu", ("targets", "services", "tasks"))   # the next run
    assert "修订稿" in fresh.right.name
