"""The report as ONE self-contained HTML file, from Jinja2 templates with autoescaping on
(plancmp/render/templates/report/, package data): every text and attribute the page shows
goes through the template engine's escaping; nothing here writes markup. The CSS and a few
lines of plain JS are package files too (report.css, report.js), inlined: no network, no
external fonts, scripts or images.

The first screen answers the question: per province, bars (inline SVG) of how it covers the
national commitments per domain, and its strongest and weakest points with their evidence.
Then every national commitment against every province, by domain, each cell showing the
province's value; a filter bar (names, domain, kind, verdict, 属性) hides rows. Evidence sits
in <details> elements, so it opens on click without JS. The stamp says which plancmp and
which data made the page; the page is byte-identical for identical input.

This module shapes the view's data into what the templates print (numbers as words, the
counts said in a sentence, a label split around the markup that goes into it); the
templates hold every tag. Jinja2 is imported by `report` alone (a test checks).
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ..core.i18n import Labels
from ..core.verdicts import BUCKETS, STATUSES, SYMBOLS
from ..core.vocab import domain_order
from .claims import claim_note, claim_reasons
from .gaps import gap_text
from .verdict_style import BUCKET_CSS, CLAIM_CSS, verdict_css

# Verdicts a cell can hold, in the order the filter offers them.
CELL_STATUSES = [s for s in STATUSES if s not in ("added",)]

TEMPLATES = "templates/report"   # beside this module; report.html is the page


@cache
def asset(name: str) -> str:
    """report.css / report.js, package data beside this module."""
    from importlib.resources import files

    return files(__package__).joinpath(name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- the template engine

def _compact(source: str, name: str | None) -> str:
    """The templates' one layout rule: a line break and the indentation after it are not
    output, so the markup can be laid out readably and the page stays as compact as it
    was; a line that starts at column 0 starts a new line of the page (report.html's
    skeleton). A space that matters is written on the line it belongs to."""
    import re

    return re.sub(r"\n[ \t]+" if name == "report.html" else r"\n[ \t]*", "", source)


def _bytecode_cache():
    """Compiled templates kept in plancmp's cache (files/cache.py), whose entries are signed:
    code from a cache folder someone else filled is never loaded. Jinja2 files each under
    the template's name and the checksum of its source, so an edited template compiles anew."""
    from jinja2 import BytecodeCache

    from ..files import cache as store

    class Signed(BytecodeCache):
        def load_bytecode(self, bucket):
            found = store.get(store.key("report-template", bucket.key, bucket.checksum))
            if isinstance(found, bytes):
                bucket.bytecode_from_string(found)

        def dump_bytecode(self, bucket):
            store.put(store.key("report-template", bucket.key, bucket.checksum), bucket.bytecode_to_string())

    return Signed()


@cache
def environment():
    """The Jinja2 environment of the report: autoescape on for every template, undefined
    names are errors (a typo never prints nothing), None prints as nothing."""
    import jinja2
    from jinja2.ext import Extension

    class Compact(Extension):
        def preprocess(self, source, name, filename=None):
            return _compact(source, name)

    env = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=lambda value: "" if value is None else value,
        extensions=[Compact],
        bytecode_cache=_bytecode_cache(),
        keep_trailing_newline=True,
        trim_blocks=True,
    )
    env.globals.update(
        BUCKETS=BUCKETS, BUCKET_CSS=BUCKET_CSS, CLAIM_CSS=CLAIM_CSS, SYMBOLS=SYMBOLS, STATUSES=STATUSES,
        CELL_STATUSES=CELL_STATUSES, split_label=split_label, counts_said=counts_said, pct=pct,
        margin_said=margin_said, gap_text=gap_text, claim_reasons=claim_reasons, claim_note=claim_note, kinds_said=kinds_said, bar_segments=bar_segments, row_head_bits=row_head_bits, cell_face=cell_face,
        domain_rows=domain_rows, target_domains=target_domains, target_summary=target_summary,
        claim_counts=claim_counts, heat_filter=heat_filter, target_filter=target_filter, draft_mark=draft_mark,
        target_rows=target_rows, ABSENT=ABSENT,
    )
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.filters["css_string"] = css_string
    return env


