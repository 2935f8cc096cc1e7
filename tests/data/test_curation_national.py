"""Check data/plans/national.yaml against the national source text, independently of plancmp.

The indicator table (专栏1), the run-in headings of chapters 三–六 and the sections of chapter 七 are parsed straight
from data/sources/national.txt; the curated YAML must hold every one of them exactly.
"""
import re
from pathlib import Path

import pytest

from conftest import read_yaml
from helpers_plans import longest_common

ROOT = Path(__file__).resolve().parents[2]
PLAN_PATH = ROOT / "data" / "plans" / "national.yaml"
PLAN = read_yaml(PLAN_PATH)
SOURCE = (PLAN_PATH.parent / PLAN["source"]).read_text(encoding="utf-8")
LINES = SOURCE.split("\n")

DOMAINS = ["幼有所育", "学有所教", "劳有所得", "病有所医", "老有所养", "住有所居",
           "弱有所扶", "优军服务保障", "文体服务保障", "其他"]


def norm(s):
    return re.sub(r"\s+", "", str(s))


NSOURCE = norm(SOURCE)


def parse_table():
    """Rows of 专栏1: category, indicator, unit, baseline, target, binding, star count."""
    start = next(i for i, l in enumerate(LINES) if norm(l).startswith("专栏1"))
    header = norm(LINES[start + 1])
    assert header == "类别指标2020年2025年属性", header
    rows, buf, category = [], [], None
    for line in LINES[start + 2:]:
        s = line.strip()
        if re.match(r"^\d+\s*\.", s):          # footnotes begin: the table is over
            break
        if not s:
            continue
        buf.append(s)
        if not re.search(r"(预期性|约束性)$", s):
            continue
        text = " ".join(buf)
        buf = []
        m = re.match(r"^(?P<name>.+?)\s+(?P<base>\S+)\s+(?P<target>\S+)\s+(?P<binding>预期性|约束性)$", text)
        assert m, text
        name = m["name"]
        # a category word may stand on its own line before the row or in front of it
        for dom in DOMAINS:
            pat = r"\s*".join(dom)
            mm = re.match(rf"^(?:{pat})\s*(.*)$", name)
            if mm:
                category, name = dom, mm.group(1)
                break
        base = m["base"]
        stars = len(re.search(r"\**$", norm(name)).group(0)) or len(re.search(r"\**$", base).group(0))
        name = re.sub(r"\s*\*+\s*$", "", name)
        base = base.rstrip("*")
        unit = None
        um = re.search(r"[(（]\s*([^()（）]+?)\s*[)）]$", name)
        if um:
            unit = norm(um.group(1))
            name = name[: um.start()]
        rows.append(dict(category=category, indicator=norm(name), unit=unit,
                         baseline=None if set(base) <= set("—-/") else base,
                         target=m["target"], binding=m["binding"], stars=stars))
    assert not buf, buf
    return rows


TABLE = parse_table()
TABLE_TARGETS = [t for t in PLAN["targets"] if t["basis"] == "table"]
STAR_FLAGS = {0: set(), 1: {"annual_average"}, 2: {"base_year_differs"}, 3: {"cumulative"}}


def test_table_parsed_has_22_rows_7_binding():
    # the plan's own press material speaks of 22 indicators, 7 约束性; the copy must agree
    assert len(TABLE) == 22
    assert sum(r["binding"] == "约束性" for r in TABLE) == 7
    assert {r["category"] for r in TABLE} == set(DOMAINS) - {"优军服务保障", "其他"}


def test_footnotes_mean_what_the_flags_say():
    assert "带*指标数据分别为“十三五”和“十四五”时期的年度平均值" in NSOURCE
    assert "带**的为2019年数据" in NSOURCE
    assert "带***指标数据分别为“十三五”和“十四五”期间累计数" in NSOURCE


def test_every_table_row_is_curated_once():
    assert len(TABLE_TARGETS) == len(TABLE)
    names = [norm(t["indicator"]) for t in TABLE_TARGETS]
    assert names == [r["indicator"] for r in TABLE], "table rows missing, extra or out of order"


@pytest.mark.parametrize("row", TABLE, ids=[r["indicator"] for r in TABLE])
def test_table_row_values(row):
    t = next(t for t in TABLE_TARGETS if norm(t["indicator"]) == row["indicator"])
    assert t["domain"] == row["category"]
    assert norm(t["target"]) == row["target"]
    assert t["binding"] == row["binding"]
    assert t["year"] == 2025
    if row["unit"]:
        assert t["unit"] == row["unit"]
    if row["baseline"] is None:
        assert t["baseline"] is None
    else:
        assert norm(t["baseline"]["value"]) == row["baseline"]
        assert t["baseline"]["year"] == (2019 if row["stars"] == 2 else 2020)
    assert set(t.get("flags") or []) == STAR_FLAGS[row["stars"]]
    assert row["indicator"] in norm(t["evidence"]["quote"])
    assert t["evidence"]["section"] == "专栏1"


