"""`plancmp targets` as tables: one row per indicator, one column per plan."""
from __future__ import annotations

from ..matrix import SYMBOLS
from .diff_table import STYLES
from .tabular import Column, Table


def cell_text(cell: dict, flags: dict) -> str:
    """`= 85.2% → >90% [text; annual avg]`: verdict symbol, value as written, marks."""
    if cell["id"] is None:
        return "" if cell["status"] == "absent" else f"{SYMBOLS.get(cell['status'], '')} {cell['label']}"
    marks = ([cell["basis"]] if cell["body_text"] else []) + [flags.get(f, f) for f in cell["flags"]]
    symbol = SYMBOLS.get(cell["status"], "")
    text = f"{symbol} {cell['value']}" if symbol else cell["value"]
    return text + (f" [{'; '.join(marks)}]" if marks else "")


def targets_table(data: dict) -> Table:
    columns = [Column("domain", "domain"), Column("indicator", "indicator"), Column("unit", "unit", nowrap=True)]
    columns += [Column(pid, pid) for pid in data["plans"]]
    rows = []
    for r in data["rows"]:
        row = {"domain": r["domain"], "indicator": r["indicator"], "unit": r["unit"] or "",
               "_style": {pid: STYLES.get(c["status"], "") for pid, c in r["cells"].items()}}
        row |= {pid: cell_text(c, data["flags"]) for pid, c in r["cells"].items()}
        rows.append(row)
    legend = "  ".join(f"{sym} {s.replace('-', ' ')}" for s, sym in SYMBOLS.items())
    notes = [f"{data['reference']} is the reference; each province cell: verdict against it, then baseline → target as written",
             f"legend: {legend}; [text] / [box]: a commitment of the body text or a box, not the indicator table"]
    return Table("Targets across plans", columns, rows, group="domain", notes=notes)


def targets_csv_table(data: dict) -> Table:
    """One line per indicator and plan, one value per cell: the verdict and its symbol, the
    baseline, target, unit, year, binding and basis each in a column of its own."""
    keys = ["domain", "indicator", "plan", "status", "symbol", "id", "baseline", "baseline_year", "target",
            "unit", "year", "binding", "basis", "flags", "section"]
    rows = []
    for r in data["rows"]:
        for pid, c in r["cells"].items():
            if c["status"] == "absent":
                continue
            base = c.get("baseline") or {}
            rows.append({"domain": r["domain"], "indicator": r["indicator"], "plan": pid, "status": c["status"],
                         "symbol": SYMBOLS.get(c["status"], ""), "id": c.get("id") or "",
                         "baseline": base.get("value", ""), "baseline_year": base.get("year", ""),
                         "target": c.get("target") or "", "unit": c.get("unit") or "", "year": c.get("year") or "",
                         "binding": c.get("binding") or "", "basis": c.get("basis") or "",
                         "flags": " ".join(c.get("flags") or ()), "section": c.get("section") or ""})
    return Table("Targets across plans", [Column(k, k) for k in keys], rows)
