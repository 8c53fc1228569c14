"""Article data on screen is plain text, always.

Qt guesses: a QLabel, a QMessageBox or a tooltip whose text merely *looks* like HTML
(``Qt.mightBeRichText``) is rendered as HTML, so a file name such as ``<font color=red size=7>…``
showed as big red text. File names, titles, values, rules, notes and error messages come from
articles and from the user's disk: every widget that shows them is set to plain text here, and
tooltips (which have no plain-text setting) get the text escaped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` exactly (line breaks kept), however much it looks like HTML."""
    if not text:
        return ""
    return QtGui.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def plain_label(text: str = "") -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_message_box(icon: QMessageBox.Icon, title: str, text: str,
                      buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
                      parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box
