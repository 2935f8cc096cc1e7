"""`plancmp claims`: each press claim with its verdict and the plan items behind it, as
tables (text, Markdown) and one flat CSV table; JSON is claims.py's data as it is."""
from __future__ import annotations

from ..core.i18n import Labels
from .result import Result
from .tabular import Column, Table
from .verdict_style import CLAIM_STYLES


def result(data: dict) -> Result:
    """`plancmp claims`: a table per press file, and every claim of every file in one flat table (CSV)."""
    return Result(data, tables=lambda view: [*tables(data), csv_table(data)])


def _items(claim: dict) -> str:
    return "; ".join(f"{i['name']} ({i['id']})" + (f": {i['value']}" if i["value"] else "") for i in claim["links"]) or "—"


def _why(claim: dict) -> str:
    return "; ".join([*claim["reasons"], *([claim["notes"]] if claim["notes"] else [])])


def _row(press: dict, claim: dict) -> dict:
    return {"press": press["id"], "plan": press["plan"], "claim": claim["id"], "verdict": claim["verdict_text"],
            "quote": claim["quote"], "items": _items(claim), "why": _why(claim),
            "_style": {"verdict": CLAIM_STYLES.get(claim["verdict"], "")}}


_COLUMNS = [Column("claim", "claim"), Column("verdict", "verdict", nowrap=True), Column("quote", "the article says"),
            Column("items", "plan items (value)"), Column("why", "why")]


def tables(data: dict) -> list[Table]:
    out = []
    for press in data["press"]:
        counts = ", ".join(f"{n} {Labels('en').claim(v)}" for v, n in press["counts"].items() if n)
        out.append(Table(f"{press['id']}: claims about {press['plan_name']} ({press['plan']})", _COLUMNS,
                         [_row(press, c) for c in press["claims"]], notes=[f"{len(press['claims'])} claims: {counts}"],
                         role="shown"))
    return out


def csv_table(data: dict) -> Table:
    columns = [Column("press", "press"), Column("plan", "plan"), *_COLUMNS]
    return Table("claims", columns, [_row(p, c) for p in data["press"] for c in p["claims"]], role="data", main=True)
