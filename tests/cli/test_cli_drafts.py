"""A draft is never shown as a finding (issue 21.2): a plan whose items are still `draft: true`
(plancmp new's, nobody has checked them) is marked in every view; report and matrix leave a
plan whose every item is a draft out unless `--drafts`; `plancmp debt` counts every national
commitment whose verdict rests on an unchecked item or on the text alone."""
from __future__ import annotations

import json
import re

import pytest
from helpers_drafts import drafted_folder
from typer.testing import CliRunner

from plancmp.cli import app
from plancmp.ingest.evidence import squeeze

from conftest import DATA, read_yaml


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    return drafted_folder(tmp_path_factory.mktemp("drafted") / "data", "fujian")


def run(data, *args):
    result = CliRunner().invoke(app, list(args), env={"PLANCMP_DATA": str(data)})
    assert result.exit_code == 0, result.output
    return result.stdout


def n_items(data, plan="fujian") -> int:
    doc = read_yaml(data / "plans" / f"{plan}.yaml")
    return sum(len(doc[k]) for k in ("targets", "services", "tasks"))


def test_the_diff_says_so_under_its_title_and_in_its_summary(drafted):
    n = n_items(drafted)
    out = run(drafted, "diff", "national", "fujian")
    mark = f"fujian: draft: {n} of {n} items unchecked"
    assert out.count(mark) == 2, out[:600]
    title, summary = out.split("\nsummary\n", 1)
    assert mark in title and "plancmp review fujian" in title and mark in summary
    zh = run(drafted, "diff", "national", "fujian", "--lang", "zh")
    assert f"草稿：{n} 项中 {n} 项未经核对" in zh
    data = json.loads(run(drafted, "diff", "national", "fujian", "--format", "json"))
    assert data["right"]["drafts"] == {"unchecked": n, "items": n, "gaps": 0} and "drafts" not in data["left"]
    sides = [r["right"] for r in data["rows"] if r["right"]]
    assert sides and all(s["draft"] is True for s in sides)
    # the curated plans carry no mark
    assert "draft" not in run(drafted, "diff", "national", "liaoning")


def test_matrix_and_report_leave_an_all_draft_plan_out_unless_asked(drafted):
    n = n_items(drafted)
    out = run(drafted, "matrix", "--kind", "targets")
    assert "left out, every item a draft (--drafts shows them): fujian" in out
    assert not re.search(r"^ fujian", out, re.M)
    shown = run(drafted, "matrix", "--kind", "targets", "--drafts")
    assert f"fujian: draft: {n} of {n} items unchecked" in shown and re.search(r"^ fujian \(draft\)", shown, re.M)
    grid = json.loads(run(drafted, "matrix", "--kind", "targets", "--format", "json"))
    assert "fujian" not in grid["plans"] and grid["left_out"] == ["fujian"]

    html = drafted / "report.html"
    run(drafted, "report", "--out", str(html))
    page = html.read_text(encoding="utf-8")
    assert "left out, every item a draft" in page and 'data-plan="fujian"' not in page
    added = page.split('<section id="added">', 1)[1].split("</section>", 1)[0]
    assert "福建省" not in added   # nor in what the provinces add beyond national
    run(drafted, "report", "--drafts", "--out", str(html))
    page = html.read_text(encoding="utf-8")
    assert f'<p class="draft">draft: {n} of {n} items unchecked</p>' in page
    # every column head that names fujian carries the mark: the heat grids' and the targets table's
    heads = re.findall(r"<th[^>]*>(?:(?!</th>).)*</th>", page, re.S)
    fujian = [h for h in heads if re.search(r"\bfujian\b", h)]
    assert fujian and all('class="draft"' in h for h in fujian)
    assert not any('class="draft"' in h for h in heads if re.search(r"\b(gansu|liaoning)\b", h))
    added = page.split('<section id="added">', 1)[1].split("</section>", 1)[0]
    fujian_heads = [h for h in re.findall(r"<th>(?:(?!</th>).)*</th>", added, re.S) if "福建省" in h]
    assert fujian_heads and all('class="draft"' in h for h in fujian_heads)
    assert re.search(r"<li>[^<]*福建省[^<]*<span class=\"draft\">", added)


