"""Help, version, schema publication: what every command promises."""
from __future__ import annotations

import json
import subprocess

import pytest

from plancmp import __version__
from plancmp.cli import app
from plancmp.ingest import schema

from conftest import DATA, PLANCMP, ROOT


def command_names() -> list[str]:
    import typer.main
    return sorted(c.name for c in typer.main.get_command(app).commands.values())


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"plancmp {__version__}"


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_with_an_example(runner, name):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"plancmp {name}" in result.output


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme(name):
    assert f"plancmp {name}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text.split("```")[1]
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()[-2:]] == ["make run", "make test"]


@pytest.mark.parametrize("name", sorted(schema.SCHEMAS))
def test_published_schema_matches_the_vocabularies(name):
    published = schema.published_path(name).read_text(encoding="utf-8")
    assert published == schema.dumps(schema.SCHEMAS[name]()), "run `plancmp schema --write`"


def test_schema_command_prints_json_schema(runner):
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["properties"]["targets"]["type"] == "array"


@pytest.mark.parametrize("plan", sorted((DATA / "plans").glob("*.yaml")), ids=lambda p: p.name)
def test_plan_files_point_editors_at_the_schema(plan):
    first = plan.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../plancmp/schemas/plan.schema.json"
    assert (plan.parent / "../../plancmp/schemas/plan.schema.json").resolve().is_file()


def test_no_args_shows_help(runner):
    result = runner.invoke(app, [])
    assert "validate" in result.output


def test_entry_point_help_and_version():
    proc = subprocess.run([str(PLANCMP), "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == f"plancmp {__version__}"
