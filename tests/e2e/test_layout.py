"""The package's folders are its layers (docs/code-guide.md: Layout): each imports only the ones below."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "plancmp"
# lowest first; draft and views stand side by side (neither imports the other)
LAYERS = {"files": 0, "core": 1, "ingest": 2, "engine": 3, "views": 4, "draft": 4, "render": 5, "cli": 6}
TOP = {"__init__.py", "__main__.py", "entry.py"}
ABOVE = {"entry", "__main__"}   # the command's entry points stand above every layer


def imports(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    """(line, module path inside plancmp) of every import of plancmp, relative or absolute,
    at any depth."""
    package = path.relative_to(PACKAGE).parent.parts
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):   # import plancmp.views.matrix
            out += [(node.lineno, tuple(a.name.split(".")[1:])) for a in node.names
                    if a.name.startswith("plancmp.")]
            continue
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package[:len(package) - (node.level - 1)]
            module = base + tuple(node.module.split(".") if node.module else ())
        elif node.module == "plancmp" or (node.module or "").startswith("plancmp."):
            module = tuple(node.module.split(".")[1:])
        else:
            continue
        for alias in node.names:   # `from . import schema`: the name is a module
            named = module + (alias.name,)
            is_module = PACKAGE.joinpath(*named).with_suffix(".py").is_file() or PACKAGE.joinpath(*named).is_dir()
            if is_module or module:   # `from .. import __version__`: the package itself
                out.append((node.lineno, named if is_module else module))
    return out


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_lives_in_a_layer():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name not in TOP]
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert not loose and folders == set(LAYERS)


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_downward(path):
    here = path.relative_to(PACKAGE).parts[0]
    if here not in LAYERS:
        return   # plancmp/__init__, __main__ and entry stand above every layer
    upward = [f"line {line}: {'.'.join(module)}" for line, module in imports(path)
              if module[0] in ABOVE or (module[0] in LAYERS and module[0] != here and LAYERS[module[0]] >= LAYERS[here])]
    assert not upward, f"{here}/ imports a layer at or above its own"


def test_no_module_imports_itself_round_about():
    graph = {}
    for path in modules():
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        graph[name] = {".".join(m) for _, m in imports(path)} - {name}
    names = set(graph)

    def resolve(target: str) -> str | None:   # a module, or the package __init__ a name comes from
        return target if target in names else (target + ".__init__" if target + ".__init__" in names else None)

    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]):
        state[node] = 1
        for target in sorted(filter(None, map(resolve, graph[node]))):
            if state.get(target) == 1 and not target.endswith("__init__"):
                pytest.fail("import cycle: " + " -> ".join(trail[trail.index(target):] + [target]))
            if target not in state:
                visit(target, trail + [target])
        state[node] = 2

    for name in sorted(names):
        if name not in state:
            visit(name, [name])


# ---------------------------------------------------------------- a plan id's way to the renderer

# What resolves the words typed (an alias, a region) to an id, through the Workspace: where the
# count starts (docs/code-guide.md, "A plan id from the command line to the renderer").
RESOLVING = {"plancmp.cli.common"}
# Helpers that lay out or word any text they are given, the id among it (a column, a title).
LAYOUT = ("plancmp.render.textgrid", "plancmp.render.formats.")


def _modules_given(args: list[str], plan_id: str) -> list[str]:
    """The modules of the command's way (cli, views, engine, render) one of whose functions receives
    `plan_id` as an argument (alone, or in a list of ids), in the order they first do."""
    import sys

    from typer.testing import CliRunner

    from plancmp.cli import app

    seen: dict[str, None] = {}

    def watch(frame, event, arg):
        if event != "call":
            return
        module = frame.f_globals.get("__name__", "")
        if not module.startswith(("plancmp.cli.", "plancmp.views.", "plancmp.engine.", "plancmp.render.")):
            return
        code = frame.f_code
        for name in code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]:
            value = frame.f_locals.get(name)
            if value == plan_id or (isinstance(value, list | tuple) and plan_id in value
                                    and all(isinstance(v, str) for v in value)):
                seen.setdefault(module)

    result = CliRunner().invoke(app, args)   # warm: the diffs computed (the profile would slow that tenfold)
    assert result.exit_code == 0, result.output
    sys.setprofile(watch)
    try:
        result = CliRunner().invoke(app, args)
    finally:
        sys.setprofile(None)
    assert result.exit_code == 0, result.output
    return [m for m in seen if m not in RESOLVING and not m.startswith(LAYOUT)]


@pytest.mark.parametrize("args, plan_id", [
    (["diff", "national", "liaoning"], "liaoning"),
    (["targets", "--plans", "gansu"], "gansu"),
    (["show", "fujian", "托位"], "fujian"),
    (["show", "gansu", "--kind", "targets"], "gansu"),
], ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_a_plan_id_reaches_the_renderer_through_at_most_three_modules(args, plan_id):
    """Issue 24: from the command line to the renderer, a plan id passes through at most 3
    modules: the command's, one view and the renderer. The command resolves it once through the
    Workspace; below, views take the plans (as the engine does) and read `plan.id` where they need
    it, so no view hands an id to another view, and the engine never takes one."""
    way = _modules_given(args, plan_id)
    assert way[0] == f"plancmp.cli.{args[0]}_cmd", way   # where it is typed: the trace sees the id
    assert len(way) <= 3, way
    assert len([m for m in way if m.startswith("plancmp.views.")]) <= 1, way
    assert not [m for m in way if m.startswith("plancmp.engine.")], way
