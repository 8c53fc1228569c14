"""Double review in the window: a sampled article is edited as the reviewer's own copy (never
showing the other reviewer's values), and non-sampled articles behave as before. Run on SQLite
and on the real PostgreSQL (CURATOR_TEST_PG_URL)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from gui.adjudication_dialog import PICK_COLUMN
from gui.layout_check import clipped
from storage import claims
from storage.double_review import choose_sample, independent, own_history, own_status, own_view, record_verdict
from storage.queries import field_history, get_article
from storage.store import open_store
from tests.gui.conftest import show
from tests.storage.conftest import pg_database  # noqa: F401 - the fixture, for the PostgreSQL run
from tests.storage.test_claims import add_articles


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
    claims.claim(store, a, "bob")  # bob opens it too: a sampled article is for two at once
    qtbot.waitUntil(lambda: window.model.claims().get(a) == "bob", timeout=3000)
    assert not window.claim_label.isVisible()  # and not shown as held by him

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


def test_agreement_dialog_shows_the_hand_computed_figures(qtbot: Any, window: Any, store: Any) -> None:
    ids = add_articles(store, 4)
    choose_sample(store, 1.0, ids=ids)
    mayor = [rec({"name": "张伟", "title": "市长"})]
    one, two, three, four = ids
    record_verdict(store, one, "alice", "accepted", {"places": [rec("深圳"), rec("内江")], "title": [rec("甲")]})
    record_verdict(store, one, "bob", "accepted", {"places": [rec("深圳")], "title": [rec("甲")]})
    record_verdict(store, two, "alice", "rejected", {"places": [rec("成都")]})
    record_verdict(store, two, "bob", "accepted", {"places": [rec("成都"), rec("北京")], "title": [rec("乙")]})
    record_verdict(store, three, "alice", "accepted", {"people": mayor})
    record_verdict(store, three, "bob", "needs_work", {"people": mayor})
    record_verdict(store, four, "alice", "accepted", {})
    record_verdict(store, four, "bob", "accepted", {})
    window.commands["agreement"].trigger()
    dlg = window.agreement_dialog
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=5000)
    model = dlg.model
    rows = {model.index(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(model.rowCount())}

    def cell(field: str, col: int, role: Any = Qt.ItemDataRole.DisplayRole) -> Any:
        return model.index(rows[field], col).data(role)

    # places (a list): articles one and two; common values 1 + 1, values 3 + 3: F1 = 2·2/6.
    assert cell("places", 2, Qt.ItemDataRole.UserRole) == pytest.approx(2 / 3)
    assert [cell("places", c) for c in range(5)] == ["地点", "F1（列表）", "0.667", "2", "2"]
    # title (one value): same on one, only bob's on two: 1 of 2 articles.
    assert [cell("title", c) for c in range(1, 5)] == ["完全一致率", "0.500", "2", "1"]
    assert [cell("people", c) for c in range(2, 5)] == ["1.000", "1", "0"]
    assert [cell("organizations", c) for c in range(2, 5)] == ["—", "0", "0"]
    # status: (acc, acc) (rej, acc) (acc, nw) (acc, acc): p_o = 0.5; alice 3 acc 1 rej, bob 3 acc
    # 1 nw: p_e = 9/16; kappa = (0.5 - 0.5625) / (1 - 0.5625) = -1/7.
    assert dlg.report.status_kappa == pytest.approx(-1 / 7)
    text = dlg.summary.text()
    assert "双人审核的文章：4 篇" in text and "alice、bob" in text and "-0.143" in text and "50.0%" in text
    qtbot.waitUntil(lambda: clipped(dlg) == [], timeout=2000)  # once the layout took the two lines
    dlg.close()


def test_adjudication_takes_a_takes_b_and_merges(qtbot: Any, window: Any, store: Any, settings: Any,
                                                 articles: Any) -> None:
    a = articles.by_name["a_tuijie.txt"]
    c = articles.by_name["c_zuotan.txt"]
    choose_sample(store, 1.0)
    base = own_view(store, a, "alice")
    record_verdict(store, a, "alice", "accepted", {**base, "places": [rec("深圳"), rec("内江")],
                                                   "title": [rec("甲标题")], "organizations": [rec("高新区")]})
    record_verdict(store, a, "bob", "needs_work", {**base, "places": [rec("深圳"), rec("成都")],
                                                   "title": [rec("乙标题")], "organizations": [rec("中关村")]})
    record_verdict(store, c, "alice", "accepted", own_view(store, c, "alice"))
    record_verdict(store, c, "bob", "accepted", own_view(store, c, "bob"))  # they agree: nothing to decide
    show(qtbot, window, a)
    assert window.panel.double_badge.isVisible()

    dlg = window.show_adjudication()
    qtbot.waitUntil(lambda: dlg.model.decision is not None, timeout=5000)
    assert [d.article_id for d in dlg.list_model.rows] == [a]
    model = dlg.model
    assert model.rows == ["title", "places", "organizations"]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "审核人A（alice）"
    qtbot.waitUntil(lambda: clipped(dlg) == [] and clipped(window) == [], timeout=2000)  # the badge included
    row = {f: i for i, f in enumerate(model.rows)}
    assert model.index(row["places"], 1).data() == "深圳；内江"
    assert model.index(row["places"], 2).data() == "深圳；成都"
    assert model.index(row["places"], 3).data() == "深圳"  # the machine's
    assert not model.setData(model.index(row["title"], PICK_COLUMN), "merge")  # one value: no merge
    assert model.setData(model.index(row["title"], PICK_COLUMN), "b")
    assert model.setData(model.index(row["places"], PICK_COLUMN), "merge")
    assert model.index(row["places"], PICK_COLUMN).data() == "合并两者：深圳；内江；成都"
    # organizations stays at its default: take A.
    dlg.status_box.setCurrentIndex(dlg.status_box.findData("rejected"))  # neither reviewer's status
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        assert dlg.apply()

    view = get_article(store, a)
    assert values(view, "title") == ["乙标题"]
    assert values(view, "places") == ["深圳", "内江", "成都"]
    assert values(view, "organizations") == ["高新区"]
    assert view.status == "rejected"
    decided = [h for h in field_history(store, a) if h.field == "adjudication"]
    assert len(decided) == 1 and decided[0].who == "测试员"
    assert decided[0].new_value["choices"] == {"title": "b", "places": "merge", "organizations": "a"}
    assert not independent(store, a)
    # The window shows the final values to everybody now, without the badge.
    assert values(window.current, "places") == ["深圳", "内江", "成都"]
    assert not window.panel.double_badge.isVisible()
    assert dlg.list_model.rows == [] and not dlg.apply_button.isEnabled()
    # c: both reviewers agree; adopting writes their common verdict, no choice to make.
    assert dlg.settle_button.isEnabled() and dlg.settle_button.text() == "采纳两人一致的结果（1 篇）"
    dlg.settle_button.click()
    assert get_article(store, c).status == "accepted" and not independent(store, c)
    qtbot.waitUntil(lambda: not dlg.settle_button.isEnabled(), timeout=5000)
    dlg.close()


def test_sampling_on_demand_from_the_menu(qtbot: Any, window: Any, store: Any, articles: Any,
                                          monkeypatch: Any) -> None:
    a, b, c = articles.ids
    show(qtbot, window, c)  # shown = claimed = 审核中: not new, so never sampled
    window.table.selectAll()
    from PySide6.QtWidgets import QInputDialog

    asked: list[str] = []

    def ask(_parent: Any, title: str, label: str, *_args: Any) -> tuple[int, bool]:
        asked.append(f"{title}|{label}")
        return 100, True

    monkeypatch.setattr(QInputDialog, "getInt", ask)
    with qtbot.waitSignal(window.job_finished, timeout=5000):
        window.commands["double_review_sample"].trigger()
    assert asked == ["抽取双人审核样本|从所选 3 篇文章中未审核（状态为“新”）的文章里抽取的比例（%）："]
    assert [independent(store, i) for i in (a, b, c)] == [True, True, False]
    assert "已将 2 篇文章放入双人审核样本" in window.statusBar().currentMessage()
    show(qtbot, window, a)
    assert window.panel.double_badge.isVisible()
