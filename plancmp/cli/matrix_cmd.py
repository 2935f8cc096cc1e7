from __future__ import annotations

from pathlib import Path

import typer

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
    format_param,
    kind_param,
    kinds_for_binding,
    kinds_option,
    lang_param,
    open_workspace,
    out_param,
    usage_error,
)


@app.command("matrix")
def matrix_command(
    kind: str = kind_param(None, "targets, services or tasks (comma-separated for several: one grid each). "
                                 "Default: targets; a workbook (xlsx): all three."),
    domain: str = domain_param(),
    binding: str = binding_param(),
    format: str = format_param("tables", help="table, json, csv (the grid only), markdown or xlsx (with --out)."),
    out: Path = out_param(),
    date: str = date_param(),
    bom: bool = bom_param(),
    drafts: bool = typer.Option(False, "--drafts", help="Also the plans whose every item is still a draft (plancmp new's, "
                                "unchecked): left out otherwise. A plan holding some drafts is always shown, marked."),
    color=color_param(),
    lang=lang_param(),
) -> None:
    """Every national commitment against every province: one verdict symbol per cell, then coverage.

    The table opens with the coverage of each province over all domains and the legend.
    Coverage per province and domain: the share of national commitments in each bucket
    (matched or exceeded, below, not comparable, mentioned only, omitted, unknown).

    Symbols: {verdicts}. Unknown: the province's source lost a part that could hold it.

    Examples:

      plancmp matrix

      plancmp matrix --kind services,tasks --format markdown

      plancmp matrix --domain 养老,医疗 --binding 约束性 --format json

      plancmp matrix --kind targets,services,tasks --format xlsx --out matrix.xlsx
    """
    from ..core.model import KINDS
    from ..render.matrix import result
    from ..views.matrix import matrix_of

    # a workbook holds every national commitment, a sheet per kind; the other formats the targets
    kinds = kinds_option(kind, default=KINDS if format == "xlsx" and kind is None else ("targets",))
    domains = domains_option(domain)
    wanted = binding_option(binding)
    kinds = kinds_for_binding(kinds, wanted)
    if format == "csv" and len(kinds) > 1:
        usage_error("--format csv holds one grid: name one --kind (or use --format xlsx for several)")
    view = View(color, lang, bom=bom, date=date_option(date))
    ws = open_workspace()
    emit(result([matrix_of(ws, k, domains, wanted, drafts) for k in kinds]), format, view, out)
