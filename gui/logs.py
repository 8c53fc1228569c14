"""Logging: a rotating log file in the user's log folder, and uncaught exceptions shown once.

``setup_logging`` sends the app's log records to ``<user log dir>/curator.log`` (platformdirs:
``~/.local/state/article-curator/log`` on Linux), rotated at 1 MB with 3 old files kept, so a
reviewer can send it along with a problem. ``install_excepthook`` logs any exception that reaches
the event loop and shows it in one dialog (later ones are appended to the same dialog instead of
stacking a box per error); the stdlib's hook would print to a console nobody sees.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.settings import APPLICATION, ORGANIZATION

log = logging.getLogger("curator")
LOG_NAME = "curator.log"
_dialog: QMessageBox | None = None


def log_dir() -> Path:
    """The user's log folder (``CURATOR_LOG_DIR`` overrides it, e.g. for tests)."""
    override = os.environ.get("CURATOR_LOG_DIR")
    return Path(override) if override else Path(platformdirs.user_log_dir("article-curator", ORGANIZATION))


def log_path() -> Path:
    return log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Attach the rotating file handler (once); returns the log file, or None if it cannot be written."""
    root = logging.getLogger()
    path = log_path()
    if any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    log.info("%s started", APPLICATION)
    return path


def _show_exception(text: str) -> None:
    global _dialog
    if QApplication.instance() is None:
        return
    if _dialog is not None and _dialog.isVisible():
        _dialog.setDetailedText((_dialog.detailedText() + "\n\n" + text)[-50_000:])
        return
    parent = QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Critical, "程序出错",
                      "程序遇到一个意外错误，当前操作可能没有完成；已保存的修改不受影响。\n"
                      f"详细信息已写入日志：{log_path()}", QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("exception_dialog")
    box.setDetailedText(text)
    _dialog = box
    box.open()


def handle_exception(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    text = "".join(traceback.format_exception(kind, value, tb))
    log.error("uncaught exception\n%s", text)
    _show_exception(text)


def install_excepthook() -> None:
    sys.excepthook = handle_exception


class LogDialog(QDialog):
    """The end of the log file, with a button opening its folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("日志")
        self.resize(800, 500)
        lay = QVBoxLayout(self)
        path = log_path()
        where = QLabel(f"日志文件：{path}")
        where.setWordWrap(True)
        where.setTextInteractionFlags(where.textInteractionFlags() | where.textInteractionFlags().TextSelectableByMouse)
        lay.addWidget(where)
        self.text = QPlainTextEdit()
        self.text.setObjectName("log_text")
        self.text.setReadOnly(True)
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[-500:]
            self.text.setPlainText("\n".join(lines))
        except OSError:
            self.text.setPlainText("（还没有日志）")
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)
        lay.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        open_folder = buttons.addButton("打开所在文件夹", QDialogButtonBox.ButtonRole.ActionRole)
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def show_log_dialog(parent: QWidget | None) -> LogDialog:
    dlg = LogDialog(parent)
    dlg.open()
    return dlg
