"""Check the curated Gansu plan against its source text.

This copy of the Gansu plan lost its indicator table (专栏1) and the project boxes
(专栏2-4): they were images. Everything below is parsed out of
data/sources/gansu.txt here, independently of the YAML.
"""
import pathlib
import re

import pytest

from conftest import read_yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "data" / "sources" / "gansu.txt"
PLAN = ROOT / "data" / "plans" / "gansu.yaml"
DOMAINS = {"幼有所育", "学有所教", "劳有所得", "病有所医", "老有所养", "住有所居", "弱有所扶",
           "优军服务保障", "文体服务保障", "其他"}
CHAPTER = re.compile(r"^[一二三四五六七八九十]+、")
SUBSECTION = re.compile(r"^（[一二三四五六七八九十]+）")


def norm(s):
    return re.sub(r"\s+", "", str(s))


@pytest.fixture(scope="module")
def lines():
    return SOURCE.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def src(lines):
    return norm("\n".join(lines))


@pytest.fixture(scope="module")
def plan():
    return read_yaml(PLAN)


def items(plan):
    for kind in ("targets", "services", "tasks"):
        for it in plan.get(kind) or []:
            yield kind, it


# ---------------------------------------------------------------- source parsing
def empty_boxes(lines):
    """Headings `专栏N ...` whose next non-blank line is not box content
    (a note block, a sub-section or chapter heading follows directly)."""
    out = []
    for i, l in enumerate(lines):
        if not re.match(r"^专栏\d+", l):
            continue
        nxt = next(x.strip() for x in lines[i + 1:] if x.strip())
        if nxt.startswith("注") or SUBSECTION.match(nxt) or CHAPTER.match(nxt):
            out.append(l.strip())
    return out


def table1_notes(lines):
    """The numbered notes that survive after the lost 专栏1, as {number: text}."""
    i = next(i for i, l in enumerate(lines) if l.startswith("专栏1"))
    start = next(j for j in range(i, len(lines)) if lines[j].startswith("注："))
    end = next(j for j in range(start, len(lines)) if CHAPTER.match(lines[j]))
    text = norm("".join(lines[start:end]))[len("注："):]
    parts = re.split(r"(?:^|(?<=。))(\d+)\.", text)  # "0.1平方米" is not split: it follows no 。
    return {int(parts[k]): parts[k + 1] for k in range(1, len(parts), 2)}


def revealed_indicator(note):
    """The indicator a note defines or describes; None for the generic '带*' note."""
    if note.startswith("带*"):
        return None
    if "：" in note[:40]:
        return note.split("：", 1)[0]
    return note.split("中的", 1)[0]


def run_in_headings(lines):
    """Paragraph-leading short sentences ending in 。 in chapters 三 to 七
    (a sub-section heading with text after it, as in 七（一）, counts too)."""
    start = next(i for i, l in enumerate(lines) if l.startswith("三、"))
    out = []
    for l in lines[start:]:
        l = l.strip()
        if not l or CHAPTER.match(l) or l.startswith("专栏"):
            continue
        m = SUBSECTION.match(l)
        if m:
            l = l[m.end():]
        head, dot, after = l.partition("。")
        if dot and after and "，" not in head and len(head) <= 25:
            out.append(head)
    return out


def commitment_region(lines):
    """Normalised text of 二（三）主要目标 and chapters 三 to 七, without 专栏1's notes."""
    a = next(i for i, l in enumerate(lines) if l.startswith("（三）主要目标"))
    b = next(i for i, l in enumerate(lines) if l.startswith("专栏1"))
    c = next(i for i, l in enumerate(lines) if l.startswith("三、"))
    return norm("".join(lines[a:b] + lines[c:]))


# ---------------------------------------------------------------- tests
def test_parsers_see_the_source_as_expected(lines):
    # guards the parsers themselves: four lost boxes, five notes, a few dozen headings
    assert len(empty_boxes(lines)) == 4
    assert sorted(table1_notes(lines)) == [1, 2, 3, 4, 5]
    assert "健全诚信体系" in run_in_headings(lines)
    assert len(run_in_headings(lines)) > 50


