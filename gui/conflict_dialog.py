"""The conflict dialog: a teammate changed the article while I was editing it.

One row per field both of us changed: the original value, theirs, mine, and my choice (keep
theirs / apply mine / merge, the last only for list fields). The model holds the choices; the
dialog only draws it, and the caller writes the outcome with ``storage.conflicts.resolve``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.combo_delegate import ComboDelegate
from gui.history_dialog import describe, kind_label
from gui.rows_model import RowsTableModel
from storage.conflicts import Choice, Conflict, FieldConflict

Index = QModelIndex | QPersistentModelIndex
CHOICE_LABELS: dict[str, str] = {"theirs": "保留对方的", "mine": "用我的", "merge": "合并两者"}
CHOICE_COLUMN = 4


def choices_for(c: FieldConflict) -> list[Choice]:
    return ["theirs", "mine", "merge"] if c.mergeable else ["theirs", "mine"]


class ConflictModel(RowsTableModel):
    HEADERS: ClassVar[tuple[str, ...]] = ("字段", "原值", "对方的值", "我的值", "处理")

    def __init__(self, conflict: Conflict, parent: Any = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.rows = list(conflict.fields)
        # Merging loses nothing of either side where it can; elsewhere the teammate's value stands
        # until the reviewer says otherwise.
        self.choices: dict[str, Choice] = {c.field: ("merge" if c.mergeable else "theirs") for c in self.rows}

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == CHOICE_COLUMN else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        c: FieldConflict = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.EditRole and col == CHOICE_COLUMN:
            return self.choices[c.field]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == 0:
            return kind_label(c.field)
        if col == CHOICE_COLUMN:
            choice = self.choices[c.field]
            label = CHOICE_LABELS[choice]
            if choice == "merge":
                label += f"：{describe(c.field, c.result('merge'))}"
            return label
        return describe(c.field, (c.original, c.theirs, c.mine)[col - 1])

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != CHOICE_COLUMN or not index.isValid():
            return False
        c: FieldConflict = self.rows[index.row()]
        if value not in choices_for(c):
            return False
        self.choices[c.field] = value
        self.dataChanged.emit(index, index)
        return True

    def set_all(self, choice: Choice) -> None:
        for row, c in enumerate(self.rows):
            if choice in choices_for(c):
                self.setData(self.index(row, CHOICE_COLUMN), choice)


class ConflictDialog(QDialog):
    def __init__(self, conflict: Conflict, title: str, holder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("编辑冲突")
        self.model = ConflictModel(conflict, self)
        who = f"{holder} " if holder else "其他审核人"
        intro = QLabel(f"在你编辑期间，{who}修改了文章 #{conflict.article_id}（{title}）。"
                       "请逐项选择保留对方的值、使用你的值，或合并列表。", self)
        intro.setTextFormat(Qt.TextFormat.PlainText)  # titles are data: never rich text
        intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        model = self.model
        self.table.setItemDelegateForColumn(CHOICE_COLUMN, ComboDelegate(
            lambda index: [(CHOICE_LABELS[c], c) for c in choices_for(model.rows[index.row()])], self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        buttons = QDialogButtonBox(self)
        for choice in ("theirs", "mine"):
            b = buttons.addButton(f"全部{CHOICE_LABELS[choice]}", QDialogButtonBox.ButtonRole.ActionRole)
            b.clicked.connect(lambda _=False, c=choice: self.model.set_all(c))
        buttons.addButton("应用", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 320)

    def choices(self) -> dict[str, Choice]:
        return dict(self.model.choices)
