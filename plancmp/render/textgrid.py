"""Tables as text, fast: a title line, a header row, one rule of ─, then the rows.

The look of rich's box.SIMPLE_HEAD tables (no vertical borders, a space of padding on
each side of a cell, a space between cells) without rich: `plancmp diff` lays out
hundreds of rows and rich spent most of the command's time doing it. Widths are
display columns (CJK counts 2), so Chinese text lines up. The layout is the same
with and without colour; colour only adds ANSI SGR codes around styled text.

A cell is a string, a (text, style) pair or a list of such pairs; a style is a few
rich-style words ("bold green"). Only the standard library is imported here.
"""
from __future__ import annotations

import os
import re
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

Cell = str | tuple[str, str] | list[tuple[str, str]]

# Style words -> SGR parameters; words not listed are ignored, so no style can fail.
SGR = {"bold": 1, "dim": 2, "italic": 3, "underline": 4, "reverse": 7,
       "black": 30, "red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35, "cyan": 36, "white": 37}
RESET = "\x1b[0m"
PAD = 1   # spaces either side of each cell
GAP = 1   # spaces between two cells' padding
RULE = "─"
_MARGIN = " " * PAD
_BETWEEN = " " * (PAD + GAP + PAD)


class Column(NamedTuple):
    """How one column is laid out."""

    header: Cell = ""
    justify: str = "left"        # left, right or center
    no_wrap: bool = False        # never folded: the column always gets its widest line
    min_width: int = 0
    ratio: int | None = None     # with Grid.expand: share of the width the other columns leave
    least: int = 0               # for fits(): the width below which this column (a name) counts as squeezed


@dataclass
class Grid:
    """A table to lay out: columns, rows of cells, a title."""

    columns: list[Column]
    rows: list[list[Cell]] = field(default_factory=list)
    title: Cell = ""
    title_style: str = ""
    header_style: str = "bold"
    expand: bool = False         # fill the whole width, as rich's expand=True
    row_gaps: bool = False       # a blank line between rows (multi-line cells stay readable)

    def add_row(self, *cells: Cell) -> None:
        self.rows.append(list(cells))


# --- display width ------------------------------------------------------------------

_CHAR_WIDTH: dict[str, int] = {}


def char_width(ch: str) -> int:
    width = _CHAR_WIDTH.get(ch)
    if width is None:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc"):
            width = 0            # combining marks and zero-width joiners ride on the previous character
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            width = 2
        else:
            width = 1            # 'A'mbiguous (“ — → ≥) is 1, as terminals and rich count it
        _CHAR_WIDTH[ch] = width
    return width


def _char_widths(text: str) -> list[int]:
    try:                     # every character seen before: a C-speed lookup
        return list(map(_CHAR_WIDTH.__getitem__, text))
    except KeyError:
        return list(map(char_width, text))


def text_width(text: str) -> int:
    if text.isascii():       # the common case, and printable ASCII is one column a character
        return len(text)
    try:
        return sum(map(_CHAR_WIDTH.__getitem__, text))
    except KeyError:
        return sum(map(char_width, text))


# --- styles -------------------------------------------------------------------------

_SGR_CACHE: dict[str, str] = {}


def sgr(style: str) -> str:
    """The escape sequence that starts `style` ("" for no style or unknown words)."""
    code = _SGR_CACHE.get(style)
    if code is None:
        params = [str(SGR[word]) for word in style.split() if word in SGR]
        code = _SGR_CACHE[style] = f"\x1b[{';'.join(params)}m" if params else ""
    return code


def styled(text: str, style: str, color: bool) -> str:
    start = sgr(style) if color else ""
    return f"{start}{text}{RESET}" if start and text else text


# --- cells --------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")   # C0 and C1 control codes but the newline


class CellText:
    """A cell's plain text, its styled spans and its paragraphs (start, end, width)."""
    __slots__ = ("text", "spans", "paras", "width")

    def __init__(self, value: Cell, base_style: str = ""):
        pieces: list[tuple[str, str]] = [(value, "")] if isinstance(value, str) else [value] if isinstance(value, tuple) else value
        if len(pieces) == 1 and type(pieces[0][0]) is str and pieces[0][0].isprintable():   # most cells: one line
            text, style = pieces[0]
            if base_style:
                style = f"{base_style} {style}".strip()
            self.text, self.spans = text, [(0, len(text), style)] if style and text else ()
            kept = text.rstrip()
            self.width = len(kept) if kept.isascii() else text_width(kept)
            self.paras = [(0, len(kept), self.width)]
            return
        text, spans = "", []
        for piece, style in pieces:
            piece = str(piece)
            if not piece.isprintable():     # tabs to spaces, other control codes (escapes!) dropped
                piece = _CONTROL.sub("", piece.replace("\r\n", "\n").replace("\t", "    "))
            style = f"{base_style} {style}".strip()
            if style and piece:
                spans.append((len(text), len(text) + len(piece), style))
            text += piece
        self.text, self.spans = text, spans
        self.paras, start = [], 0
        for para in text.split("\n"):
            kept = para.rstrip()     # trailing spaces would only pad a line that is stripped anyway
            self.paras.append((start, start + len(kept), text_width(kept)))
            start += len(para) + 1
        self.width = max(w for _, _, w in self.paras)

    def paint(self, start: int, end: int, color: bool) -> str:
        if not (color and self.spans):
            return self.text[start:end]
        out, pos = [], start
        for span_start, span_end, style in self.spans:
            a, b = max(span_start, start), min(span_end, end)
            if a < b:
                out += [self.text[pos:a], styled(self.text[a:b], style, True)]
                pos = b
        out.append(self.text[pos:end])
        return "".join(out)


_WORD = re.compile(r"\S+")   # breaks at any whitespace: quotes from PDFs hold no-break and ideographic spaces


def wrap(cell: CellText, width: int) -> list[tuple[int, int, int]]:
    """The cell's lines at `width` columns as (start, end, width): explicit newlines kept,
    breaks at whitespace (dropped where a line breaks), longer words folded at the width
    without splitting a wide character. Only whitespace can go missing, never other text."""
    if cell.width <= width:
        return cell.paras
    lines = []
    for start, end, para_width in cell.paras:
        if para_width <= width:
            lines.append((start, end, para_width))
        else:
            lines += _wrap_para(cell.text, start, end, max(width, 1))
    return lines


def _wrap_para(text: str, start: int, stop: int, width: int) -> list[tuple[int, int, int]]:
    lines = []
    line_start = line_end = start   # line_end: end of the line's last word (trailing spaces dropped)
    used = 0
    for match in _WORD.finditer(text, start, stop):
        a, b = match.span()
        word_width = text_width(text[a:b])
        gap = text_width(text[line_end:a])
        if used + gap + word_width <= width:
            used += gap + word_width
            line_end = b
            continue
        if line_end > line_start:
            room = width - used - gap
            # an id, a Latin word or a short Chinese one (广覆盖) moves to the next line whole
            wide = any(char_width(ch) == 2 for ch in text[a:b]) and word_width > MIN_PIECE
            split = _fit(text, a, b, room) if room > 0 and (wide or word_width > width) else a
            if split > a:   # a CJK word starts on this line where it may break (never a Latin word)
                used += gap + text_width(text[a:split])
                line_end = split
                a = split
                word_width = text_width(text[a:b])
            lines.append((line_start, line_end, used))
        if word_width <= width:
            line_start, line_end, used = a, b, word_width
            continue
        *full, (line_start, line_end, used) = _fold(text, a, b, width)
        lines += full
    lines.append((line_start, line_end, used))
    return lines


def _fit(text: str, start: int, stop: int, room: int) -> int:
    """The furthest place in text[start:stop] where a line may break with at most `room`
    columns before it; `start` when there is none."""
    chars = text[start:stop]
    used, best = 0, 0
    for k, ch in enumerate(chars):
        if k and _may_break(chars, k):
            best = k
        used += char_width(ch)
        if used > room:
            return start + best
    return start + best


def _fold(text: str, start: int, stop: int, width: int) -> list[tuple[int, int, int]]:
    """One word (no whitespace) in pieces of at most `width` columns, broken where a line may
    break: between two characters of which one is wide (CJK), never before a closing mark
    (。，、）》” …) nor after an opening one (（《“ …), never inside a Latin word or number.
    Only a piece with no such place in `width` columns is cut at the width (a wide character
    alone may exceed a width of 1)."""
    chars = text[start:stop]
    ends = list(accumulate(_char_widths(chars)))   # display width up to and including each character
    pieces, i, done, n = [], 0, 0, len(chars)
    while i < n:
        j = bisect_right(ends, done + width, i)   # zero-width characters stay with the one before them
        if j >= n:
            k = n
        else:
            k = j
            while k > i and not _may_break(chars, k):
                k -= 1
            if k == i:                            # no place to break in `width` columns: cut
                k = j if j > i else bisect_right(ends, ends[i], i)   # a wide character in a 1-column width
        pieces.append((start + i, start + k, ends[k - 1] - done))
        i, done = k, ends[k - 1]
    return _balanced(text, pieces, width)


MIN_PIECE = 12   # display columns (6 hanzi): the shortest last piece of a folded Chinese word (a name)


def _balanced(text: str, pieces: list[tuple[int, int, int]], width: int) -> list[tuple[int, int, int]]:
    """A folded word whose last piece is a few wide characters (`…报告和处` / `理`) gives the
    last piece some of the one before: no piece shorter than MIN_PIECE columns where the width
    allows two of them; the break stays where a line may break."""
    if len(pieces) < 2 or width < 2 * MIN_PIECE or pieces[-1][2] >= MIN_PIECE:
        return pieces
    (ps, pe, _), (ls, le, lw) = pieces[-2], pieces[-1]
    if not char_width(text[ls]) > 1:
        return pieces
    k, moved = pe, 0
    while k - 1 > ps and lw + moved < MIN_PIECE:
        k -= 1
        moved += char_width(text[k])
    while k > ps and not _may_break(text[ps:le], k - ps):
        k -= 1
    head = text_width(text[ps:k])
    if k <= ps or head < MIN_PIECE or text_width(text[k:le]) > width:
        return pieces
    return [*pieces[:-2], (ps, k, head), (k, le, text_width(text[k:le]))]


# Chinese line breaking (GB/T 15834 and JIS X 4051's kinsoku): these never start a line …
NO_START = frozenset("。，、．：；！？）》」』】〕〗〉”’％‰…—～·・々〃" ",.:;!?)]}%'\"")
# … and these never end one.
NO_END = frozenset("（《「『【〔〖〈“‘" "([{$￥＄£¥")


# A section's name is never split: 第四章第一节, 专栏1, 三（二）.
_SECTION = re.compile(r"(?:第[一二三四五六七八九十百零〇\d]+[章节条款部篇])+|专栏\s*\d+|[一二三四五六七八九十]+（[一二三四五六七八九十]+）")


def _inside_section(chars: str, k: int) -> bool:
    return any(m.start() < k < m.end() for m in _sections(chars))


_SECTIONS: dict[str, tuple] = {}


def _sections(chars: str) -> tuple:
    found = _SECTIONS.get(chars)
    if found is None:
        found = _SECTIONS[chars] = tuple(_SECTION.finditer(chars)) if ("第" in chars or "专栏" in chars
                                                                         or "（" in chars) else ()
    return found


def _may_break(chars: str, k: int) -> bool:
    """May a line break before chars[k] (inside a word)?"""
    ch, prev = chars[k], chars[k - 1]
    if ch in NO_START or prev in NO_END or char_width(ch) == 0:
        return False
    if _inside_section(chars, k):
        return False
    if prev in "-/" and k >= 2 and chars[k - 2].isalnum() and ch.isalnum():   # after the hyphen of an id, a path's /
        return True
    return char_width(prev) == 2 or char_width(ch) == 2


def longest_unit(cell: CellText) -> int:
    """The display width of the cell's widest piece that wrapping never breaks (a Latin word,
    a number with its unit sign, a CJK character with the marks that may not leave it)."""
    if cell.width <= 2:
        return cell.width
    best = _UNITS.get(cell.text)
    if best is None:
        best = _UNITS[cell.text] = _longest_unit(cell)
    return best


_UNITS: dict[str, int] = {}   # cell text -> longest_unit: a layout is tried at several widths, each asks


def _longest_unit(cell: CellText) -> int:
    best = 0
    for match in _WORD.finditer(cell.text):
        a, b = match.span()
        word_width = text_width(cell.text[a:b])
        if word_width <= best:
            continue
        chars = cell.text[a:b]
        run = 0
        for k, ch in enumerate(chars):
            if k and _may_break(chars, k):
                best, run = max(best, run), 0
            run += char_width(ch)
        best = max(best, run)
    return best


# --- column widths ------------------------------------------------------------------

def _distribute(total: int, weights: list[int]) -> list[int]:
    """`total` split in proportion to `weights` (positive); the parts add up to `total` exactly."""
    parts, weight_left = [], sum(weights)
    for weight in weights:
        part = (2 * weight * total + weight_left) // (2 * weight_left)   # rounded to nearest
        parts.append(part)
        total, weight_left = total - part, weight_left - weight
    return parts


def _shrink(widths: list[int], floors: list[int], room: int) -> list[int]:
    """Narrow the widest columns first, none below its floor, until they fit in `room`."""
    def capped(cap: int) -> list[int]:
        return [max(floor, min(w, cap)) for w, floor in zip(widths, floors)]

    low, high = 0, max(widths)
    while low < high:           # the largest cap that fits
        mid = (low + high + 1) // 2
        low, high = (mid, high) if sum(capped(mid)) <= room else (low, mid - 1)
    out = capped(low)
    spare = room - sum(out)     # fewer columns than were capped: one more each, left to right
    for i, w in enumerate(widths):
        if spare > 0 and w > out[i]:
            out[i] += 1
            spare -= 1
    return out


def column_widths(grid: Grid, cells: list[list[CellText]], total: int) -> list[int]:
    """Content widths (padding excluded) for a table `total` columns wide at most (exactly with expand).
    No-wrap columns keep their widest line even if the table then overflows `total`."""
    columns = grid.columns
    room = total - (2 * PAD + GAP) * len(columns) + GAP
    natural = [max(col.min_width, max(row[i].width for row in cells)) for i, col in enumerate(columns)]
    floors = [w if col.no_wrap else max(col.min_width, min(w, 2)) for w, col in zip(natural, columns)]
    if sum(natural) > room:   # some column must fold: never below its longest Latin word, if that fits
        words = [w if col.no_wrap else max(col.min_width, min(w, max(longest_unit(row[i]) for row in cells)))
                 for i, (w, col) in enumerate(zip(natural, columns))]
        if sum(words) <= room:
            floors = words
    widths = list(natural)
    flexible = [i for i, col in enumerate(columns) if (col.ratio or 0) > 0]
    if grid.expand and flexible:
        left = max(0, room - sum(w for i, w in enumerate(natural) if i not in flexible))
        for i, share in zip(flexible, _distribute(left, [columns[i].ratio or 0 for i in flexible])):
            widths[i] = max(floors[i], share)
    if sum(widths) > room:
        widths = _shrink(widths, floors, room)
    elif grid.expand and sum(widths) < room:
        widths = [w + extra for w, extra in zip(widths, _distribute(room - sum(widths), [max(w, 1) for w in widths]))]
    return widths


def fits(grid: Grid, width: int) -> bool:
    """Does the table lay out in `width` columns with no word cut (every column at least as wide
    as the longest piece wrapping never breaks: a Latin word, a number, a header word) and no
    column narrower than its `least` (or its widest cell, when that is less)? Callers try a
    narrower layout when not."""
    if not grid.columns:
        return True
    n = len(grid.columns)
    cells = [[CellText(col.header) for col in grid.columns],
             *([CellText(value) for value in row] + [CellText("")] * (n - len(row)) for row in grid.rows)]
    widths = column_widths(grid, cells, width)
    if sum(widths) + (2 * PAD + GAP) * n - GAP > width:
        return False
    for i, col in enumerate(grid.columns):
        column = [row[i] for row in cells]
        natural = max(c.width for c in column)
        if widths[i] >= natural:
            continue              # nothing of it wraps
        if widths[i] < col.least or widths[i] < max(map(longest_unit, column)):
            return False
    return True


def natural_width(grid: Grid, header_words: bool = False) -> int:
    """The width of the table with no body cell wrapped: headers whole, or with
    `header_words` wrapped at their spaces only (no header word broken)."""
    def header(col) -> int:
        text = CellText(col.header)
        return max(map(text_width, text.text.split()), default=0) if header_words else text.width

    widths = [max([col.min_width, header(col)] + [CellText(row[i]).width for row in grid.rows if i < len(row)])
              for i, col in enumerate(grid.columns)]
    return sum(widths) + (2 * PAD + GAP) * len(widths) - GAP


# --- rendering ----------------------------------------------------------------------

def _row_lines(row: list[CellText], grid: Grid, widths: list[int], color: bool, header: bool = False) -> list[str]:
    """One table row as lines: each cell wrapped to its column, justified, padded to the row's height."""
    columns = []
    for cell, col, width in zip(row, grid.columns, widths):
        texts = []
        for start, end, used in (cell.paras if col.no_wrap or cell.width <= width else wrap(cell, width)):
            text, pad = cell.paint(start, end, color), width - used
            if pad > 0:
                if col.justify == "right":
                    text = " " * pad + text
                elif col.justify == "center":
                    text = " " * (pad // 2) + text + " " * (pad - pad // 2)
                else:
                    text += " " * pad
            texts.append(text)
        columns.append(texts)
    height = max(map(len, columns))
    if height > 1:
        for texts, width in zip(columns, widths):
            if len(texts) < height:
                blank = [" " * width] * (height - len(texts))
                texts[:] = blank + texts if header else texts + blank   # headers sit on the rule
    return [(_MARGIN + _BETWEEN.join(parts)).rstrip(" ") for parts in zip(*columns)]


def paragraph(text: Cell, width: int, style: str = "", color: bool = False) -> list[str]:
    """Text outside a table (titles, notes) wrapped to `width` like a cell, as lines."""
    cell = CellText(text, style)
    return [cell.paint(start, end, color).rstrip(" ") for start, end, _ in wrap(cell, width)]


def pack(items: list[str], width: int, lead: str = "", sep: str = ", ", style: str = "",
         color: bool = False) -> list[str]:
    """`lead` then the items separated by `sep`, each item kept whole on one line where it
    fits (`3 matches (quantified)`, `=# matches (quantified)`), lines at most `width` wide."""
    lines, line = [], lead
    for n, item in enumerate(items):
        piece = (sep if n else "") + item
        if line and text_width(line + piece.rstrip()) > width and text_width(item) <= width:
            lines.append(line.rstrip())
            line = item
        else:
            line += piece
    lines.append(line.rstrip())
    out = []
    for line in lines:   # an item wider than the width alone is wrapped like a paragraph
        out += paragraph(line, width, style, color) if text_width(line) > width else [styled(line, style, color)]
    return out


def render(grid: Grid, width: int, color: bool = False) -> list[str]:
    """The table's lines, at most `width` columns wide unless no-wrap cells need more.
    No trailing spaces; no escape codes unless `color`."""
    lines = paragraph(grid.title, width, grid.title_style, color) if grid.title else []
    if not grid.columns:
        return lines
    if any(len(row) > len(grid.columns) for row in grid.rows):
        raise ValueError(f"a row of {grid.title!r} has more cells than the table has columns")
    headers = [CellText(col.header, grid.header_style) for col in grid.columns]
    body = [[CellText(value) for value in row] + [CellText("")] * (len(grid.columns) - len(row)) for row in grid.rows]
    widths = column_widths(grid, [headers, *body], width)
    lines += _row_lines(headers, grid, widths, color, header=True)
    lines.append(RULE * (sum(widths) + (2 * PAD + GAP) * len(widths) - GAP))
    for i, row in enumerate(body):
        if grid.row_gaps and i:
            lines.append("")
        lines += _row_lines(row, grid, widths, color)
    return lines


PIPED_WIDTH = 100   # a pipe has no width: lay out for a common editor or pager, the same on every run


def output_width(out) -> int:
    """The width to lay tables out at: COLUMNS when set (on a terminal or in a pipe); else the
    terminal's size when `out` is one (80 when it reports none, as a pty with no size set
    does); else, `out` a pipe or file, the terminal the user sits at: stderr's, then the
    controlling terminal's (`plancmp diff … | less` in an 80-column terminal is laid out at
    80); else PIPED_WIDTH."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return clamp_width(int(columns))
    if hasattr(out, "isatty") and out.isatty():
        try:
            return clamp_width(os.get_terminal_size(out.fileno()).columns or 80)
        except (AttributeError, OSError, ValueError):
            return 80
    width = _user_terminal_width()
    return clamp_width(width) if width else PIPED_WIDTH


def _user_terminal_width() -> int | None:
    """The width of the terminal behind stderr, else of the controlling terminal; None without one."""
    try:
        if sys.stderr is not None and sys.stderr.isatty():
            width = os.get_terminal_size(sys.stderr.fileno()).columns
            if width:
                return width
    except (AttributeError, OSError, ValueError):
        pass
    try:
        fd = os.open("/dev/tty", os.O_RDONLY | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return None
    try:
        return os.get_terminal_size(fd).columns or None
    except OSError:
        return None
    finally:
        os.close(fd)


WIDTHS = (20, 1000)   # the widths tables are laid out at: COLUMNS=99999999 is no reason to write gigabytes


def clamp_width(columns: int) -> int:
    return min(max(columns, WIDTHS[0]), WIDTHS[1])


def use_color(mode: str = "auto", out=None) -> bool:
    """Colour or not: `always` and `never` decide; `auto` gives none when NO_COLOR is set
    (non-empty, no-color.org), colour when FORCE_COLOR is (non-empty and not 0), else
    colour on a terminal only."""
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force and force.strip().lower() not in ("0", "false", "no"):
        return True
    return bool(out is not None and hasattr(out, "isatty") and out.isatty())
