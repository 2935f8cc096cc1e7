"""Check the claims curated from the Liaoning press article against the article and the plan."""
import pathlib
import re

import pytest

from conftest import read_yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
PRESS = ROOT / "data" / "press" / "liaoning-press.yaml"
PLAN = ROOT / "data" / "plans" / "liaoning.yaml"


def norm(s):
    return re.sub(r"\s+", "", s)


@pytest.fixture(scope="module")
def press():
    return read_yaml(PRESS)


@pytest.fixture(scope="module")
def article(press):
    return norm((PRESS.parent / press["source"]).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan():
    return read_yaml(PLAN)


@pytest.fixture(scope="module")
def plan_text(plan):
    return norm((PLAN.parent / plan["source"]).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan_items(plan):
    return {it["id"]: it for k in ("targets", "services", "tasks") for it in (plan.get(k) or [])}


def test_header(press, plan):
    assert press["id"] == "liaoning-press"
    assert press["plan"] == plan["id"] == "liaoning"
    assert (PRESS.parent / press["source"]).name == "liaoning-press.txt"


def test_claim_ids_unique(press):
    ids = [c["id"] for c in press["claims"]]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_quotes_in_article_in_order(press, article):
    pos = -1
    for c in press["claims"]:
        q = norm(c["quote"])
        assert q in article, c["id"]
        # claims are kept in article order (the first occurrence at or after the previous one)
        p = article.find(q, pos + 1 if pos >= 0 else 0)
        assert p > pos, c["id"]
        pos = p


def test_every_numbered_sentence_of_the_article_is_claimed(press, article):
    """Every sentence of the article body that carries a number (past the newspaper's own
    preamble) is covered by some claim."""
    body = article[article.index("《辽宁省“十四五”公共服务规划》"):article.index("辽沈晚报记者")]
    covered = norm("".join(c["quote"] for c in press["claims"]))
    for s in re.split(r"(?<=。)", body):
        if re.search(r"\d", s):
            assert norm(s).rstrip("。") in covered, s


def test_links_exist(press, plan_items):
    for c in press["claims"]:
        for link in c.get("links") or []:
            assert link in plan_items, (c["id"], link)


def test_supported_flag(press, plan_text):
    for c in press["claims"]:
        assert isinstance(c["supported"], bool), c["id"]
        if not c["supported"]:
            assert not c.get("links"), c["id"]
        else:
            # every number the claim states is in the plan text
            for n in re.findall(r"\d+(?:\.\d+)?", c["quote"]):
                assert n in plan_text, (c["id"], n)


def test_supported_claims_with_numbers_link_to_an_item_stating_them(press, plan_items):
    """A supported claim with a percentage links to at least one plan item whose quote states it."""
    for c in press["claims"]:
        if not c["supported"]:
            continue
        for pct in re.findall(r"\d+(?:\.\d+)?%", norm(c["quote"])):
            quotes = [norm(plan_items[l]["evidence"]["quote"]) for l in c.get("links") or []]
            assert any(pct in q for q in quotes), (c["id"], pct)
