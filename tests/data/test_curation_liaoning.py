"""Checks the curated Liaoning plan (targets and tasks) against its source text, independently.

The indicator table (专栏1), the named tasks of the boxes (专栏3/4/5), the run-in headings of the
body, the quantified commitments, the sections, the 十三五 figures of 发展基础 and the repeats of
an indicator in the body or a box are all read out of data/sources/liaoning.txt here, then looked
up in data/plans/liaoning.yaml. Only yaml and pathlib (plus re) are used, not the plancmp package.
"""
import re
from pathlib import Path

import pytest

from conftest import read_yaml
from helpers_plans import longest_common

ROOT = Path(__file__).resolve().parents[2]
PLAN_FILE = ROOT / "data" / "plans" / "liaoning.yaml"
PLAN = read_yaml(PLAN_FILE)
SOURCE = (PLAN_FILE.parent / PLAN["source"]).read_text(encoding="utf-8")
LINES = SOURCE.split("\n")
TARGETS = PLAN["targets"]
TASKS = PLAN["tasks"]


def norm(text):
    return re.sub(r"\s+", "", str(text))


def line_index(prefix, start=0):
    return next(i for i in range(start, len(LINES)) if LINES[i].startswith(prefix))


# ---------------------------------------------------------------- 专栏1
def table_rows():
    start = line_index("专栏1")
    header = next(i for i in range(start + 1, len(LINES)) if LINES[i].strip())
    assert LINES[header].split("\t") == ["类别", "序号", "主要指标", "2020年", "2025年", "指标性质"]
    rows, category = [], None
    for line in LINES[header + 1:]:
        if line.startswith("注"):
            break
        if not line.strip():
            continue  # page break inside the table
        cells = line.split("\t")
        assert len(cells) == 6, line
        category = cells[0] or category
        name = cells[2]
        stars = len(name) - len(name.rstrip("*"))
        name = name.rstrip("*")
        m = re.fullmatch(r"(.+)（([^（）]+)）", name)
        rows.append(dict(category=category, seq=int(cells[1]), raw=cells[2:], indicator=m.group(1), unit=m.group(2),
                         baseline=cells[3], target=cells[4], binding=cells[5], stars=stars))
    return rows


ROWS = table_rows()
TABLE_TARGETS = [t for t in TARGETS if t["basis"] == "table"]


def test_table_has_24_numbered_rows():
    assert [r["seq"] for r in ROWS] == list(range(1, 25))


def test_every_table_row_is_a_target_and_nothing_else():
    assert len(TABLE_TARGETS) == len(ROWS)
    assert sorted(norm(t["indicator"]) for t in TABLE_TARGETS) == sorted(norm(r["indicator"]) for r in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[str(r["seq"]) for r in ROWS])
def test_table_row_values(row):
    found = [t for t in TABLE_TARGETS if norm(t["indicator"]) == norm(row["indicator"])]
    assert len(found) == 1, row["indicator"]
    t = found[0]
    base = row["baseline"].rstrip("*")
    if base in ("/", "—", "——", "-"):
        assert t["baseline"] is None
    else:
        assert norm(t["baseline"]["value"]) == norm(base)
        assert t["baseline"]["year"] == (2019 if row["stars"] == 2 else 2020)
    assert norm(t["target"]) == norm(row["target"])
    assert t["binding"] == row["binding"]
    assert t["unit"] == row["unit"]
    assert t["year"] == 2025
    assert t["domain"] == row["category"]
    expected = set()
    if row["stars"] == 1 or "年度平均" in row["indicator"]:
        expected.add("annual_average")  # 年度平均 in the name says the same as a * footnote
    if row["stars"] == 2:
        expected.add("base_year_differs")
    if row["stars"] == 3 or row["target"].startswith("〔"):
        expected.add("cumulative")
    assert set(t.get("flags") or []) == expected
    assert norm("".join(row["raw"])) in norm(t["evidence"]["quote"])


