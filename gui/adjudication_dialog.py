"""The adjudication view: decide the double-reviewed articles on which the two reviewers differ.

The list holds every such article (read on a worker thread: each verdict is compared). For the
chosen article a table shows, per field where they differ, reviewer A's, B's and the machine's
values and the adjudicator's choice (take A, take B, or merge the two lists); the final status is
chosen below. Applying writes the decision with ``storage.double_review.adjudicate``: one
transaction with its history rows and one ``adjudication`` row, against the version it was read at.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.combo_delegate import ComboDelegate
from gui.history_dialog import describe, kind_label
from gui.rows_model import Index, RowsTableModel
from gui.texts import store_error_zh
from gui.workers import Job
from pipeline.agreement import key
from pipeline.fields import FIELDS, FIELDS_BY_NAME
from storage.double_review import Disagreement, adjudicate, pending_pairs, settle_agreed
from storage.editing import EditError, StaleEditError
from storage.statuses import STATUS_TABLE
from storage.statuses import label as status_label
from storage.store import Store, StoreError

Pick = Literal["a", "b", "merge"]
PICK_LABELS: dict[str, str] = {"a": "用审核人A的", "b": "用审核人B的", "merge": "合并两者"}
PICK_COLUMN = 4


def merged(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A's values, then B's that A lacks (compared as the agreement report compares them)."""
    seen = {key(v.get("value")) for v in a}
    return [*a, *(v for v in b if key(v.get("value")) not in seen)]


class Decision:
    """The adjudicator's choices for one article, and what they add up to."""

    def __init__(self, d: Disagreement) -> None:
        self.d = d
        self.picks: dict[str, Pick] = {f: "a" for f in d.fields}
        self.status = d.a.status

    def values(self, who: Literal["a", "b"], field: str) -> list[dict[str, Any]]:
        verdict = self.d.a if who == "a" else self.d.b
        return list(verdict.fields.get(field, self.d.machine.get(field, [])))

    def can_merge(self, field: str) -> bool:
        return FIELDS_BY_NAME[field].multiple

    def result(self, field: str) -> list[dict[str, Any]]:
        pick = self.picks.get(field, "a")  # where they agree, A's values are B's values
        if pick == "merge":
            return merged(self.values("a", field), self.values("b", field))
        return self.values(pick, field)

    def fields(self) -> dict[str, list[dict[str, Any]]]:
        """Every field's final values: the chosen ones where the reviewers differ, their common
        values elsewhere (which may differ from the machine's: both corrected it)."""
        return {spec.name: self.result(spec.name) for spec in FIELDS}