def body_headings():
    """Run-in headings of chapters 三 to 六: a short first sentence with no comma."""
    starts = [i for i, l in enumerate(LINES) if l.strip().startswith("第三章")]
    ends = [i for i, l in enumerate(LINES) if l.strip().startswith("第七章")]
    heads = []
    for line in LINES[starts[1]:ends[1]]:      # [0] is the table of contents
        s = line.strip()
        if not s or s.startswith("第"):
            continue
        h = norm(s.split("。")[0])
        if len(h) <= 20 and not re.search(r"[,，;；]", h):
            heads.append(h)
        # the copy runs this heading into the end of the previous paragraph
        if "。积极发展普惠型养老服务。" in norm(s):
            heads.append("积极发展普惠型养老服务")
    return heads


def test_every_body_heading_is_a_task():
    heads = body_headings()
    assert len(heads) == 46
    titles = [norm(t["title"]) for t in PLAN["tasks"]]
    missing = [h for h in heads if h not in titles]
    assert not missing
    assert len(titles) == len(set(titles))


def chapter_seven_sections():
    """The sections of 第七章 加强规划实施保障 (the last chapter), which has no run-in
    headings: {"第七章第一节": "加强党的领导", …}."""
    start = [i for i, l in enumerate(LINES) if l.strip().startswith("第七章")][1]   # [0]: contents
    out = {}
    for line in LINES[start + 1:]:
        m = re.match(r"^(第.节)(.+)$", norm(line))
        if m:
            out["第七章" + m.group(1)] = m.group(2)
    return out


def test_every_chapter_seven_section_is_one_task():
    sections = chapter_seven_sections()
    assert sections == {"第七章第一节": "加强党的领导", "第七章第二节": "凝聚实施合力", "第七章第三节": "动态监测评估"}
    for section, title in sections.items():
        held = [t for t in PLAN["tasks"] if t["evidence"]["section"] == section]
        assert [norm(t["title"]) for t in held] == [title], section
        assert held[0]["domain"] == "其他"


def test_task_quotes_start_with_their_heading_and_hold_commitments():
    sections = chapter_seven_sections()
    for t in PLAN["tasks"]:
        q = norm(t["evidence"]["quote"])
        section = t["evidence"]["section"]
        if section in sections:
            # a section title as the task: the quote starts at the section heading (第一节加强党的领导…)
            assert q.startswith(section[3:] + norm(t["title"])), t["id"]
        else:
            assert q.startswith(norm(t["title"]) + "。"), t["id"]
        for c in t.get("commitments") or []:
            assert norm(c) in q, (t["id"], c)


def test_all_quotes_and_values_are_in_the_source():
    ids = set()
    for kind in ("targets", "services", "tasks"):
        for it in PLAN[kind]:
            assert it["id"] not in ids, it["id"]
            ids.add(it["id"])
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", it["id"]), it["id"]
            assert it["domain"] in DOMAINS, it["id"]
            q = norm(it["evidence"]["quote"])
            assert q in NSOURCE, it["id"]
            if kind == "targets":
                assert norm(it["target"]) in q, it["id"]
                if it["baseline"]:
                    assert norm(it["baseline"]["value"]) in q, it["id"]


def test_no_enumerated_service_list_so_services_are_unlisted():
    # the copy names no basic-service list box; every service is a concrete one named in the text
    assert not re.search(r"专栏\s*[2-9]", SOURCE)
    assert PLAN["services"], "concrete basic services named in the text are expected"
    assert all(s.get("listed") is False for s in PLAN["services"])
    assert "no basic-public-service list" in PLAN["notes"].lower()


def test_body_text_thresholds_are_recorded():
    # numbers the body commits to (not restated from the table) must be curated as text targets
    text_targets = {norm(t["target"]) for t in PLAN["targets"] if t["basis"] == "text"}
    for phrase in ("不少于0.1平方米", "不超过70平方米", "15分钟"):
        assert phrase in NSOURCE
        assert phrase in text_targets, phrase


# ---------------------------------------------------------------- sections, restatements, text targets

def line_sections():
    """For each line of the body, the section it stands in: `第三章第二节`, or `专栏1` for the
    indicator table (its heading to its last footnote). Lines before the body (page head,
    table of contents, 序言) map to None."""
    body = [i for i, l in enumerate(LINES) if l.strip().startswith("第一章")][1]   # [0]: contents
    out, chapter, section, in_box = [None] * len(LINES), None, None, False
    for i in range(body, len(LINES)):
        s = norm(LINES[i])
        m = re.match(r"^(第.章)", s)
        if m:
            chapter, section, in_box = m.group(1), None, False
        m = re.match(r"^(第.节)", s)
        if m:
            section = m.group(1)
        if s.startswith("专栏1"):
            in_box = True
        out[i] = "专栏1" if in_box else (chapter + section if chapter and section else None)
    return out


