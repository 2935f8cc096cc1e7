from __future__ import annotations

from enum import Enum

import typer

from .common import app


class SchemaName(str, Enum):
    plan = "plan"
    press = "press"
    links = "links"
    diff = "diff"


@app.command("schema")
def schema_command(
    name: SchemaName = typer.Argument(SchemaName.plan, help="Which schema: plan (data/plans/*.yaml), press (data/press/*.yaml), links (data/links.yaml) or diff (the output of plancmp diff --format json)."),
    write: bool = typer.Option(False, "--write", help="Regenerate the published copies in plancmp/schemas/ (and the checks generated from them) instead of printing."),
) -> None:
    """Print the JSON Schema of plan files (editors use it through the yaml-language-server line).

    Examples:

      plancmp schema > plan.schema.json

      plancmp schema press

      plancmp schema links
    """
    from ..ingest import schema

    if write:
        from ..ingest import fastschema

        for path in [*schema.write_published(), fastschema.write()]:   # the schemas, then the checks made from them
            typer.echo(f"wrote {path}")
        return
    typer.echo(schema.dumps(schema.SCHEMAS[name.value]()), nl=False)
