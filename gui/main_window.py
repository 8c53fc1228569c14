"""The review workspace: the article list, the article's text and its fields, side by side.

The window wires the parts together and owns the background jobs; every write goes through
``gui.undo.Editor``. Switching articles reads one ``ArticleView`` and repaints; nothing on that
path scans the list.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.actions import ACTIONS, ADD_KEYS, ALWAYS, ARTICLE, CAN_REDO, CAN_UNDO, MENUS, SELECTION
from gui.adjudication_dialog import AdjudicationDialog
from gui.agreement_dialog import AgreementDialog
from gui.article_table import COLUMNS, ArticleTableModel, ordered_ids
from gui.claim_queue import ClaimOutcome, ClaimQueue, claim_article
from gui.conflict_dialog import ConflictDialog
from gui.document_view import DocumentView
from gui.export_dialog import SPLIT_NAMES, ExportDialog
from gui.field_panel import FieldPanel
from gui.file_dialogs import SafeFileDialog, folder_dialog, open_files_dialog, save_file_dialog
from gui.filter_bar import FilterBar
from gui.group_diff import GroupDiffDialog
from gui.guidelines_pane import GuidelinesPane
from gui.help_overlay import HelpOverlay
from gui.history_dialog import HistoryDialog
from gui.live_updates import LiveUpdates
from gui.logs import show_log_dialog
from gui.paths import seeds_dir
from gui.plain import plain_label, plain_message_box
from gui.reextract_dialog import ReextractDialog
from gui.settings import Settings
from gui.settings_dialog import SettingsDialog
from gui.spin_pairs_dialog import SpinPairsDialog
from gui.spin_review import SpinReview
from gui.start_page import StartPage
from gui.texts import reason_zh, warning_zh
from gui.undo import Editor
from gui.workers import Job
from pipeline.fields import FIELDS_BY_NAME, FieldState, blank_value, field_state
from storage import claims, double_review
from storage.conflicts import Choice, Conflict
from storage.curated_export import ExportOptions
from storage.curated_export import export as curated_export
from storage.exporting import export_dataset
from storage.grouping import group_members, set_canonical
from storage.importer import import_paths
from storage.listing import all_flags, current_version, first_ids
from storage.own_files import store_files
from storage.progress import ReviewProgress, fields_of, review_progress, statuses_and_tags
from storage.queries import NotFoundError, all_tags, field_history, get_article, summaries_for
from storage.recleaning import skipped_changes
from storage.records import ArticleView, ExportReport, HistoryEntry, ImportProgress, ImportReport, ReextractReport
from storage.reextract import reextract
from storage.search import ArticleFilter
from storage.statuses import REVIEWED, STATUS_TABLE
from storage.statuses import label as status_label
from storage.store import Store

MIN_FONT, MAX_FONT = 9, 20  # the font sizes the layout is checked at (tests/gui/test_layout.py)
FIRST_ROWS = 500
NEAR_ROWS = 512  # rows "next unreviewed" checks from the list's cache before querying the store


def duplicate_of(field: str, text: str, records: list[dict[str, Any]]) -> int | None:
    """The index of a listed value that already says ``text`` (a person by name, an amount by its text)."""
    kind = FIELDS_BY_NAME[field].kind
    key = "name" if kind == "person" else "text" if kind in ("amount", "count") else None
    wanted = text.strip()
    for i, rec in enumerate(records):
        v = rec.get("value")
        shown = v.get(key) if key and isinstance(v, dict) else v
        if isinstance(shown, str) and shown.strip() == wanted:
            return i
    return None


def value_from_selection(field: str, text: str) -> Any:
    return blank_value(FIELDS_BY_NAME[field].kind, text)


class MainWindow(QMainWindow, SpinReview):
    article_shown = Signal(int)  # the text and fields of this article are on screen
    first_rows_shown = Signal()  # the list shows its first rows after opening the store
    list_updated = Signal()  # a filter or sort was applied to the list
    job_finished = Signal(str, object)  # job title, result (None if it failed)

    def __init__(self, store: Store, settings: Settings | None = None) -> None:
        super().__init__()
        self.store = store
        self.settings = settings if settings is not None else Settings()
        self.setWindowTitle(f"文章整理（Article Curator）— {store.display_name}")
        self.resize(1280, 800)
        self.setAcceptDrops(True)
        self.jobs: list[Job] = []
        self.current: ArticleView | None = None
        self._filter = ArticleFilter()
        self._sort: tuple[str, bool] = ("id", False)
        self._list_generation = 0
        self._tags: list[str] = []
        self._flags: list[str] = []
        self._flags_generation = 0
        self.error_box: QMessageBox | None = None
        self.export_dialog: ExportDialog | None = None
        self.reextract_dialog: ReextractDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self.spin_dialog: SpinPairsDialog | None = None
        self.spin_decided: set[tuple[str, str]] = set()
        self.file_dialog: SafeFileDialog | None = None
        self.help_overlay: HelpOverlay | None = None
        self.agreement_dialog: AgreementDialog | None = None
        self._own_copy = False  # the shown article is this reviewer's own copy (double review)
        self.adjudication_dialog: AdjudicationDialog | None = None
        self._progress_generation = 0

        self.editor = Editor(store, lambda: self.settings.reviewer, self)
        # Claims are written off the GUI thread (gui.claim_queue); an edit waits for them, since a
        # claim moves the article's version the edit is checked against.
        self.claim_queue = ClaimQueue(self._apply_claim, self)
        # Live changes seen while claims are in flight wait for them (our own claims are not a
        # teammate's change), without holding up the GUI thread: (ids, everything) so far.
        self._live_backlog: tuple[set[int], bool] | None = None
        self.claim_queue.drained.connect(self._flush_live_backlog)
        self.editor.before_write = self.claim_queue.settle
        self.editor.ask_retry = self._ask_retry
        self.editor.choose = self._choose_conflict
        self.conflict_dialog: ConflictDialog | None = None
        self.editor.article_changed.connect(self._renew_claim)
        self.editor.article_changed.connect(self._on_article_changed)
        self.editor.replayed.connect(self._on_replayed)
        self.editor.pairs_changed.connect(self._note_decided)  # before any dialog's slot
        self.editor.write_failed.connect(
            lambda why, detail: self.show_errors("未能保存", f"这处修改未能保存，已重新载入这篇文章。\n{why}",
                                                 [detail]))

        self.filter_bar = FilterBar()
        self.filter_bar.changed.connect(self.apply_filter)
        self.model = ArticleTableModel(store, self)
        self.model.me = self.settings.reviewer
        self.model.sort_requested.connect(self._on_sort)
        self.table = QTableView()
        self.table.setObjectName("article_list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        # Uniform row heights: the view never measures 100,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        # No sort indicator before sorting is enabled: enabling would otherwise sort by column 0.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)

        self.doc = DocumentView()
        self.doc.value_clicked.connect(self._on_value_clicked)
        self.doc.undo_change_requested.connect(self.undo_repair)
        self.doc.accept_change_requested.connect(self.accept_repair)
        self.doc.apply_suspect_requested.connect(self.apply_suspect)
        self.doc.mode_changed.connect(lambda m: self.settings.set("view/mode", m))
        self.panel = FieldPanel()
        self.panel.field_edited.connect(self._on_field_edited)
        self.panel.status_requested.connect(self.set_status)
        self.panel.tags_edited.connect(self._on_tags_edited)
        self.panel.note_edited.connect(self._on_note_edited)
        self.panel.value_selected.connect(self._on_value_selected)
        self.panel.history_requested.connect(self.show_history)
        self.panel.notice.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.panel.leave_requested.connect(lambda: self.table.setFocus(Qt.FocusReason.ShortcutFocusReason))

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.setSpacing(0)
        lv.addWidget(self.filter_bar)
        lv.addWidget(self.table, 1)
        self.right_split = QSplitter(Qt.Orientation.Horizontal)
        self.right_split.setObjectName("right_splitter")
        self.right_split.addWidget(self.doc)
        self.right_split.addWidget(self.panel)
        self.guidelines = GuidelinesPane(store, lambda: self.settings.reviewer)
        self.guidelines.hide()  # F4 shows it
        self.right_split.addWidget(self.guidelines)
        # The text takes what the window gains or loses; the fields keep their width (narrowed,
        # their labels go above the editors, which reads worse than a narrower text).
        self.right_split.setStretchFactor(0, 1)
        self.right_split.setStretchFactor(1, 0)
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.setObjectName("main_splitter")
        self.main_split.addWidget(left)
        self.start_page = StartPage(seeds_dir().is_dir())
        self.start_page.import_folder.connect(self.import_folder_dialog)
        self.start_page.import_files.connect(self.import_files_dialog)
        self.start_page.load_samples.connect(lambda: self.start_import([seeds_dir()]))
        self.right_stack = QStackedWidget()
        self.right_stack.addWidget(self.right_split)
        self.right_stack.addWidget(self.start_page)
        self.main_split.addWidget(self.right_stack)
        self.main_split.setStretchFactor(0, 2)
        self.main_split.setStretchFactor(1, 5)
        self.setCentralWidget(self.main_split)
        self._default_sizes()

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.cancel_button = QPushButton("取消")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_jobs)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progress_label")
        # Who holds the shown article when it is not this reviewer (a claim is never taken silently).
        self.claim_label = plain_label("")
        self.claim_label.setObjectName("claim_label")
        self.claim_label.setStyleSheet("color: #b71c1c;")
        self.claim_label.hide()
        self.statusBar().addPermanentWidget(self.claim_label)
        self.statusBar().addPermanentWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

        # Progress is re-counted once a burst of writes (a bulk action, an undo) has settled.
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(150)
        self._progress_timer.timeout.connect(self._refresh_progress)
        # A teammate changed the open article while this reviewer was typing: reload once they stop.
        self._stale_current = False
        self._reload_timer = QTimer(self)
        self._reload_timer.setInterval(1000)
        self._reload_timer.timeout.connect(self._reload_when_idle)
        self._claims_generation = 0
        self.live = LiveUpdates(store, self)
        self.live.changed.connect(self._on_live_change)
        self._build_actions()
        self._build_menus()
        self._restore_layout()
        self.guidelines.hide()  # whatever the saved splitter said: shown on F4
        self.apply_font_size()
        saved = self.settings.get("layout/splitters")
        if saved is None or saved.isEmpty():
            self._default_sizes()  # again, measured at the chosen font
        self.doc.set_mode(str(self.settings.get("view/mode")))
        # First rows at once, whatever the store's size; the full id list follows off the GUI thread.
        first = first_ids(store, FIRST_ROWS)
        self.model.set_ids(first)
        large = len(first) == FIRST_ROWS
        if large:
            self.apply_filter()
        self._fit_columns()
        if not large:  # a small store lists its flags at once, a large one off the GUI thread
            self._flags = all_flags(store)
        self._refresh_choices(flags=large)
        self._show_count()
        self._progress_timer.start()  # counted once the window is up
        # Who holds what: a short list (running claims only), read at once like the first rows.
        self.model.set_claims({i: c.reviewer for i, c in claims.active_claims(store).items()})
        self.live.start()
        QTimer.singleShot(0, self.first_rows_shown.emit)

    def warn(self, text: str) -> None:
        """A warning that stays in the status bar (e.g. no font for Chinese)."""
        label = plain_label(f"⚠ {text}")
        label.setObjectName("warning_label")
        label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.statusBar().insertPermanentWidget(0, label)

    # -- layout ---------------------------------------------------------------------------------------
    def _default_sizes(self) -> None:
        w = max(self.width(), 1280)
        self.main_split.setSizes([int(w * 0.30), int(w * 0.70)])
        right = int(w * 0.70)
        body = self.panel.widget()
        # The panel's preferred width (labels beside editors) at the current font, within reason.
        want = (body.sizeHint().width() + 24) if body is not None else 0
        panel = min(max(want, int(right * 0.40)), int(right * 0.55))
        self.right_split.setSizes([right - panel, panel])

    def _fit_columns(self) -> None:
        fm = self.table.fontMetrics()
        widths = {"status": "审核中·张三", "published_at": "2022-01-07", "source": "高科技行业门户",
                  "places": "深圳、景德镇", "flags": "洗稿", "edited_count": "已编辑"}
        for i, (key, _label) in enumerate(COLUMNS):
            if key in widths:
                self.table.setColumnWidth(i, fm.horizontalAdvance(widths[key]) + 24)
        self.table.verticalHeader().setDefaultSectionSize(fm.height() + 8)

    def _restore_layout(self) -> None:
        state = self.settings.get("layout/splitters")
        if state is not None and not state.isEmpty():
            parts = bytes(state.data()).split(b"\x00SPLIT\x00")
            if len(parts) == 2:
                self.main_split.restoreState(parts[0])
                self.right_split.restoreState(parts[1])
        geometry = self.settings.get("layout/geometry")
        if geometry is not None and not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def save_layout(self) -> None:
        from PySide6.QtCore import QByteArray

        joined = bytes(self.main_split.saveState().data()) + b"\x00SPLIT\x00" + bytes(
            self.right_split.saveState().data())
        self.settings.set("layout/splitters", QByteArray(joined))
        self.settings.set("layout/geometry", self.saveGeometry())
        self.settings.sync()

    def apply_font_size(self) -> None:
        """The chosen size (0: the system's) for the whole window, at once; widgets re-measure
        themselves on the font change (``FieldPanel.changeEvent``)."""
        size = int(self.settings.get("font_size"))
        f = QApplication.font()
        if size > 0:
            f.setPointSize(size)
        self.setFont(f)
        self.doc.set_font_size(size)
        self._fit_columns()

    # -- actions and menus ---------------------------------------------------------------------------
    def _build_actions(self) -> None:
        """One ``QAction`` per row of ``gui.actions.ACTIONS``: its keys, tip and handler."""
        self.commands: dict[str, QAction] = {}
        for spec in ACTIONS:
            act = QAction(spec.label, self)
            act.setObjectName(f"action_{spec.id}")
            if spec.keys:
                act.setShortcuts([QKeySequence(k) for k in spec.keys])
            tip = spec.tip or spec.label
            act.setStatusTip(tip)
            act.setToolTip(f"{tip}（{' / '.join(spec.keys)}）" if spec.keys else tip)
            handler = getattr(self, spec.handler)
            act.triggered.connect(lambda _checked=False, h=handler, args=spec.args: h(*args))
            # Window-wide, so the keys work wherever focus is; an editor with focus claims its own
            # keys first (letters, Delete, Ctrl+Z), so typing is never taken over.
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(act)
            self.commands[spec.id] = act
        self.act_undo, self.act_redo = self.commands["undo"], self.commands["redo"]
        self.add_actions: dict[str, QAction] = {f: self.commands[f"add_{f}"] for f, _k in ADD_KEYS}
        self.doc.add_actions = list(self.add_actions.values())
        stack = self.editor.stack
        stack.canUndoChanged.connect(self._on_stack_changed)
        stack.canRedoChanged.connect(self._on_stack_changed)
        stack.undoTextChanged.connect(self._on_stack_changed)
        stack.redoTextChanged.connect(self._on_stack_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_stack_changed)

    def _on_stack_changed(self, *_args: Any) -> None:
        if not shiboken6.isValid(self.editor.stack):
            return  # the window is being torn down
        stack = self.editor.stack
        self.act_undo.setText(f"撤销 {stack.undoText()}" if stack.canUndo() else "撤销")
        self.act_redo.setText(f"重做 {stack.redoText()}" if stack.canRedo() else "重做")
        self._update_enabled()

    def _update_enabled(self) -> None:
        """Enable each action by its ``enabled_when``."""
        has_article = self.current is not None
        has_selection = self.table.selectionModel().hasSelection()
        state = {ALWAYS: True, ARTICLE: has_article, SELECTION: has_selection,
                 CAN_UNDO: self.editor.stack.canUndo(), CAN_REDO: self.editor.stack.canRedo()}
        for spec in ACTIONS:
            act = self.commands[spec.id]
            want = state.get(spec.enabled_when, True)
            if act.isEnabled() != want:
                act.setEnabled(want)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        self.menus: dict[str, Any] = {}
        for menu_id, title in MENUS:
            menu = mb.addMenu(title)
            self.menus[menu_id] = menu
            group = None
            for spec in ACTIONS:
                if spec.menu != menu_id:
                    continue
                if group is not None and spec.group != group:
                    menu.addSeparator()
                group = spec.group
                menu.addAction(self.commands[spec.id])
        self._update_enabled()

    # -- the list --------------------------------------------------------------------------------------
    def apply_filter(self, f: ArticleFilter | None = None) -> Job:
        """Re-query the list (filter and sort) off the GUI thread; ``list_updated`` when shown."""
        if f is not None:
            self._filter = f
        self._list_generation += 1
        generation = self._list_generation
        store, flt, (column, descending) = self.store, self._filter, self._sort
        if flt.sort == "min_confidence":
            column, descending = "min_confidence", False

        def work(_progress: Any, _cancelled: Any) -> list[int]:
            return ordered_ids(store, flt, column, descending)

        job = Job("筛选", work, self)
        job.succeeded.connect(lambda ids: self._show_ids(ids, generation))
        job.failed.connect(lambda msg, detail: self.show_errors("筛选失败", msg, [detail]))
        self._begin_job(job, quiet=True)
        return job

    def _on_sort(self, column: str, descending: bool) -> None:
        self._sort = (column, descending)
        self.apply_filter()

    def _show_ids(self, ids: list[int], generation: int) -> None:
        if generation != self._list_generation:
            return  # a newer filter was asked for meanwhile
        keep = self.current.id if self.current is not None else None
        self.model.set_ids(ids)
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
            self.table.scrollTo(self.model.index(row, 0))
        self._show_count()
        self._refresh_progress()
        self.doc.set_search(self._filter.text)
        self.list_updated.emit()

    def _refresh_choices(self, *, flags: bool = True) -> None:
        """Offer the tags in use at once, and the cleaning flags in use once a worker has listed
        them: ``all_flags`` reads a column of every article (0.13-0.18 s at 100,000)."""
        self._tags = all_tags(self.store)
        self.filter_bar.set_choices(self._tags, self._flags)
        self.panel.set_tag_choices(self._tags)
        if flags:
            self._refresh_flags()

    def _refresh_flags(self) -> Job:
        self._flags_generation += 1
        generation, store = self._flags_generation, self.store
        job = Job("标记", lambda _progress, _cancelled: all_flags(store), self)
        job.succeeded.connect(lambda found: self._show_flags(found, generation))
        job.failed.connect(lambda msg, _detail: self.statusBar().showMessage(f"未能列出清理标记：{msg}", 10000))
        self._begin_job(job, quiet=True)
        return job

    def _show_flags(self, flags: list[str], generation: int) -> None:
        if generation != self._flags_generation:
            return  # a newer listing was asked for meanwhile
        self._flags = list(flags)
        self.filter_bar.set_choices(self._tags, self._flags)

    def _show_count(self) -> None:
        self.statusBar().showMessage(f"{self.model.rowCount()} 篇文章")
        # An empty store (not an empty filter) shows how to get articles in.
        empty = self.model.rowCount() == 0 and self._filter == ArticleFilter() and not any(
            getattr(j, "title", "") == "导入" for j in self.jobs)
        self.right_stack.setCurrentWidget(self.start_page if empty else self.right_split)

    # -- showing an article ------------------------------------------------------------------------------
    def select_article(self, article_id: int) -> None:
        """Show this article (selecting its row when it is in the list)."""
        row = self.model.row_of(article_id)
        if row >= 0:
            if self.table.currentIndex().row() == row and self.current is not None \
                    and self.current.id == article_id:
                self.article_shown.emit(article_id)
                return
            self._go_row(row)
        else:
            self.show_article(article_id)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_article(self.model.article_id(current.row()))

    def show_article(self, article_id: int) -> None:
        """Show the article from one read at once; a newly opened article is claimed off the GUI
        thread (``_claim_later``), the outcome applied when it arrives (``_apply_claim``)."""
        switching = self.current is None or self.current.id != article_id
        before = self.current.id if self.current is not None else None
        if switching and self.current is not None:
            self.panel.commit_pending()  # written under this reviewer's claim, before it moves on
        try:
            view = get_article(self.store, article_id)
            own = double_review.independent(self.store, article_id, sampled=view.double_review)
            if own:  # a double-review article: this reviewer's own copy, never the other's values
                view = double_review.own_article(self.store, view, self.settings.reviewer)
        except NotFoundError:
            self.current = None
            self.doc.set_article(None, None)
            self.panel.set_double_review(False)
            self.panel.set_article(None)
            return
        self.panel.set_double_review(own)
        self._own_copy = own
        if own or switching:
            # Own copy: two reviewers at once, by design, nobody "holds" it. Switching: who holds
            # the new article is said when its claim's outcome arrives.
            self._show_holder(None, None)
        self._stale_current = False
        self._display(view)
        if switching:
            self._claim_later(article_id, before)
        # Emitted from the event loop: the text and fields repaint before this timer fires.
        QTimer.singleShot(0, lambda: self.article_shown.emit(article_id))

    def _display(self, view: ArticleView) -> None:
        if self.current is not None and self.current.id != view.id:
            # Text typed into the previous article (e.g. then Ctrl+Down) belongs to that article.
            self.panel.commit_pending()
        switched = self.current is None or self.current.id != view.id
        self.current = view
        self.editor.saw(view.id, view.version)
        self.doc.set_article(view)
        self.panel.set_article(view)
        if switched:
            self.panel.verticalScrollBar().setValue(0)  # status and title first, whatever was scrolled
            self._update_enabled()
            dlg = self.history_dialog
            if dlg is not None and dlg.isVisible():  # the history follows the article on screen
                dlg.article_id = view.id
                dlg.setWindowTitle(f"#{view.id} 的修改历史")
                dlg.set_entries(self._history_of(view.id), dlg.kind.currentData())

    def _on_article_changed(self, article_id: int) -> None:
        self.model.refresh_ids([article_id])
        self._progress_timer.start()
        if self.current is not None and self.current.id == article_id:
            self.show_article(article_id)

    # -- claims ----------------------------------------------------------------------------------------
    def _claim_later(self, article_id: int, before: int | None) -> None:
        """Claim the article just shown on the claim queue's thread (a write: it must not hold up the
        switch); ``_apply_claim`` shows the outcome."""
        store, me = self.store, self.settings.reviewer
        self.claim_queue.submit(lambda: claim_article(store, article_id, me, before))

    def settle_claims(self) -> None:
        """Wait for the claims still being written and show their outcomes."""
        self.claim_queue.settle()

    def _claim(self, article_id: int, *, take_over: bool = False) -> bool:
        """Hold the article for this reviewer now (one short UPDATE). Held by a teammate: say who, take nothing."""
        self.claim_queue.settle()  # in order after the claims already asked for
        before = self.current.id if self.current is not None else None
        return self._apply_claim(claim_article(self.store, article_id, self.settings.reviewer, before,
                                               take_over=take_over))

    def _apply_claim(self, outcome: ClaimOutcome) -> bool:
        """Show what a claim did; True if this reviewer now holds the article."""
        me, aid = self.settings.reviewer, outcome.article_id
        if outcome.before is not None:
            # Claiming released this reviewer's previous article, which moved its version: the
            # editor keeps what it knew of it, so undoing there is not taken for a teammate's change.
            self._kept_version(outcome.before, outcome.before_prior, outcome.before_after)
        shown = self.current is not None and self.current.id == aid
        if outcome.error is not None:
            self.statusBar().showMessage(f"未能领取这篇文章：{outcome.error}", 8000)
            return False
        if outcome.holder is not None:
            if shown and not self._own_copy:
                self._show_holder(outcome.holder, outcome.since)
            if outcome.before is not None and self._held().get(outcome.before) == me:  # released it
                self.model.set_claims({k: v for k, v in self._held().items() if k != outcome.before})
            return False
        if shown:
            self._show_holder(None, None)
        self.model.set_claims({**{k: v for k, v in self._held().items() if v != me}, aid: me})
        # Releasing the article before changed only its holder (repainted by set_claims); the
        # claimed one may have gone from 新 to 审核中: its row is read again.
        if not shown or self._own_copy or self.current is None or self.current.status == "new":
            self.model.refresh_ids([aid])
        if shown and outcome.version is not None:
            self._claimed_shown(outcome.version)
        elif outcome.version is not None and self.editor.version(aid) == outcome.version - 1:
            # Moved on before the claim arrived: only the claim moved the version the editor saw
            # (an undo there must not look like a teammate's change).
            self.editor.saw(aid, outcome.version)
        return True

    def _claimed_shown(self, version: int) -> None:
        """The shown article was read before its claim moved its version (and a new article's
        status to 审核中): when nothing else wrote in between, patch the copy on screen and go on
        editing against the new version; otherwise read it again."""
        view = self.current
        if view is None or version == view.version:
            return
        if version != view.version + 1:
            self.show_article(view.id)  # a teammate wrote too: their values, from the store
            return
        status = view.status if self._own_copy or view.status != "new" else "in_review"
        self.current = replace(view, version=version, status=status)
        self.editor.saw(view.id, version)
        if status != view.status:
            self.panel.set_review(self.current)

    def _kept_version(self, article_id: int, before: int | None, after: int | None = None) -> None:
        """Our own claim change moved this article's version from ``before`` (to ``after``, else read
        now): if nobody else wrote in between, the editor's copy is still right (an undo there must
        not look like a teammate's change)."""
        if before is not None and before == self.editor.version(article_id):
            v = after if after is not None else current_version(self.store, article_id)
            if v is not None:
                self.editor.saw(article_id, v)

    def _held(self) -> dict[int, str]:
        return self.model.claims()

    def _show_holder(self, holder: str | None, since: datetime | None) -> None:
        if holder is None:
            self.claim_label.hide()
            self.claim_label.setText("")
            return
        text = f"{holder} 正在审核这篇文章"
        if since is not None:
            text += f"（{since.astimezone():%H:%M} 起）"
        self.claim_label.setText(f"⚠ {text}；审核菜单“接手审核”可接手")
        self.claim_label.show()
        self.statusBar().showMessage(text, 8000)

    def take_over_claim(self) -> None:
        if self.current is not None and self._claim(self.current.id, take_over=True):
            self.statusBar().showMessage(f"已接手审核 #{self.current.id}", 5000)
            self.show_article(self.current.id)

    def release_claim(self) -> None:
        if self.current is None:
            return
        self.claim_queue.settle()  # its own claim first, or it would be taken again after the release
        if claims.release(self.store, self.current.id, self.settings.reviewer):
            self.model.set_claims({k: v for k, v in self._held().items() if k != self.current.id})
            self.statusBar().showMessage(f"已释放 #{self.current.id}，其他审核人可以领取", 5000)
            self.show_article(self.current.id)
        else:
            self.statusBar().showMessage("你没有在审核这篇文章", 4000)

    def _renew_claim(self, article_id: int) -> None:
        # Each edit keeps the lease running (no version change: nobody else's copy goes stale).
        if self.current is not None and self.current.id == article_id:
            with contextlib.suppress(Exception):
                claims.renew(self.store, article_id, self.settings.reviewer)

    def _refresh_claims(self) -> Job:
        """Who holds what, read off the GUI thread (every running claim: a short list)."""
        self._claims_generation += 1
        generation, store = self._claims_generation, self.store
        job = Job("审核人", lambda _p, _c: {i: c.reviewer for i, c in claims.active_claims(store).items()}, self)
        job.succeeded.connect(lambda held: self._show_claims(held, generation))
        self._begin_job(job, quiet=True)
        return job

    def _show_claims(self, held: dict[int, str], generation: int) -> None:
        if generation != self._claims_generation:
            return
        self.model.set_claims(held)
        if self.current is not None and not self._own_copy:
            holder = held.get(self.current.id)
            if holder and holder != self.settings.reviewer:
                self._show_holder(holder, None)

    # -- live updates ---------------------------------------------------------------------------------
    def _on_live_change(self, ids: frozenset[int], everything: bool) -> None:
        """Others changed these articles: repaint their rows, and the open article unless the
        reviewer is typing in it (then say so and reload when they stop)."""
        if self.claim_queue.pending():  # handled once our own claims are in (``_flush_live_backlog``)
            seen, all_ = self._live_backlog or (set(), False)
            self._live_backlog = (seen | set(ids), all_ or everything)
            return
        if everything:
            self.apply_filter()
        else:
            self.model.refresh_ids(sorted(ids))
        self._refresh_claims()
        if self.current is None or (not everything and self.current.id not in ids):
            return
        if current_version(self.store, self.current.id) == self.current.version:
            return  # this window's own write, already on screen
        self._stale_current = True
        self._reload_when_idle()

    def _flush_live_backlog(self) -> None:
        if self._live_backlog is not None:
            ids, everything = self._live_backlog
            self._live_backlog = None
            self._on_live_change(frozenset(ids), everything)

    def _typing(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.panel.isAncestorOf(focus)

    def _reload_when_idle(self) -> None:
        if not self._stale_current or self.current is None:
            self._reload_timer.stop()
            return
        if self._typing():
            self.statusBar().showMessage("其他审核人修改了这篇文章；你停止输入后将重新载入", 4000)
            self._reload_timer.start()
            return
        self._reload_timer.stop()
        self.show_article(self.current.id)
        self.statusBar().showMessage("其他审核人修改了这篇文章，已载入最新内容", 5000)

    # -- conflicts ------------------------------------------------------------------------------------
    def _choose_conflict(self, conflict: Conflict) -> dict[str, Choice] | None:
        cur = self.current
        title = cur.source_name if cur is not None and cur.id == conflict.article_id else f"#{conflict.article_id}"
        dlg = ConflictDialog(conflict, title, parent=self)
        self.conflict_dialog = dlg
        try:
            return dlg.choices() if dlg.exec() == ConflictDialog.DialogCode.Accepted else None
        finally:
            self.conflict_dialog = None
            dlg.deleteLater()

    def _on_replayed(self, article_id: int) -> None:
        # An undo or redo changed another article: bring it on screen, as the reviewer expects.
        if self.current is None or self.current.id != article_id:
            self.select_article(article_id)

    def _on_value_selected(self, field: str, index: int) -> None:
        if index >= 0:
            self.doc.show_evidence(field, index)

    def _on_value_clicked(self, field: str, index: int) -> None:
        self.panel.select_value(field, index)

    # -- review -----------------------------------------------------------------------------------------
    def set_status(self, status: str, *, advance: bool | None = None) -> None:
        """Set the shown article's status; a reviewed status moves on to the next article."""
        if self.current is None:
            return
        if advance is None:
            advance = status in REVIEWED
        if self.editor.set_status(self.current.id, self.current.status, status) and advance:
            self.go_next()

    # -- keyboard review ----------------------------------------------------------------------------------
    def undo(self) -> None:
        self.panel.commit_pending()  # a value typed a moment ago is a step of its own, undone first
        self.editor.stack.undo()

    def redo(self) -> None:
        self.editor.stack.redo()

    def focus_field(self, field: str) -> None:
        if not self.panel.focus_field(field):
            self.statusBar().showMessage("请先选择一篇文章", 3000)

    def focus_pane(self, pane: str) -> None:
        if pane == "list":
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if self.current is None and self.model.rowCount():
                self._go_row(0)  # the list's keys then act on an article at once
        else:
            self.doc.focus_text()

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def set_mode(self, mode: str) -> None:
        self.doc.set_mode(mode)

    def go_flagged(self, step: str) -> None:
        found = self.panel.goto_flagged(int(step))
        if found is None:
            self.statusBar().showMessage("这篇文章没有待核对的值", 4000)
            return
        field, index, why = found
        self.statusBar().showMessage(f"{FIELDS_BY_NAME[field].label} 第 {index + 1} 个值：{why}", 6000)

    def edit_current_value(self) -> None:
        if not self.panel.edit_current():
            self.statusBar().showMessage("先用 Alt+字段键 或 F8 转到一个值，再按 F2 编辑", 4000)

    def delete_current_value(self) -> None:
        if not self.panel.delete_current():
            self.statusBar().showMessage("先在字段表中选中要删除的值（Alt+字段键 转到字段）", 4000)

    def go_next(self) -> None:
        self._move(+1)

    def go_previous(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        if not self.model.rowCount():
            return
        row = self.table.currentIndex().row()
        target = 0 if row < 0 else row + step
        if 0 <= target < self.model.rowCount():
            self._go_row(target)
        else:
            self.statusBar().showMessage("已到列表末尾" if step > 0 else "已到列表开头", 3000)

    def go_next_unreviewed(self) -> None:
        """Claim the next unreviewed article no teammate holds (atomically: two reviewers pressing
        U together never get the same one) and show it."""
        self.panel.commit_pending()
        self.claim_queue.settle()  # a claim still on its way would release the one found here
        current = self.current.id if self.current is not None else None
        me = self.settings.reviewer
        prev_version = current_version(self.store, current) if current is not None else None
        found = claims.next_unreviewed(self.store, me, after_id=current)
        if found is None or found == current:
            self.statusBar().showMessage("没有其他无人审核的未审核文章了", 5000)
            return
        if current is not None:
            self._kept_version(current, prev_version)
        self.model.set_claims({**{k: v for k, v in self._held().items() if v != me}, found: me})
        if current is not None:
            self.model.refresh_ids([current])
        self.select_article(found)

    def _go_row(self, row: int) -> None:
        """Make this row the only selected one. ``QTableView.setCurrentIndex`` would read the keys
        held at the moment: with Ctrl down (Ctrl+Z bringing an article back) it added the row to
        the selection, two rows stayed highlighted and the next key acted on one of them only."""
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    # -- edits ------------------------------------------------------------------------------------------
    def _on_field_edited(self, field: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        if self.current is not None:
            self.editor.set_field(self.current.id, field, old, new)

    def _on_tags_edited(self, old: list[str], new: list[str]) -> None:
        if self.current is not None and self.editor.set_tags(self.current.id, old, new):
            self._refresh_choices(flags=False)  # tags only: the flags in use are the same

    def _on_note_edited(self, old: str, new: str) -> None:
        if self.current is not None:
            self.editor.set_note(self.current.id, old, new)

    def add_selection_as(self, field: str) -> None:
        sel = self.doc.selection()
        if self.current is None or sel is None:
            self.statusBar().showMessage("请先在文中选中文字（Alt+2 转到正文，Shift+方向键 选择，或 F3 选中搜索结果）",
                                         5000)
            return
        start, end, text = sel
        spec = FIELDS_BY_NAME[field]
        existing = duplicate_of(field, text, self.current.fields.get(field, {}).get("values", []))
        if existing is not None and spec.multiple:
            self.panel.select_value(field, existing)
            self.statusBar().showMessage(f"{spec.label}中已有“{text}”，未重复添加", 6000)
            return
        self.panel.add_value(field, value_from_selection(field, text), [[start, end]])
        count = len(self.current.fields.get(field, {}).get("values", [])) if self.current else 0
        self.panel.select_value(field, count - 1 if spec.multiple else 0)
        self.statusBar().showMessage(f"已添加{spec.label}：{text}", 4000)

    def _ask_retry(self, message: str) -> bool:
        box = plain_message_box(QMessageBox.Icon.Warning, "文章已在别处修改",
                                "这篇文章在你打开后被其他窗口或程序修改过。\n重新载入最新内容，再把你的修改写上去？",
                                QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel, self)
        box.setDetailedText(message)
        box.button(QMessageBox.StandardButton.Retry).setText("重新载入并重试")
        return box.exec() == QMessageBox.StandardButton.Retry

    # -- bulk actions on the list's selection ----------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.article_id(r) for r in rows]

    def bulk_set_status(self, ids: list[int], status: str) -> int:
        self.panel.commit_pending()
        current = statuses_and_tags(self.store, ids)
        writes = [(aid, "status", current[aid][0], status) for aid in ids if aid in current]
        done = self.editor.bulk(f"将 {len(writes)} 篇标为{status_label(status)}", writes)
        self.statusBar().showMessage(f"已将 {done} 篇标为{status_label(status)}（Ctrl+Z 一步撤销）", 8000)
        return done

    def bulk_tag(self, ids: list[int], tag: str, mode: str) -> int:
        self.panel.commit_pending()
        tag = tag.strip()
        if not tag:
            return 0
        current = statuses_and_tags(self.store, ids)
        writes = []
        for aid in ids:
            if aid not in current:
                continue
            old = current[aid][1]
            new = sorted({*old, tag}) if mode == "add" else [t for t in old if t != tag]
            writes.append((aid, "tags", old, new))
        verb = "添加标签" if mode == "add" else "移除标签"
        done = self.editor.bulk(f"为 {len(ids)} 篇{verb}“{tag}”", writes)
        self._refresh_choices(flags=False)
        self.statusBar().showMessage(f"已为 {done} 篇{verb}“{tag}”（Ctrl+Z 一步撤销）", 8000)
        return done

    def bulk_status_dialog(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        labels = [st.label for st in STATUS_TABLE]
        choice, ok = QInputDialog.getItem(self, "批量设置状态", f"将所选 {len(ids)} 篇文章标为：", labels, 0, False)
        if ok and choice:
            self.bulk_set_status(ids, STATUS_TABLE[labels.index(choice)].value)

    def bulk_tag_dialog(self, mode: str) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        title = "批量添加标签" if mode == "add" else "批量移除标签"
        tag, ok = QInputDialog.getItem(self, title, f"所选 {len(ids)} 篇文章的标签：", self._tags, 0, True)
        if ok and tag.strip():
            self.bulk_tag(ids, tag, mode)

    def export_selection(self) -> SafeFileDialog | None:
        ids = self.selected_ids()
        if not ids:
            return None
        # Not QFileDialog's static functions: see gui.file_dialogs (they sniff the store's files).
        dlg = save_file_dialog(self, f"导出所选 {len(ids)} 篇文章（.jsonl 或 .csv）", "selection.jsonl")

        def chosen(path: str) -> None:
            if path:
                fmt = "csv" if path.lower().endswith(".csv") else "jsonl"
                self.start_export(Path(path), fmt, None, ids)

        dlg.fileSelected.connect(chosen)
        self.file_dialog = dlg
        dlg.open()
        return dlg

    # -- search hits, font size, help, log -------------------------------------------------------------
    def go_hit(self, step: str) -> None:
        if not self.doc.search:
            self.statusBar().showMessage("先在搜索框中输入要找的文字（Ctrl+F）", 4000)
            return
        if self.doc.go_hit(int(step)) is None:
            self.statusBar().showMessage(f"这篇文章中没有“{self.doc.search}”", 4000)

    def change_font_size(self, step: str) -> None:
        """Larger / smaller / default text, applied to the whole window at once."""
        size = int(self.settings.get("font_size"))
        if int(step) == 0:
            size = 0
        else:
            base = size if size > 0 else QApplication.font().pointSize()
            size = min(MAX_FONT, max(MIN_FONT, base + int(step)))
        self.settings.set("font_size", size)
        self.apply_font_size()
        self.statusBar().showMessage(f"字号：{size if size else '默认'}", 3000)

    def show_help(self) -> None:
        if self.help_overlay is None:
            self.help_overlay = HelpOverlay(self.commands, self)
        self.help_overlay.refresh()
        self.help_overlay.show()
        self.help_overlay.raise_()
        self.help_overlay.activateWindow()

    # -- saved filters ---------------------------------------------------------------------------------
    def saved_filters(self) -> dict[str, dict[str, Any]]:
        try:
            saved = json.loads(str(self.settings.get("filters/saved")) or "{}")
        except ValueError:
            return {}
        return saved if isinstance(saved, dict) else {}

    def save_filter(self, name: str) -> None:
        saved = self.saved_filters()
        saved[name.strip()] = self.filter_bar.state()
        self.settings.set("filters/saved", json.dumps(saved, ensure_ascii=False))
        self.settings.sync()
        self.statusBar().showMessage(f"已保存筛选“{name.strip()}”（Ctrl+Shift+L 应用）", 5000)

    def apply_saved_filter(self, name: str) -> bool:
        state = self.saved_filters().get(name)
        if state is None:
            return False
        self.filter_bar.set_state(state)
        self.statusBar().showMessage(f"筛选：{name}", 5000)
        return True

    def save_filter_dialog(self) -> None:
        name, ok = QInputDialog.getText(self, "保存当前筛选", "名称：")
        if ok and name.strip():
            self.save_filter(name)

    def apply_saved_filter_dialog(self) -> None:
        names = sorted(self.saved_filters())
        if not names:
            self.statusBar().showMessage("还没有保存的筛选（Ctrl+Shift+F 保存当前筛选）", 5000)
            return
        name, ok = QInputDialog.getItem(self, "已保存的筛选", "应用：", names, 0, False)
        if ok:
            self.apply_saved_filter(name)

    def delete_saved_filter_dialog(self) -> None:
        saved = self.saved_filters()
        if not saved:
            return
        name, ok = QInputDialog.getItem(self, "删除保存的筛选", "删除：", sorted(saved), 0, False)
        if ok and name in saved:
            del saved[name]
            self.settings.set("filters/saved", json.dumps(saved, ensure_ascii=False))

    def toggle_guidelines(self) -> None:
        if self.guidelines.isVisible():
            self.guidelines.hide()
            return
        self.guidelines.reload()
        self.guidelines.show()
        sizes = self.right_split.sizes()
        if len(sizes) == 3 and sizes[2] < 160:  # first showing: a third of the text's width
            give = max(220, sizes[0] // 3)
            self.right_split.setSizes([max(sizes[0] - give, 100), sizes[1], give])

    def show_log(self) -> None:
        show_log_dialog(self)

    def _refresh_progress(self) -> None:
        """Reviewed / total in the list's filter and today's count per reviewer, off the GUI thread."""
        store, flt = self.store, self._filter
        now = datetime.now().astimezone()
        since = now.replace(hour=0, minute=0, second=0, microsecond=0)
        self._progress_generation += 1
        generation = self._progress_generation
        job = Job("进度", lambda _p, _c: review_progress(store, flt, since), self)
        job.succeeded.connect(lambda p: self._show_progress(p, generation))
        self._begin_job(job, quiet=True)

    def _show_progress(self, p: ReviewProgress, generation: int) -> None:
        if generation != self._progress_generation:
            return
        me = self.settings.reviewer
        others = sorted(((n, who) for who, n in p.today.items() if who != me), reverse=True)
        today = [f"我 {p.today.get(me, 0)}"] + [f"{who} {n}" for n, who in others[:3]]
        self.progress_label.setText(f"已审核 {p.reviewed} / {p.total}  ·  今日：{'，'.join(today)}")
        self.progress_label.setToolTip(
            "已审核：当前筛选中已通过、待修改或已拒绝的文章\n今日：各审核人今天设置过状态的文章数\n"
            + "\n".join(f"{who}：{n}" for who, n in sorted(p.today.items())))

    # -- history ----------------------------------------------------------------------------------------
    def show_history(self, field: str | None) -> None:
        if self.current is None:
            return
        if not field:
            here = self.panel.position()
            field = here[0] if here is not None else None
        if self.history_dialog is None:
            self.history_dialog = HistoryDialog(self.current.id, self)
            self.history_dialog.revert_requested.connect(self.revert_to)
        dlg = self.history_dialog
        dlg.article_id = self.current.id
        dlg.setWindowTitle(f"#{self.current.id} 的修改历史")
        dlg.set_entries(self._history_of(self.current.id), field)
        dlg.show()
        dlg.raise_()

    def _history_of(self, article_id: int) -> list[HistoryEntry]:
        """The article's history; on a double-review article with this reviewer's own changes to
        their copy (never the other reviewer's)."""
        rows = field_history(self.store, article_id)
        if double_review.independent(self.store, article_id):
            rows = sorted(rows + double_review.own_history(self.store, article_id, self.settings.reviewer),
                          key=lambda h: h.id)
        return rows

    # -- double review -----------------------------------------------------------------------------------
    def sample_double_review_dialog(self) -> None:
        ids = self.selected_ids()
        where = f"所选 {len(ids)} 篇文章" if len(ids) > 1 else "全部文章"
        percent, ok = QInputDialog.getInt(self, "抽取双人审核样本",
                                          f"从{where}中未审核（状态为“新”）的文章里抽取的比例（%）：", 10, 1, 100)
        if ok:
            self.sample_double_review(percent / 100, ids if len(ids) > 1 else None)

    def sample_double_review(self, share: float, ids: list[int] | None = None) -> Job:
        """Put ``share`` of the new articles (of ``ids``, else of the store) in the sample, off the GUI thread."""
        store = self.store

        def done(chosen: list[int]) -> None:
            self.statusBar().showMessage(f"已将 {len(chosen)} 篇文章放入双人审核样本", 8000)
            self.model.refresh_ids(chosen)
            if self.current is not None and self.current.id in chosen:
                self.show_article(self.current.id)

        return self._job("抽取双人审核样本", lambda _p, _c: double_review.choose_sample(store, share, ids=ids), done)

    def show_agreement(self) -> AgreementDialog:
        if self.agreement_dialog is None:
            self.agreement_dialog = AgreementDialog(self.store, self)
            self.agreement_dialog.run_job = lambda job: self._begin_job(job, quiet=True)
        dlg = self.agreement_dialog
        dlg.refresh()
        dlg.show()
        dlg.raise_()
        return dlg

    def show_adjudication(self) -> AdjudicationDialog:
        if self.adjudication_dialog is None:
            self.adjudication_dialog = AdjudicationDialog(self.store, self.settings.reviewer, self)
            self.adjudication_dialog.run_job = lambda job: self._begin_job(job, quiet=True)
            self.adjudication_dialog.adjudicated.connect(self._on_adjudicated)
        dlg = self.adjudication_dialog
        dlg.who = self.settings.reviewer
        dlg.refresh()
        dlg.show()
        dlg.raise_()
        return dlg

    def _on_adjudicated(self, article_id: int) -> None:
        self.model.refresh_ids([article_id])
        self._progress_timer.start()
        if self.current is not None and self.current.id == article_id:
            self.show_article(article_id)  # its final values now, for everybody

    def revert_to(self, entry: HistoryEntry) -> None:
        """Set a field back to the value a history row gave it (an ordinary, undoable edit)."""
        try:
            view = get_article(self.store, entry.article_id)
            if double_review.independent(self.store, view.id):
                view = double_review.own_article(self.store, view, self.settings.reviewer)
        except NotFoundError:
            return
        if self.editor.version(view.id) is None:
            self.editor.saw(view.id, view.version)  # history of an article not shown this session
        if entry.field == "status":
            self.editor.set_status(view.id, view.status, str(entry.new_value))
        elif entry.field == "note":
            self.editor.set_note(view.id, view.note, str(entry.new_value or ""))
        elif entry.field == "tags":
            self.editor.set_tags(view.id, list(view.tags), list(entry.new_value or []))
        elif entry.field == "skip_changes":
            self.editor.set_skipped(view.id, skipped_changes(self.store, view.id),
                                    [tuple(k) for k in entry.new_value or []])
        elif entry.field in FIELDS_BY_NAME:
            old = field_state(view.fields, entry.field)
            self.editor.set_field(view.id, entry.field, old, FieldState(True, list(entry.new_value or [])).to_json())
        if self.history_dialog is not None and self.history_dialog.isVisible():
            self.history_dialog.set_entries(self._history_of(view.id), self.history_dialog.kind.currentData())

    # -- background jobs ----------------------------------------------------------------------------------
    def _begin_job(self, job: Job, *, quiet: bool = False) -> None:
        self.jobs.append(job)
        job.finished.connect(lambda: self._end_job(job))
        if not quiet:
            job.progress.connect(self._on_progress)
            self.progress.setRange(0, 0)
            self.progress.show()
            self.cancel_button.show()
            self.statusBar().showMessage(f"{job.title}…")
        job.quiet = quiet  # type: ignore[attr-defined]
        job.start()

    def _end_job(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if not any(not getattr(j, "quiet", False) for j in self.jobs):
            self.progress.hide()
            self.cancel_button.hide()
        job.deleteLater()

    def cancel_jobs(self) -> None:
        for job in self.jobs:
            if not getattr(job, "quiet", False):
                job.cancel()

    def wait_for_jobs(self, msecs: int = 30000) -> None:
        self._progress_timer.stop()  # no new count starts once the caller waits for the last jobs
        for job in list(self.jobs):
            job.wait(msecs)

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.statusBar().showMessage(f"{done}/{total}  {message}")

    def show_errors(self, title: str, summary: str, details: list[str]) -> None:
        """Errors go to a dialog (not a console); several at once are listed in its details."""
        box = plain_message_box(QMessageBox.Icon.Warning, title, summary, QMessageBox.StandardButton.Ok, self)
        if details:
            box.setDetailedText("\n".join(details[:500]))
        self.error_box = box
        box.open()

    def _job(self, title: str, fn: Callable[[Any, Any], Any], on_done: Callable[[Any], None]) -> Job:
        job = Job(title, fn, self)

        def done(result: Any) -> None:
            on_done(result)
            self.job_finished.emit(title, result)

        def failed(msg: str, detail: str) -> None:
            self.show_errors(f"{title}失败", msg, [detail])
            self.job_finished.emit(title, None)

        job.succeeded.connect(done)
        job.failed.connect(failed)
        self._begin_job(job)
        return job

    # -- import -----------------------------------------------------------------------------------------------
    def import_files_dialog(self) -> None:
        # Never QFileDialog's static functions: see gui.file_dialogs (they sniff the store's files).
        dlg = open_files_dialog(self, "导入文件")
        dlg.filesSelected.connect(lambda files: self.start_import(list(files)) if files else None)
        self.file_dialog = dlg
        dlg.open()

    def import_folder_dialog(self) -> None:
        dlg = folder_dialog(self, "导入文件夹")
        dlg.fileSelected.connect(lambda folder: self.start_import([folder]) if folder else None)
        self.file_dialog = dlg
        dlg.open()

    def start_import(self, paths: Sequence[str | Path]) -> Job:
        store, todo = self.store, list(paths)

        def work(progress: Any, cancelled: Any) -> ImportReport:
            def on_progress(p: ImportProgress) -> None:
                what = p.current if p.done else f"共 {p.total} 个文件，正在启动处理…"
                progress(p.done, p.total, what)

            return import_paths(store, todo, progress=on_progress, cancel=cancelled)

        return self._job("导入", work, self._on_import_done)

    def _on_import_done(self, report: ImportReport) -> None:
        self._refresh_choices()
        self.apply_filter()
        summary = (f"导入 {len(report.imported)} 篇，重复跳过 {len(report.duplicates)} 篇，"
                   f"失败 {len(report.failed)} 篇"
                   + (f"，不支持的文件 {len(report.skipped)} 个" if report.skipped else "")
                   + ("（已取消）" if report.cancelled else ""))
        if report.warnings:
            summary += f"；{len(report.warnings)} 篇导入时有提示"
        self.statusBar().showMessage(summary, 10000)
        if report.failed or report.skipped or report.warnings:
            # One line a file, grouped by what happened to it; all plain text (show_errors).
            details = [f"{p}：{reason_zh(why)}" for p, why in report.failed]
            details += [f"{p}：未导入，{reason_zh(why)}" for p, why in report.skipped]
            details += [f"{p}：已导入，{warning_zh(what)}" for p, what in report.warnings]
            title = ("部分文件未能导入" if report.failed else "有文件未导入" if report.skipped
                     else "部分文件导入时有提示")
            self.show_errors(title, summary, details)
        if report.imported and self.current is None:
            first = report.imported[0][0]
            self.list_updated.connect(lambda: self._select_once(first), Qt.ConnectionType.SingleShotConnection)

    def _select_once(self, article_id: int) -> None:
        if self.current is None:
            self.select_article(article_id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)
        else:
            event.ignore()

    # -- near-duplicate groups ---------------------------------------------------------------------------------
    def _current_group(self) -> list[int]:
        return group_members(self.store, self.current.id) if self.current is not None else []

    def show_group_members(self) -> Job | None:
        members = self._current_group()
        if len(members) < 2 or self.current is None:
            self.statusBar().showMessage("当前文章没有近似重复稿", 5000)
            return None
        self.statusBar().showMessage(f"同组近似重复稿 {len(members)} 篇；改动筛选栏即恢复", 8000)
        return self.apply_filter(replace(self._filter, group=min(members)))

    def make_canonical(self) -> None:
        if self.current is None:
            return
        members = set_canonical(self.store, self.current.id, who=self.settings.reviewer)
        self.model.refresh_ids(members)
        self.statusBar().showMessage(f"已设为本组代表稿（本组 {len(members)} 篇）", 5000)

    def compare_with_canonical(self) -> GroupDiffDialog | None:
        members = self._current_group()
        if len(members) < 2 or self.current is None:
            self.statusBar().showMessage("当前文章没有近似重复稿", 5000)
            return None
        summaries = summaries_for(self.store, members)
        canon = next((i for i in members if summaries[i].canonical), members[0])
        other = self.current.id if self.current.id != canon else next(i for i in members if i != canon)
        left, right = get_article(self.store, canon), get_article(self.store, other)
        dlg = GroupDiffDialog(f"代表稿 #{canon} {left.source_name}", left.cleaned_text,
                              f"#{other} {right.source_name}", right.cleaned_text, self)
        self.group_diff_dialog = dlg
        dlg.open()
        return dlg

    # -- export ----------------------------------------------------------------------------------------------
    def open_export_dialog(self) -> ExportDialog:
        f, bar = self._filter, self.filter_bar
        dlg = ExportDialog(f.statuses, self.model.rowCount(), parent=self, tag=f.tag, flag=f.flag, search=f.text,
                           tags=[bar.tag.itemData(i) for i in range(1, bar.tag.count())],
                           flags=[bar.flag.itemData(i) for i in range(1, bar.flag.count())])
        dlg.canonical_only.setChecked(f.duplicates == "canonical")
        self.export_dialog = dlg
        dlg.accepted.connect(lambda: self.start_curated_export(dlg.destination(), dlg.options(self.model.ids())))
        dlg.open()
        return dlg

    def start_curated_export(self, out: Path, options: ExportOptions) -> Job:
        """Any format, filters and split (storage.curated_export), as a job with progress and cancel."""
        store = self.store

        def work(progress: Any, cancelled: Any) -> ExportReport:
            return curated_export(store, out, options, progress=lambda n, t: progress(n, max(t, n), str(out.name)),
                                  cancel=cancelled)

        def done(report: ExportReport) -> None:
            if report.cancelled:
                self.statusBar().showMessage("导出已取消，原文件未改动", 8000)
            else:
                parts = "，".join(f"{SPLIT_NAMES.get(k, k)} {v} 篇" for k, v in report.splits.items())
                where = f"已导出 {report.count} 篇到 {report.path}"
                self.statusBar().showMessage(where + (f"（{parts}）" if parts else ""), 10000)

        return self._job("导出", work, done)

    def start_export(self, out: Path, fmt: str, statuses: Sequence[str] | None,
                     ids: Sequence[int] | None = None) -> Job | None:
        store = self.store
        if out in store_files(store):
            # Renaming an export over the store would replace the reviewers' work with a dataset.
            self.show_errors("导出失败", "不能导出到正在使用的数据库文件本身，请换一个文件名。", [str(out)])
            return None
        total = len(ids) if ids is not None else self.model.rowCount()

        def work(progress: Any, cancelled: Any) -> ExportReport:
            return export_dataset(store, out, fmt, statuses=statuses, ids=ids,
                                  progress=lambda n: progress(n, max(total, n), str(out.name)), cancel=cancelled)

        def done(report: ExportReport) -> None:
            if report.cancelled:
                self.statusBar().showMessage("导出已取消，原文件未改动", 8000)
            else:
                self.statusBar().showMessage(f"已导出 {report.count} 篇到 {report.path}", 10000)

        return self._job("导出", work, done)

    # -- re-extraction -----------------------------------------------------------------------------------------
    def reextract_current(self) -> None:
        if self.current is not None:
            self.start_reextract([self.current.id], apply=False)

    def reextract_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.article_id(r) for r in rows]
        if ids:
            self.start_reextract(ids, apply=False)

    def start_reextract(self, ids: list[int], *, apply: bool, title: str = "重新抽取",
                        find: Callable[[], list[int]] | None = None) -> Job:
        """Re-clean and re-extract ``ids`` (or the articles ``find()`` names, found off the GUI
        thread); ``apply=False`` shows first what would change."""
        store, who = self.store, f"re-extraction ({self.settings.reviewer})"
        if apply:
            self.panel.commit_pending()

        def work(progress: Any, cancelled: Any) -> tuple[ReextractReport, dict[int, Any], dict[int, Any], list[int]]:
            if find is not None:
                progress(0, 0, "查找受影响的文章…")
            todo = find() if find is not None else ids
            before = fields_of(store, todo) if apply else {}
            report = reextract(store, todo, apply=apply, who=who,
                               progress=lambda n, t: progress(n, t, f"#{todo[min(n, len(todo)) - 1]}"),
                               cancel=cancelled)
            after = fields_of(store, todo) if apply else {}
            return report, before, after, todo

        def done(result: tuple[ReextractReport, dict[int, Any], dict[int, Any], list[int]]) -> None:
            report, before, after, todo = result
            if not apply:
                dlg = ReextractDialog(report, self)
                self.reextract_dialog = dlg
                dlg.accepted.connect(lambda: self.start_reextract(todo, apply=True))
                dlg.open()
                return
            # One undo step for the whole re-extraction: every field it changed goes back.
            writes = [(aid, name, field_state(before[aid], name), state)
                      for aid in todo if aid in before and aid in after
                      for name, state in after[aid].items() if name in FIELDS_BY_NAME
                      and before[aid].get(name) != state]
            self.editor.record_bulk(f"{title} {len(todo)} 篇", writes)
            self.model.refresh_ids(todo)
            if self.current is not None and self.current.id in todo:
                self.show_article(self.current.id)
            changed = sum(len(v) for v in report.changed.values())
            stopped = "（已取消，其余未处理）" if report.cancelled else ""
            self.statusBar().showMessage(
                f"{title}完成{stopped}：{report.articles} 篇，更新 {changed} 个字段（Ctrl+Z 一步撤销）", 10000)

        return self._job(title, work, done)

    # -- settings --------------------------------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        dlg = SettingsDialog(self.settings, self)
        dlg.accepted.connect(self.apply_font_size)
        dlg.open()
        return dlg

    def closeEvent(self, event: Any) -> None:
        self.panel.commit_pending()  # text typed a moment ago is written before the window goes
        self.live.stop()
        self._reload_timer.stop()
        with contextlib.suppress(Exception):
            self.claim_queue.shutdown()  # the last claim written before it is released
        if self.current is not None:  # the reviewer leaves: teammates may take the article
            with contextlib.suppress(Exception):
                claims.release(self.store, self.current.id, self.settings.reviewer)
        self.save_layout()
        for job in list(self.jobs):
            job.cancel()
        for job in list(self.jobs):
            with contextlib.suppress(RuntimeError):
                job.wait(10000)
        super().closeEvent(event)
