"""An enumerated list of basic public services (a 专栏 whose header has 服务项目) -> one
drafted service per item.

Liaoning's 专栏2 is a table: 服务领域 | 服务目标 | 服务项目, the items of a domain in one
cell separated by 、 (or by ， when the items themselves hold 、), closed by （共计N项）;
a cell a page break split continues on a line whose first cell is empty. A list with one
item a row (服务对象/服务内容 columns) reads the same way. Plans without a list name their
services in the text: those a curator adds (listed: false).
"""
from __future__ import annotations

import re

from ..core.model import MAX_ITEMS
from ..ingest.evidence import squeeze
from .domains import OTHER, category, guess
from .model import TAG, Draft, ordered, unique_id
from .text import Document, Line, box_title, is_note

ROW_QUOTE = 1_000   # a row longer than this is not quoted whole for each of its items (200,000 items would make 200,000 copies)
WINDOW = 40         # characters of the row quoted either side of an item's name in such a row
_COUNT = re.compile(r"[（(]\s*共\s*计?\s*(\d+)\s*项\s*[)）]\s*[。.]?\s*$")
_COLUMNS = {"domain": ("服务领域", "领域", "类别"), "item": ("服务项目", "项目名称", "项目"),
            "target_group": ("服务对象",), "standard": ("服务标准", "服务内容")}


def find(doc: Document) -> list[tuple[int, int, dict[str, int]]]:
    """(box number, index of its header line, column -> cell index) of every box listing services."""
    out = []
    for number, lines in sorted(doc.boxes.items()):
        for i, line in enumerate(lines[1:6], 1):
            cells = _cells(line.text)
            if any("服务项目" in c for c in cells):
                out.append((number, i, _columns(cells)))
                break
    return out


def _cells(text: str) -> list[str]:
    """A row's cells: split at tabs, else at runs of two or more spaces."""
    parts = text.split("\t") if "\t" in text else re.split(r"\s{2,}", text.strip())
    return [squeeze(TAG.sub("", p)) for p in parts]


def _columns(header: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for name, words in _COLUMNS.items():
        for word in words:
            index = next((i for i, cell in enumerate(header) if word in cell and i not in out.values()), None)
            if index is not None:
                out[name] = index
                break
    return out


def draft(doc: Document, out: Draft, taken: set[str]) -> set[int]:
    """The services of every box that lists them; returns the boxes it read."""
    read = set()
    for number, header, columns in find(doc):
        read.add(number)
        box = doc.boxes[number]
        if "item" not in columns:
            out.note(box[header].number, f"{box_title(box).label}: a header with 服务项目 but no column for it")
            continue
        count = 0
        for lines, cells in _rows(box[header + 1:], len(box[header].text.split("\t"))):
            if len(out.services) >= MAX_ITEMS:
                break
            for item in _items(lines, cells, columns, box_title(box).label, out):
                count += 1
                item["id"] = unique_id(f"box{number}-item-{count}", taken)
                out.services.append(ordered("services", item))
    return read


def _rows(lines: list[Line], width: int) -> list[tuple[list[Line], list[str]]]:
    """Rows of cells; a line whose first cell is empty continues the row above, cell by cell
    (a page break split 就业援|助: the halves join without a space)."""
    rows: list[tuple[list[Line], list[str]]] = []
    for line in lines:
        if is_note(line.stripped):
            break
        if not line.stripped or set(line.stripped) <= set("-—|\t "):
            continue
        cells = _cells(line.text)
        if rows and not cells[0] and len(cells) > 1:
            above_lines, above = rows[-1]
            merged = [a + (cells[i] if i < len(cells) else "") for i, a in enumerate(above)] + cells[len(above):]
            rows[-1] = (above_lines + [line], merged)
        else:
            rows.append(([line], cells))
    return rows


def _items(lines: list[Line], cells: list[str], columns: dict[str, int], label: str, out: Draft) -> list[dict]:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    text = cell("item")
    if not text:
        out.note(lines[0].number, f"{label}: a row with no 服务项目 cell: {' '.join(squeeze(l.text) for l in lines)[:60]}")
        return []
    stated = _COUNT.search(text)
    text = _COUNT.sub("", text).rstrip("。；;")
    names = [n for n in re.split("[，；;]" if "，" in text or "；" in text else "[、；;]", text) if n]
    if stated and int(stated.group(1)) != len(names):
        out.note(lines[0].number, f"{label}: the row says 共计{stated.group(1)}项 but {len(names)} items were read: check how they are separated")
    domain = category(cell("domain")) or guess(cell("domain")) or None
    quote = " ".join(" ".join(line.text.split()) for line in lines)
    quotes = _windows(quote, names) if len(quote) > ROW_QUOTE else None
    items = []
    for n, name in enumerate(names[:MAX_ITEMS]):
        item = {"domain": domain or guess(name) or OTHER, "item": name}
        for extra in ("target_group", "standard"):
            if cell(extra):
                item[extra] = cell(extra)
        item["evidence"] = {"quote": quote if quotes is None else quotes[n], "section": label}
        items.append(item)
    if len(names) > MAX_ITEMS:
        out.note(lines[0].number, f"{label}: a row of {len(names):,} items; the first {MAX_ITEMS:,} drafted "
                                  f"(a plan holds at most {MAX_ITEMS:,} items)")
    return items


def _windows(quote: str, names: list[str]) -> list[str]:
    """For a row too long to quote whole for each of its items, each item's quote: the row
    around its name (whitespace removed, as validate reads a quote), found from where the
    name before it stood, so the whole row is read once."""
    row, at, out = squeeze(quote), 0, []
    for name in names[:MAX_ITEMS]:
        found = row.find(name, at)
        if found < 0:
            found = row.find(name)
        if found < 0:   # the name is not written as the row writes it: quote it alone (checked, like every quote)
            out.append(name)
            continue
        at = found + len(name)
        out.append(row[max(0, found - WINDOW):at + WINDOW])
    return out
