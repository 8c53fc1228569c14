"""The document view on its own: offsets into Qt, the three modes, change marks and their hover text."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from gui.document_view import DocumentView, TextPane, Utf16
from pipeline.document import Change, CleanResult, Repair
from pipeline.offsets import Edit, apply_edits
from storage.records import ArticleView

RAW = "𠀀<b>罗文军</b>到访\r\n𠮷内江，签约１０亿元。"


def _article() -> tuple[ArticleView, CleanResult]:
    start_b, end_b = RAW.index("<b>"), RAW.index("</b>")
    fw = RAW.index("１０")
    edits = [Edit(start_b, start_b + 3, "", "tags"), Edit(end_b, end_b + 4, "", "tags"),
             Edit(fw, fw + 2, "10", "width", "全角数字")]
    text, offsets = apply_edits(RAW, edits)
    changes = [Change("tags", start_b, start_b + 3, start_b, start_b, "<b>", ""),
               Change("width", fw, fw + 2, text.index("10"), text.index("10") + 2, "１０", "10", undoable=True)]
    clean = CleanResult(text, offsets, "hans", repairs=[Repair("width", 1, description="全角数字改为半角")],
                        changes=changes)
    s = text.index("罗文军")
    p = text.index("内江")
    fields = {
        "people": {"edited": False, "values": [{"value": {"name": "罗文军", "title": ""}, "evidence": [[s, s + 3]],
                                                "rule": "", "confidence": 0.9, "origin": "auto"}]},
        "places": {"edited": False, "values": [{"value": "内江", "evidence": [[p, p + 2]], "rule": "",
                                                "confidence": 0.9, "origin": "auto"}]},
    }
    view = ArticleView(1, "0" * 64, "a.html", "/a.html", "html", "utf-8", 10, datetime.now(UTC), "hans", "new",
                       [], "", 1, RAW, text, {}, fields)
    return view, clean


def test_utf16_offsets_round_trip() -> None:
    text = "a𠀀b𠮷c"
    u = Utf16(text)
    assert [u.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [u.from_qt(u.to_qt(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert Utf16("纯中文").to_qt(2) == 2


def test_pane_selects_by_code_points_despite_astral_chars_and_crlf(qtbot: Any) -> None:
    pane = TextPane()
    qtbot.addWidget(pane)
    pane.set_text(RAW)
    i = RAW.index("内江")
    pane.select_span(i, i + 2)
    assert pane.textCursor().selectedText() == "内江"
    assert pane.selected_span() == (i, i + 2)


@pytest.fixture
def doc(qtbot: Any) -> DocumentView:
    d = DocumentView()
    qtbot.addWidget(d)
    d.resize(800, 500)
    d.show()
    view, clean = _article()
    d.set_article(view, clean)
    return d


def test_modes_show_their_texts_and_highlights(doc: DocumentView) -> None:
    view, clean = doc.article, doc.clean
    assert doc.single.text == clean.text
    assert {(m.field, clean.text[m.start:m.end]) for m in doc.single.marks} == {("people", "罗文军"),
                                                                              ("places", "内江")}
    doc.set_mode("original")
    assert doc.single.text == view.raw_text
    assert {view.raw_text[m.start:m.end] for m in doc.single.marks} == {"罗文军", "内江"}
    doc.show_evidence("places", 0)
    (s, e), = doc.single.evidence
    assert view.raw_text[s:e] == "内江"
    doc.set_mode("changes")
    assert doc.stack.currentIndex() == 1
    assert doc.raw_pane.text == view.raw_text and doc.clean_pane.text == clean.text
    assert [view.raw_text[s:e] for s, e in doc.raw_pane.evidence] == ["内江"]


def test_changes_are_marked_and_explained_on_hover(qtbot: Any, doc: DocumentView) -> None:
    doc.set_mode("changes")
    clean = doc.clean
    raw_marks = {doc.article.raw_text[m.start:m.end] for m in doc.raw_pane.marks}
    assert raw_marks == {"<b>", "１０"}
    width = next(m for m in doc.clean_pane.marks if m.change == 1)
    assert clean.text[width.start:width.end] == "10" and width.undoable
    assert "全角数字改为半角" in width.tooltip and "「１０」→「10」" in width.tooltip
    pane = doc.clean_pane
    point = pane.cursor_rect_of(width.start).center() + QPoint(2, 0)
    event = QHelpEvent(QEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point))
    QApplication.sendEvent(pane.viewport(), event)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "全角数字" in QToolTip.text(), timeout=3000)
    QToolTip.hideText()


def test_selection_in_original_mode_becomes_cleaned_span(doc: DocumentView) -> None:
    doc.set_mode("original")
    raw = doc.article.raw_text
    i = raw.index("罗文军")
    doc.single.select_span(i, i + 3)
    s, e, text = doc.selection()
    assert text == "罗文军" and doc.clean.text[s:e] == "罗文军"
