"""The export dialog: format, which statuses (default: the list's current filter) and where."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from gui.file_dialogs import SafeFileDialog, save_file_dialog
from gui.undo import STATUS_LABELS
from pipeline.export import FORMATS

FORMAT_LABELS = {"jsonl": "JSON Lines（每行一篇）", "csv": "CSV（表格）"}


class ExportDialog(QDialog):
    def __init__(self, statuses: tuple[str, ...], list_count: int, start_dir: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("导出数据集")
        self.file_dialog: SafeFileDialog | None = None
        self.format = QComboBox()
        self.format.setObjectName("export_format")
        for f in FORMATS:
            self.format.addItem(FORMAT_LABELS.get(f, f), f)
        self.status_boxes: dict[str, QCheckBox] = {}
        status_row = QHBoxLayout()
        for key, label in STATUS_LABELS.items():
            box = QCheckBox(label)
            box.setObjectName(f"export_status_{key}")
            box.setChecked(not statuses or key in statuses)
            self.status_boxes[key] = box
            status_row.addWidget(box)
        self.only_list = QCheckBox(f"只导出当前列表中的 {list_count} 篇（含标签、标记和搜索筛选）")
        self.only_list.setObjectName("export_only_list")
        self.path = QLineEdit()
        self.path.setObjectName("export_path")
        self.path.setMinimumWidth(380)
        self.path.setText(str(Path(start_dir or Path.home()) / "curated.jsonl"))
        browse = QPushButton("浏览…")
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.format.currentIndexChanged.connect(lambda _i: self._fix_suffix())

        form = QFormLayout(self)
        form.addRow("格式", self.format)
        form.addRow("状态", status_row)
        form.addRow("", self.only_list)
        form.addRow("保存到", path_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("导出")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _fix_suffix(self) -> None:
        p = Path(self.path.text())
        if p.suffix.lstrip(".") in FORMATS:
            self.path.setText(str(p.with_suffix("." + self.chosen_format())))

    def browse(self) -> SafeFileDialog:
        # Not QFileDialog.getSaveFileName: see gui.file_dialogs (it sniffs the store's files).
        dlg = save_file_dialog(self, "导出到", self.path.text())
        dlg.fileSelected.connect(self._chosen)
        self.file_dialog = dlg
        dlg.open()
        return dlg

    def _chosen(self, path: str) -> None:
        if path:
            self.path.setText(path)

    def _accept(self) -> None:
        if self.path.text().strip() and self.chosen_statuses() != ():
            self.accept()

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def chosen_statuses(self) -> tuple[str, ...] | None:
        """The statuses to export; ``None`` means all of them, ``()`` none (not allowed)."""
        picked = tuple(k for k, b in self.status_boxes.items() if b.isChecked())
        return None if len(picked) == len(self.status_boxes) else picked

    def destination(self) -> Path:
        return Path(self.path.text().strip()).expanduser()
