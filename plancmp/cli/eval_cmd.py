from __future__ import annotations

from pathlib import Path

import typer

from .common import app, usage_error


@app.command("eval")
def eval_command(
    labels: Path = typer.Option(None, "--labels", help="Labelled pairs. Default: data/eval/pairs.yaml."),
) -> None:
    """Precision, recall and F1 of the automatic alignment (before links.yaml), per kind,
    against hand-labelled pairs; then the false positives and negatives.

    Examples:

      plancmp eval

      plancmp eval --labels my-pairs.yaml
    """
    from ..evaluate import evaluate, read_labels, report
    from ..load import load_all
    from ..paths import data_dir, shown_path

    path = labels or data_dir() / "eval" / "pairs.yaml"
    if not path.exists():
        usage_error(f"{shown_path(path)}: no such file")
    plans = load_all()
    pairings = read_labels(path)
    missing = sorted({p[side] for p in pairings for side in ("left", "right")} - set(plans))
    if missing:
        usage_error(f"{shown_path(path)} names unknown plans: {', '.join(missing)}")
    typer.echo(report(evaluate(plans, pairings), plans), nl=False)
