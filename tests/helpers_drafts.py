"""A data folder where one province is a fresh draft: the real data, the province's plan
replaced by what `plancmp new` drafts from its text (every item `draft: true`), its links and
press files left out (they name curated ids the draft does not have)."""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from plancmp.cli import app

from conftest import DATA, read_yaml

_DRAFTED: dict[tuple[str, bool], Path] = {}   # (province, eval labels) -> the folder drafted first, this process


def drafted_folder(target: Path, province: str, *, eval_labels: bool = False) -> Path:
    """`target` (made): data/ with `province` drafted by `plancmp new` from its text. The draft
    is made once a process and each later folder is a copy of the first one: the same text
    gives the same bytes (a house rule), and the tests that break a draft break their copy."""
    first = _DRAFTED.get((province, eval_labels))
    if first is not None and first.is_dir():
        shutil.copytree(first, target)
        return target
    _draft(target, province, eval_labels)
    keep = Path(tempfile.mkdtemp(prefix=f"plancmp-drafted-{province}-"))
    atexit.register(shutil.rmtree, keep, ignore_errors=True)
    shutil.copytree(target, keep / "data")
    _DRAFTED[(province, eval_labels)] = keep / "data"
    return target


def _draft(target: Path, province: str, eval_labels: bool) -> None:
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
