"""The report printed by a real headless Chromium (`chromium --print-to-pdf`, A4), read back page
by page with pypdf: at most 20 pages for the three provinces, no heading left alone at a page
foot, every quote the page shows printed (the supported press claims are left out on purpose:
print lists the exceptions), and every page numbered and stamped at its foot.

The PDF's text layer is not the page's text character for character: Chromium writes one code
point per glyph, so a character whose glyph a CJK font shares with another may come back as the
other (民 as the radical ⺠, 户 as 戶, a dash as ―, —— as one ⸺). `found` allows that: the same
length, ASCII exact, a few other characters different.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from plancmp.cli import app

from conftest import DATA

pytestmark = pytest.mark.slow   # ~45 s: two prints, and pypdf reads ~0.7 s a page of CJK text

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
NO_BROWSER = "chromium is not installed: run `make browser` (apt-get install chromium) to run the print test"
MAX_PAGES = 20
A4 = (595.3, 841.9)          # points
FOOT = 30                    # points from the bottom edge: the margin boxes (page number, stamp)


def norm(text: str) -> str:
    """Compatibility forms folded (the Kangxi radicals the text layer uses for 一, 人 …), no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace("\u2014\u2014", "\u2e3a")


def found(quote: str, text: str) -> bool:
    """The quote is in the text, but for a few non-ASCII characters the text layer spells with
    another code point of the same glyph (module docstring): same length, ASCII exact."""
    n = norm(quote)
    if n in text:
        return True
    allowed = max(2, len(n) // 5)
    for offset in range(0, max(1, len(n) - 4), 3):
        gram = n[offset:offset + 4]
        at = text.find(gram)
        while at >= 0:
            candidate = text[at - offset:at - offset + len(n)] if at >= offset else ""
            if len(candidate) == len(n):
                differ = [(a, b) for a, b in zip(n, candidate) if a != b]
                if len(differ) <= allowed and all(ord(a) > 0x7F and ord(b) > 0x7F for a, b in differ):
                    return True
            at = text.find(gram, at + 1)
    return False


class Shown(HTMLParser):
    """From the report's HTML: its headings (h1–h4 and each heatmap table's kind line), the quotes
    print shows (every blockquote but those of the supported press claims, tr.ok) and the
    supported claims' own words, which print leaves out."""

    def __init__(self):
        super().__init__()
        self.headings: list[str] = []
        self.quotes: list[str] = []
        self.left_out: list[str] = []
        self._rows: list[bool] = []
        self._open: tuple[str, list[str]] | None = None
        self._thead = False
        self._ths = 0
        self._table = ""
        self._details = 0
        self.cards: list[list[str]] = []   # each province card's text
        self._card = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr":
            self._rows.append(a.get("class") == "ok")
        elif tag == "thead":
            self._thead, self._ths = True, 0
        elif tag == "details":
            self._details += 1
        if tag in ("h1", "h2", "h3", "h4", "blockquote"):
            self._open = (tag, [])
        elif tag == "th" and self._thead:
            self._ths += 1
            if self._ths == 1 and "heatmap" in self._table:
                self._open = ("th", [])
        if tag == "table":
            self._table = a.get("class") or ""
        if tag == "article" and a.get("class") == "card":
            self._card = True
            self.cards.append([])

    def handle_endtag(self, tag):
        if tag == "tr" and self._rows:
            self._rows.pop()
        elif tag == "thead":
            self._thead = False
        elif tag == "details":
            self._details -= 1
        elif tag == "article":
            self._card = False
        if self._open and tag == self._open[0]:
            text = "".join(self._open[1])
            if tag != "blockquote":
                self.headings.append(text)
            elif not any(self._rows):
                self.quotes.append(text)
            elif not self._details:   # a supported claim's own words (its plan items are quoted elsewhere)
                self.left_out.append(text)
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._open[1].append(data)
        if self._card:
            self.cards[-1].append(data)


def pages_of(pdf: Path) -> list[dict]:
    """Each page: its size, its body text in the order drawn, its lowest line, and its foot."""
    from pypdf import PdfReader

    out = []
    for page in PdfReader(pdf).pages:
        items: list[tuple[float, str]] = []

        def visit(text, cm, tm, font, size, items=items):
            if text.strip():
                items.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))   # y on the page, in points

        page.extract_text(visitor_text=visit)
        body = [(y, t) for y, t in items if y > FOOT]
        low = min((y for y, _ in body), default=0)
        out.append({"size": (float(page.mediabox.width), float(page.mediabox.height)),
                    "body": norm("".join(t for _, t in body)),
                    "lowest": norm("".join(t for y, t in body if abs(y - low) < 1.5)),
                    "foot": " ".join(t for y, t in items if y <= FOOT)})
    return out