def test_header(plan):
    assert plan["id"] == "gansu"
    assert plan["name"] == "甘肃省“十四五”公共服务规划"
    assert plan["level"] == "province"
    assert plan["region"] == "甘肃省"
    assert str(plan["period"]) == "2021-2025"
    assert (PLAN.parent / plan["source"]).resolve() == SOURCE.resolve()
    assert PLAN.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../plancmp/schemas/plan.schema.json\n")
    assert norm(SOURCE.read_text(encoding="utf-8")).count("甘政办发〔2022〕7号") == 1


def test_every_lost_box_is_a_gap_with_its_source_heading(plan, lines):
    boxes = empty_boxes(lines)
    gaps = plan["source_gaps"]
    assert sorted(norm(g["section"]) for g in gaps) == sorted(norm(b) for b in boxes)
    ids = [g["id"] for g in gaps]
    assert len(ids) == len(set(ids))
    for g in gaps:
        assert g.get("description")
        kinds = set(g.get("kinds") or [])
        assert kinds and kinds <= {"targets", "services", "tasks"}
        assert set(g.get("domains") or []) <= DOMAINS
        if norm(g["section"]).startswith("专栏1"):
            assert kinds == {"targets"}  # the indicator table
        else:
            assert {"tasks", "targets"} <= kinds  # the 重点工程 boxes


def test_reveals_cover_every_note_that_names_a_lost_row(plan, lines):
    gap = next(g for g in plan["source_gaps"] if norm(g["section"]).startswith("专栏1"))
    reveals = gap.get("reveals") or []
    notes = table1_notes(lines)
    expected = [r for r in (revealed_indicator(n) for n in notes.values()) if r]
    assert "城镇新增就业人数" in expected and len(expected) == 4
    assert sorted(norm(r["indicator"]) for r in reveals) == sorted(expected)
    for r in reveals:
        note = next(n for n in notes.values() if revealed_indicator(n) == norm(r["indicator"]))
        assert norm(r["quote"]) in note, r["indicator"]  # the quote is the note (or part of it)
        assert norm(r["quote"]).startswith(norm(r["indicator"]))


def test_all_quotes_are_verbatim_and_ids_unique(plan, src):
    ids = []
    for kind, it in items(plan):
        ids.append(it["id"])
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", it["id"]), it["id"]
        assert it["domain"] in DOMAINS, it["id"]
        assert norm(it["evidence"]["quote"]) in src, (kind, it["id"])
    for g in plan["source_gaps"]:
        for r in g.get("reveals") or []:
            assert norm(r["quote"]) in src, r["indicator"]
    assert len(ids) == len(set(ids))


def test_no_target_comes_from_the_lost_table(plan):
    assert plan["targets"]
    for t in plan["targets"]:
        assert t["basis"] == "text", t["id"]  # 专栏1-4 are lost: neither table nor box
        assert t["binding"] is None, t["id"]  # the body text never states 预期性/约束性


def test_every_target_number_is_in_its_quote(plan, lines):
    past = background_text(lines)  # 十三五 results: their figures are 2020 values
    for t in plan["targets"]:
        q = norm(t["evidence"]["quote"])
        values = [t["target"]] + ([t["baseline"]["value"]] if t.get("baseline") else [])
        for v in values:
            assert norm(v) in q, (t["id"], v)
            for num in re.findall(r"\d+(?:\.\d+)?", str(v)):
                assert num in q, (t["id"], num)
        assert (str(t["year"]) in ("2025",) or str(t["year"]) in q
                or (t["year"] == 2020 and q in past)), t["id"]


