from __future__ import annotations

from pathlib import Path

import pytest

from storage.editing import EditError, StaleEditError, set_field_values, set_note, set_status, set_tags
from storage.importer import import_paths
from storage.queries import field_history, get_article, summaries_for


@pytest.fixture
def article_id(store, seeds_dir: Path) -> int:
    report = import_paths(store, [seeds_dir / "000_49fe26fb40a68a39.txt"])
    return report.imported[0][0]


def test_field_edit_is_stored_with_history(store, article_id: int) -> None:
    v0 = get_article(store, article_id).version
    values = [{"value": "景德镇高新区推介会", "evidence": [[0, 3]]}]
    v1 = set_field_values(store, article_id, "title", values, who="alice", expected_version=v0)
    assert v1 > v0
    view = get_article(store, article_id)
    assert view.fields["title"]["edited"] is True
    assert view.fields["title"]["values"][0]["value"] == "景德镇高新区推介会"
    assert view.fields["title"]["values"][0]["origin"] == "human"
    assert view.edited_fields == ["title"]
    (h,) = field_history(store, article_id, "title")
    assert (h.who, h.new_value[0]["value"]) == ("alice", "景德镇高新区推介会")
    summary = summaries_for(store, [article_id])[article_id]
    assert summary.title == "景德镇高新区推介会" and summary.edited_count == 1


def test_list_field_and_people(store, article_id: int) -> None:
    people = [{"value": {"name": "罗文军", "title": "景德镇市副市长"}}, {"value": {"name": "曾志峰", "title": ""}}]
    set_field_values(store, article_id, "people", people, who="bob")
    stored = get_article(store, article_id).fields["people"]["values"]
    assert [p["value"]["name"] for p in stored] == ["罗文军", "曾志峰"]


def test_stale_edit_is_refused_not_overwritten(store, article_id: int) -> None:
    v0 = get_article(store, article_id).version
    set_note(store, article_id, "first", expected_version=v0)
    with pytest.raises(StaleEditError):
        set_note(store, article_id, "second", expected_version=v0)
    assert get_article(store, article_id).note == "first"


def test_status_tags_note_are_versioned_and_recorded(store, article_id: int) -> None:
    v = get_article(store, article_id).version
    v = set_status(store, article_id, "accepted", who="c", expected_version=v)
    v = set_tags(store, article_id, ["大湾区", " 推介会 ", "大湾区"], who="c", expected_version=v)
    v = set_note(store, article_id, "核对过日期", who="c", expected_version=v)
    view = get_article(store, article_id)
    assert (view.status, view.tags, view.note, view.version) == ("accepted", ["大湾区", "推介会"], "核对过日期", v)
    assert [h.field for h in field_history(store, article_id)] == ["status", "tags", "note"]


def test_bad_edits_are_refused(store, article_id: int) -> None:
    with pytest.raises(EditError):
        set_status(store, article_id, "done")
    with pytest.raises(EditError):
        set_field_values(store, article_id, "no_such_field", [])
    with pytest.raises(EditError):
        set_field_values(store, article_id, "title", [{"value": "a"}, {"value": "b"}])
    with pytest.raises(EditError):
        set_note(store, 999, "x")


def test_every_field_edit_moves_the_version_on(store, article_id: int) -> None:
    # An edit that changes no list column (counts are not shown in the list) must still
    # bump the version, or a second window's stale edit would overwrite it silently.
    v0 = get_article(store, article_id).version
    v1 = set_field_values(store, article_id, "counts", [{"value": {"text": "12家", "value": 12}}],
                          expected_version=v0)
    v2 = set_field_values(store, article_id, "counts", [{"value": {"text": "13家", "value": 13}}],
                          expected_version=v1)
    assert v0 < v1 < v2
    with pytest.raises(StaleEditError):
        set_field_values(store, article_id, "counts", [], expected_version=v1)
