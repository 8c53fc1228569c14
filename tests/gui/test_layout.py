"""No clipped text at 1024×700 and 1920×1080 with font size 16 (and at the ends of 9-20), live.

Each visible label, button, combo box and placeholder is compared with its size hint
(``gui.layout_check.clipped``); the window must also fit the screen it is checked on.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from gui.layout_check import clipped
from gui.main_window import MainWindow
from tests.gui.conftest import show


def _open(qtbot: Any, store: Any, settings: Any, size: tuple[int, int], font: int) -> MainWindow:
    settings.set("font_size", font)
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


@pytest.mark.parametrize(("size", "font"), [((1024, 700), 16), ((1920, 1080), 16), ((1024, 700), 9),
                                            ((1024, 700), 20), ((1920, 1080), 20), ((1280, 800), 0)])
def test_no_clipped_text(qtbot: Any, store: Any, settings: Any, articles: Any, size: tuple[int, int],
                         font: int) -> None:
    w = _open(qtbot, store, settings, size, font)
    show(qtbot, w, articles.ids[0])
    _settle()
    assert w.width() <= size[0] and w.height() <= size[1], "the window does not fit the screen"
    assert clipped(w) == []
    w.wait_for_jobs()


def test_font_size_changes_live_and_back(qtbot: Any, store: Any, settings: Any, articles: Any) -> None:
    w = _open(qtbot, store, settings, (1024, 700), 0)
    show(qtbot, w, articles.ids[0])
    default = w.panel.font().pointSize()
    for _ in range(20):  # Ctrl+= up to the largest size, applied at once
        w.commands["font_bigger"].trigger()
    assert w.panel.font().pointSize() == 20 and settings.get("font_size") == 20
    assert w.doc.single.font().pointSize() == 20
    w.commands["font_default"].trigger()  # and back, without a restart
    _settle()
    assert w.panel.font().pointSize() == default and w.doc.single.font().pointSize() == default
    w.commands["font_bigger"].trigger()
    w.commands["font_bigger"].trigger()
    _settle()
    assert clipped(w) == []
    # The confidence column still shows "0.90", not "0…" (it is re-measured with the font).
    table = w.panel.tables["places"]
    conf_col = table.model().columnCount() - 1
    assert table.columnWidth(conf_col) >= table.fontMetrics().horizontalAdvance("0.90") + 8
    w.wait_for_jobs()
