"""`plancmp report --out FILE`: one self-contained, escaped, reproducible HTML file."""
from __future__ import annotations

import re
import subprocess

import pytest
from helpers_process import PageParts
from markupsafe import escape
from typer.testing import CliRunner

from plancmp.cli import app
from plancmp.core.verdicts import SYMBOLS

from conftest import DATA, PLANCMP, read_yaml

STATUS_EN = {"exceeds": "exceeds", "matches": "matches", "below": "below"}



def write_report(runner, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    """The report of the shipped data, written once for the tests that only read it."""
    return write_report(CliRunner(), tmp_path_factory.mktemp("report"))


def test_report_is_self_contained(page):
    parsed = PageParts()
    parsed.feed(page)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, tag          # no external script, image or frame
        assert not (tag == "link"), attrs       # no stylesheet or font link
        assert not attrs.get("href", "#").startswith(("http", "//")), attrs
    assert not re.search(r"@import|url\(|https?://", page.split("</style>")[0])
    assert "Noto Sans CJK SC" in page and "sans-serif" in page and "@media print" in page


def test_every_quote_of_every_plan_target_is_in_the_report(page):
    parsed = PageParts()
    parsed.feed(page)
    text = "".join(parsed.text)
    for path in (DATA / "plans").glob("*.yaml"):
        for target in read_yaml(path)["targets"]:
            assert target["evidence"]["quote"] in text, (path.stem, target["id"])


def test_source_gaps_and_summary_are_shown(page):
    for path in (DATA / "plans").glob("*.yaml"):
        for gap in read_yaml(path)["source_gaps"]:
            assert escape(" ".join(gap["section"].split())) in page
    assert 'id="summary"' in page and 'class="card"' in page


def test_report_is_byte_identical_across_runs(tmp_path):
    outs = []
    for n in range(2):
        out = tmp_path / f"r{n}.html"
        proc = subprocess.run([str(PLANCMP), "report", "--out", str(out)], capture_output=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_bad_output_path_is_a_usage_error(runner, tmp_path):
    assert runner.invoke(app, ["report", "--out", str(tmp_path)]).exit_code == 2
    assert runner.invoke(app, ["report", "--out", str(tmp_path / "missing" / "r.html")]).exit_code == 2


# ---------------------------------------------------------------- a report worth sending

def cells_of(page: str) -> dict[tuple[str, str, str], tuple[str, str]]:
    """{(kind, item, plan): (status, face)}: what each heatmap cell shows before it is clicked."""
    out = {}
    for table in re.finditer(r'<table class="heatmap" data-kind="(\w+)".*?</table>', page, re.S):
        for m in re.finditer(r'<td class="cell s-[\w-]+" data-plan="([\w-]+)" data-item="([\w-]+)" data-status="([\w-]+)"'
                             r'[^>]*><details><summary[^>]*>(.*?)</summary>', table.group(0)):
            face = re.sub(r"<[^>]+>", "", m.group(4))
            out[(table.group(1), m.group(2), m.group(1))] = (m.group(3), html_unescape(face))
    return out


def html_unescape(text: str) -> str:
    from html import unescape

    return unescape(text)


def data_files() -> list[str]:
    """The files the stamp's digest covers, listed here from the folder: the plan files,
    links.yaml, the plans' sources, the press files and their articles."""
    files = {p.relative_to(DATA).as_posix() for p in (DATA / "plans").glob("*.yaml")} | {"links.yaml"}
    for path in [*(DATA / "plans").glob("*.yaml"), *(DATA / "press").glob("*.yaml")]:
        source = (path.parent / read_yaml(path)["source"]).resolve()
        files.add(source.relative_to(DATA.resolve()).as_posix())
    files |= {p.relative_to(DATA).as_posix() for p in (DATA / "press").glob("*.yaml")}
    return sorted(files)


def stamp_of(page: str) -> str:
    return re.search(r'<code title="BLAKE2b ([0-9a-f]{32})">', page).group(1)


def test_the_stamp_names_the_version_and_the_data_and_no_time(runner, tmp_path, page):
    from datetime import date

    from plancmp import __version__

    digest, files = stamp_of(page), data_files()
    assert f'<meta name="generator" content="plancmp {__version__}">' in page
    assert f"plancmp {__version__} · data <code" in page and f">{digest[:12]}</code>" in page
    assert f"{len(files)} data files" in page and all(name in page for name in files)
    assert not re.search(r"20\d\d-\d\d-\d\d", page) and "as of" not in page   # no wall-clock time unless asked
    out = tmp_path / "dated.html"
    assert runner.invoke(app, ["report", "--out", str(out), "--date", "2025-06-30"]).exit_code == 0
    assert "as of 2025-06-30" in out.read_text(encoding="utf-8")
    assert runner.invoke(app, ["report", "--out", str(out), "--date", "today"]).exit_code == 0
    assert f"as of {date.today().isoformat()}" in out.read_text(encoding="utf-8")
    bad = runner.invoke(app, ["report", "--out", str(out), "--date", "30/06/2025"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


@pytest.mark.slow   # 9 whole reports, one after each edit
def test_the_digest_follows_the_data(runner, tmp_path, data_copy):
    def stamped() -> str:
        return stamp_of(write_report(runner, tmp_path))

    def append(name: str, text: str) -> None:
        path = data_copy / name
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    first = write_report(runner, tmp_path)
    seen = {stamp_of(first)}
    (data_copy / "notes.txt").write_text("not report data\n", encoding="utf-8")
    assert stamped() in seen
    for name in ("links.yaml", "plans/gansu.yaml", "sources/gansu.txt", *sorted(p.relative_to(DATA).as_posix()
                                                                                for p in (DATA / "press").glob("*.yaml"))):
        append(name, "\n# a comment changes the bytes\n" if name.endswith(".yaml") else "\n")
        second = write_report(runner, tmp_path)
        assert stamp_of(second) not in seen, name
        seen.add(stamp_of(second))
    second = write_report(runner, tmp_path)
    strip = lambda page: page.replace(stamp_of(page), "").replace(stamp_of(page)[:12], "").split("</header>")[1]
    assert strip(first) == strip(second)   # only the stamp moved


def test_the_first_screen_answers_per_province(page):
    summary = page[page.index('<section id="summary">'):page.index('<h2 id="heatmap">')]
    provinces = sorted(p.stem for p in (DATA / "plans").glob("*.yaml") if p.stem != "national")
    assert re.findall(r'<article class="card" data-plan="([\w-]+)">', summary) == provinces
    assert summary.count('<svg class="bar"') >= 2 * len(provinces) and "<rect " in summary
    assert "<table" not in summary   # bars, not a table of percentages
    assert summary.count('<h4 class="strong">Strongest') == summary.count('<h4 class="weak">Weakest') == len(provinces)
    assert "How the strongest and weakest points are chosen" in summary and "约束性 (binding) ones first" in summary
    liaoning = summary[summary.index('data-plan="liaoning"'):]
    weakest = liaoning[liaoning.index("Weakest"):]
    assert re.search(r'<li class="pt" data-item="([\w-]+)"', weakest).group(1) == "nursery-places-per-1000"
    assert "−33.3% against national" in weakest   # ≥3 against 4.5


def test_strongest_and_weakest_follow_the_stated_rule():
    from plancmp.ingest.workspace import Workspace
    from plancmp.views.report import report

    ws = Workspace(DATA)
    plans = ws.plans()
    data = report(ws)
    strong_order = ["binding-exceeds", "exceeds", "exceeds-commitment", "quantified"]
    weak_order = ["binding-below", "binding-omitted", "below", "omitted-target", "below-commitment",
                  "omitted-service", "omitted-task"]
    from plancmp.engine.compare import diff

    for pid, points in data["highlights"].items():
        assert 0 < len(points["strong"]) <= 3 and len(points["weak"]) <= 3, pid
        if not points["weak"]:   # unknown never counts against a province (Gansu: what it omits, a lost box could hold)
            assert not [r for r in diff(plans["national"], plans[pid], ws.links(), ws=ws).rows
                        if r.status in ("below", "omitted")], pid
        assert all(p["status"] in ("exceeds", "matches-quantified") for p in points["strong"])
        assert all(p["status"] in ("below", "omitted") for p in points["weak"])
        for points_, order, sign in ((points["strong"], strong_order, -1), (points["weak"], weak_order, 1)):
            keys = [(order.index(p["why"]) if p["why"] in order else order.index(p["why"].split("-")[0]),
                     p["margin"] is None, sign * (p["margin"] or 0)) for p in points_]
            assert keys == sorted(keys), (pid, keys)
        for p in points["weak"]:
            if p["status"] == "omitted":
                assert p["province"] is None and p["national"]["quote"]
            else:
                assert p["province"]["quote"] and (p["margin"] is None or p["margin"] < 0)


def test_heatmap_cells_show_the_province_value(page):
    cells = cells_of(page)
    plans = {p.stem: read_yaml(p) for p in (DATA / "plans").glob("*.yaml")}
    national = {t["id"]: t for t in plans["national"]["targets"]}
    assert cells and all(face == "—" for (status, face) in cells.values() if status == "omitted")
    assert all(face.strip() not in ("", "+", "=", "-", "~", "=#") for _, face in cells.values())
    for (kind, item, pid), (status, face) in cells.items():
        if status not in ("exceeds", "matches", "below"):
            continue
        p = plans[pid]
        values = {str(t["target"]) for t in p["targets"]} | {s.get("standard") or "" for s in p["services"]} \
            | {", ".join(map(str, t.get("commitments") or [])) for t in p["tasks"]}
        value = face[len(SYMBOLS[status]):]   # after the verdict's symbol
        assert value == STATUS_EN[status] or any(value.rstrip("…") and (v.startswith(value.rstrip("…"))
                                                                      or v and value.startswith(v))   # v and its unit
                                                 for v in values), \
            (kind, item, pid, face)
    # the row head: the national value and 约束性
    for row in re.finditer(r'<tr class="fr" data-kind="targets" data-domain="[^"]*" data-binding="([^"]*)"[^>]*>'
                           r'<th class="item" scope="row">(.*?)</th>', page):
        assert ('<span class="tag bind">约束性</span>' in row.group(2)) == (row.group(1) == "约束性")
    assert "<b>4.5 个</b>" in page and "<b>96%</b>" in page   # 托位 4.5 个; 九年义务教育巩固率 96% (约束性)
    assert national["compulsory-education-retention"]["binding"] == "约束性"


def test_the_filter_is_in_the_page_and_needs_no_library(page):
    assert '<form class="filter" id="filter" role="search" hidden>' in page   # shown by the script only
    for ident in ("f-text", "f-domain", "f-kind", "f-status", "f-plan", "f-binding", "f-count"):
        assert f'id="{ident}"' in page
    script = page[page.rindex("<script>"):]
    assert "import" not in script and "fetch(" not in script and "XMLHttpRequest" not in script
    rows = re.findall(r'<tr class="fr" data-kind="(\w+)" data-domain="([^"]+)" data-binding="([^"]*)" '
                      r'data-statuses="([^"]*)" data-text="([^"]*)"', page)
    assert rows and all(text == text.lower() and domain for _, domain, _, _, text in rows)


def test_every_label_is_translated(runner, tmp_path):
    for lang, words in (("en", ["Strongest", "Weakest", "matched or exceeded", "Find"]),
                        ("zh", ["最强项", "最弱项", "持平或高于", "查找", "数据", "较 全国"])):
        out = tmp_path / f"{lang}.html"
        assert runner.invoke(app, ["report", "--out", str(out), "--lang", lang]).exit_code == 0
        page = out.read_text(encoding="utf-8")
        assert "report_" not in page, re.findall(r"report_\w+", page)[:5]   # a missing label shows its key
        assert all(w in page for w in words), lang
    assert "Strongest" not in (tmp_path / "zh.html").read_text(encoding="utf-8")


def test_print_is_a_briefing(page):
    """The print stylesheet (the PDF itself: tests/e2e/test_report_print.py): A4, a card never
    split, headings kept with what follows, every <details> open, page numbers and the stamp
    at every page's foot (CSS margin boxes), the press claims' exceptions only."""
    css = page[page.index("<style>"):page.index("</style>")]
    printing = css[css.index("@media print"):]
    assert "size: A4 portrait" in printing and "counter(page)" in printing and "counter(pages)" in printing
    assert re.search(r"\.card \{[^}]*break-inside: avoid", printing)
    assert re.search(r"h1, h2, h3, h4[^{]*\{ break-after: avoid", printing)
    assert "details::details-content { content-visibility: visible" in printing
    assert "table.claims tr.ok" in printing
    digest = stamp_of(page)[:12]
    assert re.search(r'@bottom-left \{ content: "plancmp [^"]*' + digest + '"', css)


def test_claims_put_the_exceptions_first_and_count_the_supported(page):
    for press in (DATA / "press").glob("*.yaml"):
        claims = read_yaml(press)["claims"]
        section = page[page.index('<section id="claims">'):]
        rows = re.findall(r'<tr data-claim="([^"]+)"( class="ok")?>', section)
        assert {c for c, _ in rows} == {c["id"] for c in claims}   # the screen keeps every claim
        oks = [bool(ok) for _, ok in rows]
        assert oks == sorted(oks) and 0 < oks.count(True) < len(oks)   # exceptions first, supported last
        assert f"{oks.count(True)} of {len(claims)} claims supported" in section


def test_what_several_provinces_add_is_a_section_of_the_report(runner, page):
    """Each commitment `plancmp added` finds in several provinces is one row of the report's
    section, with every province's item and quote; each province's counts follow."""
    import json

    result = runner.invoke(app, ["added", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    shared = [g for g in data["groups"] if len(g["plans"]) > 1]
    assert shared, "the shipped plans have added commitments in common (居家社区探访制度)"
    section = page[page.index('<section id="added">'):]
    section = section[:section.index("</section>")]
    rows = re.findall(r"<tr><td>.*?</tr>", section, re.S)
    assert len(rows) == len(shared)
    for row, group in zip(rows, shared):
        for item in group["items"]:
            assert str(escape(item["name"])) in row and str(escape(item["quote"])) in row
        assert row.count("—") == len(data["plans"]) - len(group["plans"])   # a province that does not state it
    for pid, counts in data["counts"]["by_plan"].items():
        assert f"{counts['added']} added, {counts['shared']} shared" in section, pid
    assert 'href="#added"' in page


def test_above_full_max_provinces_the_command_writes_one_province_at_a_time(runner, tmp_path, monkeypatch):
    """The layout follows the number of provinces (views/report.FULL_MAX, 31): here lowered to 2,
    the three shipped provinces get the page of many provinces, through the command."""
    from plancmp.views import report as view

    monkeypatch.setattr(view, "FULL_MAX", 2)
    page = write_report(runner, tmp_path)
    assert page.count('id="one-data"') == 1 and 'class="one-note"' in page
    assert page.count('<td class="cell') == page.count('<th class="item"')   # one province's cell a commitment
    monkeypatch.setattr(view, "FULL_MAX", 3)
    assert 'id="one-data"' not in write_report(runner, tmp_path)


@pytest.mark.slow   # 32 synthetic provinces judged (~20 s)
def test_over_31_provinces_a_real_process_writes_one_province_at_a_time(tmp_path):
    import json
    import os
    import sys

    from conftest import ROOT
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    data = generate(32, tmp_path / "data")
    out = tmp_path / "report.html"
    done = subprocess.run([str(PLANCMP), "report", "--out", str(out)], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PLANCMP_DATA": str(data)})
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="one-data">(.*?)</script>', page, re.S)
    assert found and len(json.loads(found.group(1))["plans"]) == 32
