"""Checks data/plans/fujian.yaml against the source text, independently of plancmp.

The indicator table (专栏1) and the task box (专栏2) are parsed straight from
data/sources/fujian.txt, where tables have one cell per line (a tab, then the
cell); a line without the leading tab continues the previous cell.
"""
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import read_yaml

ROOT = Path(__file__).resolve().parents[2]
PLAN_PATH = ROOT / "data" / "plans" / "fujian.yaml"
PLAN = read_yaml(PLAN_PATH)
SOURCE = (PLAN_PATH.parent / PLAN["source"]).resolve().read_text(encoding="utf-8")
LINES = SOURCE.split("\n")
EMPTY = {"—", "——", "/"}


def norm(s):
    return re.sub(r"\s+", "", str(s))


def cells_after(heading_prefix, stop):
    """Cells of the table whose heading line starts with heading_prefix, up to a line
    for which stop(line) is true."""
    start = next(i for i, l in enumerate(LINES) if l.startswith(heading_prefix))
    cells = []
    for line in LINES[start + 1:]:
        if stop(line):
            break
        if line.startswith("\t"):
            cells.append(line.strip())
        elif line.strip():
            cells[-1] += line.strip()
    return cells


def table1():
    cells = cells_after("专栏1", lambda l: l.strip().startswith("注："))
    assert len(cells) % 5 == 0, "专栏1 does not split into 5-cell rows"
    header, *rows = [cells[i:i + 5] for i in range(0, len(cells), 5)]
    assert header == ["类别", "指标", "2020年", "2025年", "属性"]
    out, category = [], None
    for cat, ind, base, tgt, attr in rows:
        category = cat or category
        name = norm(ind)
        m = re.search(r"\(([^()]+)\)$", name)
        unit = None
        if m:
            unit, name = m.group(1), name[: m.start()]
        out.append({"category": category, "indicator": name, "unit": unit, "baseline": base,
                    "target": tgt, "binding": attr, "cells": [cat, ind, base, tgt, attr]})
    return out


TABLE = table1()
TARGETS = PLAN["targets"]
TABLE_TARGETS = [t for t in TARGETS if t["basis"] == "table"]
TASKS = PLAN["tasks"]


def domain_of(category):
    c = norm(category)
    return "文体服务保障" if c.startswith("文体服务") else c


def test_table_parsed_sensibly():
    assert len(TABLE) == 22
    assert {domain_of(r["category"]) for r in TABLE} == {
        "幼有所育", "学有所教", "劳有所得", "病有所医", "老有所养", "住有所居", "弱有所扶", "文体服务保障"}


def test_every_table_row_once():
    assert len(TABLE_TARGETS) == len(TABLE)
    names = Counter(norm(t["indicator"]) for t in TABLE_TARGETS)
    assert names == Counter(r["indicator"] for r in TABLE)
    # source order is kept
    assert [norm(t["indicator"]) for t in TABLE_TARGETS] == [r["indicator"] for r in TABLE]


@pytest.mark.parametrize("row", TABLE, ids=[f"row{n:02d}" for n in range(1, len(TABLE) + 1)])
def test_table_row_values(row):
    [t] = [t for t in TABLE_TARGETS if norm(t["indicator"]) == row["indicator"]]
    assert str(t["target"]) == row["target"]
    assert t["binding"] == row["binding"]
    assert t["year"] == 2025
    assert t["domain"] == domain_of(row["category"])
    if row["baseline"] in EMPTY:
        assert t["baseline"] is None
    else:
        assert str(t["baseline"]["value"]) == row["baseline"]
        assert t["baseline"]["year"] == 2020
    if row["unit"] is not None:
        assert t["unit"] == row["unit"]
    elif "率" in row["indicator"] or "占比" in row["indicator"]:
        assert t["unit"] == "%"   # a rate, also when the target is 应保尽保
    # the only footnote of 专栏1 is 〔〕 = cumulative; no * / ** / *** marks exist
    expected = ["cumulative"] if "〔" in row["target"] else []
    assert sorted(t.get("flags") or []) == expected
    # the quote is the row itself
    assert norm(t["evidence"]["quote"]) == norm("".join(row["cells"]))


