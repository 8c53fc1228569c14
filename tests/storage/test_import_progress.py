"""An import says how many files it will read before the first one is done, and names skipped types."""

from __future__ import annotations

from pathlib import Path

from storage.importer import import_paths
from storage.records import ImportProgress


def test_count_first_and_skipped_types_reported(store, tmp_path: Path) -> None:
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text("景德镇推介会在深圳举办。", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    seen: list[ImportProgress] = []
    report = import_paths(store, [tmp_path], workers=1, progress=seen.append)
    assert (seen[0].done, seen[0].total) == (0, 1)
    assert (seen[-1].done, seen[-1].total) == (1, 1)
    assert [Path(p).name for p, _why in report.skipped] == ["report.pdf"]
    assert report.ok  # a skipped type is not a failure
