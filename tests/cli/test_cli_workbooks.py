"""Workbooks an analyst sorts and prints (issue 23, item 1): every `--format xlsx` reopens with
openpyxl with a title row naming the plans, plancmp's version and the --date given; a frozen
header and name column; numbers as numbers; internal fields last; print setup (landscape,
fit to width, header rows repeated, page numbers); verdict cells in the verdict's colour;
and converts to PDF with LibreOffice where it is installed."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from plancmp import __version__
from plancmp.cli import app
from plancmp.core.verdicts import CATALOGUE

openpyxl = pytest.importorskip("openpyxl")

WORKBOOKS = {
    "diff": ["diff", "national", "liaoning"],
    "targets": ["targets"],
    "matrix": ["matrix"],
    "stats": ["stats"],
    "added": ["added"],
    "search": ["search", "托位"],
    "show": ["show", "gansu"],
    "claims": ["claims"],
}


def workbook(runner, tmp_path: Path, name: str, *extra: str):
    path = tmp_path / f"{name}.xlsx"
    result = runner.invoke(app, [*WORKBOOKS[name], "--format", "xlsx", "--out", str(path), *extra])
    assert result.exit_code == 0, result.output
    return path, openpyxl.load_workbook(path)


def header(ws) -> list:
    return [c.value for c in ws[2]]


def rows(ws) -> list[dict]:
    head = header(ws)
    return [dict(zip(head, r)) for r in ws.iter_rows(min_row=3, values_only=True)]


@pytest.mark.parametrize("name", list(WORKBOOKS))
def test_every_workbook_has_a_title_row_a_frozen_header_and_name_and_print_setup(runner, tmp_path, name):
    _, wb = workbook(runner, tmp_path, name)
    for ws in wb.worksheets:
        title = ws["A1"].value
        assert f"plancmp {__version__}" in title and ws["A1"].font.bold
        assert all(c.font.bold for c in ws[2] if c.value)                 # the header, row 2
        assert ws.freeze_panes and ws.freeze_panes[0] != "A" and ws.freeze_panes.endswith("3")   # header + name column
        assert ws.auto_filter.ref.startswith("A2:")
        assert ws.print_title_rows == "$1:$2"                             # repeated on every page
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert "&P" in ws.oddFooter.right.text                            # page numbers
        body = [c for row in ws.iter_rows(min_row=3) for c in row if c.value is not None]
        assert all(c.alignment.vertical == "top" and c.alignment.wrap_text for c in body)


def test_the_title_row_names_the_plans_and_the_date_given(runner, tmp_path):
    path, wb = workbook(runner, tmp_path, "diff")
    title = wb["targets"]["A1"].value
    assert "(national)" in title and "(liaoning)" in title and "2025" not in title.split("plancmp")[1]
    again, _ = workbook(runner, tmp_path / "..", "diff")
    assert path.read_bytes() == again.read_bytes()                        # no date: the same bytes
    _, dated = workbook(runner, tmp_path, "diff", "--date", "2025-06-30")
    assert dated["targets"]["A1"].value.endswith("2025-06-30")


def test_diff_targets_sheet_holds_numbers_comparators_units_and_years(runner, tmp_path):
    _, wb = workbook(runner, tmp_path, "diff")
    assert wb.sheetnames == ["summary", "targets", "services", "tasks"]
    ws = wb["targets"]
    head = header(ws)
    assert head[:2] == ["domain", "national name"] and ws.freeze_panes == "C3"   # the name stays in view
    nursery = next(r for r in rows(ws) if r["national name"] == "每千人口拥有3岁以下婴幼儿托位数")
    assert nursery["liaoning baseline"] == 2 and nursery["liaoning target"] == 3
    assert nursery["liaoning comparator"] == "≥" and nursery["liaoning unit"] == "个"
    assert nursery["national baseline"] == 1.8 and nursery["national baseline year"] == 2020
    assert nursery["liaoning year"] == 2025 and nursery["liaoning as written"] == "2 → ≥3 个"
    assert nursery["verdict"] == "below"
    # internal fields (ids, symbol, score, confidence) last
    internal = ["symbol", "national id", "liaoning id", "score", "confidence", "further items"]
    assert head[-len(internal):] == internal
    cell = next(c for c in ws[3 + rows(ws).index(nursery)] if c.value == "below")
    assert cell.fill.fgColor.rgb.endswith(CATALOGUE["below"].fill)          # the verdict's colour
    summary = rows(wb["summary"])
    assert summary[-1]["domain"] == "all" and isinstance(summary[-1]["all"], int)


def test_matrix_without_kind_holds_every_kind_and_coverage_over_all_of_them(runner, tmp_path):
    _, wb = workbook(runner, tmp_path, "matrix")
    assert wb.sheetnames == ["coverage", "targets", "services", "tasks"]
    coverage = rows(wb["coverage"])
    every = [r for r in coverage if r["kind"] == "all kinds"]
    assert {r["plan"] for r in every} == {"fujian", "gansu", "liaoning"}
    whole = next(r for r in every if r["plan"] == "liaoning" and r["domain"] == "(all)")
    kinds = [r for r in coverage if r["plan"] == "liaoning" and r["domain"] == "(all)" and r["kind"] != "all kinds"]
    assert whole["national items"] == sum(r["national items"] for r in kinds)   # 127 and more: every commitment
    assert isinstance(whole["matched or exceeded"], int) and 0 < whole["matched or exceeded (share)"] <= 1
    column = header(wb["coverage"]).index("matched or exceeded (share)")
    assert all(row[column].number_format == "0%" for row in wb["coverage"].iter_rows(min_row=3))
    targets = rows(wb["targets"])
    assert any(isinstance(r["target"], (int, float)) for r in targets)
    assert {r["liaoning"] for r in targets} <= {CATALOGUE[s].words["en"] for s in CATALOGUE}


def test_zh_headers_and_words(runner, tmp_path):
    _, wb = workbook(runner, tmp_path, "diff", "--lang", "zh")
    assert wb.sheetnames == ["概要", "指标", "服务", "任务"]
    head = header(wb["指标"])
    assert "领域" in head and any("基期值" in h for h in head) and any("目标值" in h for h in head)
    assert "低于" in {r["判断"] for r in rows(wb["指标"])}


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed: `make office` installs libreoffice-calc with apt")
@pytest.mark.parametrize("name", ["diff", "targets", "matrix", "stats", "added"])
def test_every_workbook_converts_to_pdf_with_libreoffice(runner, tmp_path, name):
    path, _ = workbook(runner, tmp_path, name)
    env = {**os.environ, "HOME": str(tmp_path)}   # a profile of its own: runs in parallel never share one
    proc = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                          capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    pdf = path.with_suffix(".pdf")
    assert pdf.is_file() and pdf.read_bytes()[:4] == b"%PDF"