def test_targets_and_show_mark_it(drafted):
    n = n_items(drafted)
    targets = run(drafted, "targets")
    assert f"fujian (draft: {n} of {n} items unchecked):" in targets
    show = run(drafted, "show", "fujian")
    assert f"draft: {n} of {n} items unchecked" in show and "[draft] " in show
    first = read_yaml(drafted / "plans" / "fujian.yaml")["targets"][0]["id"]
    detail = run(drafted, "show", "fujian", first)
    assert "[draft]" in detail and "plancmp review fujian" in detail


def test_a_plan_partly_checked_is_shown_and_still_marked(tmp_path):
    data = drafted_folder(tmp_path / "data", "fujian")
    path = data / "plans" / "fujian.yaml"
    text = path.read_text(encoding="utf-8")
    checked = 10
    for _ in range(checked):
        text = text.replace("    draft: true\n", "", 1)
    path.write_text(text, encoding="utf-8")
    n = n_items(data)
    out = run(data, "matrix", "--kind", "targets")
    assert "left out" not in out and f"fujian: draft: {n - checked} of {n} items unchecked" in out
    assert re.search(r"^ fujian \(draft\)", out, re.M)


def test_debt_counts_every_verdict_that_rests_on_drafts_or_the_text(drafted):
    data = json.loads(run(drafted, "debt", "--format", "json"))
    rows = json.loads(run(drafted, "diff", "national", "fujian", "--format", "json"))["rows"]
    national = [r for r in rows if r["left"] is not None]
    resting = [r for r in national
               if (r["right"] and r["right"].get("draft")) or any(a.get("draft") for a in r["also"])
               or r["basis"] == "text" or r["status"] in ("mentioned", "omitted", "unknown")]
    mine = [d for d in data["debt"] if d["plan"] == "fujian"]
    assert sorted(d["id"] for d in mine) == sorted(r["left"]["id"] for r in resting)
    counts = data["counts"]["fujian"]
    # nothing of a fresh draft is checked: every row rests on it, but one judged from the national
    # text alone (a target binding regions the province is not in: not comparable, whatever B says)
    national_only = [r for r in national if r.get("reason") == "other-regions"]
    assert counts["total"] == len(mine) == len(national) - len(national_only)
    assert counts["draft"] and counts["omission"]
    for d in mine:
        if d["why"] == "draft":   # the draft item's own quote and line
            lines = (drafted / "sources" / "fujian.txt").read_text(encoding="utf-8").splitlines()
            assert d["item"].startswith("fujian:") and squeeze(d["text"])[:4] in squeeze(lines[d["line"] - 1])
    # the curated provinces' debt is what it was: the sentences of the text alone
    curated = json.loads(CliRunner().invoke(app, ["debt", "--format", "json"],
                                            env={"PLANCMP_DATA": str(DATA)}).stdout)
    for pid in ("gansu", "liaoning"):
        assert [d for d in data["debt"] if d["plan"] == pid] == [d for d in curated["debt"] if d["plan"] == pid]
        assert all(d["why"] == "text" for d in curated["debt"])
    check = CliRunner().invoke(app, ["debt", "fujian", "--check"], env={"PLANCMP_DATA": str(drafted)})
    assert check.exit_code == 1 and f"fujian: {counts['total']} (" in check.stdout
    zh = CliRunner().invoke(app, ["debt", "fujian", "--lang", "zh"], env={"PLANCMP_DATA": str(drafted)}).stdout
    assert f"fujian：{counts['total']} ({counts['draft']} 项依据草稿条目" in zh and "整理欠账" in zh


def test_drafted_gaps_are_marked_where_they_are_shown(tmp_path):
    data = drafted_folder(tmp_path / "data", "gansu")
    show = run(data, "show", "gansu")
    assert "4 source gaps unchecked" in show and show.count("[draft] ") >= 4
    html = data / "report.html"
    run(data, "report", "--drafts", "--out", str(html))
    gaps = html.read_text(encoding="utf-8").split('<ul class="gaps">', 1)[1]
    drafted = re.findall(r"<li><b>gansu: [^<]*</b>( <span class=\"draft\">)?", gaps)
    assert len(drafted) == 4 and all(drafted), drafted
    assert "draft-item" in CliRunner().invoke(app, ["validate"], env={"PLANCMP_DATA": str(data)}).stdout

