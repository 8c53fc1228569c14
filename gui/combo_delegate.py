"""A table cell edited with a drop-down of the choices its row allows (conflict and adjudication
dialogs); the cell's EditRole holds the chosen item's data."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Index = QModelIndex | QPersistentModelIndex


class ComboDelegate(QStyledItemDelegate):
    def __init__(self, options: Callable[[Index], Sequence[tuple[str, Any]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._options = options  # (label, data) pairs offered for the cell at an index

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        for label, data in self._options(index):
            box.addItem(label, data)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
