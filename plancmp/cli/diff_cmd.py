from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..core.verdicts import STATUSES  # light: the diff engine (compare.py) is imported only when diff runs
from .common import (
    View,
    app,
    binding_option,
    binding_param,
    bom_param,
    color_param,
    date_option,
    date_param,
    domain_param,
    domains_option,
    emit,
    fail,
    format_param,
    kind_param,
    kinds_option,
    lang_param,
    open_workspace,
    out_param,
    plan_ids_option,
    statuses_option,
    usage_error,
)


@app.command("diff")
def diff_command(
    a: str = typer.Argument(..., metavar="A", help="The reference plan (id or alias: national, 全国, 国家 …).", show_default=False),
    b: str = typer.Argument(..., metavar="B", help="The plan compared with it (liaoning, 辽宁, fujian, gansu …).", show_default=False),
    kind: str = kind_param(),
    domain: str = domain_param(),
    status: str = typer.Option(None, "--status", "-s", help="Verdicts to show, comma-separated: " + ", ".join(STATUSES) + " (or 低于, 未提及 …)."),
    binding: str = binding_param(),
    all_rows: bool = typer.Option(False, "--all", "-a", help="Table: list the added rows too (always counted in the summary; json, csv, markdown and xlsx keep every row)."),
    format: str = format_param("tables", help="table (text, coloured on a terminal), json, csv, markdown or xlsx (with --out)."),
    out: Path = out_param(),
    date: str = date_param(),
    evidence: bool = typer.Option(False, "--evidence", "-e", help="Show the quotes behind each item."),
    review: bool = typer.Option(False, "--review", help="An alias of `plancmp review B --list`: the decisions left to "
                                "finish B (B compared with the reference plan)."),
    bom: bool = bom_param(),
    color=color_param(),
    lang=lang_param(),
) -> None:
    """Where plan B exceeds, matches, falls below or omits plan A's targets, services and tasks.

    The table opens with the answer: the counts per verdict and per domain. Then the rows
    that compare something, by domain; B's added items are counted there and listed with
    --all. Items are aligned by kind and domain (scores, confidence and reasons per pair);
    data/links.yaml pins or forbids pairs. A is the reference.

    Examples:

      plancmp diff national liaoning

      plancmp diff 全国 甘肃 --kind targets --evidence --lang zh

      plancmp diff national fujian --domain 养老,医疗 --status below,omitted --format markdown

      plancmp diff national liaoning --binding 约束性

      plancmp diff national liaoning --format xlsx --out liaoning.xlsx

      plancmp diff national liaoning --review
    """
    from ..core.verdicts import select
    from ..views.results import diff_of

    ws = open_workspace()
    left_id, right_id = plan_ids_option(ws, [a])[0], plan_ids_option(ws, [b])[0]
    if left_id == right_id:
        usage_error(f"{a!r} and {b!r} are the same plan ({left_id}); name two different plans")
    kinds = kinds_option(kind)
    domains = domains_option(domain)
    statuses = statuses_option(status)
    wanted = binding_option(binding)
    if wanted and "targets" not in kinds:
        usage_error("--binding selects targets (约束性/预期性); add targets to --kind")
    view = View(color, lang, bom=bom, date=date_option(date))
    # the plans, resolved once here: below, the view and the engine take them, never their ids
    result = select(diff_of(ws, ws.plan(left_id), ws.plan(right_id), kinds), set(domains) if domains else None,
                    statuses, wanted)
    if review:   # replaced by `plancmp review B`: the same list of decisions
        _review_list(ws, left_id, right_id, view)
        return
    from ..render.diff import result as diff_result

    emit(diff_result(result, evidence, list_added=all_rows or statuses is not None), format, view, out)


def _review_list(ws, left_id: str, right_id: str, view: View) -> None:
    from ..core.errors import PlanError
    from ..render.review import result
    from ..views.crossplan import reference_id
    from ..views.review import Session

    ref = reference_id(ws.plans())
    if left_id != ref:
        usage_error(f"--review lists the decisions about a plan compared with the reference plan: "
                    f"plancmp diff {ref} {right_id} --review (or plancmp review {right_id})")
    print(f"plancmp: diff --review is now `plancmp review {right_id} --list` (`plancmp review {right_id}` asks them)",
          file=sys.stderr)
    try:
        session = Session(ws.root, right_id)
    except PlanError as exc:
        fail(str(exc), exc.findings)
    emit(result(right_id, [session.describe(d) for d in session.decisions()]), "text", view)
