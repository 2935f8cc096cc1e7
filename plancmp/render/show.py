"""`plancmp show` as tables: a plan's items by domain, or one item field by field."""
from __future__ import annotations

from ..core.commitment import commitment_line
from ..core.i18n import Labels
from ..core.model import Baseline
from .diff_cells import when
from .drafts import mark
from .gaps import gap_text
from .result import Result
from .tabular import Column, Table
from .verdict_style import STYLES


def overview_result(data: dict) -> Result:
    """`plancmp show PLAN`: the plan's items by domain (views/show.overview)."""
    return Result(data, tables=lambda view: [overview_table(data, view.labels, view.width)])


def detail_result(data: dict) -> Result:
    """`plancmp show PLAN ITEM`: the item field by field, its other statements, its counterparts;
    CSV: field,value lines, then a line per counterpart."""
    return Result(data, tables=lambda view: [*detail_tables(data, view.labels), detail_lines_table(data, view.labels)])


def _where(record: dict, labels: Labels) -> str:
    ev = record["evidence"]
    line = f":{ev['line']}" if ev["line"] else f" ({labels('quote_not_found')})"
    return f"{ev['source']}{line}"


def _line(record: dict, labels: Labels | None = None) -> str:
    """Section and line in the plan's own source: `专栏1, line 146` (`专栏1，第146行`)."""
    labels = labels or Labels("en")
    ev = record["evidence"]
    line = labels("line_n", n=ev["line"]) if ev["line"] else labels("quote_not_found")
    return f"{ev['section']}{labels.sep}{line}" if ev["section"] else line


def _commitment(record: dict) -> str:
    """`85.2% (2020) → >90% [%] (2025, 约束性)`: the target, then its year and 属性."""
    base = record.get("baseline")
    text = commitment_line(record["kind"], target=record.get("target"), unit=record.get("unit"),
                           baseline=Baseline(base["value"], base["year"]) if base else None,
                           standard=record.get("standard"), group=record.get("target_group"),
                           commitments=record.get("commitments", ()), form="record")
    said = when(record.get("year"), record.get("binding")) if record["kind"] == "targets" else ""
    return text + (f" ({said})" if said else "")


def _marks(record: dict, labels: Labels) -> str:
    marks = []
    if record["kind"] in ("targets", "tasks"):
        marks.append(labels.basis(record["basis"]))
    if record["kind"] == "targets":
        marks += [b for b in (record["binding"],) if b] + [labels.flag(f) for f in record["flags"]]
    if record["kind"] == "services" and not record["listed"]:
        marks.append(labels("named_in_text"))
    return labels.sep.join(marks)


NAME = 16        # display columns a name keeps (8 hanzi) before the layout gives way elsewhere
COMMITMENT = 14  # and a commitment


def overview_table(data: dict, labels: Labels | None = None, width: int | None = None) -> Table:
    """The plan's counts and source gaps first, then its items by domain. Narrower, the basis
    and source position give way, then the id (the handle to `show PLAN ID`, never broken)
    moves onto a line of its own under the name: names are the last thing squeezed."""
    labels = labels or Labels("en")
    plan = data["plan"]
    counts = labels.sep.join(labels.count(n, labels.kind(k)) for k, n in data["counts"].items())
    name = Column("name", labels("name"), least=NAME)
    commitment = Column("commitment", labels("commitment"), least=COMMITMENT)
    kind, id_ = Column("kind", labels("kind"), nowrap=True), Column("id", labels("id"), nowrap=True)
    columns = [Column("domain", labels("domain")), kind, id_, name, commitment,
               Column("marks", labels("marks")), Column("where", labels("where"))]
    draft = f"[{labels('draft_item')}] "
    rows = [{"domain": r["domain"], "kind": labels.kind_one(r["kind"]), "_kind": r["kind"], "id": r["id"],
             "name": draft * bool(r.get("draft")) + r["name"],
             "with_id": _with_id(_commitment(r), r["id"]),
             "commitment": _commitment(r), "marks": _marks(r, labels), "where": _line(r, labels)} for r in data["items"]]
    no_marks = Table("", [columns[0], kind, id_, name, commitment], rows, group="domain")
    short = Column("kind", labels("kind"), nowrap=True, show=lambda row: labels.kind(row["_kind"], short=True))
    id_under_value = Table("", [columns[0], short, name, Column("with_id", f"{labels('commitment')} · {labels('id')}",
                                                                least=COMMITMENT)], rows, group="domain")
    intro = [labels("show_counts", counts=counts, file=plan["file"], source=plan["source"])]
    if plan.get("drafts"):
        intro.append(f"{mark(plan['drafts'], labels)}; " + labels("draft_hint", plan=plan["id"]))
    intro += [f"{draft * bool(g.get('draft'))}{labels('show_gap')} {labels.plan(g['plan'])}:{g['id']} {g['section']}"
              f"{labels.colon}{gap_text(g, labels)}"
              for g in data["source_gaps"]]
    return Table(f"{plan['name']} ({plan['id']}, {plan['region']}, {plan['period']})", columns, rows,
                 group="domain", intro=intro, narrower=[no_marks, id_under_value])


def _with_id(commitment: str, item_id: str) -> list:
    """The commitment, then the id (dim) on a line of its own: narrow, the id moves out of the
    name's way, and an item with no commitment spends no line on it."""
    return [(commitment, ""), (f"\n{item_id}", "dim")] if commitment else [(item_id, "dim")]


