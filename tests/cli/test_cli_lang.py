"""Chinese first (issue 22): under --lang zh what an analyst reads is Chinese. Counted as words
of three or more Latin letters outside item ids (an id folded at a hyphen counts as the id it
is), file paths, options and tool or format names: at most 3 per command, the report at most 10.
Plans are named as their readers name them (全国, 辽宁省 …); every command takes --lang."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from plancmp.cli import app

from conftest import DATA

TOOLS = {"plancmp", "json", "csv", "xlsx", "markdown", "github", "yaml", "git", "html", "pdf", "utf", "bom",
         "excel", "wps", "libreoffice", "soffice", "chromium", "blake"}
TOKEN = re.compile(r"[A-Za-z0-9_./:@#~+()\[\]-]*[A-Za-z][A-Za-z0-9_./:@#~+()\[\]-]*")
ID = re.compile(r"^-?[a-z0-9]+(-[a-z0-9]*)+$|^-[a-z0-9]+$")       # an id, or a piece of one folded at a hyphen
REF = re.compile(r"^[a-z]+:[a-z0-9-]+$")                           # plan:id
PATH = re.compile(r"/|\.(ya?ml|txt|json|csv|xlsx|html|md|py)$")


def known_ids() -> set[str]:
    ids = set()
    for path in DATA.rglob("*.yaml"):
        ids |= set(re.findall(r"^\s*-?\s*id:\s*([a-z0-9][a-z0-9-]*)\s*$", path.read_text(encoding="utf-8"), re.M))
    return ids


IDS = known_ids()


def latin_words(text: str) -> Counter:
    """The words of 3+ Latin letters a reader meets that are no id, path, option or tool name."""
    text = re.sub(r"(?<=[a-z0-9])-\n[ \t]*(?=[a-z0-9])", "-", text)          # an id folded at its line's end
    heads = {m.group(1) for m in re.finditer(r"([a-z0-9][a-z0-9-]*-)(?=\s)", text)}   # a piece of an id
    tails = {seg for i in IDS for h in heads if h in i for seg in i[i.index(h) + len(h):].split("-")}
    out = Counter()
    for token in TOKEN.findall(text):
        t = token.strip(".:,;()[]")
        if ID.match(t) or REF.match(t) or PATH.search(t) or t.startswith("-") or re.fullmatch(r"[0-9a-f]{12,}", t):
            continue
        out.update(w for w in re.findall(r"[A-Za-z]{3,}", t) if w.lower() not in TOOLS and w not in tails)
    return out


def test_the_counter_counts_english_and_spares_ids_and_paths():
    assert latin_words("national 持平 data/plans/gansu.yaml nursery-places-per-1000 --all json") == Counter({"national": 1})
    assert latin_words("甘肃省的任务 party-\n       leadership 未写数字") == Counter()
    assert latin_words("a planned change: national +2.7") == Counter({"planned": 1, "change": 1, "national": 1})


COMMANDS = [
    ["diff", "national", "gansu"],
    ["diff", "national", "fujian", "--all"],
    ["targets", "--domain", "老有所养"],
    ["matrix"],
    ["show", "national", "托位"],
    ["claims"],
    ["stats"],                     # and a few more than the issue names
    ["added", "--all"],
    ["search", "托位"],
    ["eval", "--holdout"],
]


@pytest.mark.parametrize("columns", [80, 100])
@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_at_most_three_latin_words_under_zh(runner, argv, columns):
    result = runner.invoke(app, [*argv, "--lang", "zh"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    found = latin_words(result.output)
    assert sum(found.values()) <= 3, found.most_common(10)


def test_the_report_under_zh_has_at_most_ten_latin_words(runner, tmp_path):
    import html

    out = tmp_path / "zh.html"
    assert runner.invoke(app, ["report", "--lang", "zh", "--out", str(out)]).exit_code == 0
    page = re.sub(r"<(script|style)\b.*?</\1>", "", out.read_text(encoding="utf-8"), flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "\n", page))
    found = latin_words(text)
    assert sum(found.values()) <= 10, found.most_common(10)   # today: APP ×3, PPP, and: verbatim quotes
    assert "全国" in text and "line" not in found


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_plans_named_in_chinese_under_zh_ids_in_english(runner, argv):
    zh = runner.invoke(app, [*argv, "--lang", "zh"]).output
    en = runner.invoke(app, argv).output
    for pid, name in {"national": "全国", "gansu": "甘肃省", "fujian": "福建省", "liaoning": "辽宁省"}.items():
        if pid in en.split() or f"{pid} " in en or f"({pid})" in en:
            assert name in zh, pid


@pytest.mark.parametrize("command", ["claims", "debt", "changes", "validate", "eval", "diff", "matrix", "targets",
                                     "show", "search", "stats", "added", "report"])
def test_every_command_takes_lang(runner, command):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert "--lang" in result.output


def test_validate_keeps_its_english_prefix_and_codes_and_leads_with_a_chinese_title(runner):
    from plancmp.core.findings import CATALOGUE
    from plancmp.core.vocab import read

    titles = read("findings.yaml")
    assert set(titles) == set(CATALOGUE)                                    # every code has its Chinese title
    zh = runner.invoke(app, ["validate", "--lang", "zh"]).output.splitlines()
    en = runner.invoke(app, ["validate"]).output.splitlines()
    assert len(zh) == len(en) and zh[-1].startswith("已检查")
    for z, e in zip(zh[:-1], en[:-1]):
        prefix = " ".join(e.split(" ")[:3])                                  # path:line:col: severity code
        assert z.startswith(prefix + " ") and titles[e.split(" ")[2]] in z


def test_heatmap_cells_and_matrix_values_carry_their_unit(runner, tmp_path):
    import csv
    import io

    from plancmp.views.report import with_unit

    assert with_unit("~30", "万人") == "~30万人" and with_unit(">92", "%") == ">92%"
    assert with_unit("85%以上", "%") == "85%以上" and with_unit("应保尽保", "%") == "应保尽保"
    out = tmp_path / "r.html"
    assert runner.invoke(app, ["report", "--out", str(out)]).exit_code == 0
    cells = re.findall(r'class="v">([^<]*)<', out.read_text(encoding="utf-8"))
    assert "≥3个" in cells and "≥3" not in cells                          # liaoning's nursery places
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["matrix", "--format", "csv"]).output)))
    nursery = next(r for r in rows if r["id"] == "nursery-places-per-1000")
    assert nursery["liaoning value"] == "2 (2020) → ≥3 [个]" and nursery["unit"] == "个"
