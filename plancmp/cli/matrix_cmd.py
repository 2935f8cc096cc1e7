from __future__ import annotations

from pathlib import Path

from .common import (SheetFormat, View, app, binding_option, binding_param, bom_param, color_param, domain_param,
                     domains_option, emit, format_param, kind_param, kinds_for_binding, kinds_option, lang_param,
                     out_param, usage_error)


@app.command("matrix")
def matrix_command(
    kind: str = kind_param("targets", "targets, services or tasks (comma-separated for several: one grid each)."),
    domain: str = domain_param(),
    binding: str = binding_param(),
    format: SheetFormat = format_param(SheetFormat.table, "table, json, csv (the grid only), markdown or xlsx (with --out)."),
    out: Path = out_param(),
    bom: bool = bom_param(),
    color=color_param(),
    lang=lang_param(),
) -> None:
    """Every national commitment against every province: one verdict symbol per cell, then coverage.

    The table opens with the coverage of each province over all domains and the legend.
    Symbols: + exceeds, = matches, =# matches with a number where national states none,
    - below, ~ not comparable, x omitted, ? unknown (the province's source lost a part
    that could hold it). Coverage per province and domain: the share of national
    commitments matched or exceeded, below, not comparable, omitted and unknown.

    Examples:

      plancmp matrix

      plancmp matrix --kind services,tasks --format markdown

      plancmp matrix --domain 养老,医疗 --binding 约束性 --format json

      plancmp matrix --kind targets,services,tasks --format xlsx --out matrix.xlsx
    """
    kinds = kinds_option(kind, default=("targets",))
    domains = domains_option(domain)
    wanted = binding_option(binding)
    kinds = kinds_for_binding(kinds, wanted)
    view = View(color, lang)
    matrices = [_matrix(k, domains, wanted) for k in kinds]
    from ..render.matrix import coverage_table, grid_csv_table, grid_table, summary_table
    from ..render.sheets import matrix_sheets

    data = matrices[0] if len(matrices) == 1 else {"kinds": matrices}
    if format is SheetFormat.csv and len(matrices) > 1:
        usage_error("--format csv holds one grid: name one --kind (or use --format xlsx for several)")
    emit(format, data,
         lambda: [t for m in matrices for t in (summary_table(m, view.labels), grid_table(m, view.labels),
                                                 coverage_table(m, view.labels))],
         lambda: grid_csv_table(matrices[0]), view=view, bom=bom, out=out,
         sheets=lambda: matrix_sheets(matrices, view.labels))


def _matrix(kind: str, domains: list[str] | None, binding: str | None) -> dict:
    """The matrix of one kind over some domains (one cached result per domain) and one 属性."""
    from ..views.matrix import coverage
    from ..views.matrix import matrix_of
    from ..core.vocab import domain_order

    if not domains or len(domains) == 1:
        data = matrix_of(kind, domains[0] if domains else None)
    else:
        parts = [matrix_of(kind, d) for d in sorted(domains, key=domain_order)]
        rows = [r for p in parts for r in p["rows"]]
        data = {**parts[0], "domain": ",".join(domains), "rows": rows, "coverage": coverage(rows, parts[0]["plans"]),
                "added": {pid: sum(p["added"][pid] for p in parts) for pid in parts[0]["plans"]}}
    if binding:
        rows = [r for r in data["rows"] if r.get("binding") == binding]
        data = {**data, "binding": binding, "rows": rows, "coverage": coverage(rows, data["plans"]),
                "added": _added(data, binding, domains)}
    return data


def _added(data: dict, binding: str, domains: list[str] | None) -> dict:
    """Targets of each province of that 属性 with no national counterpart (through the cached diffs)."""
    from ..views.results import diff_of
    from ..core.verdicts import row_binding

    return {pid: sum(r.status == "added" and row_binding(r) == binding and (not domains or r.domain in domains)
                     for r in diff_of(data["reference"], pid, ("targets",)).rows) for pid in data["plans"]}