def _item_fields(record: dict, labels: Labels | None = None) -> list[tuple[str, str]]:
    """(field, value) of one item; the field is a key (`target group`), worded by Labels.field,
    the values in the labels' language (English: as they were)."""
    labels = labels or Labels("en")
    fields = [("ref", record["ref"]), ("kind", labels.kind_one(record["kind"])), ("domain", record["domain"])]
    if record["kind"] == "targets":
        base = record["baseline"]
        fields += [("indicator", record["indicator"]), ("unit", record["unit"] or "—"),
                   ("baseline", f"{base['value']} ({base['year']})" if base else "—"),
                   ("target", f"{record['target']} ({record['year']})"),
                   ("binding", record["binding"] or f"— ({labels('not_stated')})"),
                   ("basis", labels.basis(record["basis"])),
                   ("flags", labels.sep.join(labels.flag(f) for f in record["flags"]) or "—")]
        if record.get("restates"):
            fields.append(("restates", record["restates"]))
    elif record["kind"] == "services":
        fields += [("item", record["item"]), ("target group", record["target_group"] or "—"),
                   ("standard", record["standard"] or "—"),
                   ("listed", labels("listed_yes") if record["listed"] else labels("listed_no"))]
    else:
        fields += [("title", record["title"]), ("basis", labels.basis(record["basis"])),
                   ("commitments", labels.sep.join(record["commitments"]) or "—")]
    ev = record["evidence"]
    fields += [("quote", ev["quote"]), ("section", ev["section"] or "—"), ("source", _where(record, labels)),
               ("defined", f"{record['defined']['file']}:{record['defined']['line']}")]
    if record["notes"]:
        fields.append(("notes", record["notes"]))
    return fields


def verdict_line(data: dict, labels: Labels) -> str:
    """The answer first: the item's verdict in each other plan (`fujian matches, gansu unknown`)."""
    return labels.sep.join(f"{labels.plan(c['plan'])} {labels.status(c['status'])}" for c in data.get("counterparts") or [])


def detail_tables(data: dict, labels: Labels | None = None) -> list[Table]:
    labels = labels or Labels("en")
    record = data["item"]
    said = verdict_line(data, labels)
    intro = [labels("verdict") + labels.colon + said] if said else []
    if record.get("draft"):   # nobody has checked it: its verdicts are no findings
        intro.append(f"[{labels('draft_item')}] " + labels("draft_hint", plan=record["plan"]))
    fields = Table(f"{record['ref']}  {record['name']}", [Column("field", labels("field")), Column("value", labels("value"))],
                   [{"field": labels.field(k), "value": v} for k, v in _item_fields(record, labels)], intro=intro)
    tables = [fields]
    if data.get("statements"):
        tables.append(statements_table(data, labels))
    if data.get("counterparts"):
        tables.append(counterpart_table(data, labels))
    return tables


def statements_table(data: dict, labels: Labels | None = None) -> Table:
    """Every statement of the indicator in this plan (table row, body text, box, 发展基础),
    each with its value and quote: a reader sees at once whether they agree."""
    labels = labels or Labels("en")
    columns = [Column("id", labels("id"), nowrap=True), Column("value", labels("statement_value")),
               Column("basis", labels("basis"), nowrap=True), Column("quote", labels("quote")),
               Column("where", labels("where_in_its_source"))]
    rows = [{"id": r["id"] + ("" if r.get("restates") else f" ({labels('first_statement')})"),
             "value": _commitment(r),
             "basis": labels.basis(r["basis"]) + (labels.sep + labels("aspirational") if "aspirational" in r["flags"] else ""),
             "quote": r["evidence"]["quote"], "where": _line(r, labels)} for r in data["statements"]]
    notes = [f"{c['verdict']}: {c['message']}" for c in data.get("consistency", [])]
    return Table(labels("statements_title", indicator=data["statements"][0]["indicator"], plan=labels.plan(data["item"]["plan"])),
                 columns, rows, notes=notes)


def counterpart_table(data: dict, labels: Labels | None = None) -> Table:
    labels = labels or Labels("en")
    columns = [Column("plan", labels("plan"), nowrap=True), Column("status", labels("verdict"), nowrap=True),
               Column("id", labels("counterpart")), Column("name", labels("name")),
               Column("commitment", labels("commitment")),
               Column("score", labels("score"), "right", nowrap=True), Column("where", labels("where")),
               Column("notes", labels("notes"))]
    rows = []
    for c in data["counterparts"]:
        other = c["counterpart"] or {}
        rows.append({"plan": labels.plan(c["plan"]), "status": labels.status(c["status"]), "id": other.get("id", "—"),
                     "name": other.get("name", ""), "commitment": _commitment(other) if other else "",
                     "score": f"{c['score']:.2f} {labels.confidence(c['confidence'])}" if c["score"] is not None else "",
                     "where": _line(other, labels) if other else "", "notes": labels.notes(c["notes"]),
                     "_style": {"status": STYLES.get(c["status"], "")}})
    return Table(labels("counterparts_title"), columns, rows, notes=[labels("counterparts_note")])


def detail_lines_table(data: dict, labels: Labels | None = None) -> Table:
    return Table("", [Column("field", "field"), Column("value", "value")], detail_rows(data, labels), role="data", main=True)


def detail_rows(data: dict, labels: Labels | None = None) -> list[dict]:
    """CSV of one item: field,value lines (the field a key, the value in the labels' language),
    then one counterpart line per plan."""
    rows = [{"field": k, "value": v} for k, v in _item_fields(data["item"], labels)]
    for c in data.get("counterparts") or []:
        other = c["counterpart"]
        rows.append({"field": f"counterpart {c['plan']}",
                     "value": f"{c['status_text']}: {other['ref'] if other else '—'}"})
    return rows
