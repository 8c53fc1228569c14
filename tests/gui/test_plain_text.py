"""Article data is shown as plain text everywhere: a file name, title, value, rule or message that
looks like HTML shows literally (reported: the name above the text rendered `<font color=red
size=7>…` as big red text)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolTip

from storage.editing import set_field_state, set_note
from storage.importer import import_paths
from tests.gui.conftest import show

HOSTILE = "<font color=red size=7>大字</font>"
NAME = "<font color=red size=7>大字.txt"  # a file name cannot hold "/"


def _labels_showing(root: Any, needle: str) -> list[QLabel]:
    return [lab for lab in root.findChildren(QLabel) if needle in lab.text()]


def _literal_tip(tip: str, needle: str) -> bool:
    """A tooltip shows ``needle`` literally: plain text Qt will not take for HTML, or escaped HTML."""
    escaped = needle.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (needle not in tip and escaped in tip) or (needle in tip and not Qt.mightBeRichText(tip))


def test_a_file_name_with_html_shows_literally(qtbot: Any, window: Any, store: Any, tmp_path: Path) -> None:
    f = tmp_path / NAME
    f.write_text("推介会\n\n2023年3月2日，内江市在成都举办新材料产业推介会。\n", encoding="utf-8")
    (aid, _name), = import_paths(store, [f], workers=1).imported
    set_field_state(store, aid, "title", {"edited": False, "values": [
        {"value": HOSTILE, "evidence": [[0, 3]], "rule": "<b>规则</b>", "confidence": 0.9, "origin": "auto"}]})
    set_field_state(store, aid, "published_at", {"edited": False, "values": [
        {"value": "<i>不是日期</i>", "evidence": [], "rule": "", "confidence": 0.9, "origin": "auto"}]})
    set_field_state(store, aid, "places", {"edited": False, "values": [
        {"value": HOSTILE, "evidence": [[0, 3]], "rule": "<u>r</u>", "confidence": 0.9, "origin": "auto"}]})
    set_note(store, aid, HOSTILE)
    window.apply_filter()
    qtbot.waitUntil(lambda: window.model.row_of(aid) >= 0, timeout=5000)
    show(qtbot, window, aid)

    labels = _labels_showing(window, "<font")
    assert labels, "the file name is shown above the text"
    assert all(lab.textFormat() == Qt.TextFormat.PlainText for lab in labels), [lab.objectName() for lab in labels]
    assert _literal_tip(window.doc.info.toolTip(), "<font")

    row = window.model.row_of(aid)
    hostile_cells = 0
    for col in range(window.model.columnCount()):
        if "<font" in str(window.model.index(row, col).data()):
            hostile_cells += 1
            assert _literal_tip(str(window.model.index(row, col).data(Qt.ItemDataRole.ToolTipRole)), "<font"), col
    assert hostile_cells >= 2  # the title and the places
    title_tip = window.panel.editors["title"].toolTip()
    assert _literal_tip(title_tip, "<b>") and "&lt;b&gt;规则" in title_tip
    date_tip = window.panel.editors["published_at"].toolTip()
    assert _literal_tip(date_tip, "<i>")
    places = window.panel.models["places"]
    assert _literal_tip(str(places.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)), "<u>")
    # Hovering the title's evidence in the text shows the value in a tooltip.
    pane = window.doc.single
    mark = next(m for m in pane.marks if "<font" in m.tooltip)
    point = pane.cursor_rect_of(mark.start).center() + QPoint(3, 0)
    QApplication.sendEvent(pane.viewport(), QHelpEvent(QEvent.Type.ToolTip, point,
                                                       pane.viewport().mapToGlobal(point)))
    assert QToolTip.isVisible() and _literal_tip(QToolTip.text(), "<font"), QToolTip.text()
    QToolTip.hideText()


def test_messages_are_plain_text(qtbot: Any, window: Any) -> None:
    window.show_errors("部分文件未能导入", f"{NAME}: unsupported", [f"{NAME}: unsupported"])
    box = window.error_box
    assert isinstance(box, QMessageBox)
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()
    window.warn(HOSTILE)
    assert all(lab.textFormat() == Qt.TextFormat.PlainText for lab in _labels_showing(window, "<font"))
