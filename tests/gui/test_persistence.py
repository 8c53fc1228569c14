"""Nothing is lost: every edit is in the store the moment it is made, across restarts and kills."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from gui.main_window import MainWindow
from gui.settings import Settings
from storage.queries import field_history, get_article
from storage.store import open_store
from tests.gui.conftest import show

REPO = Path(__file__).resolve().parents[2]


def test_restart_on_the_same_store_finds_every_edit(qtbot: Any, store: Any, db_url: str, settings: Any,
                                                    articles: Any) -> None:
    a, c = articles.by_name["a_tuijie.txt"], articles.by_name["c_zuotan.txt"]
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    show(qtbot, w, a)
    title = w.panel.editors["title"]
    title.setFocus()
    title.setText("重启后还在")
    title.editingFinished.emit()
    w.doc.single.select_span(0, 3)
    w.add_actions["organizations"].trigger()
    w.set_status("accepted")  # and on to the next
    show(qtbot, w, c)
    w.panel.tags_edit.setText("复核")
    w.panel.tags_edit.editingFinished.emit()
    w.panel.note_edit.setFocus()
    w.panel.note_edit.insertPlainText("关窗前刚写的备注")  # still inside the save pause when closing
    w.close()
    store.close()

    again = open_store(db_url)
    try:
        w2 = MainWindow(again, settings)
        qtbot.addWidget(w2)
        show(qtbot, w2, a)
        assert w2.panel.editors["title"].text() == "重启后还在"
        assert w2.panel.models["organizations"].rowCount() == 1
        assert w2.current.status == "accepted"
        show(qtbot, w2, c)
        assert w2.panel.tags_edit.text() == "复核"
        assert w2.panel.note_edit.toPlainText() == "关窗前刚写的备注"
        assert {h.field for h in field_history(again, a)} >= {"title", "organizations", "status"}
        w2.close()
    finally:
        again.close()


CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from gui.main_window import MainWindow
    from gui.settings import Settings
    from storage.store import open_store

    app = QApplication([])
    store = open_store(sys.argv[1])
    w = MainWindow(store, Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
    w.show()

    def edit():
        w.select_article(int(sys.argv[3]))
        title = w.panel.editors["title"]
        title.setFocus()
        title.setText("杀掉进程也不丢")
        title.editingFinished.emit()
        w.set_status("needs_work", advance=False)
        print("EDITED", flush=True)

    QTimer.singleShot(0, edit)
    app.exec()
""")


def test_killed_mid_session_loses_nothing(store: Any, db_url: str, articles: Any, tmp_path: Path) -> None:
    aid = articles.by_name["b_kaocha.html"]
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, db_url, str(tmp_path / "s.ini"), str(aid)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO, text=True)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "the app did not report its edit in time"
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "EDITED", proc.stderr.read() if proc.stderr else line
        proc.send_signal(signal.SIGKILL)  # no closeEvent, no atexit, no flush
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
    assert proc.returncode == -signal.SIGKILL
    reopened = open_store(db_url)
    try:
        view = get_article(reopened, aid)
        assert view.fields["title"]["values"][0]["value"] == "杀掉进程也不丢"
        assert view.status == "needs_work"
    finally:
        reopened.close()


def test_splitter_layout_and_mode_are_remembered(qtbot: Any, store: Any, tmp_path: Path, articles: Any) -> None:
    ini = str(tmp_path / "layout.ini")
    w = MainWindow(store, Settings(QSettings(ini, QSettings.Format.IniFormat)))
    qtbot.addWidget(w)
    w.show()
    w.main_split.setSizes([200, 1080])
    w.doc.set_mode("original")
    sizes = w.main_split.sizes()
    w.close()
    w2 = MainWindow(store, Settings(QSettings(ini, QSettings.Format.IniFormat)))
    qtbot.addWidget(w2)
    w2.show()
    assert w2.main_split.sizes()[0] == sizes[0]
    assert w2.doc.mode == "original"
    w2.close()


def test_settings_are_declared_once_with_types(tmp_path: Path) -> None:
    from gui.settings import SETTINGS

    s = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert all(spec.description for spec in SETTINGS)
    assert s.get("font_size") == 0
    s.set("font_size", "14")
    assert s.get("font_size") == 14
    s.set("reviewer", "")
    assert s.reviewer  # falls back to the login name
