"""The bad-input catalogue of issue 6: every malformed input gets a positioned finding, never a traceback.

Each case starts from the real national plan and its source, copied into a scratch
directory, breaks one thing, and runs `plancmp validate` on it. It must exit 1 (invalid
data) or 2 (input that cannot be read), name the file and the line of the mistake, carry
the finding code for that kind of mistake, and print no traceback.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from plancmp.cli import app
from plancmp.ingest import schema, yamldoc

from conftest import DATA, PLANCMP

LINE = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|note) (?P<code>[a-z-]+) (?P<msg>.+)$")
PLAN = Path("plans/national.yaml")
BASE = (DATA / "plans" / "national.yaml").read_text(encoding="utf-8")

# A source gap in the fixture, so that the gap fields can be broken too (national has none).
GAP = """source_gaps:
  - id: lost-box
    section: "专栏2"
    description: "A box this copy lost (a test fixture)."
    domains: [学有所教]
    kinds: [targets]
    reveals:
      - indicator: "学前教育毛入园率"
        quote: "学前教育毛入园率 85.2% >90% 预期性"
        notes: null"""
GOOD = BASE.replace("source_gaps: []", GAP, 1)


@pytest.fixture
def work(tmp_path: Path, monkeypatch) -> Path:
    """A scratch data dir holding the national plan (with a gap) and its source; the cwd."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "sources").mkdir()
    shutil.copy(DATA / "sources" / "national.txt", tmp_path / "sources" / "national.txt")
    (tmp_path / PLAN).write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANCMP_DATA", str(tmp_path))
    return tmp_path


def findings(output: str) -> list[dict]:
    return [m.groupdict() for m in map(LINE.match, output.splitlines()) if m]


