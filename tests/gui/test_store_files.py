"""The process that holds the SQLite store never opens the store's own files except through SQLite.

On Linux, closing *any* descriptor of a file drops every POSIX lock the process holds on it. A
file dialog that sniffs the store's files (to show their type or icon) and closes them again
silently drops SQLite's locks: another process then believes it is alone, checkpoints and removes
the WAL, and edits the app makes afterwards are lost. These tests drive the real dialogs onto the
store's folder and check the locks and that a later edit reaches a second process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QLineEdit

from storage.queries import get_article
from tests.gui.conftest import show
from tests.store_locks import held_locks

_READ_STATUS = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1])\n"
    "print(c.execute('select status from articles where id = ?', (int(sys.argv[2]),)).fetchone()[0])\n"
    "c.close()\n"
)


def status_seen_by_another_process(db: Path, article_id: int) -> str:
    out = subprocess.run([sys.executable, "-c", _READ_STATUS, str(db), str(article_id)],
                         capture_output=True, text=True, timeout=60, check=True)
    return out.stdout.strip()


def _open_file_dialog() -> QFileDialog | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
    return shown[0] if shown else None


def _drive_dialog(qtbot: Any, folder: Path, done: dict[str, Any]) -> None:
    """Point the open file dialog at ``folder`` as a user would, let it list everything, close it."""
    dlg = _open_file_dialog()
    if dlg is None:  # not shown yet: look again in a moment
        QTimer.singleShot(50, lambda: _drive_dialog(qtbot, folder, done))
        return
    try:
        _list_folder(qtbot, dlg, folder, done)
    except BaseException as exc:  # the dialog may be running its own event loop: always close it
        done["error"] = exc
    finally:
        done.setdefault("locks", None)
        dlg.reject()


def _list_folder(qtbot: Any, dlg: QFileDialog, folder: Path, done: dict[str, Any]) -> None:
    model = dlg.findChild(QFileSystemModel)
    assert model is not None, "the dialog must be Qt's own widget dialog, where nothing sniffs content"
    dlg.setViewMode(QFileDialog.ViewMode.Detail)  # the type column is where Qt sniffed content
    dlg.setDirectory(str(folder))
    name = dlg.findChild(QLineEdit, "fileNameEdit")
    if name is not None:
        name.setText(f"{folder}/")  # typing a folder name: the completer lists it too
    # The folder shows at least its subfolder "in" (the filter may hide the store's files, but the
    # model still gathers every file's details), then the gatherer fetches types and icons.
    qtbot.waitUntil(lambda: model.rowCount(model.index(str(folder))) >= 1, timeout=10000)
    qtbot.wait(1000)
    root = model.index(str(folder))
    for row in range(model.rowCount(root)):
        for col in range(model.columnCount(root)):
            model.index(row, col, root).data()
        model.fileIcon(model.index(row, 0, root))
    qtbot.wait(200)
    done["locks"] = held_locks(Path(done["db"]))


def _check_dialog_keeps_locks(qtbot: Any, window: Any, store: Any, articles: Any, open_dialog: Any) -> None:
    db = Path(store.engine.url.database)
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)
    before = held_locks(db)
    assert before, "the app holds SQLite's locks while the store is open"
    done: dict[str, Any] = {"db": str(db)}
    QTimer.singleShot(0, lambda: _drive_dialog(qtbot, db.parent, done))
    open_dialog()
    qtbot.waitUntil(lambda: "locks" in done, timeout=30000)
    if "error" in done:
        raise done["error"]
    assert done["locks"] == before, "a dialog opened and closed the store's files, dropping SQLite's locks"
    # Another process comes and goes (as `curator list` would), then the app makes an edit:
    # the edit must be in the store that process sees, not in a WAL it removed.
    assert status_seen_by_another_process(db, aid) == "in_review"  # shown = claimed
    window.set_status("accepted", advance=False)
    assert get_article(store, aid).status == "accepted"
    assert status_seen_by_another_process(db, aid) == "accepted"
    assert held_locks(db) == before


def test_import_files_dialog_never_opens_the_store_files(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    _check_dialog_keeps_locks(qtbot, window, store, articles, window.commands["import_files"].trigger)


def test_import_folder_dialog_never_opens_the_store_files(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    _check_dialog_keeps_locks(qtbot, window, store, articles, window.commands["import_folder"].trigger)


def test_export_browse_dialog_never_opens_the_store_files(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    def browse() -> None:
        dlg = window.open_export_dialog()
        dlg.browse()

    _check_dialog_keeps_locks(qtbot, window, store, articles, browse)
    window.export_dialog.reject()


def test_files_chosen_in_the_import_dialog_are_imported(qtbot: Any, window: Any, store: Any, tmp_path: Path) -> None:
    new = tmp_path / "new.txt"
    new.write_text("内江推介会\n\n2023年3月2日，内江市在成都举办新材料产业推介会。\n", encoding="utf-8")
    window.commands["import_files"].trigger()
    dlg = window.file_dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.testOption(QFileDialog.Option.DontUseNativeDialog)
    dlg.setDirectory(str(tmp_path))
    dlg.selectFile(str(new))
    with qtbot.waitSignal(window.job_finished, timeout=20000) as finished:
        dlg.accept()
    assert finished.args[0] == "导入" and [n for _i, n in finished.args[1].imported] == ["new.txt"]


def test_an_export_is_never_written_over_the_store(qtbot: Any, window: Any, store: Any, articles: Any) -> None:
    db = Path(store.engine.url.database)
    before = (db.stat().st_ino, held_locks(db))
    for target in (db, Path(f"{db}-wal")):
        assert window.start_export(target, "jsonl", None) is None
        box = window.error_box
        assert box is not None and "数据库文件" in box.text()
        box.close()
    assert (db.stat().st_ino, held_locks(db)) == before
    assert len(get_article(store, articles.ids[0]).cleaned_text) > 0


def test_a_dropped_folder_holding_the_store_keeps_its_locks(qtbot: Any, window: Any, store: Any,
                                                            articles: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    db = Path(store.engine.url.database)
    os.link(db, db.parent / "a_copy_of_the_store.txt")  # walked by the import: same inode as the store
    before = held_locks(db)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(db.parent))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.job_finished, timeout=30000) as finished:
        window.dropEvent(event)
    report = finished.args[1]
    assert any(p.endswith("a_copy_of_the_store.txt") and "own file" in why for p, why in report.failed)
    # Work the import set off (list refresh, claims) reads the store meanwhile and holds read marks
    # of its own for a moment; once it is done the store's locks are what they were. Had the import
    # closed a descriptor of the store's inode, the process's locks would be gone for good.
    for job in list(window.jobs):
        job.wait(30000)
    window.claim_queue.settle()
    qtbot.waitUntil(lambda: held_locks(db) == before, timeout=5000)
