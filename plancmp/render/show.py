"""`plancmp show` as tables: a plan's items by domain, or one item field by field."""
from __future__ import annotations

from ..core.commitment import commitment_line
from ..core.i18n import Labels
from ..core.model import Baseline
from .diff_cells import when
from .drafts import mark
from .result import Result
from .tabular import Column, Table
from .verdict_style import STYLES


def overview_result(data: dict) -> Result:
    """`plancmp show PLAN`: the plan's items by domain (views/show.overview)."""
    return Result(data, tables=lambda view: [overview_table(data, view.labels, view.width)])


def detail_result(data: dict) -> Result:
    """`plancmp show PLAN ITEM`: the item field by field, its other statements, its counterparts;
    CSV: field,value lines, then a line per counterpart."""
    return Result(data, tables=lambda view: [*detail_tables(data, view.labels), detail_lines_table(data)])

_EN = Labels("en")   # the item record's kind field is English in both languages, like its other keys


def _where(record: dict) -> str:
    ev = record["evidence"]
    line = f":{ev['line']}" if ev["line"] else " (quote not found)"
    return f"{ev['source']}{line}"


def _line(record: dict) -> str:
    """Section and line in the plan's own source: `专栏1, line 146`."""
    ev = record["evidence"]
    line = f"line {ev['line']}" if ev["line"] else "quote not found"
    return f"{ev['section']}, {line}" if ev["section"] else line


def _commitment(record: dict) -> str:
    """`85.2% (2020) → >90% [%] (2025, 约束性)`: the target, then its year and 属性."""
    base = record.get("baseline")
    text = commitment_line(record["kind"], target=record.get("target"), unit=record.get("unit"),
                           baseline=Baseline(base["value"], base["year"]) if base else None,
                           standard=record.get("standard"), group=record.get("target_group"),
                           commitments=record.get("commitments", ()), form="record")
    said = when(record.get("year"), record.get("binding")) if record["kind"] == "targets" else ""
    return text + (f" ({said})" if said else "")


def _marks(record: dict) -> str:
    marks = []
    if record["kind"] in ("targets", "tasks"):
        marks.append(record["basis"])
    if record["kind"] == "targets":
        marks += [b for b in (record["binding"],) if b] + record["flags"]
    if record["kind"] == "services" and not record["listed"]:
        marks.append("named in text")
    return ", ".join(marks)


def overview_table(data: dict, labels: Labels | None = None, width: int | None = None) -> Table:
    """The plan's counts and source gaps first, then its items by domain. Below 80 columns
    the basis and source position give way, and the id (the handle to `show PLAN ID`, whole
    from 80 columns) may break after a hyphen."""
    labels = labels or Labels("en")
    plan = data["plan"]
    counts = labels.sep.join(labels.count(n, labels.kind(k)) for k, n in data["counts"].items())
    wide = width is None or width >= 80
    columns = [Column("domain", labels("domain")), Column("kind", labels("kind")), Column("id", labels("id"), nowrap=wide),
               Column("name", labels("name")), Column("commitment", labels("commitment"))]
    if wide:
        columns += [Column("marks", labels("marks")), Column("where", labels("where"))]
    kind = labels.kind_one
    draft = f"[{labels('draft_item')}] "
    rows = [{"domain": r["domain"], "kind": kind(r["kind"]), "id": r["id"], "name": draft * bool(r.get("draft")) + r["name"],
             "commitment": _commitment(r), "marks": _marks(r), "where": _line(r)} for r in data["items"]]
    intro = [labels("show_counts", counts=counts, file=plan["file"], source=plan["source"])]
    if plan.get("drafts"):
        intro.append(f"{mark(plan['drafts'], labels)}; " + labels("draft_hint", plan=plan["id"]))
    intro += [f"{draft * bool(g.get('draft'))}{labels('show_gap')} {g['plan']}:{g['id']} {g['section']}: {g['description']}"
              for g in data["source_gaps"]]
    return Table(f"{plan['name']} ({plan['id']}, {plan['region']}, {plan['period']})", columns, rows,
                 group="domain", intro=intro)