# ---------------------------------------------------------------- words the templates print

def pct(share: float) -> str:
    return f"{share:.0%}"


def _signed(x: float, suffix: str = "") -> str:
    """+9.1%, −33%: one decimal, none when it is .0; a real minus sign."""
    text = f"{abs(x):.1f}".removesuffix(".0")
    return ("+" if x >= 0 else "−") + text + suffix


def split_label(L: Labels, key: str, slot: str, **values) -> tuple[str, str]:
    """A label's text before and after its `{slot}`, for the template to put markup there
    (`plancmp 0.1.0 · data <code>…</code>`): both halves are still escaped by the template."""
    before, _, after = L(key, **{slot: "\0"}, **values).partition("\0")
    return before, after


def counts_said(L: Labels, counts: dict, skip: tuple = ()) -> str:
    """`98 matched or exceeded, 12 below …`: the non-zero buckets, in bucket order."""
    return L.sep.join(L.count(counts[b], L.bucket(b)) for b in BUCKETS if counts[b] and b not in skip)


def bar_segments(entry: dict) -> list[dict]:
    """The rectangles of a stacked coverage bar: each non-empty bucket from x on, n wide."""
    x, out = 0, []
    for b in BUCKETS:
        n = entry["counts"][b]
        if n:
            out.append({"bucket": b, "css": BUCKET_CSS[b], "x": x, "n": n})
            x += n
    return out


def kinds_said(L: Labels, kinds) -> str:
    """A list of kinds in the reader's words (`tasks, targets`; 任务、指标)."""
    return ", ".join(L.kind(k) for k in kinds) if not L.zh else "、".join(L.kind(k) for k in kinds)


def margin_said(L: Labels, p: dict, ref: str) -> dict | None:
    """A point's margin over national, as a class (up, down) and a sentence; None when none."""
    if p["margin"] is None:
        return None
    rel = _signed(p["margin"] * 100, "%")
    if p["points"] is not None:
        said = L("report_margin_points", margin=rel, points=_signed(p["points"]), ref=ref)
    else:
        said = L("report_margin", margin=rel, ref=ref)
    return {"cls": "up" if p["margin"] >= 0 else "down", "said": said}


def row_head_bits(L: Labels, r: dict) -> list[tuple[str, str]]:
    """The line under a heatmap row's name, as (look, text): the national value (bold), the
    group, baseline and year (muted), 约束性 as a tag (any other 属性 muted)."""
    nat = r.get("national") or {"value": r["value"], "baseline": None}
    bits = []
    if nat["value"]:
        bits.append(("value", nat["value"]))
    said = [nat["group"]] if nat.get("group") else []
    if nat.get("baseline"):
        said.append(L("baseline") + " " + nat["baseline"])
    if r.get("year"):
        said.append(str(r["year"]))
    if said:
        bits.append(("muted", " · ".join(said)))
    if r.get("binding"):
        bits.append(("bind" if r["binding"] == "约束性" else "muted", r["binding"]))
    return bits


def cell_face(L: Labels, c: dict, pid: str) -> dict:
    """What a heatmap cell shows before it is opened: the province's value (with the
    verdict's symbol), or the verdict's words when there is no value; and its tooltip."""
    status, shown = c["status"], c.get("shown") or ""
    look = "plain" if shown in ("—", "?") else ("value" if shown else "words")
    title = f'{pid}: {L.status(status)}' + (f" · {shown}" if shown and shown not in ("—", "?") else "")
    return {"look": look, "shown": shown, "symbol": SYMBOLS[status], "words": L.status(status), "title": title}


def target_summary(L: Labels, c: dict) -> dict:
    """A targets-as-written cell's face: the symbol, the value and its tags."""
    tags = [w for w in (c.get("year"), c.get("binding")) if w]
    value, basis = c["value"], L.basis(c["basis"])
    if c.get("kind") in ("services", "tasks"):   # a target stated in a task or service: its kind in words
        value = f"({L.kind(c['kind'])}) {c['indicator']}"
        basis = f"{L.kind_one(c['kind'])} ({L.basis(c['basis'].partition('(')[2].rstrip(')') or 'list')})"
    tags += [basis] if c["body_text"] else []
    tags += [L.flag(f) for f in c["flags"]]
    return {"symbol": SYMBOLS.get(c["status"], ""), "tags": tags, "value": value}


