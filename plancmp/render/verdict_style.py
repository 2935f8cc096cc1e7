"""How a verdict looks in each medium: its terminal style, its spreadsheet fill, its report
CSS class, and the `= matches` a legend shows. What a verdict *is* (its symbol and its
coverage bucket) is core/verdicts.py; its words in either language are vocab/labels.yaml.
"""
from __future__ import annotations

from ..core.i18n import Labels
from ..core.verdicts import SYMBOLS

# Terminal styles (render/textgrid.py's words).
STYLES = {"exceeds": "bold green", "matches": "green", "matches-quantified": "bold green", "below": "bold red",
          "not-comparable": "yellow", "mentioned": "yellow", "unknown": "magenta", "omitted": "red", "added": "cyan"}

# Spreadsheet fill colours (the HTML report's palette) and the text colour on them.
FILLS = {"exceeds": ("1A7F37", "FFFFFF"), "matches": ("4CAE4C", "FFFFFF"), "matches-quantified": ("2E9B6A", "FFFFFF"),
         "below": ("CF222E", "FFFFFF"), "not-comparable": ("D4A72C", "000000"), "mentioned": ("F2D98B", "000000"),
         "omitted": ("8C959F", "FFFFFF"), "unknown": ("8250DF", "FFFFFF"), "added": ("0969DA", "FFFFFF")}

# The coverage buckets as CSS classes (report.css: .b-*), in BUCKETS order.
BUCKET_CSS = {"matched or exceeded": "met", "below": "below", "not comparable": "nc", "mentioned only": "mentioned",
              "omitted": "omitted", "unknown": "unknown"}


# A press claim's verdict (views/claims.py) on a terminal, and as the report's tag class.
CLAIM_STYLES = {"supported": "green", "overstated": "bold red", "understated": "yellow", "not-in-plan": "bold magenta",
                "context": "dim"}
CLAIM_CSS = {"supported": "s-matches", "overstated": "s-below", "understated": "s-not-comparable",
             "not-in-plan": "s-omitted", "context": "s-reference"}


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
