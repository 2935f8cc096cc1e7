"""The indicator table (专栏N …主要指标) -> one drafted target per row.

The copies lay the table out in several ways: one row a line with tab- or space-separated
cells (national, liaoning), every cell on a line of its own (fujian), a 序号 column,
`<p>` cells, a row broken over two lines, a category cell alone on a line. What they share
is the order of a row: [category] [序号] indicator(unit) [marks] baseline target binding.
So the table is read as one stream of cells, and a row ends at its binding (预期性/约束性);
the two cells before it are the values. The quote is the row's cells as written, so its
values are in it and it is in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..core.model import MAX_ITEMS
from ..ingest.evidence import squeeze
from .domains import OTHER, guess, leading_category
from .model import TAG, Draft, ordered, unique_id, words
from .text import Document, Line, box_title, is_note

_YEAR = re.compile(r"(20\d\d)\s*年")
_STARS = re.compile(r"[*＊]+")
_UNIT = re.compile(r"[（(]([^（）()]*)[)）]$")
_SERIAL = re.compile(r"^\d{1,3}(?=\D)")
_EMPTY = {"—", "——", "-", "－", "―", "/", "／", "—-", "--"}
_HEADER_END = re.compile(r"(属性|性质)$")
# a unit the header gives every row: 主要指标（单位：%）, 2025年（%）
_HEADER_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?([^（）()\d:：]{1,4}?)\s*[)）]")


@dataclass
class Layout:
    """What the header says about the rows: the years of its columns, a 序号 column, a 单位
    column, and a unit it gives every row without one of its own."""

    years: list[int]
    serial: bool = False
    unit_column: bool = False
    unit: str | None = None


@dataclass
class Cell:
    text: str   # as written (a token: no whitespace inside)
    line: int
    glued: bool = False   # the rest of the token before it (预期性</p> is one token, two cells)

    @property
    def plain(self) -> str:
        return TAG.sub("", self.text)


def find(doc: Document) -> int | None:
    """The box that holds the indicator table: the first 专栏 whose title says 主要指标."""
    for number, lines in sorted(doc.boxes.items()):
        if "主要" in box_title(lines).title and "指标" in box_title(lines).title:
            return number
    return None


def draft(doc: Document, out: Draft, taken: set[str]) -> set[int]:
    """The targets of the indicator table; returns the box it read (none: an empty set)."""
    number = find(doc)
    if number is None:
        out.note(1, "no indicator table found (a 专栏 whose title says 主要指标): no targets drafted")
        return set()
    box = doc.boxes[number]
    title, head = box[0], box_title(box)
    rows_end = next((i for i, line in enumerate(box[1:], 1) if is_note(line.stripped)), len(box))
    header_end, layout = _header(box[1:rows_end], head.title)
    body, notes = box[1 + header_end + 1:rows_end], box[rows_end:]
    flags_of, note_year = _markers(notes)
    years = layout.years
    base_year = years[0] if len(years) >= 2 else 2020
    target_year = years[-1] if years else 2025
    rows, left = _rows(body)
    if not rows:
        out.note(title.number, f"{head.label} {head.title}: the indicator table holds no rows in this copy "
                               "(an image, or lost?); record what is lost under source_gaps")
    if left:
        out.note(left[0].line, f"{head.label}: cells after the last row that ends with 预期性/约束性 were not read: "
                               f"{' '.join(c.text for c in left)[:80]}")
    domain = None
    for index, row in enumerate(rows, 1):
        if len(out.targets) >= MAX_ITEMS:
            out.note(row[0].line, f"{head.label}: {len(rows) - index + 1:,} more rows not drafted: "
                                  f"a plan holds at most {MAX_ITEMS:,} items")
            break
        item = _target(row, layout, flags_of, out)
        if item is None:
            continue
        domain = item.pop("category") or domain
        item["domain"] = domain or guess(item["indicator"]) or OTHER
        item["id"] = unique_id(f"box{number}-row-{index}", taken)
        if item["baseline"] is not None:
            item["baseline"]["year"] = note_year if "base_year_differs" in item.get("flags", ()) and note_year else base_year
        item["year"] = target_year
        item["evidence"] = {"quote": _quote(row), "section": head.label}
        out.targets.append(ordered("targets", item))
    return {number}


def _quote(row: list[Cell]) -> str:
    """The row as written, its cells one space apart (the copies break lines inside rows)."""
    return "".join(("" if c.glued else " ") + c.text for c in row).strip()


def _header(lines: list[Line], title: str = "") -> tuple[int, Layout]:
    """(index of the header's last line, what it says of the rows). The header ends at the
    line ending 属性/指标性质, or at the line naming the years; -1: none."""
    seen: list[Line] = []
    end = -1
    for i, line in enumerate(lines[:16]):
        text = squeeze(TAG.sub("", line.text))
        if not text:
            continue
        seen.append(line)
        if _HEADER_END.search(text) or (_YEAR.search(line.text) and re.search("指标|类别", text)):
            end = i
            if _HEADER_END.search(text):
                break
    header = " ".join(line.text for line in lines[:end + 1]) if end >= 0 else ""
    return end, Layout([int(y) for y in _YEAR.findall(header)], "序号" in squeeze(header),
                       "单位" in squeeze(TAG.sub("", header)), _header_unit(title + " " + header))


def _header_unit(text: str) -> str | None:
    """The one known unit the title or the header's parentheticals give (（单位：%）, 2025年（%）)."""
    from ..core.vocab import units

    found = {squeeze(m.group(1)).replace("％", "%") for m in _HEADER_UNIT.finditer(TAG.sub("", text))}
    known = {u for u in found if u in units()}
    return known.pop() if len(known) == 1 else None


def _markers(notes: list[Line]) -> tuple[dict[str, str], int | None]:
    """What each footnote marker means: the table's notes (带*的为…累计数; 带**的为 2019 年数据),
    else plancmp/vocab/draft.yaml's defaults. Also the baseline year a note names."""
    meaning = dict(words()["markers"])
    note_year = None
    text = " ".join(line.stripped for line in notes)
    for match in re.finditer(r"带\s*([*＊]+|〔\s*〕|\[\s*\]|［\s*］)\s*(.*?)(?=带\s*[*＊〔\[［]|$)", text):
        marker = _marker(match.group(1))
        said = match.group(2)
        for word, flag in words()["flag_words"].items():
            if word in said:
                meaning[marker] = flag
                break
        year = re.search(r"(20\d\d|19\d\d)\s*年\s*数据", said)
        if year:
            meaning[marker] = "base_year_differs"
            note_year = int(year.group(1))
    return meaning, note_year


def _marker(raw: str) -> str:
    raw = squeeze(raw).replace("＊", "*")
    return "〔〕" if raw[0] in "〔[［" else raw


def _rows(lines: list[Line]) -> tuple[list[list[Cell]], list[Cell]]:
    """The cells in reading order, cut after each binding; what follows the last binding is left over."""
    bindings = _bindings()
    split = re.compile("(" + "|".join(map(re.escape, bindings)) + ")")
    cells = [Cell(piece, line.number, i > 0) for line in lines for token in line.text.split()
             for i, piece in enumerate(p for p in split.split(token) if p)]
    rows: list[list[Cell]] = []
    current: list[Cell] = []
    for cell in cells:
        if not current and rows and cell.glued and not cell.plain:   # the </p> after a binding
            rows[-1].append(cell)
            continue
        current.append(cell)
        if cell.plain in bindings:
            rows.append(current)
            current = []
    if not rows and current:   # a table without a binding column: one row a line
        return _rows_by_line(cells)
    return rows, [c for c in current if c.plain]


def _rows_by_line(cells: list[Cell]) -> tuple[list[list[Cell]], list[Cell]]:
    rows: dict[int, list[Cell]] = {}
    for cell in cells:
        rows.setdefault(cell.line, []).append(cell)
    good = [r for r in rows.values() if len(r) >= 3 and _value(r[-1].plain) is not None and _value(r[-2].plain) is not None]
    taken = {id(r) for r in good}   # by identity: comparing rows cell by cell made a large table quadratic
    left = [c for r in rows.values() if id(r) not in taken for c in r]
    return good, left


def _bindings() -> tuple[str, ...]:
    from ..core.vocab import bindings

    return bindings()


def _value(raw: str) -> tuple[str | None, set[str]] | None:
    """A value cell -> (the value as written without stars, or None for ——; its markers);
    None when the cell is not a value."""
    from ..core.values import try_parse

    marks = {_marker(m) for m in _STARS.findall(raw)}
    value = _STARS.sub("", raw)
    parsed = try_parse(value)
    if value in _EMPTY or (parsed is not None and parsed.empty):
        return None, marks
    if parsed is None or not (re.search(r"\d", value) or parsed.qualitative):
        return None
    if re.match(r"^[〔\[［].*[〕\]］]$", value):
        marks.add("〔〕")
    return value, marks


def _target(row: list[Cell], layout: Layout, flags_of: dict[str, str], out: Draft) -> dict | None:
    cells = [c for c in row if c.plain]
    binding = cells[-1].plain if cells[-1].plain in _bindings() else None
    values = cells[:-1] if binding else cells
    where = cells[0].line
    if len(values) < 3:
        out.note(where, f"a table row with too few cells: {' '.join(c.text for c in row)[:80]}")
        return None
    target, baseline = _value(values[-1].plain), _value(values[-2].plain)
    if target is None or target[0] is None or baseline is None:
        out.note(where, f"a table row whose last two cells before 预期性/约束性 are not a baseline and a target: "
                        f"{' '.join(c.text for c in row)[:80]}")
        return None
    name_cells = values[:-2]
    marks = set(target[1]) | set(baseline[1])
    while name_cells and not _STARS.sub("", name_cells[-1].plain):
        marks.add(_marker(name_cells.pop().plain))
    unit_cell = _unit_cell(name_cells, layout)
    found, name = leading_category(squeeze("".join(c.plain for c in name_cells)))
    if layout.serial:
        name = _SERIAL.sub("", name)
    marks |= {_marker(m) for m in _STARS.findall(name)}
    name = _STARS.sub("", name)
    indicator, unit, note = _unit(name, baseline[0], target[0], unit_cell, layout)
    if note:
        out.note(where, f"{indicator}: {note}")
    flags = sorted({flags_of[m] for m in marks if m in flags_of} |
                   {flag for word, flag in words()["flag_words"].items() if word in indicator})
    item: dict[str, Any] = {"category": found, "indicator": indicator, "unit": unit,
            "baseline": None if baseline[0] is None else {"value": baseline[0]},
            "target": target[0], "binding": binding, "basis": "table"}
    if flags:
        item["flags"] = flags
    if note:
        item["notes"] = note
    if unknown := [m for m in sorted(marks) if m not in flags_of]:
        out.note(where, f"{indicator}: footnote marker {', '.join(unknown)} has no meaning in the notes or in plancmp/vocab/draft.yaml")
    return item


def _unit_cell(name_cells: list[Cell], layout: Layout) -> str | None:
    """The unit cell between the name and the values, taken off the name's cells: a known
    unit standing as a cell of its own (a 单位 column, or 人均预期寿命 岁), or in a table with
    a 单位 column any short cell there ("" when it says nothing: —). None: no unit cell."""
    from ..core.vocab import units

    if len(name_cells) < 2:
        return None
    last = squeeze(_STARS.sub("", name_cells[-1].plain)).replace("％", "%")
    if last in units() or last in ("%", "‰"):
        name_cells.pop()
        return last
    if layout.unit_column and (last in _EMPTY or (len(last) <= 4 and not re.search(r"[\d率比（）()]", last))):
        name_cells.pop()
        return "" if last in _EMPTY else last
    return None


def _unit(name: str, baseline: str | None, target: str, cell: str | None = None,
          layout: Layout | None = None) -> tuple[str, str | None, str | None]:
    """(indicator without its unit, unit or None, a note when the drafter is unsure).
    The unit comes from the name's parenthetical, else the row's unit cell, else (a 单位
    column whose cell is empty) the end of the name, else the header, else a % the values
    carry or the name implies (…率). A unit outside plancmp/vocab/units.yaml is drafted as
    null and said; a unit is never left glued to the name."""
    from ..core.vocab import units

    known = units()
    layout = layout or Layout([])
    match = _UNIT.search(name)
    if match:
        written = squeeze(match.group(1)).replace("％", "%")
        indicator = name[:match.start()]
        if written in known:
            return indicator, written, None
        return indicator, None, f"unit （{written}） is not in plancmp/vocab/units.yaml: drafted as null"
    if cell:
        if cell in known:
            return name, cell, None
        return name, None, f"unit {cell} (its 单位 cell) is not in plancmp/vocab/units.yaml: drafted as null"
    if layout.unit_column and cell is None:
        for unit in sorted(known, key=len, reverse=True):
            if name.endswith(unit) and len(name) - len(unit) >= 4:
                return (name[:-len(unit)], unit,
                        f"no 单位 cell; the unit {unit} was split from the end of the name {name}: check")
    if layout.unit and layout.unit in known:
        return name, layout.unit, None
    for value in (target, baseline or ""):
        for unit in ("%", "‰"):
            if value.replace("％", "%").endswith(unit) or value.replace("％", "%").rstrip("以上下左右").endswith(unit):
                return name, unit, None
    for ending, unit in words()["implied_units"].items():
        if name.endswith(ending):
            return name, unit, None
    return name, None, None
