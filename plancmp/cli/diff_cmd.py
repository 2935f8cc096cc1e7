from __future__ import annotations

import os
import sys
from enum import Enum

import typer

from .common import app, domain_option, usage_error

from ..verdicts import STATUSES   # light: the diff engine (compare.py) is imported only when diff runs


class DiffFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _split(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").replace("，", ",").split(",") if p.strip()]


@app.command("diff")
def diff_command(
    a: str = typer.Argument(..., help="The reference plan (id or alias: national, 全国, 国家 …)."),
    b: str = typer.Argument(..., help="The plan compared with it (liaoning, 辽宁, fujian, gansu …)."),
    kind: str = typer.Option(None, "--kind", "-k", help="targets, services or tasks (comma-separated for several). Default: all."),
    domain: str = typer.Option(None, "--domain", "-d", help="One domain: 老有所养, 养老, elderly, laoyousuoyang …"),
    status: str = typer.Option(None, "--status", "-s", help="Verdicts to show, comma-separated: " + ", ".join(STATUSES) + "."),
    format: DiffFormat = typer.Option(DiffFormat.table, "--format", "-f", help="table (text, coloured on a terminal), json, csv or markdown."),
    evidence: bool = typer.Option(False, "--evidence", "-e", help="Show the quotes behind each item."),
    review: bool = typer.Option(False, "--review", help="List low-confidence and near-miss pairs with links.yaml lines to pin or forbid them."),
) -> None:
    """Where plan B exceeds, matches, falls below or omits plan A's targets, services and tasks.

    Items are aligned by kind and domain (scores, confidence and reasons per pair);
    data/links.yaml pins or forbids pairs. A is the reference.

    Examples:

      plancmp diff national liaoning

      plancmp diff 全国 甘肃 --kind targets --evidence

      plancmp diff national fujian --domain 养老 --status below,omitted --format markdown

      plancmp diff national liaoning --review
    """
    from .. import planref
    from ..model import KINDS
    from ..results import diff_of
    from ..verdicts import select, status_from_text

    try:
        left_id, right_id = planref.resolve(a), planref.resolve(b)
    except planref.UnknownPlan as exc:
        usage_error(str(exc))
    if left_id == right_id:
        usage_error(f"{a!r} and {b!r} are the same plan ({left_id}); name two different plans")
    kinds = tuple(_split(kind)) or KINDS
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        usage_error(f"unknown --kind {bad[0]!r}; choose from: {', '.join(KINDS)}")
    domains = {domain_option(domain)} if domain else None
    statuses = None
    if status:
        statuses = set()
        for word in _split(status):
            slug = status_from_text(word)
            if slug is None:
                usage_error(f"unknown --status {word!r}; choose from: {', '.join(STATUSES)}")
            statuses.add(slug)
    result = select(diff_of(left_id, right_id, kinds), domains, statuses)
    if review:
        from ..render import review as renderer
        typer.echo(renderer.render(result, evidence), nl=False)
        return
    if format is DiffFormat.table:
        from ..render import diff_table
        from ..render.textgrid import output_width

        color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        typer.echo(diff_table.render(result, evidence, color=color, width=output_width(sys.stdout)), nl=False, color=color)
        return
    from ..render import diff_csv, diff_json, diff_markdown
    renderer = {"json": diff_json, "csv": diff_csv, "markdown": diff_markdown}[format.value]
    typer.echo(renderer.render(result, evidence), nl=False)
