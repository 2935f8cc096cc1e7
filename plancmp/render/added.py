"""`plancmp added`: what the provinces commit to beyond the national plan, lined up across
provinces (views/added.py), as tables: the groups several provinces share, a column per
province with its item and value; with --all also the items one province alone adds (always
counted, and always in JSON, CSV and workbooks). CSV is one line per item of a group, with
its values apart and its quote."""
from __future__ import annotations

from ..core.i18n import Labels
from .result import Result
from .tabular import Column, Table

NAME = 16   # display columns a province's cell keeps before the layout gives way


def result(data: dict, list_all: bool = False) -> Result:
    return Result(data, tables=lambda view: tables(data, view.labels, list_all),
                  title=lambda view: view.labels("added_title", ref=view.labels.plan(data["reference"]),
                                                 plans=view.labels.sep.join(map(view.labels.plan, data["plans"]))))


def summary_lines(data: dict, labels: Labels) -> list[str]:
    """The answer first: per province, how many items it adds and how many of them another province states too."""
    by_plan = data["counts"]["by_plan"]
    lines = [labels("added_summary", groups=data["counts"]["shared_groups"], ref=labels.plan(data["reference"]))]
    lines += [labels("added_plan_line", plan=labels.plan(pid), added=c["added"], shared=c["shared"])
              for pid, c in by_plan.items()]
    return lines


def _cell(item: dict | None) -> str:
    if item is None:
        return "—"
    return f"{item['name']}: {item['value']}" if item["value"] else item["name"]


def groups_table(data: dict, labels: Labels, groups: list[dict], title: str, role: str = "both") -> Table:
    """A row per group, a column per province: its item and value (— where it states none)."""
    rows = []
    for n, g in enumerate(groups, start=1):
        by_plan = {i["plan"]: i for i in g["items"]}
        rows.append({"group": n, "domain": g["domain"], "kind": g["kind"], "plans": ", ".join(g["plans"]),
                     "quantified": ", ".join(g["quantified"]),
                     **{pid: _cell(by_plan.get(pid)) for pid in data["plans"]}})
    columns = [Column("domain", labels("domain")),
               Column("kind", labels("kind"), nowrap=True, show=lambda r: labels.kind(r["kind"], short=True)),
               *(Column(pid, labels.plan(pid) + (f" ({labels('draft_item')})" if pid in (data.get("drafts") or {}) else ""),
                        least=NAME) for pid in data["plans"]),
               Column("quantified", labels("added_quantified"), role="data"),
               Column("group", labels("added_group"), "right", type="number", role="data", internal=True)]
    return Table(title, columns, rows, group="domain", role=role, lead=("domain", "kind"),
                 sheet=title[:31])


def members_table(data: dict, labels: Labels) -> Table:
    """One line per item of every group: the group, its provinces, the item and its values apart, the quote."""
    rows = []
    for n, g in enumerate(data["groups"], start=1):
        for i in g["items"]:
            f = i.get("figures") or {}
            rows.append({"group": n, "shared": len(g["plans"]), "plans": " ".join(g["plans"]), "domain": g["domain"],
                         "kind": g["kind"], "plan": i["plan"], "id": i["id"], "name": i["name"], "value": i["value"],
                         "baseline": f.get("baseline"), "baseline_year": f.get("baseline_year"),
                         "comparator": f.get("comparator") or "", "target": f.get("target"), "unit": f.get("unit") or "",
                         "year": i.get("year"), "binding": i.get("binding") or "", "quote": i["quote"],
                         "section": i["section"] or "", "line": i["line"]})
    columns = [Column("group", labels("added_group"), type="number"),
               Column("shared", labels("added_shared"), type="number"), Column("plans", labels("plans")),
               Column("domain", labels("domain")), Column("kind", labels("kind"), show=lambda r: labels.kind(r["kind"])),
               Column("plan", labels("plan")), Column("id", labels("id"), type="id", internal=True),
               Column("name", labels("name")), Column("value", labels("as_written")),
               Column("baseline", labels("baseline"), type="number"),
               Column("baseline_year", labels("baseline_year"), type="year"),
               Column("comparator", labels("comparator")), Column("target", labels("target"), type="number"),
               Column("unit", labels("unit")), Column("year", labels("year"), type="year"),
               Column("binding", labels("binding")), Column("quote", labels("quote")),
               Column("section", labels("section")), Column("line", labels("line"), type="number")]
    return Table(labels("added_members"), columns, rows, role="data", main=True, lead=("group", "shared", "plans"))


def tables(data: dict, labels: Labels, list_all: bool = False) -> list[Table]:
    shared = [g for g in data["groups"] if len(g["plans"]) > 1]
    alone = [g for g in data["groups"] if len(g["plans"]) == 1]
    first = groups_table(data, labels, shared, labels("added_shared_title"))
    first.intro = summary_lines(data, labels)
    if not list_all and alone:
        first.notes = [labels("added_alone_hidden", n=len(alone))]
    return [first, alone_table(alone, labels, "both" if list_all else "data"), members_table(data, labels)]


def alone_table(groups: list[dict], labels: Labels, role: str) -> Table:
    """The items one province alone adds: a row each, by domain."""
    rows = [{"domain": g["domain"], "kind": g["kind"], "plan": g["plans"][0], "item": _cell(g["items"][0]),
             "quantified": ", ".join(g["quantified"])} for g in groups]
    columns = [Column("domain", labels("domain")),
               Column("kind", labels("kind"), nowrap=True, show=lambda r: labels.kind(r["kind"], short=True)),
               Column("plan", labels("plan"), nowrap=True, show=lambda r: labels.plan(r["plan"])),
               Column("item", labels("added_item"), least=NAME),
               Column("quantified", labels("added_quantified"), role="data")]
    title = labels("added_alone_title")
    return Table(title, columns, rows, group="domain", role=role, lead=("domain", "kind", "plan"), sheet=title[:31])
