"""Undo inside a text editor belongs to the editor, and an empty value is never saved by accident.

Reported: Ctrl+Z while typing in the title undid the typing down to an empty field (the reviewer
had cleared it to retype), and leaving the field then saved an empty title as a human edit
("人工（空）"). An empty scalar now needs the explicit clear button; emptying the text is undone.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QLineEdit, QPlainTextEdit, QToolButton

from storage.editing import set_field_state
from storage.queries import field_history, get_article
from tests.gui.conftest import show

CTRL = Qt.KeyboardModifier.ControlModifier


def _focus(qtbot: Any, widget: Any) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _leave(qtbot: Any, window: Any) -> None:
    _focus(qtbot, window.filter_bar.search)


def test_ctrl_z_after_saving_a_typed_title_never_saves_it_empty(qtbot: Any, window: Any, store: Any,
                                                                articles: Any) -> None:
    # The reported sequence: an article without a title; the reviewer types one and presses
    # Enter (stored), then Ctrl+Z in the field, meaning "undo that". The field's own undo went
    # back past the save to the empty field, and leaving it stored an empty title as an edit.
    aid = articles.by_name["c_zuotan.txt"]
    set_field_state(store, aid, "title", {"edited": False, "values": []})
    history = len(field_history(store, aid, "title"))
    show(qtbot, window, aid)
    edit = window.panel.editors["title"]
    assert isinstance(edit, QLineEdit) and edit.text() == ""
    _focus(qtbot, edit)
    qtbot.keyClicks(edit, "abc")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert get_article(store, aid).fields["title"]["values"][0]["value"] == "abc"
    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)
    _leave(qtbot, window)
    stored = get_article(store, aid).fields["title"]
    assert stored["values"] and stored["values"][0]["value"] == "abc"
    assert len(field_history(store, aid, "title")) == history + 1  # "abc", and nothing after it
    assert window.panel.markers["title"].text() == "人工"


def test_emptying_a_field_by_typing_is_not_saved(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    before = get_article(store, aid).fields["title"]
    edit = window.panel.editors["title"]
    _focus(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    _leave(qtbot, window)
    assert get_article(store, aid).fields["title"] == before
    assert edit.text() == before["values"][0]["value"]  # the stored title is shown again
    assert "清空" in window.statusBar().currentMessage()  # and the reviewer is told how to clear it


def test_the_clear_button_empties_a_field_on_purpose(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    clear = window.panel.findChild(QToolButton, "clear_title")
    assert clear is not None
    clear.click()
    stored = get_article(store, aid).fields["title"]
    assert stored == {"edited": True, "values": []}
    assert window.panel.markers["title"].text() == "清空"  # the marker of a field a reviewer emptied
    window.act_undo.trigger()  # and it is an ordinary, undoable edit
    assert get_article(store, aid).fields["title"]["values"][0]["value"] == "景德镇推介会在深圳举办"


@pytest.mark.parametrize("which", ["title", "tags", "note", "published_at"])
def test_ctrl_z_in_an_editor_does_not_undo_the_last_stored_edit(qtbot: Any, window: Any, store: Any,
                                                                articles: Any, which: str) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    window.set_status("accepted", advance=False)
    assert window.editor.stack.count() == 1
    widget = {"tags": window.panel.tags_edit, "note": window.panel.note_edit}.get(which) \
        or window.panel.editors[which]
    assert isinstance(widget, QLineEdit | QPlainTextEdit | QDateEdit)
    _focus(qtbot, widget)
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert get_article(store, aid).status == "accepted"
    assert window.editor.stack.count() == 1 and window.editor.stack.index() == 1
    _leave(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key.Key_Z, CTRL)  # outside the editors, Ctrl+Z is the app's undo
    assert get_article(store, aid).status == "in_review"  # shown = claimed


def test_a_list_value_is_not_emptied_by_editing_its_cell(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    model = window.panel.models["places"]
    assert model.setData(model.index(0, 0), "  ") is False  # removing a value is the － button's job
    assert [v["value"] for v in get_article(store, aid).fields["places"]["values"]] == ["深圳"]
