"""学习词对: the learned spin table, for a reviewer to confirm or reject (issue 11, item 4).

A table of the pairs harvested from the user's own reposts and originals (spun form, original,
how often, in how many articles, status, an example in context, the last decision). Several
rows can be decided at once from the keyboard (Y confirm, N reject, P back to pending); each
decision is written at once with a history row and is one step of the window's undo stack
(Ctrl+Z works here too). Decisions take effect at the next re-cleaning: the dialog offers to
re-clean the affected articles now, in the background, with progress and cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.plain import plain_label, plain_tip
from gui.rows_model import RowsTableModel
from gui.undo import Editor
from gui.workers import Job
from storage.spin_pairs import (
    PairHistoryRow,
    PairKey,
    SpinPairRow,
    examples,
    list_pairs,
    pair_history,
)
from storage.store import Store

Index = QModelIndex | QPersistentModelIndex
STATUS_LABELS = {"pending": "待审", "confirmed": "已确认", "rejected": "已否决"}
STATUS_COLORS = {"pending": "#ffffff", "confirmed": "#e8f5e9", "rejected": "#eeeeee"}
# The filter: its label and the status it keeps (None: all; "new": the pairs of the last harvest).
FILTERS: tuple[tuple[str, str | None], ...] = (
    ("全部", None), ("待审", "pending"), ("已确认", "confirmed"), ("已否决", "rejected"), ("本次新收集", "new"),
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class PairLine:
    """One row of the table: the pair, an example in context and its decisions."""

    pair: SpinPairRow
    example: str
    history: tuple[PairHistoryRow, ...]

    @property
    def key(self) -> PairKey:
        return (self.pair.spun, self.pair.original)


def _status(status: str | None) -> str:
    return STATUS_LABELS.get(status or "", "（不在表中）")


def describe_decision(h: PairHistoryRow) -> str:
    where = f"，于 #{h.article_id}" if h.article_id is not None else ""
    return f"{h.at:%Y-%m-%d %H:%M} {h.who}：{_status(h.old_status)} → {_status(h.new_status)}{where}"


def load_lines(store: Store) -> list[PairLine]:
    """Every pair with its example and history (run off the GUI thread)."""
    rows = list_pairs(store)
    ex = examples(store, rows)
    hist: dict[PairKey, list[PairHistoryRow]] = {}
    for h in pair_history(store):
        hist.setdefault((h.spun, h.original), []).append(h)
    return [PairLine(r, ex.get((r.spun, r.original), ""), tuple(hist.get((r.spun, r.original), ())))
            for r in rows]


class SpinPairsModel(RowsTableModel):
    HEADERS = ("洗稿词", "原词", "次数", "文章数", "状态", "例句", "最近决定")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[PairLine] = []

    def set_lines(self, lines: list[PairLine]) -> None:
        self.beginResetModel()
        self.rows = list(lines)
        self.endResetModel()

    def update(self, lines: Iterable[PairLine], gone: Iterable[PairKey] = ()) -> None:
        """Rows whose status or history changed, in place (a selection stays where it was)."""
        by_key = {ln.key: ln for ln in lines}
        for i, ln in enumerate(self.rows):
            if ln.key in by_key:
                self.rows[i] = by_key[ln.key]
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.HEADERS) - 1))
        dropped = set(gone)
        for i in reversed([i for i, ln in enumerate(self.rows) if ln.key in dropped]):
            self.beginRemoveRows(QModelIndex(), i, i)
            del self.rows[i]
            self.endRemoveRows()

    def line(self, row: int) -> PairLine:
        return self.rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        ln, col = self.rows[index.row()], index.column()
        p = ln.pair
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATUS_COLORS.get(p.status, "#ffffff")))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            return (p.spun, p.original, p.count, len(p.articles), p.status, ln.example,
                    str(ln.history[-1].at) if ln.history else "")[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (4, 6) and ln.history:
                return plain_tip("\n".join(describe_decision(h) for h in ln.history))
            if col == 3 and p.articles:
                return plain_tip("见于文章 " + "、".join(f"#{a}" for a in p.articles[:30])
                                 + ("…" if len(p.articles) > 30 else ""))
            if col == 5 and ln.example:
                return plain_tip(ln.example)
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            return p.spun
        if col == 1:
            return p.original
        if col == 2:
            return str(p.count)
        if col == 3:
            return str(len(p.articles))
        if col == 4:
            return _status(p.status)
        if col == 5:
            return ln.example
        if ln.history:
            h = ln.history[-1]
            return f"{h.who} {h.at:%m-%d %H:%M}"
        return ""


class _Filter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.new_keys: frozenset[PairKey] = frozenset()
        self.setSortRole(SORT_ROLE)

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()  # Qt 6.10+: invalidateFilter() is deprecated
        self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, SpinPairsModel)
        if self.status is None:
            return True
        ln = model.line(source_row)
        if self.status == "new":
            return ln.key in self.new_keys
        return ln.pair.status == self.status


RunJob = Callable[[str, Callable[[Any, Any], Any], Callable[[Any], None]], Job]
Reclean = Callable[[list[PairKey]], Job]


class SpinPairsDialog(QDialog):
    """Non-modal: the reviewer may keep it open beside the article while deciding."""

    def __init__(self, store: Store, editor: Editor, run_job: RunJob, reclean: Reclean,
                 decided: set[PairKey] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spin_pairs_dialog")
        self.setWindowTitle("学习词对")
        self.resize(900, 520)
        self.store, self.editor, self._run_job, self._reclean = store, editor, run_job, reclean
        # Pairs decided since the last re-cleaning (the window's set: decisions in the Changes
        # view count too, made before the dialog was ever opened).
        self.decided: set[PairKey] = decided if decided is not None else set()
        self.job: Job | None = None
        self.loading = False

        self.model = SpinPairsModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("spin_pairs_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        # Every column as wide as its contents (an example is ~26 characters), the last one takes
        # what is left; a narrow dialog scrolls sideways rather than cutting a decision short.
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(True)
        hh.setMinimumSectionSize(48)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._sync())

        self.filter = QComboBox()
        self.filter.setObjectName("spin_pairs_filter")
        for label, status in FILTERS:
            self.filter.addItem(label, status)
        self.filter.setCurrentIndex(1)  # what needs a decision first
        self.filter.currentIndexChanged.connect(self._on_filter)
        self.proxy.set_status("pending")
        self.summary = plain_label("正在读取…")
        self.summary.setObjectName("spin_pairs_summary")

        self.confirm_button = QPushButton("确认 (Y)")
        self.reject_button = QPushButton("否决 (N)")
        self.pending_button = QPushButton("设为待审 (P)")
        self.undo_button = QPushButton("撤销 (Ctrl+Z)")
        self.reclean_button = QPushButton("重新整理受影响的文章")
        self.reclean_button.setObjectName("spin_reclean")
        self.reclean_button.setToolTip("用已确认、已否决的词对重新整理相关文章（在后台进行，人工修改的字段保留）")
        self.close_button = QPushButton("关闭")
        self.confirm_button.clicked.connect(lambda: self.decide("confirmed"))
        self.reject_button.clicked.connect(lambda: self.decide("rejected"))
        self.pending_button.clicked.connect(lambda: self.decide("pending"))
        self.undo_button.clicked.connect(self.editor.stack.undo)
        self.reclean_button.clicked.connect(self.start_reclean)
        self.close_button.clicked.connect(self.close)
        for key, fire in (("Y", lambda: self.decide("confirmed")), ("N", lambda: self.decide("rejected")),
                          ("P", lambda: self.decide("pending")), ("Ctrl+Z", self.editor.stack.undo),
                          ("Ctrl+Shift+Z", self.editor.stack.redo), ("Ctrl+Y", self.editor.stack.redo)):
            sc = QShortcut(QKeySequence(key), self)
            sc.activated.connect(fire)

        self.progress = QProgressBar()
        self.progress.setObjectName("spin_reclean_progress")
        self.progress.hide()
        self.cancel_button = QPushButton("取消")
        self.cancel_button.setObjectName("spin_reclean_cancel")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_reclean)

        top = QHBoxLayout()
        top.addWidget(plain_label("显示："))
        top.addWidget(self.filter)
        top.addWidget(self.summary, 1)
        decide = QHBoxLayout()
        for b in (self.confirm_button, self.reject_button, self.pending_button, self.undo_button):
            decide.addWidget(b)
        decide.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reclean_button)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addStretch(0)
        bottom.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addLayout(decide)
        lay.addLayout(bottom)
        self.editor.pairs_changed.connect(self.on_pairs_changed)
        self._sync()

    # -- loading ----------------------------------------------------------------------------------
    def reload(self, then: Callable[[], None] | None = None) -> Job:
        store = self.store
        self.loading = True
        self._sync()

        def done(lines: list[PairLine]) -> None:
            self.loading = False
            self.model.set_lines(lines)
            self._sync()
            if then is not None:
                then()

        return self._run_job("读取学习词对", lambda _p, _c: load_lines(store), done)

    def show_new(self, keys: Iterable[PairKey]) -> Job:
        """After a harvest: reload and show the pairs it added."""
        self.proxy.new_keys = frozenset(keys)
        return self.reload(lambda: self.filter.setCurrentIndex([s for _l, s in FILTERS].index("new")))

    def _on_filter(self, i: int) -> None:
        self.proxy.set_status(self.filter.itemData(i))
        self._sync()

    def on_pairs_changed(self, keys: Sequence[PairKey]) -> None:
        """A decision (here, in the Changes view, or an undo) was written: show it in place."""
        wanted = {tuple(k) for k in keys}
        have = {ln.key for ln in self.model.rows}
        fresh = {ln.key: ln for ln in load_lines_for(self.store, wanted)}
        self.model.update(fresh.values(), gone=[k for k in wanted if k in have and k not in fresh])
        added = [ln for k, ln in fresh.items() if k not in have]
        if added:
            self.model.set_lines([*self.model.rows, *added])
        self._sync()

    # -- decisions --------------------------------------------------------------------------------
    def selected_lines(self) -> list[PairLine]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.line(r) for r in rows]

    def decide(self, status: str) -> bool:
        lines = [ln for ln in self.selected_lines() if ln.pair.status != status]
        if not lines:
            return False
        row = max(i.row() for i in self.table.selectionModel().selectedRows())
        label = STATUS_LABELS[status]
        text = (f"将词对「{lines[0].pair.spun}→{lines[0].pair.original}」标为{label}" if len(lines) == 1
                else f"将 {len(lines)} 个词对标为{label}")
        ok = self.editor.decide_pairs([(ln.pair.spun, ln.pair.original, status) for ln in lines], text)
        if ok and len(lines) == 1:
            # One at a time from the keyboard: go on to the next row. If the decided row left the
            # filter, the next one has moved up into its place.
            still = row < self.proxy.rowCount() and self._key_at(row) == lines[0].key
            nxt = min(row + 1 if still else row, self.proxy.rowCount() - 1)
            if nxt >= 0:
                self.table.selectRow(nxt)
        return ok

    def _key_at(self, row: int) -> PairKey:
        return self.model.line(self.proxy.mapToSource(self.proxy.index(row, 0)).row()).key

    # -- re-cleaning ------------------------------------------------------------------------------
    def start_reclean(self) -> Job | None:
        if not self.decided or self.job is not None:
            return None
        keys = sorted(self.decided)
        self.decided.clear()  # the same set object as the window's
        job = self._reclean(keys)
        self.job = job
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        job.progress.connect(self._on_progress)
        job.finished.connect(self._reclean_done)
        self._sync()
        return job

    def _on_progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done}/{total} 篇")

    def cancel_reclean(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _reclean_done(self) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self._sync()

    def _sync(self) -> None:
        n_sel = len(self.table.selectionModel().selectedRows())
        for b in (self.confirm_button, self.reject_button, self.pending_button):
            b.setEnabled(n_sel > 0)
        self.reclean_button.setEnabled(bool(self.decided) and self.job is None)
        self.reclean_button.setText(f"重新整理受影响的文章（{len(self.decided)} 个词对有新决定）"
                                    if self.decided else "重新整理受影响的文章")
        if self.loading:
            self.summary.setText("正在读取…")
            return
        counts = {s: sum(1 for ln in self.model.rows if ln.pair.status == s) for s in STATUS_LABELS}
        self.summary.setText(f"共 {len(self.model.rows)} 个词对：" + "，".join(
            f"{label} {counts[s]}" for s, label in STATUS_LABELS.items()) + f"；显示 {self.proxy.rowCount()} 个")



def load_lines_for(store: Store, keys: set[tuple[Any, ...]]) -> list[PairLine]:
    """The rows of these few pairs as the store holds them now (a pair removed is left out)."""
    rows = list_pairs(store, keys=[(str(k[0]), str(k[1])) for k in keys])
    ex = examples(store, rows)
    return [PairLine(r, ex.get((r.spun, r.original), ""), tuple(pair_history(store, r.spun, r.original)))
            for r in rows]
