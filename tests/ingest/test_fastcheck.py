"""The schema checks generated from the JSON Schemas (plancmp/schemas/fastcheck.py): what the
generator makes of the current schemas, in agreement with jsonschema on the shipped files and
on hostile edits of them, and the findings of a file the same whichever answers first."""
from __future__ import annotations

import copy
import datetime
import math
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from plancmp.ingest import fastschema, knowledge, schema, schemacheck
from plancmp.ingest.yamldoc import Doc, parse
from plancmp.schemas.fastcheck import VALIDATORS

from conftest import DATA, replace_once

SCHEMAS = fastschema.current_schemas()
FILES = {"plan": sorted((DATA / "plans").glob("*.yaml")), "press": sorted((DATA / "press").glob("*.yaml")),
         "links": [DATA / "links.yaml"], "labels": [DATA / "eval" / "pairs.yaml"], "knowledge": [knowledge.PATH]}

# values a hand edit or a hostile pull request puts anywhere: every JSON type, the
# look-alikes (True is no 1, 2020.0 is an integer), blanks, ids with a newline, vocabulary words
HOSTILE = [None, True, False, 0, 1, -1, 2020, 2020.0, 1.5, math.nan, math.inf, 2**60, "", " ", "\n", "x", "4.5",
           "abc-def", "abc\n", "ABC", "a--b", "national", "province", "学有所教", "其他", "%", "预期性", "table",
           "box", "cumulative", "inconsistent-value", "draft-item", "national:a = liaoning:b", "a = b",
           [], [""], ["x"], ["x", "x"], ["x", 1], [1, 1], [True, 1], [1, 1.0], [None], [[]], [{}], {}, {"x": 1},
           {1: "x"}, {"value": 1, "year": 2020}, {"value": "≥3", "year": 2020.0}, {"value": 1, "year": True},
           {"value": [], "year": 2020}, {"quote": "x"}, {"quote": ""}, {"mentioned": [1]}, {"mentioned": [0]},
           {"pin": "national:a = liaoning:b", "reason": "r"}, {"code": "inconsistent-value", "reason": " "},
           datetime.date(2021, 1, 1)]


def _valid(data, name: str) -> bool:
    return not any(True for _ in Draft202012Validator(SCHEMAS[name]).iter_errors(data))


def _small(data):
    """The document with every list cut to its first entry, and every long mapping (the labels'
    item ids) to its first three: each kind of place once."""
    if isinstance(data, dict):
        return {k: _small(v) for k, v in list(data.items())[:3 if len(data) > 16 else None]}
    if isinstance(data, list):
        return [_small(v) for v in data[:1]]
    return data


