"""`plancmp report --out FILE`: one self-contained, escaped, reproducible HTML file."""
from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser

import yaml

from plancmp.cli import app
from plancmp.render import html

from conftest import DATA, PLANCMP


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def write_report(runner, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_report_is_self_contained(runner, tmp_path):
    page = write_report(runner, tmp_path)
    parsed = Collect()
    parsed.feed(page)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, tag          # no external script, image or frame
        assert not (tag == "link"), attrs       # no stylesheet or font link
        assert not attrs.get("href", "#").startswith(("http", "//")), attrs
    assert not re.search(r"@import|url\(|https?://", page.split("</style>")[0])
    assert "Noto Sans CJK SC" in page and "sans-serif" in page and "@media print" in page


def test_every_quote_of_every_plan_target_is_in_the_report(runner, tmp_path):
    parsed = Collect()
    parsed.feed(write_report(runner, tmp_path))
    text = "".join(parsed.text)
    for path in (DATA / "plans").glob("*.yaml"):
        for target in yaml.safe_load(path.read_text(encoding="utf-8"))["targets"]:
            assert target["evidence"]["quote"] in text, (path.stem, target["id"])


def test_source_gaps_and_summary_are_shown(runner, tmp_path):
    page = write_report(runner, tmp_path)
    for path in (DATA / "plans").glob("*.yaml"):
        for gap in yaml.safe_load(path.read_text(encoding="utf-8"))["source_gaps"]:
            assert html.e(" ".join(gap["section"].split())) in page
    assert 'id="summary"' in page and 'class="card"' in page


def test_text_is_escaped():
    assert html.e('<script>"&') == "&lt;script&gt;&quot;&amp;"
    gap = {"plan": "x", "id": "g", "section": "<b>", "description": "a & b", "domains": None, "kinds": [], "reveals": []}
    rendered = html._gaps([gap])
    assert "x: &lt;b&gt;</b>" in rendered and "a &amp; b" in rendered and "no items" in rendered


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
