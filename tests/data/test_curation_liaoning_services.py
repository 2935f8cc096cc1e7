"""Check the curated Liaoning basic-public-service list (专栏2) against the source text.

The list is parsed out of data/sources/liaoning.txt here, independently of the YAML.
"""
import pathlib
import re

import pytest

from conftest import read_yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "data" / "sources" / "liaoning.txt"
PLAN = ROOT / "data" / "plans" / "liaoning.yaml"
PART = ROOT / "data" / "plans" / "_parts" / "liaoning-services.yaml"  # before the merge
ALIASES = {"优军服务有保障": "优军服务保障", "文体服务有保障": "文体服务保障"}
DOMAINS = ["幼有所育", "学有所教", "劳有所得", "病有所医", "老有所养", "住有所居", "弱有所扶", "优军服务保障", "文体服务保障"]


def norm(s):
    return re.sub(r"\s+", "", s)


def parse_box2():
    """Return {domain: (stated_count, [items])} in source order."""
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("专栏2"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("注："))
    rows = []  # [domain, items_text]
    for l in lines[start + 1:end]:
        if not l.strip() or l.startswith("服务领域"):
            continue
        cells = l.split("\t")
        if cells[0].strip():
            rows.append([cells[0].strip(), cells[-1]])
        else:  # continuation of a row split by a page break: last cell continues the items
            rows[-1][1] += cells[-1]
    out = {}
    for domain, text in rows:
        text = norm(text)
        m = re.fullmatch(r"(.*)（共计(\d+)项）", text)
        assert m, f"no 共计N项 in row {domain}"
        # 劳有所得 separates items with ， (its items contain 、); the others use 、
        sep = "，" if "，" in m.group(1) else "、"
        out[domain] = (int(m.group(2)), m.group(1).split(sep))
    return out


@pytest.fixture(scope="module")
def box():
    return parse_box2()


@pytest.fixture(scope="module")
def services():
    path = PART if PART.exists() else PLAN
    return read_yaml(path)["services"]


def dom(s):
    return ALIASES.get(s["domain"], s["domain"])


def test_source_box_parses(box):
    assert list(box) == DOMAINS
    for domain, (n, items) in box.items():
        assert len(items) == n, domain  # the source's own count agrees with its list
    assert sum(n for n, _ in box.values()) == 80


def test_total(services):
    assert len(services) == 80
    assert all(s.get("listed", True) is True for s in services)


def test_per_domain_counts(box, services):
    for domain, (n, _) in box.items():
        assert sum(1 for s in services if dom(s) == domain) == n, domain
    assert {dom(s) for s in services} == set(DOMAINS)


def test_every_item_present_in_order(box, services):
    for domain, (_, items) in box.items():
        curated = [norm(s["item"]) for s in services if dom(s) == domain]
        assert curated == items, domain


def test_evidence(services):
    src = norm(SOURCE.read_text(encoding="utf-8"))
    ids = [s["id"] for s in services]
    assert len(ids) == len(set(ids))
    for s in services:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s["id"]), s["id"]
        q = norm(s["evidence"]["quote"])
        assert q in src, s["id"]
        assert s["evidence"]["section"] == "专栏2", s["id"]
        assert q.startswith(dom(s)), s["id"]  # the quote is the row of its own domain
        # the item is in its row (the one item split by a page break: both halves are)
        halves = [norm(s["item"])] if norm(s["item"]) in q else [norm(s["item"])[:3], norm(s["item"])[3:]]
        assert all(h in q for h in halves), s["id"]
