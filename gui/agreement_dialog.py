"""The agreement dialog: how consistently two reviewers judged the double-review sample.

The figures come from ``storage.double_review.report`` (``pipeline.agreement``), read on a worker
thread: every verdict of the store is read and compared, which takes longer than a frame on a
large sample. The table is a model (one row per field) so a test reads exactly what is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import Qt
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

from gui.history_dialog import kind_label
from gui.rows_model import Index, RowsTableModel
from gui.workers import Job
from pipeline.agreement import AgreementReport, FieldAgreement
from storage.double_review import report
from storage.store import Store

MEASURE_LABELS = {"f1": "F1（列表）", "exact": "完全一致率"}


def score_text(score: float | None) -> str:
    return "—" if score is None else f"{score:.3f}"


class AgreementModel(RowsTableModel):
    HEADERS: ClassVar[tuple[str, ...]] = ("字段", "度量", "一致度", "文章数", "有分歧的文章")

    def set_report(self, r: AgreementReport) -> None:
        self.beginResetModel()
        self.rows = list(r.fields)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        f: FieldAgreement = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:  # the bare figure, for sorting and tests
            return (f.field, f.measure, f.score, f.articles, len(f.disagreements))[col]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (kind_label(f.field), MEASURE_LABELS.get(f.measure, f.measure), score_text(f.score),
                str(f.articles), str(len(f.disagreements)))[col]


def summary_text(r: AgreementReport) -> str:
    """The lines above the table: how many articles, who, and the status kappa."""
    if r.pairs == 0:
        return "还没有两位审核人都审完的抽样文章。先在“审核”菜单抽取双人审核样本，再由两位审核人分别审核。"
    who = "、".join(r.reviewers)
    kappa = score_text(r.status_kappa)
    observed = "—" if r.status_observed is None else f"{r.status_observed:.1%}"
    return (f"双人审核的文章：{r.pairs} 篇（审核人：{who}）\n"
            f"状态的 Cohen's kappa：{kappa}（两人状态相同的比例 {observed}）")


class AgreementDialog(QDialog):
    """Opens at once and fills in when the worker has the figures."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("审核一致性")
        self.store = store
        self.report: AgreementReport | None = None
        self.summary = QLabel("正在计算…", self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # reviewer names are data
        self.summary.setWordWrap(True)
        self.summary.setObjectName("agreement_summary")
        self.model = AgreementModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("agreement_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel("只比较两人都已审完（已通过、待修改或已拒绝）的文章。列表字段按两人取值的 F1 计"
                      "（2×共同值 ÷ 两人取值数之和）；单值字段按两人取值完全相同的文章所占比例计；"
                      "只计至少一人给出取值的文章。", self)
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        buttons = QDialogButtonBox(self)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self.job: Job | None = None
        # How a job is started: the window sets its own (it then waits for it on closing).
        self.run_job: Callable[[Job], None] = lambda job: job.start()

    def refresh(self) -> Job:
        """Compute the report on a worker thread; the dialog fills in when it arrives."""
        store = self.store
        job = Job("审核一致性", lambda _p, _c: report(store), self)
        job.succeeded.connect(self.show_report)
        job.failed.connect(lambda why, _detail: self.summary.setText(f"未能计算：{why}"))
        self.job = job
        self.run_job(job)
        return job

    def show_report(self, r: AgreementReport) -> None:
        self.report = r
        self.summary.setText(summary_text(r))
        self.model.set_report(r)

    def done(self, result: int) -> None:
        if self.job is not None:
            self.job.wait()  # a closed dialog must not leave its thread running
        super().done(result)
