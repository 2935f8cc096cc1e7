"""The indicator table's units, however the table is laid out: in a parenthetical after the
name, in a 单位 column of their own, in the header's （%）, or glued to the end of a name;
a unit the drafter is unsure of is printed as `could not read`, never glued to the name."""
from __future__ import annotations

from pathlib import Path

from plancmp.draft import draft_text
from plancmp.ingest.checks import in_quote
from plancmp.ingest.evidence import squeeze

from conftest import DATA, plan_yaml, read_yaml

FIXTURES = Path(__file__).parent / "fixtures"
ROW = ("indicator", "unit", "baseline", "target", "year", "binding", "flags", "domain")


def rows(draft) -> list[tuple]:
    return [tuple(str(t.get(f)) for f in ROW) for t in draft.targets if t["basis"] == "table"]


def test_a_relaid_table_with_a_unit_column_drafts_the_same_targets_and_units():
    """Fujian's 专栏1 re-laid as one row a line, tab-separated, with a 单位 column and no unit
    parentheticals, under another province's name: the same rows as the original layout."""
    original = draft_text((DATA / "sources" / "fujian.txt").read_text(encoding="utf-8"))
    text = (FIXTURES / "zhejiang-relaid-table.txt").read_text(encoding="utf-8")
    relaid = draft_text(text)
    assert len(rows(relaid)) == 22
    assert rows(relaid) == rows(original)
    # and the units are those a curator read from the text (data/plans/fujian.yaml), none glued
    curated = [t["unit"] for t in plan_yaml("fujian")["targets"] if t["basis"] == "table"]
    assert [t["unit"] for t in relaid.targets if t["basis"] == "table"] == curated
    for target in relaid.targets:
        assert not target["indicator"].endswith(("%", "岁", "个", "人", "年", "万张", "平方米", "万次", "万人次"))
        assert squeeze(target["evidence"]["quote"]) in squeeze(text) and in_quote(target["target"], target["evidence"]["quote"])
    assert not [p for p in relaid.problems if "unit" in p.message]


def test_plancmp_new_drafts_the_relaid_table_as_the_original_beside_the_reference_plan(runner, tmp_path):
    """The same claim through the command a contributor runs: `plancmp new` with the national
    plan in the data folder (its words help read the text) writes the same table rows for the
    re-laid table under 浙江省 as for Fujian's own text, with the curated units."""
    from plancmp.cli import app

    data = tmp_path / "data"
    (data / "plans").mkdir(parents=True)
    (data / "plans" / "national.yaml").write_bytes((DATA / "plans" / "national.yaml").read_bytes())
    for plan, source, region in (("zhejiang", FIXTURES / "zhejiang-relaid-table.txt", "浙江省"),
                                 ("fujian", DATA / "sources" / "fujian.txt", "福建省")):
        result = runner.invoke(app, ["new", plan, "--source", str(source), "--name", f"{region}“十四五”公共服务规划",
                                     "--region", region], env={"PLANCMP_DATA": str(data)})
        assert result.exit_code == 0, result.output
    table = {plan: [tuple(str(t.get(f)) for f in ROW) for t in read_yaml(data / "plans" / f"{plan}.yaml")["targets"]
                    if t["basis"] == "table"] for plan in ("zhejiang", "fujian")}
    assert len(table["zhejiang"]) == 22 and table["zhejiang"] == table["fujian"]
    curated = [str(t["unit"]) for t in plan_yaml("fujian")["targets"] if t["basis"] == "table"]
    assert [row[1] for row in table["zhejiang"]] == curated


TABLE = """专栏1 某省“十四五”主要指标
类别\t指标\t单位\t2020年\t2025年\t属性
劳有所得\t城镇新增就业人数\t万人\t60\t300\t预期性
\t农村公路总里程\t公里\t—\t120\t约束性
\t人均预期寿命岁\t\t78\t79\t预期性
\t养老机构护理型床位占比\t—\t30\t55\t约束性
"""


def test_unit_cells_the_vocabulary_lacks_and_units_glued_to_a_name_are_reported():
    draft = draft_text(TABLE)
    jobs, roads, life, beds = draft.targets
    assert (jobs["indicator"], jobs["unit"]) == ("城镇新增就业人数", "万人")
    assert (roads["indicator"], roads["unit"]) == ("农村公路总里程", None)   # 公里 is not in units.yaml
    assert any(p.line == 4 and "公里" in p.message for p in draft.problems)
    # a unit cell left empty and the unit written at the end of the name: split, and said
    assert (life["indicator"], life["unit"]) == ("人均预期寿命", "岁")
    assert any(p.line == 5 and "人均预期寿命岁" in p.message for p in draft.problems)
    # a unit cell that says nothing (—): the unit the name implies (…占比: %), nothing glued
    assert (beds["indicator"], beds["unit"]) == ("养老机构护理型床位占比", "%")


def test_the_headers_unit_applies_to_every_row_without_its_own():
    text = """专栏1 某省“十四五”主要指标（单位：万人）
指标\t2020年\t2025年\t属性
城镇新增就业人数\t60\t300\t预期性
农民工职业技能培训人数\t—\t≥50\t约束性
劳动年龄人口平均受教育年限（年）\t11\t11.3\t约束性
"""
    draft = draft_text(text)
    assert [(t["indicator"], t["unit"]) for t in draft.targets] == [
        ("城镇新增就业人数", "万人"), ("农民工职业技能培训人数", "万人"), ("劳动年龄人口平均受教育年限", "年")]
    assert [t["target"] for t in draft.targets] == ["300", "≥50", "11.3"]
    # a column header's parenthetical says it too: 2025年（%）
    text = "专栏1 主要指标\n指标\t2020年（%）\t2025年（%）\t属性\n普惠性幼儿园覆盖面\t80\t85\t预期性\n"
    assert [(t["indicator"], t["unit"]) for t in draft_text(text).targets] == [("普惠性幼儿园覆盖面", "%")]
