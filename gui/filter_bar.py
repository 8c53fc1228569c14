"""The list's filter bar: status, tag, flag, near-duplicates and a text search over title and body.

Emits ``changed`` with a ``storage.search.ArticleFilter`` (without the sort, which the list
header owns); typing in the search box is debounced so a long store is not scanned per key.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from gui.texts import flag_label
from storage.search import ArticleFilter
from storage.statuses import STATUS_TABLE, UNREVIEWED

__all__ = ["UNREVIEWED", "FilterBar"]


class FilterBar(QWidget):
    changed = Signal(object)  # ArticleFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Two rows: the search gets the list's whole width, the three choices share the second.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.setSpacing(4)
        lay = QHBoxLayout()
        lay.setSpacing(4)

        self.status = QComboBox()
        self.status.setObjectName("filter_status")
        # Item data are comma-joined strings: tuples do not survive the trip through QVariant.
        # "All" reads as the dimension's name: short enough for three choices in a narrow list.
        self.status.setToolTip("按审核状态筛选")
        self.status.addItem("状态", "")
        self.status.addItem("未审核", ",".join(UNREVIEWED))
        for st in STATUS_TABLE:
            self.status.addItem(st.label, st.value)
        self.tag = QComboBox()
        self.tag.setObjectName("filter_tag")
        self.tag.setToolTip("按标签筛选")
        self.tag.addItem("标签", None)
        self.flag = QComboBox()
        self.flag.setObjectName("filter_flag")
        self.flag.setToolTip("按清理标记筛选")
        self.flag.addItem("标记", None)
        self.duplicates = QComboBox()
        self.duplicates.setObjectName("filter_duplicates")
        self.duplicates.addItem("重复", "")
        self.duplicates.addItem("代表稿", "canonical")
        self.duplicates.addItem("仅重复组", "grouped")
        self.duplicates.setToolTip("近似重复稿：全部显示 / 每组只显示代表稿 / 只显示有近似重复的文章")
        self.search = QLineEdit()
        self.search.setObjectName("filter_text")
        self.search.setPlaceholderText("搜索…")
        self.search.setToolTip("搜索标题和正文（Ctrl+F）；F3 / Shift+F3 在文中逐处选中")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(110)  # stays usable however narrow the list pane is

        # What needs checking: articles with values nothing in the text backs, lowest confidence first.
        self.check = QComboBox()
        self.check.setObjectName("filter_check")
        self.check.setToolTip("只看有无依据值的文章，或按最低置信度排序")
        for label, data in (("核对", ""), ("含无依据的值", "unsupported"), ("低置信度优先", "lowest"),
                            ("无依据、低置信度优先", "unsupported,lowest")):
            self.check.addItem(label, data)
        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.search, 1)
        top.addWidget(self.check)
        top.addWidget(self.duplicates)
        outer.addLayout(top)
        self.check.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.check.currentIndexChanged.connect(lambda _i: self._fit(self.check))
        self.check.activated.connect(lambda _i: self._emit())
        self._fit(self.check)
        self.duplicates.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.duplicates.currentIndexChanged.connect(lambda _i: self._fit(self.duplicates))
        self._fit(self.duplicates)
        for combo in (self.status, self.tag, self.flag):
            # Never narrower than the chosen item's text; the list shows the long items in full.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._fit(c))
            lay.addWidget(combo, 1)
        outer.addLayout(lay)
        for combo in (self.status, self.tag, self.flag):
            self._fit(combo)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._emit)
        for combo in (self.status, self.tag, self.flag, self.duplicates):
            combo.activated.connect(lambda _i: self._emit())

    @staticmethod
    def _fit(combo: QComboBox) -> None:
        # Counted in average Latin character widths: a Chinese character takes about two.
        text = combo.currentText()
        combo.setMinimumContentsLength(max(4, sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            for combo in (self.status, self.tag, self.flag, self.check, self.duplicates):
                self._fit(combo)

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
        check = str(self.check.currentData() or "").split(",")
        return ArticleFilter(
            statuses=tuple(s for s in str(self.status.currentData() or "").split(",") if s),
            tag=self.tag.currentData(),
            flag=self.flag.currentData(),
            text=self.search.text().strip(),
            duplicates=str(self.duplicates.currentData() or ""),
            unsupported="unsupported" in check,
            # The list header's sort applies unless "lowest confidence first" is chosen here.
            sort="min_confidence" if "lowest" in check else "id",
        )

    def state(self) -> dict[str, object]:
        """The choices as plain data (for saved filters)."""
        return {"statuses": self.status.currentData() or "", "tag": self.tag.currentData(),
                "flag": self.flag.currentData(), "text": self.search.text(), "check": self.check.currentData() or "",
                "duplicates": self.duplicates.currentData() or ""}

    def set_state(self, state: dict[str, object]) -> None:
        """Show saved choices and apply them (a tag or flag no longer in use is added to its list)."""
        for combo, key in ((self.status, "statuses"), (self.check, "check"), (self.duplicates, "duplicates"),
                           (self.tag, "tag"), (self.flag, "flag")):
            value = state.get(key) or ("" if combo in (self.status, self.check, self.duplicates) else None)
            i = combo.findData(value)
            if i < 0 and value:
                combo.addItem(flag_label(str(value)) if combo is self.flag else str(value), value)
                i = combo.count() - 1
            combo.setCurrentIndex(max(i, 0))
        self.search.blockSignals(True)
        self.search.setText(str(state.get("text") or ""))
        self.search.blockSignals(False)
        self._emit()

    def set_statuses(self, statuses: tuple[str, ...]) -> None:
        i = self.status.findData(",".join(statuses))
        self.status.setCurrentIndex(max(i, 0))
        self._emit()

    def _emit(self) -> None:
        self._debounce.stop()
        self.changed.emit(self.current())
