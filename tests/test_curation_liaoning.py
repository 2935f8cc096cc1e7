"""Checks the curated Liaoning plan (targets and tasks) against its source text, independently.

The indicator table (专栏1), the named tasks of the boxes (专栏3/4/5), the run-in headings of the
body and the quantified commitments are all read out of data/sources/liaoning.txt here, then looked
up in data/plans/liaoning.yaml. Only yaml and pathlib (plus re) are used, not the plancmp package.
"""
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PLAN_FILE = ROOT / "data" / "plans" / "liaoning.yaml"
PLAN = yaml.safe_load(PLAN_FILE.read_text(encoding="utf-8"))
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
    list_start = line_index("专栏2"); list_end = line_index("第二节 加快补齐", list_start)
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
