"""The list's filter bar: status, tag, flag and a text search over title and body.

Emits ``changed`` with a ``storage.search.ArticleFilter`` (without the sort, which the list
header owns); typing in the search box is debounced so a long store is not scanned per key.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from gui.texts import flag_label
from storage.search import ArticleFilter
from storage.statuses import STATUS_TABLE, UNREVIEWED

__all__ = ["UNREVIEWED", "FilterBar"]


class FilterBar(QWidget):
    changed = Signal(object)  # ArticleFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)

        self.status = QComboBox()
        self.status.setObjectName("filter_status")
        # Item data are comma-joined strings: tuples do not survive the trip through QVariant.
        self.status.addItem("全部状态", "")
        self.status.addItem("未审核", ",".join(UNREVIEWED))
        for st in STATUS_TABLE:
            self.status.addItem(st.label, st.value)
        self.tag = QComboBox()
        self.tag.setObjectName("filter_tag")
        self.tag.addItem("全部标签", None)
        self.flag = QComboBox()
        self.flag.setObjectName("filter_flag")
        self.flag.addItem("全部标记", None)
        self.search = QLineEdit()
        self.search.setObjectName("filter_text")
        self.search.setPlaceholderText("搜索标题和正文…")
        self.search.setClearButtonEnabled(True)

        lay.addWidget(self.status)
        lay.addWidget(self.tag)
        lay.addWidget(self.flag)
        lay.addWidget(self.search, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._emit)
        for combo in (self.status, self.tag, self.flag):
            combo.activated.connect(lambda _i: self._emit())

    def set_choices(self, tags: list[str], flags: list[str]) -> None:
        """Offer the tags and flags in use, keeping the current choice."""
        for combo, values in ((self.tag, tags), (self.flag, flags)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for v in values:
                combo.addItem(flag_label(v) if combo is self.flag else v, v)
            i = combo.findData(current)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)

    def current(self) -> ArticleFilter:
        return ArticleFilter(
            statuses=tuple(s for s in str(self.status.currentData() or "").split(",") if s),
            tag=self.tag.currentData(),
            flag=self.flag.currentData(),
            text=self.search.text().strip(),
        )

    def set_statuses(self, statuses: tuple[str, ...]) -> None:
        i = self.status.findData(",".join(statuses))
        self.status.setCurrentIndex(max(i, 0))
        self._emit()

    def _emit(self) -> None:
        self._debounce.stop()
        self.changed.emit(self.current())
