"""Regenerate the README's example output from the real commands (never typed by hand).

Each block sits between `<!-- NAME:start -->` and `<!-- NAME:end -->`:

    python docs/update_readme.py           # rewrite README.md
    python docs/update_readme.py --check   # exit 1 when a block is out of date (a test runs this)
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PLANCMP = [sys.executable, "-c", "import sys; from plancmp.cli import main; sys.argv[0] = 'plancmp'; sys.exit(main())"]
STATUSES = ["exceeds", "matches", "matches-quantified", "partial", "below", "not-comparable", "mentioned", "omitted", "unknown", "added"]


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
    lines = ["| province | exceeds | matches | matches (quantified) | partial | below | not comparable | mentioned | omitted"
             " | unknown | added |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for province in ("liaoning", "fujian", "gansu"):
        counts = json.loads(run("diff", "national", province, "--format", "json"))["summary"]["by_status"]
        lines.append(f"| {province} | " + " | ".join(str(counts[s]) for s in STATUSES) + " |")
    return "\n".join(lines)


def head(text: str, lines: int) -> str:
    kept = text.splitlines()
    return "\n".join(kept[:lines] + (["…"] if len(kept) > lines else []))


def formats_table() -> str:
    """Which command writes which format (the registry, plancmp/render/formats/, filtered by what
    each command's result has), and the options that go with them, read from the CLI itself."""
    import typer.main

    from plancmp.cli import app

    names = ["text", "json", "csv", "markdown", "xlsx", "github"]
    lines = ["| command | text | json | csv | markdown | xlsx | github | `--out` | `--bom` | `--lang` | `--color` |",
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


BLOCKS = {
    "diff-default-en": lambda: console("plancmp diff national liaoning | head -40",
                                       head(run("diff", "national", "liaoning", columns=100), 40)),
    "diff-default-zh": lambda: console("plancmp diff national liaoning --lang zh | head -40",
                                       head(run("diff", "national", "liaoning", "--lang", "zh", columns=100), 40)),
    "formats": formats_table,
    "stats": lambda: run("stats", "--format", "markdown").rstrip("\n"),
    "status-table": status_table,
    "diff-example": lambda: console("plancmp diff national gansu --kind services --domain 病有所医",
                                    run("diff", "national", "gansu", "--kind", "services", "--domain", "病有所医")),
    "added-en": lambda: console("plancmp added", run("added", columns=100).rstrip("\n")),
    "added-zh": lambda: console("plancmp added --lang zh", run("added", "--lang", "zh", columns=100).rstrip("\n")),
    "show-zh": lambda: console("plancmp show national 托位 --lang zh | head -20",
                               head(run("show", "national", "托位", "--lang", "zh", columns=100), 20)),
    "eval": lambda: console("plancmp eval --holdout | head -23", "\n".join(run("eval", "--holdout").splitlines()[:23])),
}


def rewrite(text: str) -> str:
    for name, make in BLOCKS.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n)(.*?)(<!-- {name}:end -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"README.md has no block {name!r}")
        body = make()
        text = pattern.sub(lambda m, body=body: m.group(1) + body + "\n" + m.group(3), text)
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only say whether README.md is current")
    args = parser.parse_args()
    old = README.read_text(encoding="utf-8")
    new = rewrite(old)
    if args.check:
        if new != old:
            print("README.md is out of date: run python docs/update_readme.py", file=sys.stderr)
            sys.exit(1)
        return
    README.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