# ---------------------------------------------------------------- boxes 专栏3/4/5
def box_task_titles(first, last):
    start, end = line_index(first), line_index(last, line_index(first))
    titles = []
    for line in LINES[start + 1:end]:
        for cell in re.split(r"</?p>|\t", line):
            m = re.match(r"\s*([^：，。]{2,45})：", cell)
            if m:
                titles.append(m.group(1).strip())
    return titles


BOXES = {"专栏3": ("专栏3", "第三节 健全"), "专栏4": ("专栏4", "第四章"), "专栏5": ("专栏 5", "第二节 积极推动")}


@pytest.mark.parametrize("box", BOXES)
def test_every_box_task_is_recorded(box):
    titles = box_task_titles(*BOXES[box])
    assert len(titles) == {"专栏3": 22, "专栏4": 3, "专栏5": 8}[box]
    recorded = {norm(t["title"]) for t in TASKS if t["basis"] == "box"}
    missing = [x for x in titles if norm(x) not in recorded]
    assert not missing


# ---------------------------------------------------------------- run-in headings of the body
def paragraph_headings():
    """First sentence of each body paragraph from 第三章 on when it is a short heading (no comma)."""
    start = line_index("第三章 加快推进", line_index("专栏1"))
    box_spans = [(line_index(a), line_index(b, line_index(a))) for a, b in BOXES.values()]
    heads, previous = [], ""
    for i in range(start, len(LINES)):
        line = LINES[i].strip()
        if not line:
            continue
        inside_box = any(a <= i < b for a, b in box_spans) or LINES[i].startswith(("专栏", "注", "第", "\t"))
        continuation = previous and not previous.endswith(("。", "）", ">")) and not re.match(r"第.章|第.节", previous)
        if not inside_box and not continuation and "\t" not in LINES[i]:
            first = line.split("。")[0]
            if "。" in line and len(first) <= 22 and "，" not in first:
                heads.append(first)
        previous = line
    return heads


def test_every_run_in_heading_is_a_task():
    heads = paragraph_headings()
    assert len(heads) >= 50
    recorded = {norm(t["title"]) for t in TASKS if t["basis"] == "text"}
    missing = [h for h in heads if norm(h) not in recorded]
    assert not missing


# ---------------------------------------------------------------- quantified commitments
NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|万户|个左右|个|所|名|平方米)")


def commitment_tokens():
    """Numbers with a unit in the body and boxes after the indicator table, outside 专栏2."""
    text_start = line_index("第三章 加快推进", line_index("专栏1"))
    list_start = line_index("专栏2")
    list_end = line_index("第二节 加快补齐", list_start)
    tokens = []
    for i in range(text_start, len(LINES)):
        if list_start <= i < list_end:
            continue
        tokens += [norm(m.group(0)) for m in NUMBER.finditer(LINES[i])]
    return tokens


def test_every_quantified_commitment_is_recorded():
    tokens = commitment_tokens()
    assert len(tokens) >= 20
    quotes = "|".join(norm(t["evidence"]["quote"]) for t in TARGETS if t["basis"] != "table")
    commitments = "|".join(norm(c) for t in TASKS for c in t.get("commitments") or [])
    missing = [tok for tok in tokens if tok not in quotes and tok not in commitments]
    assert not missing


def test_numbers_appear_in_their_quotes():
    for t in TARGETS:
        q = norm(t["evidence"]["quote"])
        assert norm(t["target"]) in q, t["id"]
        if t["baseline"]:
            assert norm(t["baseline"]["value"]) in q, t["id"]
    for t in TASKS:
        for c in t.get("commitments") or []:
            assert norm(c) in norm(t["evidence"]["quote"]), t["id"]


def test_quotes_are_verbatim_and_ids_unique():
    src = norm(SOURCE)
    ids = [x["id"] for key in ("targets", "services", "tasks") for x in PLAN.get(key) or []]
    assert len(ids) == len(set(ids))
    for item in TARGETS + TASKS:
        assert norm(item["evidence"]["quote"]) in src, item["id"]