def test_every_quantified_commitment_of_the_text_is_a_target(plan, lines):
    """Each number-with-unit, 全覆盖, 应保尽保 and 不低于 in the goals and chapters 三-七
    must sit (with a few characters of its left context) inside some target's quote."""
    region = commitment_region(lines)
    quotes = [norm(t["evidence"]["quote"]) for t in plan["targets"]]
    pattern = r"\d+(?:\.\d+)?(?:%|平方米|万户|分钟)|全覆盖|应保尽保|不低于"
    hits = list(re.finditer(pattern, region))
    assert len(hits) >= 12
    for m in hits:
        ctx = region[max(0, m.start() - 6):m.end()]
        assert any(ctx in q for q in quotes), ctx
    # every dated commitment of chapters 三-七 (到2025年…) is a target too
    body = region[region.index("三、高质量推进"):]
    for m in re.finditer(r"到2025年", body):
        ctx = body[m.start():m.start() + 16]
        assert any(ctx in q for q in quotes), ctx


def test_every_run_in_heading_is_a_task(plan, lines):
    headings = run_in_headings(lines)
    # a direction a chapter's introduction names without a heading of its own (强化服务标准)
    # is a task too: its title stands in its quote, its section is the chapter
    directions = [t for t in plan["tasks"] if not norm(t["evidence"]["quote"]).startswith(norm(t["title"]) + "。")]
    for t in directions:
        assert norm(t["title"]) in norm(t["evidence"]["quote"]) and "（" not in t["evidence"]["section"], t["id"]
    tasks = [t for t in plan["tasks"] if t not in directions]
    assert len(directions) <= 1
    assert [t["title"] for t in tasks] == headings  # all of them, in source order
    for t in tasks:
        assert t["basis"] == "text"
        q = norm(t["evidence"]["quote"])
        assert q.startswith(norm(t["title"]) + "。"), t["id"]
        for c in t.get("commitments") or []:
            assert norm(c) in q, (t["id"], c)


def test_tasks_carry_the_numbers_of_their_paragraph(plan, lines):
    """A task whose paragraph holds a target's quote commits to that target's value."""
    region_lines = [l.strip() for l in lines]
    for t in plan["tasks"]:
        paras = [norm(l) for l in region_lines if norm(l).lstrip("（一二三四五六七八九十）").startswith(norm(t["title"]) + "。")]
        if not paras:   # a direction of a chapter introduction: no paragraph of its own
            continue
        para = paras[0]
        for tg in plan["targets"]:
            if norm(tg["evidence"]["quote"]) in para and re.search(r"\d", tg["target"]):
                assert norm(tg["target"]) in [norm(c) for c in t.get("commitments") or []], (t["id"], tg["id"])


def test_services_are_named_not_listed(plan, lines):
    # the plan enumerates no basic-public-service list: no 服务项目/服务对象 table survives,
    # only the reference to the provincial standard
    text = "\n".join(lines)
    assert "服务对象\t" not in text and "服务项目\t" not in text
    assert plan["services"]
    for s in plan["services"]:
        assert s.get("listed") is False, s["id"]
        # the item is named by the text it cites: it shares at least four consecutive characters
        item, q = norm(s["item"]), norm(s["evidence"]["quote"])
        assert any(item[k:k + 4] in q for k in range(max(1, len(item) - 3))), s["id"]
    assert "no basic-public-service list" in plan["notes"] or "enumerates no" in plan["notes"]


# ---------------------------------------------------------------- curation debt: sections, domains,
# end states, restatements (everything below is read from the source text, not from the YAML)
NUMERALS = "一二三四五六七八九十"
# the domain paragraphs of 三（二）: their run-in heading and the domain they cover
DOMAIN_PARAGRAPHS = {"育幼服务": "幼有所育", "义务教育": "学有所教", "就业社保": "劳有所得",
                     "医疗卫生": "病有所医", "养老服务": "老有所养", "住房保障": "住有所居",
                     "弱有所扶": "弱有所扶", "优军服务": "优军服务保障", "文体服务": "文体服务保障"}
# words that mark an end state (a checkable commitment) in the body text
END_STATES = (r"全面消除|全面实现|全面建立|全面普及|基本建立|覆盖全部|全覆盖|应保尽保|配齐|建成全省统一|形成基本完善"
              r"|省级统筹|租金低于")
# how such an end state is written as a target value
END_STATE_VALUES = r"^(全面消除|全面实现|全面建立|全面普及|基本建立|覆盖全部|全覆盖|应保尽保|配齐|建成|基本完善|省级统筹|低于)"


