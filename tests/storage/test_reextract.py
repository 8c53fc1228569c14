from __future__ import annotations

from pathlib import Path

from pipeline.fields import FieldValue
from storage.editing import set_field_values
from storage.importer import import_paths
from storage.queries import field_history, get_article
from storage.reextract import reextract


def test_reextract_keeps_human_edits_and_reports_them(store, seeds_dir: Path, monkeypatch) -> None:
    import pipeline.process as proc

    monkeypatch.setattr(proc, "extract", lambda _c: {"title": [FieldValue("旧标题")]})
    (aid, _), = import_paths(store, [seeds_dir / "003_89d139543095b6b2.txt"]).imported
    set_field_values(store, aid, "title", [{"value": "人工改过的标题"}], who="alice")
    # Pretend the extractor improved: it now finds a place and a different title.
    monkeypatch.setattr(proc, "extract", lambda _c: {"title": [FieldValue("机器标题")], "places": [FieldValue("内江")]})
    dry = reextract(store, [aid], apply=False)
    assert [d.field for d in dry.changed[aid]] == ["places"]
    assert [d.field for d in dry.kept[aid]] == ["title"]
    assert get_article(store, aid).fields["places"]["values"] == []  # dry run wrote nothing

    report = reextract(store, [aid])
    view = get_article(store, aid)
    assert view.fields["title"]["values"][0]["value"] == "人工改过的标题"
    assert [v["value"] for v in view.fields["places"]["values"]] == ["内江"]
    assert report.kept[aid][0].new == ["机器标题"]
    assert [h.who for h in field_history(store, aid, "places")] == ["re-extraction"]
