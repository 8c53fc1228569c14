"""storage.editing.set_field_state: the write undo uses (whole field state, version bump, history)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.editing import StaleEditError, set_field_state, set_field_values
from storage.importer import import_paths
from storage.listing import all_flags, column_values, current_version
from storage.queries import field_history, get_article


def _one(store, tmp_path: Path) -> int:
    f = tmp_path / "a.txt"
    f.write_text("北京新闻\n\n张三出席了签约仪式。", encoding="utf-8")
    report = import_paths(store, [f])
    return report.imported[0][0]


def test_restores_unedited_state_and_bumps_version(store, tmp_path: Path) -> None:
    aid = _one(store, tmp_path)
    v0 = get_article(store, aid).version
    value = {"value": "张三", "evidence": [[6, 8]], "rule": "r", "confidence": 0.4, "origin": "auto"}
    auto = {"edited": False, "values": [value]}
    v1 = set_field_state(store, aid, "people", auto, who="t", expected_version=v0)
    assert v1 != v0
    v2 = set_field_values(store, aid, "people", [{"value": "李四"}], who="t", expected_version=v1)
    v3 = set_field_state(store, aid, "people", auto, who="undo", expected_version=v2)
    view = get_article(store, aid)
    assert view.fields["people"] == auto
    assert view.version == v3 == current_version(store, aid)
    assert [h.who for h in field_history(store, aid, "people")] == ["t", "t", "undo"]
    with pytest.raises(StaleEditError):
        set_field_state(store, aid, "people", {"edited": True, "values": []}, expected_version=v1)


def test_listing_reads(store, tmp_path: Path) -> None:
    aid = _one(store, tmp_path)
    assert column_values(store, "title")[aid]  # falls back to the file name at least
    assert all_flags(store) == []
    with pytest.raises(ValueError):
        column_values(store, "status")


def test_first_ids(store, tmp_path: Path) -> None:
    from storage.listing import first_ids

    aid = _one(store, tmp_path)
    assert first_ids(store, 10) == [aid]
    assert first_ids(store, 0) == []
