"""A data folder where one province is a fresh draft: the real data, the province's plan
replaced by what `plancmp new` drafts from its text (every item `draft: true`), its links and
press files left out (they name curated ids the draft does not have)."""
from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from plancmp.cli import app

from conftest import DATA, read_yaml


def drafted_folder(target: Path, province: str, *, eval_labels: bool = False) -> Path:
    """`target` (made): data/ with `province` drafted by `plancmp new` from its text."""
    shutil.copytree(DATA, target, ignore=None if eval_labels else shutil.ignore_patterns("eval"))
    curated = read_yaml(DATA / "plans" / f"{province}.yaml")
    (target / "plans" / f"{province}.yaml").unlink()
    (target / "sources" / f"{province}.txt").unlink()
    links = (DATA / "links.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    for press in (target / "press").glob("*.yaml"):   # its claims name curated items too
        if read_yaml(press).get("plan") == province:
            press.unlink()
    (target / "links.yaml").write_text("".join(line for line in links if f"= {province}:" not in line), encoding="utf-8")
    args = ["new", province, "--source", str(DATA / "sources" / f"{province}.txt"), "--name", curated["name"],
            "--region", curated["region"]]
    for alias in curated.get("aliases") or ():
        args += ["--alias", alias]
    result = CliRunner().invoke(app, args, env={"PLANCMP_DATA": str(target)})
    assert result.exit_code == 0, result.output
    return target
