"""The window around the review: filter bar, sorting, settings, warnings, the benchmark hooks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QSpinBox

from gui.main_window import MainWindow
from storage.editing import set_field_values, set_tags


def test_first_rows_are_signalled(qtbot: Any, store: Any, settings: Any, articles: Any) -> None:
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.first_rows_shown, timeout=5000):
        w.show()
    assert w.model.rowCount() == 3


def test_filter_by_text_tag_and_status(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    set_tags(store, articles.by_name["b_kaocha.html"], ["考察"])
    window._refresh_choices()
    with qtbot.waitSignal(window.list_updated, timeout=5000):
        window.filter_bar.search.setText("座谈会")
    assert window.model.ids() == [articles.by_name["c_zuotan.txt"]]
    window.filter_bar.search.clear()
    bar = window.filter_bar
    bar.tag.setCurrentIndex(bar.tag.findData("考察"))
    with qtbot.waitSignal(window.list_updated, timeout=5000):
        bar.tag.activated.emit(bar.tag.currentIndex())
    assert window.model.ids() == [articles.by_name["b_kaocha.html"]]


def test_header_click_sorts_off_the_gui_thread(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    for name, title in {"a_tuijie.txt": "张家界", "b_kaocha.html": "阿坝", "c_zuotan.txt": "北京"}.items():
        set_field_values(store, articles.by_name[name], "title", [{"value": title}])
    with qtbot.waitSignal(window.list_updated, timeout=5000):
        window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [window.model.index(r, 1).data() for r in range(3)] == ["阿坝", "北京", "张家界"]


def test_settings_dialog_sets_reviewer_and_font(qtbot: Any, window: Any, settings: Any) -> None:
    dlg = window.open_settings()
    qtbot.waitExposed(dlg)
    reviewer = dlg.editors["reviewer"]
    assert isinstance(reviewer, QLineEdit) and reviewer.text() == "测试员"
    reviewer.setText("王审核")
    size = dlg.editors["font_size"]
    assert isinstance(size, QSpinBox)
    size.setValue(17)
    dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert settings.reviewer == "王审核"
    assert window.doc.single.font().pointSize() == 17


def test_missing_cjk_font_warning_stays_in_the_status_bar(window: Any) -> None:
    window.warn("未安装中文字体")
    window.statusBar().showMessage("别的消息")
    label = window.statusBar().findChild(object, "warning_label")
    assert label is not None and "中文字体" in label.text() and label.isVisible()


def test_big_store_shows_first_rows_then_the_whole_list(qtbot: Any, store: Any, settings: Any, articles: Any,
                                                        monkeypatch: Any) -> None:
    import gui.main_window as mw

    monkeypatch.setattr(mw, "FIRST_ROWS", 2)
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    assert w.model.rowCount() == 2  # at once, without reading every id
    with qtbot.waitSignal(w.list_updated, timeout=5000):
        w.show()
    assert w.model.rowCount() == 3


def test_opening_does_not_sort_or_query_again(qtbot: Any, store: Any, settings: Any, articles: Any) -> None:
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    assert w.jobs == []  # a small store is listed in id order, once
    assert w.model.ids() == sorted(articles.ids)


def test_large_store_lists_flags_off_the_gui_thread(qtbot: Any, store: Any, settings: Any, articles: Any,
                                                     monkeypatch: Any) -> None:
    from sqlalchemy import text

    import gui.main_window as main_window
    from storage.listing import all_flags

    with store.engine.begin() as conn:
        conn.execute(text("UPDATE articles SET flags = 'spun spam_removed' WHERE id = :i"), {"i": articles.ids[0]})
    monkeypatch.setattr(main_window, "FIRST_ROWS", 2)  # three articles count as a large store
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    assert any(job.title == "标记" for job in w.jobs)  # all_flags did not run in the constructor
    w.wait_for_jobs()
    qtbot.waitUntil(lambda: not w.jobs, timeout=5000)
    bar = w.filter_bar.flag
    assert [bar.itemData(i) for i in range(1, bar.count())] == all_flags(store) == ["spam_removed", "spun"]
    assert w.model.ids() == sorted(articles.ids)