def _item_fields(record: dict) -> list[tuple[str, str]]:
    fields = [("ref", record["ref"]), ("kind", _EN.kind_one(record["kind"])), ("domain", record["domain"])]
    if record["kind"] == "targets":
        base = record["baseline"]
        fields += [("indicator", record["indicator"]), ("unit", record["unit"] or "—"),
                   ("baseline", f"{base['value']} ({base['year']})" if base else "—"),
                   ("target", f"{record['target']} ({record['year']})"),
                   ("binding", record["binding"] or "— (not stated)"), ("basis", record["basis"]),
                   ("flags", ", ".join(record["flags"]) or "—")]
        if record.get("restates"):
            fields.append(("restates", record["restates"]))
    elif record["kind"] == "services":
        fields += [("item", record["item"]), ("target group", record["target_group"] or "—"),
                   ("standard", record["standard"] or "—"),
                   ("listed", "yes (on the plan's service list)" if record["listed"] else "no (named in the text)")]
    else:
        fields += [("title", record["title"]), ("basis", record["basis"]),
                   ("commitments", ", ".join(record["commitments"]) or "—")]
    ev = record["evidence"]
    fields += [("quote", ev["quote"]), ("section", ev["section"] or "—"), ("source", _where(record)),
               ("defined", f"{record['defined']['file']}:{record['defined']['line']}")]
    if record["notes"]:
        fields.append(("notes", record["notes"]))
    return fields


def verdict_line(data: dict, labels: Labels) -> str:
    """The answer first: the item's verdict in each other plan (`fujian matches, gansu unknown`)."""
    return labels.sep.join(f"{c['plan']} {labels.status(c['status'])}" for c in data.get("counterparts") or [])


def detail_tables(data: dict, labels: Labels | None = None) -> list[Table]:
    labels = labels or Labels("en")
    record = data["item"]
    said = verdict_line(data, labels)
    intro = [labels("verdict") + labels.colon + said] if said else []
    if record.get("draft"):   # nobody has checked it: its verdicts are no findings
        intro.append(f"[{labels('draft_item')}] " + labels("draft_hint", plan=record["plan"]))
    fields = Table(f"{record['ref']}  {record['name']}", [Column("field", labels("field")), Column("value", labels("value"))],
                   [{"field": k, "value": v} for k, v in _item_fields(record)], intro=intro)
    tables = [fields]
    if data.get("statements"):
        tables.append(statements_table(data, labels))
    if data.get("counterparts"):
        tables.append(counterpart_table(data, labels))
    return tables


def statements_table(data: dict, labels: Labels | None = None) -> Table:
    """Every statement of the indicator in this plan (table row, body text, box, 发展基础),
    each with its value and quote: a reader sees at once whether they agree."""
    columns = [Column("id", "id", nowrap=True), Column("value", "baseline → target (year)"),
               Column("basis", "basis", nowrap=True), Column("quote", "quote"), Column("where", "where in its source")]
    labels = labels or Labels("en")
    rows = [{"id": r["id"] + ("" if r.get("restates") else " (first)"),
             "value": _commitment(r),
             "basis": r["basis"] + (", aspirational" if "aspirational" in r["flags"] else ""),
             "quote": r["evidence"]["quote"], "where": _line(r)} for r in data["statements"]]
    notes = [f"{c['verdict']}: {c['message']}" for c in data.get("consistency", [])]
    return Table(labels("statements_title", indicator=data["statements"][0]["indicator"], plan=data["item"]["plan"]),
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
        rows.append({"plan": c["plan"], "status": labels.status(c["status"]), "id": other.get("id", "—"),
                     "name": other.get("name", ""), "commitment": _commitment(other) if other else "",
                     "score": f"{c['score']:.2f} {labels.confidence(c['confidence'])}" if c["score"] is not None else "",
                     "where": _line(other) if other else "", "notes": labels.notes(c["notes"]),
                     "_style": {"status": STYLES.get(c["status"], "")}})
    return Table(labels("counterparts_title"), columns, rows, notes=[labels("counterparts_note")])


def detail_lines_table(data: dict) -> Table:
    return Table("", [Column("field", "field"), Column("value", "value")], detail_rows(data), role="data", main=True)


def detail_rows(data: dict) -> list[dict]:
    """CSV of one item: field,value lines, then one counterpart line per plan."""
    rows = [{"field": k, "value": v} for k, v in _item_fields(data["item"])]
    for c in data.get("counterparts") or []:
        other = c["counterpart"]
        rows.append({"field": f"counterpart {c['plan']}",
                     "value": f"{c['status_text']}: {other['ref'] if other else '—'}"})
    return rows