# ---------------------------------------------------------------- sections named in the evidence
BODY_START = next(i for i, l in enumerate(LINES) if l.strip() == "序 言")  # after the table of contents
HEADING = re.compile(r"第[一二三四五六七八九十]+[章节]")


def box_span(number):
    start = next(i for i, l in enumerate(LINES) if re.match(rf"专栏\s*{number}\D", l))
    end = next(i for i in range(start + 1, len(LINES)) if HEADING.match(LINES[i]) or LINES[i].startswith("专栏"))
    return start, end


def section_span(section):
    """Lines [start, end) of `专栏N` or `第X章第Y节`, read from the headings of the source."""
    if section.startswith("专栏"):
        return box_span(section[2:])
    m = re.fullmatch(r"第(.)章第(.)节", section)
    assert m, section
    chapter = next(i for i in range(BODY_START, len(LINES)) if LINES[i].startswith(f"第{m.group(1)}章"))
    start = next(i for i in range(chapter, len(LINES)) if LINES[i].startswith(f"第{m.group(2)}节"))
    end = next((i for i in range(start + 1, len(LINES)) if HEADING.match(LINES[i])), len(LINES))
    return start, end


BOX_SPANS = [box_span(n) for n in range(1, 6)]


def span_text(start, end, skip_boxes=False):
    keep = [LINES[i] for i in range(start, end)
            if not (skip_boxes and any(a <= i < b for a, b in BOX_SPANS))]
    return norm("".join(keep))


ITEMS = [(kind, x) for kind in ("targets", "tasks") for x in PLAN[kind]
         if not (kind == "targets" and x["basis"] == "table") and x["evidence"].get("section")]


@pytest.mark.parametrize("kind,item", ITEMS, ids=[x["id"] for _, x in ITEMS])
def test_quote_stands_in_its_section(kind, item):
    """Each quote of the body or of a box stands in the section its evidence names; body quotes
    outside the boxes, box quotes inside their box."""
    start, end = section_span(item["evidence"]["section"])
    quote = norm(item["evidence"]["quote"])
    in_boxes = item["basis"] == "box"
    assert quote in span_text(start, end, skip_boxes=not in_boxes), item["id"]


# ---------------------------------------------------------------- restatements
BY_ID = {t["id"]: t for t in TARGETS}


def restatements_of(first_id):
    return [t for t in TARGETS if t.get("restates") == first_id]


def test_restatements_name_a_first_statement_of_the_same_kind_of_value():
    for t in TARGETS:
        first = BY_ID.get(t.get("restates"))
        if t.get("restates") is None:
            continue
        assert first is not None and first is not t, t["id"]
        assert first.get("restates") is None, t["id"]      # a first statement, not another restatement
        assert first["domain"] == t["domain"], t["id"]
        if first["unit"] and t["unit"]:
            assert first["unit"] == t["unit"], t["id"]


# Restatements whose wording names the indicator otherwise: (the restatement's words, the first
# statement's words), each read in its own quote.
SAME_INDICATOR = [("人均期望寿命", "人均预期寿命"), ("救助设施在设市区、县覆盖率", "救助服务网络覆盖全部县市"),
                  ("公办和普惠性民办幼儿园覆盖率", "普惠性幼儿园在园幼儿占比"), ("社会养老床位总数", "养老服务床位总量")]


def test_restatements_state_the_same_indicator():
    """The restatement's quote names the first statement's indicator (a run of at least four of its
    characters), or names it in other words listed above."""
    for t in TARGETS:
        first = BY_ID.get(t.get("restates"))
        if first is None:
            continue
        quote, first_quote = norm(t["evidence"]["quote"]), norm(first["evidence"]["quote"])
        if longest_common(norm(first["indicator"]), quote) >= 4:
            continue
        assert any(norm(mine) in quote and norm(theirs) in first_quote for mine, theirs in SAME_INDICATOR), t["id"]


