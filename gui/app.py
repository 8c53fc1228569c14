"""Application start-up: open the store, seed an empty default store, show the window."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QLibraryInfo, Qt, QTimer, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.layout_check import clipped
from gui.logs import install_excepthook, log, setup_logging
from gui.main_window import MainWindow
from gui.paths import seeds_dir
from gui.plain import plain_message_box
from gui.settings import APPLICATION, ORGANIZATION, Settings
from gui.texts import store_error_zh
from storage.queries import count_articles
from storage.store import DamagedStoreError, StoreError, default_url, open_store


def has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def install_qt_translation(app: QApplication) -> bool:
    """Qt's own buttons (OK, Cancel, Close, context menus) in Chinese, like the rest of the UI."""
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_zh_CN", path):
        return app.installTranslator(translator)
    return False


def prepare_qt_environment() -> None:
    """Settings Qt reads once, before the application object exists.

    Qt's raster engine hands larger fills (scroll bars, panel backgrounds) to a thread pool and
    waits for it; for widget-sized fills the hand-off costs more than the fill, and on a busy
    2-core machine the wait for a pool thread became the slow tail of an article switch
    (measured, 200 switches offscreen: median 27-42 → 23-29 ms, p95 42-55 → 26-38 ms).
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def run_app(db_url: str | None = None, screenshot: str | None = None, article_id: int | None = None) -> int:
    prepare_qt_environment()
    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    install_qt_translation(app)
    install_excepthook()  # an error in a slot is logged and shown, not lost on a console
    settings = Settings()
    configured = str(settings.get("store_url")).strip()
    if db_url is None and not os.environ.get("CURATOR_DB") and configured:
        db_url = configured if "://" in configured else f"sqlite:///{Path(configured).expanduser()}"
    using_default = db_url is None and not os.environ.get("CURATOR_DB")
    try:
        store = open_store(db_url or default_url())
    except StoreError as exc:
        log.error("cannot open the store: %s", exc)
        return _refuse_store(exc, screenshot)
    try:
        window = MainWindow(store, settings)  # reads the list: damage there is met here
    except StoreError as exc:
        store.close()
        return _refuse_store(exc, screenshot)
    if not has_cjk_font():
        window.warn("未安装中文字体，文字可能显示为方框（请安装 Noto CJK 等字体）")
    seeding = None
    if using_default and count_articles(store) == 0 and seeds_dir().is_dir():
        seeding = window.start_import([seeds_dir()])
    window.show()
    if screenshot:
        return _screenshot(app, window, screenshot, article_id, seeding)
    previous = sys.excepthook
    sys.excepthook = store_error_hook(previous)  # damage met later, in any slot: a dialog too
    try:
        code = app.exec()
    finally:
        sys.excepthook = previous
        store.close()
    return int(code)


DAMAGED_STORE_MESSAGE = (
    "数据库文件已损坏，未做任何更改。\n\n"
    "请在命令行运行 curator db check 查看损坏情况，"
    "用 curator db backup 文件名 保存仍可读取的部分，"
    "然后用最近的完好备份（您自己的备份，或数据库旁的 *.before-*.bak 文件）替换它。"
    "详见 README 的“Data safety”一节。"
)


def _refuse_store(exc: StoreError, screenshot: str | None) -> int:
    """The store cannot be used: one message (a dialog, or stderr when headless), no traceback."""
    if screenshot:
        print(f"curator: {exc}", file=sys.stderr)
    elif isinstance(exc, DamagedStoreError):
        _damaged_dialog(exc)
    else:
        box = plain_message_box(QMessageBox.Icon.Critical, "无法打开数据库", store_error_zh(exc))
        box.setDetailedText(str(exc))  # the English detail (file, SQLite's words), for a bug report
        box.exec()
    return 1


def _damaged_dialog(exc: DamagedStoreError) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "数据库已损坏", DAMAGED_STORE_MESSAGE)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDetailedText(str(exc))  # SQLite's own words, for a bug report
    box.exec()


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def store_error_hook(previous: ExceptHook) -> ExceptHook:
    """An excepthook (Qt hands it what a slot raises) that shows a damaged store in the damage
    dialog, once per run (a damaged page can fail every repaint), and one line on stderr; any
    other exception goes to ``previous``."""
    shown = False

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Any:
        nonlocal shown
        if not isinstance(exc, DamagedStoreError):
            return previous(kind, exc, tb)
        print(f"curator: {exc}", file=sys.stderr)
        if not shown:
            shown = True
            _damaged_dialog(exc)
        return None

    return hook


def _screenshot(app: QApplication, window: MainWindow, path: str, article_id: int | None,
                seeding: object) -> int:
    def shoot() -> None:
        if window.jobs:
            QTimer.singleShot(100, shoot)
            return
        mode = os.environ.get("CURATOR_SCREENSHOT_MODE")  # clean / original / changes, for checks
        if mode:
            window.doc.set_mode(mode)
        if article_id is not None:
            window.select_article(article_id)
        elif window.model.rowCount():
            window.select_article(window.model.article_id(0))
        window.settle_claims()  # the claim is written off the GUI thread: show its outcome too
        app.processEvents()
        ok = window.grab().save(path)
        print(f"screenshot {'saved to' if ok else 'FAILED:'} {path}")
        for problem in clipped(window):  # what a reviewer would see cut off
            print(f"clipped: {problem}")
        app.exit(0 if ok else 1)

    QTimer.singleShot(200, shoot)
    code = app.exec()
    window.store.close()
    return int(code)
