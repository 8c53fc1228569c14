"""File dialogs that never open the files they list.

The app's process holds the SQLite store open, and on Linux closing *any* descriptor of a file
drops every POSIX lock the process holds on it (SQLite's own documentation warns of this). Qt's
file dialog reads the first bytes of every file it lists to name its type and pick its icon
(``QMimeDatabase`` content sniffing, reached through the icon provider); listing the store's folder
therefore opened and closed ``curator.db``, ``-wal`` and ``-shm``, SQLite lost its locks, another
process believed it was alone and removed the WAL the app was still writing to.

So every file dialog here is Qt's own widget dialog (a native one runs the platform's chooser
in this process too, which sniffs content the same way, out of our control) with an icon provider
that judges a file by its name alone. ``tests/gui/test_store_files.py`` drives each dialog onto
the store's folder and checks the locks.
"""

from __future__ import annotations

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

ARTICLE_FILTER = "文章 (*.txt *.md *.markdown *.html *.htm)"
ALL_FILES_FILTER = "所有文件 (*)"


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file's name and kind (a stat), never from its content."""

    def __init__(self) -> None:
        super().__init__()
        self.setOptions(QFileIconProvider.Option.DontUseCustomDirectoryIcons)

    def icon(self, what: QFileInfo | QFileIconProvider.IconType) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = QFileIconProvider.IconType.Folder if what.isDir() else QFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "文件夹"
        suffix = info.suffix()
        return f"{suffix.upper()} 文件" if suffix else "文件"


class SafeFileDialog(QFileDialog):
    """``QFileDialog`` that lists folders without reading any file in them."""

    def __init__(self, parent: QWidget | None, caption: str, directory: str = "", name_filter: str = "") -> None:
        # The directory is set only after the icon provider: the model starts listing at once.
        super().__init__(parent, caption)
        self._icons = NameOnlyIconProvider()  # the dialog does not own it: keep it alive here
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
        self.setIconProvider(self._icons)
        # Qt's Chinese translation leaves these in English.
        self.setLabelText(QFileDialog.DialogLabel.LookIn, "位置：")
        self.setLabelText(QFileDialog.DialogLabel.FileName, "文件名：")
        self.setLabelText(QFileDialog.DialogLabel.FileType, "文件类型：")
        if name_filter:
            self.setNameFilters([name_filter, ALL_FILES_FILTER])
        if directory:
            self.setDirectory(directory)


def open_files_dialog(parent: QWidget, caption: str, directory: str = "") -> SafeFileDialog:
    dlg = SafeFileDialog(parent, caption, directory, ARTICLE_FILTER)
    dlg.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return dlg


def folder_dialog(parent: QWidget, caption: str, directory: str = "") -> SafeFileDialog:
    dlg = SafeFileDialog(parent, caption, directory)
    dlg.setFileMode(QFileDialog.FileMode.Directory)
    dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return dlg


def save_file_dialog(parent: QWidget, caption: str, path: str = "") -> SafeFileDialog:
    dlg = SafeFileDialog(parent, caption)
    dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if path:
        dlg.selectFile(path)
    return dlg
