"""`plancmp changes`: the rows an edit moves, as a text table, JSON, a Markdown comment for
a pull request, or GitHub Actions annotations on the edited lines."""
from collections.abc import Set as AbstractSet

from ..core.i18n import Labels
from ..core.verdicts import Row, label
from ..views.changes import Change
from .result import Annotation, Result
from .tabular import Column, Para, Table

WARN_STATUSES = ("below", "omitted")   # a move to one of these is a ::warning, not a ::notice
MARKDOWN_TITLE = "plancmp: verdicts this change moves"   # a pull-request comment's heading
_EN = Labels("en")   # GitHub annotations are English, as the workflow's log


def result(rev: str, changes: list[Change], fail_on: AbstractSet[str] = frozenset()) -> Result:
    """`plancmp changes`: the rows an edit moves; exit 1 when one moves to a status of `fail_on`."""
    status = 1 if any(c.status_to in fail_on for c in changes) else 0
    return Result(as_dict(rev, changes), tables=lambda view: [comment_table(rev, changes, view.labels)],
                  annotations=lambda view: annotations(rev, changes),
                  text=lambda view: as_table(rev, changes, view.labels),
                  status=status)


def as_dict(rev: str, changes: list[Change]) -> dict:
    from .diff import row_dict

    return {"base": rev, "changes": [{"plan": c.plan, "kind": c.kind, "left": c.left, "right": c.right,
                                      "before": None if c.before is None else row_dict(c.before),
                                      "after": None if c.after is None else row_dict(c.after)} for c in changes]}


def _side(row: Row | None, labels: Labels | None = None) -> str:
    if row is None:
        return "（无此行）" if labels is not None and labels.zh else "(no row)"
    status = labels.status(row.status) if labels is not None and labels.zh else label(row.status)
    return f"{status}: {row.right.id if row.right is not None else '—'}"


def _item(c: Change) -> str:
    row = c.after or c.before
    item = None if row is None else row.left if row.left is not None else row.right
    return f"{item.name} ({item.id})" if item is not None else (c.left or c.right or "")


def _where(c: Change) -> str:
    return f"{c.file}:{c.line}" if c.line else c.file


def table(rev: str, changes: list[Change], labels: Labels | None = None) -> Table:
    labels = labels or Labels("en")
    zh = labels.zh
    said = (lambda en, cn: cn) if zh else (lambda en, cn: en)   # noqa: E731
    return Table(said(f"verdicts the edit moves: the working tree against {rev}", f"本次修改改变的判断：工作区对比 {rev}"),
                 [Column("plan", said("plan", "规划"), nowrap=True), Column("kind", said("kind", "类别"), nowrap=True),
                  Column("item", said("item", "条目")), Column("before", said(f"at {rev}", f"{rev} 时")),
                  Column("after", said("now", "现在")), Column("what", said("what moved", "变化")),
                  Column("where", said("edit at", "修改位置"), nowrap=True)],
                 [{"plan": labels.plan(c.plan), "kind": labels.kind(c.kind), "item": _item(c),
                   "before": _side(c.before, labels), "after": _side(c.after, labels),
                   "what": labels.notes(c.what), "where": _where(c)} for c in changes])


def count_line(rev: str, changes: list[Change], labels: Labels | None = None) -> str:
    if labels is not None and labels.zh:
        return f"与 {rev} 相比，没有判断变化。" if not changes else f"与 {rev} 相比，{len(changes)} 行有变化。"
    if not changes:
        return f"No verdict changes against {rev}."
    moved: dict[str, int] = {}
    for c in changes:
        word = "gone" if c.after is None else (f"now {label(c.status_to)}" if c.status_to else "changed in place")
        moved[word] = moved.get(word, 0) + 1
    parts = ", ".join(f"{n} {w}" for w, n in sorted(moved.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{len(changes)} row{'s' * (len(changes) != 1)} change against {rev} ({parts})."


def as_table(rev: str, changes: list[Change], labels: Labels | None = None) -> str:
    """Text: the table, the count under it; only the count when nothing moves."""
    from .formats.text import as_text

    if not changes:
        return count_line(rev, changes, labels) + "\n"
    t = table(rev, changes, labels)
    t.notes.append(count_line(rev, changes, labels))
    return as_text([t])


def comment_table(rev: str, changes: list[Change], labels: Labels | None = None) -> Table:
    """A pull-request comment (Markdown, or $GITHUB_STEP_SUMMARY): a heading, the count, the table."""
    t = table(rev, changes, labels) if changes else Table("", [])
    t.title, t.intro = MARKDOWN_TITLE, [Para(count_line(rev, changes, labels))]
    return t


def annotations(rev: str, changes: list[Change]) -> list[Annotation]:
    """One annotation per change, on the edited item's line in the working tree: a warning
    when a row moves to below or omitted, else a notice."""
    return [Annotation("warning" if c.status_to in WARN_STATUSES else "notice", c.file, c.line or None, None,
                       f"plancmp changes: {c.plan} {c.kind}",
                       f"{c.plan} {c.kind} {_item(c)}: {_EN.notes(c.what)} (at {rev}: {_side(c.before)}; now: {_side(c.after)})")
            for c in changes]