def background_text():
    start = next(i for i in range(BODY_START, len(LINES)) if LINES[i].startswith("第一节 发展基础"))
    end = next(i for i in range(start + 1, len(LINES)) if LINES[i].startswith("第二节"))
    return span_text(start, end)


# 发展基础 names the 2020 value of an indicator of this plan, sometimes under another name.
# Each: the name in 发展基础 -> how the first statement is found (a 专栏1 row's indicator, or a
# phrase of the body's 2025 commitment).
BACKGROUND_NAMES = {
    "九年义务教育巩固率": ("row", "九年义务教育巩固率"),
    "劳动年龄人口平均受教育年限": ("row", "劳动年龄人口平均受教育年限"),
    "人均预期寿命": ("row", "人均预期寿命"),
    "学前三年毛入园率": ("row", "学前教育毛入园率"),
    "社会养老床位总数": ("row", "养老服务床位总量"),
    "人均体育场地面积": ("row", "人均体育场地面积"),
    "公办和普惠性民办幼儿园覆盖率": ("body", "普惠性幼儿园在园幼儿占比达到85%以上"),
}
FIGURE = r"(?:达到|提高到(?:\d{4}年的)?)?(\d+(?:\.\d+)?)"


def background_figures():
    text = background_text()
    out = []
    for name, how in BACKGROUND_NAMES.items():
        m = re.search(re.escape(name) + FIGURE, text)
        assert m, name   # the figure stands in 发展基础
        out.append((name, m.group(1), how))
    return out


@pytest.mark.parametrize("name,value,how", background_figures(), ids=list(BACKGROUND_NAMES))
def test_background_figure_is_a_2020_restatement(name, value, how):
    text = background_text()
    def states_it(t):
        m = re.search(re.escape(name) + FIGURE, norm(t["evidence"]["quote"]))
        return m is not None and m.group(1) == value and re.match(re.escape(value) + r"\D*$", norm(t["target"]))

    found = [t for t in TARGETS if t["year"] == 2020 and states_it(t)]
    assert len(found) == 1, name
    t = found[0]
    assert norm(t["evidence"]["quote"]) in text            # quoted from 发展基础
    assert t["basis"] == "text" and t["baseline"] is None
    first = BY_ID[t["restates"]]
    kind, key = how
    if kind == "row":
        row = next(r for r in ROWS if norm(r["indicator"]) == norm(key))
        assert first["basis"] == "table" and norm(first["indicator"]) == norm(key)
        # the 2020 figure agrees with the table's 2020 column, except where the text differs
        if float(value) == float(row["baseline"]):
            assert norm(name) == norm(key) or t.get("notes"), t["id"]
        else:
            assert "notes" in t and key in t["notes"] and name in t["notes"], t["id"]
    else:
        assert key in norm(first["evidence"]["quote"]) and first["year"] == 2025


def test_beds_2020_differ_between_table_and_text():
    """专栏1 gives 养老服务床位总量 23.55万张 for 2020, 发展基础 社会养老床位总数 37.76万张."""
    row = next(r for r in ROWS if r["indicator"] == "养老服务床位总量")
    text_value = re.search(r"社会养老床位总数(\d+(?:\.\d+)?)万张", background_text()).group(1)
    assert float(text_value) != float(row["baseline"])
    t = next(t for t in TARGETS if t["year"] == 2020 and text_value in t["target"])
    first = BY_ID[t["restates"]]
    assert first["basis"] == "table" and first["indicator"] == row["indicator"]
    assert norm(first["baseline"]["value"]) == norm(row["baseline"]) != norm(t["target"])


def test_every_2020_target_is_a_background_restatement():
    text = background_text()
    for t in TARGETS:
        if t["year"] == 2020:
            assert norm(t["evidence"]["quote"]) in text, t["id"]
            assert t.get("restates"), t["id"]


