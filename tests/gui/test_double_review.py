"""Double review in the window: a sampled article is edited as the reviewer's own copy (never
showing the other reviewer's values), and non-sampled articles behave as before. Run on SQLite
and on the real PostgreSQL (CURATOR_TEST_PG_URL)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from storage.double_review import choose_sample, independent, own_history, own_status, own_view, record_verdict
from storage.queries import field_history, get_article
from storage.store import open_store
from tests.gui.conftest import show
from tests.storage.conftest import pg_database  # noqa: F401 - the fixture, for the PostgreSQL run


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Any]:
    url = f"sqlite:///{tmp_path / 'store.db'}" if request.param == "sqlite" else request.getfixturevalue("pg_database")
    s = open_store(url)
    yield s
    s.close()


def rec(value: object) -> dict[str, object]:
    return {"value": value, "evidence": [], "rule": "", "confidence": 1.0, "origin": "human"}


def values(view_or_state: Any, field: str) -> list[Any]:
    fields = view_or_state.fields if hasattr(view_or_state, "fields") else view_or_state
    state = fields.get(field, {})
    recs = state.get("values", []) if isinstance(state, dict) else state
    return [r["value"] for r in recs]


def test_a_sampled_article_is_edited_as_the_reviewers_own_copy(qtbot: Any, window: Any, store: Any,
                                                                settings: Any, articles: Any) -> None:
    a = articles.by_name["a_tuijie.txt"]
    b = articles.by_name["b_kaocha.html"]
    choose_sample(store, 1.0)
    with store.session() as s:  # only a is in the sample here: b stays an ordinary article
        from storage.models import Article
        art = s.get(Article, b)
        assert art is not None
        art.double_review = False
    record_verdict(store, a, "bob", "rejected", {**own_view(store, a, "bob"), "places": [rec("成都")]})

    show(qtbot, window, a)
    assert window.panel.double_badge.isVisible() and window.panel.double_badge.text() == "双人独立审核"
    # Starts from the machine's values, never bob's.
    assert values(window.current, "places") == ["深圳"] and window.current.status == "in_review"
    assert "成都" not in str(window.current.fields)

    history_before = field_history(store, a)
    old = window.panel.current_state("places")
    new = {"edited": True, "values": [*old["values"], rec("内江")]}
    window.panel.field_edited.emit("places", old, new)
    assert values(own_view(store, a, "测试员"), "places") == ["深圳", "内江"]  # committed at once
    assert values(window.current, "places") == ["深圳", "内江"]
    assert values(get_article(store, a), "places") == ["深圳"]  # the article itself is untouched
    assert values(own_view(store, a, "bob"), "places") == ["成都"]  # and bob's copy too
    assert field_history(store, a) == history_before  # the article's history, which bob sees, neither
    assert [h.field for h in own_history(store, a, "测试员")] == ["places"]

    window.undo()
    assert values(own_view(store, a, "测试员"), "places") == ["深圳"]
    window.redo()
    assert values(own_view(store, a, "测试员"), "places") == ["深圳", "内江"]

    with qtbot.waitSignal(window.article_shown, timeout=5000):
        window.set_status("accepted")  # moves on to the next article, as ever
    assert own_status(store, a, "测试员") == "accepted" and get_article(store, a).status != "accepted"
    assert window.current.id == b and not window.panel.double_badge.isVisible()

    # An ordinary article: the edit goes to the article, with its history, as before.
    old_b = window.panel.current_state("places")
    window.panel.field_edited.emit("places", old_b, {"edited": True, "values": [rec("内江")]})
    assert values(get_article(store, b), "places") == ["内江"]
    assert [h.field for h in field_history(store, b)][-1] == "places"
    assert not independent(store, b)

    # Bob, in his window, sees his own copy: none of 测试员's values.
    settings.set("reviewer", "bob")
    show(qtbot, window, a)
    assert values(window.current, "places") == ["成都"] and window.current.status == "rejected"
    window.show_history("places")
    shown = str([(h.field, h.new_value) for h in window.history_dialog._all])
    assert "内江" not in shown and "成都" in shown
