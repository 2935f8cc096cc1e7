"""The report's HTML comes from Jinja2 templates with autoescaping: whatever text the data
holds (plan names, quotes, notes, values, claims) reaches the page as text, in element
content and in attributes alike; nothing in render/html.py writes markup or escapes by hand;
and Jinja2 is imported by `report` alone."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers_process import PageParts, imported_after

from plancmp.render import html

from conftest import DATA

PAYLOAD = '<img src=x onerror="alert(1)">\'"&amp;</textarea></style></script><script>alert(2)</script>{{ 7*7 }}'
# keys whose values are codes the renderer looks up (a verdict, a kind): not text a person wrote
CODES = {"status", "kind", "verdict", "basis", "confidence", "why", "flags", "origin", "plans", "reference", "layout"}


@pytest.fixture(scope="module")
def data() -> dict:
    from plancmp.ingest.workspace import Workspace
    from plancmp.views.report import report

    return report(Workspace(DATA))


def poisoned(value, key: str | None = None):
    """Every string of the report's data with the payload appended, every list of notes with
    the payload as one more note; codes (CODES) and dict keys left as they are."""
    if key in CODES:
        return value
    if isinstance(value, dict):
        return {k: poisoned(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [poisoned(v, key) for v in value]
        return items + [PAYLOAD] if key in ("notes", "reasons") else items
    if isinstance(value, tuple):
        return tuple(poisoned(v, key) for v in value)
    if isinstance(value, str) and key not in ("id", "counterpart", "domain", "digest", "short"):
        return value + PAYLOAD
    return value


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hostile_text_stays_text(data, lang):
    clean = PageParts()
    clean.feed(html.render(data, lang))
    page = html.render(poisoned(data), lang)
    parsed = PageParts()
    parsed.feed(page)
    # the kinds of element of the clean page, with the same attributes: the payload (and the
    # extra note) added text, never a tag or an attribute of its own
    kinds = lambda p: {(t, frozenset(a)) for t, a in p.tags}   # noqa: E731
    assert kinds(parsed) <= kinds(clean)
    assert "<img" not in page and not any(k.startswith("on") for _, a in parsed.tags for k in a)
    assert page.count("<script>") == 1 and page.count("</script>") == 1
    assert page.count("</style>") == 1 and "</textarea>" not in page
    text = "".join(parsed.text)
    assert text.count(PAYLOAD) > 1000   # read back as the very text the data held
    attributes = [v for _, a in parsed.tags for v in a.values() if v]
    assert sum(PAYLOAD in v for v in attributes) > 100   # titles, aria-labels, data-text …


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_hostile_text_stays_text_in_the_data_of_one_province_at_a_time(lang):
    """Over many provinces (layout "one") every province's cells are JSON in the page: a text
    that holds `</script>` or markup stays a string of that JSON, read back as the text it was."""
    import json
    import re

    from plancmp.ingest.workspace import Workspace
    from plancmp.views.report import report

    page = html.render(poisoned(report(Workspace(DATA), layout="one")), lang)
    assert page.count("</script>") == 3 and "<img" not in page and "</textarea>" not in page
    found = re.search(r'<script type="application/json" id="one-data">(.*?)</script>', page, re.S)
    assert found and "<" not in found.group(1)
    data = json.loads(found.group(1))
    strings = [s for p in data["plans"].values() for s in p["s"]] + data["g"]
    assert sum(PAYLOAD in s for s in strings) > 100   # quotes, names, notes: the very text the data held


def test_text_in_data_is_never_a_template(data):
    page = html.render(poisoned(data), "en")
    assert "{{ 7*7 }}" in page and ">49<" not in page


def test_the_templates_escape_and_the_code_writes_no_markup():
    env = html.environment()
    assert env.autoescape is True
    source = Path(html.__file__).read_text(encoding="utf-8")
    assert "from html import" not in source and "escape(" not in source and "Markup(" not in source
    assert "<td" not in source and "<div" not in source and "<span" not in source
    templates = Path(html.__file__).parent / "templates" / "report"
    names = sorted(p.name for p in templates.glob("*.html"))
    assert "report.html" in names and len(names) > 1
    for name in names:   # `|safe` only for the package's own CSS and JS, and the JSON of html.one_data (`<` escaped)
        body = (templates / name).read_text(encoding="utf-8")
        assert body.count("|safe") == (4 if name == "report.html" else 0), name
    assert "{{ piece|safe }}" in (templates / "report.html").read_text(encoding="utf-8")


def test_css_string_cannot_leave_the_string():
    said = html.css_string('plancmp 0.1 · data </style><script>"\\\n;}')
    assert "<" not in said and '"' not in said and "\n" not in said and ";" not in said and "}" not in said
    assert said.startswith("plancmp 0.1 · data ")


def test_jinja2_is_imported_by_report_alone(tmp_path):
    for argv in (["diff", "national", "liaoning"], ["matrix"], ["targets"], ["show", "liaoning", "nursery-places-per-1000"],
                 ["claims"], ["--help"]):
        assert not {m for m in imported_after(argv) if m.split(".")[0] in ("jinja2", "markupsafe")}, argv
    assert "jinja2" in imported_after(["report", "--out", str(tmp_path / "r.html")])
