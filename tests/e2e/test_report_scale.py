"""The report over many provinces grows with the provinces, not with their square (issue 26, item 4).

The same synthetic provinces (bench/generate.py: the first k of any run are the same) at 6, 12
and 18 provinces: the cells the page holds (its <td> elements and, over many provinces, the
cells of the page's JSON that the script writes in place) and its bytes. Grown linearly, the
second step adds what the first did; grown with the square, more. The page that shows every
province side by side (layout "full", the default up to 31 provinces) is measured the same
way and must show the square: the measure can tell.
"""
from __future__ import annotations

import json
import re
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow   # 36 provinces judged (~20 s)

SIZES = (6, 12, 18)


def held(page: str) -> int:
    """The cells a page holds: its <td> elements and the cells of its JSON (report-one.js's data)."""
    cells = page.count("<td")
    found = re.search(r'<script type="application/json" id="one-data">(.*?)</script>', page, re.S)
    if found:
        data = json.loads(found.group(1))
        cells += sum(len(p["h"]) + len(p["t"]) + len(p["o"]) for p in data["plans"].values())
    return cells


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, list[str]]:
    from plancmp.ingest.workspace import Workspace
    from plancmp.render import html
    from plancmp.views.report import report

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    out: dict[str, list[str]] = {"one": [], "full": []}
    for n in SIZES:
        ws = Workspace(generate(n, tmp_path_factory.mktemp(f"p{n}") / "data"))
        for layout in out:
            out[layout].append(html.render(report(ws, layout=layout), "en"))
    return out


def steps(values: list[int]) -> float:
    """The second step's growth over the first's: 1 when linear, more when the square shows."""
    a, b, c = values
    return (c - b) / (b - a)


def test_one_province_at_a_time_grows_linearly(pages):
    cells = [held(p) for p in pages["one"]]
    size = [len(p.encode()) for p in pages["one"]]
    assert steps(cells) <= 1.05, cells
    assert steps(size) <= 1.10, size


def test_every_province_side_by_side_grows_with_the_square(pages):
    """The control: the measure sees the square where the page has it (each province's own
    target rows hold a cell for every plan)."""
    cells = [held(p) for p in pages["full"]]
    assert steps(cells) >= 1.15, cells


def test_one_province_at_a_time_costs_a_bounded_page_per_province(pages):
    """About 66 kB a province in English: 300 provinces stay near 20 MB (bench/run.py measures it)."""
    size = [len(p.encode()) for p in pages["one"]]
    per_province = (size[-1] - size[0]) / (SIZES[-1] - SIZES[0])
    assert per_province < 70_000, per_province
