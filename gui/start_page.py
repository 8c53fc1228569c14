"""What an empty store shows instead of an empty list: how to get articles in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class StartPage(QWidget):
    import_folder = Signal()
    import_files = Signal()
    load_samples = Signal()

    def __init__(self, has_samples: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        title = QLabel("数据库中还没有文章")
        title.setObjectName("start_title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        f = title.font()
        f.setPointSizeF(f.pointSizeF() * 1.4)
        f.setBold(True)
        title.setFont(f)
        lay.addWidget(title)
        hint = QLabel("导入一个文件夹（.txt、.md、.html，含子文件夹），也可以把文件拖到窗口里。")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.folder_button = QPushButton("导入文件夹…（Ctrl+Shift+O）")
        self.folder_button.setObjectName("start_import_folder")
        self.folder_button.clicked.connect(self.import_folder.emit)
        self.files_button = QPushButton("导入文件…（Ctrl+O）")
        self.files_button.clicked.connect(self.import_files.emit)
        self.samples_button = QPushButton("载入五篇示例文章")
        self.samples_button.setObjectName("start_samples")
        self.samples_button.clicked.connect(self.load_samples.emit)
        self.samples_button.setVisible(has_samples)
        for b in (self.folder_button, self.files_button, self.samples_button):
            lay.addWidget(b, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
