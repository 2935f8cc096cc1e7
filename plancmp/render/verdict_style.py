"""How a verdict looks in each medium, as the catalogue (vocab/statuses.yaml) declares it:
its terminal style, its spreadsheet fill, the report's CSS, and the `= matches` a legend
shows. Nothing here is written per verdict: a new verdict in the catalogue looks right
everywhere.
"""
from __future__ import annotations

from ..core.i18n import Labels
from ..core.verdicts import BUCKET_CATALOGUE, CATALOGUE, CLAIM_VERDICTS, SYMBOLS

# Terminal styles (render/textgrid.py's words).
STYLES = {code: s.style for code, s in CATALOGUE.items()}

# Spreadsheet fill colours and the text colour on them.
FILLS = {code: (s.fill, s.ink) for code, s in CATALOGUE.items()}

# The coverage buckets as CSS classes (.b-*), by their JSON names, in the order shown.
BUCKET_CSS = {b.json: b.code for b in BUCKET_CATALOGUE.values()}

# A press claim's verdict on a terminal, and as the report's tag class.
CLAIM_STYLES = {code: v.style for code, v in CLAIM_VERDICTS.items()}
CLAIM_CSS = {code: f"s-{v.look}" if v.look else "" for code, v in CLAIM_VERDICTS.items()}


def verdict_css() -> str:
    """The report's verdict colours: a class per verdict (cells, tags, swatches: .s-CODE) and
    per coverage bucket (bars and swatches: .b-CODE)."""
    rules = [f".s-{code} {{ background: #{s.fill}; color: #{s.ink}; }}" for code, s in CATALOGUE.items()]
    rules += [f".tag.s-{code} {{ border-color: transparent; }}" for code in CATALOGUE]
    rules += [f".b-{b.code} {{ fill: #{b.fill}; }} .sw.b-{b.code} {{ background: #{b.fill}; }}"
              for b in BUCKET_CATALOGUE.values()]
    return "\n".join(rules) + "\n"


def legend_item(status: str, labels: Labels) -> str:
    """`= matches`, `= 相当`: a verdict's symbol and its words."""
    return f"{SYMBOLS[status]} {labels.status(status)}"


def verdict_counts(counts: dict[str, int], labels: Labels) -> tuple[int, list[str]]:
    """How many commitments were compared (every row but `added`), and the counts said in
    words, verdict order, `added` last: (127, ['3 exceeds', '98 matches', … '162 added'])."""
    compared = sum(n for status, n in counts.items() if status != "added")
    said = [labels.count(n, labels.status(status)) for status, n in counts.items() if n and status != "added"]
    if counts.get("added"):
        said.append(labels.count(counts["added"], labels.status("added")))
    return compared, said