class DisagreementListModel(RowsTableModel):
    HEADERS: ClassVar[tuple[str, ...]] = ("文章", "标题", "分歧字段", "状态（A / B）")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or role not in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        d: Disagreement = self.rows[index.row()]
        col = index.column()
        if col == 0:
            return f"#{d.article_id}"
        if col == 1:
            return d.title
        if col == 2:
            return "、".join(kind_label(f) for f in d.fields) or "（无）"
        return f"{status_label(d.a.status)} / {status_label(d.b.status)}"

    def set_rows(self, rows: list[Disagreement]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()


class DecisionModel(RowsTableModel):
    """One row per field where the reviewers differ; the last column is the choice (editable)."""

    HEADERS: ClassVar[tuple[str, ...]] = ("字段", "审核人A", "审核人B", "自动抽取", "裁决")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.decision: Decision | None = None

    def set_decision(self, decision: Decision | None) -> None:
        self.beginResetModel()
        self.decision = decision
        self.rows = list(decision.d.fields) if decision is not None else []
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        dec = self.decision
        if dec is not None and orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and section in (1, 2):
            return f"{self.HEADERS[section]}（{(dec.d.a if section == 1 else dec.d.b).reviewer}）"
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == PICK_COLUMN else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        dec = self.decision
        if dec is None or not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        field: str = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.EditRole and col == PICK_COLUMN:
            return dec.picks[field]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == 0:
            return kind_label(field)
        if col == 1:
            return describe(field, dec.values("a", field))
        if col == 2:
            return describe(field, dec.values("b", field))
        if col == 3:
            return describe(field, dec.d.machine.get(field, []))
        label = PICK_LABELS[dec.picks[field]]
        if dec.picks[field] == "merge":
            label += f"：{describe(field, dec.result(field))}"
        return label

    def choices_for(self, row: int) -> list[Pick]:
        assert self.decision is not None
        return ["a", "b", "merge"] if self.decision.can_merge(self.rows[row]) else ["a", "b"]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self.decision is None or role != Qt.ItemDataRole.EditRole or index.column() != PICK_COLUMN \
                or not index.isValid() or value not in self.choices_for(index.row()):
            return False
        self.decision.picks[self.rows[index.row()]] = value
        self.dataChanged.emit(index, index)
        return True

    def set_all(self, pick: Pick) -> None:
        for row in range(len(self.rows)):
            if pick in self.choices_for(row):
                self.setData(self.index(row, PICK_COLUMN), pick)


class AdjudicationDialog(QDialog):
    adjudicated = Signal(int)  # the article's decision was written

    def __init__(self, store: Store, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("裁决双人审核的分歧")
        self.store = store
        self.who = who
        self.job: Job | None = None
        # How a job is started: the window sets its own (it then waits for it on closing).
        self.run_job: Callable[[Job], None] = lambda job: job.start()
        self.list_model = DisagreementListModel(self)
        self.list = QTableView(self)
        self.list.setObjectName("disagreement_list")
        self.list.setModel(self.list_model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.selectionModel().currentRowChanged.connect(self._on_row)

        self.heading = QLabel("正在读取…", self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # titles are data
        self.heading.setWordWrap(True)
        self.model = DecisionModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("decision_table")
        self.table.setModel(self.model)
        model = self.model
        self.table.setItemDelegateForColumn(PICK_COLUMN, ComboDelegate(
            lambda index: [(PICK_LABELS[p], p) for p in model.choices_for(index.row())], self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("final_status")
        for st in STATUS_TABLE:
            self.status_box.addItem(st.label, st.value)
        self.status_box.currentIndexChanged.connect(self._on_status)
        self.status_hint = QLabel("", self)
        self.status_hint.setTextFormat(Qt.TextFormat.PlainText)
        status_row = QHBoxLayout()
        status_row.addWidget(QLabel("最终状态", self))
        status_row.addWidget(self.status_box)
        status_row.addWidget(self.status_hint, 1)
        self.notice = QLabel("", self)
        self.notice.setObjectName("adjudication_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b71c1c;")
        buttons = QHBoxLayout()
        for pick in ("a", "b"):
            b = QPushButton(f"全部{PICK_LABELS[pick]}", self)
            b.clicked.connect(lambda _=False, p=pick: self.model.set_all(p))
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.agreed = 0
        self.settle_button = QPushButton("采纳两人一致的结果（0 篇）", self)
        self.settle_button.setObjectName("settle_agreed")
        self.settle_button.setToolTip("两位审核人结果完全一致的文章：直接把两人的结果写入文章，不必逐篇裁决")
        self.settle_button.clicked.connect(self.settle)
        self.settle_button.setEnabled(False)
        buttons.addWidget(self.settle_button)
        self.apply_button = QPushButton("应用裁决", self)
        self.apply_button.setObjectName("apply_adjudication")
        self.apply_button.clicked.connect(self.apply)
        close = QPushButton("关闭", self)
        close.clicked.connect(self.reject)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close)

        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.heading)
        rv.addWidget(self.table, 1)
        rv.addLayout(status_row)
        rv.addWidget(self.notice)
        rv.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.resize(900, 640)
        self._set_enabled(False)

    # -- loading --------------------------------------------------------------------------------------
    def refresh(self) -> Job:
        """Read the disagreements on a worker thread; the list fills in when they arrive."""
        store = self.store
        job = Job("分歧", lambda _p, _c: pending_pairs(store), self)
        job.succeeded.connect(self.show_disagreements)
        job.failed.connect(lambda why, _detail: self.heading.setText(f"未能读取：{why}"))
        self.job = job
        self.run_job(job)
        return job

    def show_disagreements(self, pairs: list[Disagreement]) -> None:
        """Show the pairs that differ; those that agree are counted for the "adopt" button."""
        rows = [d for d in pairs if d.fields or d.status_differs]
        self.agreed = len(pairs) - len(rows)
        self.settle_button.setText(f"采纳两人一致的结果（{self.agreed} 篇）")
        self.settle_button.setEnabled(self.agreed > 0)
        self.list_model.set_rows(rows)
        if rows:
            self.list.selectRow(0)
        else:
            self._show_none()

    def _show_none(self) -> None:
        self.model.set_decision(None)
        self._set_enabled(False)
        self.heading.setText("没有待裁决的分歧：两位审核人都审核过的抽样文章，结果都一致或已裁决。")

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and 0 <= current.row() < len(self.list_model.rows):
            self.choose(self.list_model.rows[current.row()])

    def choose(self, d: Disagreement) -> None:
        decision = Decision(d)
        self.model.set_decision(decision)
        self.heading.setText(f"#{d.article_id}  {d.title}\n审核人A：{d.a.reviewer}    审核人B：{d.b.reviewer}")
        self.status_box.setCurrentIndex(max(0, self.status_box.findData(decision.status)))
        self.status_hint.setText(f"A：{status_label(d.a.status)}    B：{status_label(d.b.status)}")
        self.table.resizeRowsToContents()
        self._set_enabled(True)

    def _on_status(self, _i: int) -> None:
        if self.model.decision is not None:
            self.model.decision.status = str(self.status_box.currentData())

    def _set_enabled(self, on: bool) -> None:
        for w in (self.table, self.status_box, self.apply_button):
            w.setEnabled(on)

    # -- deciding -------------------------------------------------------------------------------------
    def apply(self) -> bool:
        """Write the decision on the chosen article; True when it was written."""
        dec = self.model.decision
        if dec is None:
            return False
        try:
            adjudicate(self.store, dec.d.article_id, dec.status, dec.fields(), who=self.who,
                       expected_version=dec.d.version, choices=dict(dec.picks))
        except StaleEditError:
            self.notice.setText(f"#{dec.d.article_id} 在此期间被其他人修改过，已重新读取，请再看一遍。")
            self.refresh()
            return False
        except (EditError, StoreError) as exc:
            why = store_error_zh(exc) if isinstance(exc, StoreError) else "这个裁决不能保存。"
            self.notice.setText(f"未能保存：{why}")
            return False
        aid = dec.d.article_id
        self.notice.setText(f"已保存 #{aid} 的裁决。")
        rows = [r for r in self.list_model.rows if r.article_id != aid]
        self.adjudicated.emit(aid)
        self.list_model.set_rows(rows)
        if rows:
            self.list.selectRow(0)
        else:
            self._show_none()
        return True

    def settle(self) -> list[int]:
        """Adopt the common verdict of every pair that agrees (a short write per article)."""
        try:
            done = settle_agreed(self.store, who=self.who)
        except (EditError, StoreError) as exc:
            why = store_error_zh(exc) if isinstance(exc, StoreError) else "未能保存。"
            self.notice.setText(f"未能采纳：{why}")
            return []
        for aid in done:
            self.adjudicated.emit(aid)
        self.notice.setText(f"已采纳 {len(done)} 篇两人一致的结果。")
        self.refresh()
        return done

    def done(self, result: int) -> None:
        if self.job is not None:
            self.job.wait()  # a closed dialog must not leave its thread running
        super().done(result)
