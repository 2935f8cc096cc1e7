"""The controlled vocabularies, read from the YAML files in plancmp/vocab/.

Kept as data so that a curator can add a unit or an alias without touching code.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from ..files.paths import VOCAB_DIR

if TYPE_CHECKING:
    from ..files.folder import DataFolder


@cache
def _folder() -> DataFolder:
    """The vocabulary folder, read as data folders are (each file once)."""
    from ..files.folder import DataFolder

    return DataFolder(VOCAB_DIR)


@cache
def _every() -> dict[str, dict[str, Any]]:
    """Every vocabulary file, parsed, by file name: one entry of the cache (plancmp/files/cache.py)
    for all of them, so that a warm run needs no PyYAML at all and a first run writes one entry,
    not one per file."""
    from ..files import cache as store

    paths = sorted(VOCAB_DIR.glob("*.yaml"))

    def parse() -> dict[str, dict[str, Any]]:
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return {path.name: yaml.load(_folder().read_text(path), Loader=loader) for path in paths}

    every: dict[str, dict[str, Any]] = store.by_files("vocabularies", _folder(), paths, "", parse, dict)
    return every


def read(name: str) -> dict[str, Any]:
    """One vocabulary file (plancmp/vocab/NAME), parsed."""
    return _every()[name]


class Domain(NamedTuple):
    name: str
    aliases: tuple[str, ...]
    search: tuple[str, ...]


@cache
def domains() -> tuple[Domain, ...]:
    return tuple(
        Domain(d["name"], tuple(d.get("aliases") or ()), tuple(d.get("search") or ()))
        for d in read("domains.yaml")["domains"]
    )


@cache
def domain_names() -> tuple[str, ...]:
    return tuple(d.name for d in domains())


@cache
def _domain_positions() -> dict[str, int]:
    return {name: n for n, name in enumerate(domain_names())}


def domain_order(domain: str) -> tuple[int, str]:
    """Sort key of a domain: the plans' own order (幼有所育 first, 文体服务保障 last), then
    anything else by name (only a plan that fails validation has another domain)."""
    positions = _domain_positions()
    return positions.get(domain, len(positions)), domain


@cache
def _domain_spellings() -> dict[str, str]:
    """Every accepted spelling in plan files -> canonical domain name."""
    out = {}
    for d in domains():
        out[d.name] = d.name
        for alias in d.aliases:
            out[alias] = d.name
    return out


def canonical_domain(value: str) -> str | None:
    """A plan file's domain (name or alias) -> canonical name; None if unknown."""
    return _domain_spellings().get(value.strip())


def domain_spellings() -> list[str]:
    return list(_domain_spellings())


def resolve_domain_query(query: str) -> str | None:
    """What a person types after --domain (养老, elderly, laoyousuoyang …) -> domain name."""
    q = fold(query)
    for d in domains():
        if q in {fold(s) for s in (d.name, *d.aliases, *d.search)}:
            return d.name
    matches = [d.name for d in domains() if q and q in fold(d.name)]
    return matches[0] if len(matches) == 1 else None


def fold(text: str) -> str:
    """Full/half width, case and spaces folded away, for matching what people type."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def did_you_mean(word: str, spellings: Iterable[str] | dict[str, str], n: int = 3) -> str:
    """` (did you mean liaoning?)` when `word` is close to a spelling (difflib), else "".
    `spellings`: the words themselves, or {spelling: what to suggest for it}."""
    import difflib

    shown: dict[str, str] = {}
    for spelling, name in (spellings.items() if isinstance(spellings, dict) else ((s, s) for s in spellings)):
        shown.setdefault(fold(str(spelling)), str(name))
    close = difflib.get_close_matches(fold(word), list(shown), n=n, cutoff=0.6)
    named = dict.fromkeys(shown[c] for c in close)
    return f" (did you mean {' or '.join(named)}?)" if named else ""


@cache
def units() -> dict[str, str]:
    """unit -> kind (rate | level | total)."""
    return {u["unit"]: u["kind"] for u in read("units.yaml")["units"]}


@cache
def bindings() -> tuple[str, ...]:
    return tuple(read("bindings.yaml")["bindings"])


@cache
def binding_spellings() -> dict[str, str]:
    """What people may type for a 属性 (lower-cased) -> the 属性 as plans write it."""
    typed = read("bindings.yaml").get("typed") or {}
    return {word.lower(): b for b in bindings() for word in (b, *typed.get(b, ()))}


@cache
def kind_spellings() -> dict[str, str]:
    """What people may type for a kind (lower-cased: targets, target, 指标 …) -> the kind, from
    the kind words of both languages (labels.yaml `kind`, `kind_one`)."""
    from .model import KINDS

    labels = read("labels.yaml")
    return {word.lower(): kind for kind in KINDS
            for word in (kind, *labels["kind"][kind].values(), *labels["kind_one"][kind].values())}


@cache
def value_words() -> dict[str, Any]:
    return read("values.yaml")


@cache
def indicator_facts() -> dict[str, Any]:
    return read("indicators.yaml")
