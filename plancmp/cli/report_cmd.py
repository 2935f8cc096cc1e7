from __future__ import annotations

from pathlib import Path

import typer

from .common import app, lang_option, usage_error


@app.command("report")
def report_command(
    out: Path = typer.Option(..., "--out", "-o", help="The HTML file to write (one self-contained file)."),
    lang=lang_option(),
) -> None:
    """Write one self-contained HTML report: heatmaps of every national commitment against every
    province, per-domain target tables, evidence quotes that expand on click, the source gaps
    and the summary counts.

    No network, no external fonts or scripts: it opens from disk, reads in Chinese with
    whatever CJK font the reader has, and prints to PDF from a browser.

    Examples:

      plancmp report --out report.html

      plancmp report --out 报告.html --lang zh

      plancmp report -o /tmp/plancmp.html && xdg-open /tmp/plancmp.html
    """
    from ..crossplan import load_checked_links
    from ..load import load_all
    from ..output import write_atomic
    from ..render import html
    from ..report import report

    if out.is_dir():
        usage_error(f"{out} is a directory; name the HTML file to write (e.g. {out}/report.html)")
    if not out.parent.is_dir():
        usage_error(f"{out.parent}: no such directory")
    from ..output import NotAFile, refuse_unless_regular

    try:
        refuse_unless_regular(out)   # before the work: say it now, not after rendering
    except NotAFile as exc:
        usage_error(str(exc))
    plans = load_all()
    from ..i18n import Labels

    text = html.render(report(plans, load_checked_links(plans)), Labels(getattr(lang, "value", lang)).lang)
    try:
        write_atomic(out, text)
    except OSError as exc:
        usage_error(f"cannot write {out}: {exc.strerror or exc}")
    typer.echo(f"wrote {out}", err=True)
