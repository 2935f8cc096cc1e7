"""`plancmp changes`: the rows an edit moves, as a text table, JSON, a Markdown comment for
a pull request, or GitHub Actions annotations on the edited lines."""
from __future__ import annotations


from ..views.changes import Change
from ..core.verdicts import Row, label
from .findings import github_escape
from .tabular import Column, Table, as_text, md_rows, md_text

WARN_STATUSES = ("below", "omitted")   # a move to one of these is a ::warning, not a ::notice


def as_dict(rev: str, changes: list[Change]) -> dict:
    from .diff_json import row_dict

    return {"base": rev, "changes": [{"plan": c.plan, "kind": c.kind, "left": c.left, "right": c.right,
                                      "before": None if c.before is None else row_dict(c.before),
                                      "after": None if c.after is None else row_dict(c.after)} for c in changes]}


def as_json(rev: str, changes: list[Change]) -> str:
    from ..core.i18n import Labels
    from .jsontext import dumps

    return dumps(as_dict(rev, changes), Labels("en"))


def _side(row: Row | None) -> str:
    if row is None:
        return "(no row)"
    return f"{label(row.status)}: {row.right.id if row.right is not None else '—'}"


def _item(c: Change) -> str:
    row = c.after or c.before
    item = row.left if row.left is not None else row.right
    return f"{item.name} ({item.id})" if item is not None else (c.left or c.right or "")


def _where(c: Change) -> str:
    return f"{c.file}:{c.line}" if c.line else c.file


def table(rev: str, changes: list[Change]) -> Table:
    return Table(f"verdicts the edit moves: the working tree against {rev}",
                 [Column("plan", "plan", nowrap=True), Column("kind", "kind", nowrap=True), Column("item", "item"),
                  Column("before", f"at {rev}"), Column("after", "now"), Column("what", "what moved"),
                  Column("where", "edit at", nowrap=True)],
                 [{"plan": c.plan, "kind": c.kind, "item": _item(c), "before": _side(c.before), "after": _side(c.after),
                   "what": "; ".join(c.what), "where": _where(c)} for c in changes])


def count_line(rev: str, changes: list[Change]) -> str:
    if not changes:
        return f"No verdict changes against {rev}."
    moved: dict[str, int] = {}
    for c in changes:
        word = "gone" if c.after is None else (f"now {label(c.status_to)}" if c.status_to else "changed in place")
        moved[word] = moved.get(word, 0) + 1
    parts = ", ".join(f"{n} {w}" for w, n in sorted(moved.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{len(changes)} row{'s' * (len(changes) != 1)} change against {rev} ({parts})."


def as_table(rev: str, changes: list[Change]) -> str:
    if not changes:
        return count_line(rev, changes) + "\n"
    t = table(rev, changes)
    t.notes.append(count_line(rev, changes))
    return as_text([t])


def as_markdown(rev: str, changes: list[Change]) -> str:
    """A pull-request comment (or $GITHUB_STEP_SUMMARY): a heading, a count line, one table."""
    lines = ["## plancmp: verdicts this change moves", "", md_text(count_line(rev, changes)), ""]
    if changes:
        t = table(rev, changes)
        lines += [*md_rows(t.columns, t.rows), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def as_github(rev: str, changes: list[Change]) -> str:
    """One annotation per change, on the edited item's line in the working tree: ::warning
    when a row moves to below or omitted, else ::notice."""
    lines = []
    for c in changes:
        level = "warning" if c.status_to in WARN_STATUSES else "notice"
        props = f"file={github_escape(c.file, True)}" + (f",line={c.line}" if c.line else "")
        props += f",title={github_escape(f'plancmp changes: {c.plan} {c.kind}', True)}"
        message = f"{c.plan} {c.kind} {_item(c)}: {'; '.join(c.what)} (at {rev}: {_side(c.before)}; now: {_side(c.after)})"
        lines.append(f"::{level} {props}::{github_escape(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


FORMATS = {"table": as_table, "json": as_json, "markdown": as_markdown, "github": as_github}
