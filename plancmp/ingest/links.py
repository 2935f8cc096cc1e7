"""data/links.yaml: people overrule the aligner.

```yaml
links:
  - {pin: "national:elderly-care-beds-total = liaoning:elderly-care-beds-total", reason: "same 专栏1 row"}
  - {forbid: "national:x = gansu:y", reason: "different programmes that share words"}
```
A pinned pair is taken as it is (the matcher's score is still shown); a forbidden
pair never pairs. The file's shape is checked against its JSON Schema (schema.py,
`plancmp schema links`); `check` says whether every link names an existing plan and item
and no pair is pinned twice or both pinned and forbidden; `plancmp diff A B --review`
prints ready-to-paste lines.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..core.findings import Finding
from ..core.model import Plan
from ..core.positions import Pos
from .yamldoc import format_path, load as load_yaml

if TYPE_CHECKING:
    from ..files.folder import DataFolder


class Link(NamedTuple):
    action: str    # pin | forbid
    left: str      # plan:id
    right: str     # plan:id
    reason: str
    number: int    # its position in the list (a NamedTuple's `index` is tuple.index)
    pos: Pos | None = None   # where its pin or forbid stands (for findings); None: made in code

    @property
    def plans(self) -> tuple[str, str]:
        return self.left.split(":")[0], self.right.split(":")[0]


@dataclass
class Links:
    links: list[Link] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)   # entries that could not be read

    def __post_init__(self) -> None:
        self._by_pair: dict[tuple[str, frozenset[str]], Link] | None = None
        self._by_ref: dict[str, list[str]] | None = None

    def _index(self) -> tuple[dict[tuple[str, frozenset[str]], Link], dict[str, list[str]]]:
        """Links by pair and by item, built once: a diff asks for every pair it scores."""
        if self._by_pair is None or self._by_ref is None:
            self._by_pair, self._by_ref = {}, {}
            for link in self.links:
                self._by_pair.setdefault((link.action, frozenset((link.left, link.right))), link)
                if link.action == "pin":
                    self._by_ref.setdefault(link.left, []).append(link.right)
                    self._by_ref.setdefault(link.right, []).append(link.left)
        return self._by_pair, self._by_ref

    def _find(self, action: str, a: str, b: str) -> Link | None:
        return self._index()[0].get((action, frozenset((a, b))))

    def pins_of(self, ref: str, plan: str) -> list[str]:
        """Every item of `plan` pinned to `ref`, in file order: one national item may be
        stated by several provincial items (两免一补 as three services)."""
        out: list[str] = []
        for other in self._index()[1].get(ref, ()):
            if other.startswith(plan + ":") and other not in out:
                out.append(other)
        return out

    def forbidden(self, a: str, b: str) -> bool:
        return self._find("forbid", a, b) is not None

    def reason(self, a: str, b: str) -> str:
        link = self._find("pin", a, b) or self._find("forbid", a, b)
        return link.reason if link else ""


def load_links(folder: DataFolder, path: Path, shown: str | None = None) -> Links:
    """links.yaml as the commands read it: from its data folder (`folder`, by the folder's
    rule), through the cache, keyed by its bytes (the schema check costs the jsonschema
    import, which a warm run does not pay). No directory entry at `path` means no links; an
    entry that cannot be read (a dangling symbolic link, a FIFO, a link out of the folder)
    is a file-unreadable problem, never "no links"."""
    from ..files import cache

    if not folder.has_entry(path):
        return Links()
    links: Links = cache.by_files("links", folder, [path], shown or "", lambda: read_links(folder, path, shown), Links)
    return links


_ENTRY = re.compile(r"links\[(\d+)\](?:$|[.\[])")   # a finding's path inside the entry links[N]


def read_links(folder: DataFolder, path: Path, shown: str | None = None) -> Links:
    """Read links.yaml and check its shape (`plancmp validate` reads it so, never cached).
    Entries with a problem are left out of the links and reported as problems."""
    from . import schema, schemacheck

    if not folder.has_entry(path):
        return Links()
    doc, findings = load_yaml(path, shown or str(path), folder)
    if doc is None:
        return Links(problems=list(findings))
    problems = findings + schemacheck.check(doc, schema.links_schema())
    entries = doc.data.get("links") if isinstance(doc.data, dict) else None
    out = Links(problems=problems)
    flawed = {int(m.group(1)) for f in problems if (m := _ENTRY.match(f.path or ""))}   # once: not entries x problems
    for n, entry in enumerate(entries if isinstance(entries, list) else []):
        if n in flawed:
            continue
        action = "pin" if "pin" in entry else "forbid"
        left, right = ("".join(side.split()) for side in entry[action].split("="))   # the schema checked its shape
        out.links.append(Link(action, left, right, entry["reason"], n, doc.pos(("links", n, action))))
    return out


def _finding(link: Link, code: str, message: str) -> Finding:
    pos = link.pos or Pos("links.yaml", 0, 0)
    return Finding(code, message, pos.file, pos.line, pos.col, format_path(("links", link.number, link.action)))


def check(links: Links, plans: dict[str, Plan], only: set[str] | None = None,
          broken: AbstractSet[str] = frozenset()) -> list[Finding]:
    """Every link names existing plans and items; no pair pinned and forbidden, no pair
    pinned twice. Several pins of one item are one-to-many coverage (两免一补 stated as
    three services), and a pin may cross kinds (a national service a province states
    as a task): the first same-kind pin is the row's counterpart, the others are `also`.
    `only`: check just the links between these plans (those a diff of them would use);
    `broken`: plans whose files could not be read (their links are not judged)."""
    out = list(links.problems)
    seen: dict[frozenset[str], Link] = {}
    ids = {plan_id: {i.id for i in plan.items()} for plan_id, plan in plans.items()}   # once: a link file may hold 30,000 links
    for link in links.links:
        if only is not None and not set(link.plans) <= only:
            continue   # a link between other plans steers no diff of these
        if set(link.plans) & broken:
            continue   # its plan file has errors of its own, reported there: no cascade
        for ref in (link.left, link.right):
            plan_id, item_id = ref.split(":")
            plan = plans.get(plan_id)
            if plan is None:
                out.append(_finding(link, "link-unknown-plan", f"{ref}: no plan {plan_id!r} (plans: {', '.join(sorted(plans))})"))
            elif item_id not in ids[plan_id]:
                out.append(_finding(link, "link-unknown-id", f"{ref}: plan {plan_id!r} has no item {item_id!r}"))
        if link.plans[0] == link.plans[1]:
            out.append(_finding(link, "link-conflict", "a link joins items of two different plans"))
        pair = frozenset((link.left, link.right))
        first = seen.setdefault(pair, link)
        if first is not link:
            what = "both pinned and forbidden" if first.action != link.action else {"pin": "pinned", "forbid": "forbidden"}[link.action] + " twice"
            out.append(_finding(link, "link-conflict", f"{link.left} = {link.right} is {what} (first at links[{first.number}])"))
    return out


def check_default(folder: DataFolder, path: Path, plans: dict[str, Plan], shown: str,
                  broken: AbstractSet[str] = frozenset()) -> tuple[list[str], list[Finding]]:
    """`plancmp validate`: check a data folder's links.yaml when it has one (a directory
    entry: a dangling link is a file that cannot be read). Returns (files checked, findings)."""
    if not folder.has_entry(path):
        return [], []
    return [shown], check(read_links(folder, path, shown), plans, broken=broken)
