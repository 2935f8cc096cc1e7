"""Check the curated Gansu plan against its source text.

This copy of the Gansu plan lost its indicator table (专栏1) and the project boxes
(专栏2-4): they were images. Everything below is parsed out of
data/sources/gansu.txt here, independently of the YAML.
"""
import pathlib
import re

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]
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
    return yaml.safe_load(PLAN.read_text(encoding="utf-8"))


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


def test_every_target_number_is_in_its_quote(plan):
    for t in plan["targets"]:
        q = norm(t["evidence"]["quote"])
        values = [t["target"]] + ([t["baseline"]["value"]] if t.get("baseline") else [])
        for v in values:
            assert norm(v) in q, (t["id"], v)
            for num in re.findall(r"\d+(?:\.\d+)?", str(v)):
                assert num in q, (t["id"], num)
        assert str(t["year"]) in ("2025",) or str(t["year"]) in q, t["id"]


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
    tasks = plan["tasks"]
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
        para = next(norm(l) for l in region_lines if norm(l).lstrip("（一二三四五六七八九十）").startswith(norm(t["title"]) + "。"))
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
