"""Regenerate the example output of the README and docs/ from the real commands (never typed by hand).

Each block sits between `<!-- NAME:start -->` and `<!-- NAME:end -->` in the file FILES names for it
(README.md: set-up and one example per command; docs/reference.md: the commands in full;
docs/data-format.md: what the data holds):

    python docs/update_readme.py           # rewrite the files
    python docs/update_readme.py --check   # exit 1 when a block is out of date (a test runs this)
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
REFERENCE = ROOT / "docs" / "reference.md"
DATA_FORMAT = ROOT / "docs" / "data-format.md"
PLANCMP = [sys.executable, "-c", "import sys; from plancmp.cli import main; sys.argv[0] = 'plancmp'; sys.exit(main())"]


@cache   # a command that feeds several blocks (eval) runs once
def run(*args: str, columns: int = 160) -> str:
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1", "LANG": "C.UTF-8"}   # English unless --lang says
    for var in ("PLANCMP_DATA", "LC_ALL", "LC_MESSAGES", "FORCE_COLOR"):
        env.pop(var, None)
    proc = subprocess.run([*PLANCMP, *args], capture_output=True, text=True, cwd=ROOT, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"plancmp {' '.join(args)} exited {proc.returncode}: {proc.stderr}")
    return proc.stdout


def console(command: str, output: str) -> str:
    return f"```console\n$ {command}\n{output.rstrip()}\n```"


def status_table() -> str:
    """Each province's count of every verdict against national, the verdicts as the catalogue
    (vocab/statuses.yaml) lists them: a verdict added there gets its column here."""
    from plancmp.core.verdicts import CATALOGUE

    lines = ["| province | " + " | ".join(s.words["en"] for s in CATALOGUE.values()) + " |",
             "| --- |" + " ---: |" * len(CATALOGUE)]
    for province in ("liaoning", "fujian", "gansu"):
        counts = json.loads(run("diff", "national", province, "--format", "json"))["summary"]["by_status"]
        lines.append(f"| {province} | " + " | ".join(str(counts[s]) for s in CATALOGUE) + " |")
    return "\n".join(lines)


def verdicts_table() -> str:
    """The verdicts, their words and what each says, from the catalogue (vocab/statuses.yaml)."""
    from plancmp.core.verdicts import CATALOGUE

    lines = ["| verdict | 判断 | symbol | meaning |", "| --- | --- | :---: | --- |"]
    lines += [f"| `{s.code}` | {s.words['zh']} | `{s.symbol}` | {s.meaning['en']} |" for s in CATALOGUE.values()]
    return "\n".join(lines)


def head(text: str, lines: int) -> str:
    kept = text.splitlines()
    return "\n".join(kept[:lines] + (["…"] if len(kept) > lines else []))


def example(lines: int, *args: str, pipe: str = "") -> str:
    """`plancmp ARGS | head -LINES` at 100 columns, as a console block (pipe: `tail -1` and the like)."""
    output = run(*args, columns=100)
    shown = f"plancmp {' '.join(args)}"
    if pipe:
        return console(f"{shown} | {pipe}", "\n".join(output.splitlines()[-lines:]))
    return console(f"{shown} | head -{lines}", head(output, lines))


def formats_table() -> str:
    """Which command writes which format (the registry, plancmp/render/formats/, filtered by what
    each command's result has), and the options that go with them, read from the CLI itself."""
    import typer.main

    from plancmp.cli import app
    from plancmp.render.formats import REGISTRY

    names = list(REGISTRY)   # a format registered there gets its column here
    lines = ["| command | " + " | ".join(names) + " | `--out` | `--bom` | `--lang` | `--color` |",
             "| --- |" + " :---: |" * (len(names) + 4)]
    for name, command in sorted(typer.main.get_command(app).commands.items()):
        params = {p.name: p for p in command.params}
        fmt = params.get("format")
        if fmt is None:
            continue
        choices = {"text" if c == "table" else c for c in fmt.type.choices}
        row = ["✓" if n in choices else "" for n in names]
        row += ["✓" if opt in params else "" for opt in ("out", "bom", "lang", "color")]
        lines.append(f"| `{name}` | " + " | ".join(row) + " |")
    return "\n".join(lines)


# file -> block name -> what fills it
FILES: dict[Path, dict[str, Callable[[], str]]] = {
    README: {
        "readme-verdicts": verdicts_table,
        "readme-diff": lambda: example(30, "diff", "national", "liaoning"),
        "readme-diff-zh": lambda: example(8, "diff", "national", "liaoning", "--lang", "zh"),
        "readme-targets": lambda: example(16, "targets", "--domain", "幼有所育"),
        "readme-matrix": lambda: example(20, "matrix", "--kind", "services", "--domain", "幼有所育"),
        "readme-show": lambda: example(2, "show", "national", "托位"),
        "readme-search": lambda: example(9, "search", "托位"),
        "readme-validate": lambda: example(1, "validate", pipe="tail -1"),
        "readme-eval": lambda: console("plancmp eval --holdout | head -6", "\n".join(run("eval", "--holdout").splitlines()[:6])),
    },
    REFERENCE: {
        "diff-default-en": lambda: console("plancmp diff national liaoning | head -40",
                                           head(run("diff", "national", "liaoning", columns=100), 40)),
        "diff-default-zh": lambda: console("plancmp diff national liaoning --lang zh | head -40",
                                           head(run("diff", "national", "liaoning", "--lang", "zh", columns=100), 40)),
        "formats": formats_table,
        "status-table": status_table,
        "diff-example": lambda: console("plancmp diff national gansu --kind services --domain 病有所医",
                                        run("diff", "national", "gansu", "--kind", "services", "--domain", "病有所医")),
        "added-en": lambda: console("plancmp added", run("added", columns=100).rstrip("\n")),
        "added-zh": lambda: console("plancmp added --lang zh", run("added", "--lang", "zh", columns=100).rstrip("\n")),
        "show-zh": lambda: console("plancmp show national 托位 --lang zh | head -20",
                                   head(run("show", "national", "托位", "--lang", "zh", columns=100), 20)),
        "eval": lambda: console("plancmp eval --holdout | head -23", "\n".join(run("eval", "--holdout").splitlines()[:23])),
    },
    DATA_FORMAT: {
        "stats": lambda: run("stats", "--format", "markdown").rstrip("\n"),
    },
}


def rewrite(text: str, blocks: dict[str, Callable[[], str]], name: str) -> str:
    for block, make in blocks.items():
        pattern = re.compile(rf"(<!-- {block}:start -->\n)(.*?)(<!-- {block}:end -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"{name} has no block {block!r}")
        body = make()
        text = pattern.sub(lambda m, body=body: m.group(1) + body + "\n" + m.group(3), text)
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only say whether the files are current")
    args = parser.parse_args()
    stale = []
    for path, blocks in FILES.items():
        name = str(path.relative_to(ROOT))
        old = path.read_text(encoding="utf-8")
        new = rewrite(old, blocks, name)
        if new == old:
            continue
        stale.append(name)
        if not args.check:
            path.write_text(new, encoding="utf-8")
    if args.check and stale:
        print(f"{', '.join(stale)} out of date: run python docs/update_readme.py", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