def test_table_footnotes_are_only_brackets():
    note = next(l for l in LINES if l.strip().startswith("注："))
    assert "〔〕" in note and "*" not in note
    assert not any("*" in c for r in TABLE for c in r["cells"])


def test_box2_tasks():
    cells = cells_after("专栏2", lambda l: bool(l.strip()) and not l.startswith("\t"))
    assert cells[:2] == ["重点任务", "任务内容"]
    names = cells[2::2]
    contents = cells[3::2]
    assert len(names) == len(contents) == 5
    box = [t for t in TASKS if t["basis"] == "box"]
    assert [t["title"] for t in box] == names
    for t, content in zip(box, contents):
        assert norm(t["evidence"]["quote"]).startswith(norm(t["title"] + content[:10]))


def run_in_headings():
    """Run-in headings of the task chapters (第三章 to 第七章)."""
    start = next(i for i, l in enumerate(LINES) if l.startswith("第三章"))
    end = next(i for i, l in enumerate(LINES) if l.startswith("第八章"))
    out = []
    for line in LINES[start:end]:
        s = line.strip()
        if not s or line.startswith("\t"):
            continue
        m = re.match(r"^([^。，,]{2,30}(?:[，,][^。，,]{2,15})?)。", s)
        if m:
            out.append(m.group(1))
    return out


def sections_without_run_in_headings():
    """Titles of the sections (第X节) from 第三章 on whose paragraphs have no run-in
    heading: the section heading is then the task (第四章第一节, the four of 第八章)."""
    start = next(i for i, l in enumerate(LINES) if l.startswith("第三章"))
    heads = [i for i in range(start, len(LINES)) if re.match(r"^第[一二三四五六七八九十]+节", LINES[i])]
    out = []
    for n, i in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(LINES)
        body = [l for l in LINES[i + 1:end] if l.strip() and not l.startswith("第")]
        if not any(re.match(r"^([^。，,]{2,30}(?:[，,][^。，,]{2,15})?)。", l.strip()) for l in body):
            out.append(re.sub(r"^第[一二三四五六七八九十]+节\s*", "", LINES[i]).strip())
    return out


def test_every_run_in_heading_is_a_task():
    headings = run_in_headings()
    assert len(headings) == 55
    sections = sections_without_run_in_headings()
    assert sections == ["明确基本公共服务项目清单", "加强党的领导", "加强财力保障", "加强人才培养", "加强监测评估"]
    text_titles = [t["title"] for t in TASKS if t["basis"] == "text"]
    assert Counter(text_titles) == Counter(headings + sections)


def test_implementation_chapter_tasks():
    """第八章's sections are tasks quoting their whole paragraph (the copy ends there)."""
    start = next(i for i, l in enumerate(LINES) if l.startswith("第八章"))
    heads = [i for i in range(start, len(LINES)) if re.match(r"^第[一二三四]节", LINES[i])]
    assert len(heads) == 4
    for n, i in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(LINES)
        title = re.sub(r"^第.节\s*", "", LINES[i]).strip()
        [t] = [t for t in TASKS if t["title"] == title]
        assert t["basis"] == "text" and t["evidence"]["section"] == "第八章" + LINES[i][:3]
        assert norm(t["evidence"]["quote"]) == norm("".join(LINES[i:end]))


def test_task_quotes_start_with_their_heading():
    for t in TASKS:
        q = re.sub(r"^第[一二三四五六七八九十]+节", "", norm(t["evidence"]["quote"]))
        assert q.startswith(norm(t["title"])), t["id"]
        for c in t.get("commitments") or []:
            assert norm(c) in q, (t["id"], c)


# Non-commitment numbers after 第二章 (a standard's code, technical specs).
NOT_COMMITMENTS = {"700兆赫兹", "DB35/T1956-2020", "5G", "4K", "8K", "5A"}