def domain_rows(data: dict, domain: str) -> dict:
    """The heatmap tables of one domain: {"tables": [(matrix, its rows in the domain) per kind
    that has any], "n": how many rows in all}."""
    tables = []
    for m in data["matrices"].values():
        rows = [r for r in m["rows"] if r["domain"] == domain]
        if rows:
            tables.append((m, rows))
    return {"tables": tables, "n": sum(len(rows) for _, rows in tables)}


def target_domains(t: dict, domains: list[str]) -> list[tuple[str, list[dict]]]:
    """The targets as written, by domain: (domain, its rows) for each domain that has any."""
    return [(d, rows) for d in domains if (rows := [r for r in t["rows"] if r["domain"] == d])]


def draft_mark(L: Labels, drafts: dict | None) -> str:
    """`draft: 120 of 172 items unchecked`: a province card's mark while the plan holds drafts."""
    from .drafts import mark

    return mark(drafts, L)


def claim_counts(L: Labels, counts: dict[str, int]) -> str:
    """`72 supported, 2 overstated …`: a press file's claims per verdict, in the view's order."""
    return L.sep.join(L.count(n, L.claim(v)) for v, n in counts.items() if n)


def _filter_attrs(kind: str, domain: str, binding: str | None, statuses: dict[str, str], words: list) -> dict:
    """What the filter bar reads on a row: kind, domain, 属性, each province's verdict
    (`liaoning:matches gansu:below`) and the row's names, folded to one line, lower case."""
    return {"kind": kind, "domain": domain, "binding": binding or "",
            "statuses": " ".join(f"{p}:{s}" for p, s in statuses.items()),
            "text": " ".join(" ".join(str(w).split()) for w in words if w).lower()}


def heat_filter(kind: str, r: dict, plans: list[str]) -> dict:
    words = [r["name"], r["id"], *(r["cells"][p]["counterpart_name"] for p in plans)]
    return _filter_attrs(kind, r["domain"], r.get("binding"), {p: r["cells"][p]["status"] for p in plans}, words)


def target_filter(r: dict, t: dict, plans: list[str] | None = None) -> dict:
    """`plans`: the columns shown (default all); a province's own row over many provinces holds
    its own cell alone (views/targetgrid, sparse)."""
    binding = r["cells"].get(r["origin"], {}).get("binding")
    plans = t["plans"] if plans is None else plans
    words = [r["indicator"], *(r["cells"][p].get("indicator") for p in plans if p in r["cells"])]
    others = [p for p in plans if p != t["reference"] and p in r["cells"]]
    return _filter_attrs("targets", r["domain"], binding, {p: r["cells"][p]["status"] for p in others}, words)


# A cell the grid leaves out (a province's own row, over many provinces): what `absent` shows.
ABSENT: dict = {"id": None, "status": "absent", "notes": []}


def target_rows(t: dict, rows: list[dict]) -> list[dict]:
    """The rows of one domain the page prints: all of them; over many provinces (layout "one")
    national's and the first province's own (the script shows another's)."""
    if t.get("layout") != "one":
        return rows
    return [r for r in rows if r["origin"] in (t["reference"], t["first"])]


# ---------------------------------------------------------------- one province at a time

class _Strings:
    """A province's long strings (quotes, sections, notes), each kept once: cells refer to them
    by number (a province item that covers several national commitments is quoted once)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int | None:
        if text is None or text == "":
            return None
        return self.index.setdefault(text, len(self.index))

    def list(self) -> list[str]:
        return list(self.index)


def _trim(cell: list) -> list:
    """A cell's fields without the empty ones at its end (the script reads a missing one as empty)."""
    while cell and cell[-1] in (None, "", []):
        cell.pop()
    return cell


