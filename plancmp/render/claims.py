"""`plancmp claims`: each press claim with its verdict and the plan items behind it, as
tables (text, Markdown) and one flat CSV table; JSON is claims.py's data as it is."""
from __future__ import annotations

from ..core.i18n import Labels
from .result import Result
from .tabular import Column, Table
from .verdict_style import CLAIM_STYLES


def result(data: dict) -> Result:
    """`plancmp claims`: a table per press file, and every claim of every file in one flat table (CSV)."""
    return Result(data, tables=lambda view: [*tables(data, view.labels), csv_table(data, view.labels)])


def _items(claim: dict, labels: Labels) -> str:
    return "; ".join(f"{i['name']} ({i['id']})" + (f": {i['value']}" if i["value"] else "") for i in claim["links"]) or "—"


def claim_reasons(claim: dict, labels: Labels) -> list[str]:
    """Why the claim has its verdict, worded from the verdict and the numbers compared (English:
    the engine's sentences as they are; the report uses it too)."""
    if not labels.zh:
        return list(claim["reasons"])
    if claim["verdict"] in ("not-in-plan", "context"):
        return [labels(f"claim_why_{claim['verdict']}")]
    return [labels("claim_why_number", claim=n["claim"], plan=n["plan"], indicator=n["indicator"], item=n["item"],
                   verdict=labels.claim(n["verdict"])) for n in claim["numbers"] if n["verdict"] != "supported"]


def claim_note(claim: dict, labels: Labels) -> str:
    """The curator's note on a claim: English prose in the press file, so only for English readers."""
    return claim["notes"] or "" if not labels.zh else ""


def _why(claim: dict, labels: Labels) -> str:
    return "; ".join(r for r in [*claim_reasons(claim, labels), claim_note(claim, labels)] if r)


def _row(press: dict, claim: dict, labels: Labels) -> dict:
    return {"press": press["id"], "plan": labels.plan(press["plan"]), "claim": claim["id"],
            "verdict": labels.claim(claim["verdict"]), "quote": claim["quote"], "items": _items(claim, labels),
            "why": _why(claim, labels), "_style": {"verdict": CLAIM_STYLES.get(claim["verdict"], "")}}


def _columns(labels: Labels) -> list[Column]:
    return [Column("claim", labels("report_claim")), Column("verdict", labels("verdict"), nowrap=True),
            Column("quote", labels("claims_article_says")), Column("items", labels("claims_plan_items")),
            Column("why", labels("claims_why"))]


def tables(data: dict, labels: Labels | None = None) -> list[Table]:
    labels = labels or Labels("en")
    out = []
    for press in data["press"]:
        counts = labels.sep.join(labels.count(n, labels.claim(v)) for v, n in press["counts"].items() if n)
        out.append(Table(labels("claims_title", press=press["id"], name=press["plan_name"], plan=labels.plan(press["plan"])),
                         _columns(labels), [_row(press, c, labels) for c in press["claims"]],
                         notes=[labels("claims_count", n=len(press["claims"]), counts=counts)], role="shown"))
    return out


def csv_table(data: dict, labels: Labels | None = None) -> Table:
    labels = labels or Labels("en")
    columns = [Column("press", labels("claims_press")), Column("plan", labels("plan")), *_columns(labels)]
    return Table(labels("claims_csv_title"), columns, [_row(p, c, labels) for p in data["press"] for c in p["claims"]],
                 role="data", main=True)
