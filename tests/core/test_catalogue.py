"""The verdict catalogue (plancmp/vocab/statuses.yaml): every verdict's words, symbol, bucket and
looks declared once, and a verdict added there reaches every medium with no other edit."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

from conftest import ROOT, read_yaml

CATALOGUE = ROOT / "plancmp" / "vocab" / "statuses.yaml"


def test_every_verdict_is_declared_whole():
    data = read_yaml(CATALOGUE)
    statuses, buckets = data["statuses"], data["buckets"]
    symbols = [str(s["symbol"]) for s in statuses.values()]
    assert len(set(symbols)) == len(symbols), "two verdicts share a symbol"
    for code, s in statuses.items():
        assert set(s["words"]) == {"en", "zh"} and all(s["words"].values()), code
        assert set(s["meaning"]) == {"en", "zh"} and all(s["meaning"].values()), code
        assert s.get("bucket") is None or s["bucket"] in buckets, code
        assert s["style"] and len(str(s["fill"])) == 6 and len(str(s["ink"])) == 6, code
    assert {s.get("bucket") for s in statuses.values()} - {None} == set(buckets), "a bucket no verdict falls in"
    for code, claim in data["claims"].items():
        assert claim.get("look") is None or claim["look"] in statuses, code


NEW = """
  partial-demo:
    words: {en: partly stated, zh: 部分提及}
    meaning: {en: B states some of it, zh: B 载明一部分}
    symbol: "&"
    bucket: below
    style: bold yellow
    fill: ABCDEF
    ink: "000000"
"""

PROBE = r"""
import importlib.util
import json
import sys
from plancmp.core.i18n import Labels
from plancmp.core.verdicts import STATUSES, BUCKETS, status_from_text
from plancmp.render.verdict_style import FILLS, STYLES, legend_item, verdict_css
from plancmp.ingest.diffschema import diff_schema
from typer.testing import CliRunner
from plancmp.cli import app

help_text = CliRunner().invoke(app, ["matrix", "--help"], env={"COLUMNS": "300"}).output
spec = importlib.util.spec_from_file_location("update_readme", sys.argv[1])   # docs/update_readme.py
docs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(docs)
print(json.dumps({
    "statuses": list(STATUSES), "below": list(BUCKETS["below"]),
    "fill": FILLS.get("partial-demo"), "style": STYLES.get("partial-demo"),
    "css": ".s-partial-demo { background: #ABCDEF; color: #000000; }" in verdict_css(),
    "legend_zh": legend_item("partial-demo", Labels("zh")),
    "typed": status_from_text("部分提及"),
    "schema": "partial-demo" in diff_schema()["properties"]["rows"]["items"]["properties"]["status"]["enum"],
    "help": "& partly stated" in help_text,
    "readme": "| `partial-demo` | 部分提及 | `&` | B states some of it |" in docs.verdicts_table(),
}, ensure_ascii=False))
"""


def test_a_verdict_added_to_the_catalogue_reaches_every_medium(tmp_path):
    """The house rule: adding a status touches the catalogue, the rule that produces it and a test.
    Here only the catalogue changes, in a copy of the package, and every medium knows the new verdict."""
    copy = tmp_path / "plancmp"
    shutil.copytree(ROOT / "plancmp", copy, ignore=shutil.ignore_patterns("__pycache__"))
    catalogue = copy / "vocab" / "statuses.yaml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace("\nbuckets:", NEW + "\nbuckets:", 1), encoding="utf-8")
    env = {"PYTHONPATH": str(tmp_path), "PLANCMP_NO_CACHE": "1", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", PROBE, str(ROOT / "docs" / "update_readme.py")], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["statuses"][-1] == "partial-demo" and got["below"] == ["below", "partial-demo"]
    assert got["fill"] == ["ABCDEF", "000000"] and got["style"] == "bold yellow" and got["css"]
    assert got["legend_zh"] == "& 部分提及" and got["typed"] == "partial-demo"
    assert got["schema"] and got["help"] and got["readme"]