def heat_rows(data: dict, domains: list[str]) -> list[tuple[dict, dict]]:
    """(matrix, row) of every heatmap row, in the page's order (domain, then kind)."""
    return [(m, r) for d in domains for m, rows in domain_rows(data, d)["tables"] for r in rows]


# A status in the script's data: its place in this list (the data's `statuses`).
_STATUS_CODES = [*STATUSES, "reference", "absent"]
_CODE = {st: n for n, st in enumerate(_STATUS_CODES)}


def _heat_cell(c: dict, q: _Strings, g: _Strings) -> list:
    """[status, shown, counterpart's name, its value, quote, section, counterpart's id, score,
    confidence, notes, further statements]: what the cell macro (heatmap.html) prints, for the
    script. A status by its number (_STATUS_CODES), the quotes by number in the province's list
    `q`, the names, ids, sections and notes in the page's list `g`."""
    also = [[g(a["name"]), a.get("value") or "", q(a["quote"]), g(a["section"])] for a in c.get("also", [])]
    score = f'{c["score"]:.2f}' if c["counterpart"] and c.get("score") is not None else None
    return _trim([_CODE[c["status"]], c.get("shown") or "", g(c["counterpart_name"]), c["counterpart_value"], q(c["quote"]),
                  g(c["section"]), g(c["counterpart"]), score, c.get("confidence") if score else None,
                  c["notes"], also])


def _target_cell(L: Labels, c: dict, q: _Strings, g: _Strings) -> list:
    """A targets-as-written cell, as target_cell (tables.html) prints it: [status, 0, its
    indicator, its text, notes] when the plan has no item, else [status, 1, its indicator, value,
    tags, quote, section, where, notes, further statements] (numbers as in _heat_cell)."""
    notes = c.get("notes") or []
    if not c.get("id"):
        text = "" if c["status"] == "absent" else SYMBOLS.get(c["status"], "") + " " + L.status(c["status"])
        return _trim([_CODE[c["status"]], 0, None, text, notes])
    face = target_summary(L, c)
    value = (face["symbol"] + " " if face["symbol"] else "") + face["value"]
    also = [[g(a["name"]), a.get("value") or "", q(a["quote"]), g(a["section"])] for a in c.get("also", [])]
    return _trim([_CODE[c["status"]], 1, g(c.get("indicator")), value, face["tags"], q(c["quote"]), g(c["section"]),
                  L("line_n", n=c["line"]) if c.get("line") else "", notes, also])


def _worded(cell: dict, worded) -> dict:
    return {**cell, "notes": worded(cell.get("notes") or [])}


def _json(value) -> str:
    """JSON for a <script type="application/json">: every `<` escaped, so no text can end the element."""
    import json

    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def one_data(L: Labels, data: dict, domains: list[str]) -> Iterator[str]:
    """Every province's cells, each kept once, as JSON for report-one.js (layout "one"): per
    province its quotes, its heatmap cells and its cells on national's target rows in the page's
    order, and its own target rows. A quote is the province's own text: kept once per province
    (an item that covers several national commitments is quoted once); names, ids, sections and
    the worded notes, which provinces share with national and with each other, once in the page
    (`g`, written last). The JSON comes in pieces, a province's as it is made: the page is
    written as it is rendered (render_chunks), and the whole data is never held at once."""
    t = data["targets"]
    ref = data["reference"]
    heat = heat_rows(data, domains)
    national = [r for d, rows in target_domains(t, domains) for r in rows if r["origin"] == ref]
    g = _Strings()
    memo: dict[str, int | None] = {}
    seen: set[str] = set()   # the confidences the cells name

    def worded(notes: list) -> list[int | None]:
        """Each note's number in `g`, worded once (a note is a code and its values: repr is its key)."""
        return [memo[key] if (key := repr(n)) in memo else memo.setdefault(key, g(L.note(n))) for n in notes]

    words = [[st, SYMBOLS.get(st, ""), L.status(st) if st in STATUSES else ""] for st in _STATUS_CODES]
    heads = [[p["id"], L.plan(p["id"]), p["region"], draft_mark(L, p["drafts"]) if p.get("drafts") else ""]
             for p in data["plans"] if p["id"] != ref]
    yield _json({"ref": L.plan(ref), "zh": L.zh, "words": words, "draft": L("draft_item"), "heads": heads,
                 "score": L("score")})[:-1] + ',"plans":{'
    for n, pid in enumerate(h[0] for h in heads):
        q = _Strings()
        cells = [_heat_cell({**r["cells"][pid], "notes": worded(r["cells"][pid]["notes"])}, q, g) for _, r in heat]
        seen |= {str(c[8]) for c in cells if len(c) > 8 and c[8]}
        tv = [_target_cell(L, _worded(r["cells"].get(pid) or ABSENT, worded), q, g) for r in national]
        own = [[r["domain"], g(r["indicator"]), r["unit"] or "", r["cells"][pid].get("binding") or "",
                _target_cell(L, _worded(r["cells"][pid], worded), q, g)] for r in t["rows"] if r["origin"] == pid]
        yield ("," if n else "") + _json(pid) + ":" + _json({"s": q.list(), "h": cells, "t": tv, "o": own})
    yield '},"confidence":' + _json({c: L.confidence(c) for c in sorted(seen)}) + ',"g":' + _json(g.list()) + "}"


