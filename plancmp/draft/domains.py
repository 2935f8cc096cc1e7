"""Which domain a drafted item belongs to: a table's or a list's category cell when it
names a domain, else the keywords of plancmp/vocab/draft.yaml, else 其他. A guess a
curator checks; the curated plans put cross-cutting tasks under 其他, so no keyword
means 其他 rather than the chapter's nearest domain."""
from __future__ import annotations

from functools import cache

from ..ingest.evidence import squeeze
from .model import words

OTHER = "其他"


@cache
def _keywords() -> tuple[tuple[str, str], ...]:
    pairs = [(keyword, domain) for domain, keywords in words()["domains"].items() for keyword in keywords]
    return tuple(sorted(pairs, key=lambda kv: -len(kv[0])))


@cache
def _spellings() -> tuple[str, ...]:
    from ..core.vocab import domain_spellings

    return tuple(sorted(domain_spellings(), key=len, reverse=True))


def category(text: str) -> str | None:
    """A category cell (幼有所育, 文 体 服 务 保障, 优军服务有保障) -> its domain, or None."""
    from ..core.vocab import canonical_domain

    return canonical_domain(squeeze(text)) if squeeze(text) else None


def leading_category(text: str) -> tuple[str | None, str]:
    """A row's text that starts with a category (幼有所育每千人口…) -> (domain, the rest)."""
    from ..core.vocab import canonical_domain

    for spelling in _spellings():
        if text.startswith(spelling) and len(text) > len(spelling):
            return canonical_domain(spelling), text[len(spelling):]
    return None, text


def guess(*texts: str | None) -> str | None:
    """The domain the first text with a keyword points to: the longest keyword, then the one found
    last (a Chinese name ends in its head: 低保、低收入住房困难家庭 is about housing, 住有所居)."""
    for text in texts:
        if not text:
            continue
        found = [(-len(k), -text.rfind(k), d) for k, d in _keywords() if k in text]
        if found:
            return min(found)[2]
    return None
