"""`plancmp changes --base REV`: the verdicts an edit moves, against a git revision.

A throwaway repository holds a copy of data/; a second commit deletes a curated Fujian
target (orphan-care-coverage) and lowers another (nursery-places-per-1000, 4.5 -> 1.28,
a number its quote states). The rows that move are checked against an oracle: the
`plancmp diff national P --format json` rows of each state, computed on plain copies.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plancmp.cli import app

from conftest import DATA, PLANCMP

# one worker builds the repository and the oracle (module-scoped) and runs every test of it (make test: -n auto)
pytestmark = pytest.mark.xdist_group("changes-repo")

PROVINCES = ("fujian", "gansu", "liaoning")
DELETED = "orphan-care-coverage"
LOWERED = "nursery-places-per-1000"


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", "-c", "commit.gpgsign=false", *args],
                          cwd=repo, capture_output=True, text=True, check=True)
    return proc.stdout


def edit(data: Path) -> int:
    """Delete one Fujian target, lower another; the 1-based line of the lowered `target:` now."""
    plan = data / "plans" / "fujian.yaml"
    lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"  - id: {DELETED}\n")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id: "))
    del lines[start:end]
    text = "".join(lines)
    old = '    baseline: {value: "1.28", year: 2020}\n    target: "4.5"\n'
    assert text.count(old) == 1
    at = text.index(old)
    plan.write_text(text.replace(old, old.replace('"4.5"', '"1.28"')), encoding="utf-8")
    return text[:at].count("\n") + 2


def make_repo(root: Path) -> Path:
    repo = root / "repo"
    shutil.copytree(DATA, repo / "data", ignore=shutil.ignore_patterns("eval"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    return repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> dict:
    """The repository after the second commit (HEAD~1: the data as shipped), the line of the
    edited target, and the oracle's diff rows of both states."""
    root = tmp_path_factory.mktemp("changes")
    repo = make_repo(root)
    line = edit(repo / "data")
    git(repo, "commit", "-q", "-am", "delete a Fujian target, lower another")
    plain = root / "plain"   # the shipped data, outside any repository: the oracle's before
    shutil.copytree(DATA, plain, ignore=shutil.ignore_patterns("eval"))
    runner = CliRunner()

    def rows(data: Path) -> dict:
        out = {}
        for province in PROVINCES:
            result = runner.invoke(app, ["diff", "national", province, "--format", "json"], env={"PLANCMP_DATA": str(data)})
            assert result.exit_code == 0, result.output
            for row in json.loads(result.output)["rows"]:
                key = (province, row["kind"], "left", row["left"]["id"]) if row["left"] else \
                      (province, row["kind"], "right", row["right"]["id"])
                out[key] = row
        return out

    return {"repo": repo, "data": repo / "data", "line": line, "before": rows(plain), "after": rows(repo / "data")}


def invoke(repo: dict, *args: str):
    return CliRunner().invoke(app, ["changes", *args], env={"PLANCMP_DATA": str(repo["data"])})


def moved(before: dict | None, after: dict | None) -> bool:
    """The oracle: what `changes` reports, computed from two diff rows."""
    if before is None or after is None:
        return before is not after
    ident = lambda item: item["id"] if item else None
    values = lambda item: item and (item["baseline"], item["target"], item["unit"], item.get("standard"), item.get("commitments"))
    return (before["status"], ident(before["right"]), [i["id"] for i in before["also"]], values(before["left"]),
            values(before["right"]), before["notes"]) != \
           (after["status"], ident(after["right"]), [i["id"] for i in after["also"]], values(after["left"]),
            values(after["right"]), after["notes"])