def test_every_counted_commitment_is_recorded():
    """Each number with a measure word in the body from 第二章 on (outside 专栏1)."""
    start = next(i for i, l in enumerate(LINES) if l.startswith("第二章"))
    t1 = next(i for i, l in enumerate(LINES) if l.startswith("专栏1"))
    t1_end = next(i for i, l in enumerate(LINES) if l.strip().startswith("注："))
    body = "\n".join(LINES[start:t1] + LINES[t1_end + 1:])
    found = re.findall(r"\d+(?:-\d+)?(?:分钟|所|家|个)(?:以上|左右)?", body)
    assert len(found) >= 7
    recorded = " ".join(str(t["target"]) for t in TARGETS if t["basis"] != "table")
    recorded += " " + " ".join(c for t in TASKS for c in (t.get("commitments") or []))
    for f in found:
        assert f in recorded, f


def test_no_service_list_enumerated():
    # the plan only announces a 清单制 and does not enumerate it
    assert "基本公共服务清单" in SOURCE or "基本公共服务项目清单" in SOURCE
    assert not any(l.startswith("专栏") and "清单" in l for l in LINES)
    assert PLAN["services"], "concrete services should still be recorded"
    assert all(s.get("listed") is False for s in PLAN["services"])
    assert "no basic-public-service list" in PLAN["notes"].lower()


def test_gaps_recorded():
    ids = {g["id"] for g in PLAN["source_gaps"]}
    assert "end-of-copy" in ids
    assert LINES[-1] == "" and SOURCE.rstrip().endswith("积极性。")


def test_ids_unique_and_quotes_verbatim():
    items = TARGETS + PLAN["services"] + TASKS
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids))
    src = norm(SOURCE)
    for i in items:
        assert norm(i["evidence"]["quote"]) in src, i["id"]
    for t in TARGETS:
        assert norm(t["target"]) in norm(t["evidence"]["quote"]), t["id"]
        if t["baseline"]:
            assert norm(t["baseline"]["value"]) in norm(t["evidence"]["quote"]), t["id"]


# ---------------------------------------------------------------- where a quote stands

def _section_labels():
    """For each line of the source: 专栏N inside a box, else 第X章第Y节 (or 第X章)."""
    labels, chapter, section, box = [], "", "", None
    for line in LINES:
        s = line.strip()
        if re.match(r"^第[一二三四五六七八九十]+章", s):
            chapter, section, box = s[: s.index("章") + 1], "", None
        elif re.match(r"^第[一二三四五六七八九十]+节", s):
            section, box = s[: s.index("节") + 1], None
        elif s.startswith("专栏"):
            box = re.match(r"专栏\d+", s).group(0)
        elif box and s and not line.startswith("\t") and not s.startswith("注：") \
                and s not in ("目标人群覆盖率", "保障"):   # continuation cells of 专栏1
            box = None
        labels.append(box or chapter + section)
    return labels


LABELS = _section_labels()
SQUEEZED, OWNER = "", []
for _n, _line in enumerate(LINES):
    SQUEEZED += norm(_line)
    OWNER += [_n] * len(norm(_line))


def span(quote):
    q = norm(quote)
    at = SQUEEZED.find(q)
    assert at >= 0, quote
    return at, at + len(q)


def lines_of(item):
    start, end = span(item["evidence"]["quote"])
    return OWNER[start], OWNER[end - 1]


def test_every_section_field_is_where_the_quote_stands():
    for item in TARGETS + PLAN["services"] + TASKS:
        first, last = lines_of(item)
        assert item["evidence"]["section"] in {LABELS[first], LABELS[last]}, item["id"]


# ---------------------------------------------------------------- services

