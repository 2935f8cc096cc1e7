"""Which verdicts an edit moves: every plan pair's diff at a git revision against the
working tree's.

CI says whether an edited plan file is valid; a reviewer also needs to know what the
edit does to the comparison (a deleted Fujian target makes a national row `omitted`; a
changed value turns `matches` into `below`). So the data folder is read as it stood at
REV (one `git cat-file --batch` into a temporary folder: nothing is checked out, the
working tree is untouched), both sides are diffed the way the cross-plan views diff them
(national against each province, with links.yaml), and the rows are matched up.

A row is keyed by (plan pair, kind, left id) when it has a left (national) item, else
by (plan pair, kind, right id) (an `added` row). It has changed when its status, its
counterpart (right id, `also` ids), the values of either side (a target's baseline,
target, unit and year; a service's standard; a task's commitments) or its notes differ; a
key on one side only is a row added or removed.
"""
from __future__ import annotations

import difflib
import re
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from ..core.errors import PlanError
from ..core.model import Item, Plan, Service, Target, item_data
from ..core.notes import Note
from ..core.verdicts import Diff, Row
from ..ingest.workspace import Workspace


class GitProblem(Exception):
    """The revision cannot be read: no git, not a repository, an unknown revision.
    A usage problem (exit 2), not a data error."""


class Change(NamedTuple):
    """One diff row that differs between REV and the working tree."""

    plan: str                 # the province of the pair (the left plan is the reference)
    kind: str
    left: str | None          # the reference item's id; None for an added row
    right: str | None         # the counterpart's id after the edit (before it when the row is gone)
    before: Row | None        # the row at REV; None: a new row
    after: Row | None         # the row in the working tree; None: the row is gone
    what: tuple[Note, ...]    # what moved (vocab/notes.yaml moved-*)
    file: str                 # where the edit stands in the working tree, relative to the repository
    line: int | None

    @property
    def status_to(self) -> str | None:
        """The after-status when the status moved (a new row counts), else None."""
        if self.after is None or (self.before is not None and self.before.status == self.after.status):
            return None
        return self.after.status


# ---------------------------------------------------------------- git

def _git(args: list[str], cwd: Path, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, check=False)
    except FileNotFoundError:
        raise GitProblem("git is not installed (or not on PATH); `plancmp changes` reads the revision with git") from None


def repo_root(data: Path) -> Path:
    """The top of the git repository that holds the data folder."""
    if not data.is_dir():
        raise GitProblem(f"the data folder {data} does not exist")
    proc = _git(["rev-parse", "--show-toplevel"], data)
    if proc.returncode != 0:
        said = proc.stderr.decode(errors="replace").strip().splitlines()
        why = "" if not said or "not a git repository" in said[0] else f" (git: {said[0].removeprefix('fatal: ')})"
        raise GitProblem(f"the data folder {data} is not inside a git repository{why}; "
                         "`plancmp changes` compares the working tree with a git revision")
    return Path(proc.stdout.decode().strip()).resolve()


def commit_of(rev: str, top: Path) -> str:
    """REV as a commit id; GitProblem naming REV when git does not know it."""
    if not rev or rev.startswith("-") or "\0" in rev:   # never let a revision read as an option
        raise GitProblem(f"{rev!r} is not a revision")
    proc = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], top)
    if proc.returncode != 0:
        raise GitProblem(f"unknown revision {rev!r} (a commit, branch, tag or FETCH_HEAD of this repository)")
    return proc.stdout.decode().strip()


def extract(commit: str, top: Path, rel: str, into: Path) -> int:
    """Write the files under `rel` (the data folder, relative to the repository) as they
    stand at `commit` into `into`: listed by one `git ls-tree`, read by one `git cat-file
    --batch` (the blobs as committed: no textconv, no filters); only regular files (no
    symbolic links, no submodules). Returns how many."""
    proc = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", rel], top)
    if proc.returncode != 0:
        raise GitProblem(f"cannot list {rel} at {commit}: {proc.stderr.decode(errors='replace').strip()}")
    prefix = "" if rel in ("", ".") else rel.rstrip("/") + "/"
    wanted: list[tuple[str, str, Path]] = []   # (object id, path in the repository, where it goes)
    for entry in proc.stdout.decode("utf-8", errors="surrogateescape").split("\0"):
        if not entry:
            continue
        meta, path = entry.split("\t", 1)
        mode, kind, oid = meta.split(" ")
        inside = path[len(prefix):]
        if kind != "blob" or mode not in ("100644", "100755") or not path.startswith(prefix) \
                or Path(inside).is_absolute() or ".." in Path(inside).parts:   # a crafted tree stays inside `into`
            continue
        wanted.append((oid, path, into / inside))
    if wanted:
        _read_blobs(commit, top, wanted)
    return len(wanted)


