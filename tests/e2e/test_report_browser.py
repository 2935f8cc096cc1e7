"""The HTML report in a real headless Chromium (Debian's `chromium`, `make browser`).

Driven through the DevTools protocol over a pipe (--remote-debugging-pipe): no extra
package and no browser download. At three widths (360, 1024 and 1920 px) the page must
load with no console errors and no network request and never scroll sideways; the
coverage bars (inline SVG) must render with a size; the heatmaps must hold one cell per
national commitment and province, each showing the province's value; typing into the
filter box (and choosing a domain, verdict or 属性) must hide the rows that do not match;
clicking a cell must show its quote inside the window; and a PNG screenshot is written
(also to docs/report.png for the README, with PLANCMP_UPDATE_SCREENSHOT=1).
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from plancmp.cli import app

from conftest import DATA, ROOT, read_yaml

# one worker starts the browser (module-scoped) and runs every test of it (make test: -n auto)
pytestmark = pytest.mark.xdist_group("chromium")

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-pipe"]

NO_BROWSER = "chromium is not installed: run `make browser` (apt-get install chromium) to run the browser test"


class Chromium:
    """A minimal DevTools-protocol client over the pipe Chromium opens on fds 3 (in) and 4 (out)."""

    def __init__(self, profile: Path):
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        # move the child's ends out of the way of 3 and 4 before putting them there
        child_r, child_w = (os.dup(fd) for fd in (to_child_r, from_child_w))
        for fd in (to_child_r, from_child_w):
            os.close(fd)
        high_r, high_w = (_dup_high(fd) for fd in (child_r, child_w))

        def wire():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen([BROWSER, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     preexec_fn=wire, close_fds=False)  # closing would drop 3 and 4
        os.close(high_r)
        os.close(high_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30, session: str | None = None) -> dict:
        deadline = time.monotonic() + timeout

        def wanted(event: dict) -> bool:
            return event.get("method") == method and (session is None or event.get("sessionId") == session)

        for event in self.events:
            if wanted(event):
                return event
        while True:
            event = self._read(deadline)
            self.events.append(event)
            if wanted(event):
                return event

    def _read(self, deadline: float) -> dict:
        import select

        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_child], [], [], left)[0]:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe: " + self.proc.stderr.read().decode(errors="replace")[-2000:])
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_child, self._from_child):
            os.close(fd)


def _dup_high(fd: int) -> int:
    import fcntl

    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)   # not inherited; dup2 in the child makes 3/4
    os.close(fd)
    return high


def national_rows() -> dict[str, list[dict]]:
    """The national items each heatmap has a row for: every item but a target's restatement
    (a table value stated again in the text sits on its first statement's row)."""
    raw = read_yaml(DATA / "plans" / "national.yaml")
    return {kind: [i for i in raw[kind] if not i.get("restates")] for kind in ("targets", "services", "tasks")}


PROVINCES = sorted(p.stem for p in (DATA / "plans").glob("*.yaml") if p.stem != "national")
WIDTHS = (360, 1024, 1920)
SCREENSHOT_WIDTH = 1920   # docs/report.png: the first screen with the three provinces side by side


class View:
    """One tab at one width, with the report loaded."""

    def __init__(self, browser: Chromium, session: str, out: Path, width: int):
        self.browser, self.session, self.out, self.width = browser, session, out, width

    def js(self, expression: str):
        result = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                         "awaitPromise": True}, session=self.session)
        assert "exceptionDetails" not in result, result
        return result["result"].get("value")

    def events(self) -> list[dict]:
        return [e for e in self.browser.events if e.get("sessionId") == self.session]

    def errors(self) -> list[dict]:
        return [e for e in self.events() if e.get("method") == "Runtime.exceptionThrown"
                or (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "assert", "warning"))
                or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] in ("error", "warning"))]

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events() if e.get("method") == "Network.requestWillBeSent"]

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.browser.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                           "clickCount": 1}, session=self.session)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from typer.testing import CliRunner

    if BROWSER is None:
        if os.environ.get("CI"):   # CI installs chromium through `make browser`: a skip there would hide a gap
            pytest.fail(NO_BROWSER)
        pytest.skip(NO_BROWSER)

    out = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(app, ["report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    profile = Path(tempfile.mkdtemp(prefix="plancmp-chromium-"))
    chromium = Chromium(profile)
    try:
        yield chromium, out
    finally:
        chromium.close()
        shutil.rmtree(profile, ignore_errors=True)


def open_tab(chromium: Chromium, out: Path, width: int) -> tuple[View, str]:
    """A new tab of `width` px with the page at `out` loaded: its view and its target id."""
    target = chromium.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = chromium.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        chromium.send(f"{domain}.enable", session=session)
    chromium.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": width < 600}, session=session)
    chromium.send("Page.navigate", {"url": out.as_uri()}, session=session)
    chromium.wait_for("Page.loadEventFired", session=session)
    return View(chromium, session, out, width), target


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda w: f"{w}px")
def page(browser, request):
    chromium, out = browser
    view, target = open_tab(chromium, out, request.param)
    yield view
    assert view.errors() == [], view.errors()   # nothing the tests did made the page complain
    chromium.send("Target.closeTarget", {"targetId": target})


def test_page_loads_without_console_errors_or_network(page):
    assert page.js("document.readyState") == "complete"
    assert page.js("document.title").startswith("plancmp")
    assert page.errors() == []
    requests = page.requests()
    assert requests and all(url == page.out.as_uri() for url in requests), requests


def test_the_page_never_scrolls_sideways(page):
    widths = page.js("[document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth]")
    assert widths[0] <= widths[1] == page.width, widths
    # every element ends inside the window, unless a scroll box of its own holds it
    outside = page.js("""(() => {
        const w = document.documentElement.clientWidth, out = [];
        for (const el of document.querySelectorAll('body *')) {
            if (el.closest('.hscroll, td.cell .pop, details:not([open]) > :not(summary)')) continue;
            const r = el.getBoundingClientRect();
            if (r.width && (r.right > w + 0.5 || r.left < -0.5)) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
        }
        return out.slice(0, 10);
    })()""")
    assert outside == []


def test_the_coverage_bars_render(page):
    bars = page.js("""Array.from(document.querySelectorAll('#summary .card svg.bar')).map(svg => {
        const r = svg.getBoundingClientRect();
        return {plan: svg.closest('.card').dataset.plan, w: r.width, h: r.height,
                rects: Array.from(svg.querySelectorAll('rect')).map(x => {
                    const b = x.getBoundingClientRect();
                    return {n: +x.getAttribute('width'), w: b.width, h: b.height, fill: getComputedStyle(x).fill};
                })};
    })""")
    assert {b["plan"] for b in bars} == set(PROVINCES)
    domains = {i["domain"] for items in national_rows().values() for i in items}
    assert len(bars) == len(PROVINCES) * (len(domains) + 1)   # one per domain, and all domains
    for bar in bars:
        assert bar["w"] > 100 and bar["h"] >= 10, bar
        assert bar["rects"] and all(r["w"] > 0 and r["h"] > 0 for r in bar["rects"]), bar
        assert all(r["fill"] not in ("none", "rgb(0, 0, 0)") for r in bar["rects"]), bar   # coloured by bucket
    total = sum(len(items) for items in national_rows().values())
    first = {b["plan"]: sum(r["n"] for r in b["rects"]) for b in bars[::len(domains) + 1]}
    assert first == {p: total for p in PROVINCES}   # the all-domains bar counts every national commitment
    points = page.js("""Array.from(document.querySelectorAll('#summary .card')).map(c =>
        [c.dataset.plan, c.querySelectorAll('.points ol li.pt').length, c.querySelectorAll('.points li.pt > blockquote').length])""")
    assert all(n > 0 and quotes == n for _, n, quotes in points), points


def test_heatmap_has_one_cell_per_national_commitment_and_province(page):
    for kind, items in national_rows().items():
        cells = page.js(f"Array.from(document.querySelectorAll('table.heatmap[data-kind={kind}] td.cell'))"
                        ".map(td => td.dataset.item + '|' + td.dataset.plan)")
        assert len(cells) == len(set(cells)) == len(items) * len(PROVINCES), kind
        assert {c.split("|")[1] for c in cells} == set(PROVINCES)
    faces = page.js("""Array.from(document.querySelectorAll('table.heatmap td.cell')).map(td =>
        [td.dataset.status, td.querySelector('summary').innerText.trim()])""")
    assert all(face == "—" for status, face in faces if status == "omitted")
    assert all(face and face not in ("+", "=", "-", "~") for _, face in faces)   # never a bare symbol
    liaoning = read_yaml(DATA / "plans" / "liaoning.yaml")
    nursery = next(t for t in liaoning["targets"] if t["id"] == "nursery-places-per-1000")
    face = page.js("document.querySelector('table.heatmap td.cell[data-plan=liaoning][data-item=nursery-places-per-1000] summary').innerText")
    assert str(nursery["target"]) in face   # the province's value as written (≥3)
    binding = page.js("""Array.from(document.querySelectorAll('table.heatmap tr.fr[data-binding="约束性"]'))
        .map(tr => !!tr.querySelector('th.item .tag.bind'))""")
    assert binding and all(binding)
    assert len(binding) == sum(t.get("binding") == "约束性" for t in national_rows()["targets"])


def visible_rows(page) -> list[dict]:
    return page.js("""Array.from(document.querySelectorAll('table.heatmap tr.fr')).filter(tr => tr.checkVisibility())
        .map(tr => ({text: tr.dataset.text, domain: tr.dataset.domain, binding: tr.dataset.binding,
                     statuses: tr.dataset.statuses}))""")


def set_filter(page, **values) -> str:
    """Type into the box / choose in the selects as a reader would, firing input and change; the count."""
    for name, value in values.items():
        page.js(f"""(() => {{ const el = document.getElementById('f-{name}'); el.value = {json.dumps(value)};
                   el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', {{bubbles: true}})); }})()""")
    return page.js("document.getElementById('f-count').textContent")


def test_the_filter_hides_rows(page):
    rows = national_rows()
    total = sum(len(items) for items in rows.values())
    assert page.js("document.getElementById('filter').hidden") is False   # the script showed it
    assert len(visible_rows(page)) == total

    set_filter(page, text="托位")
    shown = visible_rows(page)
    named = [i for items in rows.values() for i in items
             if "托位" in (i.get("indicator") or i.get("item") or i.get("title"))]
    assert named and len(named) <= len(shown) < total
    assert all("托位" in r["text"] for r in shown)
    assert page.js("document.querySelectorAll('table.heatmap tr.fr.off').length") == total - len(shown)
    assert page.js("Array.from(document.querySelectorAll('section.domain')).filter(s => s.checkVisibility()).length") \
        == len({r["domain"] for r in shown})   # a domain with nothing left folds away

    set_filter(page, text="")
    count = set_filter(page, domain="幼有所育")
    in_domain = sum(i["domain"] == "幼有所育" for items in rows.values() for i in items)
    assert len(visible_rows(page)) == in_domain and str(in_domain) in count

    set_filter(page, domain="", status="below")
    below = visible_rows(page)
    assert below and all(":below" in r["statuses"] for r in below)
    assert len(below) == page.js("document.querySelectorAll('table.heatmap tr.fr:has(td.cell[data-status=below])').length")
    set_filter(page, plan="liaoning")
    assert all("liaoning:below" in r["statuses"] for r in visible_rows(page))

    set_filter(page, status="", plan="", binding="约束性")
    bound = visible_rows(page)
    assert len(bound) == sum(t.get("binding") == "约束性" for t in rows["targets"])

    set_filter(page, binding="", text="no such indicator anywhere")
    assert visible_rows(page) == [] and page.js("document.getElementById('f-none').hidden") is False
    page.js("document.getElementById('filter').reset()")   # Clear: every row again
    assert page.js("new Promise(r => setTimeout(() => r(document.querySelectorAll('table.heatmap tr.fr.off').length), 50))") == 0


def test_clicking_a_cell_shows_its_quote(page):
    liaoning = read_yaml(DATA / "plans" / "liaoning.yaml")
    quotes = {t["id"]: t["evidence"]["quote"] for t in liaoning["targets"]}
    # the first targets cell whose province item is Liaoning's: its quote must appear on click
    box = page.js("""(() => {
        const td = Array.from(document.querySelectorAll('table.heatmap[data-kind=targets] td.cell[data-plan=liaoning]'))
                        .find(td => td.querySelector('.pop blockquote'));
        td.scrollIntoView({block: 'center'});
        const s = td.querySelector('summary').getBoundingClientRect();
        const pop = td.querySelector('.pop');
        return {x: s.x + s.width / 2, y: s.y + s.height / 2, item: td.dataset.item,
                hidden: !pop.querySelector('blockquote').checkVisibility(), quote: pop.querySelector('blockquote').textContent};
    })()""")
    assert box["hidden"], "the quote is shown before the click"
    assert box["quote"] in quotes.values()
    page.click(box["x"], box["y"])
    shown = page.js(f"""new Promise(done => setTimeout(() => {{
        const td = document.querySelector('table.heatmap[data-kind=targets] td.cell[data-plan=liaoning][data-item="{box['item']}"]');
        const q = td.querySelector('.pop blockquote'), p = td.querySelector('.pop').getBoundingClientRect();
        done({{open: td.querySelector('details').open, visible: q.checkVisibility(),
               height: q.getBoundingClientRect().height, text: q.innerText,
               pop: [p.left, p.top, p.right, p.bottom], window: [innerWidth, innerHeight]}});
    }}, 50))""")
    assert shown["open"] and shown["visible"] and shown["height"] > 0
    assert shown["text"].strip() == box["quote"].strip()
    left, top, right, bottom = shown["pop"]
    assert 0 <= left < right <= shown["window"][0] and 0 <= top < bottom <= shown["window"][1], shown   # inside the window
    page.js("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}))")
    assert page.js("document.querySelectorAll('td.cell details[open]').length") == 0


def test_screenshot_is_written(page):
    """The first screen: the header, the stamp and every province's bars and strongest and weakest points."""
    page.js("window.scrollTo(0, 0)")
    bottom = page.js("Math.ceil(document.getElementById('summary').getBoundingClientRect().bottom + 12)")
    clip = {"x": 0, "y": 0, "width": page.width, "height": min(bottom, 2400), "scale": 1}
    shot = page.browser.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True},
                             session=page.session)
    png = base64.b64decode(shot["data"])
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    path = page.out.with_name(f"report-{page.width}.png")
    path.write_bytes(png)
    assert path.stat().st_size == len(png)
    if os.environ.get("PLANCMP_UPDATE_SCREENSHOT") and page.width == SCREENSHOT_WIDTH:   # `make screenshot`
        (ROOT / "docs" / "report.png").write_bytes(png)


