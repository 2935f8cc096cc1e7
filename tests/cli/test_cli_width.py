"""Width (issue 22, item 4): stdout a pipe is laid out for COLUMNS when set, else for the
terminal the user sits at (stderr's, else the controlling terminal's), else 100; `show` keeps
names whole (ids move first); a folded Chinese name keeps at least 6 characters a piece."""
from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import termios

from plancmp.cli import app

from conftest import PLANCMP, ROOT, width


def _pty(columns: int) -> tuple[int, int]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    return master, slave


def test_a_pipe_follows_the_terminal_behind_stderr():
    """`plancmp diff … | less` in an 80-column terminal: stdout a pipe, stderr the terminal."""
    master, slave = _pty(80)
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    try:
        proc = subprocess.run([str(PLANCMP), "diff", "national", "liaoning", "--lang", "zh"], stdout=subprocess.PIPE,
                              stderr=slave, env=env, cwd=ROOT, timeout=120, start_new_session=True)
    finally:
        os.close(slave)
        os.close(master)
    assert proc.returncode == 0
    lines = proc.stdout.decode().splitlines()
    assert lines and max(map(width, lines)) <= 80
    assert max(map(width, lines)) > 70                                   # laid out for 80, not squeezed


def test_columns_wins_over_the_terminal():
    master, slave = _pty(80)
    try:
        proc = subprocess.run([str(PLANCMP), "diff", "national", "liaoning"], stdout=subprocess.PIPE, stderr=slave,
                              env={**os.environ, "COLUMNS": "140"}, cwd=ROOT, timeout=120, start_new_session=True)
    finally:
        os.close(slave)
        os.close(master)
    assert max(map(width, proc.stdout.decode().splitlines())) == 140


def test_show_at_80_columns_takes_at_most_twice_the_lines_at_200(runner):
    lines = {c: runner.invoke(app, ["show", "liaoning"], env={"COLUMNS": str(c)}).output.count("\n") for c in (80, 200)}
    assert lines[80] <= 2 * lines[200], lines


def test_no_chinese_name_is_cut_into_pieces_under_six_characters_at_80(runner):
    import json

    out = runner.invoke(app, ["show", "liaoning"], env={"COLUMNS": "80"}).output
    names = {i["name"] for i in json.loads(runner.invoke(app, ["show", "liaoning", "--format", "json"]).output)["items"]}
    cells = {token for line in out.splitlines() for token in line.split()}
    folded = [n for n in names if n not in out]
    assert len(folded) < len(names) / 4                                  # most names stand whole on a line
    short = [(n[:-k], n[-k:]) for n in folded for k in range(1, 6) if n[-k:] in cells and n[:-k] in cells]
    assert not short, short[:5]


def test_a_folded_chinese_word_keeps_six_characters_a_piece():
    from plancmp.render.textgrid import CellText, wrap

    name = "传染病及突发公共卫生事件报告和处理"   # 17 characters
    for columns in range(24, 34):
        cell = CellText(name)
        pieces = [name[a:b] for a, b, _ in wrap(cell, columns)]
        assert "".join(pieces) == name and all(len(p) >= 6 for p in pieces), (columns, pieces)


def test_section_names_and_commands_are_never_split():
    from plancmp.render.textgrid import CellText, wrap

    text = "辽宁省另载 3个（正文，力争目标，第四章第一节）：该值低于全国；见专栏12与三（二），加 --all 或 --status 新增 列出"
    for columns in range(14, 40):
        lines = [text[a:b] for a, b, _ in wrap(CellText(text), columns)]
        for whole in ("第四章第一节", "专栏12", "三（二）", "--all", "--status"):
            assert any(whole in line for line in lines), (columns, whole, lines)
