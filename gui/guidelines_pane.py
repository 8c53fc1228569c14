"""The guidelines pane: the store's review rules (markdown) beside the fields, edited in place.

Shown with F4. The text lives in the store (``storage.guidelines``), so everyone reviewing that
store reads the same rules; each save is a new version (who, when) and older versions can be
read from the version list. A save made against an older version than the store's newest is
refused and the newest is shown, rather than overwriting a colleague's rules.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.plain import plain_message_box
from gui.texts import store_error_zh
from storage.editing import StaleEditError
from storage.guidelines import GuidelinesVersion, guideline_versions, save_guidelines
from storage.store import Store, StoreError

EMPTY_HINT = "（这个数据库还没有审核规范。点“编辑”写下团队共同遵守的规则，支持 Markdown。）"


class GuidelinesPane(QWidget):
    saved = Signal(int)  # the new version's id

    def __init__(self, store: Store, reviewer: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidelines_pane")
        self.store = store
        self._reviewer = reviewer  # a callable giving the reviewer's name
        self.versions: list[GuidelinesVersion] = []
        self.setMinimumWidth(160)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        head = QHBoxLayout()
        title = QLabel("审核规范")
        title.setStyleSheet("font-weight: bold;")
        head.addWidget(title)
        head.addStretch(1)
        self.edit_button = QPushButton("编辑")
        self.edit_button.setObjectName("guidelines_edit")
        self.edit_button.clicked.connect(self.start_editing)
        self.save_button = QPushButton("保存")
        self.save_button.setObjectName("guidelines_save")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton("取消")
        self.cancel_button.clicked.connect(self.cancel)
        for b in (self.edit_button, self.save_button, self.cancel_button):
            head.addWidget(b)
        lay.addLayout(head)
        self.version_box = QComboBox()
        self.version_box.setObjectName("guidelines_versions")
        self.version_box.setToolTip("以前保存过的版本（只读）")
        self.version_box.activated.connect(self._show_version)
        lay.addWidget(self.version_box)
        self.viewer = QTextBrowser()
        self.viewer.setOpenLinks(False)  # rules are read here, links are not followed
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("guidelines_editor")
        self.editor.setPlaceholderText("# 审核规范\n\n- 地点：只收行政区划……")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.viewer)
        self.stack.addWidget(self.editor)
        lay.addWidget(self.stack, 1)
        self._editing(False)

    @property
    def current(self) -> GuidelinesVersion | None:
        return self.versions[0] if self.versions else None

    def reload(self) -> None:
        self.versions = guideline_versions(self.store)
        self.version_box.clear()
        for i, v in enumerate(self.versions):
            when = v.at.astimezone().strftime("%Y-%m-%d %H:%M")
            mark = "（当前）" if i == 0 else ""
            self.version_box.addItem(f"第 {len(self.versions) - i} 版 · {v.who} · {when}{mark}")
        self.version_box.setVisible(bool(self.versions))
        self._show_version(0)

    def _show_version(self, index: int) -> None:
        if 0 <= index < len(self.versions):
            self.viewer.setMarkdown(self.versions[index].text)
        else:
            self.viewer.setPlainText(EMPTY_HINT)

    def _editing(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.editor if on else self.viewer)
        self.edit_button.setVisible(not on)
        self.save_button.setVisible(on)
        self.cancel_button.setVisible(on)
        self.version_box.setEnabled(not on)

    def start_editing(self) -> None:
        self.editor.setPlainText(self.current.text if self.current is not None else "")
        self._editing(True)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel(self) -> None:
        self._editing(False)

    def save(self) -> bool:
        based_on = self.current.id if self.current is not None else None
        try:
            version = save_guidelines(self.store, self.editor.toPlainText(),
                                      based_on=based_on, who=str(self._reviewer()))  # type: ignore[operator]
        except StaleEditError:
            QMessageBox.warning(self, "审核规范已被别人修改",
                                "你编辑期间，别人保存了新的审核规范。你的文字仍在编辑框里：请复制后对照最新版本再保存。")
            self.versions = guideline_versions(self.store)  # the next save is based on the newest
            return False
        except StoreError as exc:
            box = plain_message_box(QMessageBox.Icon.Warning, "未能保存审核规范", store_error_zh(exc),
                                    parent=self)
            box.setDetailedText(str(exc))
            box.exec()
            return False
        self._editing(False)
        self.reload()
        self.saved.emit(version.id)
        return True
