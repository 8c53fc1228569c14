"""Conflicts: a refused edit becomes a three-way comparison the reviewer decides, written once."""

from __future__ import annotations

import pytest

from storage.conflicts import find_conflict, merge_lists, resolve
from storage.editing import StaleEditError, set_field_values, set_status
from storage.queries import field_history, get_article
from tests.storage.test_claims import add_articles


def rec(value: object) -> dict[str, object]:
    return {"value": value, "evidence": [], "rule": "", "confidence": 1.0, "origin": "human"}


def values(store, aid: int, field: str) -> list[object]:
    return [v["value"] for v in get_article(store, aid).fields[field]["values"]]


def test_merge_lists_is_three_way() -> None:
    original = [rec("深圳"), rec("内江"), rec("成都")]
    mine = [rec("深圳"), rec("成都"), rec("东莞")]  # I removed 内江, added 东莞
    theirs = [rec("深圳"), rec("内江"), rec("成都"), rec("广州")]  # they added 广州
    assert [v["value"] for v in merge_lists(original, mine, theirs)] == ["深圳", "成都", "广州", "东莞"]


@pytest.fixture
def clash(store):
    (aid,) = add_articles(store, 1)
    set_field_values(store, aid, "places", [rec("深圳"), rec("内江")], who="setup")
    set_field_values(store, aid, "title", [rec("原标题")], who="setup")
    mine_copy = get_article(store, aid)
    # bob, meanwhile: adds a place, changes the title and the status
    set_field_values(store, aid, "places", [rec("深圳"), rec("内江"), rec("广州")], who="bob")
    set_field_values(store, aid, "title", [rec("鲍勃的标题")], who="bob")
    set_status(store, aid, "needs_work", who="bob")
    mine = {"places": [rec("深圳"), rec("东莞")], "title": [rec("爱丽丝的标题")], "note": "查过原文"}
    with pytest.raises(StaleEditError):
        set_field_values(store, aid, "title", mine["title"], who="alice", expected_version=mine_copy.version)
    return aid, find_conflict(store, mine_copy, mine)


def test_find_conflict_separates_clashes_from_my_own_changes(store, clash) -> None:
    aid, conflict = clash
    assert sorted(c.field for c in conflict.fields) == ["places", "title"]
    assert conflict.carried == {"note": "查过原文"}  # only I changed the note
    assert conflict.version == get_article(store, aid).version


@pytest.mark.parametrize(("choice", "title", "places"), [
    ("theirs", "鲍勃的标题", ["深圳", "内江", "广州"]),
    ("mine", "爱丽丝的标题", ["深圳", "东莞"]),
    ("merge", None, ["深圳", "广州", "东莞"]),
])
def test_each_choice_is_written_with_history(store, clash, choice, title, places) -> None:
    aid, conflict = clash
    choices = {"places": choice, "title": "mine" if choice == "merge" else choice}
    resolve(store, conflict, choices, who="alice")
    view = get_article(store, aid)
    assert values(store, aid, "places") == places
    assert values(store, aid, "title") == [title or "爱丽丝的标题"]
    assert view.note == "查过原文" and view.status == "needs_work"  # bob's status untouched
    last = field_history(store, aid, "places")[-1]
    assert last.who == "alice" and [v["value"] for v in last.new_value] == places


def test_resolution_against_a_newer_version_is_refused(store, clash) -> None:
    aid, conflict = clash
    set_status(store, aid, "accepted", who="carol")
    with pytest.raises(StaleEditError):
        resolve(store, conflict, {"places": "mine", "title": "mine"}, who="alice")


def test_a_scalar_cannot_be_merged(store, clash) -> None:
    _aid, conflict = clash
    from storage.editing import EditError

    with pytest.raises(EditError):
        resolve(store, conflict, {"places": "merge", "title": "merge"}, who="alice")
