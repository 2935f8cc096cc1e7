from __future__ import annotations

from pathlib import Path

import typer

from .common import View, app, emit, format_param, lang_param, open_workspace, usage_error


@app.command("eval")
def eval_command(
    labels: Path = typer.Option(None, "--labels", help="Labelled pairs. Default: data/eval/pairs.yaml."),
    holdout: bool = typer.Option(False, "--holdout", help="Also score each province without its pins and without "
                                 "the vocabulary entries seen only in it (what a new province would get)."),
    from_text: bool = typer.Option(False, "--from-text", help="Also draft each province from its text alone (plancmp "
                                   "new's drafter, into a temporary folder with the curated national plan: no links, no "
                                   "hand edits) and score the drafts the same way; the labels are carried to the drafted "
                                   "items by their place in the text. With --holdout, each draft without the vocabulary seen "
                                   "only in it."),
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

      plancmp eval --from-text

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
    drafted = None
    if from_text:
        drafted = _from_text(ws, pairings, holdout)
    emit(result(evaluate(ws, pairings, links), evaluate(ws, pairings, None), held, drafted), format, View(lang=lang))


def _from_text(ws, pairings: list[dict], holdout: bool) -> dict:
    """The provinces drafted from their texts alone, scored against the labels carried to the
    drafted items (draft/fromtext.py); `holdout`: each without the vocabulary seen only in it."""
    from ..draft.fromtext import carried_labels, drafted_folder
    from ..ingest.workspace import Workspace
    from ..views.evaluate import evaluate

    with drafted_folder(ws, sorted({p["right"] for p in pairings})) as (root, stands):
        return evaluate(Workspace(root), carried_labels(pairings, stands, ws), None, holdout=holdout)