# Concrete services the text names, read by hand, by where they stand: the run-in heading
# of 第四章第二节 (facilities, then staffing), a 专栏2 row, or another section.
NAMED_SERVICES = {
    ("第四章第二节", "义务教育"): ["义务教育", "农村小学和教学点"],
    ("第四章第二节", "就业社保"): ["职业指导、职业培训、就业见习、创业实践", "就业服务", "失业人员求助渠道",
                           "就业技能培训、岗位技能提升培训", "城镇职工基本养老保险", "灵活就业劳动者的社会保障",
                           "失业保险、工伤保险", "城乡居民基本养老保险", "劳动保障监察执法维权服务"],
    ("第四章第二节", "卫生医疗"): ["发热诊室（或发热门诊）", "预检分诊场所和留观室", "中医馆"],
    ("第四章第二节", "养老服务"): ["特困失能人员集中照护", "失能护理、日间照料以及助餐助浴助洁助医助行等服务",
                           "乡镇敬老院", "农村幸福院"],
    ("第四章第二节", "住房保障"): ["公租房保障", "棚户区改造", "农村危房改造", "造福工程搬迁"],
    ("第四章第二节", "文化体育"): ["县级公共图书馆、文化馆总分馆制", "乡村戏台、文化村史馆、农民文化公园、文化广场等主题功能空间",
                           "城乡公共文化新型空间", "非遗代表性项目展示传习场所", "全民阅读和全民艺术普及资源库群",
                           "有线电视行政村联网", "应急广播体系", "广播电视节目无线数字化覆盖", "农村有线广播‘村村响’",
                           "基层广播电视公共服务网点", "乡镇综合文化站", "文化志愿服务"],
    ("第四章第二节", "社会服务"): ["集中养育", "救助保护服务", "未成年人保护中心", "退役军人服务中心（站）",
                           "优抚医院、光荣院、军供站", "烈士纪念设施"],
    ("专栏2", "养老服务"): ["农村区域性养老服务中心"],
    ("专栏2", "文化体育"): ["百姓大舞台和乡村小戏（舞）台", "全民健身中心"],
    ("专栏2", "社会服务"): ["残疾人康复、托养"],
    ("第三章第三节", None): ["最低生活保障", "低收入人口救助帮扶"],
    ("第四章第三节", None): ["关爱和帮扶"],
    ("第七章第二节", None): ["基层公共卫生服务"],
    # 特困供养 and 临时救助 are named only in 发展基础 (a 十三五 result): no commitment, no item
    ("专栏1", None): ["孤儿和事实无人抚养儿童保障", "基本医疗保险", "困难残疾人生活补贴和重度残疾人护理补贴"],
}
# where 公共健身设施 is named: 公共体育场、健身步道、体育公园、农民体育健身工程等公共健身设施 (文化体育)
NAMED_SERVICES[("第四章第二节", "文化体育")].append("公共体育场、健身步道、体育公园、农民体育健身工程等公共健身设施")

HEADING_DOMAIN = {"义务教育": "学有所教", "就业社保": "劳有所得", "卫生医疗": "病有所医", "养老服务": "老有所养",
                  "住房保障": "住有所居", "文化体育": "文体服务保障", "社会服务": "弱有所扶"}
VETERANS = ("退役军人", "优抚", "烈士")
# 基本养老保险 stands in the 就业社保 paragraph but 专栏1 (and the national plan) put it under 老有所养
PENSIONS = ("基本养老保险",)
SERVICES = PLAN["services"]


def paragraph_heading(line_no):
    """The run-in heading of a 第四章第二节 paragraph, or the row name of a 专栏2 cell."""
    line = LINES[line_no]
    if line.startswith("\t"):
        return LINES[line_no - 1].strip()   # 专栏2: name cell, then content cell
    m = re.match(r"^([^。，,]{2,8})。", line.strip())
    return m.group(1) if m else None


def test_service_count_and_names():
    expected = [n for names in NAMED_SERVICES.values() for n in names]
    assert len(expected) == len(set(expected)) == 52   # 特困供养, 临时救助: only a 十三五 result, no item
    # twice the 26 services curated before (those the 十四五 text commits to; 发展基础 names two more)
    assert Counter(s["item"] for s in SERVICES) == Counter(expected)


@pytest.mark.parametrize("where", list(NAMED_SERVICES), ids=lambda w: "-".join(x for x in w if x))
def test_services_stand_where_they_are_named(where):
    section, heading = where
    for name in NAMED_SERVICES[where]:
        [s] = [s for s in SERVICES if s["item"] == name]
        assert s.get("listed") is False
        first, last = lines_of(s)
        assert LABELS[first] == section == s["evidence"]["section"], name
        # the name as written stands in the quote (a ‘’ pair may be typed differently)
        assert norm(name) in norm(s["evidence"]["quote"]), name
        if heading:
            assert paragraph_heading(first) == heading, name
            domain = ("优军服务保障" if any(v in name for v in VETERANS)
                      else "老有所养" if any(p in name for p in PENSIONS) else HEADING_DOMAIN[heading])
            assert s["domain"] == domain, name


