"""`plancmp added` (issue 23, item 3): what the provinces commit to beyond the national plan,
lined up across provinces by the diff's engine: high-confidence pairs join a group, a group
is a connected component, each province at most once in it."""
from __future__ import annotations

import csv
import io
import json
from typing import NamedTuple

from plancmp.cli import app
from plancmp.views.added import groups_of


def run(runner, *argv: str):
    result = runner.invoke(app, ["added", *argv])
    assert result.exit_code == 0, result.output
    return result.output


def test_gansu_and_liaoning_add_the_same_home_visit_system_one_group(runner):
    data = json.loads(run(runner, "--format", "json"))
    visits = [g for g in data["groups"] if any(i["name"] == "居家社区探访制度" for i in g["items"])]
    assert len(visits) == 1
    group = visits[0]
    assert group["plans"] == ["gansu", "liaoning"] and group["domain"] == "老有所养"
    assert {i["plan"]: i["id"] for i in group["items"]}.keys() == {"gansu", "liaoning"}
    assert all(i["quote"] and i["line"] for i in group["items"])          # each with its quote and line
    assert group["links"][0]["score"] >= 0.80


def test_every_added_item_is_in_one_group_and_no_province_twice(runner):
    data = json.loads(run(runner, "--format", "json"))
    refs = [f"{i['plan']}:{i['id']}" for g in data["groups"] for i in g["items"]]
    assert len(refs) == len(set(refs))
    for g in data["groups"]:
        assert len(g["plans"]) == len(set(g["plans"]))
    for pid, counts in data["counts"]["by_plan"].items():
        diff = json.loads(runner.invoke(app, ["diff", "national", pid, "--format", "json"]).output)
        assert counts["added"] == diff["summary"]["by_status"]["added"]


def test_the_table_opens_with_the_counts_and_lists_shared_groups(runner):
    text = run(runner)
    counts = json.loads(run(runner, "--format", "json"))["counts"]["by_plan"]
    for pid, c in counts.items():                                        # the answer first: each province's counts
        assert f"{pid}: {c['added']} added, {c['shared']} shared" in text
    assert text.index("liaoning:") < text.index("老有所养")
    assert "居家社区探访制度: 全面建立" in text
    assert "counted, not listed" in text
    assert "特殊困难老人月探访率" not in text            # one province's alone: with --all
    assert "特殊困难老人月探访率" in run(runner, "--all")


def test_csv_has_a_line_per_item_and_zh_words(runner):
    rows = list(csv.DictReader(io.StringIO(run(runner, "--format", "csv"))))
    visits = [r for r in rows if r["name"] == "居家社区探访制度"]
    assert {r["plan"] for r in visits} == {"gansu", "liaoning"} and len({r["group"] for r in visits}) == 1
    assert all(r["shared"] == "2" for r in visits)
    zh = run(runner, "--lang", "zh", "--domain", "老有所养")
    assert "多省共同新增" in zh and "新增" in zh


def test_xlsx(runner, tmp_path):
    import openpyxl

    path = tmp_path / "added.xlsx"
    run(runner, "--format", "xlsx", "--out", str(path))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Added by several provinces", "Added by one province", "Items added beyond the national"]


class Item(NamedTuple):
    plan: str
    id: str

    @property
    def ref(self) -> str:
        return f"{self.plan}:{self.id}"


def test_a_group_never_holds_a_province_twice():
    a1, a2, b, c = Item("a", "1"), Item("a", "2"), Item("b", "x"), Item("c", "y")
    items = {"a": [a1, a2], "b": [b], "c": [c]}
    # b pairs with both of a's items; the stronger pair wins, the weaker stays apart; c joins via b
    pairs = [(0.95, a1, b, ()), (0.90, a2, b, ()), (0.85, b, c, ())]
    groups = groups_of(items, pairs)
    assert [[i.ref for i in g] for g in groups] == [["a:1", "b:x", "c:y"], ["a:2"]]
