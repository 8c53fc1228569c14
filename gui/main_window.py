"""The main window: the article list beside the selected article's text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
)

from gui.article_table import ArticleTableModel
from gui.workers import Job
from storage.importer import import_paths
from storage.queries import get_article
from storage.records import ImportProgress, ImportReport
from storage.store import Store


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle(f"Article Curator — {store.display_name}")
        self.resize(1280, 800)
        self.jobs: list[Job] = []

        self.model = ArticleTableModel(store, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.text)
        splitter.setSizes([520, 760])
        self.setCentralWidget(splitter)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.cancel_button = QPushButton("取消")
        self.cancel_button.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

        self._build_menus()
        self.model.reload()
        self._show_count()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        act_files = QAction("导入文件…", self)
        act_files.setShortcut(QKeySequence.StandardKey.Open)
        act_files.triggered.connect(self._import_files_dialog)
        act_folder = QAction("导入文件夹…", self)
        act_folder.triggered.connect(self._import_folder_dialog)
        act_quit = QAction("退出", self)
        act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        act_quit.triggered.connect(self.close)
        for act in (act_files, act_folder):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(act_quit)

    # -- selection ----------------------------------------------------------------------------
    def select_article(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        if row >= 0:
            self.table.selectRow(row)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows:
            return
        article = get_article(self.store, self.model.article_id(rows[0].row()))
        self.text.setPlainText(article.cleaned_text)

    def _show_count(self) -> None:
        self.statusBar().showMessage(f"{self.model.rowCount()} 篇文章")

    # -- import -------------------------------------------------------------------------------
    def _import_files_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "导入文件", "", "文章 (*.txt *.md *.markdown *.html *.htm)")
        if files:
            self.start_import(files)

    def _import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "导入文件夹")
        if folder:
            self.start_import([folder])

    def start_import(self, paths: list[str | Path]) -> Job:
        store = self.store

        def work(progress: Any, cancelled: Any) -> ImportReport:
            def on_progress(p: ImportProgress) -> None:
                progress(p.done, p.total, p.current)

            return import_paths(store, paths, progress=on_progress, cancel=cancelled)

        job = Job("导入", work, self)
        job.progress.connect(self._on_progress)
        job.succeeded.connect(self._on_import_done)
        job.failed.connect(lambda msg: QMessageBox.warning(self, "导入失败", msg))
        job.finished.connect(lambda: self._end_job(job))
        self._begin_job(job)
        return job

    def _begin_job(self, job: Job) -> None:
        self.jobs.append(job)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.clicked.connect(job.cancel)
        self.statusBar().showMessage(f"{job.title}…")
        job.start()

    def _end_job(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if not self.jobs:
            self.progress.hide()
            self.cancel_button.hide()
        try:
            self.cancel_button.clicked.disconnect(job.cancel)
        except (RuntimeError, TypeError):
            pass

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.statusBar().showMessage(f"{done}/{total}  {message}")

    def _on_import_done(self, report: ImportReport) -> None:
        self.model.reload()
        summary = (f"导入 {len(report.imported)} 篇，重复跳过 {len(report.duplicates)}，"
                   f"失败 {len(report.failed)}")
        self.statusBar().showMessage(summary, 10000)
        if report.failed:
            details = "\n".join(f"{Path(p).name}: {why}" for p, why in report.failed[:200])
            box = QMessageBox(QMessageBox.Icon.Warning, "部分文件未能导入", summary, parent=self)
            box.setDetailedText(details)
            box.open()
        if report.imported and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        for job in list(self.jobs):
            job.cancel()
            job.wait(10000)
        super().closeEvent(event)