SECTION_OF_LINE = line_sections()


def section_text(name):
    return "".join(norm(l) for l, sec in zip(LINES, SECTION_OF_LINE) if sec == name)


def items():
    for kind in ("targets", "services", "tasks"):
        for it in PLAN[kind]:
            yield kind, it


def test_sections_are_found_in_the_source():
    assert section_text("第一章第一节").startswith("第一节发展基础城乡区域基本公共服务均等化水平不断提高")
    assert section_text("专栏1").startswith("专栏1")
    assert "第三章" not in section_text("专栏1")
    assert section_text("第三章第二节").startswith("第二节补齐基本公共服务短板对标对表国家基本公共服务标准")
    assert section_text("第四章第一节").startswith("第一节推动重点领域非基本公共服务扩容发展普惠托育服务")


@pytest.mark.parametrize("kind,it", list(items()), ids=[f"{k}:{i['id']}" for k, i in items()])
def test_every_quote_stands_in_its_section(kind, it):
    section = it["evidence"].get("section")
    assert section, it["id"]
    assert norm(it["evidence"]["quote"]) in section_text(section), (it["id"], section)


def longest_common_run(a, b):
    return longest_common(norm(a), norm(b))


TARGETS = {t["id"]: t for t in PLAN["targets"]}
RESTATEMENTS = [t for t in PLAN["targets"] if t.get("restates")]


def table_row(target):
    return next(r for r in TABLE if r["indicator"] == norm(target["indicator"]))


@pytest.mark.parametrize("t", RESTATEMENTS, ids=[t["id"] for t in RESTATEMENTS])
def test_restatements_point_to_a_table_row_of_the_same_indicator(t):
    first = TARGETS[t["restates"]]
    assert first["basis"] == "table" and not first.get("restates"), t["id"]
    assert t["basis"] == "text" and t["binding"] is None
    assert (t["domain"], t["unit"], norm(t["indicator"])) == (first["domain"], first["unit"], norm(first["indicator"]))
    # the text's own wording of the indicator shares a long run with the table row's name
    assert longest_common_run(table_row(first)["indicator"], t["evidence"]["quote"]) >= 6, t["id"]


def number(value):
    m = re.search(r"\d+(?:\.\d+)?", norm(value))
    return float(m.group(0)) if m else None


BACKGROUND = section_text("第一章第一节")


def background_figures():
    """Table rows whose 2020 (or **2019) column stands as a figure in 发展基础."""
    found = {}
    for r in TABLE:
        if r["baseline"] is None:
            continue
        base = r["baseline"].rstrip("%")
        pat = rf"(?<![\d.]){re.escape(base)}(?![\d]|\.\d)" + ("%" if r["baseline"].endswith("%") else "")
        if re.search(pat, BACKGROUND):
            found[r["indicator"]] = r
    return found


def test_every_background_figure_of_a_table_row_is_recorded_as_a_restatement():
    rows = background_figures()
    # the figures the text gives: 95.2%, 91.2%, 2.9, 2.2, 823.8, 1.8, 10.8 and 77.3 (2019)
    assert len(rows) == 8, sorted(rows)
    past = {norm(TARGETS[t["restates"]]["indicator"]): t for t in RESTATEMENTS if t["year"] < 2025}
    numeric = {k: t for k, t in past.items() if number(t["target"]) is not None}
    assert set(numeric) == set(rows)
    for name, t in numeric.items():
        r = rows[name]
        q = norm(t["evidence"]["quote"])
        assert q in BACKGROUND, t["id"]
        assert number(t["target"]) == number(r["baseline"]), t["id"]
        assert t["year"] == (2019 if r["stars"] == 2 else 2020), t["id"]
        said = re.search(r"(20\d\d)年", q)
        if said:
            assert int(said.group(1)) == t["year"], t["id"]
        if r["unit"]:
            assert norm(t["target"]).endswith(r["unit"]), t["id"]


def test_public_rental_housing_2020_result_restates_the_row_without_a_2020_value():
    t = TARGETS["public-rental-housing-low-income-coverage-2020"]
    assert table_row(TARGETS[t["restates"]])["baseline"] is None
    assert t["year"] == 2020 and norm(t["target"]) == "基本实现应保尽保"
    assert norm(t["evidence"]["quote"]) in BACKGROUND