def located(lines):
    """Each line of the source with the section it stands in (`三（二）`, `七（一）` …) and its
    offset in the whitespace-free text."""
    chapter = sub = None
    out, offset = [], 0
    for l in lines:
        s = l.strip()
        m = CHAPTER.match(s)
        if m:
            chapter, sub = s[0], None
        m = SUBSECTION.match(s)
        if m:
            sub = s[1]
        out.append((offset, f"{chapter}（{sub}）" if chapter and sub else chapter, s))
        offset += len(norm(l))
    return out


def section_of(lines, quote):
    """The section of the line a (normalised) quote starts on."""
    text = norm("\n".join(lines))
    at = text.index(norm(quote))
    return [sec for off, sec, _ in located(lines) if off <= at][-1]


def paragraph_of(lines, quote):
    """The source line (paragraph) that holds the whole quote, or None."""
    return next((l.strip() for l in lines if norm(quote) in norm(l)), None)


def background_text(lines):
    a = next(i for i, l in enumerate(lines) if l.startswith("（一）发展基础"))
    b = next(i for i, l in enumerate(lines) if l.startswith("（二）机遇挑战"))
    return norm("".join(lines[a:b]))


def test_every_item_names_the_section_its_quote_stands_in(plan, lines):
    for kind, it in items(plan):
        assert it["evidence"].get("section") == section_of(lines, it["evidence"]["quote"]), (kind, it["id"])


def test_items_of_the_domain_paragraphs_carry_their_domain(plan, lines):
    heads = {}
    for l in lines:
        head, dot, _ = l.strip().partition("。")
        if dot and head in DOMAIN_PARAGRAPHS:
            heads[norm(l)] = DOMAIN_PARAGRAPHS[head]
    assert sorted(heads.values()) == sorted(DOMAIN_PARAGRAPHS.values())  # nine paragraphs, one each
    per_paragraph = {d: 0 for d in heads.values()}
    for kind, it in items(plan):
        q = norm(it["evidence"]["quote"])
        for para, domain in heads.items():
            if q in para:
                assert it["domain"] == domain, (kind, it["id"], domain)
                per_paragraph[domain] += kind == "services"
    # every domain paragraph names services, and 三（二） holds most of them
    assert all(n >= 2 for n in per_paragraph.values()), per_paragraph
    assert sum(per_paragraph.values()) > len(plan["services"]) / 2


# The services the text names outside the tables, by the paragraph (heading) that names
# them; the curator's reading of gansu.txt. Each must stand in that paragraph and be held
# by a service item of the paragraph's domain whose name contains it.
NAMED_SERVICES = {
    "育幼服务": ["孕前优生健康检查", "孕早期健康检查", "产后访视", "基本避孕节育", "国家免疫规划疫苗接种",
             "新生儿家庭访视", "0—6岁儿童健康管理", "事实无人抚养儿童基本生活保障",
             "困境儿童基本生活、基本医疗、教育保障", "农村留守儿童关爱保护"],
    "义务教育": ["义务教育免试入学", "公民办中小学同步招生", "优质教育教学资源服务", "随迁子女、留守儿童的教育关爱"],
    "就业社保": ["登记失业人员分级分类服务", "公共就业服务", "就业实践", "职业技能培训补贴", "职业技能鉴定补贴",
             "生活费补贴", "就业困难人员就业援助", "失业保险金", "工伤认定", "劳动能力鉴定"],
    "医疗卫生": ["健康知识普及", "规范化电子健康档案", "卫生监督协管服务", "妇女“两癌”免费检查", "家庭医生签约服务",
             "基本医疗保险", "职工基本医疗保险门诊共济保障", "重大疾病医疗保险和救助", "异地就医联网结算"],
    "养老服务": ["65岁及以上老年人健康管理服务", "城镇职工基本养老金", "城乡居民基础养老金和个人账户养老金",
             "护理补贴、高龄津贴", "居家社区养老服务"],
    "住房保障": ["公租房保障", "棚户区改造", "农村低收入群体等重点对象住房安全保障"],
    "弱有所扶": ["最低生活保障", "特困供养", "专项社会救助", "临时救助", "疾病应急救助", "受灾人员救助", "法律援助",
             "惠民殡葬", "精神障碍社区康复服务", "残疾人基本康复托养", "就业创业培训"],
    "优军服务": ["就业扶持优惠政策", "退役军人专场招聘", "适应性培训", "安置", "集中供养、医疗等保障"],
    "文体服务": ["公共文化云服务", "广播电视公共服务", "免费开放", "免费或低收费开放", "全民健身志愿服务", "国民体质监测"],
    # outside 三（二）: 三（三）, 六（三）, 六（四）
    "优化基本公共服务配套政策": ["特殊困难老人定期探访", "农村留守老年人关爱服务"],
    "推动数据互联互通": ["残疾人两项补贴"],
    "人口均衡发展": ["优生优育服务", "生育保险", "奖励扶助", "计划生育特殊家庭全方位帮扶保障"],
    # 四（二）, the non-basic chapter, names one basic service: long-term care of disabled elderly people
    "大力发展普惠型养老服务": ["失能、失智老年人的长期照护服务"],
}


