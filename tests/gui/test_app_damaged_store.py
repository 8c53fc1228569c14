"""Opening the app on a damaged store: a dialog in Chinese saying what to do, no traceback."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from gui import app as app_module
from storage.importer import import_paths
from storage.store import open_store


def _shown(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    boxes: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        boxes.append(box)
        return 0

    def fake_critical(_parent: object, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        boxes.append(QMessageBox(QMessageBox.Icon.Critical, title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(fake_critical))
    return boxes


def test_not_a_database_shows_the_damage_dialog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(os.urandom(20_000))
    boxes = _shown(monkeypatch)
    assert app_module.run_app(db_url=f"sqlite:///{path}") == 1
    assert len(boxes) == 1
    box = boxes[0]
    assert box.windowTitle() == "数据库已损坏"
    assert "未做任何更改" in box.text() and "curator db check" in box.text()
    assert "file is not a database" in box.detailedText()


def test_damage_met_while_loading_the_list_shows_the_dialog(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.db"
    store = open_store(f"sqlite:///{path}")
    import_paths(store, [seeds_dir])
    store.close()
    # Damage the articles table's root page (the list reads it; opening the store does not).
    con = sqlite3.connect(path)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
    con.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * 4096 + 8)
        fh.write(b"\xff" * 64)
    open_store(f"sqlite:///{path}").close()  # opening alone does not meet the damage
    boxes = _shown(monkeypatch)
    assert app_module.run_app(db_url=f"sqlite:///{path}") == 1
    assert [b.windowTitle() for b in boxes] == ["数据库已损坏"]


def test_damage_raised_in_a_slot_shows_the_dialog_once(monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    import sys

    from PySide6.QtCore import QCoreApplication, QTimer

    from storage.store import DamagedStoreError

    boxes = _shown(monkeypatch)
    others: list[BaseException] = []
    hook = app_module.store_error_hook(lambda _kind, exc, _tb: others.append(exc))
    monkeypatch.setattr(sys, "excepthook", hook)

    def slot() -> None:
        raise DamagedStoreError("The store is damaged (database disk image is malformed).")

    QTimer.singleShot(0, slot)
    QTimer.singleShot(0, slot)
    for _ in range(5):
        QCoreApplication.processEvents()
    assert [b.windowTitle() for b in boxes] == ["数据库已损坏"]
    assert "malformed" in boxes[0].detailedText()
    hook(ValueError, ValueError("a bug"), None)
    assert [type(e) for e in others] == [ValueError]
