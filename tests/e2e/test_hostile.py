"""Hostile input and hostile environments (plans, links, sources and cache folders come
from pull requests and CI caches): nothing runs, nothing leaks, nothing hangs, nothing
that is not a regular file is replaced. Each case through the real CLI."""
from __future__ import annotations

import csv
import io
import json
import os
import pickle
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from helpers_process import interruptible

from plancmp.cli import app
from plancmp.files import cache

from conftest import DATA, PLANCMP, replace_once

SECRET = "PLANCMP_TEST_SECRET_VALUE_4f2a"


def _cli(*args, cwd=None, env=None, timeout=60, input=None):
    full = {**os.environ, **(env or {})}
    return subprocess.run([str(PLANCMP), *args], capture_output=True, text=True, cwd=cwd, env=full,
                          timeout=timeout, input=input)


@pytest.fixture
def data(private_data):
    """A private copy of the data folder, with its own cache; the working directory is its parent."""
    return private_data


def _set_source(data: Path, value: str) -> None:
    plan = data / "plans" / "gansu.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("source: ../sources/gansu.txt", f"source: {value}", 1), encoding="utf-8")


# ---------------------------------------------------------------- sources stay inside the data folder

@pytest.mark.parametrize("where", ["absolute", "climbs", "symlink"])
def test_a_source_outside_the_data_folder_is_refused_and_never_quoted(data, tmp_path, where):
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{SECRET} 每千人口拥有3岁以下婴幼儿托位数\n", encoding="utf-8")
    if where == "absolute":
        _set_source(data, str(secret))
    elif where == "climbs":
        _set_source(data, "../../secret.txt")
    else:
        (data / "sources" / "link.txt").symlink_to(secret)
        _set_source(data, "../sources/link.txt")
    for fmt in ("text", "json", "github"):
        result = _cli("validate", "--format", fmt)
        assert result.returncode == 1, result.stdout
        assert "source-outside" in result.stdout
        assert SECRET not in result.stdout + result.stderr        # no "closest passage" from that file
    diff = _cli("diff", "national", "gansu")
    assert diff.returncode == 1 and "plancmp validate" in diff.stderr and SECRET not in diff.stdout + diff.stderr


@pytest.mark.parametrize("special", ["fifo", "dev-zero"])
def test_a_special_file_as_source_plan_or_links_never_hangs(data, special):
    def make(path: Path):
        path.unlink(missing_ok=True)
        if special == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to("/dev/zero")

    make(data / "sources" / "gansu.txt")
    result = _cli("validate", timeout=30)
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    assert "gansu" in result.stdout
    shutil.copy(DATA / "sources" / "gansu.txt", data / "sources" / "gansu.txt.bak")
    make(data / "links.yaml")
    result = _cli("diff", "national", "liaoning", timeout=30)
    assert result.returncode in (1, 2) and "links.yaml" in result.stderr and "Traceback" not in result.stderr
    (data / "links.yaml").unlink()
    make(data / "plans" / "fujian.yaml")
    result = _cli("diff", "national", "fujian", timeout=30)
    assert result.returncode in (1, 2) and "fujian" in result.stderr and "Traceback" not in result.stderr


def test_odd_files_in_plans_never_crash_a_mistyped_name(data):
    (data / "plans" / "folder.yaml").mkdir()
    (data / "plans" / "dangling.yaml").symlink_to(data / "nowhere")
    (data / "plans" / "gbk.yaml").write_bytes("region: 辽宁省\n".encode("gbk"))
    result = _cli("diff", "national", "liaonig")
    assert result.returncode == 2 and "unknown plan 'liaonig'" in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- outputs

@pytest.mark.parametrize("kind", ["fifo", "symlink", "directory", "device"])
def test_out_replaces_only_a_regular_file(data, tmp_path, kind):
    target = tmp_path / "report.html"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        target.symlink_to(victim)
    elif kind == "directory":
        target.mkdir()
    else:
        target = Path("/dev/null")
    result = _cli("report", "--out", str(target), timeout=60)
    assert result.returncode == 2, result.stderr
    assert "wrote" not in result.stderr
    assert victim.read_text(encoding="utf-8") == "keep me"
    if kind == "fifo":
        assert target.is_fifo()
    if kind == "symlink":
        assert target.is_symlink()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".report.html.")]   # no temporary file left