def _places(data, path=()):
    yield path
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _places(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _places(v, path + (i,))


def _edits(data):
    """Every hostile value at every place; every key of every mapping removed; an unknown key
    (text, and not text) added to every mapping."""
    for path in _places(data):
        parent = data
        for step in path:
            parent = parent[step]
        for value in HOSTILE:
            yield _set(data, path, value)
        if isinstance(parent, dict):
            for key in parent:
                yield _set(data, path, {k: v for k, v in parent.items() if k != key})
            yield _set(data, path, {**parent, "zzz": 1})
            yield _set(data, path, {**parent, 7: "x"})


def _set(data, path, value):
    if not path:
        return copy.deepcopy(value)
    out = copy.deepcopy(data)
    parent = out
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = copy.deepcopy(value)
    return out


def _doc(path: Path) -> Doc:
    doc, findings = parse(path.read_text(encoding="utf-8"), str(path))
    assert doc is not None and not findings, findings
    return doc


def test_the_generated_module_is_what_the_generator_makes_of_the_schemas():
    assert fastschema.FASTCHECK.read_text(encoding="utf-8") == fastschema.module_text(), "run `plancmp schema --write`"


def test_every_schema_plancmp_checks_files_with_has_its_check():
    for name, made in SCHEMAS.items():
        assert schemacheck.fast_check(made) is VALIDATORS[name][1], name


def test_a_schema_changed_since_the_generation_has_no_check_and_jsonschema_decides():
    changed = copy.deepcopy(SCHEMAS["plan"])
    changed["properties"]["level"]["enum"].remove("province")    # as when a vocabulary is edited
    assert schemacheck.fast_check(changed) is None
    doc = _doc(DATA / "plans" / "gansu.yaml")
    assert [f.code for f in schemacheck.check(doc, changed)] == ["invalid-value"]


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_shipped_files_are_valid_for_both(name):
    for path in FILES[name]:
        data = _doc(path).data
        assert VALIDATORS[name][1](data) and _valid(data, name), path


@pytest.mark.parametrize("name", sorted(FILES))
def test_both_agree_on_every_hostile_edit_of_the_shipped_files(name):
    fast = VALIDATORS[name][1]
    seen = disagreed = 0
    for path in FILES[name] if name != "plan" else [DATA / "plans" / "national.yaml", DATA / "plans" / "gansu.yaml"]:
        for data in _edits(_small(_doc(path).data)):
            seen += 1
            if fast(data) != _valid(data, name):
                disagreed += 1
                assert not fast(data), (path, data)   # never "valid" where jsonschema finds an error
    assert seen > 200 and disagreed == 0, (seen, disagreed)


HOSTILE_TEXTS = [   # the edits of tests/e2e/test_hostile*.py and tests/ingest/test_bad_input.py that reach the schema
    ("plan", "gansu", "id: gansu", 'id: "gansu\\n"'),
    ("plan", "gansu", "level: province", "level: national"),
    ("plan", "gansu", "level: province", "level: [province]"),
    ("plan", "national", 'target: "4.5"', "target: 010"),
    ("plan", "national", 'target: "4.5"', "target: [4.5]"),
    ("plan", "national", 'target: "4.5"', "target: 4.5"),
    ("plan", "fujian", "year: 2025", "year: 2025.0"),
    ("plan", "fujian", "year: 2025", "year: 2025.5"),
    ("plan", "fujian", "year: 2025", "year: true"),
    ("plan", "fujian", "year: 2025", "year: 2025-01-01"),
    ("plan", "liaoning", "domain: 幼有所育", "domain: 幼有所育 "),
    ("plan", "liaoning", "source: ../sources/liaoning.txt", "source: ''"),
]
LABEL_TEXTS = ["pairings: 5\n", "- a list\n", "pairings: [{}]\n",
               "pairings: [{left: national, right: gansu, targets: {x: {mentioned: [one]}}}]\n",
               "pairings: [{left: national, right: gansu, targets: {X: y}}]\n",
               "pairings: [{left: national, right: gansu, targets: {a b: y}}]\n"]


@pytest.mark.parametrize("name,plan,old,new", HOSTILE_TEXTS)
def test_findings_of_a_hostile_file_are_those_jsonschema_words(tmp_path, name, plan, old, new):
    path = tmp_path / f"{plan}.yaml"
    path.write_text((DATA / "plans" / f"{plan}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    replace_once(path, old, new)
    doc = _doc(path)
    fast = VALIDATORS[name][1](doc.data)
    assert fast == _valid(doc.data, name)
    found = schemacheck.check(doc, SCHEMAS[name])
    assert found == schemacheck.findings(doc, SCHEMAS[name])   # the generated check changes no finding
    assert bool(found) == (not fast)


@pytest.mark.parametrize("text", LABEL_TEXTS)
def test_a_hostile_labels_file_is_refused_by_both(text):
    doc, _ = parse(text, "labels.yaml")
    assert not VALIDATORS["labels"][1](doc.data) and not _valid(doc.data, "labels")
    assert schemacheck.check(doc, SCHEMAS["labels"]) == schemacheck.findings(doc, SCHEMAS["labels"]) != []


def test_a_run_over_valid_plans_never_imports_jsonschema(tmp_path):
    code = ("import sys\nfrom plancmp.ingest.workspace import Workspace\n"
            f"plans = Workspace({str(DATA)!r}).plans()\n"   # every plan parsed, schema-checked, checked
            "print(len(plans), 'jsonschema' in sys.modules)\n")
    env = {"PLANCMP_NO_CACHE": "1", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [str(len(FILES["plan"])), "False"]


def test_an_invalid_plan_imports_jsonschema_to_word_its_findings(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "x.yaml").write_text("id: x\nname: 1\n", encoding="utf-8")
    doc = _doc(tmp_path / "plans" / "x.yaml")
    codes = {f.code for f in schemacheck.check(doc, schema.plan_schema())}
    assert codes == {"missing-field", "wrong-type"}