def validate(runner, *paths: Path | str):
    """Run `plancmp validate` in-process; a crash is a test failure, not an exit code."""
    result = runner.invoke(app, ["validate", *map(str, paths)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {type(result.exception).__name__}: {result.exception}") from result.exception
    assert "Traceback" not in result.output
    return result


def assert_finding(result, code: str, line: int, col: int | None = None, file: str = str(PLAN), exit_code: int = 1) -> dict:
    assert result.exit_code == exit_code, result.output
    found = findings(result.output)
    hits = [f for f in found if f["code"] == code and f["file"] == file and int(f["line"]) == line]
    assert hits, f"no {code} at {file}:{line} in:\n{result.output}"
    if col is not None:
        assert int(hits[0]["col"]) == col, hits[0]
    assert all(len(f["msg"]) < 400 for f in found), "messages must stay readable"
    return hits[0]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def first_quote(text: str) -> str:
    """The quote of the first target (its text has non-breaking spaces: never retype it)."""
    return re.compile(r'quote: "[^"\n]*预期性"').search(text, text.index("\ntargets:")).group(0)


def next_line(edit: tuple[str, int]) -> tuple[str, int]:
    """For mistakes YAML can only notice on the following line (an unclosed quote, a wrong indent)."""
    return edit[0], edit[1] + 1


def sub(text: str, old: str, new: str) -> tuple[str, int]:
    """Replace the first `old`; return the text and the 1-based line it was on."""
    assert old in text, old
    return text.replace(old, new, 1), line_of(text, old)


# --- the structural catalogue: (name, mutation -> (text or bytes, line), code) -------------

@dataclass
class Case:
    name: str
    mutate: Callable[[str], tuple[str | bytes, int]]
    code: str
    col: int | None = None


def _tab(text):
    return sub(text, "\n    domain: 幼有所育", "\n\tdomain: 幼有所育")[0], line_of(text, "\n    domain: 幼有所育") + 1


def _aliased(text):
    text, _ = sub(text, 'target: "4.5"', 'target: &t "4.5"')
    return sub(text, 'target: ">90%"', "target: *t")


def _billion_laughs(text):
    bomb = "lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for name, prev in zip("bcdefghi", "abcdefgh"):
        bomb += f"lol{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
    return text.rstrip("\n") + "\n" + bomb, text.rstrip("\n").count("\n") + 3  # first *a is on the 2nd bomb line


def _deep(text):
    text, line = sub(text, "notes: ", "deep: " + "[" * 50_000 + "]" * 50_000 + "\nnotes: ")
    return text, line


def _gbk(text):
    return text.encode("gbk", "replace"), next(i for i, l in enumerate(text.split("\n"), 1) if not l.isascii())


CASES = [
    Case("unclosed-quote", lambda t: next_line(sub(t, 'indicator: "每千人口拥有3岁以下婴幼儿托位数"', 'indicator: "每千人口拥有3岁以下婴幼儿托位数')), "yaml-syntax"),
    Case("missing-colon", lambda t: sub(t, '    indicator: "每千人口拥有3岁以下婴幼儿托位数"', '    indicator "每千人口拥有3岁以下婴幼儿托位数"'), "yaml-syntax", 5),
    Case("colon-in-plain-scalar", lambda t: sub(t, 'indicator: "每千人口拥有3岁以下婴幼儿托位数"', "indicator: 托位数: 个"), "yaml-syntax"),
    Case("unclosed-flow-mapping", lambda t: next_line(sub(t, '{value: "1.8", year: 2020}', '{value: "1.8", year: 2020')), "yaml-syntax"),
    Case("bad-indentation", lambda t: next_line(sub(t, "\n    domain: 学有所教", "\n      domain: 学有所教")), "yaml-syntax"),
    Case("second-document", lambda t: (t + "---\nid: other\n", t.count("\n") + 1), "yaml-syntax"),
    Case("undefined-alias", lambda t: sub(t, 'target: "4.5"', "target: *nothing"), "yaml-syntax"),
    Case("nul-character", lambda t: sub(t, "region: 全国", "region: 全\x00国"), "yaml-syntax", 10),
    Case("tab-indentation", _tab, "yaml-tab", 1),
    Case("empty-file", lambda t: ("", 1), "file-empty"),
    Case("only-comments", lambda t: ("# a plan\n\n   \n# nothing else\n", 1), "file-empty"),
    Case("gbk-bytes", _gbk, "file-encoding"),
    Case("utf-16", lambda t: (t.encode("utf-16"), 1), "file-encoding"),
    Case("over-size-limit", lambda t: (t + ("# padding\n" * (yamldoc.MAX_BYTES // 10 + 1)), 1), "file-too-large"),
    Case("alias", _aliased, "yaml-alias", 13),
    Case("billion-laughs", _billion_laughs, "yaml-alias"),
    Case("merge-key", lambda t: sub(t, "    indicator: \"学前教育毛入园率\"", "    <<: {indicator: x}"), "yaml-alias"),
    Case("deep-nesting", _deep, "yaml-syntax"),
    Case("python-object", lambda t: sub(t, "name: “十四五”公共服务规划", "name: !!python/object:os.system {}"), "yaml-tag", 7),
    Case("python-object-apply", lambda t: sub(t, "name: “十四五”公共服务规划", "name: !!python/object/apply:os.system [\"touch pwned\"]"), "yaml-tag", 7),
    Case("python-object-new", lambda t: sub(t, "name: “十四五”公共服务规划", "name: !!python/object/new:os.system [\"touch pwned\"]"), "yaml-tag", 7),
    Case("python-name", lambda t: sub(t, "name: “十四五”公共服务规划", "name: !!python/name:os.system ''"), "yaml-tag", 7),
    Case("python-tuple", lambda t: sub(t, "name: “十四五”公共服务规划", "name: !!python/tuple [a, b]"), "yaml-tag", 7),
    Case("binary", lambda t: sub(t, "name: “十四五”公共服务规划", "name: !!binary aGVsbG8="), "yaml-tag", 7),
    Case("set", lambda t: sub(t, "name: “十四五”公共服务规划", "name: !!set {a, b}"), "yaml-tag", 7),
    Case("omap", lambda t: sub(t, "name: “十四五”公共服务规划", "name: !!omap [a: 1]"), "yaml-tag", 7),
    Case("custom-tag", lambda t: sub(t, "name: “十四五”公共服务规划", "name: !custom 规划"), "yaml-tag", 7),
    Case("tag-on-key", lambda t: sub(t, "region: 全国", "!!python/name:os.system : 全国"), "yaml-tag", 1),
    Case("int-tag-on-text", lambda t: sub(t, "year: 2025", "year: !!int twenty"), "invalid-value", 11),
    Case("bool-tag-on-text", lambda t: sub(t, "    listed: false", "    listed: !!bool maybe"), "invalid-value", 13),
    Case("huge-int", lambda t: sub(t, "year: 2025", "year: " + "9" * 5000), "invalid-value", 11),
    Case("int-past-2-53", lambda t: sub(t, "year: 2025", "year: 9007199254740993"), "invalid-value", 11),
    Case("infinity", lambda t: sub(t, 'target: "4.5"', "target: .inf"), "invalid-value", 13),
    Case("not-a-number", lambda t: sub(t, 'target: "4.5"', "target: .nan"), "invalid-value", 13),
    Case("duplicate-key", lambda t: next_line(sub(t, "    binding: 预期性\n", "    binding: 预期性\n    binding: 约束性\n")), "yaml-duplicate-key", 5),
    Case("top-level-list", lambda t: ("- id: national\n- name: x\n", 1), "wrong-type"),
    Case("top-level-scalar", lambda t: ("national\n", 1), "wrong-type"),
    Case("integer-key", lambda t: sub(t, "region: 全国", "1: 全国"), "unknown-field", 1),
    Case("list-key", lambda t: sub(t, "region: 全国", "? [a, b]\n: 全国"), "yaml-syntax", 3),
    Case("unknown-top-level-key", lambda t: next_line(sub(t, "period: 2021-2025", "period: 2021-2025\ncolour: red")), "unknown-field", 1),
    Case("misspelt-top-level-key", lambda t: sub(t, "region: 全国", "regoin: 全国"), "unknown-field", 1),
    Case("missing-required-key", lambda t: (sub(t, "region: 全国\n", "")[0], line_of(t, "id: national")), "missing-field", 1),  # at the mapping that lacks it
    Case("empty-quote", lambda t: sub(t, first_quote(t), 'quote: ""'), "invalid-value", 14),
    Case("quote-not-in-source", lambda t: sub(t, first_quote(t), first_quote(t).replace("预期性", "约束性")), "quote-not-found", 14),
    Case("missing-source", lambda t: sub(t, "source: ../sources/national.txt", "source: ../sources/nowhere.txt"), "source-missing", 9),
    Case("source-is-directory", lambda t: sub(t, "source: ../sources/national.txt", "source: ../sources"), "source-missing", 9),
    Case("source-with-nul", lambda t: sub(t, "source: ../sources/national.txt", 'source: "../sources/nat\\0ional.txt"'), "source-outside", 9),
    Case("unknown-domain", lambda t: sub(t, "domain: 幼有所育", "domain: 幼有所乐"), "unknown-domain", 13),
    Case("restates-unknown-target", lambda t: next_line(sub(t, '    basis: table\n', '    basis: table\n    restates: no-such-target\n')), "restates-unknown", 15),
    Case("restates-itself", lambda t: next_line(sub(t, '    basis: table\n', '    basis: table\n    restates: nursery-places-per-1000\n')), "restates-unknown", 15),
    Case("background-heading-not-a-line", lambda t: sub(t, '{from: "第一节 发展基础"', '{from: "第九节 没有这一节"'), "background-not-found", 5),
]

# odd characters in ids, for item ids and the plan id
ODD_IDS = ["Nursery-Places", "nursery_places", "nursery places", "nursery--places", "-nursery", "nursery-",
           "托位数", "crèche", "ｎursery", "nur\u200bsery", "nursery/places", "nursery.places", "''"]
for odd in ODD_IDS:
    quoted = odd if odd.startswith("'") else f'"{odd}"'
    CASES.append(Case(f"item-id-{odd!r}", lambda t, q=quoted: sub(t, "  - id: nursery-places-per-1000", f"  - id: {q}"), "invalid-id", 9))
    CASES.append(Case(f"plan-id-{odd!r}", lambda t, q=quoted: sub(t, "id: national", f"id: {q}"), "invalid-id", 5))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_catalogue(runner, work, case: Case):
    broken, line = case.mutate(GOOD)
    if isinstance(broken, bytes):
        (work / PLAN).write_bytes(broken)
    else:
        (work / PLAN).write_text(broken, encoding="utf-8")
    result = validate(runner, PLAN)
    assert_finding(result, case.code, line, case.col)
    assert not (work / "pwned").exists()


def test_the_fixture_itself_is_valid(runner, work):
    result = validate(runner, PLAN)
    assert result.exit_code == 0, result.output
    assert not [f for f in findings(result.output) if f["sev"] == "error"]


# --- every schema field with a wrong type, generated from the schema ------------------------

def _types(prop: dict) -> set[str]:
    """JSON types a schema property accepts (an enum accepts the types of its words)."""
    if "oneOf" in prop:
        return set().union(*map(_types, prop["oneOf"]))
    if "enum" in prop:
        return {{str: "string", type(None): "null"}[type(v)] for v in prop["enum"]}
    kinds = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
    return set(kinds) | ({"integer"} if "number" in kinds else set())


# (YAML text, the JSON type it has) in order of preference: a shape, then a scalar
_SHAPES = [("{wrong: 1}", "object"), ("[1, 2]", "array")]
_SCALARS = [("true", "boolean"), ("12", "integer"), ('"text"', "string")]


def _wrong_values(prop: dict) -> list[str]:
    ok = _types(prop)
    return [next(text for text, kind in group if kind not in ok) for group in (_SHAPES, _SCALARS)]


def _where() -> dict[str, tuple[tuple, dict]]:
    top = schema.plan_schema()["properties"]
    return {"plan": ((), top), "source_gaps": (("source_gaps", 0), top["source_gaps"]["items"]["properties"]),
            **{kind: ((kind, 0), top[kind]["items"]["properties"]) for kind in ("targets", "services", "tasks")}}


FIELD_CASES = [(f"{owner}.{name}", base + (name,), value)
               for owner, (base, props) in _where().items()
               for name, prop in props.items()
               for value in _wrong_values(prop)]
FIELD_CASES += [("evidence.quote", ("targets", 0, "evidence", "quote"), "[1, 2]"),
                ("evidence.section", ("tasks", 0, "evidence", "section"), "{wrong: 1}"),
                ("baseline.year", ("targets", 0, "baseline", "year"), '"2020"'),
                ("reveals.quote", ("source_gaps", 0, "reveals", 0, "quote"), "12")]


def set_field(text: str, path: tuple, value: str) -> tuple[str, int, int]:
    """Put `key: value` at `path` (replacing the old value, or adding the key); return text, line, col."""
    doc, problems = yamldoc.parse(text, "x")
    assert doc is not None and not problems
    lines = text.split("\n")
    key = path[-1]
    if path in doc.key_positions:
        kpos = doc.key_positions[path]
        at, indent = kpos.line - 1, kpos.col - 1
        if lines[at][:indent].strip() not in ("", "-"):  # a flow mapping member: `{value: "1.8", year: 2020}`
            rest = lines[at][indent:]
            end = min(i for i in (rest.find(","), rest.find("}"), len(rest)) if i >= 0)
            lines[at] = lines[at][:indent] + f"{key}: {value}" + rest[end:]
            return "\n".join(lines), at + 1, indent + len(key) + 3
        end = at + 1
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip(" ")) > indent):
            end += 1
        lines[at:end] = [lines[at][:indent] + f"{key}: {value}"]
    else:
        owner = doc.positions[path[:-1]]
        at, indent = owner.line, owner.col - 1
        lines.insert(at, " " * indent + f"{key}: {value}")
    return "\n".join(lines), at + 1, indent + len(str(key)) + 3


@pytest.mark.parametrize("path,value", [c[1:] for c in FIELD_CASES], ids=[f"{c[0]}={c[2]}" for c in FIELD_CASES])
def test_every_field_with_a_wrong_type(runner, work, path, value):
    broken, line, col = set_field(GOOD, path, value)
    (work / PLAN).write_text(broken, encoding="utf-8")
    result = validate(runner, PLAN)
    finding = assert_finding(result, "wrong-type", line, col)
    assert finding["msg"].startswith(yamldoc.format_path(path)), finding
    errors = {f["code"] for f in findings(result.output) if f["sev"] == "error"}
    assert errors == {"wrong-type"}, result.output  # one mistake, one finding: no cascade


def test_the_generated_cases_cover_every_schema_field():
    covered = {(c[1][0] if len(c[1]) > 1 else "plan", c[1][-1]) for c in FIELD_CASES}
    for owner, (_, props) in _where().items():
        assert {(owner, name) for name in props} <= covered


# --- accepted oddities: a BOM, CRLF, both, long lines ----------------------------------------

@pytest.mark.parametrize("encode", [
    lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
], ids=["bom", "crlf", "bom+crlf"])
def test_bom_and_crlf_are_accepted_and_keep_positions(runner, work, encode):
    (work / PLAN).write_bytes(encode(GOOD))
    result = validate(runner, PLAN)
    assert result.exit_code == 0, result.output
    broken, line = sub(GOOD, "domain: 幼有所育", "domain: 幼有所乐")
    (work / PLAN).write_bytes(encode(broken))
    assert_finding(validate(runner, PLAN), "unknown-domain", line, 13)


def test_a_very_long_line_is_accepted(runner, work):
    text, _ = sub(GOOD, "notes: \"", "notes: \"" + "很长的说明" * 100_000)  # 1.5 MB on one line, under the limit
    (work / PLAN).write_text(text, encoding="utf-8")
    assert len(text.encode()) < yamldoc.MAX_BYTES
    result = validate(runner, PLAN)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("length,code", [(1000, "unknown-field"), (200_000, "yaml-syntax")])  # YAML keys stop at 1024
def test_a_very_long_key_gives_a_short_message(runner, work, length, code):
    text, line = next_line(sub(GOOD, "region: 全国", "region: 全国\n" + "k" * length + ": 1"))
    (work / PLAN).write_text(text, encoding="utf-8")
    assert_finding(validate(runner, PLAN), code, line, 1)  # assert_finding also bounds the message length


def test_size_limit_is_checked_before_parsing(runner, work, monkeypatch):
    monkeypatch.setattr(yamldoc, "MAX_BYTES", 1000)
    assert_finding(validate(runner, PLAN), "file-too-large", 1)


# --- files, plans and links ------------------------------------------------------------------

def test_missing_input_file_is_a_usage_error(runner, work):
    result = validate(runner, "plans/nowhere.yaml")
    assert result.exit_code == 2
    assert "plans/nowhere.yaml" in result.output and "no such file" in result.output


def test_directory_as_input_checks_its_files(runner, work):
    """A folder stands for its YAML files (issue: validate accepts folders); an empty one is a usage error."""
    result = validate(runner, "plans")
    assert result.exit_code == 0, result.output
    assert "1 file checked:" in result.output   # the work folder holds one plan
    (work / "empty").mkdir()
    result = validate(runner, "empty")
    assert result.exit_code == 2
    assert "nothing to check" in result.output


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_exits_2(runner, work):
    (work / PLAN).chmod(0)
    try:
        assert_finding(validate(runner, PLAN), "file-unreadable", 1, exit_code=2)
    finally:
        (work / PLAN).chmod(0o644)


def test_two_plans_with_the_same_id(runner, work):
    other = Path("plans/copy.yaml")
    shutil.copy(PLAN, other)
    result = validate(runner, PLAN, other)
    finding = assert_finding(result, "duplicate-plan-id", line_of(GOOD, "id: national"), 5, file=str(other))
    assert str(PLAN) in finding["msg"]


def test_two_items_with_the_same_id(runner, work):
    broken, line = sub(GOOD, "  - id: orphan-care-coverage", "  - id: nursery-places-per-1000")
    (work / PLAN).write_text(broken, encoding="utf-8")
    assert_finding(validate(runner, PLAN), "duplicate-id", line, 5)


@pytest.fixture
def press(work) -> Path:
    """The Liaoning plan and press file beside the national one."""
    for name in ("liaoning.txt", "liaoning-press.txt"):
        shutil.copy(DATA / "sources" / name, work / "sources" / name)
    shutil.copy(DATA / "plans" / "liaoning.yaml", work / "plans" / "liaoning.yaml")
    (work / "press").mkdir()
    shutil.copy(DATA / "press" / "liaoning-press.yaml", work / "press" / "liaoning-press.yaml")
    return Path("press/liaoning-press.yaml")


def test_press_link_naming_a_missing_item(runner, press):
    text = press.read_text(encoding="utf-8")
    broken, line = sub(text, "links: []", "links: [no-such-item]")
    press.write_text(broken, encoding="utf-8")
    assert_finding(validate(runner, press), "link-unknown-id", line, file=str(press))


def test_press_file_naming_a_missing_plan(runner, press):
    broken, line = sub(press.read_text(encoding="utf-8"), "plan: liaoning", "plan: atlantis")
    press.write_text(broken, encoding="utf-8")
    assert_finding(validate(runner, press), "link-unknown-plan", line, 7, file=str(press))


@pytest.mark.parametrize("old,new", [("plan: liaoning", "plan: [liaoning]"), ("links: []", "links: 5"),
                                     ("source: ../sources/liaoning-press.txt", "source: {a: 1}")])
def test_press_file_with_wrong_shapes(runner, press, old, new):
    broken, line = sub(press.read_text(encoding="utf-8"), old, new)
    press.write_text(broken, encoding="utf-8")
    result = validate(runner, press)
    assert_finding(result, "wrong-type", line, file=str(press))
    assert {f["code"] for f in findings(result.output)} == {"wrong-type"}, result.output


# --- the same through the installed command ---------------------------------------------------

@pytest.mark.parametrize("name", ["python-object-apply", "billion-laughs", "gbk-bytes", "deep-nesting", "tab-indentation"])
def test_through_a_real_process(work, name):
    case = next(c for c in CASES if c.name == name)
    broken, line = case.mutate(GOOD)
    target = work / PLAN
    target.write_bytes(broken if isinstance(broken, bytes) else broken.encode("utf-8"))
    proc = subprocess.run([str(PLANCMP), "validate", str(PLAN)], cwd=work, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr and "internal error" not in proc.stderr
    [finding] = findings(proc.stdout)
    assert (finding["file"], int(finding["line"]), finding["code"]) == (str(PLAN), line, case.code)
    assert not (work / "pwned").exists()


def test_missing_file_through_a_real_process(work):
    proc = subprocess.run([str(PLANCMP), "validate", "plans/nowhere.yaml"], cwd=work, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    # a missing file is a finding like any other, on stdout in every format (issue: validate for people and CI)
    assert "plans/nowhere.yaml:1:1: error file-unreadable" in proc.stdout and "Traceback" not in proc.stderr


# --- data/links.yaml: links naming missing plans or items, and malformed link files ----------

LINK_CASES = {
    "missing-item": ('  - {forbid: "national:no-such-item = liaoning:%s", reason: "test"}', "link-unknown-id"),
    "missing-plan": ('  - {pin: "atlantis:harbour = national:nursery-places-per-1000", reason: "test"}', "link-unknown-plan"),
    "malformed-ref": ('  - {pin: "national nursery-places-per-1000", reason: "test"}', "invalid-value"),
    "no-reason": ('  - {pin: "national:nursery-places-per-1000 = liaoning:%s"}', "missing-field"),
    "entry-not-a-mapping": ("  - national:nursery-places-per-1000", "wrong-type"),
    "pin-and-forbid": ('  - {pin: "national:a = liaoning:b", forbid: "national:a = liaoning:b", reason: "x"}', "invalid-value"),
    "neither": ('  - {reason: "x"}', "missing-field"),
    "unknown-field": ('  - {pin: "national:nursery-places-per-1000 = liaoning:%s", reason: "x", why: "y"}', "unknown-field"),
    "blank-reason": ('  - {pin: "national:nursery-places-per-1000 = liaoning:%s", reason: "  "}', "invalid-value"),
    "ref-with-newline": ('  - {pin: "national:nursery-places-per-1000 = liaoning:%s\\nx", reason: "x"}', "invalid-value"),
    "alias": ('  - {pin: &p "national:nursery-places-per-1000 = liaoning:%s", reason: *p}', "yaml-alias"),
    "python-tag": ('  - !!python/object/apply:os.system ["touch pwned"]', "yaml-tag"),
}


@pytest.mark.parametrize("name", LINK_CASES)
def test_links_file(runner, press, name):
    line_text, code = LINK_CASES[name]
    liaoning_id = re.search(r"\n  - id: (\S+)", (press.parent.parent / "plans" / "liaoning.yaml").read_text(encoding="utf-8"))[1]
    Path("links.yaml").write_text("# overrides\nlinks:\n" + (line_text % liaoning_id if "%s" in line_text else line_text) + "\n", encoding="utf-8")
    result = validate(runner)  # no paths: the whole data dir, links.yaml included
    assert_finding(result, code, 3, file="links.yaml")
    assert not Path("pwned").exists()


def test_links_pinned_twice_or_pinned_and_forbidden(runner, press):
    liaoning_id = re.search(r"\n  - id: (\S+)", (press.parent.parent / "plans" / "liaoning.yaml").read_text(encoding="utf-8"))[1]
    pair = f"national:nursery-places-per-1000 = liaoning:{liaoning_id}"
    for second in ("pin", "forbid"):
        Path("links.yaml").write_text(f'links:\n  - {{pin: "{pair}", reason: "a"}}\n  - {{{second}: "{pair}", reason: "b"}}\n',
                                      encoding="utf-8")
        found = assert_finding(validate(runner), "link-conflict", 3, file="links.yaml")
        assert ("pinned twice" if second == "pin" else "both pinned and forbidden") in found["msg"]


def test_several_pins_of_one_item_are_valid_one_to_many(runner, press):
    ids = re.findall(r"\n  - id: (\S+)", (press.parent.parent / "plans" / "liaoning.yaml").read_text(encoding="utf-8"))[:2]
    Path("links.yaml").write_text("links:\n" + "".join(
        f'  - {{pin: "national:nursery-places-per-1000 = liaoning:{i}", reason: "one of two"}}\n' for i in ids), encoding="utf-8")
    result = validate(runner)
    assert "link-conflict" not in result.output, result.output


def test_links_file_with_the_wrong_shape(runner, press):
    Path("links.yaml").write_text("links: 5\n", encoding="utf-8")
    assert_finding(validate(runner), "wrong-type", 1, file="links.yaml")
