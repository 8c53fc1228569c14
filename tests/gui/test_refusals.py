"""Every refused write reaches the reviewer as one message and the article is reloaded — also
when the write is an undo or a redo run by ``QUndoStack`` (where an exception escaped before)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox
from sqlalchemy.exc import OperationalError

from storage import editing
from storage.editing import set_note
from storage.queries import get_article
from tests.gui.conftest import show


def _edit_title(window: Any, text: str) -> None:
    edit = window.panel.editors["title"]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.setText(text)
    edit.editingFinished.emit()


def test_a_stale_undo_asks_once_and_reloads(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    _edit_title(window, "改过的标题")
    set_note(store, aid, "另一个窗口写的", who="other")  # the version moves on behind the window's back
    asked: list[str] = []
    window.editor.choose = None  # the fallback without a conflict dialog
    window.editor.ask_retry = lambda msg: asked.append(msg) is None and False
    window.act_undo.trigger()
    assert len(asked) == 1 and "changed elsewhere" in asked[0]
    assert get_article(store, aid).fields["title"]["values"][0]["value"] == "改过的标题"  # not overwritten
    assert window.current.note == "另一个窗口写的"  # reloaded
    assert window.editor.stack.count() == 0  # the refused undo does not stay on the stack
    assert window.error_box is None


@pytest.mark.parametrize("step", ["undo", "redo"])
def test_a_store_fault_in_undo_or_redo_is_one_message_and_a_reload(
        qtbot: Any, window: Any, store: Any, articles: Any, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    _edit_title(window, "改过的标题")
    if step == "redo":
        window.act_undo.trigger()
    set_note(store, aid, "另一个窗口写的", who="other")

    def broken(*_a: Any, **_k: Any) -> int:
        raise OperationalError("UPDATE articles ...", {}, Exception("disk I/O error"))

    monkeypatch.setattr(editing, "set_field_state", broken)
    (window.act_undo if step == "undo" else window.act_redo).trigger()  # pytest-qt fails on an escape
    box = window.error_box
    assert isinstance(box, QMessageBox)
    assert box.text() == "这处修改未能保存，已重新载入这篇文章。\n数据库读写出错（详情见“详细信息”）。"
    assert "disk I/O error" in box.detailedText()
    assert window.current.note == "另一个窗口写的"  # reloaded
    box.close()
