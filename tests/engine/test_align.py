"""Alignment: kind and domain blocks, one-to-one assignment, bands and reasons, links."""
from __future__ import annotations

import random

import pytest

from plancmp.core import textnorm
from plancmp.engine.align import align, band
from plancmp.engine.assign import assign
from plancmp.ingest.links import Link, Links

from helpers_plans import plan, said, service, target, task


def test_assignment_is_optimal_like_scipy():
    scipy_opt = pytest.importorskip("scipy.optimize")
    np = pytest.importorskip("numpy")
    rng = random.Random(4)
    for _ in range(200):
        n, m = rng.randint(1, 8), rng.randint(1, 8)
        w = [[rng.choice([0.0, 0.5, rng.random()]) for _ in range(m)] for _ in range(n)]
        ours = assign(w)
        rows, cols = scipy_opt.linear_sum_assignment(np.array(w), maximize=True)
        assert len(ours) == min(n, m)
        assert len({r for r, _ in ours}) == len({c for _, c in ours}) == len(ours)
        assert sum(w[r][c] for r, c in ours) == pytest.approx(float(np.array(w)[rows, cols].sum()))


def test_assignment_beats_greedy_first_match():
    # greedy would give row 0 its best (col 0, 0.9) and leave row 1 with 0.1
    assert assign([[0.9, 0.8], [0.85, 0.1]]) == [(0, 1), (1, 0)]


def test_normalisation_folds_width_units_numbers_and_filler():
    assert textnorm.key("每千人口拥有执业（助理）医师数(人)") == textnorm.key("每千人口拥有执业(助理)医师数")
    assert textnorm.key("加快推进 养老服务设施建设") == textnorm.key("进一步完善养老服务设施")
    assert textnorm.key("15分钟健身圈") == textnorm.key("10分钟健身圈")
    assert textnorm.key("推进建设") == "推进建设"  # only filler: kept rather than emptied


def test_same_indicator_pairs_high_with_reasons():
    a, b = plan("national", "national", "全国"), plan("liaoning")
    target(a, "beds", "养老机构护理型床位占比", "55%")
    target(b, "beds-share", "养老机构护理型床位占比（%）", "≥55")
    [pair] = align(a, b).pairs
    assert pair.right is not None and pair.confidence == "high" and pair.score >= 0.8
    assert "same indicator" in said(pair.reasons) and "same unit (%)" in said(pair.reasons)   # the same once width and unit folded


def test_a_title_written_the_same_beats_one_of_the_same_key():
    """发展普惠托育服务 pairs with the heading written the same, not with the direction line
    普惠托育 (whose key is the same and whose short quote looks more like a short quote)."""
    a, b = plan("national", "national", "全国"), plan("gansu")
    quotes = {"t": '发展普惠托育服务。着力构建多元化、多样化、覆盖城乡的\xa0婴幼儿照护服务体系\xa0,积极引导社会力量举办托育服务机构\xa0,将\xa0需要独立占地的婴幼儿照护服务设施和场地建设布局纳入相关规\xa0划\xa0,新建和改扩建一批服务设施\xa0,建成一批示范性服务机构。',
              "short": '普惠托育。加快托育服务发展，实施城企联动普惠托育服务专项行动，加强综合性托育机构、标准化示范性托育机构建设，逐步建成服务多元化、覆盖城乡的婴幼儿照护服务体系，提高婴幼儿早期发展水平。',
              "full": '发展普惠托育服务。实施城企联动普惠托育服务专项行动，支持社会力量发展社区托育服务设施和综合托育服务机构。力争到2025年，在50%的社区建成托育服务机构，普惠托位占比60%以上，形成基本完善的社区托育服务骨干网；婴幼儿早期发展知识普及率、婴幼儿家长和看护人员接受科学育儿指导率均达到80%以上'}   # the real paragraphs (national.txt, gansu.txt)
    items = [task(a, "t", "发展普惠托育服务", domain="幼有所育"), task(b, "short", "普惠托育", domain="幼有所育"),
             task(b, "full", "发展普惠托育服务", domain="幼有所育")]
    for item in items:
        object.__setattr__(item, "evidence", item.evidence._replace(quote=quotes[item.id]))
    [pair] = [p for p in align(a, b).pairs if p.left is not None]
    assert pair.right.id == "full"


def test_items_pair_only_within_their_kind_and_domain():
    a, b = plan("a"), plan("b")
    target(a, "t", "养老服务床位总量", "1000", "万张", domain="老有所养")
    task(b, "t", "养老服务床位总量", domain="老有所养")                    # other kind
    target(b, "u", "公共图书馆数量", "12", "个", domain="文体服务保障")   # other domain, unlike
    pairs = align(a, b).pairs
    assert [(p.left and p.left.id, p.right and p.right.id) for p in pairs if p.kind == "targets"] == [("t", None), (None, "u")]


def test_across_domains_only_on_a_very_high_score():
    a, b = plan("a"), plan("b")
    target(a, "x", "基本公共服务目标人群覆盖", "全覆盖", None, domain="其他")
    target(b, "y", "基本公共服务目标人群覆盖", "全覆盖", None, domain="弱有所扶")
    [pair] = align(a, b).pairs
    assert pair.right is not None and any("different domains" in r for r in said(pair.reasons))


def test_slogans_alone_do_not_make_a_pair():
    a, b = plan("a"), plan("b")
    task(a, "x", "坚持以人民为中心加快推进养老服务体系建设")
    task(b, "y", "坚持以人民为中心加快推进托育设施配置")
    pairs = align(a, b).pairs
    assert all(p.left is None or p.right is None for p in pairs)


