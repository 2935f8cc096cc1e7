from __future__ import annotations

from pathlib import Path

import typer

from .common import app, lang_param, usage_error


@app.command("report")
def report_command(
    out: Path = typer.Option(..., "--out", "-o", help="The HTML file to write (one self-contained file)."),
    lang=lang_param(),
    date: str = typer.Option(None, "--date", metavar="today|YYYY-MM-DD", show_default=False,
                             help="Print this date in the stamp (`today`: the current date). Without it the "
                                  "page holds no time at all: the same data gives the same bytes."),
) -> None:
    """Write one self-contained HTML report: first, per province, bars of how it covers the
    national commitments per domain and its strongest and weakest points with their quotes;
    then every national commitment against every province (the province's value in each cell,
    a filter by name, domain, kind, verdict and 属性), per-domain target tables, the source
    gaps and the press claims. A stamp names the plancmp version and a digest of the data files.

    No network, no external fonts or scripts: it opens from disk, reads in Chinese with
    whatever CJK font the reader has, and prints to PDF from a browser (one domain per page).

    Examples:

      plancmp report --out report.html

      plancmp report --out 报告.html --lang zh

      plancmp report -o /tmp/plancmp.html --date today && xdg-open /tmp/plancmp.html
    """
    from ..ingest.links import load_checked_links
    from ..ingest.load import load_all
    from ..files.output import write_atomic
    from ..render import html
    from ..views.report import report

    if date is not None:
        date = _date_option(date)
    if out.is_dir():
        usage_error(f"{out} is a directory; name the HTML file to write (e.g. {out}/report.html)")
    if not out.parent.is_dir():
        usage_error(f"{out.parent}: no such directory")
    from ..files.output import NotAFile, refuse_unless_regular

    try:
        refuse_unless_regular(out)   # before the work: say it now, not after rendering
    except NotAFile as exc:
        usage_error(str(exc))
    plans = load_all()
    from ..core.i18n import Labels

    load_checked_links(plans)   # a broken link stops the report, whichever two plans it joins
    text = html.render(report(plans, date=date), Labels(lang).lang)
    try:
        write_atomic(out, text)
    except OSError as exc:
        usage_error(f"cannot write {out}: {exc.strerror or exc}")
    typer.echo(f"wrote {out}", err=True)


def _date_option(value: str) -> str:
    """`today` -> date.today(); an ISO date as given (checked); anything else is a usage error."""
    from datetime import date

    if value.strip().lower() == "today":
        return date.today().isoformat()
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        usage_error(f"--date {value!r}: give `today` or a date as YYYY-MM-DD")
