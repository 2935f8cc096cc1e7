"""The report as ONE self-contained HTML file: the CSS and a few lines of plain JS inlined
(plancmp/render/report.css and report.js, package data), no network, no external fonts,
scripts or images. Every text is escaped.

The first screen answers the question: per province, bars (inline SVG) of how it covers the
national commitments per domain, and its strongest and weakest points with their evidence.
Then every national commitment against every province, by domain, each cell showing the
province's value; a filter bar (names, domain, kind, verdict, 属性) hides rows. Evidence sits
in <details> elements, so it opens on click without JS (and in print). The stamp says which
plancmp and which data made the page; the page is byte-identical for identical input.
`@media print` keeps one domain per page.
"""
from __future__ import annotations

from functools import cache
from html import escape

from ..core.i18n import Labels
from ..core.verdicts import BUCKETS, SYMBOLS
from ..core.verdicts import STATUSES
from ..core.vocab import domain_order
from .verdict_style import BUCKET_CSS, CLAIM_CSS, verdict_css


# Verdicts a cell can hold, in the order the filter offers them.
CELL_STATUSES = [s for s in STATUSES if s not in ("added",)]


@cache
def asset(name: str) -> str:
    """report.css / report.js, package data beside this module."""
    from importlib.resources import files

    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def e(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _signed(x: float, suffix: str = "") -> str:
    """+9.1%, −33%: one decimal, none when it is .0; a real minus sign."""
    text = f"{abs(x):.1f}".removesuffix(".0")
    return ("+" if x >= 0 else "−") + text + suffix


# ---------------------------------------------------------------- legend and stamp

def _legend(L: Labels) -> str:
    parts = [f'<span><span class="sw s-{s}">{e(SYMBOLS[s])}</span>{e(L.status(s))}</span>' for s in STATUSES]
    return f'<div class="legend" aria-label="{e(L("legend"))}">{"".join(parts)}</div>'


def _bucket_legend(L: Labels) -> str:
    parts = [f'<span><span class="sw bk b-{BUCKET_CSS[b]}"></span>{e(L.bucket(b))}</span>' for b in BUCKETS]
    return f'<div class="legend">{"".join(parts)}</div>'


def _stamp(L: Labels, stamp: dict | None, files: bool = True) -> str:
    if not stamp:
        return ""
    line = e(L("report_stamp", version=stamp["version"], digest="\0")).replace(
        "\0", f'<code title="BLAKE2b {e(stamp["digest"])}">{e(stamp["short"])}</code>')
    if stamp.get("date"):
        line += " · " + e(L("report_stamp_date", date=stamp["date"]))
    if files and stamp["files"]:
        rows = "".join(f'<tr><td>{e(f["name"])}</td><td class="num">{f["bytes"]:,}</td><td><code>{e(f["digest"])}</code></td></tr>'
                       for f in stamp["files"])
        line += (f'<details><summary>{e(L("report_stamp_files", n=len(stamp["files"])))}</summary>'
                 f'<p>{e(L("report_stamp_note"))}</p><div class="hscroll"><table><thead><tr><th>{e(L("report_file"))}</th>'
                 f'<th class="num">{e(L("report_bytes"))}</th><th>{e(L("report_digest"))}</th></tr></thead>'
                 f'<tbody>{rows}</tbody></table></div></details>')
    return f'<div class="stamp">{line}</div>'


def _quote_block(quote: str | None, section: str | None, where: str = "") -> str:
    if not quote:
        return ""
    meta = ", ".join(filter(None, [section, where]))
    return f'<blockquote class="quote">{e(quote)}</blockquote>' + (f'<div class="muted">{e(meta)}</div>' if meta else "")


def _binding_tag(binding: str | None) -> str:
    return f'<span class="tag bind">{e(binding)}</span>' if binding == "约束性" else ""


# ---------------------------------------------------------------- the first screen

def _bar(L: Labels, label_html: str, label_text: str, entry: dict, cls: str = "") -> str:
    """One row of a province's bars: the domain, a stacked SVG bar of its buckets, matched/total."""
    total, counts = entry["total"], entry["counts"]
    x, rects = 0, []
    for b in BUCKETS:
        n = counts[b]
        if n:
            rects.append(f'<rect class="b-{BUCKET_CSS[b]}" x="{x}" y="0" width="{n}" height="10">'
                         f'<title>{e(L.bucket(b))}: {n}</title></rect>')
            x += n
    said = L.sep.join(L.count(counts[b], L.bucket(b)) for b in BUCKETS if counts[b])
    aria = L("report_bar_label", domain=label_text, counts=said, total=total)
    met = counts["matched or exceeded"]
    return (f'<span class="bl {cls}">{label_html}</span>'
            f'<svg class="bar" viewBox="0 0 {max(total, 1)} 10" preserveAspectRatio="none" role="img" aria-label="{e(aria)}">'
            f'<title>{e(aria)}</title>{"".join(rects)}</svg>'
            f'<span class="bn {cls}" title="{e(aria)}">{met}/{total}</span>')


def _bars(L: Labels, entries: list[dict]) -> str:
    out = []
    for entry in entries:
        if not entry["total"]:
            continue
        if entry["domain"] == "(all)":
            label = L("report_all_domains")
            out.append(_bar(L, e(label), label, entry, "all"))
        else:
            d = entry["domain"]
            out.append(_bar(L, f'<a href="#d-{e(d)}">{e(d)}</a>', d, entry))
    return f'<div class="bars">{"".join(out)}</div>'


def _margin_text(L: Labels, p: dict, ref: str) -> str:
    if p["margin"] is None:
        return ""
    cls = "up" if p["margin"] >= 0 else "down"
    rel = _signed(p["margin"] * 100, "%")
    if p["points"] is not None:
        said = L("report_margin_points", margin=rel, points=_signed(p["points"]), ref=ref)
    else:
        said = L("report_margin", margin=rel, ref=ref)
    return f'<span class="{cls}">{e(said)}</span>'


def _point(L: Labels, p: dict, pid: str, ref: str) -> str:
    """One strongest or weakest point: what, both values, the margin, the quote, the rest on click."""
    vals = [f'{e(ref)} <b>{e(p["national"]["value"])}</b>'] if p["national"]["value"] else []
    if p["province"]:
        vals.append(f'{e(pid)} <b>{e(p["province"]["value"] or p["province"]["name"])}</b>')
    else:
        vals.append(f'{e(pid)} <b>—</b> <span class="muted">{e(L("report_not_found", plan=pid))}</span>')
    margin = _margin_text(L, p, ref)
    if margin:
        vals.append(margin)
    why = [L("report_why_" + p["why"]), p["domain"], L.kind(p["kind"])]
    shown = p["province"] or p["national"]
    more = [f'<div><b>{e(ref)}</b>: {e(p["name"])}</div>', _quote_block(p["national"]["quote"], p["national"]["section"])]
    if p["province"]:
        more += [f'<div><b>{e(pid)}</b>: {e(p["province"]["name"])}</div>',
                 _quote_block(p["province"]["quote"], p["province"]["section"], f'{pid}:{p["province"]["id"]}')]
    more += [f'<div class="muted">{e(L.note(n))}</div>' for n in p["notes"]]
    return (f'<li class="pt" data-item="{e(p["id"])}" data-status="{e(p["status"])}">'
            f'<div><span class="tag s-{e(p["status"])}">{e(L.status(p["status"]))}</span> <b>{e(p["name"])}</b>'
            f'{_binding_tag(p["binding"])}</div>'
            f'<div class="pt-vals">{" · ".join(vals)}</div>'
            f'<div class="pt-why">{e(" · ".join(why))}</div>'
            f'<blockquote class="quote">{e(shown["quote"])}</blockquote>'
            f'<details><summary>{e(L("report_evidence"))}</summary>{"".join(more)}</details></li>')


def _points(L: Labels, points: list[dict], pid: str, ref: str) -> str:
    if not points:
        return f'<p class="muted">{e(L("report_none_found"))}</p>'
    return f'<ol>{"".join(_point(L, p, pid, ref) for p in points)}</ol>'


def _summary(L: Labels, data: dict) -> str:
    """The first screen: a card per province with its bars and its strongest and weakest points."""
    ref = data["reference"]
    cards = []
    for p in data["plans"]:
        if p["id"] == ref:
            continue
        pid = p["id"]
        entries = data["coverage"][pid]
        whole = entries[0]
        met = whole["counts"]["matched or exceeded"]
        rest = L.sep.join(L.count(whole["counts"][b], L.bucket(b)) for b in BUCKETS
                          if b != "matched or exceeded" and whole["counts"][b])
        share = _pct(met / whole["total"]) if whole["total"] else "—"
        head = L("report_headline", share="\0", total=whole["total"])
        headline = e(head).replace("\0", f"<b>{e(share)}</b>")
        hl = data["highlights"][pid]
        cards.append(
            f'<article class="card" data-plan="{e(pid)}"><header><h3>{e(p["region"])} <span class="muted">{e(pid)}</span></h3>'
            f'<div class="muted">{e(p["name"])} · {e(p["period"])}</div></header>'
            f'<p class="headline">{headline}</p><div class="muted">{e(rest)}</div>'
            f'{_bars(L, entries)}'
            f'<div class="points"><section><h4 class="strong">{e(L("report_strongest"))}</h4>{_points(L, hl["strong"], pid, ref)}</section>'
            f'<section><h4 class="weak">{e(L("report_weakest"))}</h4>{_points(L, hl["weak"], pid, ref)}</section></div></article>')
    return (f'<p class="muted">{e(L("report_summary_note"))}</p>{_bucket_legend(L)}'
            f'<div class="cards">{"".join(cards)}</div>'
            f'<details class="how"><summary>{e(L("report_how_chosen_title"))}</summary><p>{e(L("report_how_chosen"))}</p></details>')


# ---------------------------------------------------------------- the heatmap

def _filter(L: Labels, data: dict, domains: list[str]) -> str:
    total = sum(len(m["rows"]) for m in data["matrices"].values())

    def select(ident: str, first: str, options: list[tuple[str, str]], label: str) -> str:
        opts = "".join(f'<option value="{e(v)}">{e(t)}</option>' for v, t in options)
        return f'<select id="{ident}" aria-label="{e(label)}"><option value="">{e(first)}</option>{opts}</select>'

    plans = [p for p in data["plans"] if p["id"] != data["reference"]]
    return (f'<form class="filter" id="filter" role="search" hidden>'
            f'<label for="f-text">{e(L("report_filter"))} <input type="search" id="f-text" autocomplete="off" '
            f'placeholder="{e(L("report_filter_placeholder"))}"></label>'
            + select("f-domain", L("report_filter_domain"), [(d, d) for d in domains], L("domain"))
            + select("f-kind", L("report_filter_kind"), [(k, L.kind(k)) for k in data["matrices"]], L("kind"))
            + select("f-status", L("report_filter_status"), [(s, L.status(s)) for s in CELL_STATUSES], L("verdict"))
            + select("f-plan", L("report_filter_plan"), [(p["id"], f'{p["region"]} ({p["id"]})') for p in plans], L("plan"))
            + select("f-binding", L("report_filter_binding"), [(b, L.binding(b)) for b in ("约束性", "预期性")], L("binding"))
            + f'<button type="reset">{e(L("report_filter_reset"))}</button>'
            f'<output id="f-count" for="f-text" aria-live="polite" data-template="{e(L("report_filter_count", n="{n}", total="{total}"))}">'
            f'{e(L("report_filter_count", n=total, total=total))}</output></form>'
            f'<p id="f-none" class="muted" hidden>{e(L("report_filter_none"))}</p>')


def _row_attrs(kind: str, domain: str, binding: str | None, statuses: dict[str, str], words: list) -> str:
    text = " ".join(" ".join(str(w).split()) for w in words if w).lower()
    said = " ".join(f"{p}:{s}" for p, s in statuses.items())
    return (f'class="fr" data-kind="{e(kind)}" data-domain="{e(domain)}" data-binding="{e(binding or "")}" '
            f'data-statuses="{e(said)}" data-text="{e(text)}"')


def _cell(L: Labels, r: dict, c: dict, pid: str, ref: str) -> str:
    status = c["status"]
    body = [f'<h5>{e(pid)}: {e(L.status(status))}</h5><div class="muted">{e(ref)}: {e(r["name"])}</div>']
    if c["counterpart"]:
        body.append(f'<div>{e(c["counterpart_name"])} <span class="muted">{e(c["counterpart_value"])}</span></div>')
        body.append(_quote_block(c["quote"], c["section"], f'{pid}:{c["counterpart"]}'))
        body.append(_also(c))
        if c["score"] is not None:
            body.append(f'<div class="muted">{e(L("score"))} {c["score"]:.2f} ({e(L.confidence(c["confidence"]))})</div>')
    body += [f'<div class="muted">{e(L.note(n))}</div>' for n in c["notes"]]
    shown = c.get("shown") or ""
    sym = SYMBOLS[status]
    if shown in ("—", "?"):
        face = f'<span class="v">{e(shown)}</span>'
    elif shown:
        face = f'<span class="sym" aria-hidden="true">{e(sym)}</span><span class="v">{e(shown)}</span>'
    else:
        face = f'<span class="sym" aria-hidden="true">{e(sym)}</span><span class="w">{e(L.status(status))}</span>'
    title = f'{pid}: {L.status(status)}' + (f" · {shown}" if shown and shown not in ("—", "?") else "")
    return (f'<td class="cell s-{e(status)}" data-plan="{e(pid)}" data-item="{e(r["id"])}" data-status="{e(status)}" '
            f'title="{e(title)}"><details><summary>{face}</summary><div class="pop">{"".join(body)}</div></details></td>')


def _row_head(L: Labels, r: dict, ref: str) -> str:
    nat = r.get("national") or {"value": r["value"], "baseline": None}
    bits = []
    if nat["value"]:
        bits.append(f'<b>{e(nat["value"])}</b>')
    said = [nat["group"]] if nat.get("group") else []
    if nat.get("baseline"):
        said.append(L("baseline") + " " + nat["baseline"])
    if r.get("year"):
        said.append(str(r["year"]))
    if said:
        bits.append(f'<span class="muted">{e(" · ".join(said))}</span>')
    if r.get("binding"):
        bits.append(_binding_tag(r["binding"]) or f'<span class="muted">{e(r["binding"])}</span>')
    return (f'<th class="item" scope="row"><details><summary>{e(r["name"])}</summary>'
            f'{_quote_block(r["quote"], r["section"], r["ref"])}</details>'
            + (f'<div class="nv">{" ".join(bits)}</div>' if bits else "") + "</th>")


def _heatmap_table(L: Labels, m: dict, rows: list[dict], names: dict) -> str:
    ref, kind, plans = m["reference"], m["kind"], m["plans"]
    head = "".join(f'<th scope="col" title="{e(names.get(p, p))}">{e(names.get(p, p))}<br><span class="muted">{e(p)}</span></th>'
                   for p in plans)
    out = [f'<table class="heatmap" data-kind="{e(kind)}" style="--n:{len(plans)}"><colgroup><col class="c-item">'
           f'{"<col>" * len(plans)}</colgroup><thead><tr><th scope="col">{e(ref)} · {e(L("report_kind_" + kind))} '
           f'<span class="muted">{len(rows)}</span></th>{head}</tr></thead><tbody>']
    for r in rows:
        cells = "".join(_cell(L, r, r["cells"][p], p, ref) for p in plans)
        words = [r["name"], r["id"], *(c["counterpart_name"] for c in r["cells"].values())]
        attrs = _row_attrs(kind, r["domain"], r.get("binding"), {p: r["cells"][p]["status"] for p in plans}, words)
        out.append(f'<tr {attrs}>{_row_head(L, r, ref)}{cells}</tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _heatmaps(L: Labels, data: dict, domains: list[str]) -> str:
    names = {p["id"]: p["region"] for p in data["plans"]}
    out = []
    for d in domains:
        tables = []
        n = 0
        for m in data["matrices"].values():
            rows = [r for r in m["rows"] if r["domain"] == d]
            if rows:
                n += len(rows)
                tables.append(_heatmap_table(L, m, rows, names))
        out.append(f'<section class="domain" id="d-{e(d)}" data-domain="{e(d)}"><h3>{e(d)} '
                   f'<span class="muted">{e(L("report_commitments", n=n))}</span></h3>'
                   f'<div class="hscroll">{"".join(tables)}</div></section>')
    return "".join(out)


def _domains(data: dict) -> list[str]:
    present = {r["domain"] for m in data["matrices"].values() for r in m["rows"]}
    present |= {r["domain"] for r in data["targets"]["rows"]}
    return sorted(present, key=domain_order)


# ---------------------------------------------------------------- targets as written, gaps, claims

def _target_cell(L: Labels, c: dict, plan: str) -> str:
    if not c.get("id"):
        text = "" if c["status"] in ("absent",) else f'{SYMBOLS.get(c["status"], "")} {L.status(c["status"])}'
        notes = "".join(f'<div class="muted">{e(L.note(n))}</div>' for n in c.get("notes", []))
        inner = f"<details><summary>{e(text)}</summary><div>{notes}</div></details>" if notes else e(text)
        return f'<td class="val s-{e(c["status"])}">{inner}</td>'
    basis = L.basis(c["basis"])
    tags = [f'<span class="tag">{e(w)}</span>' for w in (c.get("year"), c.get("binding")) if w]
    tags += ([f'<span class="tag">{e(basis)}</span>'] if c["body_text"] else [])
    tags += [f'<span class="tag">{e(L.flag(f))}</span>' for f in c["flags"]]
    sym = SYMBOLS.get(c["status"], "")
    summary = f'{e(sym) + " " if sym else ""}{e(c["value"])}{"".join(tags)}'
    where = f'line {c["line"]}' if c.get("line") else ""
    body = _quote_block(c["quote"], c["section"], where)
    body += _also(c)
    body += "".join(f'<div class="muted">{e(L.note(n))}</div>' for n in c.get("notes", []))
    return (f'<td class="val s-{e(c["status"])}" data-plan="{e(plan)}" title="{e(L.status(c["status"]))}">'
            f'<details><summary>{summary}</summary><div>{body}</div></details></td>')


def _also(c: dict) -> str:
    """The further statements of a cell (a stretch value, the other items of a one-to-many cover)."""
    return "".join(f'<div>+ {e(a["name"])} <span class="muted">{e(a.get("value") or "")}</span></div>'
                   + _quote_block(a["quote"], a["section"]) for a in c.get("also", []))


def _targets(L: Labels, t: dict, domains: list[str]) -> str:
    out = []
    head = "".join(f"<th>{e(p)}</th>" for p in t["plans"])
    others = [p for p in t["plans"] if p != t["reference"]]
    for domain in [d for d in domains if any(r["domain"] == d for r in t["rows"])]:
        rows = [r for r in t["rows"] if r["domain"] == domain]
        out.append(f'<section class="tdomain" data-domain="{e(domain)}"><h3 id="targets-{e(domain)}">{e(domain)}</h3>'
                   f'<div class="hscroll"><table class="grid"><thead><tr><th>{e(L("indicator"))}</th>'
                   f'<th>{e(L("unit"))}</th>{head}</tr></thead><tbody>')
        for r in rows:
            cells = "".join(_target_cell(L, r["cells"][p], p) for p in t["plans"])
            origin = r["cells"].get(r["origin"], {})
            binding = origin.get("binding")
            words = [r["indicator"], *(r["cells"][p].get("indicator") for p in t["plans"])]
            attrs = _row_attrs("targets", r["domain"], binding, {p: r["cells"][p]["status"] for p in others}, words)
            out.append(f'<tr {attrs}><td>{e(r["indicator"])}</td><td>{e(r["unit"] or "")}</td>{cells}</tr>')
        out.append("</tbody></table></div></section>")
    return "".join(out)


def _gaps(L: Labels, gaps: list[dict]) -> str:
    if not gaps:
        return f"<p>{e(L('report_no_gaps'))}</p>"
    items = []
    for g in gaps:
        reveals = "".join(f'<li>{e(r["indicator"])}{_quote_block(r["quote"], None)}</li>' for r in g["reveals"])
        scope = L("any_domain") if g["domains"] is None else ", ".join(g["domains"]) or L("no_domain")
        kinds = L("any_kind") if g["kinds"] is None else ", ".join(g["kinds"]) or L("no_items")
        items.append(f'<li><b>{e(g["plan"])}: {e(g["section"])}</b> <span class="muted">({e(scope)}; {e(kinds)})</span>'
                     f'<div>{e(g["description"])}</div>'
                     + (f'<details><summary>{e(L("report_reveals", n=len(g["reveals"])))}</summary><ul>{reveals}</ul></details>' if reveals else "")
                     + "</li>")
    return f'<ul class="gaps">{"".join(items)}</ul>'


def _claims(L: Labels, press: list[dict]) -> str:
    """The press claims section (plancmp claims): each claim's quote, verdict and the plan items behind it."""
    if not press:
        return ""
    out = [f'<section id="claims"><h2>{e(L("report_claims"))}</h2>']
    for p in press:
        counts = L.sep.join(L.count(n, L.claim(v)) for v, n in p["counts"].items() if n)
        out.append(f'<h3>{e(p["id"])}: {e(p["plan_name"])} ({e(p["plan"])})</h3>'
                   f'<p class="muted">{e(L("report_claims_count", n=len(p["claims"]), counts=counts))}</p>'
                   f'<div class="hscroll"><table class="claims"><thead><tr><th>{e(L("report_claim"))}</th><th>{e(L("verdict"))}</th>'
                   f'<th>{e(L("report_plan_items"))}</th></tr></thead><tbody>')
        for c in p["claims"]:
            items = "".join(f'<li>{e(i["name"])} <span class="muted">{e(i["id"])}</span>{": " + e(i["value"]) if i["value"] else ""}'
                            f'<details><summary class="muted">{e(L("quote"))}</summary>{_quote_block(i["quote"], None)}</details></li>'
                            for i in c["links"])
            why = "".join(f'<div class="muted">{e(r)}</div>' for r in [*c["reasons"], *([c["notes"]] if c["notes"] else [])])
            out.append(f'<tr data-claim="{e(c["id"])}"><td><blockquote class="quote">{e(c["quote"])}</blockquote></td>'
                       f'<td><span class="tag {CLAIM_CSS.get(c["verdict"], "")}">{e(L.claim(c["verdict"]))}</span>{why}</td>'
                       f'<td>{"<ul>" + items + "</ul>" if items else "—"}</td></tr>')
        out.append("</tbody></table></div>")
    return "".join(out) + "</section>"


# ---------------------------------------------------------------- the page

def render(data: dict, lang: str = "en") -> str:
    """The report in one language (labels from plancmp/vocab/labels.yaml)."""
    L = Labels(lang)
    ref = data["reference"]
    names = {p["id"]: p["region"] for p in data["plans"]}
    domains = _domains(data)
    stamp = data.get("stamp")
    title = L("report_title")
    lead = L("report_lead", ref=ref, plans=", ".join(m for m in names if m != ref))
    generator = f'plancmp {stamp["version"]}' if stamp else "plancmp"
    nav = [("summary", L("report_nav_summary")), ("heatmap", L("report_nav_heatmap")), ("targets", L("report_nav_tables")),
           ("gaps", L("report_nav_gaps"))] + ([("claims", L("report_nav_claims"))] if data.get("claims") else [])
    return f"""<!DOCTYPE html>
<html lang="{'zh-Hans' if L.zh else 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{e(generator)}">
<title>{e(title)}</title>
<style>{asset("report.css")}{verdict_css()}</style>
</head>
<body>
<header>
<h1>{e(title)}</h1>
<p class="lead">{e(lead)}</p>
{_stamp(L, stamp)}
<nav>{"".join(f'<a href="#{k}">{e(t)}</a>' for k, t in nav)}</nav>
</header>
<main>
<section id="summary"><h2>{e(L("report_summary", ref=ref))}</h2>{_summary(L, data)}</section>
<h2 id="heatmap">{e(L("report_heatmap"))}</h2>
<p class="muted">{e(L("report_heatmap_note"))}</p>
{_legend(L)}
{_filter(L, data, domains)}
<section id="heatmaps">
<div class="toolbar"><button type="button" id="expand-all">{e(L("report_expand"))}</button><button type="button" id="collapse-all">{e(L("report_collapse"))}</button></div>
{_heatmaps(L, data, domains)}</section>
<section id="targets"><h2>{e(L("report_targets"))}</h2>
<p class="muted">{e(L("report_targets_note"))}</p>
{_targets(L, data["targets"], domains)}</section>
<section id="gaps"><h2>{e(L("report_gaps"))}</h2>
<p class="muted">{e(L("report_gaps_note"))}</p>
{_gaps(L, data["gaps"])}</section>
{_claims(L, data.get("claims") or [])}
</main>
<footer>{_stamp(L, stamp, files=False)}<p>{e(L("report_footer"))}</p></footer>
<script>{asset("report.js")}</script>
</body>
</html>
"""
