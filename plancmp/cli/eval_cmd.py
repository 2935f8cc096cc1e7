from __future__ import annotations

from pathlib import Path

import typer

from .common import View, app, emit, format_param, lang_param, open_workspace, usage_error


@app.command("eval")
def eval_command(
    labels: Path = typer.Option(None, "--labels", help="Labelled pairs. Default: data/eval/pairs.yaml."),
    holdout: bool = typer.Option(False, "--holdout", help="Also score each province without its pins and without "
                                 "the vocabulary entries seen only in it (what a new province would get)."),
    format: str = format_param("text", text="text"),
    lang=lang_param(),
) -> None:
    """How right the diff's claims are, per kind, against hand labels read from the texts:
    precision, recall and F1 of the counterparts and mentions, the further counterparts
    (`also`) confirmed, and the precision of `omitted`; as shipped (with data/links.yaml)
    and for the engine alone; with --holdout also each province held out (without its pins
    and the vocabulary entries of vocab/commitments.yaml seen only in it); then every wrong
    claim and every miss.

    Examples:

      plancmp eval

      plancmp eval --holdout

      plancmp eval --labels my-pairs.yaml
    """
    from ..files.paths import shown_path
    from ..render.evaluate import result
    from ..views.evaluate import evaluate, read_labels

    ws = open_workspace()
    path = labels or ws.labels_path   # labels named here are read as named; the folder's by its rule
    if not (path.exists() if labels else ws.folder.has_entry(path)):
        usage_error(f"{shown_path(path)}: no such file")
    plans = ws.plans()
    pairings = read_labels(path, None if labels else ws.folder)
    missing = sorted({p[side] for p in pairings for side in ("left", "right")} - set(plans))
    if missing:
        usage_error(f"{shown_path(path)} names unknown plans: {', '.join(missing)}")
    links = ws.links()
    held = evaluate(ws, pairings, links, holdout=True) if holdout else None
    emit(result(evaluate(ws, pairings, links), evaluate(ws, pairings, None), held), format, View(lang=lang))
