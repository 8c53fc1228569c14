"""Team review in the window: claims, live updates and conflicts, with two stores on one file
standing in for two reviewers (the window's reviewer is 测试员, the teammate bob)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from storage import claims
from storage.editing import set_note, set_status, set_tags
from storage.queries import get_article
from tests.gui.conftest import holder, show


def test_showing_claims_and_a_teammates_claim_is_not_taken_silently(qtbot: Any, window: Any, store: Any,
                                                                     bob: Any, articles: Any) -> None:
    a, b, c = articles.ids
    show(qtbot, window, a)
    assert holder(store, a) == "测试员"
    with pytest.raises(claims.ClaimHeldError):
        claims.claim(bob, a, "bob")
    claims.claim(bob, b, "bob")
    show(qtbot, window, b)
    assert holder(store, b) == "bob"  # no silent take-over
    assert window.claim_label.isVisible() and "bob" in window.claim_label.text()
    assert holder(store, a) is None  # moving on released the one before
    # The list marks bob's article (refreshed by the live updates).
    qtbot.waitUntil(lambda: "bob" in str(window.model.data(window.model.index(window.model.row_of(b), 0))),
                    timeout=3000)
    window.commands["take_over_claim"].trigger()
    assert holder(store, b) == "测试员" and not window.claim_label.isVisible()
    window.commands["release_claim"].trigger()
    assert holder(store, b) is None
    show(qtbot, window, c)
    window.close()
    assert holder(store, c) is None  # closing the window releases the reviewer's claim


def test_next_unreviewed_skips_a_teammates_claim(qtbot: Any, window: Any, store: Any, bob: Any,
                                                 articles: Any) -> None:
    a, b, c = articles.ids
    show(qtbot, window, a)
    assert claims.next_unreviewed(bob, "bob", after_id=a) == b
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        window.commands["next_unreviewed"].trigger()
    assert window.current.id == c and holder(store, c) == "测试员"
    assert holder(store, b) == "bob"


def test_a_teammates_edit_reaches_the_open_article(qtbot: Any, window: Any, store: Any, bob: Any,
                                                   articles: Any) -> None:
    a = articles.ids[0]
    show(qtbot, window, a)
    set_note(bob, a, "bob 的备注", who="bob")
    qtbot.waitUntil(lambda: window.current.note == "bob 的备注", timeout=2000)
    assert window.panel.note_edit.toPlainText() == "bob 的备注"


def test_a_teammates_edit_waits_while_the_reviewer_types(qtbot: Any, window: Any, store: Any, bob: Any,
                                                         articles: Any) -> None:
    a = articles.ids[0]
    show(qtbot, window, a)
    title = window.panel.editors["title"]
    title.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title, timeout=2000)
    title.setText("正在输入的标题")
    before = window.current.version
    set_status(bob, a, "needs_work", who="bob")
    qtbot.waitUntil(lambda: "停止输入后" in window.statusBar().currentMessage(), timeout=2500)
    assert window.current.version == before and title.text() == "正在输入的标题"
    window.table.setFocus()  # the reviewer leaves the editor: their title is written, then the reload
    qtbot.waitUntil(lambda: window.current.status == "needs_work", timeout=3000)
    assert get_article(store, a).fields["title"]["values"][0]["value"] == "正在输入的标题"


@pytest.mark.parametrize(("choice", "expected"), [("theirs", ["bob标签"]), ("mine", ["我的标签"]),
                                                  ("merge", ["bob标签", "我的标签"])])
def test_a_refused_edit_opens_the_conflict_dialog(qtbot: Any, window: Any, store: Any, bob: Any,
                                                  articles: Any, choice: str, expected: list[str]) -> None:
    a = articles.ids[0]
    show(qtbot, window, a)
    old = list(window.current.tags)
    set_tags(bob, a, [*old, "bob标签"], who="bob")  # behind the window's back
    seen: list[Any] = []

    def decide() -> None:
        dlg = window.conflict_dialog
        assert dlg is not None
        seen.append([(c.field, c.original, c.theirs, c.mine) for c in dlg.model.conflict.fields])
        dlg.model.set_all(choice)
        dlg.accept()

    QTimer.singleShot(100, decide)
    assert window.editor.set_tags(a, old, [*old, "我的标签"])
    assert seen == [[("tags", old, [*old, "bob标签"], [*old, "我的标签"])]]
    assert sorted(get_article(store, a).tags) == sorted([*old, *expected])
    if choice == "theirs":
        assert not window.editor.stack.canUndo()  # nothing of mine was written: nothing to undo
        return
    # One undo step takes it back to bob's value.
    assert "冲突" in window.editor.stack.undoText()
    window.editor.stack.undo()
    assert get_article(store, a).tags == sorted([*old, "bob标签"])