def test_one_to_one_picks_the_better_partner():
    a, b = plan("a"), plan("b")
    service(a, "low-income", "最低生活保障")
    service(b, "temp", "临时救助")
    service(b, "dibao", "最低生活保障")
    pairs = {p.left.id: p.right.id for p in align(a, b).pairs if p.left and p.right}
    assert pairs == {"low-income": "dibao"}


def test_bands():
    assert (band(0.8), band(0.79), band(0.62), band(0.61)) == ("high", "medium", "medium", "low")


def _links(*links: Link) -> Links:
    return Links(links=list(links))


def test_links_pin_and_forbid_overrule_the_matcher():
    a, b = plan("a"), plan("b")
    service(a, "opera", "戏曲公益性演出", domain="文体服务保障")
    service(b, "opera-b", "送戏曲下乡", domain="文体服务保障")
    service(a, "dibao", "最低生活保障")
    service(b, "dibao", "最低生活保障")
    pinned = _links(Link("pin", "a:opera", "b:opera-b", "same service", 0),
                    Link("forbid", "a:dibao", "b:dibao", "test", 1))
    pairs = {p.left.id: p for p in align(a, b, pinned).pairs if p.left}
    assert pairs["opera"].right.id == "opera-b" and pairs["opera"].confidence == "pinned"
    assert pairs["dibao"].right is None
    before = {p.left.id: p for p in align(a, b).pairs if p.left}
    assert before["dibao"].right is not None


def test_low_scores_are_flagged_for_review_never_high():
    a, b = plan("a"), plan("b")
    task(a, "x", "社区助餐服务圈")
    task(b, "y", "城镇社区助餐服务设施覆盖")
    result = align(a, b)
    (pair,) = [p for p in result.pairs if p.left and p.right]   # partly alike titles (0.61): a pair, but a weak one
    assert pair.confidence == "low"
    (miss,) = result.near_misses
    assert (miss.left.id, miss.right.id, miss.why.code) == ("x", "y", "low-confidence")


def test_a_look_alike_of_the_vocabulary_never_pairs():
    """vocab/commitments.yaml: 养老服务圈 differs from [社区养老服务设施, 覆盖] (a coverage rate);
    the same partly alike titles that pair weakly above do not pair at all."""
    a, b = plan("a"), plan("b")
    task(a, "x", "社区养老服务圈")
    task(b, "y", "城镇社区养老服务设施覆盖")
    assert not [p for p in align(a, b).pairs if p.left and p.right]


def test_large_plans_take_the_shortlist_and_the_c_solver_with_the_same_result(monkeypatch):
    """Plans too large to score every pair are aligned on a shortlist per item and solved by
    SciPy; on the real plans (forced down that path) every row must come out the same."""
    from plancmp.engine import align
    from plancmp.engine.compare import diff
    from plancmp.ingest.workspace import Workspace

    ws = Workspace.open()
    plans = ws.plans()
    links = ws.links()
    for province in ("liaoning", "gansu", "fujian"):
        rows = lambda province=province: [(r.kind, r.status, r.left and r.left.id, r.right and r.right.id, tuple(i.id for i in r.also))
                        for r in diff(plans["national"], plans[province], links, ws=ws).rows]
        dense = rows()
        monkeypatch.setattr(align, "DENSE_LIMIT", 0)
        assert rows() == dense, province
        monkeypatch.setattr(align, "DENSE_LIMIT", 40_000)


def test_the_number_the_assignment_weighs_is_the_scored_pairs_number():
    """align._value (no reasons, for the thousands of pairs the assignment weighs and drops) is
    score(...).score to the last bit, on every pair of every kind of the shipped plans."""
    from plancmp.engine.align import _features, _value, score
    from plancmp.ingest.workspace import Workspace

    from conftest import DATA

    plans = Workspace(DATA).plans()
    national = plans["national"]
    seen = 0
    for pid in sorted(plans):
        if pid == "national":
            continue
        for kind in ("targets", "services", "tasks"):
            left, right = national.items(kind), plans[pid].items(kind)
            fl, fr = [_features(x) for x in left], [_features(y) for y in right]
            for x, fx in zip(left, fl):
                for y, fy in zip(right, fr):
                    assert _value(kind, fx, fy) == score(kind, x, y, fx, fy).score, (x.ref, y.ref)
                    seen += 1
    assert seen > 10_000


def test_the_pairs_left_out_across_domains_could_never_count_there():
    """align._within_reach leaves out, before any pair across domains is scored, the pairs whose
    bound says they cannot reach the score that counts there: on every pair of every kind of the
    shipped plans (each plan against each, itself included, where names repeat), every pair that
    does reach NEAR_ACROSS or CROSS_DOMAIN_MIN is kept; and most pairs are left out."""
    from plancmp.engine.align import CROSS_DOMAIN_MIN, NEAR_ACROSS, _features, _value, _within_reach
    from plancmp.ingest.workspace import Workspace

    from conftest import DATA

    plans = Workspace(DATA).plans()
    reaching = kept = pairs = 0
    for a in plans.values():
        for b in plans.values():
            for kind in ("targets", "services", "tasks"):
                left, right = a.items(kind), b.items(kind)
                feats = {id(i): _features(i) for i in left + right}
                for x in left:
                    for floor in (NEAR_ACROSS, CROSS_DOMAIN_MIN):
                        reach = _within_reach(feats[id(x)], right, feats, floor)
                        for y in right:
                            if _value(kind, feats[id(x)], feats[id(y)]) >= floor:
                                assert id(y) in reach, (x.ref, y.ref, floor)
                                reaching += 1
                        kept += len(reach)
                        pairs += len(right)
    assert reaching > 500
    assert kept < pairs / 5