# ---------------------------------------------------------------- many provinces, one at a time

MANY = 6   # synthetic provinces (bench/generate.py); the layout forced (above FULL_MAX it is the default)


@pytest.fixture(scope="module")
def many(browser, tmp_path_factory):
    """The same 6 synthetic provinces as one page per layout: "one" (a province at a time,
    its cells from the page's JSON) and "full" (every province side by side), each in a tab."""
    import sys

    from plancmp.ingest.workspace import Workspace
    from plancmp.render import html
    from plancmp.views.report import report

    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    chromium, _ = browser
    folder = generate(MANY, tmp_path_factory.mktemp("many") / "data")
    ws = Workspace(folder)
    tabs = {}
    for layout in ("one", "full"):
        out = folder.parent / f"{layout}.html"
        out.write_text(html.render(report(ws, layout=layout), "en"), encoding="utf-8")
        tabs[layout] = open_tab(chromium, out, 1024)
    yield {layout: view for layout, (view, _) in tabs.items()}
    for view, target in tabs.values():
        assert view.errors() == [], view.errors()
        chromium.send("Target.closeTarget", {"targetId": target})


def choose(view: View, pid: str) -> None:
    """Choose the province of the tables in the filter bar, as a reader does."""
    view.js(f"""(() => {{ const el = document.getElementById('f-plan'); el.value = {json.dumps(pid)};
               el.dispatchEvent(new Event('change', {{bubbles: true}})); }})()""")


