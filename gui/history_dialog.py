"""Per-field history: who changed what and when, with "revert to this value"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.field_model import display_value
from gui.plain import plain_tip
from gui.rows_model import RowsTableModel
from gui.undo import STATUS_LABELS
from pipeline.fields import FIELDS, FIELDS_BY_NAME
from storage.records import HistoryEntry

Index = QModelIndex | QPersistentModelIndex
OTHER_KINDS = {"status": "状态", "tags": "标签", "note": "备注"}


def kind_label(kind: str) -> str:
    spec = FIELDS_BY_NAME.get(kind)
    return spec.label if spec is not None else OTHER_KINDS.get(kind, kind)


def describe(kind: str, value: Any) -> str:
    """A stored history value as one readable line."""
    if value is None:
        return ""
    if kind == "status":
        return STATUS_LABELS.get(str(value), str(value))
    if kind == "tags":
        return ", ".join(str(t) for t in value)
    spec = FIELDS_BY_NAME.get(kind)
    if spec is not None and isinstance(value, list):
        shown = [display_value(spec, v.get("value") if isinstance(v, dict) else v) for v in value]
        return "；".join(s for s in shown if s) or "（空）"
    return str(value)


def _shown_values(kind: str, value: Any) -> list[str]:
    spec = FIELDS_BY_NAME.get(kind)
    if spec is not None and isinstance(value, list):
        return [display_value(spec, v.get("value") if isinstance(v, dict) else v) for v in value]
    if kind == "tags" and isinstance(value, list):
        return [str(t) for t in value]
    return [describe(kind, value)] if value not in (None, "") else []


def change_text(kind: str, old: Any, new: Any) -> str:
    """What one history row changed, in a line: "新增 X；删除 Y" for lists, "A → B" otherwise."""
    before, after = _shown_values(kind, old), _shown_values(kind, new)
    spec = FIELDS_BY_NAME.get(kind)
    if (spec is not None and spec.multiple) or kind == "tags":
        added = [v for v in after if v not in before]
        removed = [v for v in before if v not in after]
        if len(added) == 1 and len(removed) == 1:
            return f"{removed[0]} → {added[0]}"
        bits = ([f"新增 {'、'.join(added)}"] if added else []) + ([f"删除 {'、'.join(removed)}"] if removed else [])
        if bits:
            return "；".join(bits)
        return "顺序或来源改变" if before == after and old != new else "（无变化）"
    return f"{'；'.join(before) or '（空）'} → {'；'.join(after) or '（空）'}"


def full_text(kind: str, value: Any) -> str:
    """Every value, one a line (for the tooltip: nothing cut off)."""
    return "\n".join(_shown_values(kind, value)) or "（空）"


class HistoryModel(RowsTableModel):
    HEADERS = ("时间", "审核人", "字段", "改动", "改后的值")

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.rows = list(reversed(entries))  # newest first
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            e = self.rows[index.row()]
            text = (f"改前：\n{full_text(e.field, e.old_value)}\n\n改后：\n{full_text(e.field, e.new_value)}"
                    if index.column() >= 3 else self.data(index, Qt.ItemDataRole.DisplayRole))
            return plain_tip(str(text)) if text else None  # values may look like HTML
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        e = self.rows[index.row()]
        col = index.column()
        if col == 0:
            return e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if col == 1:
            return e.who
        if col == 2:
            return kind_label(e.field)
        if col == 3:
            return change_text(e.field, e.old_value, e.new_value)
        return describe(e.field, e.new_value)


class HistoryDialog(QDialog):
    revert_requested = Signal(object)  # HistoryEntry: set its field back to the entry's new value

    def __init__(self, article_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"#{article_id} 的修改历史")
        self.resize(820, 420)
        self.article_id = article_id
        self._all: list[HistoryEntry] = []
        self.kind = QComboBox()
        self.kind.addItem("全部字段", None)
        for spec in FIELDS:
            self.kind.addItem(spec.label, spec.name)
        for k, label in OTHER_KINDS.items():
            self.kind.addItem(label, k)
        self.kind.currentIndexChanged.connect(lambda _i: self._filter())
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        for c in range(3):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.revert_button = QPushButton("恢复为此值")
        self.revert_button.setToolTip("把该字段改回选中这一行修改后的值（可撤销）")
        self.revert_button.setEnabled(False)
        self.revert_button.clicked.connect(self._revert)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_a: self.revert_button.setEnabled(self.table.selectionModel().hasSelection()))
        top = QHBoxLayout()
        top.addWidget(QLabel("字段"))
        top.addWidget(self.kind)
        top.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.revert_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)

    def set_entries(self, entries: list[HistoryEntry], kind: str | None = None) -> None:
        self._all = entries
        i = self.kind.findData(kind)
        if i >= 0 and i != self.kind.currentIndex():
            self.kind.setCurrentIndex(i)  # refilters
        else:
            self._filter()

    def _filter(self) -> None:
        kind = self.kind.currentData()
        self.model.set_entries([e for e in self._all if kind is None or e.field == kind])

    def selected_entry(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _revert(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.revert_requested.emit(entry)
