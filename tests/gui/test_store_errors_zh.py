"""A store that cannot be used or written is explained in Chinese; SQLite's English goes to the details."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.exc import OperationalError

from gui import app as app_module
from gui.texts import store_error_zh
from storage import editing
from storage import store as store_module
from storage.store import open_store
from tests.gui.conftest import show
from tests.gui.test_app_damaged_store import _shown


def _cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def test_a_database_of_another_program_is_refused_in_chinese(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # On main: the dialog's text was the English StoreError.
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as con:
        con.execute("create table invoices (id integer primary key)")
    boxes = _shown(monkeypatch)
    assert app_module.run_app(db_url=f"sqlite:///{path}") == 1
    (box,) = boxes
    assert box.windowTitle() == "无法打开数据库"
    assert "不是 Article Curator 的数据库" in box.text() and not any(c.isascii() and c.isalpha()
                                                                   for c in box.text().replace("Article Curator", ""))
    assert "not an Article Curator store" in box.detailedText()


def test_a_newer_store_is_refused_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "newer.db"
    open_store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as con:
        con.execute("update alembic_version set version_num = '9999'")
    boxes = _shown(monkeypatch)
    assert app_module.run_app(db_url=f"sqlite:///{path}") == 1
    (box,) = boxes
    assert "更新版本" in box.text() and "newer version" in box.detailedText()


@pytest.mark.parametrize(("kind", "needle"), [
    (store_module.StoreBusyError, "占用"), (store_module.NewerSchemaError, "更新版本"),
    (store_module.DamagedStoreError, "损坏"), (store_module.NotAStoreError, "别的程序"),
    (store_module.StoreFullError, "磁盘空间已满"), (store_module.StoreUnopenableError, "无法打开"),
    (store_module.StoreError, "无法使用数据库"),
])
def test_every_kind_of_store_error_has_its_chinese(kind: type[Exception], needle: str) -> None:
    assert needle in store_error_zh(kind("English detail"))


def test_sqlite_errors_map_to_their_kind() -> None:
    def err(text: str) -> Any:
        return store_module.translate_error(OperationalError("x", {}, Exception(text)))

    assert isinstance(err("database or disk is full"), store_module.StoreFullError)
    assert isinstance(err("database is locked"), store_module.StoreBusyError)
    assert isinstance(err("unable to open database file"), store_module.StoreUnopenableError)


def test_a_failed_write_says_why_in_chinese(qtbot: Any, window: Any, store: Any, articles: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, aid)

    def full(*_a: Any, **_k: Any) -> int:
        raise store_module.StoreFullError("The store could not be written: database or disk is full.")

    monkeypatch.setattr(editing, "set_status", full)
    window.set_status("accepted", advance=False)
    box = window.error_box
    assert isinstance(box, QMessageBox)
    assert box.text() == "这处修改未能保存，已重新载入这篇文章。\n磁盘空间已满，数据未能写入。请腾出磁盘空间后再试。"
    assert "database or disk is full" in box.detailedText()
    box.close()
