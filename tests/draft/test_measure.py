"""The drafter's measure: every drafted item matched one to one with the curated item it
drafts, and per kind the curated items found (recall) and the drafted items kept (precision)."""
from __future__ import annotations

from plancmp.draft import Draft
from plancmp.draft.measure import KINDS, report, score, totals

TEXT = """第四章 保障基本公共服务供给
第一节 补齐短板
到2025年，普惠性幼儿园在园幼儿占比达到85%以上，公办幼儿园在园幼儿占比达到55%以上。
加强卫生监督协管服务。持续推进妇女“两癌”免费检查。
"""


def item(kind: str, id_: str, quote: str, **fields) -> dict:
    return {"id": id_, "domain": "学有所教", **fields, "evidence": {"quote": quote}}


def test_targets_match_by_overlapping_quotes_and_agreeing_values_services_by_alike_names():
    sentence = "到2025年，普惠性幼儿园在园幼儿占比达到85%以上，公办幼儿园在园幼儿占比达到55%以上。"
    curated = {
        "targets": [item("targets", "inclusive-share", sentence, indicator="普惠性幼儿园在园幼儿占比", target="85%以上",
                         year=2025, basis="text"),
                    item("targets", "public-share", sentence, indicator="公办幼儿园在园幼儿占比", target="55%以上",
                         year=2025, basis="text")],
        "services": [item("services", "health-supervision", "加强卫生监督协管服务。", item="卫生监督协管服务", listed=False),
                     item("services", "screening", "持续推进妇女“两癌”免费检查。", item="妇女“两癌”免费检查", listed=False)],
        "tasks": [],
    }
    draft = Draft(
        targets=[item("targets", "t1", sentence, indicator="全省普惠性幼儿园在园幼儿占比", target="85%以上", year=2025, basis="text"),
                 item("targets", "t2", sentence, indicator="公办幼儿园在园幼儿占比", target="60%以上", year=2025, basis="text"),
                 item("targets", "t3", "加强卫生监督协管服务。", indicator="卫生监督协管", target="全覆盖", year=2025, basis="text")],
        services=[item("services", "s1", "加强卫生监督协管服务。", item="卫生监督协管服务", listed=False),
                  item("services", "s2", "加强卫生监督协管服务。", item="妇女“两癌”检查服务", listed=False),
                  item("services", "s3", "加强卫生监督协管服务。", item="妇女“两癌”免费检查", listed=False)])
    measured = score("zhejiang", draft, curated, TEXT)
    # t1: the same sentence, the same value (its name need not be the curated one); t2: another value;
    # t3: a sentence no curated target quotes. s1: alike name, same sentence; s2: alike name, not its
    # sentence; s3: the same name, wherever it stands (the service named again)
    assert measured.pairs == {"t1": "inclusive-share", "s1": "health-supervision", "s3": "screening"}
    text_targets, prose = measured.tallies["text targets"], measured.tallies["prose services"]
    assert (text_targets.curated, text_targets.found, text_targets.drafted, text_targets.matched) == (2, 1, 3, 1)
    assert (prose.curated, prose.found, prose.drafted, prose.matched) == (2, 2, 3, 2)


def test_the_report_gives_every_kind_for_every_plan():
    measured = score("zhejiang", Draft(), {"targets": [], "services": [], "tasks": []}, TEXT)
    text = report([measured], {})
    for kind in KINDS:
        assert kind in text
    assert set(totals([measured])) == set(KINDS)