# a cell's markup as the page holds it, without the print's "printed before" mark (which
# depends on what else the page shows)
CELLS = """(pid => {
    const clean = s => s.replace(/ again/g, '');
    const heat = Array.from(document.querySelectorAll(`table.heatmap td.cell[data-plan="${pid}"]`))
        .map(td => [td.closest('table').dataset.kind, td.dataset.item, clean(td.outerHTML)]);
    const own = Array.from(document.querySelectorAll(`table.grid td.val.s-added[data-plan="${pid}"]`))
        .map(td => [td.parentNode.firstElementChild.textContent, clean(td.outerHTML)]);
    const nat = Array.from(document.querySelectorAll('table.grid tr[data-from="reference"]')).map(tr => {
        const td = tr.querySelector(`td[data-plan="${pid}"]`) || tr.lastElementChild;
        return [tr.firstElementChild.textContent, clean(td.outerHTML)];
    });
    return {heat, own, nat};
})"""


def test_many_provinces_one_at_a_time_show_each_province_as_the_full_page_does(many):
    """The script writes a chosen province's cells with the markup the templates write: the
    heatmap's cells, its cells on national's target rows and its own target rows are those of
    the page that shows every province."""
    one, full = many["one"], many["full"]
    provinces = one.js("Array.from(document.querySelectorAll('#f-plan option')).map(o => o.value)")
    assert len(provinces) == MANY
    assert one.js("document.querySelectorAll('table.heatmap thead th.picked').length") \
        == one.js("document.querySelectorAll('table.heatmap').length")   # one province's column
    for pid in (provinces[1], provinces[-1], provinces[0]):   # back to the first: the script's cells too
        choose(one, pid)
        mine, theirs = one.js(CELLS + f"({json.dumps(pid)})"), full.js(CELLS + f"({json.dumps(pid)})")
        assert mine["heat"] and mine["heat"] == theirs["heat"]
        assert mine["own"] and mine["own"] == theirs["own"]
        # national's rows: the full page's cell of this province (a cell with no item has no data-plan)
        full_nat = full.js(f"""Array.from(document.querySelectorAll('table.grid tr[data-from="reference"]')).map(tr => {{
            const i = Array.from(tr.closest('table').querySelectorAll('thead th')).findIndex(th => th.textContent.startsWith({json.dumps(pid)}));
            return [tr.firstElementChild.textContent, tr.children[i].outerHTML.replace(/ again/g, '')]; }})""")
        assert mine["nat"] == full_nat
        assert one.js("document.querySelector('.pick-name').textContent") == one.js(
            f"document.querySelector('#f-plan option[value={pid}]').textContent.split(' (')[0]")


