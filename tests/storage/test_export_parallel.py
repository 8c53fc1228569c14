"""A large export is rendered by worker processes: same bytes, same order, filters respected."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage import exporting
from storage.editing import set_status, set_tags
from storage.exporting import export_dataset
from storage.importer import import_paths


@pytest.fixture
def loaded(store, seeds_dir: Path):
    import_paths(store, [seeds_dir])
    set_status(store, 2, "accepted")
    set_tags(store, 4, ["重点", "航空"])
    return store


def test_parallel_export_writes_the_same_bytes(loaded, tmp_path: Path, monkeypatch) -> None:
    serial = tmp_path / "serial.jsonl"
    export_dataset(loaded, serial, "jsonl", workers=1)
    monkeypatch.setattr(exporting, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(exporting, "CHUNK", 2)  # several chunks, so their order matters
    parallel = tmp_path / "parallel.jsonl"
    seen: list[int] = []
    report = export_dataset(loaded, parallel, "jsonl", workers=2, progress=seen.append)
    assert report.count == 5 and seen[-1] == 5
    assert parallel.read_bytes() == serial.read_bytes()

    accepted = tmp_path / "accepted.jsonl"
    assert export_dataset(loaded, accepted, "jsonl", workers=2, statuses=["accepted"]).count == 1
    chosen = tmp_path / "chosen.jsonl"
    assert export_dataset(loaded, chosen, "jsonl", workers=2, ids=[4, 1, 99]).count == 2
    lines = serial.read_text(encoding="utf-8").splitlines()
    assert chosen.read_text(encoding="utf-8").splitlines() == [lines[0], lines[3]]


def test_cancelled_parallel_export_leaves_nothing(loaded, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(exporting, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(exporting, "CHUNK", 1)
    out = tmp_path / "out.jsonl"
    report = export_dataset(loaded, out, "jsonl", workers=2, cancel=lambda: True)
    assert report.cancelled and not out.exists()
    assert not list(tmp_path.glob("*.part"))


def test_metadata_is_read_without_decoding_the_whole_cleaning_record() -> None:
    import json

    from storage.exporting import _metadata

    record = {"offsets": {"segments": [[0, 1, 0, 1, 0]]}, "changes": [
        {"kind": "spin", "before": 'say "metadata": {"x": 1}', "after": "ok", "note": "metadata"}],
        "metadata": {"title": "标题", "source": "江西日报", "nested": {"a": [1, 2]}}, "flags": ["spun"]}
    compact = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    assert _metadata(compact) == record["metadata"]
    # Written some other way (spaces after colons): still found, by decoding it all.
    assert _metadata(json.dumps(record, ensure_ascii=False)) == record["metadata"]
    assert _metadata(None) == {} and _metadata('{"flags":[]}') == {}
    # The next key is met inside the object (nested), or never: the whole object all the same.
    nested = {"metadata": {"a": {"x": 1, "flags": [1]}, "title": "题"}, "flags": ["spun"], "skip_changes": []}
    assert _metadata(json.dumps(nested, ensure_ascii=False, separators=(",", ":"))) == nested["metadata"]
    assert _metadata('{"metadata":{"title":"题","n":[1,{"b":"}"}]}}') == {"title": "题", "n": [1, {"b": "}"}]}
