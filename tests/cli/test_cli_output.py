"""Output an analyst reads first: summary first, any width, colour switches, Chinese labels,
binding and year, Excel workbooks, finding things, CLI conventions, validate for people."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess

import pytest

from plancmp.cli import app

from conftest import DATA, PLAIN, PLANCMP, ROOT, read_yaml, width

ESC = re.compile(r"\x1b\[[0-9;]*m")
ZH = {"exceeds": "高于", "matches": "持平", "matches-quantified": "持平（已量化）", "partial": "部分", "below": "低于",
      "not-comparable": "不可比", "mentioned": "仅文中提及", "omitted": "未提及", "unknown": "无法判断", "added": "新增"}


def cli(runner, *args, columns: int | None = 100, **env):
    result = runner.invoke(app, list(args), env={**PLAIN, "COLUMNS": str(columns) if columns else None, **env})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def subprocess_run(*args, env=None, **kw):
    full = {**os.environ, **{k: v for k, v in PLAIN.items() if v is not None}, **(env or {})}
    for k, v in {**PLAIN, **(env or {})}.items():
        if v is None:
            full.pop(k, None)
    full.pop("PLANCMP_DATA", None)
    return subprocess.run([str(PLANCMP), *args], capture_output=True, env=full, cwd=ROOT, timeout=120, **kw)


# --- 1. summary first ------------------------------------------------------------------------

def test_diff_table_opens_with_the_counts_and_counts_added_without_listing_them(runner):
    data = json.loads(cli(runner, "diff", "national", "liaoning", "--format", "json").output)
    counts = data["summary"]["by_status"]
    out = cli(runner, "diff", "national", "liaoning", columns=200).output
    lines = out.splitlines()
    assert lines[2] == "summary"
    first_section = lines.index("幼有所育", lines.index("summary") + 3)   # the first domain section after the counts
    head = "\n".join(lines[:first_section])
    compared = sum(n for s, n in counts.items() if s != "added")
    assert f"{compared} commitments of national against liaoning:" in head
    assert f"{counts['matches']} matches" in head and f"{counts['added']} added" in head
    assert "--all" in head                                            # says how to list them
    added = [r for r in data["rows"] if r["status"] == "added"]
    assert added and not any(f"   {r['right']['name']}:" in out or re.search(r"\badded\s*$", line)
                             for r in added[:1] for line in lines[first_section:])
    assert not any(re.search(r"\s added\s*$", line) for line in lines[first_section:])   # no added row listed
    listed = cli(runner, "diff", "national", "liaoning", "--all", columns=200).output
    assert sum(bool(re.search(r"\s added(\s|$)", line)) for line in listed.splitlines()) >= len(added)
    only = cli(runner, "diff", "national", "liaoning", "--status", "added", columns=200).output
    assert re.search(r"\s added(\s|$)", only.split("幼有所育", 2)[-1])


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_other_formats_keep_every_row(runner, fmt):
    data = json.loads(cli(runner, "diff", "national", "fujian", "--format", "json").output)
    out = cli(runner, "diff", "national", "fujian", "--format", fmt).output
    added = sum(r["status"] == "added" for r in data["rows"])
    if fmt == "csv":
        assert sum(r["status"] == "added" for r in csv.DictReader(io.StringIO(out))) == added
    elif fmt == "markdown":
        assert out.index("## Summary") < out.index("## 幼有所育")
        assert out.count("**added**") == added
    else:
        assert data["summary"]["by_status"]["added"] == added > 0


def test_targets_matrix_and_show_open_with_summary_and_legend(runner):
    targets = cli(runner, "targets").output
    assert targets.index("legend:") < targets.index("幼有所育")
    assert re.search(r"^liaoning: .*matches", targets, re.M)
    matrix = cli(runner, "matrix").output
    assert matrix.index("legend:") < matrix.index("exceeded") < matrix.index("幼有所育")
    show = cli(runner, "show", "gansu").output
    assert show.index("source gap") < show.index("幼有所育")
    detail = cli(runner, "show", "national", "nursery-places-per-1000").output
    assert detail.splitlines()[1].startswith("verdict: ") and "liaoning below" in detail.splitlines()[1]


# --- 2. every terminal -------------------------------------------------------------------------

VIEWS = [("diff", "national", "liaoning"), ("diff", "national", "gansu", "--lang", "zh", "--evidence"),
         ("targets",), ("matrix", "--kind", "services"), ("stats",), ("show", "fujian"), ("search", "托位")]


@pytest.mark.parametrize("columns", [60, 80, 120, 200])
@pytest.mark.parametrize("argv", VIEWS, ids=lambda a: " ".join(a))
def test_no_line_is_wider_than_the_width(runner, argv, columns):
    out = cli(runner, *argv, columns=columns).output
    too_wide = [line for line in out.splitlines() if width(line) > columns]
    assert not too_wide, too_wide[:3]


@pytest.mark.parametrize("columns", [60, 80, 120, 200])
def test_narrow_widths_give_up_score_then_kind_before_names(runner, columns):
    out = cli(runner, "diff", "national", "liaoning", columns=columns).output
    header = next(line for line in out.splitlines() if line.split()[:1] in (["kind"], ["national"]))
    assert ("score" in header) == (columns >= 120)
    assert ("kind" in header) == (columns >= 100)
    assert ("notes" in header) == (columns >= 80)
    if columns < 100:
        assert "幼有所育 · targets" in out                   # the kind moved into the section title


def test_piped_width_is_100_without_columns_and_columns_wins_in_a_pipe():
    # no controlling terminal (a session of its own) and stderr a pipe: no terminal to follow
    default = subprocess_run("diff", "national", "liaoning", env={"COLUMNS": None}, start_new_session=True).stdout.decode()
    assert max(map(width, default.splitlines())) == 100
    wide = subprocess_run("diff", "national", "liaoning", env={"COLUMNS": "140"}).stdout.decode()
    assert max(map(width, wide.splitlines())) == 140


def test_wrapping_keeps_latin_words_and_follows_chinese_line_breaking(runner):
    from plancmp.render.textgrid import NO_END, NO_START, CellText, wrap

    texts = ["对规划实施进行监督，增强社会各方的认同感和参与公共服务体系建设积极性。",
             "每千人口拥有3岁以下婴幼儿托位数（个）达到4.5个，“两免一补”政策《纲要》全覆盖；",
             "planned change: national +2.7, liaoning +1: a smaller gain than national",
             "养老机构护理型床位占比 38% (2020) → 55% [%] 约束性 employment-service-network"]
    for text in texts:
        cell = CellText(text)
        latin = re.findall(r"[A-Za-z0-9.%+:\[\]()-]+", text)
        for w in range(8, 40):
            lines = [text[a:b] for a, b, _ in wrap(cell, w)]
            assert all(width(line) <= w for line in lines), (text, w)
            assert not any(line[:1] in NO_START for line in lines[1:]), (text, w, lines)
            assert not any(line[-1:] in NO_END for line in lines[:-1]), (text, w, lines)
            for word in latin:
                if width(word) <= w and "-" not in word:
                    assert any(word in line for line in lines), (word, w, lines)


def test_colour_switches(runner):
    args = ("diff", "national", "liaoning", "--kind", "targets")
    assert "\x1b[" not in cli(runner, *args).output                              # a pipe: no colour
    assert "\x1b[" in cli(runner, *args, "--color", "always").output
    assert "\x1b[" in cli(runner, *args, FORCE_COLOR="1").output
    assert "\x1b[" not in cli(runner, *args, FORCE_COLOR="1", NO_COLOR="1").output
    assert "\x1b[" not in cli(runner, *args, "--color", "never", FORCE_COLOR="1").output
    coloured = cli(runner, *args, "--color", "always").output
    assert ESC.sub("", coloured) == cli(runner, *args).output                   # colour only adds codes
    assert "\x1b[" in cli(runner, "targets", "--color", "always").output
    proc = subprocess_run(*args, "--color", "always")
    assert b"\x1b[" in proc.stdout


def test_colour_never_reaches_a_file_unless_asked(runner, tmp_path):
    out = tmp_path / "diff.txt"
    result = cli(runner, "diff", "national", "liaoning", "--out", str(out), FORCE_COLOR="1")
    assert result.exit_code == 0 and "\x1b[" not in out.read_text(encoding="utf-8")


# --- 3. Chinese labels ---------------------------------------------------------------------------

def test_labels_are_data_in_both_languages():
    from plancmp.core.verdicts import STATUSES

    statuses = read_yaml(ROOT / "plancmp" / "vocab" / "statuses.yaml")
    assert {s: statuses["statuses"][s]["words"]["zh"] for s in STATUSES} == ZH
    labels = read_yaml(ROOT / "plancmp" / "vocab" / "labels.yaml")
    for group in labels.values():
        for entry in group.values():
            assert set(entry) == {"en", "zh"} and all(entry.values()), entry


def test_lang_zh_labels_verdicts_headers_and_summary(runner):
    out = cli(runner, "diff", "national", "liaoning", "--lang", "zh", columns=200).output
    assert "概要" in out and "领域" in out and "判断" in out and "合计" in out
    for status in ("exceeds", "matches", "below", "not-comparable", "omitted", "added"):
        assert ZH[status] in out
    assert "summary" not in out and "verdict" not in out
    summary = out.split("\n\n")[1]
    assert "不可比" in summary and "not comparable" not in summary


def test_lang_defaults_from_the_locale_and_json_keeps_english_codes(runner):
    from plancmp.core.verdicts import STATUSES

    zh = cli(runner, "diff", "national", "gansu", LANG="zh_CN.UTF-8").output
    assert "概要" in zh
    assert "概要" not in cli(runner, "diff", "national", "gansu", LANG="zh_CN.UTF-8", LC_ALL="C.UTF-8").output
    assert "summary" in cli(runner, "diff", "national", "gansu", "--lang", "en", LANG="zh_CN.UTF-8").output
    data = json.loads(cli(runner, "diff", "national", "gansu", "--format", "json", "--lang", "zh").output)
    assert {r["status"] for r in data["rows"]} <= set(STATUSES)


def test_report_in_chinese(runner, tmp_path):
    out = tmp_path / "report.html"
    assert cli(runner, "report", "--out", str(out), "--lang", "zh").exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "概要" in page and "持平或高于" in page and '<html lang="zh-Hans">' in page
    assert all(ZH[s] in page for s in ("exceeds", "matches", "below", "omitted", "unknown"))


# --- 4. binding and year ---------------------------------------------------------------------------

def national_targets() -> dict:
    raw = read_yaml(DATA / "plans" / "national.yaml")
    return {t["id"]: t for t in raw["targets"]}


def test_binding_and_year_in_every_diff_format(runner):
    raw = national_targets()
    data = json.loads(cli(runner, "diff", "national", "liaoning", "-k", "targets", "-f", "json").output)
    for row in data["rows"]:
        if row["left"]:
            t = raw[row["left"]["id"]]
            assert row["left"]["binding"] == t.get("binding") and row["left"]["year"] == t.get("year", 2025)
    rows = list(csv.DictReader(io.StringIO(cli(runner, "diff", "national", "liaoning", "-k", "targets", "-f", "csv").output)))
    assert {"binding", "left_year", "left_binding", "right_year", "right_binding"} <= set(rows[0])
    assert any(r["left_binding"] == "约束性" and r["left_year"] == "2025" for r in rows)
    assert "(2025, 约束性)" in cli(runner, "diff", "national", "liaoning", "-k", "targets", columns=200).output
    assert "(2025, 约束性)" in cli(runner, "diff", "national", "liaoning", "-k", "targets", "-f", "markdown").output


@pytest.mark.parametrize("binding", ["约束性", "预期性"])
def test_binding_filters_every_command_that_lists_targets(runner, binding):
    raw = national_targets()
    rows = json.loads(cli(runner, "diff", "national", "liaoning", "--binding", binding, "-f", "json").output)["rows"]
    assert rows and all(r["kind"] == "targets" for r in rows)
    assert all((r["left"] or r["right"])["binding"] == binding for r in rows)
    grid = json.loads(cli(runner, "targets", "--binding", binding, "-f", "json").output)
    assert grid["rows"] and all(r["cells"][r["origin"]]["binding"] == binding for r in grid["rows"])
    matrix = json.loads(cli(runner, "matrix", "--binding", binding, "-f", "json").output)
    assert sorted(r["id"] for r in matrix["rows"]) == sorted(
        i for i, t in raw.items() if t.get("binding") == binding and not t.get("restates"))
    shown = json.loads(cli(runner, "show", "national", "--binding", binding, "-f", "json").output)["items"]
    assert shown and all(i["kind"] == "targets" and i["binding"] == binding for i in shown)
    english = cli(runner, "diff", "national", "liaoning", "--binding", "binding" if binding == "约束性" else "expected", "-f", "json")
    assert english.output == cli(runner, "diff", "national", "liaoning", "--binding", binding, "-f", "json").output
    assert cli(runner, "diff", "national", "liaoning", "--binding", "strict").exit_code == 2


def test_year_and_binding_in_matrix_show_and_targets(runner):
    assert "(2025, 约束性)" in cli(runner, "matrix", columns=200).output
    assert "(2025, 约束性)" in cli(runner, "targets", columns=200).output
    assert "(2025, 预期性)" in cli(runner, "show", "national", columns=200).output
    rows = list(csv.DictReader(io.StringIO(cli(runner, "matrix", "-f", "csv").output)))
    assert {"year", "binding"} <= set(rows[0]) and any(r["binding"] == "约束性" for r in rows)


# --- 5. Excel --------------------------------------------------------------------------------------

openpyxl = pytest.importorskip("openpyxl")


def test_xlsx_is_byte_identical_text_stays_text_and_needs_out(runner, tmp_path):
    from plancmp.render.sheets import Sheet, Verdict
    from plancmp.render.xlsx import workbook_bytes

    paths = [tmp_path / "a.xlsx", tmp_path / "b.xlsx"]
    for p in paths:
        assert cli(runner, "diff", "national", "liaoning", "-f", "xlsx", "-o", str(p)).exit_code == 0
    assert paths[0].read_bytes() == paths[1].read_bytes()
    wb = openpyxl.load_workbook(paths[0])
    assert not any(c.data_type == "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    (tmp_path / "f.xlsx").write_bytes(workbook_bytes([Sheet("s", ["a", "b"], [['=HYPERLINK("x")', Verdict("低于", "below")]])]))
    cell, verdict = openpyxl.load_workbook(tmp_path / "f.xlsx")["s"]["A2":"B2"][0]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("x")'
    assert verdict.value == "低于" and verdict.fill.fgColor.rgb.endswith("CF222E")
    result = cli(runner, "diff", "national", "liaoning", "-f", "xlsx")
    assert result.exit_code == 2 and "--out" in result.output


def test_xlsx_refuses_what_is_not_a_regular_file(runner, tmp_path):
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    link = tmp_path / "link.xlsx"
    link.symlink_to(tmp_path / "elsewhere.xlsx")
    for target in (fifo, link, tmp_path):
        result = cli(runner, "stats", "-f", "xlsx", "-o", str(target))
        assert result.exit_code == 2, (target, result.output)
    assert not (tmp_path / "elsewhere.xlsx").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_xlsx_through_the_installed_command(tmp_path):
    path = tmp_path / "t.xlsx"
    proc = subprocess_run("targets", "--format", "xlsx", "--out", str(path), "--lang", "zh")
    assert proc.returncode == 0, proc.stderr
    assert openpyxl.load_workbook(path).sheetnames == ["概要", "对照表", "指标"]


def test_csv_bom(runner):
    plain = cli(runner, "targets", "-f", "csv").output
    bom = cli(runner, "targets", "-f", "csv", "--bom").output
    assert bom == "\ufeff" + plain and not plain.startswith("\ufeff")
    assert cli(runner, "diff", "national", "gansu", "-f", "csv", "--bom").output.startswith("\ufeffkind,")


# --- 6. finding things ------------------------------------------------------------------------------

@pytest.mark.parametrize("args,hint", [
    (["diff", "national", "liaonig"], "did you mean liaoning?"),
    (["diff", "national", "liaoning", "--kind", "taregts"], "did you mean targets?"),
    (["diff", "national", "liaoning", "--status", "omited"], "did you mean omitted?"),
    (["diff", "national", "liaoning", "--domain", "eldrly"], "did you mean elderly?"),
    (["targets", "--plans", "gansuu"], "did you mean gansu?"),
])
def test_did_you_mean(runner, args, hint):
    result = cli(runner, *args)
    assert result.exit_code == 2 and hint in result.output


def test_a_singular_kind_is_read_as_its_plural(runner):
    assert json.loads(cli(runner, "matrix", "--kind", "service", "-f", "json").output)["kind"] == "services"


def test_several_domains_and_kinds(runner):
    rows = json.loads(cli(runner, "diff", "national", "fujian", "--domain", "养老,医疗", "-f", "json").output)["rows"]
    assert {r["domain"] for r in rows} == {"老有所养", "病有所医"}
    grid = json.loads(cli(runner, "targets", "--domain", "养老，医疗", "-f", "json").output)
    assert {r["domain"] for r in grid["rows"]} == {"老有所养", "病有所医"}
    matrix = json.loads(cli(runner, "matrix", "--kind", "services,tasks", "--domain", "养老,医疗", "-f", "json").output)
    assert [m["kind"] for m in matrix["kinds"]] == ["services", "tasks"]
    assert all({r["domain"] for r in m["rows"]} <= {"老有所养", "病有所医"} for m in matrix["kinds"])
    for m in matrix["kinds"]:
        single = json.loads(cli(runner, "matrix", "--kind", m["kind"], "-d", "养老", "-f", "json").output)
        assert [r for r in m["rows"] if r["domain"] == "老有所养"] == single["rows"]
    shown = json.loads(cli(runner, "show", "liaoning", "--kind", "services,tasks", "-f", "json").output)
    assert {i["kind"] for i in shown["items"]} == {"services", "tasks"}


def test_show_by_chinese_name_or_part(runner):
    by_part = json.loads(cli(runner, "show", "national", "托位", "-f", "json").output)
    assert by_part["item"]["id"] == "nursery-places-per-1000"
    by_name = json.loads(cli(runner, "show", "辽宁", "每千人口拥有3岁以下婴幼儿托位数", "-f", "json").output)
    assert by_name["item"]["id"] == "nursery-places-per-1000"
    several = cli(runner, "show", "national", "养老")
    assert several.exit_code == 2 and "elderly-care-beds-total" in several.output and "name one by its id" in several.output


def test_search_finds_items_and_sentences(runner):
    data = json.loads(cli(runner, "search", "托位", "-f", "json").output)
    hits = data["hits"]
    assert {h["plan"] for h in hits} == {"national", "fujian", "gansu", "liaoning"}
    national = next(h for h in hits if h["plan"] == "national" and h["id"] == "nursery-places-per-1000")
    assert national["kind"] == "targets" and national["status"] == "reference"
    assert national["file"] == "data/sources/national.txt" and national["line"] == 89
    liaoning = next(h for h in hits if h["plan"] == "liaoning" and h["id"] == "nursery-places-per-1000")
    assert liaoning["status"] == "below" and liaoning["counterpart"] == "nursery-places-per-1000"
    assert any(h["kind"] == "sentence" and h["line"] for h in hits)
    only = json.loads(cli(runner, "search", "托位", "--plans", "甘肃", "--items", "-f", "json").output)["hits"]
    assert only and {h["plan"] for h in only} == {"gansu"} and all(h["kind"] != "sentence" for h in only)
    proc = subprocess_run("search", "异地就医", "--plans", "gansu", env={"COLUMNS": "200"})
    assert proc.returncode == 0 and b"data/sources/gansu.txt:137" in proc.stdout


def test_search_folds_case_as_its_help_says(runner):
    upper = json.loads(cli(runner, "search", "APP", "-f", "json").output)["hits"]
    assert upper and json.loads(cli(runner, "search", "app", "-f", "json").output)["hits"] == upper


# --- 7. CLI conventions ----------------------------------------------------------------------------

def test_version_completion_and_usage_lines(runner):
    from plancmp import __version__

    assert cli(runner, "-V").output.strip() == f"plancmp {__version__}"
    top = cli(runner, "--help").output
    assert "--install-completion" in top and "-V" in top
    # a required argument by its name (typer would write {A}), an optional one as [NAME]
    assert re.search(r"Usage: plancmp diff \[OPTIONS\] A B\s*$", cli(runner, "diff", "--help").output, re.M)
    assert "plancmp show [OPTIONS] PLAN [ITEM]" in cli(runner, "show", "--help").output
    assert "plancmp search [OPTIONS] TEXT" in cli(runner, "search", "--help").output
    assert "plancmp new [OPTIONS] ID" in cli(runner, "new", "--help").output
    assert "plancmp validate [OPTIONS] [PATH]..." in cli(runner, "validate", "--help").output
    assert "plancmp claims [OPTIONS] [PRESS]" in cli(runner, "claims", "--help").output
    missing = cli(runner, "diff", "national")                      # the usage line of an error too
    assert missing.exit_code == 2 and "Usage: plancmp diff [OPTIONS] A B" in missing.output
    assert not re.search(r"\{[A-Z]+\}", cli(runner, "diff", "--help").output + missing.output)
    targets = cli(runner, "targets", "--help").output
    assert "[text]" in targets and "[box]" in targets


# --- 8. validate for people and CI -------------------------------------------------------------------

def test_validate_accepts_folders(runner):
    result = cli(runner, "validate", "data/")
    assert result.exit_code == 0 and "0 errors" in result.output
    folder = cli(runner, "validate", str(DATA / "plans"), "--format", "json")
    assert {os.path.basename(f) for f in json.loads(folder.output)["files"]} >= {"national.yaml", "gansu.yaml"}


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_an_unreadable_file_is_a_finding_and_the_others_are_checked(runner, fmt, tmp_path):
    missing = tmp_path / "gone.yaml"
    result = cli(runner, "validate", str(missing), str(DATA / "plans" / "gansu.yaml"), "--format", fmt)
    assert result.exit_code == 2
    assert "file-unreadable" in result.output and "gone.yaml" in result.output
    if fmt == "json":
        data = json.loads(result.output)
        assert any(f.endswith("gansu.yaml") for f in data["files"])
