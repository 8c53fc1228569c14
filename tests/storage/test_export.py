from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipeline.export.records import BASE_KEYS
from storage.editing import set_field_values, set_status, set_tags
from storage.exporting import export_dataset
from storage.importer import import_paths


@pytest.fixture
def loaded(store, seeds_dir: Path):
    import_paths(store, [seeds_dir])
    return store


def _jsonl(path: Path) -> list[dict]:
    raw = path.read_text(encoding="utf-8")
    assert "\\u" not in raw  # Chinese is written as itself, not escaped
    return [json.loads(line) for line in raw.splitlines()]


def test_jsonl_has_every_key_for_every_article(loaded, tmp_path: Path) -> None:
    out = tmp_path / "out" / "data.jsonl"
    report = export_dataset(loaded, out, "jsonl")
    records = _jsonl(out)
    assert report.count == len(records) == 5
    for r in records:
        assert set(BASE_KEYS) <= set(r)
        assert r["script"] in {"hans", "hant", "mixed"}
        assert r["text"]
    assert [r["id"] for r in records] == sorted(r["id"] for r in records)


def test_status_filter_and_edits_reach_the_export(loaded, tmp_path: Path) -> None:
    set_status(loaded, 2, "accepted")
    set_tags(loaded, 2, ["江西"])
    set_field_values(loaded, 2, "places", [{"value": "南昌"}, {"value": "广州"}])
    out = tmp_path / "accepted.jsonl"
    export_dataset(loaded, out, "jsonl", statuses=["accepted"])
    (r,) = _jsonl(out)
    assert (r["id"], r["status"], r["tags"], r["places"], r["edited_fields"]) == (
        2, "accepted", ["江西"], ["南昌", "广州"], ["places"])


def test_csv_flattens_lists(loaded, tmp_path: Path) -> None:
    set_field_values(loaded, 1, "people", [{"value": {"name": "罗文军", "title": "副市长"}},
                                          {"value": {"name": "曾志峰", "title": ""}}])
    out = tmp_path / "data.csv"
    export_dataset(loaded, out, "csv", ids=[1])
    with out.open(encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["people"] == "罗文军（副市长）; 曾志峰"


def test_failed_export_leaves_the_old_file_untouched(loaded, tmp_path: Path, monkeypatch) -> None:
    from storage import exporting

    out = tmp_path / "data.jsonl"
    out.write_text("previous dataset\n", encoding="utf-8")
    calls = []

    def failing_build(article):
        calls.append(article.id)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return {"id": article.id}

    monkeypatch.setattr(exporting, "build_record", failing_build)
    with pytest.raises(OSError):
        export_dataset(loaded, out, "jsonl")
    assert out.read_text(encoding="utf-8") == "previous dataset\n"
    assert not list(tmp_path.glob("*.part"))  # no temporary file left behind


def test_cancelled_export_keeps_the_old_file(loaded, tmp_path: Path, monkeypatch) -> None:
    from storage import exporting

    monkeypatch.setattr(exporting, "CHECK_EVERY", 1)
    out = tmp_path / "data.jsonl"
    out.write_text("previous dataset\n", encoding="utf-8")
    report = export_dataset(loaded, out, "jsonl", cancel=lambda: True)
    assert report.cancelled and report.count == 1
    assert out.read_text(encoding="utf-8") == "previous dataset\n"
