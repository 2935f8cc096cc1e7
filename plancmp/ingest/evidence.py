"""Check quotes against source texts.

A quote counts as found when it occurs in the source after all whitespace is
removed from both: the copies break lines inside sentences and the national copy
puts stray spaces inside words. Width is left alone (a quote must use the
source's own ( or （).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz import fuzz

if TYPE_CHECKING:
    from ..files.folder import DataFolder


def squeeze(text: str) -> str:
    """All whitespace removed (str.split splits on exactly what str.isspace calls whitespace)."""
    return "".join(text.split())


class Source(NamedTuple):
    path: Path
    text: str
    squeezed: str
    line_of: tuple[int, ...]  # squeezed index -> 1-based line in the original

    def contains(self, quote: str) -> bool:
        q = squeeze(quote)
        return bool(q) and q in self.squeezed

    def span_of(self, quote: str) -> tuple[int, int] | None:
        """Where the quote stands in the squeezed text: (start, end), or None."""
        q = squeeze(quote)
        at = self.squeezed.find(q) if q else -1
        return (at, at + len(q)) if at >= 0 else None

    def line_of_quote(self, quote: str) -> int | None:
        at = self.squeezed.find(squeeze(quote))
        return self.line_of[at] if at >= 0 and squeeze(quote) else None

    def closest(self, quote: str) -> tuple[int, str, float]:
        """The passage most like `quote`: (line, passage, score 0-100)."""
        q = squeeze(quote)
        if not q or not self.squeezed:
            return 1, "", 0.0
        found = fuzz.partial_ratio_alignment(q, self.squeezed)
        if found is None:   # only under a score_cutoff, which this asks for none of
            return 1, "", 0.0
        start, end = found.dest_start, min(found.dest_end, len(self.squeezed))
        return self.line_of[min(start, len(self.line_of) - 1)], self.squeezed[start:end], found.score


def read_source(folder: DataFolder, path: Path) -> Source:
    """The source text at `path`, read by the rule of its data folder (`folder`, a
    files/folder.DataFolder) and cut into lines once per run. Raises OSError
    (safeio.Unreadable: outside the folder, not a regular file, too large) /
    UnicodeDecodeError; callers turn those into findings."""
    def build() -> Source:
        text = folder.read_text(path).replace("\r\n", "\n").replace("\r", "\n")
        kept, lines = [], []
        for number, line in enumerate(text.split("\n"), 1):
            squeezed = squeeze(line)
            kept.append(squeezed)
            lines.extend([number] * len(squeezed))
        return Source(path, text, "".join(kept), tuple(lines))

    return folder.derived("source", path, build)