def test_services_per_domain():
    assert Counter(s["domain"] for s in SERVICES) == Counter({
        "幼有所育": 1, "学有所教": 2, "劳有所得": 7, "病有所医": 5, "老有所养": 7, "住有所居": 4,
        "弱有所扶": 8, "优军服务保障": 3, "文体服务保障": 15})


# National basic services the Fujian text does not name at all (checked once more by hand):
# nothing of them is curated, because nothing of them is in the text.
ABSENT_FROM_TEXT = ["两免一补", "资助", "残疾学生", "异地就医", "集中托养", "高龄", "70平方米", "0.1平方米",
                    "流浪", "乞讨", "法律援助", "优抚对象", "农家书屋", "电影", "戏曲公益", "手语", "字幕",
                    "免费开放", "优惠开放", "低收费", "城市群", "设施规模"]


@pytest.mark.parametrize("word", ABSENT_FROM_TEXT)
def test_absent_national_services_are_absent(word):
    assert word not in SQUEEZED
    assert not any(word in s["item"] for s in SERVICES)


# ---------------------------------------------------------------- qualitative targets in the body

END_STATES = ["全覆盖", "应保尽保", "基本覆盖", "全达标", "全面落实"]


def body_span():
    """The squeezed text from 第二章 on, 专栏1 left out (its rows are the table targets)."""
    start = next(i for i, l in enumerate(LINES) if l.startswith("第二章"))
    t1 = next(i for i, l in enumerate(LINES) if l.startswith("专栏1"))
    t1_end = next(i for i, l in enumerate(LINES) if l.strip().startswith("注："))
    return [n for n in range(len(OWNER)) if start <= OWNER[n] < t1 or OWNER[n] > t1_end]


def test_every_body_end_state_is_a_target():
    """Each 全覆盖 / 应保尽保 / 基本覆盖 / 全达标 / 全面落实 of the body is the value of a text or box
    target whose quote holds it, except 由制度全覆盖 (the state reached, not the target)."""
    allowed = set(body_span())
    spans = [(span(t["evidence"]["quote"]), t) for t in TARGETS if t["basis"] != "table"]
    found = 0
    for word in END_STATES:
        for m in re.finditer(word, SQUEEZED):
            if m.start() not in allowed or SQUEEZED[m.start() - 3:m.start()] == "由制度":
                continue
            found += 1
            holders = [t for (a, b), t in spans if a <= m.start() and m.end() <= b and t["target"] == word]
            assert holders, (word, LINES[OWNER[m.start()]][:40])
    assert found == 12


def test_text_targets():
    for t in TARGETS:
        if t["basis"] == "table":
            continue
        assert t["binding"] is None and t["baseline"] is None, t["id"]
        if t["target"] in END_STATES + ["基本形成"]:
            assert t["unit"] is None, t["id"]
        first, _ = lines_of(t)
        if t["basis"] == "box":
            assert LABELS[first] == "专栏2", t["id"]
        else:
            assert not LABELS[first].startswith("专栏"), t["id"]
        # 发展基础 (lines 13-24) holds only 2020 values; everything else is a 2025 commitment
        assert t["year"] == (2020 if LABELS[first] == "第一章第一节" else 2025), t["id"]


# ---------------------------------------------------------------- restatements

BY_ID = {t["id"]: t for t in TARGETS}
RESTATING = [t for t in TARGETS if t.get("restates")]


def test_restatements_name_first_statements_of_the_same_domain():
    assert RESTATING
    for t in RESTATING:
        first = BY_ID[t["restates"]]
        assert not first.get("restates"), t["id"]
        assert first["domain"] == t["domain"], t["id"]
        assert t["basis"] != "table", t["id"]
        # the same unit where both carry one
        if t["unit"] and first["unit"]:
            assert t["unit"] == first["unit"], t["id"]


def development_base():
    start = next(i for i, l in enumerate(LINES) if l.strip().startswith("第一节") and "发展基础" in l)
    end = next(i for i, l in enumerate(LINES) if l.strip().startswith("第二节") and "发展环境" in l)
    return norm("".join(LINES[start:end]))