def _catches(pid: int, signum: int) -> bool:
    """Whether process `pid` has a handler of its own for `signum` (Linux: SigCgt in /proc/PID/status)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    mask = next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(mask, 16) >> (signum - 1) & 1)


def _started(proc: subprocess.Popen) -> None:
    """Wait, without guessing a time, until plancmp's entry point runs: its first act is to catch
    SIGTERM (plancmp/entry.py), which the interpreter alone never does. However loaded the
    machine, a signal sent after this lands in plancmp's code, not in the interpreter's start."""
    deadline = time.monotonic() + 120   # a safety net, not a timing: the wait ends when the mask says so
    while not _catches(proc.pid, signal.SIGTERM):
        assert proc.poll() is None, f"plancmp ended (exit {proc.returncode}) before it caught SIGTERM"
        assert time.monotonic() < deadline, "plancmp never caught SIGTERM"
        time.sleep(0.001)


needs_proc = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads signal masks from /proc (Linux)")


@needs_proc
def test_out_leaves_no_temporary_file_when_terminated(data, tmp_path):
    out = tmp_path / "report.html"
    proc = subprocess.Popen([str(PLANCMP), "report", "--out", str(out)], stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PLANCMP_NO_CACHE": "1"})
    _started(proc)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, (proc.returncode, err)   # stopped mid-run, by its handler
    assert "Traceback" not in err
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".report.html.")]


@needs_proc
def test_ctrl_c_at_once_prints_no_traceback(data):
    proc = subprocess.Popen([str(PLANCMP), "diff", "national", "liaoning"], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, env={**os.environ, "PLANCMP_NO_CACHE": "1"},
                            preexec_fn=interruptible)
    _started(proc)   # at once: while the command is still importing
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0, err   # interrupted, not finished
    assert "Traceback" not in err


def test_csv_cells_never_start_a_formula(data, runner):
    # a curated field that every sheet shows, opened with a formula
    replace_once(data / "plans" / "national.yaml", 'indicator: "学前教育毛入园率"',
                 'indicator: "=HYPERLINK(\\"http://x\\")学前教育毛入园率"')
    for args in (["diff", "national", "liaoning"], ["targets"]):
        out = runner.invoke(app, [*args, "--format", "csv"]).output
        assert "'=HYPERLINK" in out, args   # the planted cell is there, neutralised
    for args in (["diff", "national", "liaoning"], ["targets"], ["matrix"], ["debt"]):
        out = runner.invoke(app, [*args, "--format", "csv"]).output
        for row in csv.reader(io.StringIO(out)):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (args, cell)


# ---------------------------------------------------------------- the cache

def _planted(data: Path, tmp_path: Path) -> Path:
    """Run once to fill the cache, then replace every entry with a pickle that would
    create a file when loaded: the attack a writable or restored cache folder allows."""
    assert _cli("diff", "national", "liaoning").returncode == 0
    pwned = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {pwned}",))

    entries = list((tmp_path / "cache" / "plancmp").glob("*.pickle"))
    assert entries
    for entry in entries:
        entry.write_bytes(pickle.dumps(Evil()))
    return pwned


def test_a_planted_cache_entry_never_runs(data, tmp_path):
    pwned = _planted(data, tmp_path)
    expected = _cli("diff", "national", "liaoning", env={"PLANCMP_NO_CACHE": "1"}).stdout
    assert _cli("diff", "national", "liaoning").stdout == expected
    assert not pwned.exists()


def test_a_cache_folder_others_can_write_is_not_used(data, tmp_path):
    folder = tmp_path / "cache" / "plancmp"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    result = _cli("diff", "national", "liaoning")
    assert result.returncode == 0
    assert "not using the cache" in result.stderr and "others can write" in result.stderr
    assert not list(folder.iterdir())                      # nothing written there either
    assert result.stdout == _cli("diff", "national", "liaoning", env={"PLANCMP_NO_CACHE": "1"}).stdout


def test_no_cache_zero_leaves_the_cache_on(data, tmp_path):
    _cli("diff", "national", "fujian", env={"PLANCMP_NO_CACHE": "0"})
    assert list((tmp_path / "cache" / "plancmp").glob("*.pickle"))


def test_the_fingerprint_follows_content_not_size_and_time(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    module = package / "sub" / "deep.py"
    module.write_text("A = 1\n")
    monkeypatch.setattr(cache, "PACKAGE", package)
    cache.fingerprint.cache_clear()
    before = cache.fingerprint()
    stat = module.stat()
    module.write_text("A = 2\n")                                 # same size …
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))   # … same time
    cache.fingerprint.cache_clear()
    assert cache.fingerprint() != before
    cache.fingerprint.cache_clear()


# ---------------------------------------------------------------- validate what is used

def test_links_with_errors_never_steer_a_diff(data):
    links = data / "links.yaml"
    links.write_text(links.read_text(encoding="utf-8")
                     + '  - {pin: "national:nursery-places-per-1000 = liaoning:no-such-item", reason: "typo"}\n',
                     encoding="utf-8")
    for args in (["diff", "national", "liaoning"], ["matrix"], ["targets"], ["report", "--out", "r.html"]):
        result = _cli(*args)
        assert result.returncode == 1 and "links.yaml" in result.stderr and "link-unknown-id" in result.stderr, args
    assert _cli("diff", "national", "fujian").returncode == 0     # that link is no part of this diff
    assert _cli("validate", "plans/liaoning.yaml", cwd=data).returncode == 1   # named files: links checked too


def test_a_plan_with_a_validate_error_is_never_compared(data):
    plan = data / "plans" / "fujian.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('target: "4.5"', 'target: "4"', 1), encoding="utf-8")   # 4 is not in 4.5
    for args in (["diff", "national", "fujian"], ["matrix"], ["show", "fujian"]):
        result = _cli(*args)
        assert result.returncode == 1 and "value-not-in-quote" in result.stderr and "plancmp validate" in result.stderr, args


@pytest.mark.parametrize("mutation,code", [
    (lambda d: (d / "plans" / "gansu.yaml").rename(d / "plans" / "kansu.yaml"), "id-not-file-name"),
    (lambda d: replace_once(d / "plans" / "gansu.yaml", "level: province", "level: national"), "reference-plan"),
    (lambda d: replace_once(d / "plans" / "gansu.yaml", "id: gansu", 'id: "gansu\\n"'), "invalid-id"),
    (lambda d: replace_once(d / "plans" / "national.yaml", 'target: "4.5"', "target: 010"), "value-not-in-quote"),
    # a commitment is held to the same whole-number rule: 0.1 is in the quote, 1 is not
    (lambda d: replace_once(d / "plans" / "national.yaml", '["不少于0.1平方米"]', '["1平方米"]'), "value-not-in-quote"),
])
def test_validate_catches_what_the_commands_would_trip_on(data, mutation, code):
    mutation(data)
    result = _cli("validate", "--format", "json")
    assert result.returncode == 1
    assert code in {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert _cli("matrix").returncode == 1


def test_validate_with_nothing_to_check_is_a_usage_error(tmp_path):
    (tmp_path / "plans").mkdir()
    result = _cli("validate", env={"PLANCMP_DATA": str(tmp_path)})
    assert result.returncode == 2 and "nothing to check" in result.stderr


# ---------------------------------------------------------------- cost

@pytest.mark.slow   # reads a 20,000-link YAML file
def test_twenty_thousand_links_cost_little(data):
    extra = "".join(f'  - {{forbid: "national:x{n} = liaoning:y{n}", reason: "bulk"}}\n' for n in range(20_000))
    links = data / "links.yaml"
    links.write_text(links.read_text(encoding="utf-8") + extra, encoding="utf-8")
    from plancmp.ingest.workspace import Workspace

    loaded = Workspace(data).links_file()
    start = time.process_time()   # this process's CPU time: other processes on the machine do not count
    for n in range(5000):
        assert loaded.forbidden(f"national:x{n}", f"liaoning:y{n}")
        assert loaded.pins_of(f"national:x{n}", "liaoning") == []
    assert time.process_time() - start < 1.0   # indexed by pair, not a scan per question
    assert not loaded.forbidden("national:x1", "liaoning:y2")


def test_an_oversized_source_is_refused_not_read_into_memory(data):
    big = data / "sources" / "gansu.txt"
    with open(big, "ab") as fh:
        fh.truncate(9 * 2**20)   # past the 8 MB limit (a sparse file: nothing is written)
    result = _cli("validate", "--format", "json", timeout=60)
    found = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "source-missing"]
    assert result.returncode in (1, 2) and found and "limit" in found[0]["message"]


@pytest.mark.parametrize("text", ["pairings: 5\n", "- a list\n", "pairings: [{}]\n",
                                  "pairings: [{left: national, right: gansu, targets: {x: {mentioned: [one]}}}]\n", "a: &x [*x]\npairings: []\n",
                                  "pairings: !!python/object/apply:os.system ['touch pwned']\n"])
def test_a_bad_labels_file_for_eval_is_refused_plainly(data, tmp_path, text):
    labels = tmp_path / "labels.yaml"
    labels.write_text(text, encoding="utf-8")
    proc = _cli("eval", "--labels", str(labels), cwd=tmp_path)
    assert proc.returncode == 1 and "is no labels file" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    assert not (tmp_path / "pwned").exists()
