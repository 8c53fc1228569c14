"""Issue 14's review tools: flagged-value navigation, Esc, progress, bulk actions, Chinese, log."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from gui.texts import flag_label, reason_zh
from storage.editing import set_field_state
from storage.queries import get_article
from tests.gui.conftest import show


def test_f8_visits_low_confidence_and_evidence_less_values(qtbot: Any, window: Any, store: Any,
                                                           articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    view = get_article(store, aid)
    places = view.fields["places"]
    # A place found only in the page's related links: listed, but nothing in the text backs it.
    places["values"].append({"value": "北京", "evidence": [], "rule": "division-lexicon", "confidence": 0.9,
                             "origin": "auto"})
    set_field_state(store, aid, "places", places)
    show(qtbot, window, aid)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F8)
    assert window.panel.position() == ("places", 1)
    assert "没有依据" in window.statusBar().currentMessage()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    assert window.panel.position() == ("people", 1)  # 曾志峰, confidence 0.3
    assert "置信度低" in window.statusBar().currentMessage()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.panel.position() == ("places", 1)
    # The value's row is tinted and its tooltip says why.
    model = window.panel.models["places"]
    assert "没有依据" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_esc_cancels_typing_then_leaves_the_field(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    edit = window.panel.editors["title"]
    assert isinstance(edit, QLineEdit) and edit.hasFocus()
    stored = edit.text()
    qtbot.keyClicks(edit, "xyz")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == stored and edit.hasFocus()  # typing dropped, still in the field
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert window.table.hasFocus()  # nothing left to cancel: back to the list
    assert get_article(store, aid).fields["title"]["edited"] is False


def test_progress_counts_reviewed_in_filter_and_today_per_reviewer(qtbot: Any, window: Any, articles: Any) -> None:
    show(qtbot, window, articles.ids[0])
    window.table.setFocus()
    with qtbot.waitSignal(window.article_shown):
        qtbot.keyClick(window.table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: "已审核 1 / 3" in window.progress_label.text(), timeout=5000)
    assert "我 1" in window.progress_label.text()
    window.filter_bar.set_statuses(("new", "in_review"))
    qtbot.waitUntil(lambda: "已审核 0 / 2" in window.progress_label.text(), timeout=5000)


def test_bulk_status_and_tags_are_one_undo_step_each(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    ids = articles.ids
    window.table.selectAll()
    assert window.selected_ids() == ids
    assert window.commands["bulk_status"].isEnabled()
    before = window.editor.stack.count()
    assert window.bulk_set_status(ids, "needs_work") == 3
    assert window.bulk_tag(ids, "大湾区", "add") == 3
    assert window.editor.stack.count() == before + 2
    assert all(get_article(store, i).status == "needs_work" and get_article(store, i).tags == ["大湾区"]
               for i in ids)
    window.act_undo.trigger()
    assert all(get_article(store, i).tags == [] for i in ids)
    window.act_undo.trigger()
    assert all(get_article(store, i).status == "new" for i in ids)
    window.act_redo.trigger()
    assert all(get_article(store, i).status == "needs_work" for i in ids)
    assert window.bulk_tag(ids, "大湾区", "remove") == 0  # no article has it: no empty undo step
    assert window.editor.stack.index() == before + 1 and window.editor.stack.count() == before + 2


def test_empty_store_shows_the_start_page(qtbot: Any, store: Any, settings: Any, seeds_dir: Path,
                                          monkeypatch: Any) -> None:
    from gui.main_window import MainWindow

    monkeypatch.setenv("CURATOR_SEEDS", str(seeds_dir))
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    assert w.right_stack.currentWidget() is w.start_page
    assert w.start_page.samples_button.isVisible()
    with qtbot.waitSignal(w.list_updated, timeout=60000):
        w.start_page.samples_button.click()
        w.wait_for_jobs(60000)
    qtbot.waitUntil(lambda: w.model.rowCount() == 5, timeout=10000)
    assert w.right_stack.currentWidget() is w.right_split
    w.wait_for_jobs()


def test_flags_and_failure_reasons_are_chinese(window: Any) -> None:
    window.filter_bar.set_choices([], ["pinyin_damaged", "spin_suspects"])
    shown = [window.filter_bar.flag.itemText(i) for i in range(window.filter_bar.flag.count())]
    assert not any("_" in s for s in shown)
    assert flag_label("spin_suspects") == "疑似洗稿"
    assert reason_zh("unsupported file type '.pdf'") == "不支持的文件类型 .pdf（可导入 .txt .md .html）"
    assert reason_zh("undecodable as gb18030 at byte 12") == "按 gb18030 解码失败（第 12 字节）"
    assert reason_zh("binary file (PNG image), not text") == "二进制文件（PNG image），不是文本"


def test_file_dialogs_speak_chinese(qtbot: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    from gui.app import install_qt_translation

    app = QApplication.instance()
    assert install_qt_translation(app)
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："


def test_uncaught_exception_is_logged_and_shown_once(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from gui import logs

    monkeypatch.setenv("CURATOR_LOG_DIR", str(tmp_path))
    path = logs.setup_logging()
    assert path == tmp_path / "curator.log"
    monkeypatch.setattr(logs, "_dialog", None)
    for n in range(2):
        try:
            raise ValueError(f"boom {n}")
        except ValueError as exc:
            logs.handle_exception(type(exc), exc, exc.__traceback__)
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert "boom 0" in text and "boom 1" in text
    box = logs._dialog
    assert box is not None and box.isVisible()
    assert "boom 0" in box.detailedText() and "boom 1" in box.detailedText()  # one dialog, both errors
    box.close()
    dlg = logs.show_log_dialog(None)
    assert "boom 1" in dlg.text.toPlainText()
    dlg.close()
    for h in list(logging.getLogger().handlers):
        if getattr(h, "baseFilename", "") == str(path):
            logging.getLogger().removeHandler(h)
            h.close()


def test_history_shows_the_change_and_follows_the_article(qtbot: Any, window: Any, store: Any,
                                                          articles: Any) -> None:
    from gui.history_dialog import change_text

    a, b = articles.ids[0], articles.ids[1]
    show(qtbot, window, a)
    people = get_article(store, a).fields["people"]
    window.editor.set_field(a, "people", people, {"edited": True, "values": people["values"][:1]})
    window.panel.focus_field("people")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dlg = window.history_dialog
    assert dlg is not None and dlg.isVisible() and dlg.kind.currentData() == "people"
    assert dlg.model.index(0, 3).data() == "删除 曾志峰"  # what changed, not two joined lists
    assert "罗文军" in dlg.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    show(qtbot, window, b)
    assert dlg.article_id == b and dlg.windowTitle().startswith(f"#{b}")
    assert dlg.model.rowCount() >= 1 and all(e.article_id == b for e in dlg.model.rows)
    assert change_text("title", [{"value": "旧"}], [{"value": "新"}]) == "旧 → 新"
    dlg.close()


def test_filter_unsupported_and_sort_by_lowest_confidence(qtbot: Any, window: Any, store: Any,
                                                          articles: Any) -> None:
    a, b = articles.by_name["a_tuijie.txt"], articles.by_name["b_kaocha.html"]
    places = get_article(store, b).fields["places"]
    places["values"] = [{"value": "北京", "evidence": [], "rule": "x", "confidence": 0.95, "origin": "auto"}]
    set_field_state(store, b, "places", places)
    bar = window.filter_bar
    with qtbot.waitSignal(window.list_updated, timeout=5000):
        bar.check.setCurrentIndex(bar.check.findData("unsupported"))
        bar.check.activated.emit(bar.check.currentIndex())
    assert window.model.ids() == [b]
    with qtbot.waitSignal(window.list_updated, timeout=5000):
        bar.check.setCurrentIndex(bar.check.findData("lowest"))
        bar.check.activated.emit(bar.check.currentIndex())
    assert window.model.ids()[0] == a  # 曾志峰 at 0.3 is the lowest confidence of all


def test_guidelines_pane_edits_and_versions(qtbot: Any, window: Any, store: Any) -> None:
    from storage.guidelines import current_guidelines

    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F4)
    pane = window.guidelines
    assert pane.isVisible() and "还没有审核规范" in pane.viewer.toPlainText()
    pane.edit_button.click()
    pane.editor.setPlainText("# 规则\n\n- 地点只收行政区")
    assert pane.save()
    v1 = current_guidelines(store)
    assert v1 is not None and v1.who == "测试员" and "地点只收行政区" in pane.viewer.toPlainText()
    pane.edit_button.click()
    pane.editor.setPlainText("# 规则\n\n- 人物要有职务")
    assert pane.save()
    assert pane.version_box.count() == 2
    pane.version_box.activated.emit(1)  # the older version, read-only
    assert "地点只收行政区" in pane.viewer.toPlainText()
    qtbot.keyClick(window.table, Qt.Key.Key_F4)
    assert not pane.isVisible()


def test_saved_filters_come_back(qtbot: Any, window: Any, articles: Any) -> None:
    bar = window.filter_bar
    bar.status.setCurrentIndex(bar.status.findData("accepted"))
    bar.search.setText("推介会")
    with qtbot.waitSignal(window.list_updated, timeout=5000):
        bar.search.returnPressed.emit()
    window.save_filter("已通过的推介会")
    with qtbot.waitSignal(window.list_updated, timeout=5000):
        bar.set_state({})
    assert bar.search.text() == "" and window.model.rowCount() == 3
    with qtbot.waitSignal(window.list_updated, timeout=5000):
        assert window.apply_saved_filter("已通过的推介会")
    assert bar.search.text() == "推介会" and bar.status.currentData() == "accepted"
    assert window.model.rowCount() == 0  # none accepted yet
    assert "已通过的推介会" in window.saved_filters()


def test_panel_starts_at_the_top_of_each_article(qtbot: Any, window: Any, articles: Any) -> None:
    window.resize(1024, 700)
    show(qtbot, window, articles.ids[0])
    bar = window.panel.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    show(qtbot, window, articles.ids[1])
    assert bar.value() == 0  # status and title on screen again


def test_no_english_placeholders_before_an_article(window: Any) -> None:
    from PySide6.QtWidgets import QDateEdit

    dates = [e for e in window.panel.editors.values() if isinstance(e, QDateEdit)]
    assert dates and all(d.text() == "未填" for d in dates)  # not Qt's default 2000-01-01
    assert window.windowTitle().startswith("文章整理")


def test_search_hits_are_highlighted_and_stepped_through(qtbot: Any, window: Any, store: Any,
                                                         articles: Any) -> None:
    from gui.document_view import find_hits

    assert find_hits("推介会在推介会", "推介会") == [(0, 3), (4, 7)]
    assert find_hits("深圳举办推介会", "深圳 推介") == [(0, 2), (4, 6)]
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    window.filter_bar.search.setText("深圳")
    with qtbot.waitSignal(window.list_updated, timeout=5000):
        window.filter_bar.search.returnPressed.emit()
    pane = window.doc.single
    text = get_article(store, aid).cleaned_text
    assert [text[s:e] for s, e in pane.hits] == ["深圳"] * text.count("深圳")
    qtbot.keyClick(window.filter_bar.search, Qt.Key.Key_F3)
    first = window.doc.selection()
    assert first is not None and first[2] == "深圳" and pane.hasFocus()
    qtbot.keyClick(pane, Qt.Key.Key_F3)
    second = window.doc.selection()
    assert second is not None and second[0] > first[0]
    qtbot.keyClick(pane, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.doc.selection()[0] == first[0]


def test_question_mark_opens_the_help(qtbot: Any, window: Any) -> None:
    window.table.setFocus()
    qtbot.keyClick(window.table, "?")
    assert window.help_overlay is not None and window.help_overlay.isVisible()
    window.help_overlay.close()
