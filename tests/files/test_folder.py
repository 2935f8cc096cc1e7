"""files/folder.py: the one rule by which a data folder's files are read, and the reasons it
gives (a person reads them in findings), each file read once per DataFolder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from plancmp.files import folder as folder_module
from plancmp.files.folder import DataFolder, Outside
from plancmp.files.safeio import Unreadable


@pytest.fixture
def layout(tmp_path: Path, monkeypatch) -> Path:
    """data/{plans,sources} with one file each, a file beside the folder; cwd: tmp_path."""
    data = tmp_path / "data"
    (data / "plans").mkdir(parents=True)
    (data / "sources").mkdir()
    (data / "plans" / "x.yaml").write_text("id: x\n", encoding="utf-8")
    (data / "sources" / "x.txt").write_text("正文\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return data


def _reason(folder: DataFolder, path: Path) -> str:
    with pytest.raises(Unreadable) as caught:
        folder.read_bytes(path)
    return caught.value.reason


def test_a_regular_file_inside_is_read(layout):
    folder = DataFolder(layout)
    assert folder.read_bytes(layout / "plans" / "x.yaml") == b"id: x\n"
    assert folder.read_text(layout / "sources" / "x.txt") == "正文\n"


def test_a_link_that_stays_inside_is_followed(layout):
    (layout / "sources" / "alias.txt").symlink_to("x.txt")
    assert DataFolder(layout).read_text(layout / "sources" / "alias.txt") == "正文\n"


@pytest.mark.parametrize("make, reason", [
    (lambda d, t: None, "no such file"),
    (lambda d, t: (d / "sources" / "y.txt").symlink_to(d / "sources" / "gone.txt"), "a dangling symbolic link"),
    (lambda d, t: (d / "sources" / "y.txt").symlink_to(t / "secret.txt"), "resolves outside the data folder data/"),
    (lambda d, t: (d / "sources" / "y.txt").symlink_to("../../secret.txt"), "resolves outside the data folder data/"),
    (lambda d, t: (d / "sources" / "y.txt").symlink_to(t / "gone.txt"), "resolves outside the data folder data/"),
    (lambda d, t: (d / "sources" / "y.txt").symlink_to("y.txt"), "a symbolic link loop"),
    (lambda d, t: os.mkfifo(d / "sources" / "y.txt"), "a FIFO, not a regular file"),
    (lambda d, t: (d / "sources" / "y.txt").mkdir(), "a directory, not a regular file"),
    (lambda d, t: (d / "sources" / "y.txt").symlink_to("/dev/zero"), "resolves outside the data folder data/"),
])
def test_every_refusal_says_why_in_words(layout, make, reason):
    make(layout, layout.parent)
    assert _reason(DataFolder(layout), layout / "sources" / "y.txt") == reason


def test_a_folder_linked_out_of_the_data_folder_takes_its_files_out_too(layout, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text("elsewhere\n", encoding="utf-8")
    (layout / "sources" / "x.txt").unlink()
    (layout / "sources").rmdir()
    (layout / "sources").symlink_to(elsewhere)
    folder = DataFolder(layout)
    with pytest.raises(Outside):
        folder.read_bytes(layout / "sources" / "x.txt")


def test_a_data_folder_given_through_a_link_is_its_real_path(layout, tmp_path):
    (tmp_path / "link").symlink_to(layout)
    folder = DataFolder(tmp_path / "link")
    assert folder.real == layout.resolve()
    assert folder.read_bytes(tmp_path / "link" / "plans" / "x.yaml") == b"id: x\n"


def test_the_size_limit_holds(layout, monkeypatch):
    path = layout / "sources" / "x.txt"
    with open(path, "ab") as fh:
        fh.truncate(9 * 2**20)   # past the 8 MB limit, sparse
    assert "over the 8,388,608-byte limit" in _reason(DataFolder(layout), path)
    assert "over the 1,000-byte limit" in _reason_with_limit(layout, 1000)


def _reason_with_limit(layout: Path, limit: int) -> str:
    (layout / "plans" / "big.yaml").write_bytes(b"x" * 2000)
    with pytest.raises(Unreadable) as caught:
        DataFolder(layout).read_bytes(layout / "plans" / "big.yaml", limit)
    return caught.value.reason


def test_each_file_is_read_once_and_an_edit_during_the_run_changes_nothing(layout, monkeypatch):
    opened = []
    original = DataFolder._open
    monkeypatch.setattr(DataFolder, "_open", lambda self, real: opened.append(real) or original(self, real))
    folder = DataFolder(layout)
    path = layout / "plans" / "x.yaml"
    first = folder.read_bytes(path)
    path.write_text("id: changed\n", encoding="utf-8")
    assert folder.read_bytes(path) == first == b"id: x\n"
    assert folder.read_bytes(layout / "sources" / ".." / "plans" / "x.yaml") == first   # another name, one file
    assert opened == [str(path.resolve())]
    assert DataFolder(layout).read_bytes(path) == b"id: changed\n"   # the next run reads it anew


def test_a_link_swapped_in_after_the_check_is_never_followed(layout, tmp_path):
    """locate() saw a regular file; before the open a link out of the folder takes its place:
    the open goes down from the folder's real path without following links, so it is refused."""
    folder = DataFolder(layout)
    path = layout / "sources" / "x.txt"
    real = folder.locate(path)
    path.unlink()
    path.symlink_to(tmp_path / "secret.txt")
    if not folder_module._WALK:
        pytest.skip("no openat on this platform")
    with pytest.raises(Unreadable) as caught:
        folder._open(real)
    assert caught.value.reason == "a symbolic link, not a regular file"
    (layout / "sources").rename(tmp_path / "moved")
    (layout / "sources").symlink_to(tmp_path)           # a folder on the way swapped for a link
    with pytest.raises(Unreadable) as caught:
        folder._open(real)
    assert caught.value.reason == "replaced by a symbolic link while it was read"


def test_a_source_named_by_a_plan_must_stay_inside(layout, tmp_path):
    folder = DataFolder(layout)
    plan = layout / "plans" / "x.yaml"
    assert folder.source_problem(plan, "../sources/x.txt") is None
    assert folder.source_problem(plan, "../sources/missing.txt") is None   # inside: reading it says why
    assert "absolute path" in folder.source_problem(plan, str(tmp_path / "secret.txt"))
    assert "resolves outside the data folder data/" in folder.source_problem(plan, "../../secret.txt")
    assert "NUL" in folder.source_problem(plan, "../sources/x\0.txt")


def test_an_entry_is_there_even_when_it_cannot_be_read(layout):
    folder = DataFolder(layout)
    (layout / "links.yaml").symlink_to(layout / "gone.yaml")
    assert folder.has_entry(layout / "links.yaml") and not (layout / "links.yaml").exists()
    assert not folder.has_entry(layout / "nothing.yaml")
