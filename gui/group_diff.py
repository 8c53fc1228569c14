"""Two members of a near-duplicate group side by side, their differences highlighted.

The texts are compared paragraph by paragraph and, inside a changed paragraph, character by
character (``difflib``): a repost differs in a few words, and a character diff of whole
articles would cost quadratic time on long texts. The texts are plain text; highlights are
character formats, never markup.
"""

from __future__ import annotations

import difflib

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

REMOVED, ADDED = QColor("#ffcdd2"), QColor("#c8e6c9")


def diff_spans(left: str, right: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans that differ: (in ``left``, in ``right``)."""
    a_lines, b_lines = left.splitlines(keepends=True), right.splitlines(keepends=True)
    a_at = [0]
    for line in a_lines:
        a_at.append(a_at[-1] + len(line))
    b_at = [0]
    for line in b_lines:
        b_at.append(b_at[-1] + len(line))
    out_a: list[tuple[int, int]] = []
    out_b: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a_lines, b_lines, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace":
            a_text, b_text = "".join(a_lines[i1:i2]), "".join(b_lines[j1:j2])
            inner = difflib.SequenceMatcher(None, a_text, b_text, autojunk=False)
            for op2, k1, k2, m1, m2 in inner.get_opcodes():
                if op2 != "equal":
                    if k2 > k1:
                        out_a.append((a_at[i1] + k1, a_at[i1] + k2))
                    if m2 > m1:
                        out_b.append((b_at[j1] + m1, b_at[j1] + m2))
        elif op == "delete":
            out_a.append((a_at[i1], a_at[i2]))
        else:
            out_b.append((b_at[j1], b_at[j2]))
    return out_a, out_b


def _pane(text: str, spans: list[tuple[int, int]], color: QColor) -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setPlainText(text)
    fmt = QTextCharFormat()
    fmt.setBackground(color)
    cursor = QTextCursor(view.document())
    for start, end in spans:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    return view


def _qt_len(text: str) -> list[int]:
    """Code-point offset → Qt (UTF-16) position, for texts with astral characters."""
    out = [0]
    for ch in text:
        out.append(out[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return out


class GroupDiffDialog(QDialog):
    def __init__(self, left_title: str, left: str, right_title: str, right: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("近似重复稿对比")
        self.resize(1100, 700)
        a_spans, b_spans = diff_spans(left, right)
        qa, qb = _qt_len(left), _qt_len(right)
        self.left = _pane(left, [(qa[s], qa[e]) for s, e in a_spans], REMOVED)
        self.right = _pane(right, [(qb[s], qb[e]) for s, e in b_spans], ADDED)
        self.left.setObjectName("diff_left")
        self.right.setObjectName("diff_right")
        # Scroll together: the same story, read side by side.
        self.left.verticalScrollBar().valueChanged.connect(self.right.verticalScrollBar().setValue)
        row = QHBoxLayout()
        for title, view in ((left_title, self.left), (right_title, self.right)):
            col = QVBoxLayout()
            label = QLabel(title)
            label.setTextFormat(label.textFormat().PlainText)
            col.addWidget(label)
            col.addWidget(view, 1)
            row.addLayout(col, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.spans = (a_spans, b_spans)
