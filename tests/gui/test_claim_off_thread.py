"""Switching articles shows the text from a read at once and claims the article off the GUI thread
(gui.claim_queue); what a claim does is still recorded, reported and respected by edits."""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import event

import gui.main_window as main_window_module
from storage import claims
from storage.queries import get_article
from tests.gui.conftest import holder

WRITES = ("INSERT", "UPDATE", "DELETE", "BEGIN IMMEDIATE", "BEGIN EXCLUSIVE")


def switch(qtbot: Any, window: Any, aid: int) -> None:
    """Select an article and wait for it on screen, not for its claim."""
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        window.select_article(aid)


def test_a_switch_writes_nothing_on_the_gui_thread_and_the_claim_is_still_recorded(
        qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    a, b, _c = articles.ids
    switch(qtbot, window, a)
    getattr(window, "settle_claims", lambda: None)()  # (so this test runs on the code before, and fails there)
    gui_writes: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread() is threading.main_thread() and statement.lstrip().upper().startswith(WRITES):
            gui_writes.append(statement.split()[0])

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        switch(qtbot, window, b)
        assert gui_writes == []  # the claim's UPDATE is not on the GUI thread
        # ... and it arrives without anybody waiting for it: b held, a released, b opened for review.
        qtbot.waitUntil(lambda: holder(store, b) == "测试员", timeout=5000)
        qtbot.waitUntil(lambda: window.current.status == "in_review", timeout=5000)
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert holder(store, a) is None
    assert get_article(store, b).status == "in_review"
    # The copy on screen caught up with the claim: its status and the version edits are checked against.
    assert window.current.status == "in_review"
    assert window.current.version == get_article(store, b).version == window.editor.version(b)
    assert "审核中" in window.panel.status_label.text()


def test_a_teammates_claim_is_still_reported(qtbot: Any, window: Any, store: Any, bob: Any,
                                             articles: Any) -> None:
    a, b, _c = articles.ids
    switch(qtbot, window, a)
    claims.claim(bob, b, "bob")
    switch(qtbot, window, b)
    qtbot.waitUntil(lambda: window.claim_label.isVisible() and "bob" in window.claim_label.text(), timeout=5000)
    assert holder(store, b) == "bob"  # never taken silently
    qtbot.waitUntil(lambda: holder(store, a) is None, timeout=5000)  # moving on released the one before


def test_an_edit_made_before_the_claim_arrives_waits_for_it(qtbot: Any, window: Any, store: Any,
                                                            articles: Any, monkeypatch: Any) -> None:
    """A claim moves the article's version; an edit typed before its outcome arrived must not be
    refused as if a teammate had changed the article."""
    a, b, _c = articles.ids
    switch(qtbot, window, a)
    window.settle_claims()
    slow = main_window_module.claim_article

    def slow_claim(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.4)
        return slow(*args, **kwargs)

    monkeypatch.setattr(main_window_module, "claim_article", slow_claim)
    asked: list[str] = []
    window.editor.ask_retry = lambda msg: asked.append(msg) or False
    switch(qtbot, window, b)
    assert window.claim_queue.pending() == 1  # still being written
    shown = window.current
    assert window.editor.set_note(b, shown.note, "先写的备注")
    assert asked == []
    after = get_article(store, b)
    assert after.note == "先写的备注" and after.status == "in_review" and holder(store, b) == "测试员"


def test_moving_on_before_the_claim_arrives_keeps_the_articles_undoable(qtbot: Any, window: Any, store: Any,
                                                                        articles: Any, monkeypatch: Any) -> None:
    """An article left before its claim's outcome arrived: the versions the claim and the next
    claim's release gave it are still known, so undoing an edit there is not taken for a
    teammate's change."""
    a, b, c = articles.ids
    switch(qtbot, window, a)
    window.settle_claims()
    assert window.editor.set_note(a, window.current.note, "a 的备注")
    switch(qtbot, window, b)
    window.settle_claims()
    slow = main_window_module.claim_article

    def slow_claim(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)
        return slow(*args, **kwargs)

    monkeypatch.setattr(main_window_module, "claim_article", slow_claim)
    switch(qtbot, window, a)  # back, and away again before its claim arrived
    assert window.claim_queue.pending() == 1
    switch(qtbot, window, c)
    window.settle_claims()
    assert window.editor.version(a) == get_article(store, a).version
    asked: list[str] = []
    window.editor.ask_retry = lambda msg: asked.append(msg) or False
    window.editor.stack.undo()
    assert asked == [] and get_article(store, a).note == ""


def test_no_claim_after_the_window_closed(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    a, b, _c = articles.ids
    switch(qtbot, window, a)
    window.close()
    assert holder(store, a) is None  # closing released it
    window.show_article(b)  # e.g. a list update selecting a row after the close: no error, no claim
    assert holder(store, b) is None
