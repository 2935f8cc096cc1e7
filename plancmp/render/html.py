"""The report as ONE self-contained HTML file: inline CSS and a few lines of inline JS,
no network, no external fonts or scripts. Every text is escaped.

Evidence quotes sit in <details> elements, so they expand on click without JS (and
in print); the heatmap colours come from the verdicts; a CJK font stack falls back
to whatever sans-serif the reader has. `@media print` lays it out for "Save as PDF".
"""
from __future__ import annotations

from html import escape

from ..i18n import Labels
from ..verdicts import STATUSES
from ..matrix import BUCKETS, SYMBOLS
from ..vocab import domain_names

_labels = Labels("en")   # the language of the report being rendered (render(data, lang))

CSS = """
:root { --exceeds:#1a7f37; --matches:#4cae4c; --quant:#2e9b6a; --below:#cf222e; --nc:#d4a72c;
        --omitted:#8c959f; --unknown:#8250df; --added:#0969da; --line:#d0d7de; --ink:#1f2328; --muted:#59636e; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem 2rem 4rem; color: var(--ink); background: #fff;
       font: 14px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
             "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
p.lead, .muted { color: var(--muted); }
nav { margin: .8rem 0 1.2rem; } nav a { margin-right: 1rem; color: var(--added); text-decoration: none; }
table { border-collapse: collapse; margin: .3rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; vertical-align: top; text-align: left; }
th { background: #f6f8fa; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.legend span.sw { display: inline-block; min-width: 2.2em; text-align: center; margin: 0 .2rem 0 .8rem; border-radius: 3px; }
table.heatmap td.cell { width: 4.2em; text-align: center; position: relative; padding: 0; }
table.heatmap td.cell summary { padding: .25rem .2rem; font-weight: 700; }
table.heatmap th.dom { background: #eef1f4; text-align: left; }
table.heatmap td.item { max-width: 30em; }
summary { cursor: pointer; list-style: none; } summary::-webkit-details-marker { display: none; }
td.cell details[open] > .pop { position: absolute; z-index: 5; left: 0; top: 100%; width: 26em; text-align: left;
       background: #fff; color: var(--ink); border: 1px solid #8c959f; border-radius: 6px; padding: .5rem .7rem;
       box-shadow: 0 6px 18px rgba(0,0,0,.18); font-weight: 400; }
blockquote, .quote { margin: .3rem 0; padding: .2rem .6rem; border-left: 3px solid var(--line); color: #333; background: #fafbfc; }
.s-exceeds { background: var(--exceeds); color: #fff; } .s-matches { background: var(--matches); color: #fff; }
.s-matches-quantified { background: var(--quant); color: #fff; } .s-below { background: var(--below); color: #fff; }
.s-not-comparable { background: var(--nc); color: #000; } .s-omitted { background: var(--omitted); color: #fff; }
.s-unknown { background: var(--unknown); color: #fff; } .s-mentioned { background: var(--nc); color: #000; outline: 2px dashed var(--omitted); outline-offset: -3px; } .s-added { background: var(--added); color: #fff; }
.s-reference, .s-absent { background: #fff; }
table.grid td.val.s-exceeds, table.grid td.val.s-below, table.grid td.val.s-matches, table.grid td.val.s-unknown,
table.grid td.val.s-omitted, table.grid td.val.s-added, table.grid td.val.s-matches-quantified { color: #fff; }
table.grid td.val details > div { background: #fff; color: var(--ink); }
.tag { display: inline-block; font-size: .78em; padding: 0 .35em; border: 1px solid currentColor; border-radius: 3px; margin-left: .25em; opacity: .9; }
.cards { display: flex; flex-wrap: wrap; gap: .8rem; } .card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .9rem; min-width: 15rem; }
.card b { font-size: 1.05rem; }
.toolbar button { font: inherit; margin-right: .5rem; padding: .15rem .6rem; border: 1px solid var(--line); background: #f6f8fa; border-radius: 4px; cursor: pointer; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, .toolbar { display: none; }
  h2 { break-after: avoid; } tr, .card { break-inside: avoid; }
  td.cell details[open] > .pop { position: static; width: auto; box-shadow: none; }
  a { color: inherit; text-decoration: none; }
}
"""

