"""storage.recleaning: skipping one repair re-cleans the article and keeps human edits."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.process as proc
from pipeline.document import Change, CleanResult
from pipeline.offsets import OffsetMap
from storage.editing import StaleEditError, set_field_values
from storage.importer import import_paths
from storage.queries import field_history, get_article
from storage.recleaning import set_skipped_changes, skipped_changes


def _fake_clean(raw: str, _fmt: str, *, skip_changes: frozenset = frozenset()) -> CleanResult:
    # A stand-in cleaning with one undoable repair: "淡水" → "蓝海" at raw [0, 2).
    if ("spin", 0, 2) in skip_changes:
        return CleanResult(raw, OffsetMap.identity(len(raw)), "hans")
    text = "蓝海" + raw[2:]
    change = Change("spin", 0, 2, 0, 2, raw[:2], "蓝海", undoable=True)
    return CleanResult(text, OffsetMap.identity(len(raw)), "hans", changes=[change], flags=["spun"])


def test_skip_and_unskip_keeps_edits(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(proc, "clean", _fake_clean)
    f = tmp_path / "a.txt"
    f.write_text("淡水市场广阔。", encoding="utf-8")
    aid = import_paths(store, [f]).imported[0][0]
    assert get_article(store, aid).cleaned_text.startswith("蓝海")
    v = set_field_values(store, aid, "title", [{"value": "人工标题"}], who="ann")
    v = set_skipped_changes(store, aid, [("spin", 0, 2)], who="ann", expected_version=v)
    view = get_article(store, aid)
    assert view.cleaned_text == "淡水市场广阔。"
    assert view.fields["title"]["values"][0]["value"] == "人工标题"
    assert skipped_changes(store, aid) == [("spin", 0, 2)]
    assert field_history(store, aid, "skip_changes")[-1].who == "ann"
    with pytest.raises(StaleEditError):
        set_skipped_changes(store, aid, [], expected_version=v - 1)
    set_skipped_changes(store, aid, [], expected_version=view.version)
    assert get_article(store, aid).cleaned_text.startswith("蓝海")
