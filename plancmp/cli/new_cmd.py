from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from .common import EXIT_USAGE, app, fail, open_workspace, usage_error


class Level(str, Enum):
    province = "province"
    national = "national"


@app.command("new")
def new_command(
    plan_id: str = typer.Argument(..., metavar="ID", help="The new plan's id: lower-case ascii words joined by - (zhejiang); also its file name."),
    source: Path = typer.Option(..., "--source", "-s", help="The plan's text (UTF-8), copied to the data folder's sources/ID.txt."),
    name: str = typer.Option(..., "--name", help="The plan's title as the text gives it: 浙江省“十四五”公共服务规划."),
    region: str = typer.Option(..., "--region", help="The region it covers: 浙江省 (people may type it, or 浙江, for the plan)."),
    level: Level = typer.Option(Level.province, "--level", help="province, or national for the reference plan."),
    period: str = typer.Option("2021-2025", "--period", help="The plan period."),
    alias: list[str] = typer.Option(None, "--alias", help="Another name people may type for the plan (repeat the option); kept in the plan file."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the draft plan file instead of writing anything."),
) -> None:
    """Draft a new plan from its text: copy the text to sources/ID.txt and write plans/ID.yaml with the indicator table's rows, the targets the body text states, the basic services (listed or named in prose), the key tasks and their commitments, and the boxes the copy lost, each item with a verbatim quote and draft: true.

    A draft is where curation starts: read every item against the text,
    fix it and delete its draft: true ([bold]plancmp validate[/bold] warns
    draft-item until then); add what the drafter missed; record what the
    copy lost under source_gaps (CONTRIBUTING.md). What it could not read
    is listed as [bold]file:line: could not read: …[/bold].

    It never replaces a file: an existing plan or source is an error (exit
    2). Before it writes, it checks the new plan beside the folder's others
    as [bold]plancmp validate[/bold] does (one national plan; ids, regions
    and aliases that name one plan; names that are text; a plan file within
    its limits): an error is exit 2, nothing written. It writes the source
    and the plan all or nothing: stopped at any point, it leaves the folder
    as it was or complete. The data folder is PLANCMP_DATA, else ./data when
    it holds plans/; with neither it exits 2 (it never writes into the
    installed package).

    Examples:

      plancmp new zhejiang --source ~/zhejiang.txt --name 浙江省“十四五”公共服务规划 --region 浙江省 --alias 浙江

      plancmp new zhejiang --source ~/zhejiang.txt --name … --region 浙江省 --dry-run | less
    """
    from ..draft import files
    from ..draft.emit import plan_yaml
    from ..draft.start import check_new, check_result, draft_file, in_place
    from ..files.paths import shown_path

    ws = open_workspace(writable=not dry_run)   # never the installed package's own folder
    data = ws.root
    plan_file, source_path = ws.plan_path(plan_id), ws.sources_dir / f"{plan_id}.txt"
    problem = check_new(ws, plan_id, name, region, alias or [], plan_file, source_path, source, dry_run, period)
    if problem:
        usage_error(problem)
    from ..draft.reference import load as load_reference

    # the reference plan's words help read a province's text (its indicators, its services)
    raw, draft = draft_file(source, None if level == Level.national else load_reference(ws))
    if isinstance(draft, str):
        usage_error(draft)
    text = plan_yaml(plan_id, name.strip(), level.value, region.strip(), period, [a.strip() for a in alias or []],
                     f"../sources/{plan_id}.txt", draft)
    shown_source = shown_path(source_path)
    if dry_run:
        typer.echo(text, nl=False)
        shown_source = str(source)
    else:
        # the source (unless it is in place already), then the plan: checked together with the
        # folder's other plans as `plancmp validate` checks them, then written all or nothing
        writes = ([] if in_place(source, source_path) else [(source_path, raw)]) + [(plan_file, text.encode("utf-8"))]
        errors = check_result(data, level.value, writes)
        if errors:
            fail(f"the new plan would leave {shown_path(data)} with {len(errors)} error{'s' * (len(errors) != 1)} "
                 f"`plancmp validate` reports (above); nothing was written", errors, code=EXIT_USAGE)
        try:
            files.create_all(writes)
        except FileExistsError as exc:
            usage_error(f"{shown_path(Path(exc.filename2 or exc.filename or plan_file))} appeared while drafting; nothing was written")
        except OSError as exc:
            usage_error(f"cannot write into {shown_path(data)}: {exc.strerror or exc}; nothing was written")
    sys.stdout.flush()
    for line, message in draft.problems:
        print(f"{shown_source}:{line}: could not read: {message}", file=sys.stderr)
    rows = [t for t in draft.targets if t["basis"] == "table"]
    table = f" ({len(rows)} from {rows[0]['evidence']['section']})" if rows else ""
    gaps = f", {len(draft.gaps)} source gap{'s' * (len(draft.gaps) != 1)}" if draft.gaps else ""
    summary = (f"{len(draft.targets)} targets{table}, {len(draft.services)} services, {len(draft.tasks)} tasks"
               f"{gaps}, every one draft: true; "
               f"{len(draft.problems)} thing{'s' * (len(draft.problems) != 1)} not read")
    if dry_run:
        print(f"plancmp: dry run, nothing written: {summary}", file=sys.stderr)
        return
    typer.echo(f"drafted {shown_path(plan_file)} from {shown_source}: {summary}")
    typer.echo(f"next: check each item against the text and delete its `draft: true`, then "
               f"`plancmp validate {shown_path(plan_file)}` (CONTRIBUTING.md)")
