"""One output pipeline (render/formats/, render/result.py): a command's --format choices come
from the format registry, filtered by what its result has; a format registered once is
offered and works on every command whose result it can render."""
from __future__ import annotations

import sys
import types

import pytest
import typer.main

from plancmp.cli import app
from plancmp.render import formats
from plancmp.render.formats import Format, offered


def choices(command: str) -> list[str]:
    params = {p.name: p for p in typer.main.get_command(app).commands[command].params}
    return list(params["format"].type.choices)


def test_the_registry_offers_what_a_result_can_fill():
    assert offered({"tables"}, "table") == ["table", "json", "csv", "markdown", "xlsx"]
    assert offered({"text"}) == ["text", "json"]
    assert offered({"tables", "annotations", "text"}) == ["text", "json", "csv", "markdown", "xlsx", "github"]
    assert offered(set()) == ["json"]


@pytest.mark.parametrize("command, expected", [
    ("diff", ["table", "json", "csv", "markdown", "xlsx"]),
    ("matrix", ["table", "json", "csv", "markdown", "xlsx"]),
    ("show", ["table", "json", "csv", "markdown", "xlsx"]),
    ("validate", ["text", "json", "csv", "markdown", "xlsx", "github"]),
    ("changes", ["table", "json", "csv", "markdown", "xlsx", "github"]),
    ("eval", ["text", "json"]),
])
def test_each_command_offers_the_formats_of_its_result(command, expected):
    assert choices(command) == expected


@pytest.fixture
def toy_format(monkeypatch):
    """A format of three lines, as a plugin would add it: a module and one registry line."""
    module = types.ModuleType("toy_plugin.formats")   # a dotted name: a module outside plancmp

    def render(result, view):
        built = result.tables(view.whole())
        rows = sum(len(t.rows) for t in built)
        return f"TOY {len(built)} tables, {rows} rows, {view.lang}\n"

    module.render = render
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setitem(formats.REGISTRY, "toy", Format("toy", ("tables",), module.__name__))
    return "toy"


@pytest.mark.parametrize("argv", [["diff", "national", "gansu"], ["matrix", "--kind", "services"], ["stats"],
                                  ["search", "托位"], ["targets", "--domain", "老有所养"], ["show", "gansu"]])
def test_a_registered_format_is_offered_and_works_on_every_command_with_tables(runner, toy_format, argv):
    result = runner.invoke(app, [*argv, "--format", toy_format, "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("TOY ") and result.output.endswith(" zh\n")
    assert toy_format in choices(argv[0])


def test_a_registered_format_is_not_offered_where_the_result_has_no_tables(runner, toy_format):
    assert toy_format not in choices("eval")
    result = runner.invoke(app, ["eval", "--format", toy_format])
    assert result.exit_code == 2 and "toy" in result.output


def test_a_binary_format_needs_out(runner, tmp_path):
    result = runner.invoke(app, ["claims", "--format", "xlsx"])
    assert result.exit_code == 2 and "--out" in result.output
    out = tmp_path / "claims.xlsx"
    result = runner.invoke(app, ["claims", "--format", "xlsx", "--out", str(out)])
    assert result.exit_code == 0 and out.read_bytes()[:2] == b"PK"


def test_csv_is_the_data_columns_of_the_main_table(runner):
    """The diff's CSV holds every field apart (ids, values, years, codes, quotes), not the cells a
    reader sees; Markdown holds the shown cells (A's item as one cell)."""
    csv = runner.invoke(app, ["diff", "national", "liaoning", "--format", "csv", "--kind", "targets"]).output
    header = csv.splitlines()[0].split(",")
    assert header[:6] == ["kind", "domain", "status", "symbol", "binding", "left_id"]
    assert "national" not in header and "verdict" not in header
    markdown = runner.invoke(app, ["diff", "national", "liaoning", "--format", "markdown", "--kind", "targets"]).output
    assert "| kind | national | liaoning | verdict | score | notes |" in markdown