# How 发展基础 words the 专栏1 indicators, read by hand (None: the text gives no figure).
BASE_WORDING = {
    "每千人口拥有3岁以下婴幼儿托位数": "每千人口拥有三岁以下婴幼儿托位数",
    "学前教育毛入园率": "学前教育入园率",
    "九年义务教育巩固率": "九年义务教育巩固率",
    "高中阶段教育毛入学率": "高中阶段教育毛入学率",
    "人均预期寿命": "人均期望寿命",
    "基本养老保险参保率": "基本养老保险参保率",
    "养老服务床位总量": "养老床位数",
}


def test_development_base_figures_restate_the_table():
    text = development_base()
    restating_2020 = [t for t in RESTATING if t["year"] == 2020]
    assert len(restating_2020) == len(BASE_WORDING)
    for row in TABLE:
        [first] = [t for t in TABLE_TARGETS if norm(t["indicator"]) == row["indicator"]]
        again = [t for t in restating_2020 if t["restates"] == first["id"]]
        wording = BASE_WORDING.get(row["indicator"])
        if wording is None:
            # no 2020 figure in the text for this row; its baseline does not stand there either
            assert not again, row["indicator"]
            base = row["baseline"].strip("%〔〕")
            assert row["baseline"] in EMPTY or not re.search(r"(?<![\d.])" + re.escape(base) + r"(?![\d.])", text), row
            continue
        m = re.search(re.escape(wording) + r"达?(\d+(?:\.\d+)?)(%|个|岁|万张)", text)
        assert m, wording
        [t] = again
        assert norm(t["indicator"]) == wording
        assert t["target"] == m.group(1) + ("%" if m.group(2) == "%" else m.group(2))
        assert norm(t["target"]) in norm(t["evidence"]["quote"])
        # the value agrees with the table's 2020 column, except life expectancy
        same = m.group(1) == row["baseline"].rstrip("%")
        assert same == (row["indicator"] != "人均预期寿命"), row["indicator"]


def test_life_expectancy_values_differ():
    [t] = [t for t in RESTATING if t["restates"] == "life-expectancy"]
    assert (t["target"], t["year"]) == ("78.33岁", 2020)
    assert BY_ID["life-expectancy"]["baseline"]["value"] == "78.38"
    assert "78.33" in development_base() and "78.38" not in development_base()


def test_figures_of_other_indicators_are_not_restatements():
    # 新增劳动力平均受教育年限 is not the table's 劳动年龄人口平均受教育年限 (11.21)
    assert "新增劳动力平均受教育年限14.38年" in development_base()
    assert not any("14.38" in str(t["target"]) for t in TARGETS)
    for t in RESTATING:
        assert "新增劳动力" not in t["indicator"]


def test_text_and_box_restatements():
    later = {t["id"]: t for t in RESTATING if t["year"] == 2025}
    assert set(later) == {"public-rental-housing-low-income-coverage-text", "county-disability-service-facility-coverage-box"}
    for t in later.values():
        first = BY_ID[t["restates"]]
        assert t["target"] == first["target"]   # the same value, written the same way
    rent = later["public-rental-housing-low-income-coverage-text"]
    assert "公租房" in rent["evidence"]["quote"] and "公租房" in BY_ID[rent["restates"]]["indicator"]
    box = later["county-disability-service-facility-coverage-box"]
    first = BY_ID[box["restates"]]
    assert first["basis"] == "text" and box["basis"] == "box"
    for t in (box, first):
        assert "实现县级残疾人服务设施基本覆盖" in norm(t["evidence"]["quote"])


# ---------------------------------------------------------------- national items the text states

def test_national_items_are_held_by_curated_quotes():
    """The sentences that state national items (常住地, 建设用地, 财力保障) stand in a curated quote."""
    for sentence in ["有序推动流动人口在常住地便捷享有公共服务", "优先保障基本公共服务设施建设用地",
                     "第二节加强财力保障", "积极争取中央资金支持"]:
        at = SQUEEZED.find(sentence)
        assert at >= 0, sentence
        assert any(a <= at and at + len(sentence) <= b
                   for a, b in (span(i["evidence"]["quote"]) for i in TARGETS + SERVICES + TASKS)), sentence
