from __future__ import annotations

from pathlib import Path

import typer

from .common import app, check_out, date_option, lang_param, open_workspace, write_out


@app.command("report")
def report_command(
    out: Path = typer.Option(..., "--out", "-o", help="The HTML file to write (one self-contained file)."),
    lang=lang_param(),
    date: str = typer.Option(None, "--date", metavar="today|YYYY-MM-DD", show_default=False,
                             help="Print this date in the stamp (`today`: the current date). Without it the "
                                  "page holds no time at all: the same data gives the same bytes."),
    drafts: bool = typer.Option(False, "--drafts", help="Also the plans whose every item is still a draft (plancmp new's, "
                                "unchecked): left out otherwise. A plan holding some drafts is always shown, marked."),
) -> None:
    """Write one self-contained HTML report: first, per province, bars of how it covers the
    national commitments per domain and its strongest and weakest points with their quotes;
    then every national commitment against every province (the province's value in each cell,
    a filter by name, domain, kind, verdict and 属性), per-domain target tables, the source
    gaps and the press claims. A stamp names the plancmp version and a digest of the data files.
    Over more than 31 provinces the tables show one province at a time, chosen in the page.

    No network, no external fonts or scripts: it opens from disk, reads in Chinese with
    whatever CJK font the reader has, and prints from a browser as an A4 briefing: each
    province card on a page, every quote open, press claims by exception, page numbers and
    the stamp at each page's foot.

    Examples:

      plancmp report --out report.html

      plancmp report --out 报告.html --lang zh

      plancmp report -o /tmp/plancmp.html --date today && xdg-open /tmp/plancmp.html
    """
    from ..core.i18n import Labels
    from ..files.output import write_chunks_atomic
    from ..render import html
    from ..views.report import report

    stamp = date_option(date)
    check_out(out)   # before the work: say it now, not after rendering
    data = report(open_workspace(), date=stamp, drafts=drafts)
    # written as it is rendered: over many provinces the page is tens of megabytes
    write_out(out, lambda path: write_chunks_atomic(path, html.render_chunks(data, Labels(lang).lang)))

