"""The output formats, one registry: a format is a module here with
`render(result, view) -> str | bytes`, and one line below.

A command offers the formats its result can fill (render/result.py): `tables` give text,
Markdown, CSV and workbooks; `annotations` give GitHub's annotations; a text layout of its
own gives text; JSON takes any result. `plancmp X --format NAME` lists them and picks one
(cli/common.format_param). Adding a format touches three files: its module here, its line
below and a test (docs/output.md).
"""
from __future__ import annotations

from importlib import import_module
from typing import NamedTuple


class Format(NamedTuple):
    name: str
    needs: tuple[str, ...]   # the result must have one of these (render/result.PARTS); (): any result
    module: str              # its module here (csv), or a plugin's (pkg.mod); imported only when used
    binary: bool = False     # bytes, written to --out only (a workbook)
    aliases: tuple[str, ...] = ()   # other names a command may offer it under (`table` for text)


REGISTRY: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    REGISTRY[fmt.name] = fmt
    return fmt


register(Format("text", ("tables", "text"), "text", aliases=("table",)))
register(Format("json", (), "json"))
register(Format("csv", ("tables",), "csv"))
register(Format("markdown", ("tables",), "markdown"))
register(Format("xlsx", ("tables",), "xlsx", binary=True))
register(Format("github", ("annotations",), "github"))


def offered(has: set[str] | frozenset[str], text: str = "text") -> list[str]:
    """The names of the formats a result with these parts can be written in, in registry
    order; the text format under the name the command gives it (`table` or `text`)."""
    names = []
    for fmt in REGISTRY.values():
        if fmt.needs and not set(fmt.needs) & set(has):
            continue
        names.append(text if fmt.name == "text" else fmt.name)
    return names


def lookup(name: str) -> Format:
    """A format by its name or one of its aliases; KeyError when there is none."""
    if name in REGISTRY:
        return REGISTRY[name]
    for fmt in REGISTRY.values():
        if name in fmt.aliases:
            return fmt
    raise KeyError(name)


def render(name: str, result, view) -> str | bytes:
    """The result in the named format."""
    fmt = lookup(name)
    module = fmt.module if "." in fmt.module else f"{__name__}.{fmt.module}"
    return import_module(module).render(result, view)
