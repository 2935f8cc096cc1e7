"""`plancmp show` as tables: a plan's items by domain, or one item field by field."""
from __future__ import annotations

from .diff_table import STYLES
from .tabular import Column, Table

_KIND = {"targets": "target", "services": "service", "tasks": "task"}


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
    if record["kind"] == "targets":
        base = record["baseline"]
        text = f"{base['value']} ({base['year']}) → {record['target']}" if base else f"— → {record['target']}"
        return text + (f" [{record['unit']}]" if record["unit"] else "")
    if record["kind"] == "services":
        return record["standard"] or record["target_group"] or ""
    return ", ".join(record["commitments"])


def _marks(record: dict) -> str:
    marks = []
    if record["kind"] in ("targets", "tasks"):
        marks.append(record["basis"])
    if record["kind"] == "targets":
        marks += [b for b in (record["binding"],) if b] + record["flags"]
    if record["kind"] == "services" and not record["listed"]:
        marks.append("named in text")
    return ", ".join(marks)


def overview_table(data: dict) -> Table:
    plan = data["plan"]
    counts = ", ".join(f"{n} {k}" for k, n in data["counts"].items())
    columns = [Column("domain", "domain"), Column("kind", "kind"), Column("id", "id", nowrap=True),
               Column("name", "name"), Column("commitment", "baseline → target / standard / commitments"),
               Column("marks", "basis, flags"), Column("where", "where in the source")]
    rows = [{"domain": r["domain"], "kind": _KIND[r["kind"]], "id": r["id"], "name": r["name"],
             "commitment": _commitment(r), "marks": _marks(r), "where": _line(r)} for r in data["items"]]
    notes = [f"{counts}; data {plan['file']}, source {plan['source']}"]
    notes += [f"source gap {g['plan']}:{g['id']} {g['section']}: {g['description']}" for g in data["source_gaps"]]
    return Table(f"{plan['name']} ({plan['id']}, {plan['region']}, {plan['period']})", columns, rows,
                 group="domain", notes=notes)


def _item_fields(record: dict) -> list[tuple[str, str]]:
    fields = [("ref", record["ref"]), ("kind", _KIND[record["kind"]]), ("domain", record["domain"])]
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


def detail_tables(data: dict) -> list[Table]:
    record = data["item"]
    fields = Table(f"{record['ref']}  {record['name']}", [Column("field", "field"), Column("value", "value")],
                   [{"field": k, "value": v} for k, v in _item_fields(record)])
    tables = [fields]
    if data.get("statements"):
        tables.append(statements_table(data))
    if data.get("counterparts"):
        tables.append(counterpart_table(data))
    return tables


def statements_table(data: dict) -> Table:
    """Every statement of the indicator in this plan (table row, body text, box, 发展基础),
    each with its value and quote: a reader sees at once whether they agree."""
    columns = [Column("id", "id", nowrap=True), Column("value", "baseline → target (year)"),
               Column("basis", "basis", nowrap=True), Column("quote", "quote"), Column("where", "where in its source")]
    rows = [{"id": r["id"] + ("" if r.get("restates") else " (first)"), "value": f"{_commitment(r)} ({r['year']})",
             "basis": r["basis"] + (", aspirational" if "aspirational" in r["flags"] else ""),
             "quote": r["evidence"]["quote"], "where": _line(r)} for r in data["statements"]]
    notes = [f"{c['verdict']}: {c['message']}" for c in data.get("consistency", [])]
    return Table(f"Every statement of {data['statements'][0]['indicator']} in {data['item']['plan']}", columns, rows,
                 notes=notes)


def counterpart_table(data: dict) -> Table:
    columns = [Column("plan", "plan", nowrap=True), Column("status", "verdict", nowrap=True),
               Column("id", "counterpart", nowrap=True), Column("name", "name"),
               Column("commitment", "baseline → target / standard / commitments"),
               Column("score", "score", "right", nowrap=True), Column("where", "where in its source"),
               Column("notes", "notes")]
    rows = []
    for c in data["counterparts"]:
        other = c["counterpart"] or {}
        rows.append({"plan": c["plan"], "status": c["status_text"], "id": other.get("id", "—"),
                     "name": other.get("name", ""), "commitment": _commitment(other) if other else "",
                     "score": f"{c['score']:.2f} {c['confidence']}" if c["score"] is not None else "",
                     "where": _line(other) if other else "", "notes": "; ".join(c["notes"]),
                     "_style": {"status": STYLES.get(c["status"], "")}})
    return Table("Counterparts in the other plans", columns, rows,
                 notes=["verdict: a province's commitment judged against the national one; "
                        "between two provinces, the other plan's against this one"])


def detail_rows(data: dict) -> list[dict]:
    """CSV of one item: field,value lines, then one counterpart line per plan."""
    rows = [{"field": k, "value": v} for k, v in _item_fields(data["item"])]
    for c in data.get("counterparts") or []:
        other = c["counterpart"]
        rows.append({"field": f"counterpart {c['plan']}",
                     "value": f"{c['status_text']}: {other['ref'] if other else '—'}"})
    return rows
