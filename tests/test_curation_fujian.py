"""Checks data/plans/fujian.yaml against the source text, independently of plancmp.

The indicator table (专栏1) and the task box (专栏2) are parsed straight from
data/sources/fujian.txt, where tables have one cell per line (a tab, then the
cell); a line without the leading tab continues the previous cell.
"""
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PLAN_PATH = ROOT / "data" / "plans" / "fujian.yaml"
PLAN = yaml.safe_load(PLAN_PATH.read_text(encoding="utf-8"))
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


def test_every_run_in_heading_is_a_task():
    headings = run_in_headings()
    assert len(headings) == 55
    text_titles = [t["title"] for t in TASKS if t["basis"] == "text"]
    assert Counter(text_titles) == Counter(headings)


def test_task_quotes_start_with_their_heading():
    for t in TASKS:
        q = norm(t["evidence"]["quote"])
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
