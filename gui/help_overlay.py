"""The key and command overlay (F1 or ``?``): every action of the table, searchable, runnable.

Typing filters by key, name, menu or description; Enter (or a double click) runs the chosen
command if it can run now, which also makes every command reachable without the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.actions import ACTIONS, MENU_TITLES, ActionSpec


def _menu_name(spec: ActionSpec) -> str:
    return MENU_TITLES.get(spec.menu, "").split("(")[0]


class HelpOverlay(QDialog):
    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("快捷键与命令")
        self.commands = actions
        self.resize(720, 520)
        lay = QVBoxLayout(self)
        hint = QLabel("输入文字筛选；↑↓ 选择，Enter 执行，Esc 关闭")
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.search = QLineEdit()
        self.search.setObjectName("help_search")
        self.search.setPlaceholderText("按名称、按键或说明查找…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.run_current)
        self.search.installEventFilter(self)
        lay.addWidget(self.search)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("help_table")
        self.table.setHorizontalHeaderLabels(["按键", "命令", "菜单", "说明"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        for c in range(3):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.run_current())
        lay.addWidget(self.table, 1)
        self.specs: list[ActionSpec] = list(ACTIONS)
        self.table.setRowCount(len(self.specs))
        for row, spec in enumerate(self.specs):
            cells = (" / ".join(spec.keys) or "—", spec.label, _menu_name(spec), spec.tip or spec.label)
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def refresh(self) -> None:
        """Grey out what cannot run now; start from an empty search."""
        for row, spec in enumerate(self.specs):
            enabled = self.commands[spec.id].isEnabled()
            for col in range(4):
                item = self.table.item(row, col)
                if item is None:
                    continue
                flags = Qt.ItemFlag.ItemIsSelectable | (Qt.ItemFlag.ItemIsEnabled if enabled
                                                        else Qt.ItemFlag.NoItemFlags)
                item.setFlags(flags)
        self.search.clear()
        self._filter("")
        self.search.setFocus()

    def visible_ids(self) -> list[str]:
        return [s.id for r, s in enumerate(self.specs) if not self.table.isRowHidden(r)]

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        first = best = -1
        for row, spec in enumerate(self.specs):
            hay = " ".join((*spec.keys, spec.label, _menu_name(spec), spec.tip, spec.doc, spec.id)).lower()
            hidden = bool(needle) and needle not in hay
            self.table.setRowHidden(row, hidden)
            if not hidden and first < 0:
                first = row
            # A command named by the search (or with that key) is chosen over one that mentions it.
            named = spec.label.lower().startswith(needle) or any(k.lower() == needle for k in spec.keys)
            if needle and not hidden and best < 0 and named:
                best = row
        chosen = best if best >= 0 else first
        if chosen >= 0:
            self.table.selectRow(chosen)

    def run_current(self) -> None:
        row = self.table.currentRow()
        if row < 0 or self.table.isRowHidden(row):
            return
        act = self.commands[self.specs[row].id]
        if not act.isEnabled():
            return
        self.accept()
        act.trigger()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # ↑ and ↓ in the search box move through the list, so the hands stay on the keys.
        if obj is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            rows = [r for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]
            if rows:
                cur = self.table.currentRow()
                i = rows.index(cur) if cur in rows else -1
                i = min(len(rows) - 1, i + 1) if event.key() == Qt.Key.Key_Down else max(0, i - 1)
                self.table.selectRow(rows[i])
            return True
        return super().eventFilter(obj, event)