def test_every_named_service_stands_in_its_paragraph_and_is_curated(plan, lines):
    paragraphs = {l.strip().partition("。")[0]: norm(l) for l in lines if "。" in l}
    services = plan["services"]
    for head, names in NAMED_SERVICES.items():
        para = paragraphs[head]
        for name in names:
            assert norm(name) in para, (head, name)  # the text names it there
            holders = [s for s in services if norm(name) in norm(s["item"]) or norm(s["item"]) in norm(name)]
            holders = [s for s in holders if norm(s["evidence"]["quote"]) in para]
            assert holders, (head, name)
            if head in DOMAIN_PARAGRAPHS:
                assert {s["domain"] for s in holders} == {DOMAIN_PARAGRAPHS[head]}, name
    # and no service is curated that the checklist does not name (a new one needs a reading)
    named = [norm(n) for ns in NAMED_SERVICES.values() for n in ns]
    for s in services:
        assert any(n in norm(s["item"]) or norm(s["item"]) in n for n in named), s["id"]


def test_national_services_this_text_does_not_name(lines, src):
    """National basic services recorded as absent from Gansu: the words are not in the text
    (or only in another sense)."""
    for word in ["两免一补", "资助", "残疾学生", "农家书屋", "电影", "戏曲", "手语", "字幕", "集中托养",
                 "优抚对象", "优先纳入"]:
        assert word not in src, word
    # 无障碍 only as 信息无障碍 (digital access), not home adaptation
    assert [m.start() for m in re.finditer("无障碍", src)] == [m.start() + 2 for m in re.finditer("信息无障碍", src)]
    # 残疾儿童15年教育全部免费 is a 十三五 result, standing in 发展基础 only
    assert src.count("全部免费") == 1 and "全部免费" in background_text(lines)


def test_every_end_state_of_the_text_is_a_target(plan, lines):
    """Each end-state word of the goals and chapters 三-七 sits inside some target's quote,
    and each qualitative target's value is such an end state of its quote."""
    region = commitment_region(lines)
    quotes = [norm(t["evidence"]["quote"]) for t in plan["targets"]]
    spans = [(m.start(), m.start() + len(q)) for q in quotes for m in re.finditer(re.escape(q), region)]
    hits = list(re.finditer(END_STATES, region))
    assert len(hits) >= 14
    for m in hits:
        assert any(a <= m.start() and m.end() <= b for a, b in spans), region[max(0, m.start() - 12):m.end() + 4]
    for t in plan["targets"]:
        if t["unit"] is None and not re.search(r"\d", t["target"]):
            assert re.search(END_STATE_VALUES, t["target"]), t["id"]
            assert norm(t["target"]) in norm(t["evidence"]["quote"]), t["id"]


