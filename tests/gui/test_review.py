"""Driving the review workspace: edits stored at once, undo/redo, evidence both ways, review keys."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from storage.editing import set_note
from storage.queries import field_history, get_article
from tests.gui.conftest import show


def _title_edit(window: Any) -> QLineEdit:
    edit = window.panel.editors["title"]
    assert isinstance(edit, QLineEdit)
    return edit


def test_edit_a_field_and_see_it_stored(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    edit = _title_edit(window)
    edit.setFocus()
    edit.selectAll()
    edit.insert("景德镇高新区深圳推介会")  # QTest can only type ASCII; the Return below is a real key
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    stored = get_article(store, aid).fields["title"]
    assert stored["edited"] is True
    assert stored["values"][0]["value"] == "景德镇高新区深圳推介会"
    assert stored["values"][0]["origin"] == "human"
    last = field_history(store, aid, "title")[-1]
    assert last.who == "测试员"
    assert window.panel.markers["title"].text() == "人工"
    # The list row shows the new title too.
    row = window.model.row_of(aid)
    assert window.model.index(row, 1).data() == "景德镇高新区深圳推介会"


def test_undo_and_redo_field_and_status(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    before = get_article(store, aid).fields["title"]
    edit = _title_edit(window)
    edit.setFocus()
    edit.setText("改过的标题")
    edit.editingFinished.emit()
    assert get_article(store, aid).fields["title"]["values"][0]["value"] == "改过的标题"
    window.set_status("accepted", advance=False)
    assert get_article(store, aid).status == "accepted"
    assert window.editor.stack.count() == 2

    window.act_undo.trigger()
    assert get_article(store, aid).status == "in_review"
    window.act_undo.trigger()
    assert get_article(store, aid).fields["title"] == before  # automatic again, not just the same text
    assert edit.text() == before["values"][0]["value"]

    window.act_redo.trigger()
    window.act_redo.trigger()
    view = get_article(store, aid)
    assert view.fields["title"]["values"][0]["value"] == "改过的标题"
    assert view.status == "accepted"
    # Every undo and redo is a write with its own history row.
    assert [h.field for h in field_history(store, aid)][-4:] == ["status", "title", "title", "status"]


def test_undo_brings_the_other_article_back(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    a, b = articles.by_name["a_tuijie.txt"], articles.by_name["b_kaocha.html"]
    show(qtbot, window, a)
    window.set_status("rejected", advance=False)
    show(qtbot, window, b)
    with qtbot.waitSignal(window.article_shown):
        window.act_undo.trigger()
    assert window.current.id == a
    assert get_article(store, a).status == "in_review"


def test_add_person_from_a_text_selection(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    text = get_article(store, aid).cleaned_text
    start = text.index("中关村智酷")
    window.doc.single.select_span(start, start + 5)
    window.add_actions["organizations"].trigger()
    # A name already listed is refused with a message, not added a second time.
    start = text.index("曾志峰")
    window.doc.single.select_span(start, start + 3)
    window.doc.single.setFocus()
    qtbot.keyClick(window.doc.single, Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    assert get_article(store, aid).fields["people"]["edited"] is False
    assert "已有" in window.statusBar().currentMessage()
    assert window.panel.tables["people"].currentIndex().row() == 1  # the listed one is shown instead
    start = text.index("智酷与") + 3  # "曾志峰" after it: a new value is "曾志"
    window.doc.single.select_span(start, start + 2)
    # The shortcut is on the window: press it with the text view focused.
    window.doc.single.setFocus()
    qtbot.keyClick(window.doc.single, Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    view = get_article(store, aid)
    orgs = view.fields["organizations"]["values"]
    assert orgs[-1]["value"] == "中关村智酷"
    assert orgs[-1]["evidence"] == [[text.index("中关村智酷"), text.index("中关村智酷") + 5]]
    people = view.fields["people"]
    assert people["edited"] is True
    assert people["values"][-1]["value"] == {"name": text[start:start + 2], "title": ""}
    assert people["values"][-1]["origin"] == "human"
    assert window.panel.models["people"].rowCount() == 3


def test_add_from_original_mode_maps_to_cleaned_offsets(qtbot: Any, window: Any, store: Any,
                                                        articles: Any) -> None:
    aid = articles.by_name["b_kaocha.html"]
    show(qtbot, window, aid)
    window.doc.set_mode("original")
    view = get_article(store, aid)
    raw_start = view.raw_text.index("内江参观")
    window.doc.single.select_span(raw_start, raw_start + 2)
    window.add_actions["places"].trigger()
    rec = get_article(store, aid).fields["places"]["values"][-1]
    s, e = rec["evidence"][0]
    assert view.cleaned_text[s:e] == "内江" == rec["value"]


def test_evidence_both_ways(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    text = get_article(store, aid).cleaned_text
    table = window.panel.tables["people"]
    # Value → text: selecting 曾志峰 highlights its evidence in the text.
    table.selectRow(1)
    start = text.index("曾志峰")
    assert window.doc.single.evidence == [(start, start + 3)]
    # In Original mode the same value points into the raw text through the offset map.
    window.doc.set_mode("original")
    raw = get_article(store, aid).raw_text
    (rs, re_), = window.doc.single.evidence
    assert raw[rs:re_] == "曾志峰"
    # Text → value: clicking the highlighted 罗文军 selects its row.
    window.doc.set_mode("clean")
    pane = window.doc.single
    pos = text.index("罗文军") + 1
    point = pane.cursor_rect_of(pos).center()
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert table.currentIndex().row() == 0
    assert pane.evidence == [(pos - 1, pos + 2)]


def test_low_confidence_values_stand_out(qtbot: Any, window: Any, articles: Any) -> None:
    show(qtbot, window, articles.by_name["a_tuijie.txt"])
    model = window.panel.models["people"]
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # 0.3
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None  # 0.9
    assert window.panel.markers["people"].text() == "0.30"


def test_accept_and_move_next_from_the_keyboard(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    first = window.model.article_id(0)
    show(qtbot, window, first)
    window.table.setFocus()
    with qtbot.waitSignal(window.article_shown):
        qtbot.keyClick(window.table, Qt.Key.Key_A)
    assert get_article(store, first).status == "accepted"
    assert window.current.id == window.model.article_id(1)
    with qtbot.waitSignal(window.article_shown):
        qtbot.keyClick(window.table, Qt.Key.Key_W)
    assert get_article(store, window.model.article_id(1)).status == "needs_work"
    with qtbot.waitSignal(window.article_shown):
        qtbot.keyClick(window.table, Qt.Key.Key_K)
    assert window.current.id == window.model.article_id(1)
    # "Next unreviewed" skips the two reviewed ones and lands on the third.
    show(qtbot, window, first)
    with qtbot.waitSignal(window.article_shown):
        qtbot.keyClick(window.table, Qt.Key.Key_U)
    assert window.current.id == window.model.article_id(2)
    # The menus show the keys.
    assert window.commands["status_accepted"].shortcut().toString() == "A"


def test_letters_typed_in_an_editor_are_not_review_keys(qtbot: Any, window: Any, store: Any,
                                                        articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    edit = _title_edit(window)
    edit.setFocus()
    qtbot.keyClicks(edit, "ARW")
    assert get_article(store, aid).status == "in_review"
    assert window.current.id == aid


def test_tags_and_note(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["c_zuotan.txt"]
    show(qtbot, window, aid)
    window.panel.tags_edit.setFocus()
    window.panel.tags_edit.setText("座谈会， 北京")
    window.panel.tags_edit.editingFinished.emit()
    assert get_article(store, aid).tags == ["北京", "座谈会"]
    assert window.filter_bar.tag.findData("北京") >= 0
    window.panel.note_edit.setFocus()
    window.panel.note_edit.insertPlainText("日期待核")  # typed text, saved after a pause
    qtbot.waitUntil(lambda: get_article(store, aid).note == "日期待核", timeout=3000)


def test_stale_edit_asks_to_reload_and_retry(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    set_note(store, aid, "另一个窗口写的", who="other")  # the version moves on behind the window's back
    asked: list[str] = []
    window.editor.choose = None  # the fallback without a conflict dialog (test_conflicts.py has the dialog)
    window.editor.ask_retry = lambda msg: asked.append(msg) is None and len(asked) == 1
    window.set_status("accepted", advance=False)
    assert asked, "a stale write must ask, not overwrite"
    view = get_article(store, aid)
    assert view.status == "accepted" and view.note == "另一个窗口写的"
    # Declining leaves the store as the other writer left it.
    set_note(store, aid, "又改了", who="other")
    window.editor.ask_retry = lambda _msg: False
    window.set_status("rejected", advance=False)
    assert get_article(store, aid).status == "accepted"
    assert window.current.note == "又改了"  # reloaded


def test_history_dialog_reverts(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["c_zuotan.txt"]
    show(qtbot, window, aid)
    edit = _title_edit(window)
    for title in ("第一版", "第二版"):
        edit.setFocus()
        edit.setText(title)
        edit.editingFinished.emit()
    window.show_history("title")
    dlg = window.history_dialog
    qtbot.waitExposed(dlg)
    assert dlg.model.rowCount() >= 2
    qtmodel = dlg.model
    first_version_row = next(r for r in range(qtmodel.rowCount()) if qtmodel.index(r, 4).data() == "第一版")
    dlg.table.selectRow(first_version_row)
    dlg.revert_button.click()
    assert get_article(store, aid).fields["title"]["values"][0]["value"] == "第一版"
    assert dlg.model.index(0, 4).data() == "第一版"  # the revert is itself in the history
    window.act_undo.trigger()
    assert get_article(store, aid).fields["title"]["values"][0]["value"] == "第二版"
    dlg.close()


def test_list_table_edits_are_stored(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["b_kaocha.html"]
    show(qtbot, window, aid)
    model = window.panel.models["people"]
    assert model.setData(model.index(0, 1), "内江市市长")
    rec = get_article(store, aid).fields["people"]["values"][0]
    assert rec["value"] == {"name": "张伟", "title": "内江市市长"}
    assert rec["origin"] == "human" and rec["evidence"]
    window.panel.tables["people"].selectRow(0)
    model.request_remove([0])
    assert get_article(store, aid).fields["people"] == {"edited": True, "values": []}


def test_next_unreviewed_wraps_around_through_the_store(qtbot: Any, window: Any, store: Any, articles: Any,
                                                         monkeypatch: Any) -> None:
    import gui.main_window as mw

    monkeypatch.setattr(mw, "NEAR_ROWS", 0)  # skip the cached look-ahead: ask the store
    first, second, last = (window.model.article_id(r) for r in range(3))
    show(qtbot, window, first)
    window.set_status("rejected", advance=False)
    show(qtbot, window, last)
    with qtbot.waitSignal(window.article_shown):
        window.commands["next_unreviewed"].trigger()
    assert window.current.id == second


def test_context_menu_offers_add_as_with_shortcuts(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    from PySide6.QtWidgets import QMenu

    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    text = get_article(store, aid).cleaned_text
    i = text.index("深圳")
    pane = window.doc.single
    pane.select_span(i, i + 2)
    menu = QMenu()
    window.doc._extend_menu(menu, pane, i)
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None)
    labels = {a.text(): a.shortcut().toString() for a in sub.actions()}
    assert labels["添加为人物"] == "Shift+P" and "添加为地点" in labels
    next(a for a in sub.actions() if a.text() == "添加为产业").trigger()
    assert get_article(store, aid).fields["industries"]["values"][-1]["value"] == "深圳"


def test_text_typed_then_next_belongs_to_the_article_it_was_typed_in(qtbot: Any, window: Any, store: Any,
                                                                     articles: Any) -> None:
    first, second = window.model.article_id(0), window.model.article_id(1)
    show(qtbot, window, first)
    edit = _title_edit(window)
    edit.setFocus()
    edit.selectAll()
    edit.insert("还没按回车")  # no Return, no focus change: then straight to the next article
    window.panel.tags_edit.setText("x")  # not typed: not modified, not written
    with qtbot.waitSignal(window.article_shown):
        window.commands["next"].trigger()
    assert get_article(store, first).fields["title"]["values"][0]["value"] == "还没按回车"
    assert get_article(store, first).tags == []
    second_title = get_article(store, second).fields.get("title", {}).get("values", [])
    assert edit.text() == (second_title[0]["value"] if second_title else "")


def test_open_cell_editor_is_committed_before_switching(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["b_kaocha.html"]
    show(qtbot, window, aid)
    table = window.panel.tables["people"]
    index = table.model().index(0, 1)
    table.setFocus()
    table.setCurrentIndex(index)
    table.edit(index)
    qtbot.waitUntil(lambda: isinstance(table.focusWidget(), QLineEdit))
    cell = table.focusWidget()
    cell.selectAll()
    cell.insert("副市长")
    with qtbot.waitSignal(window.article_shown):
        window.commands["next"].trigger()
    assert get_article(store, aid).fields["people"]["values"][0]["value"]["title"] == "副市长"


def test_undo_by_key_leaves_one_row_selected(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    """Ctrl+Z brought the undone article back while Ctrl was held: the list toggled its row into
    the selection (two rows highlighted) and the next key acted on one of them only."""
    a = articles.ids[0]
    show(qtbot, window, a)
    window.table.setFocus()
    with qtbot.waitSignal(window.article_shown):
        qtbot.keyClick(window.table, Qt.Key.Key_R)  # reject, move on
    with qtbot.waitSignal(window.article_shown):
        qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.current.id == a
    rows = {i.row() for i in window.table.selectionModel().selectedRows()}
    assert rows == {window.model.row_of(a)}
    qtbot.keyClick(window.table, Qt.Key.Key_A)
    assert get_article(store, a).status == "accepted"
    assert {i.row() for i in window.table.selectionModel().selectedRows()} == {window.model.row_of(a) + 1}
