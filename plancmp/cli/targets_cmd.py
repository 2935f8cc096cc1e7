from __future__ import annotations


import typer

from .common import OutputFormat, app, domain_option, emit, usage_error


@app.command("targets")
def targets_command(
    domain: str = typer.Option(None, "--domain", "-d", help="One domain: 老有所养, 养老, elderly, laoyousuoyang … Default: all, grouped."),
    plans: str = typer.Option(None, "--plans", "-p", help="Plans to show beside the national reference, comma-separated (ids or aliases). Default: all."),
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json, csv or markdown."),
) -> None:
    """Every target across the plans: one row per indicator, national as the reference column.

    Each province cell gives its verdict against national (+ exceeds, = matches, - below,
    ~ not comparable, x omitted, ? unknown: the source lost a part that could hold it), then
    baseline → target exactly as written. [text] and [box] mark commitments of the body
    text or a box rather than the indicator table; footnote flags (annual avg, cumulative,
    other base year) are shown. Province targets with no national counterpart follow as
    rows of their own (* added).

    Examples:

      plancmp targets --domain 老有所养

      plancmp targets --plans liaoning,甘肃 --format markdown

      plancmp targets --format csv > targets.csv
    """
    from .. import planref
    from ..crossplan import load_checked_links, reference_id
    from ..load import load_all
    from ..render.targets import targets_csv_table, targets_table
    from ..targetgrid import target_grid

    domain_name = domain_option(domain)
    loaded = load_all()
    ref = reference_id(loaded)
    chosen = None
    if plans:
        chosen = []
        for part in plans.replace("，", ",").split(","):
            if not part.strip():
                continue
            try:
                pid = planref.resolve(part.strip())
            except planref.UnknownPlan as exc:
                usage_error(str(exc))
            if pid != ref and pid not in chosen:
                chosen.append(pid)
    data = target_grid(loaded, load_checked_links(loaded), chosen, domain_name)
    emit(format, data, lambda: [targets_table(data)], lambda: targets_csv_table(data))
