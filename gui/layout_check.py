"""Finding clipped text: a visible label or button narrower (or lower) than its text needs.

Used by the layout tests (window sizes 1024×700 to 1920×1080, font sizes 9 to 20) and by
``curator --screenshot``, which prints what it finds. A widget that shortens its text on purpose
(with "…", full text in its tooltip) says so with the ``elides`` property and is not counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QStyle, QStyleOptionComboBox, QWidget


@dataclass(frozen=True, slots=True)
class Clipped:
    widget: str  # class and object name
    text: str
    need: tuple[int, int]  # size hint (or minimum size hint) width, height
    have: tuple[int, int]

    def __str__(self) -> str:
        return f"{self.widget} {self.text!r}: needs {self.need[0]}×{self.need[1]}, has {self.have[0]}×{self.have[1]}"


def _text(w: QWidget) -> str:
    if isinstance(w, QLabel | QAbstractButton):
        return w.text()
    if isinstance(w, QComboBox):
        return w.currentText()
    if isinstance(w, QLineEdit):
        return w.placeholderText() if not w.text() else ""
    return ""


def clipped(root: QWidget) -> list[Clipped]:
    """Visible text widgets under ``root`` whose geometry is smaller than their text needs."""
    found: list[Clipped] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) or not w.isVisible() or w.property("elides"):
            continue
        text = _text(w)
        if not text.strip():
            continue
        if isinstance(w, QLabel) and w.wordWrap():
            need = w.minimumSizeHint()
            need_w, need_h = 0, w.heightForWidth(w.width()) if w.hasHeightForWidth() else need.height()
        elif isinstance(w, QComboBox):
            opt = QStyleOptionComboBox()
            w.initStyleOption(opt)
            fm = w.fontMetrics()
            contents = QSize(fm.horizontalAdvance(text), fm.height())
            hint = w.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt, contents, w)
            need_w, need_h = hint.width(), hint.height()
        elif isinstance(w, QLineEdit):
            need_w, need_h = w.minimumSizeHint().width(), w.minimumSizeHint().height()
            need_w = max(need_w, w.fontMetrics().horizontalAdvance(text) + 2 * 4)  # the placeholder
        else:
            hint = w.sizeHint()
            need_w, need_h = hint.width(), hint.height()
        have = (w.width(), w.height())
        # A pixel or two of rounding is not clipping; height matters less than a missing glyph.
        if have[0] + 2 < need_w or have[1] + 3 < need_h:
            name = f"{type(w).__name__}#{w.objectName()}" if w.objectName() else type(w).__name__
            found.append(Clipped(name, text, (need_w, need_h), have))
    return found
