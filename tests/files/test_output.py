"""write_atomic: an --out file is either the old one or the complete new one, never half of either."""
from __future__ import annotations

import os
import stat

import pytest

from plancmp.cli import app
from plancmp.files import output
from plancmp.files.output import write_atomic

from conftest import replace_once

OLD = "the earlier report\n"


@pytest.fixture
def earlier(tmp_path):
    path = tmp_path / "out.html"
    path.write_text(OLD, encoding="utf-8")
    return path


def leftovers(directory) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_writes_and_replaces(earlier):
    write_atomic(earlier, "新的报告\r\n")
    assert earlier.read_bytes() == "新的报告\r\n".encode()  # no newline translation
    assert leftovers(earlier.parent) == []


def test_creates_a_new_file_with_the_usual_mode(tmp_path):
    path = tmp_path / "new.txt"
    write_atomic(path, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_keeps_the_mode_of_the_file_it_replaces(earlier):
    earlier.chmod(0o600)
    write_atomic(earlier, "new")
    assert stat.S_IMODE(earlier.stat().st_mode) == 0o600


class Boom(Exception):
    pass


def _raise(*_args, **_kwargs):
    raise Boom()


@pytest.mark.parametrize("step", ["fsync", "chmod", "replace"])
def test_a_failure_at_any_step_leaves_the_earlier_file_and_no_temp(earlier, monkeypatch, step):
    monkeypatch.setattr(output.os, step, _raise)
    with pytest.raises(Boom):
        write_atomic(earlier, "new text that must not appear")
    assert earlier.read_text(encoding="utf-8") == OLD
    assert leftovers(earlier.parent) == []


def test_an_interrupt_mid_write_leaves_the_earlier_file(earlier, monkeypatch):
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(earlier, "half")
    assert earlier.read_text(encoding="utf-8") == OLD
    assert leftovers(earlier.parent) == []


def test_unencodable_text_fails_before_touching_anything(earlier):
    with pytest.raises(UnicodeEncodeError):
        write_atomic(earlier, "养老", encoding="ascii")
    assert earlier.read_text(encoding="utf-8") == OLD
    assert leftovers(earlier.parent) == []


def test_a_missing_directory_is_an_error_and_creates_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomic(tmp_path / "nowhere" / "out.html", "x")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_report_run_leaves_the_earlier_file(runner, data_copy, earlier):
    """Through the CLI: plans with an error stop `report` before it writes anything."""
    replace_once(data_copy / "plans" / "national.yaml", "domain: 幼有所育", "domain: 幼有所乐")
    result = runner.invoke(app, ["report", "--out", str(earlier)])
    assert result.exit_code != 0
    assert earlier.read_text(encoding="utf-8") == OLD
    assert leftovers(earlier.parent) == []


def test_a_report_whose_write_fails_leaves_the_earlier_file(runner, earlier, monkeypatch):
    monkeypatch.setattr(output.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    result = runner.invoke(app, ["report", "--out", str(earlier)])
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output
    assert earlier.read_text(encoding="utf-8") == OLD
    assert leftovers(earlier.parent) == []


def test_a_text_in_pieces_is_written_whole_or_not_at_all(earlier):
    """write_chunks_atomic (the report, written as it is rendered): the pieces in order; a
    failure while they are made leaves the old file and no temporary file."""
    pieces = ["新的", "报告", "x" * 70_000, "\r\n"]
    output.write_chunks_atomic(earlier, iter(pieces))
    assert earlier.read_bytes() == "".join(pieces).encode()

    def broken():
        yield "half of a page " * 10_000
        raise RuntimeError("the template failed")

    earlier.write_text(OLD, encoding="utf-8")
    with pytest.raises(RuntimeError):
        output.write_chunks_atomic(earlier, broken())
    assert earlier.read_text(encoding="utf-8") == OLD and leftovers(earlier.parent) == []
