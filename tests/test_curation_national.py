"""Check data/plans/national.yaml against the national source text, independently of plancmp.

The indicator table (专栏1) and the run-in headings of chapters 三–六 are parsed straight
from data/sources/national.txt; the curated YAML must hold every one of them exactly.
"""
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PLAN_PATH = ROOT / "data" / "plans" / "national.yaml"
PLAN = yaml.safe_load(PLAN_PATH.read_text(encoding="utf-8"))
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


def test_task_quotes_start_with_their_heading_and_hold_commitments():
    for t in PLAN["tasks"]:
        q = norm(t["evidence"]["quote"])
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
