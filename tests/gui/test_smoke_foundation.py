"""Smoke test of the main window on a real store (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

from gui.main_window import MainWindow
from storage.importer import import_paths


def test_window_lists_articles_and_shows_the_selected_one(qtbot, store, seeds_dir: Path) -> None:
    import_paths(store, [seeds_dir])
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 5
    window.select_article(3)
    qtbot.waitUntil(lambda: "梧州" in window.doc.single.toPlainText())


def test_import_runs_in_the_background_and_refreshes_the_list(qtbot, store, seeds_dir: Path) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 0
    job = window.start_import([seeds_dir])
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)