_CHUNK = 1 << 20


def _read_blobs(commit: str, top: Path, wanted: list[tuple[str, str, Path]]) -> None:
    """Every blob of `wanted` in one `git cat-file --batch` (ids in, `<id> blob <size>` and the
    bytes out), each written to its place a chunk at a time. A blob over the size limit of a
    data file is written as an empty file of its size (sparse): the read rule refuses it, as
    it would the committed file, and nothing reads (or stores) its bytes."""
    import threading

    from ..files.safeio import MAX_BYTES

    try:
        proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=top, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except FileNotFoundError:
        raise GitProblem("git is not installed (or not on PATH); `plancmp changes` reads the revision with git") from None

    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None   # all three piped
    stdin, stdout, stderr = proc.stdin, proc.stdout, proc.stderr

    def ask() -> None:   # a thread: git answers while it is asked, and a full pipe must not stall either side
        try:
            stdin.write("".join(f"{oid}\n" for oid, _, _ in wanted).encode())
            stdin.close()
        except OSError:
            pass

    asking = threading.Thread(target=ask, daemon=True)
    asking.start()
    done = False
    try:
        for oid, path, target in wanted:
            header = stdout.readline().decode(errors="replace").split()
            if len(header) != 3 or header[0] != oid or header[1] != "blob":
                raise GitProblem(f"cannot read {path} at {commit}: git cat-file answered {' '.join(header)!r}")
            size = int(header[2])
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as out:
                left = size
                while left:
                    chunk = stdout.read(min(left, _CHUNK))
                    if not chunk:
                        raise GitProblem(f"cannot read {path} at {commit}: git cat-file stopped")
                    if size <= MAX_BYTES:
                        out.write(chunk)
                    left -= len(chunk)
                if size > MAX_BYTES:
                    out.truncate(size)
            stdout.read(1)   # the newline after the bytes
        done = True
    finally:
        if not done:   # an answer we could not read, or an interrupt: git stops too
            proc.kill()
        stdout.close()
        proc.wait()
        asking.join()
        stderr.close()


# ---------------------------------------------------------------- diffs

def diffs(ws: Workspace, cached: bool = True) -> tuple[dict[str, Plan], dict[str, Diff]]:
    """The plans of a workspace and {province: diff(reference, province)}, as the cross-plan
    views compute them: the command's own workspace through the whole-result cache (those
    diffs are usually there already, `cached`); a revision's temporary copy (a folder that
    is new every run, so its entries would never be met again) directly."""
    from ..engine.compare import diff
    from .crossplan import against_reference, provinces, reference_id

    plans = ws.plans()
    links = ws.links()   # every link between the plans, on both sides alike
    if cached:
        return plans, against_reference(ws)
    ref = reference_id(plans)
    return plans, {pid: diff(plans[ref], plans[pid], links, ws=ws) for pid in provinces(plans)}


def _key(row: Row) -> tuple[str, str]:
    return ("left", row.left.id) if row.left is not None else ("right", row.right.id if row.right else "")


def _fields(item: Item | None) -> dict[str, str]:
    """The values of an item a verdict reads, as written: a target's baseline, target, unit
    and year; a service's standard; a task's commitments."""
    if item is None:
        return {}
    if isinstance(item, Target):
        base = item.baseline
        return {"baseline": f"{base.value} ({base.year})" if base else "—", "target": item.target,
                "unit": item.unit or "—", "year": str(item.year)}
    if isinstance(item, Service):
        return {"standard": item.standard or "—"}
    return {"commitments": "; ".join(getattr(item, "commitments", ())) or "—"}


def _id(item: Item | None) -> str:
    return item.id if item is not None else "—"