@pytest.fixture(scope="module", params=["en", "zh"])
def printed(request, tmp_path_factory):
    from typer.testing import CliRunner

    pytest.importorskip("pypdf", reason="pypdf is in the test extra: pip install -e '.[test]'")
    if BROWSER is None:
        if os.environ.get("CI"):   # CI installs chromium through `make browser`: a skip there would hide a gap
            pytest.fail(NO_BROWSER)
        pytest.skip(NO_BROWSER)
    folder = tmp_path_factory.mktemp(f"print-{request.param}")
    html, pdf = folder / "report.html", folder / "report.pdf"
    result = CliRunner().invoke(app, ["report", "--out", str(html), "--lang", request.param])
    assert result.exit_code == 0, result.output
    proc = subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
                           f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                           html.as_uri()], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0 and pdf.is_file(), proc.stderr[-2000:]
    shown = Shown()
    shown.feed(html.read_text(encoding="utf-8"))
    return {"lang": request.param, "html": html.read_text(encoding="utf-8"), "shown": shown, "pages": pages_of(pdf)}


def test_the_three_provinces_print_on_at_most_20_a4_pages(printed):
    pages = printed["pages"]
    assert 3 <= len(pages) <= MAX_PAGES, len(pages)
    assert all(abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2 for w, h in (p["size"] for p in pages))
    provinces = sorted(p.stem for p in (DATA / "plans").glob("*.yaml") if p.stem != "national")
    assert provinces[0] in pages[0]["body"]   # the summary, its first province card on the first page


def test_no_heading_is_alone_at_a_page_foot(printed):
    headings = {norm(h) for h in printed["shown"].headings} - {""}
    assert len(headings) > 30   # domains, kinds, sections, cards' Strongest and Weakest
    for number, page in enumerate(printed["pages"][:-1], 1):
        lowest, body = page["lowest"], page["body"]
        alone = [h for h in headings if body.endswith(h) or (len(lowest) >= 2 and h.endswith(lowest))]
        assert not alone, (number, alone, lowest)


def test_each_province_card_is_on_one_page(printed):
    cards = [norm("".join(c)) for c in printed["shown"].cards]
    assert len(cards) == len([p for p in (DATA / "plans").glob("*.yaml") if p.stem != "national"])
    unquoted = lambda text: text.replace("「", "").replace("」", "")   # noqa: E731 (print puts quotes in brackets)
    for card in cards:   # its heading and its last words (the last point's evidence) on one page
        head, tail = card[:12], card[-24:]
        assert any(found(head, unquoted(p["body"])) and found(tail, unquoted(p["body"])) for p in printed["pages"]), (head, tail)


def test_every_quote_the_page_shows_is_printed(printed):
    text = "".join(p["body"] for p in printed["pages"])
    quotes = printed["shown"].quotes
    assert len(set(quotes)) > 400
    missing = sorted({q for q in quotes if not found(q, text)})
    assert not missing, (len(missing), missing[:5])


def test_print_lists_the_press_claims_exceptions_and_counts_the_supported(printed):
    text = "".join(p["body"] for p in printed["pages"])
    shown = norm("".join(printed["shown"].quotes))
    # a supported claim's words, unless the plan says the same words somewhere print shows them
    left_out = [norm(q) for q in printed["shown"].left_out if norm(q) not in shown]
    assert len(left_out) > 10 and not [q for q in left_out if q in text]   # supported: in the HTML only
    said = re.search(r"(\d+) of (\d+) claims supported|(\d+) 条说法中 (\d+) 条有依据", printed["html"]).group(0)
    assert norm(said) in text


def test_every_page_has_its_number_and_the_stamp_at_its_foot(printed):
    digest = re.search(r'<code title="BLAKE2b ([0-9a-f]{32})">', printed["html"]).group(1)[:12]
    pages = printed["pages"]
    for number, page in enumerate(pages, 1):
        foot = norm(page["foot"])   # NFKC: a digest's "ff" may come out of the PDF as the ligature ﬀ
        assert f"{number}/{len(pages)}" in foot and digest in foot, (number, page["foot"])