def test_json_lists_exactly_the_rows_that_moved(repo):
    result = invoke(repo, "--base", "HEAD~1", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["base"] == "HEAD~1" and set(data) == {"base", "changes"}
    listed = {}
    for c in data["changes"]:
        assert set(c) == {"plan", "kind", "left", "right", "before", "after"}
        key = (c["plan"], c["kind"], "left", c["left"]) if c["left"] else (c["plan"], c["kind"], "right", c["right"])
        listed[key] = c
    before, after = repo["before"], repo["after"]
    expected = {k for k in set(before) | set(after) if moved(before.get(k), after.get(k))}
    assert set(listed) == expected
    for key, c in listed.items():
        assert c["before"] == before.get(key) and c["after"] == after.get(key), key
    # what the edit should move, by name: the lowered target falls below national's 4.5; the deleted
    # target's national row takes another counterpart, and the service that covered it loses it
    lowered = listed[("fujian", "targets", "left", LOWERED)]
    assert (lowered["before"]["status"], lowered["after"]["status"]) == ("matches", "below")
    assert (lowered["before"]["right"]["target"], lowered["after"]["right"]["target"]) == ("4.5", "1.28")
    assert all(c["plan"] == "fujian" for c in data["changes"])
    assert any(c["before"] and c["before"]["right"] and c["before"]["right"]["id"] == DELETED for c in data["changes"])
    assert not any(c["after"] and c["after"]["right"] and c["after"]["right"]["id"] == DELETED for c in data["changes"])


def test_the_installed_command_gives_the_same_json_and_leaves_the_tree_alone(repo, tmp_path):
    status, head = git(repo["repo"], "status", "--porcelain"), git(repo["repo"], "rev-parse", "HEAD")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    # from this directory, as CliRunner runs: messages name source lines relative to the working directory
    proc = subprocess.run([str(PLANCMP), "changes", "--base", "HEAD~1", "--format", "json"], capture_output=True, text=True,
                          env={**os.environ, "PLANCMP_DATA": str(repo["data"]), "TMPDIR": str(scratch)}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == json.loads(invoke(repo, "--base", "HEAD~1", "--format", "json").output)
    assert git(repo["repo"], "status", "--porcelain") == status and git(repo["repo"], "rev-parse", "HEAD") == head
    assert list(scratch.iterdir()) == []   # the revision's temporary copy is gone


@pytest.mark.slow   # `changes` 4 times, each diffing the base revision's plans anew
def test_table_markdown_and_github_name_every_change(repo):
    changes = json.loads(invoke(repo, "--base", "HEAD~1", "--format", "json").output)["changes"]
    ids = [c["left"] or c["right"] for c in changes]
    table = CliRunner().invoke(app, ["changes", "--base", "HEAD~1"],   # wide enough that no cell is folded
                               env={"PLANCMP_DATA": str(repo["data"]), "COLUMNS": "1000"})
    assert table.exit_code == 0 and "matches → below" in table.output
    assert all(i in table.output for i in ids) and f"{len(changes)} rows change against HEAD~1" in table.output

    markdown = invoke(repo, "--base", "HEAD~1", "--format", "markdown").output
    lines = markdown.splitlines()
    assert lines[0].startswith("## ") and f"{len(changes)} rows change against HEAD~1" in markdown
    body = [line for line in lines if line.startswith("| ")]
    assert len(body) == 2 + len(changes)   # header, rule, one line a change
    assert all(any(i in line for line in body[2:]) for i in ids)

    github = invoke(repo, "--base", "HEAD~1", "--format", "github").output.splitlines()
    assert len(github) == len(changes)
    assert all(line.startswith(("::notice file=data/plans/fujian.yaml", "::warning file=data/plans/fujian.yaml")) for line in github)
    lowered = next(line for line in github if LOWERED in line.split("::", 2)[2].split(":")[0])
    assert lowered.startswith(f"::warning file=data/plans/fujian.yaml,line={repo['line']},")   # the edited `target:` line
    assert "matches → below" in lowered and "4.5 → 1.28" in lowered
    assert all(line.startswith("::notice") for line in github if line is not lowered)


@pytest.mark.slow   # `changes` 4 times
def test_an_unchanged_tree_moves_nothing(repo):
    data = json.loads(invoke(repo, "--base", "HEAD", "--format", "json").output)
    assert data == {"base": "HEAD", "changes": []}
    assert "No verdict changes against HEAD" in invoke(repo, "--base", "HEAD").output
    assert invoke(repo, "--base", "HEAD", "--format", "github").output == ""
    assert "No verdict changes" in invoke(repo, "--base", "HEAD", "--format", "markdown").output


@pytest.mark.slow   # `changes` 4 times
def test_fail_on_exits_1_only_when_a_row_moves_to_a_chosen_status(repo):
    assert invoke(repo, "--base", "HEAD~1", "--fail-on", "below,omitted").exit_code == 1
    assert invoke(repo, "--base", "HEAD~1", "--fail-on", "omitted").exit_code == 0     # nothing became omitted
    assert invoke(repo, "--base", "HEAD~1").exit_code == 0                             # it informs
    assert invoke(repo, "--base", "HEAD", "--fail-on", "below,omitted").exit_code == 0


def test_uncommitted_edits_against_head(tmp_path):
    repo = make_repo(tmp_path)
    edit(repo / "data")
    result = CliRunner().invoke(app, ["changes", "--base", "HEAD", "--format", "json"], env={"PLANCMP_DATA": str(repo / "data")})
    assert result.exit_code == 0, result.output
    keys = {(c["plan"], c["kind"], c["left"]) for c in json.loads(result.output)["changes"]}
    assert ("fujian", "targets", LOWERED) in keys and ("fujian", "targets", DELETED) in keys


@pytest.mark.parametrize("args, message", [
    (["--base", "no-such-revision"], "unknown revision 'no-such-revision'"),
    (["--base", "HEAD~99"], "unknown revision 'HEAD~99'"),
    (["--base", "HEAD", "--fail-on", "worse"], "unknown --fail-on 'worse'"),
])
def test_usage_errors_exit_2_without_a_traceback(repo, args, message):
    result = invoke(repo, *args)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    proc = subprocess.run([str(PLANCMP), "changes", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PLANCMP_DATA": str(repo["data"])})
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


def test_a_data_folder_outside_git_is_a_usage_error(data_copy, runner):
    result = runner.invoke(app, ["changes", "--base", "HEAD"])
    assert result.exit_code == 2 and "not inside a git repository" in result.output


def test_notes_that_differ_only_in_how_they_name_a_file_move_nothing():
    """REV's rows are read from a temporary copy and name files `REV:data/sources/…`; the
    working tree's name them as they are shown (or absolutely): the same note either way."""
    from plancmp.core.model import KINDS
    from plancmp.ingest.workspace import Workspace
    from plancmp.views.changes import what_moved
    from plancmp.views.results import diff_of

    ws = Workspace.open(DATA)
    rows = [r._replace(notes=r.reasons) for r in diff_of(ws, ws.plan("national"), ws.plan("gansu"), KINDS).rows
            if any("gansu.txt:" in str(n.values) for n in r.reasons)]
    assert rows                                                           # rows whose words name a source line
    for row in rows:
        before = row._replace(notes=tuple(n.mapped(lambda t: t.replace("data/sources/", "HEAD:data/sources/"))
                                          for n in row.notes))
        after = row._replace(notes=tuple(n.mapped(lambda t: t.replace("data/sources/", "/tmp/repo/data/sources/"))
                                         for n in row.notes))
        assert before.notes != after.notes and what_moved(before, after) == ()
        changed = after._replace(notes=tuple(n.mapped(lambda t: t.replace("gansu.txt:", "gansu.txt:9")) for n in row.notes))
        assert [n.code for n in what_moved(before, changed)] == ["moved-notes"]


def test_what_moved_is_worded_in_the_readers_language():
    """The `what moved` column: statuses, counterparts and a target's changed field, in Chinese
    under zh and in English otherwise (the GitHub annotations stay English)."""
    from plancmp.core.i18n import Labels
    from plancmp.core.model import KINDS
    from plancmp.ingest.workspace import Workspace
    from plancmp.views.changes import what_moved
    from plancmp.views.results import diff_of

    ws = Workspace.open(DATA)
    row = next(r for r in diff_of(ws, ws.plan("national"), ws.plan("gansu"), KINDS).rows
               if r.status == "matches" and r.kind == "targets" and r.right is not None)
    edited = row._replace(status="below", right=replace(row.right, target="1%"))
    moved = what_moved(row, edited)
    zh, en = Labels("zh").notes(moved), Labels("en").notes(moved)
    assert "持平 → 低于" in zh and "目标值" in zh and "1%" in zh
    assert "matches → below" in en and f"{row.right.ref} target" in en