def what_moved(before: Row | None, after: Row | None) -> tuple[Note, ...]:
    """What differs between two rows of one key, as notes (vocab/notes.yaml `moved-*`, worded in
    either language); () when nothing does."""
    if before is None:
        return (Note("moved-new-row", {"status": after.status}),) if after is not None else ()
    if after is None:
        return (Note("moved-row-gone", {"status": before.status}),)
    out = []
    if before.status != after.status:
        out.append(Note("moved-status", {"before": before.status, "after": after.status}))
    if _id(before.right) != _id(after.right):
        out.append(Note("moved-counterpart", {"before": _id(before.right), "after": _id(after.right)}))
    if [i.id for i in before.also] != [i.id for i in after.also]:
        out.append(Note("moved-also", {"before": [i.id for i in before.also], "after": [i.id for i in after.also]}))
    for side in ("left", "right"):
        old, new = getattr(before, side), getattr(after, side)
        if old is None or new is None or old.ref != new.ref:
            continue
        before_fields, after_fields = _fields(old), _fields(new)
        out += [Note("moved-field", {"ref": new.ref, "field": name, "before": before_fields.get(name, "—"), "after": value})
                for name, value in after_fields.items() if before_fields.get(name, "—") != value]
    if _comparable(before.notes) != _comparable(after.notes):
        out.append(Note("moved-notes", {}))
    return tuple(out)


_FILE = re.compile(r"[^\s“”\"'(（]*?([\w.-]+\.(?:txt|yaml))(?=[:\s),，）]|$)")


def _comparable(notes) -> tuple:
    """Notes as compared across the two sides: a file they name by its name alone, so that REV's
    `HEAD:data/sources/gansu.txt:89` (read from a temporary copy) and the working tree's
    `data/sources/gansu.txt:89` (or an absolute path) are the same note."""
    return tuple(n.mapped(lambda text: _FILE.sub(r"\1", text)) for n in notes)


# ---------------------------------------------------------------- where the edit stands

def _edited(item: Item, old_plan: Plan | None) -> bool:
    """The item is new, or its fields differ from the same item at REV."""
    old = old_plan.item(item.id) if old_plan is not None else None
    return old is None or (old.kind, old.domain, old.notes, item_data(old)) != (item.kind, item.domain, item.notes, item_data(item))


def _edited_line(item: Item, old: Item | None) -> int:
    """The line of the first value that changed (a target's `target:`), else the item's."""
    if old is not None and old.kind == item.kind:
        before, after = _fields(old), _fields(item)
        for name in after:
            if before.get(name) != after[name] and isinstance(item, Target) and name in item.field_pos:
                return item.field_pos[name].line
    return item.pos.line


def _moved_line(sides: _Sides, plan_id: str, old_line: int) -> int | None:
    """Where a line of a plan file at REV stands in the working tree: the same line when it
    survived, else the place where it was deleted or replaced (what a review sees); None
    when the file is gone from the working tree, 1 when either side cannot be read."""
    new_file = sides.ws.plan_path(plan_id)
    if not sides.ws.folder.has_entry(new_file):
        return None
    try:   # each side's bytes as its workspace read them
        old = sides.base.folder.read_text(sides.base.plan_path(plan_id)).splitlines()
        new = sides.ws.folder.read_text(new_file).splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, _j2 in opcodes:
        if i1 <= old_line - 1 < i2:
            if tag == "equal":
                return j1 + (old_line - 1 - i1) + 1
            return min(j1 + 1, max(len(new), 1))
    return max(len(new), 1)


class _Sides(NamedTuple):
    before: dict[str, Plan]
    after: dict[str, Plan]
    base: Workspace           # the revision's temporary copy
    ws: Workspace             # the working tree's data folder
    top: Path