# A 专栏1 indicator repeated in the body after the table, with its value; the body's name when
# it differs from the table's.
BODY_NAMES = {"符合条件的农村低收入群体住房安全保障率": "符合条件的农村低收入群体等重点对象住房安全"}
VALUE_AFTER = r"(?:不低于|达到|做到)?(\d+(?:\.\d+)?(?:%|个)|应保尽保)"


def body_repeats_of_table_rows():
    start = line_index("第三章 加快推进", line_index("专栏1"))
    sentences = re.findall(r"[^。]*。", span_text(start, len(LINES)))   # page breaks joined
    out = []
    for row in ROWS:
        name = norm(BODY_NAMES.get(row["indicator"], row["indicator"]))
        for sentence in sentences:
            at = sentence.find(name)
            if at >= 0 and re.match(VALUE_AFTER, sentence[at + len(name):]):
                values = re.findall(r"\d+(?:\.\d+)?个|\d+(?:\.\d+)?%|应保尽保", sentence[at + len(name):])
                out.append((row, sentence, values))
    return out


def test_body_repeats_of_table_rows_are_restatements():
    repeats = body_repeats_of_table_rows()
    assert {r["indicator"] for r, _, _ in repeats} >= {"每千人口拥有3岁以下婴幼儿托位数", "养老机构护理型床位占比",
                                                    "符合条件的农村低收入群体住房安全保障率"}
    for row, sentence, values in repeats:
        first = next(t for t in TABLE_TARGETS if norm(t["indicator"]) == norm(row["indicator"]))
        again = [t for t in restatements_of(first["id"]) if norm(t["evidence"]["quote"]) in sentence
                 or sentence in norm(t["evidence"]["quote"])]
        for value in values:
            holders = [t for t in again if norm(t["target"]).endswith(norm(value))]
            assert len(holders) == 1, (row["indicator"], value)
            if value.rstrip("%个") != re.sub(r"[^\d.]", "", row["target"]) and value != row["target"]:
                # another value than the table's (托位数 力争达到4.5个 beside ≥3)
                assert norm(holders[0]["target"]) != norm(first["target"])


def box_clause(t):
    """The clause of a box target's quote holding its value: from the value to the clause end
    when that is long enough to be telling, else the whole clause."""
    value = norm(t["target"])
    for clause in re.split(r"[，。：；]", norm(t["evidence"]["quote"])):
        at = clause.find(value)
        if at >= 0:
            tail = clause[at:]
            return tail if len(tail) >= 12 else clause
    raise AssertionError(t["id"])


def test_box_repeats_of_the_body_are_restatements():
    """A box target whose value clause stands in the body text too restates the body target
    quoting that clause; one whose clause does not, restates nothing of the body."""
    start = line_index("第三章 加快推进", line_index("专栏1"))
    body = span_text(start, len(LINES), skip_boxes=True)
    repeated = 0
    for t in TARGETS:
        if t["basis"] != "box":
            continue
        clause = box_clause(t)
        first = BY_ID.get(t.get("restates"))
        if clause in body:
            repeated += 1
            assert first is not None and first["basis"] == "text", t["id"]
            assert clause in norm(first["evidence"]["quote"]), t["id"]
            assert norm(first["target"]) == norm(t["target"]), t["id"]
        else:
            assert first is None or first["basis"] != "text", t["id"]
    assert repeated >= 3   # 3个省级重大疫情救治基地, 建设完成…应急广播, 初步建成…应急广播体系


# ---------------------------------------------------------------- sentences held by a curated quote
def paragraphs(first, last):
    """Body paragraphs (page breaks joined) between two heading lines, boxes left out."""
    start = line_index(first, BODY_START)
    end = line_index(last, start)
    out, current = [], ""
    for i in range(start + 1, end):
        if any(a <= i < b for a, b in BOX_SPANS) or not LINES[i].strip():
            continue
        current += LINES[i].strip()
        if current.endswith("。"):
            out.append(current)
            current = ""
    return out


