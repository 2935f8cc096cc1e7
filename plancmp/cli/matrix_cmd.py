from __future__ import annotations

from enum import Enum

import typer

from .common import OutputFormat, app, domain_option, emit


class Kind(str, Enum):
    targets = "targets"
    services = "services"
    tasks = "tasks"


@app.command("matrix")
def matrix_command(
    kind: Kind = typer.Option(Kind.targets, "--kind", "-k", help="targets, services or tasks."),
    domain: str = typer.Option(None, "--domain", "-d", help="One domain: 老有所养, 养老, elderly … Default: all."),
    format: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json, csv (the grid only) or markdown."),
) -> None:
    """Every national commitment against every province: one verdict symbol per cell, then coverage.

    Symbols: + exceeds, = matches, =# matches with a number where national states none,
    - below, ~ not comparable, x omitted, ? unknown (the province's source lost a part
    that could hold it). Coverage per province and domain: the share of national
    commitments matched or exceeded, below, not comparable, omitted and unknown.

    Examples:

      plancmp matrix

      plancmp matrix --kind services --format markdown

      plancmp matrix --domain 养老 --format json
    """
    from ..render.matrix import coverage_table, grid_csv_table, grid_table
    from ..results import matrix_of

    data = matrix_of(kind.value, domain_option(domain))
    emit(format, data, lambda: [grid_table(data), coverage_table(data)], lambda: grid_csv_table(data))