def _domains(data: dict) -> list[str]:
    present = {r["domain"] for m in data["matrices"].values() for r in m["rows"]}
    present |= {r["domain"] for r in data["targets"]["rows"]}
    return sorted(present, key=domain_order)


def css_string(text: str) -> str:
    """Text as a CSS string's content (the print footer's stamp): every character that could
    end the string, the rule or the style element written as a CSS escape."""
    return "".join(ch if ch.isalnum() or ch in " .·:-_/()" else f"\\{ord(ch):x} " for ch in str(text))


class Once:
    """Which quotes the page has printed so far, in the order the templates write them (the
    summary's cards are not counted: a card stands on its own). A quote that comes again (a
    province item that covers several national commitments, a target the heatmap quoted) is
    marked, and print shows where it stands instead of the same words again."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def first(self, quote: str) -> bool:
        key = " ".join(str(quote).split())
        if key in self.seen:
            return False
        self.seen.add(key)
        return True


# ---------------------------------------------------------------- the page

def render(data: dict, lang: str = "en") -> str:
    """The report in one language (labels from plancmp/vocab/labels.yaml)."""
    return "".join(render_chunks(data, lang))


def render_chunks(data: dict, lang: str = "en") -> Iterator[str]:
    """The report in one language, in pieces as the templates write them: `plancmp report` writes
    each to the file as it comes (over many provinces the page is tens of megabytes)."""
    names = {p["id"]: p["region"] for p in data["plans"]}
    L = Labels(lang)
    if L.zh:
        L.plans = names   # 全国, 辽宁省: notes and reasons name plans as readers do (cli/common.name_plans)
    ref = data["reference"]
    stamp = data.get("stamp")
    nav = [("summary", L("report_nav_summary")), ("heatmap", L("report_nav_heatmap")), ("targets", L("report_nav_tables")),
           ("gaps", L("report_nav_gaps")), ("added", L("report_nav_added"))] + ([("claims", L("report_nav_claims"))] if data.get("claims") else [])
    page = environment().get_template("report.html")
    domains = _domains(data)
    provinces = [p for p in data["plans"] if p["id"] != ref]
    one = data.get("layout") == "one"
    first = provinces[0]["id"] if one and provinces else None
    if one:
        data = {**data, "targets": {**data["targets"], "layout": "one", "first": first}}
    return page.generate(
        L=L, data=data, ref=ref, names=names, domains=domains, stamp=stamp, nav=nav, one=one, first=first,
        one_data=one_data(L, data, domains) if one else [], one_js=asset("report-one.js") if one else "",
        lead=L("report_lead", ref=L.plan(ref), plans=L.sep.join(L.plan(m) for m in names if m != ref)),
        generator=f'plancmp {stamp["version"]}' if stamp else "plancmp",
        css=asset("report.css") + verdict_css(), js=asset("report.js"),
        provinces=provinces, once=Once(), noted=Once(),
    )