QUOTES = [norm(x["evidence"]["quote"]) for kind in ("targets", "services", "tasks") for x in PLAN[kind]]
DOMAIN_SECTIONS = [("第二节 加快补齐", "第三节 健全"), ("第三节 健全", "第四章"), ("第一节 进一步增强", "第二节 积极推动")]


@pytest.mark.parametrize("first,last", DOMAIN_SECTIONS, ids=[a for a, _ in DOMAIN_SECTIONS])
def test_every_sentence_of_the_domain_paragraphs_is_quoted(first, last):
    """Every sentence of the run-in paragraphs of 第三章第二节/第三节 and 第四章第一节 stands in some
    curated quote (the paragraph opening a section with “十四五”时期 is an introduction)."""
    missing = []
    for paragraph in paragraphs(first, last):
        if paragraph.startswith("“十四五”"):
            continue
        for sentence in re.findall(r"[^。]*。", norm(paragraph)):
            if not any(sentence in q for q in QUOTES):
                missing.append(sentence)
    assert not missing


# Sentences that state (part of) a national commitment; keyed by the national item (data/plans/national.yaml)
HELD_SENTENCES = {
    "cross-province-medical-settlement": "积极推进残疾人“两项补贴”资格认定申请跨省通办、异地就医结算等便利服务。",
    "centralised-care-for-low-income-elderly": "重度残疾人以及计划生育特殊家庭老年人提供无偿或低收费的集中托养服务。",
    "veterans-service-centres": "加强退役军人服务中心（站）建设，提升优抚医院、光荣院等建设服务水平。",
    "rural-film-screening-and-farmhouse-libraries": "提升农家书屋服务能力，推动农村电影放映优化升级。",
    "free-or-low-fee-public-sports-venues": "推动各类公共体育场馆和城乡公共空间向百姓运动健身免费或低收费开放。",
    "improve-housing-conditions": "对人口净流入的大城市要大力发展保障性租赁住房，",
    "social-insurance-statutory-coverage": "推动灵活就业人员在就业地参加社会保险。",   # without 法定人群全覆盖
}


@pytest.mark.parametrize("sentence", HELD_SENTENCES.values(), ids=list(HELD_SENTENCES))
def test_sentence_is_held_by_a_curated_quote(sentence):
    src = norm(SOURCE)
    at = src.find(norm(sentence))
    assert at >= 0
    # the whole sentence: from the previous full stop
    begin = src.rfind("。", 0, at) + 1
    end = src.find("。", at) + 1
    whole = src[begin:end]
    assert any(whole in q for q in QUOTES), whole


# Paragraphs that open with two headings, like 统筹规划公共服务设施布局。科学设定服务半径和服务人口。:
# (heading, sub-heading, the heading line that closes the section)
DOUBLE_HEADINGS = [("加强人才队伍建设", "加强专业队伍和专业服务人才建设", "第三节 健全公共服务要素", "第七章"),
                   ("强化监测评估", "建立健全公共服务监测评估体系", "第二节 强化监督管理", "第三节 加强宣传引导")]


@pytest.mark.parametrize("heading,sub,first,last", DOUBLE_HEADINGS, ids=[d[1] for d in DOUBLE_HEADINGS])
def test_sub_heading_is_a_task_quoting_the_rest_of_its_paragraph(heading, sub, first, last):
    para = next(norm(p) for p in paragraphs(first, last) if norm(p).startswith(norm(heading + "。" + sub + "。")))
    recorded = {norm(t["title"]): t for t in TASKS if t["basis"] == "text"}
    assert norm(heading) in recorded
    quote = norm(recorded[norm(sub)]["evidence"]["quote"])
    assert para == norm(heading + "。") + quote   # the sub-heading's quote runs to the end of the paragraph


def test_text_task_quotes_are_whole_sentences():
    for t in TASKS:
        quote = norm(t["evidence"]["quote"])
        if t["basis"] == "text":
            assert quote.startswith(norm(t["title"]) + "。") and quote.endswith("。"), t["id"]
        else:
            assert quote.startswith(norm(t["title"]) + "："), t["id"]
