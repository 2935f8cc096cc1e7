"""Hostile input, round two, problem 10: units and years that mean what they say. A value
written in a unit or scale its item's unit cannot take (95‰ or 55万张 for an item in %) is
a validate error and never `matches`; 3.4万 for an item in 次 still scales; a year outside
1949–2100 is refused by the schema. Through the installed command, in real processes."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import PLANCMP

PENSION = ("基本养老保险参保率（%）\t90\t95\t预期性", 'quote: "基本养老保险参保率（%） 90 95 预期性"')


def _cli(*args, env=None):
    full = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run([str(PLANCMP), *args], capture_output=True, text=True, env=full, timeout=120)


def _write_pension(data: Path, value: str) -> None:
    """Liaoning's 基本养老保险参保率 (unit %) written as `value` in its source and its plan."""
    source = data / "sources" / "liaoning.txt"
    text = source.read_text(encoding="utf-8")
    assert PENSION[0] in text
    source.write_text(text.replace(PENSION[0], PENSION[0].replace("\t95\t", f"\t{value}\t")), encoding="utf-8")
    plan = data / "plans" / "liaoning.yaml"
    text = plan.read_text(encoding="utf-8")
    block = text[text.index("  - id: basic-pension-insurance-coverage"):]
    block = block[:block.index(PENSION[1]) + len(PENSION[1])]
    edited = block.replace('target: "95"', f'target: "{value}"').replace(" 90 95 ", f" 90 {value} ")
    plan.write_text(text.replace(block, edited), encoding="utf-8")


def _pension_row(result) -> dict:
    rows = json.loads(result.stdout)["rows"]
    return next(r for r in rows if (r.get("left") or {}).get("id") == "basic-pension-insurance-coverage")


@pytest.mark.parametrize("value", ["95‰", "55万张"])
def test_a_value_in_a_unit_its_item_cannot_take_is_refused_never_matched(data_copy, value):
    assert _pension_row(_cli("diff", "national", "liaoning", "-f", "json"))["status"] == "matches"   # 95 and 95 %
    _write_pension(data_copy, value)
    checked = _cli("validate", "--format", "json")
    assert checked.returncode == 1, checked.stdout[-500:]
    [finding] = [f for f in json.loads(checked.stdout)["findings"] if f["code"] == "value-unit"]
    assert finding["file"].endswith("liaoning.yaml") and value in finding["message"] and "%" in finding["message"]
    result = _cli("diff", "national", "liaoning", "-f", "json")
    assert result.returncode == 1 and "value-unit" in result.stderr and "matches" not in result.stdout


def test_a_scale_word_before_the_items_own_unit_still_scales(data_copy):
    """Fujian's 每万人接受公共文化设施服务次数 (3.4 万次) written as 3.4万 for an item in 次 is
    34000 次: no finding, and it still matches national's 3.4 万次."""
    source = data_copy / "sources" / "fujian.txt"
    lines = source.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if "每万人接受公共文化设施服务次数(万次)" in line)
    at = next(n for n in range(at, at + 8) if lines[n].strip() == "3.4")
    lines[at] = lines[at].replace("3.4", "3.4万")
    source.write_text("\n".join(lines), encoding="utf-8")
    plan = data_copy / "plans" / "fujian.yaml"
    text = plan.read_text(encoding="utf-8")
    start = text.index("  - id: public-cultural-facility-visits-per-10000")
    end = text.index("section:", start)
    block = text[start:end]
    edited = (block.replace('unit: "万次"', 'unit: "次"').replace('target: "3.4"', 'target: "3.4万"')
              .replace("— 3.4 预期性", "— 3.4万 预期性"))
    plan.write_text(text[:start] + edited + text[end:], encoding="utf-8")
    checked = _cli("validate")
    assert checked.returncode == 0 and "value-unit" not in checked.stdout, checked.stdout[-500:]
    rows = json.loads(_cli("diff", "national", "fujian", "-f", "json").stdout)["rows"]
    [row] = [r for r in rows if (r.get("left") or {}).get("id") == "public-cultural-facility-visits-per-10000"]
    assert row["status"] == "matches", row


@pytest.mark.parametrize("field,year", [("year", -2025), ("year", 2525), ("baseline", 1800)])
def test_a_year_outside_1949_to_2100_is_refused(data_copy, field, year):
    plan = data_copy / "plans" / "liaoning.yaml"
    text = plan.read_text(encoding="utf-8")
    old = "baseline: {value: \"90\", year: 2020}" if field == "baseline" else "    year: 2025\n"
    new = f"baseline: {{value: \"90\", year: {year}}}" if field == "baseline" else f"    year: {year}\n"
    at = text.index("  - id: basic-pension-insurance-coverage")
    plan.write_text(text[:at] + text[at:].replace(old, new, 1), encoding="utf-8")
    checked = _cli("validate")
    assert checked.returncode == 1, checked.stdout[-500:]
    [line] = [l for l in checked.stdout.splitlines() if "invalid-value" in l]
    assert f"is {year}, not a year from 1949 to 2100" in line
    assert _cli("diff", "national", "liaoning").returncode == 1
