"""mypy's configuration (pyproject.toml [tool.mypy]): strict on core, ingest and engine.

mypy cannot set `strict` module by module (in an override it turns the flags on everywhere), so
the override spells them out; this test keeps that list equal to what `mypy --strict` enables in
the pinned mypy, so that a newer mypy's strict flag is taken on purpose, not missed."""
from __future__ import annotations

import tomllib

from conftest import ROOT

STRICT_FLOORS = ["plancmp.core.*", "plancmp.ingest.*", "plancmp.engine.*"]


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def _strict_flags() -> dict[str, bool]:
    """What `mypy --strict` changes from mypy's defaults, per module option: {option: value}."""
    from mypy.main import process_options
    from mypy.options import PER_MODULE_OPTIONS

    _, plain = process_options(["plancmp"])
    _, strict = process_options(["--strict", "plancmp"])
    return {name: getattr(strict, name) for name in sorted(PER_MODULE_OPTIONS)
            if getattr(plain, name, None) != getattr(strict, name, None)}


def test_the_strict_floors_get_every_flag_of_strict():
    override = next(o for o in _config()["overrides"] if o["module"] == STRICT_FLOORS)
    flags = {k: v for k, v in override.items() if k != "module"}
    assert flags == _strict_flags()


def test_strict_is_not_turned_on_everywhere():
    config = _config()
    assert "strict" not in config and all("strict" not in o for o in config["overrides"])
    assert config["warn_redundant_casts"] and config["warn_unused_ignores"]   # the global flags of --strict


def test_no_module_escapes_the_check():
    """An override that silences mypy is a decision, not a habit: none is left (plancmp review's
    module, the last one, is typed since)."""
    silenced = [m for o in _config()["overrides"] if o.get("ignore_errors") for m in o["module"]]
    assert silenced == []
