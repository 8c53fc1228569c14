"""The settings dialog, built from the declarations in ``gui.settings`` (one editor per setting)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from gui.settings import SETTINGS, Settings
from storage.editing import default_reviewer
from storage.store import default_url

PLACEHOLDERS = {
    "reviewer": f"默认：{default_reviewer()}",
    "store_url": f"默认：{default_url()}（重启后生效）",
}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("设置")
        self.settings = settings
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout(self)
        for spec in SETTINGS:
            if spec.key.startswith(("layout/", "view/")):
                continue
            editor: QWidget
            if spec.type is int:
                spin = QSpinBox()
                spin.setRange(0, 48)
                spin.setSpecialValueText("默认")
                spin.setValue(int(settings.get(spec.key)))
                editor = spin
            else:
                line = QLineEdit(str(settings.get(spec.key)))
                line.setMinimumWidth(360)
                line.setPlaceholderText(PLACEHOLDERS.get(spec.key, ""))
                editor = line
            editor.setToolTip(spec.description)
            editor.setObjectName(f"setting_{spec.key}")
            self.editors[spec.key] = editor
            form.addRow(spec.label, editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _save(self) -> None:
        for key, editor in self.editors.items():
            if isinstance(editor, QSpinBox):
                self.settings.set(key, editor.value())
            elif isinstance(editor, QLineEdit):
                self.settings.set(key, editor.text().strip())
        self.settings.sync()
        self.accept()