def test_many_provinces_the_filter_reads_the_chosen_province(many):
    one = many["one"]
    first, pid = one.js("Array.from(document.querySelectorAll('#f-plan option')).slice(0, 2).map(o => o.value)")
    choose(one, pid)
    try:
        statuses = one.js("Array.from(document.querySelectorAll('table.heatmap td.cell')).map(td => td.dataset.status)")
        wanted = next(s for s in ("below", "omitted", "unknown") if s in statuses)
        one.js(f"""(() => {{ const s = document.getElementById('f-status'); s.value = '{wanted}';
                  s.dispatchEvent(new Event('change', {{bubbles: true}})); }})()""")
        shown = one.js("""Array.from(document.querySelectorAll('table.heatmap tr.fr')).filter(tr => tr.checkVisibility())
            .map(tr => tr.querySelector('td.cell').dataset.status)""")
        assert shown and set(shown) == {wanted} and len(shown) == statuses.count(wanted)
        own = one.js("Array.from(document.querySelectorAll('tr[data-own]')).filter(tr => tr.checkVisibility()).length")
        assert own == 0   # a province's own targets are `added`
    finally:
        one.js("document.getElementById('filter').reset()")
    assert one.js("new Promise(r => setTimeout(() => r(document.getElementById('f-plan').value), 50))") == first
    assert one.js("new Promise(r => setTimeout(() => r(document.querySelectorAll('tr.fr.off').length), 50))") == 0


