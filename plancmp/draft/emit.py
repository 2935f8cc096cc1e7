"""A draft as a plan file: the layout of the curated files (one item a block, the
baseline in flow style, every string double-quoted), written by hand so that the output
is the same byte for byte on every run and every PyYAML."""
from __future__ import annotations

from ..ingest.yamledit import entry_lines, q
from .model import Draft

SCHEMA_LINE = "# yaml-language-server: $schema=../../plancmp/schemas/plan.schema.json"


def plan_yaml(plan_id: str, name: str, level: str, region: str, period: str, aliases: list[str],
              source: str, draft: Draft) -> str:
    out = [SCHEMA_LINE,
           f"# Drafted by `plancmp new` from {source}. Every item says `draft: true` until a person has",
           "# read it against the text and corrected it; delete that line then (`plancmp validate` warns",
           "# on each item still marked). The drafter never fills a gap: add what it missed, record what",
           "# the copy lost under source_gaps. See CONTRIBUTING.md.",
           f"id: {plan_id}", f"name: {q(name)}", f"level: {level}", f"region: {q(region)}"]
    if aliases:
        out.append(f"aliases: [{', '.join(q(a) for a in aliases)}]")
    out += [f"period: {q(period)}", f"source: {source}"]
    if draft.background:
        out.append("background:")
        out += [f"  - {{from: {q(start)}, to: {q(end)}}}" for start, end in draft.background]
    out += _gaps(draft.gaps)
    for kind in ("targets", "services", "tasks"):
        items = getattr(draft, kind)
        out.append(f"{kind}:" if items else f"{kind}: []")
        for item in items:
            out += _item(item)
    return "\n".join(out) + "\n"


def _gaps(gaps: list[dict]) -> list[str]:
    """source_gaps: what the copy lost, each gap drafted (its description says so)."""
    if not gaps:
        return ["source_gaps: []"]
    out = ["source_gaps:"]
    for gap in gaps:
        out.append(f"  - id: {gap['id']}")
        if gap.get("draft"):
            out.append("    draft: true")
        out += [f"    section: {q(gap['section'])}", f"    description: {q(gap['description'])}"]
        for key in ("domains", "kinds"):
            if gap.get(key):
                out.append(f"    {key}: [{', '.join(gap[key])}]")
        if gap.get("reveals"):
            out.append("    reveals:")
            for reveal in gap["reveals"]:
                out += [f"      - indicator: {q(reveal['indicator'])}", f"        quote: {q(reveal['quote'])}"]
    return out


def _item(item: dict) -> list[str]:
    return entry_lines(item)
