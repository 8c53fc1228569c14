"""The conflict dialog's model: each choice, set as the view's editor would, resolves the conflict."""

from __future__ import annotations

from typing import Any

import pytest

from gui.conflict_dialog import CHOICE_COLUMN, ConflictDialog, ConflictModel
from storage.conflicts import find_conflict, resolve
from storage.editing import set_field_values
from storage.queries import get_article


def rec(value: object) -> dict[str, object]:
    return {"value": value, "evidence": [], "rule": "", "confidence": 1.0, "origin": "human"}


@pytest.fixture
def conflict(store: Any, articles: Any) -> Any:
    aid = articles.ids[0]
    mine_copy = get_article(store, aid)
    set_field_values(store, aid, "places", [rec("深圳"), rec("广州")], who="bob")
    set_field_values(store, aid, "title", [rec("<b>鲍勃</b>的标题")], who="bob")
    return find_conflict(store, mine_copy, {"places": [rec("深圳"), rec("东莞")], "title": [rec("我的标题")]})


def test_model_passes_qtmodeltester(qtmodeltester: Any, conflict: Any) -> None:
    qtmodeltester.check(ConflictModel(conflict), force_py=True)


@pytest.mark.parametrize(("choice", "places", "title"), [
    ("theirs", ["深圳", "广州"], "<b>鲍勃</b>的标题"),
    ("mine", ["深圳", "东莞"], "我的标题"),
    ("merge", ["深圳", "广州", "东莞"], "我的标题"),
])
def test_each_choice_through_the_model(qtbot: Any, store: Any, conflict: Any, choice: str, places: list[str],
                                       title: str) -> None:
    dialog = ConflictDialog(conflict, "标题")
    qtbot.addWidget(dialog)
    model = dialog.model
    rows = {c.field: r for r, c in enumerate(model.rows)}
    assert model.setData(model.index(rows["places"], CHOICE_COLUMN), choice)
    title_choice = "mine" if choice == "merge" else choice
    assert model.setData(model.index(rows["title"], CHOICE_COLUMN), title_choice)
    assert not model.setData(model.index(rows["title"], CHOICE_COLUMN), "merge")  # one value: no merge
    resolve(store, conflict, dialog.choices(), who="alice")
    view = get_article(store, conflict.article_id)
    assert [v["value"] for v in view.fields["places"]["values"]] == places
    assert view.fields["title"]["values"][0]["value"] == title