def test_body_restatements_of_table_rows():
    body = {t["restates"]: t for t in RESTATEMENTS if t["year"] == 2025}
    assert set(body) == {"public-rental-housing-low-income-coverage", "rural-low-income-housing-safety",
                         "nursing-care-beds-share"}
    for first, t in body.items():
        row = table_row(TARGETS[first])
        assert t["evidence"]["section"] == "第三章第二节"
        if row["target"] == "应保尽保":
            assert norm(t["target"]) == "应保尽保" and "应保尽保" in norm(t["evidence"]["quote"])
    assert norm(body["nursing-care-beds-share"]["target"]) == "稳步提高"


# end states the body text commits to (not restating the table): phrase of the source, the
# value recorded, the section it stands in
TEXT_END_STATES = {
    "basic-services-standards-compliance": ("服务全达标", "全达标", "第二章第三节"),
    "local-standards-not-below-national": ("应按照不低于国家标准执行", "不低于国家标准", "第三章第一节"),
    # the other requirements of the local implementing standards (确保内容无缺项、目标人群全覆盖、
    # 标准不高攀、投入有保障、服务可持续); 投入有保障 as 主要目标 states it, beside 服务全达标
    "local-standards-content-complete": ("确保内容无缺项", "无缺项", "第三章第一节"),
    "local-standards-not-overreaching": ("标准不高攀", "不高攀", "第三章第一节"),
    "basic-services-sustainable": ("服务可持续", "可持续", "第三章第一节"),
    "basic-services-funding-guaranteed": ("投入有保障", "有保障", "第二章第三节"),
    "compulsory-education-staffing-standard": ("确保教职工编制全面达标", "全面达标", "第三章第二节"),
    "social-insurance-statutory-coverage": ("推动灵活就业人员在就业地参加社会保险,实现法定人群全覆盖", "全覆盖", "第三章第二节"),
    "unemployment-insurance-provincial-pooling": ("实现失业保险省级统筹", "省级统筹", "第三章第二节"),
    "enterprise-pension-national-pooling": ("实现企业职工基本养老保险全国统筹", "全国统筹", "第三章第二节"),
    "high-school-large-class-elimination": ("全面化解普通高中大班额", "全面化解", "第四章第一节"),
    "county-high-school-teachers-staffing": ("配齐配足教师", "配齐配足", "第四章第一节"),
    "affordable-rental-housing-rent-level": ("租金低于同地段同品质市场租赁住房租金", "低于同地段同品质市场租赁住房租金", "第四章第一节"),
}


@pytest.mark.parametrize("tid", sorted(TEXT_END_STATES))
def test_text_end_states_are_targets(tid):
    phrase, value, section = TEXT_END_STATES[tid]
    assert phrase in section_text(section), tid
    t = TARGETS[tid]
    assert phrase in norm(t["evidence"]["quote"])
    assert norm(t["target"]) == value and value in phrase
    assert t["evidence"]["section"] == section
    assert (t["basis"], t["binding"], t["year"], t["unit"], t["baseline"]) == ("text", None, 2025, None, None)
    assert not t.get("restates")


def test_no_text_target_restates_a_table_row_unmarked():
    # a text target that is not marked as a restatement must not carry the name of a table row
    for t in PLAN["targets"]:
        if t["basis"] == "text" and not t.get("restates"):
            assert norm(t["indicator"]) not in {r["indicator"] for r in TABLE}, t["id"]


# concrete basic services the text names: the phrase of the source each service item must hold
NAMED_SERVICES = {
    "生育保险": "第六章第五节",
    "优生优育服务": "第六章第五节",
    "流动人员人事档案管理服务": "第三章第二节",
    "劳动保障监察执法维权服务": "第三章第二节",
    "适宜的中医药服务": "第三章第二节",
    "重大疾病医疗保险和救助制度": "第三章第二节",
    "优先满足失能老年人的基本养老服务需求": "第三章第三节",
    "棚户区改造": "第三章第二节",
    "提升特困人员供养服务机构托底保障能力": "第三章第二节",
    "公益性殡葬服务": "第三章第二节",
    "儿童残疾筛查、诊断、康复救助": "第四章第一节",
    "数字文化服务和流动文化服务": "第三章第二节",
    "全民健身志愿服务": "第三章第二节",
    "奖励扶助": "第六章第五节",
    "计划生育特殊家庭全方位帮扶保障": "第六章第五节",
}


@pytest.mark.parametrize("phrase", sorted(NAMED_SERVICES))
def test_named_services_are_curated(phrase):
    section = NAMED_SERVICES[phrase]
    assert phrase in section_text(section)
    held = [s for s in PLAN["services"] if phrase in norm(s["evidence"]["quote"]) and s["evidence"]["section"] == section]
    assert len(held) == 1, (phrase, [s["id"] for s in held])
    assert held[0].get("listed") is False