# Progressive enhancement only: without JS every <details> still opens on click.
JS = """
(function () {
  function all(open) { document.querySelectorAll('details').forEach(function (d) { d.open = open; }); }
  var show = document.getElementById('expand-all'), hide = document.getElementById('collapse-all');
  if (show) show.addEventListener('click', function () { all(true); });
  if (hide) hide.addEventListener('click', function () { all(false); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') document.querySelectorAll('td.cell details[open]').forEach(function (d) { d.open = false; });
  });
  // one heatmap popover at a time
  document.querySelectorAll('table.heatmap details').forEach(function (d) {
    d.addEventListener('toggle', function () {
      if (!d.open) return;
      document.querySelectorAll('table.heatmap details[open]').forEach(function (o) { if (o !== d) o.open = false; });
    });
  });
})();
"""


def e(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def _legend() -> str:
    parts = [f'<span class="sw s-{s}">{e(SYMBOLS[s])}</span>{e(_labels.status(s))}' for s in STATUSES]
    return f'<p class="legend">{"".join(parts)}</p>'


def _quote_block(quote: str | None, section: str | None, where: str = "") -> str:
    if not quote:
        return ""
    meta = ", ".join(filter(None, [section, where]))
    return f'<blockquote class="quote">{e(quote)}</blockquote>' + (f'<div class="muted">{e(meta)}</div>' if meta else "")


def _heatmap(m: dict, names: dict) -> str:
    ref, kind = m["reference"], m["kind"]
    head = "".join(f'<th title="{e(names[p])}">{e(p)}<br><span class="muted">{e(names[p])}</span></th>' for p in m["plans"])
    out = [f'<table class="heatmap" data-kind="{e(kind)}"><thead><tr><th>{e(ref)} {e(kind)}</th>{head}</tr></thead><tbody>']
    domain = None
    for r in m["rows"]:
        if r["domain"] != domain:
            domain = r["domain"]
            out.append(f'<tr><th class="dom" colspan="{1 + len(m["plans"])}">{e(domain)}</th></tr>')
        item = (f'<details><summary>{e(r["name"])} <span class="muted">{e(r["value"])}{e(_when(r))}</span></summary>'
                f'{_quote_block(r["quote"], r["section"], r["ref"])}</details>')
        cells = []
        for pid in m["plans"]:
            c = r["cells"][pid]
            body = [f'<div><b>{e(pid)}: {e(_labels.status(c["status"]))}</b></div>']
            if c["counterpart"]:
                body.append(f'<div>{e(c["counterpart_name"])} <span class="muted">{e(c["counterpart_value"])}</span></div>')
                body.append(_quote_block(c["quote"], c["section"], f'{pid}:{c["counterpart"]}'))
                body.append(_also(c))
                if c["score"] is not None:
                    body.append(f'<div class="muted">score {c["score"]:.2f} ({e(c["confidence"])})</div>')
            body += [f'<div class="muted">{e(n)}</div>' for n in c["notes"]]
            cells.append(f'<td class="cell s-{e(c["status"])}" data-plan="{e(pid)}" data-item="{e(r["id"])}" '
                         f'data-status="{e(c["status"])}" title="{e(pid)}: {e(_labels.status(c["status"]))}"><details>'
                         f'<summary>{e(c["symbol"])}</summary><div class="pop">{"".join(body)}</div></details></td>')
        out.append(f'<tr><td class="item">{item}</td>{"".join(cells)}</tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _coverage(m: dict) -> str:
    head = "".join(f"<th>{e(_labels.bucket(b))}</th>" for b in BUCKETS)
    rows = []
    for c in m["coverage"]:
        if c["domain"] != "(all)":
            continue
        cells = "".join(f'<td class="num">{c["counts"][b]} ({c["shares"][b]:.0%})</td>' for b in BUCKETS)
        rows.append(f'<tr><td>{e(c["plan"])}</td><td class="num">{c["total"]}</td>{cells}</tr>')
    return (f'<table class="coverage"><thead><tr><th>{e(_labels("plan"))}</th><th>{e(m["reference"])} {e(_labels.kind(m["kind"]))}</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _coverage_by_domain(m: dict) -> str:
    plans = m["plans"]
    by = {(c["plan"], c["domain"]): c for c in m["coverage"]}
    domains = [d for d in domain_names() if any((p, d) in by for p in plans)]
    head = "".join(f"<th>{e(p)}</th>" for p in plans)
    rows = []
    for d in domains:
        cells = []
        for p in plans:
            c = by.get((p, d))
            share = c["shares"]["matched or exceeded"] if c else 0
            cells.append(f'<td class="num">{e(f"{share:.0%}")} <span class="muted">{e(_labels("report_of"))} {c["total"] if c else 0}</span></td>')
        rows.append(f"<tr><td>{e(d)}</td>{''.join(cells)}</tr>")
    return (f'<table class="coverage-domain"><thead><tr><th>{e(_labels.bucket("matched or exceeded"))}</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _target_cell(c: dict, plan: str) -> str:
    if not c.get("id"):
        text = "" if c["status"] in ("absent",) else f'{SYMBOLS.get(c["status"], "")} {_labels.status(c["status"])}'
        notes = "".join(f'<div class="muted">{e(n)}</div>' for n in c.get("notes", []))
        inner = f"<details><summary>{e(text)}</summary><div>{notes}</div></details>" if notes else e(text)
        return f'<td class="val s-{e(c["status"])}">{inner}</td>'
    basis = _labels.basis(c["basis"]) if c["basis"] in ("table", "text", "box") else c["basis"]
    tags = [f'<span class="tag">{e(w)}</span>' for w in (c.get("year"), c.get("binding")) if w]
    tags += ([f'<span class="tag">{e(basis)}</span>'] if c["body_text"] else [])
    tags += [f'<span class="tag">{e(_labels.flag(f))}</span>' for f in c["flags"]]
    sym = SYMBOLS.get(c["status"], "")
    summary = f'{e(sym) + " " if sym else ""}{e(c["value"])}{"".join(tags)}'
    where = f'line {c["line"]}' if c.get("line") else ""
    body = _quote_block(c["quote"], c["section"], where)
    body += _also(c)
    body += "".join(f'<div class="muted">{e(n)}</div>' for n in c.get("notes", []))
    return (f'<td class="val s-{e(c["status"])}" data-plan="{e(plan)}" title="{e(_labels.status(c["status"]))}">'
            f'<details><summary>{summary}</summary><div>{body}</div></details></td>')


def _also(c: dict) -> str:
    """The further statements of a cell (a stretch value, the other items of a one-to-many cover)."""
    return "".join(f'<div>+ {e(a["name"])} <span class="muted">{e(a.get("value") or "")}</span></div>'
                   + _quote_block(a["quote"], a["section"]) for a in c.get("also", []))


def _targets(t: dict) -> str:
    out = []
    head = "".join(f"<th>{e(p)}</th>" for p in t["plans"])
    for domain in [d for d in domain_names() if any(r["domain"] == d for r in t["rows"])]:
        rows = [r for r in t["rows"] if r["domain"] == domain]
        out.append(f'<h3 id="targets-{e(domain)}">{e(domain)}</h3><table class="grid"><thead><tr><th>{e(_labels("indicator"))}</th>'
                   f'<th>{e(_labels("unit"))}</th>{head}</tr></thead><tbody>')
        for r in rows:
            cells = "".join(_target_cell(r["cells"][p], p) for p in t["plans"])
            out.append(f'<tr><td>{e(r["indicator"])}</td><td>{e(r["unit"] or "")}</td>{cells}</tr>')
        out.append("</tbody></table>")
    return "".join(out)


def _gaps(gaps: list[dict]) -> str:
    if not gaps:
        return f"<p>{e(_labels('report_no_gaps'))}</p>"
    items = []
    for g in gaps:
        reveals = "".join(f'<li>{e(r["indicator"])}{_quote_block(r["quote"], None)}</li>' for r in g["reveals"])
        scope = _labels("any_domain") if g["domains"] is None else ", ".join(g["domains"]) or _labels("no_domain")
        kinds = _labels("any_kind") if g["kinds"] is None else ", ".join(g["kinds"]) or _labels("no_items")
        items.append(f'<li><b>{e(g["plan"])}: {e(g["section"])}</b> <span class="muted">({e(scope)}; {e(kinds)})</span>'
                     f'<div>{e(g["description"])}</div>'
                     + (f'<details><summary>{e(_labels("report_reveals", n=len(g["reveals"])))}</summary><ul>{reveals}</ul></details>' if reveals else "")
                     + "</li>")
    return f'<ul class="gaps">{"".join(items)}</ul>'


def _summary(data: dict) -> str:
    cards = []
    for p in data["plans"]:
        counts = _labels.sep.join(_labels.count(n, _labels.kind(k)) for k, n in p["counts"].items())
        verdicts = data["summary"].get(p["id"])
        lines = ""
        if verdicts:
            lines = "".join(f'<div><span class="sw s-{e(s)}">&nbsp;{e(SYMBOLS[s])}&nbsp;</span> {e(_labels.status(s))}: <b>{n}</b></div>'
                            for s, n in verdicts["by_status"].items() if n)
        else:
            lines = f'<div class="muted">{e(_labels("reference_plan"))}</div>'
        cards.append(f'<div class="card" data-plan="{e(p["id"])}"><b>{e(p["region"])}</b> <span class="muted">{e(p["id"])}</span>'
                     f'<div class="muted">{e(p["name"])} · {e(p["period"])}</div><div>{e(counts)}</div>{lines}</div>')
    return f'<div class="cards">{"".join(cards)}</div>'


def _claims(press: list[dict]) -> str:
    """The press claims section (plancmp claims): each claim's quote, verdict and the plan items behind it."""
    if not press:
        return ""
    css = {"supported": "s-matches", "overstated": "s-below", "understated": "s-not-comparable",
           "not-in-plan": "s-omitted", "context": "s-reference"}
    out = ['<section id="claims"><h2>What the press says: claims against the plan</h2>']
    for p in press:
        counts = ", ".join(f"{n} {v.replace('-', ' ')}" for v, n in p["counts"].items() if n)
        out.append(f'<h3>{e(p["id"])}: {e(p["plan_name"])} ({e(p["plan"])})</h3><p class="muted">{len(p["claims"])} claims: {e(counts)}</p>'
                   '<table class="claims"><thead><tr><th>claim</th><th>verdict</th><th>plan items</th></tr></thead><tbody>')
        for c in p["claims"]:
            items = "".join(f'<li>{e(i["name"])} <span class="muted">{e(i["id"])}</span>{": " + e(i["value"]) if i["value"] else ""}'
                            f'<details><summary class="muted">quote</summary>{_quote_block(i["quote"], None)}</details></li>' for i in c["links"])
            why = "".join(f'<div class="muted">{e(r)}</div>' for r in [*c["reasons"], *([c["notes"]] if c["notes"] else [])])
            out.append(f'<tr data-claim="{e(c["id"])}"><td><blockquote class="quote">{e(c["quote"])}</blockquote></td>'
                       f'<td><span class="tag {css.get(c["verdict"], "")}">{e(c["verdict_text"])}</span>{why}</td>'
                       f'<td>{"<ul>" + items + "</ul>" if items else "—"}</td></tr>')
        out.append("</tbody></table>")
    return "".join(out) + "</section>"


def _when(row: dict) -> str:
    said = ", ".join(str(v) for v in (row.get("year"), row.get("binding")) if v)
    return f" ({said})" if said else ""


def render(data: dict, lang: str = "en") -> str:
    """The report in one language (labels from plancmp/vocab/labels.yaml)."""
    global _labels
    _labels = L = Labels(lang)
    ref = data["reference"]
    names = {p["id"]: p["region"] for p in data["plans"]}
    sections = []
    for kind, m in data["matrices"].items():
        sections.append(f'<section id="matrix-{e(kind)}"><h2>{e(L("report_kind_" + kind))}{e(L.colon)}{e(ref)} × {e(L("report_provinces"))}</h2>'
                        f'{_coverage(m)}{_heatmap(m, names)}</section>')
    title = L("report_title")
    lead = L("report_lead", ref=ref, plans=", ".join(m for m in names if m != ref))
    return f"""<!DOCTYPE html>
<html lang="{'zh-Hans' if L.zh else 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="plancmp">
<title>{e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{e(title)}</h1>
<p class="lead">{e(lead)}</p>
<nav><a href="#summary">{e(L("report_nav_summary"))}</a><a href="#matrix-targets">{e(L("report_nav_targets_heatmap"))}</a><a href="#matrix-services">{e(L("report_nav_services"))}</a>
<a href="#matrix-tasks">{e(L("report_nav_tasks"))}</a><a href="#coverage">{e(L("report_nav_coverage"))}</a><a href="#targets">{e(L("report_nav_tables"))}</a><a href="#gaps">{e(L("report_nav_gaps"))}</a></nav>
<div class="toolbar"><button type="button" id="expand-all">{e(L("report_expand"))}</button><button type="button" id="collapse-all">{e(L("report_collapse"))}</button></div>
{_legend()}
</header>
<section id="summary"><h2>{e(L("report_summary", ref=ref))}</h2>{_summary(data)}</section>
{"".join(sections)}
<section id="coverage"><h2>{e(L("report_coverage"))}</h2>{_coverage_by_domain(data["matrices"]["targets"])}</section>
<section id="targets"><h2>{e(L("report_targets"))}</h2>
<p class="muted">{e(L("report_targets_note"))}</p>
{_targets(data["targets"])}</section>
<section id="gaps"><h2>{e(L("report_gaps"))}</h2>
<p class="muted">{e(L("report_gaps_note"))}</p>
{_gaps(data["gaps"])}</section>
{_claims(data.get("claims") or [])}
<footer>{e(L("report_footer"))}</footer>
<script>{JS}</script>
</body>
</html>
"""
