"""The drop-down cell editor the conflict and adjudication dialogs share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from gui.combo_delegate import ComboDelegate


def test_the_editor_offers_the_row_s_choices_and_writes_the_chosen_data(qtbot: QtBot) -> None:
    model = QStandardItemModel(2, 1)
    for row, value in enumerate(["theirs", "mine"]):
        item = QStandardItem()
        item.setData(value, Qt.ItemDataRole.EditRole)
        model.setItem(row, 0, item)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    offered = {0: [("保留对方的值", "theirs"), ("使用我的值", "mine")], 1: [("使用我的值", "mine"), ("合并", "merge")]}
    delegate = ComboDelegate(lambda index: offered[index.row()], table)

    index = model.index(1, 0)
    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == ["使用我的值", "合并"]
    delegate.setEditorData(editor, index)
    assert editor.currentData() == "mine"
    editor.setCurrentIndex(1)
    delegate.setModelData(editor, model, index)
    assert model.data(index, Qt.ItemDataRole.EditRole) == "merge"
