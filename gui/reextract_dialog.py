"""What a re-extraction would change, shown before anything is written.

Fields a person edited are kept; the dialog still shows what the machine now finds for them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableView, QVBoxLayout, QWidget

from gui.history_dialog import describe, kind_label
from gui.plain import plain_label, plain_tip
from gui.rows_model import RowsTableModel
from storage.records import ReextractReport

Index = QModelIndex | QPersistentModelIndex


class ReextractModel(RowsTableModel):
    HEADERS = ("文章", "字段", "现在", "重新抽取", "处理")

    def __init__(self, report: ReextractReport, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[int, Any, bool]] = []
        for aid in sorted(set(report.changed) | set(report.kept)):
            self.rows += [(aid, d, False) for d in report.changed.get(aid, [])]
            self.rows += [(aid, d, True) for d in report.kept.get(aid, [])]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        aid, d, kept = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor("#eeeeee" if kept else "#e8f5e9"))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.data(index, Qt.ItemDataRole.DisplayRole)
            return plain_tip(str(text)) if text else None  # values may look like HTML
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            return f"#{aid}"
        if col == 1:
            return kind_label(d.field)
        if col in (2, 3):
            values = d.old if col == 2 else d.new
            return describe(d.field, [{"value": v} for v in values])
        return "保留人工修改" if kept else "将更新"


class ReextractDialog(QDialog):
    def __init__(self, report: ReextractReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("重新抽取：将要发生的变化")
        self.resize(860, 420)
        self.model = ReextractModel(report, self)
        changed = sum(len(v) for v in report.changed.values())
        kept = sum(len(v) for v in report.kept.values())
        text = (f"检查了 {report.articles} 篇文章：{changed} 个字段将更新，"
                f"{kept} 个人工修改过的字段保留不变（下表列出机器现在的结果供参考）。")
        if not self.model.rows:
            text = f"检查了 {report.articles} 篇文章：重新抽取不会改变任何字段。"
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        hh = table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("应用")
        ok.setEnabled(changed > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        label = plain_label(text)
        label.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addWidget(table, 1)
        lay.addWidget(buttons)