def test_many_provinces_print_the_chosen_province(many):
    one = many["one"]
    pid = one.js("document.querySelectorAll('#f-plan option')[1].value")
    choose(one, pid)
    one.browser.send("Emulation.setEmulatedMedia", {"media": "print"}, session=one.session)
    try:
        printed = one.js("""Array.from(document.querySelectorAll('table.heatmap td.cell')).filter(td => td.checkVisibility())
            .map(td => td.dataset.plan)""")
        note = one.js("(() => { const p = document.querySelector('.one-note'); return p.checkVisibility() ? p.textContent : ''; })()")
        own = one.js("Array.from(document.querySelectorAll('tr[data-own]')).filter(tr => tr.checkVisibility()).map(tr => tr.dataset.own)")
    finally:
        one.browser.send("Emulation.setEmulatedMedia", {"media": ""}, session=one.session)
    assert printed and set(printed) == {pid}
    assert one.js(f"document.querySelector('#f-plan option[value={pid}]').textContent.split(' (')[0]") in note
    assert own and set(own) == {pid}


def test_many_provinces_the_page_never_scrolls_sideways_at_360px(many):
    one = many["one"]
    metrics = {"width": 360, "height": 1000, "deviceScaleFactor": 1, "mobile": True}
    one.browser.send("Emulation.setDeviceMetricsOverride", metrics, session=one.session)
    try:
        choose(one, one.js("document.querySelectorAll('#f-plan option')[1].value"))
        widths = one.js("new Promise(r => setTimeout(() => r([document.documentElement.scrollWidth, document.documentElement.clientWidth]), 50))")
    finally:
        one.browser.send("Emulation.setDeviceMetricsOverride", dict(metrics, width=1024, mobile=False), session=one.session)
    assert widths[0] <= widths[1] == 360, widths
