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


# One closest-passage search costs at most about this many quote × source characters
# (~0.1 s): every source of today is searched whole; for a larger one (a 7.5 MB text) only
# the windows where pieces of the quote stand are aligned, each a short call, so that the
# search stays bounded and a SIGTERM is answered at once (no minute-long loop in C).
WHOLE_SEARCH = 20_000_000
PROBE = 200       # characters of a quote aligned against a large source's windows
PIECES = 12       # pieces of the probe looked up in a large source
PIECE = 6         # characters in a piece
SEARCHES = 50     # closest-passage searches a source gets in a run: past them a missing quote is only said missing


class Source(NamedTuple):
    path: Path
    text: str
    squeezed: str
    line_of: tuple[int, ...]  # squeezed index -> 1-based line in the original
    spans: dict[str, tuple[int, int] | None]   # squeezed quote -> (start, end) or None: each quote looked for once
    searched: list[int]       # [closest-passage searches so far] (at most SEARCHES)

    def contains(self, quote: str) -> bool:
        return self.span_of(quote) is not None

    def span_of(self, quote: str) -> tuple[int, int] | None:
        """Where the quote stands in the squeezed text: (start, end), or None."""
        q = squeeze(quote)
        if q not in self.spans:
            at = self.squeezed.find(q) if q else -1
            self.spans[q] = (at, at + len(q)) if at >= 0 else None
        span = self.spans[q]
        return span

    def line_of_quote(self, quote: str) -> int | None:
        span = self.span_of(quote)
        return self.line_of[span[0]] if span is not None else None

    def closest(self, quote: str) -> tuple[int, str, float] | None:
        """The passage most like `quote`: (line, passage, score 0-100); None once the source
        has had its SEARCHES. Bounded: a quote against a large source is aligned only where
        pieces of it stand (WHOLE_SEARCH)."""
        q = squeeze(quote)
        if not q or not self.squeezed:
            return 1, "", 0.0
        if self.searched[0] >= SEARCHES:
            return None
        self.searched[0] += 1
        if len(q) * len(self.squeezed) <= WHOLE_SEARCH:
            return self._aligned(q, 0, len(self.squeezed))
        probe = q[:PROBE]
        best: tuple[int, str, float] = (1, "", 0.0)
        step = max(1, (len(probe) - PIECE) // (PIECES - 1))
        windows = set()
        for offset in range(0, max(1, len(probe) - PIECE + 1), step)[:PIECES]:
            at = self.squeezed.find(probe[offset:offset + PIECE])
            if at >= 0:
                start = max(0, at - offset - len(probe) // 2)
                windows.add((start, min(len(self.squeezed), start + 2 * len(probe))))
        for lo, hi in sorted(windows):
            found = self._aligned(probe, lo, hi)
            if found[2] > best[2]:
                best = found
        return best

    def _aligned(self, q: str, lo: int, hi: int) -> tuple[int, str, float]:
        found = fuzz.partial_ratio_alignment(q, self.squeezed[lo:hi])
        if found is None:   # only under a score_cutoff, which this asks for none of
            return 1, "", 0.0
        start, end = lo + found.dest_start, min(lo + found.dest_end, len(self.squeezed))
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
        return Source(path, text, "".join(kept), tuple(lines), {}, [0])

    return folder.derived("source", path, build)