@pytest.mark.parametrize("phrase, line", [
    ("提高义务教育巩固水平", 133), ("全面消除义务教育大班额", 133),
    ("全面实现城乡居民拥有规范化电子健康档案", 137), ("做实基本医疗保险市级统筹", 137),
    ("提高异地就医联网结算效率", 137), ("稳步实现基本公共服务由常住地供给、覆盖全部常住人口", 161),
    ("全面建立居家社区探访制度", 165), ("推动学前三年教育全面普及", 175),
    ("全面推进城镇老旧小区改造", 205), ("坚决遏制哄抬价格和过度逐利行为", 221),
    ("残疾人两项补贴资格认定申请", 295),
])
def test_statements_of_national_items_are_held_by_an_item(plan, lines, phrase, line):
    assert norm(phrase) in norm(lines[line - 1])
    assert any(norm(phrase) in norm(it["evidence"]["quote"]) for _, it in items(plan)), phrase


def test_restatements_name_an_earlier_statement_of_the_same_indicator(plan, lines):
    text = norm("\n".join(lines))
    targets = {t["id"]: t for t in plan["targets"]}
    seen = {}
    for t in plan["targets"]:
        first = targets.get(t.get("restates"))
        if t.get("restates"):
            assert first is not None and not first.get("restates"), t["id"]
            assert norm(first["indicator"]) == norm(t["indicator"]), t["id"]
            # the first statement stands earlier in the text
            assert text.index(norm(first["evidence"]["quote"])) < text.index(norm(t["evidence"]["quote"])), t["id"]
            if t["year"] == first["year"]:
                assert norm(t["target"]) == norm(first["target"]), t["id"]
        else:
            # two first statements of one indicator would be a missed restatement
            assert norm(t["indicator"]) not in seen, (t["id"], seen.get(norm(t["indicator"])))
            seen[norm(t["indicator"])] = t["id"]
    # the 主要目标's 人群全覆盖 is repeated in 三（一）: one of them restates the other
    assert region_count(lines, "人群全覆盖") == 2
    assert sum(1 for t in plan["targets"] if "人群全覆盖" in norm(t["evidence"]["quote"])) == 2
    assert sum(1 for t in plan["targets"] if "人群全覆盖" in norm(t["evidence"]["quote"]) and t.get("restates")) == 1


def region_count(lines, word):
    return commitment_region(lines).count(word)


def test_past_results_are_targets_only_as_2020_restatements(plan, lines):
    past = background_text(lines)
    body = {norm(t["indicator"]) for t in plan["targets"] if t["year"] != 2020}
    for t in plan["targets"]:
        q = norm(t["evidence"]["quote"])
        in_past = q in past
        assert in_past == (t["year"] == 2020), t["id"]  # a 十三五 figure is the 2020 value, nothing else
        if in_past:
            assert norm(t["indicator"]) in body, t["id"]


def test_direction_headings_are_paragraphs_of_their_own(plan, lines):
    """四（一） lists its directions as paragraphs with a four-character heading each, in the
    order 四（二） then treats them under full headings: both are tasks."""
    secs = located(lines)
    def heads(section):
        return [s.partition("。")[0] for _, sec, s in secs
                if sec == section and "。" in s and not SUBSECTION.match(s) and s.partition("。")[2]]
    directions, full = heads("四（一）"), heads("四（二）")
    assert len(directions) == len(full) == 8
    assert all(len(d) == 4 for d in directions)
    for d, f in zip(directions, full):
        assert d[:2] in f, (d, f)  # 普惠托育 / 发展普惠托育服务, 住房改善 / 着力推动改善住房条件 …
    titles = [t["title"] for t in plan["tasks"]]
    assert set(directions) <= set(titles) and set(full) <= set(titles)


def test_tasks_commit_to_the_end_states_their_quote_holds(plan):
    for t in plan["tasks"]:
        q = norm(t["evidence"]["quote"])
        commitments = [norm(c) for c in t.get("commitments") or []]
        for tg in plan["targets"]:
            if norm(tg["evidence"]["quote"]) in q:
                assert norm(tg["target"]) in commitments, (t["id"], tg["id"])
