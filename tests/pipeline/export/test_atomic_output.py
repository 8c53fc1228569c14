"""Atomic export files: leftovers of killed exports are removed, live ones are not, and the
result has the replaced file's mode (else the umask's), not mkstemp's 0600."""

from __future__ import annotations

import fcntl
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.export.writers import atomic_output, current_umask


def _write(path: Path, text: str = "new\n") -> None:
    with atomic_output(path) as fh:
        fh.write(text)


def _aged(path: Path, seconds: float = 60.0) -> Path:
    old = time.time() - seconds
    os.utime(path, (old, old))
    return path


@pytest.fixture
def umask() -> Iterator[None]:
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)


def test_stale_parts_are_removed_live_and_foreign_ones_kept(tmp_path: Path) -> None:
    stale = tmp_path / ".out.jsonl.k3v_9xq2.part"
    stale.write_text("half an export", encoding="utf-8")
    _aged(stale)
    other_target = tmp_path / ".other.csv.ab12cd34.part"
    other_target.write_text("x", encoding="utf-8")
    _aged(other_target)
    live = tmp_path / ".out.jsonl.Zz0_aa11.part"
    live.write_text("being written", encoding="utf-8")
    _aged(live)
    young = tmp_path / ".out.jsonl.young123.part"
    young.write_text("just created", encoding="utf-8")
    foreign = tmp_path / ".download.part"  # not one of ours: the name does not match
    foreign.write_text("x", encoding="utf-8")
    _aged(foreign)
    holder = os.open(live, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # a running export holds its part locked
    try:
        _write(tmp_path / "out.jsonl")
    finally:
        os.close(holder)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(["out.jsonl", live.name, young.name, foreign.name])


def test_own_part_is_locked_while_written(tmp_path: Path) -> None:
    with atomic_output(tmp_path / "out.jsonl") as fh:
        fh.write("x")
        (part,) = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
        probe = os.open(part, os.O_RDONLY)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(probe)
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_replacing_keeps_the_target_mode(tmp_path: Path, umask: None) -> None:
    out = tmp_path / "data.csv"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o664)
    os.umask(0o077)
    _write(out)
    assert out.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o664


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_honours_the_umask(tmp_path: Path, umask: None, mask: int, mode: int) -> None:
    os.umask(mask)
    assert current_umask() == mask
    _write(tmp_path / "new.jsonl")
    assert stat.S_IMODE((tmp_path / "new.jsonl").stat().st_mode) == mode


def test_a_failed_export_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    out = tmp_path / "data.jsonl"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(out) as fh:
        fh.write("partial")
        raise RuntimeError("boom")
    assert [p.name for p in tmp_path.iterdir()] == ["data.jsonl"]
    assert out.read_text(encoding="utf-8") == "old\n"