def _location(before: Row | None, after: Row | None, province: str, sides: _Sides) -> tuple[str, int | None]:
    """The file (relative to the repository) and line of the edit behind a change: an item of
    the row that is new or edited in the working tree; else one of the row at REV that is
    gone (at the line where it was deleted); else the row's counterpart (or national item)."""
    def rel(path: Path) -> str:
        try:
            return path.resolve().relative_to(sides.top).as_posix()
        except ValueError:
            return str(path)

    now = [i for i in ((after.right, *after.also, after.left) if after else ()) if i is not None]
    for item in now:
        old_plan = sides.before.get(item.plan)
        if _edited(item, old_plan):
            return rel(sides.after[item.plan].path), _edited_line(item, old_plan.item(item.id) if old_plan else None)
    then = [i for i in ((before.right, *before.also, before.left) if before else ()) if i is not None]
    for item in then:
        plan = sides.after.get(item.plan)
        if plan is None or plan.item(item.id) is None:
            return rel(sides.ws.plan_path(item.plan)), _moved_line(sides, item.plan, item.pos.line)
    if now:
        return rel(sides.after[now[0].plan].path), now[0].pos.line
    return rel(sides.ws.plan_path(province)), None


# ---------------------------------------------------------------- the comparison

def compare(before: dict[str, Diff], after: dict[str, Diff], sides: _Sides) -> list[Change]:
    """The changed rows of every plan pair, in province order, then the working tree's row
    order, then rows gone in REV's order."""
    out = []
    for province in sorted(set(before) | set(after)):
        old_rows = {(r.kind, *_key(r)): r for r in (before[province].rows if province in before else ())}
        new_rows = {(r.kind, *_key(r)): r for r in (after[province].rows if province in after else ())}
        keys = list(new_rows) + [k for k in old_rows if k not in new_rows]
        for key in keys:
            old, new = old_rows.get(key), new_rows.get(key)
            what = what_moved(old, new)
            if not what:
                continue
            kind, side, item_id = key
            right = (new.right if new is not None else None) or (old.right if old is not None else None)
            file, line = _location(old, new, province, sides)
            out.append(Change(province, kind, item_id if side == "left" else None, right.id if right else None,
                              old, new, what, file, line))
    return out


def changes_since(rev: str, ws: Workspace) -> list[Change]:
    """Every changed row between the workspace's data folder at `rev` and the working tree.
    GitProblem when the revision cannot be read; PlanError when either side's plans or
    links have errors (REV's findings name the files as `REV:path`)."""
    data = ws.folder.real
    top = repo_root(data)
    commit = commit_of(rev, top)
    try:
        rel = data.relative_to(top).as_posix()
    except ValueError:
        raise GitProblem(f"the data folder {data} is not inside the repository {top}") from None
    after_plans, after = diffs(ws)
    with tempfile.TemporaryDirectory(prefix="plancmp-changes-") as tmp:
        base_data = Path(tmp) / "data"
        base_data.mkdir()
        extract(commit, top, rel, base_data)
        if not any((base_data / "plans").glob("*.yaml")):
            raise GitProblem(f"{rev} has no plan files in {rel}/plans; choose a revision that has the data")
        name, fix = _namer(base_data, rev, rel)
        base = Workspace(base_data)   # a second workspace, over the revision's copy
        try:
            before_plans, before = diffs(base, cached=False)
        except PlanError as exc:
            raise PlanError(f"at {rev}: {fix(str(exc))}",
                            [replace(f, file=name(f.file), message=fix(f.message)) for f in exc.findings]) from None
        for d in before.values():   # REV's files as REV:data/sources/…, never the temporary copy
            d.rows = [row._replace(reasons=tuple(n.mapped(fix) for n in row.reasons),
                                   notes=tuple(n.mapped(fix) for n in row.notes),
                                   passage=row.passage._replace(file=name(row.passage.file)) if row.passage else None)
                      for row in d.rows]
        return compare(before, after, _Sides(before_plans, after_plans, base, ws, top))


def _namer(base_data: Path, rev: str, rel: str):
    """How REV's files are named in messages and rows: a path in the temporary copy ->
    `REV:data/plans/x.yaml` (`name`), and the same for every such path inside a text (`fix`:
    a reason naming a source line, an error message)."""
    import re

    root = base_data.resolve()
    prefix = "" if rel in ("", ".") else rel

    def name(file: str) -> str:
        try:
            inside = Path(file).resolve().relative_to(root).as_posix()
        except (ValueError, OSError):
            return file
        inside = "" if inside == "." else inside
        return f"{rev}:{prefix}{'/' if prefix and inside else ''}{inside}"

    paths = re.compile(re.escape(str(base_data)) + r"[^\s:：,，)）'\"]*")
    return name, lambda text: paths.sub(lambda m: name(m.group(0)), text)
