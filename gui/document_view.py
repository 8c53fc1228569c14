"""The article text in three modes — Clean, Original, Changes — with extracted values highlighted.

Highlights are ``QTextEdit.ExtraSelection``s over plain text (never rebuilt HTML), so switching
articles costs one ``setPlainText`` and a few dozen selections. Evidence spans are stored in
cleaned-text code points; Original mode reaches the raw text through the cleaning's offset map,
and every position crosses into Qt through ``Utf16`` because Qt counts UTF-16 units.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gui.colors import (
    ADDED_COLOR,
    EVIDENCE_COLOR,
    HIT_COLOR,
    REMOVED_COLOR,
    SUSPECT_COLOR,
    UNDOABLE_COLOR,
    field_color,
)
from gui.elided_label import ElidedLabel
from gui.field_model import display_value
from gui.plain import plain_tip
from gui.texts import flag_label
from pipeline.document import CleanResult
from pipeline.fields import FIELDS, FIELDS_BY_NAME
from pipeline.serialize import clean_from_json
from storage.records import ArticleView

MODES: tuple[tuple[str, str], ...] = (("clean", "整理后"), ("original", "原文"), ("changes", "修改对照"))


class Utf16:
    """Python code-point offsets ⇄ Qt document positions (UTF-16 units) for one text."""

    __slots__ = ("_astral", "_qpos")

    def __init__(self, text: str) -> None:
        if text.isascii() or max(text, default=" ") <= "\uffff":
            self._astral: list[int] = []
        else:
            self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._qpos = [a + k for k, a in enumerate(self._astral)]

    def to_qt(self, i: int) -> int:
        return i + bisect_left(self._astral, i) if self._astral else i

    def from_qt(self, p: int) -> int:
        return p - bisect_left(self._qpos, p) if self._qpos else p


def display_text(text: str) -> str:
    """Text as handed to Qt, one character per character: Qt would fold ``\\r\\n`` into one."""
    return text.replace("\r\n", "\u200b\n") if "\r" in text else text


@dataclass(slots=True)
class Mark:
    start: int  # code points in the pane's own text
    end: int
    color: str
    tooltip: str = ""
    field: str | None = None
    index: int = -1
    change: int = -1  # index into CleanResult.changes (Changes mode)
    undoable: bool = False
    suspect: int = -1  # index into the cleaning's spin suspects (Changes mode)


def text_font(font: QFont) -> QFont:
    """The font for article text. Han text needs no shaping (no ligatures, no reordering), so Qt
    may lay lines out without HarfBuzz: a third less time painting an article. Scripts that need
    shaping still get it."""
    f = QFont(font)
    f.setStyleStrategy(f.styleStrategy() | QFont.StyleStrategy.PreferNoShaping)
    return f


class TextPane(QPlainTextEdit):
    """A read-only text with marks: hover explains a mark, a click on a value's mark selects it."""

    mark_clicked = Signal(object)  # Mark

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.setFont(text_font(self.font()))
        self.text = ""
        self._u16 = Utf16("")
        self.marks: list[Mark] = []
        self._starts: list[int] = []
        self.evidence: list[tuple[int, int]] = []
        self.hits: list[tuple[int, int]] = []  # search hits, painted under the evidence
        self.menu_hook: Any = None  # callable(menu, pane, position) adding the view's actions
        self._press: QPoint | None = None
        self._painted: tuple[int, int] = (0, 0)
        self._formatted: set[int] = set()  # numbers of the blocks whose marks are formats
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._on_scroll())

    # -- content -------------------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        if text == self.text and self.document().characterCount() > 1:
            return
        self.text = text
        self._u16 = Utf16(text)
        self._formatted.clear()  # new blocks, without formats
        self.marks, self._starts, self.evidence = [], [], []  # the old text's: set_marks follows
        self.setPlainText(display_text(text))

    def set_hits(self, hits: list[tuple[int, int]]) -> None:
        if hits != self.hits:
            self.hits = hits
            self._paint()

    def next_hit(self, step: int) -> tuple[int, int] | None:
        """Select the hit after (step 1) or before (-1) the cursor, wrapping around."""
        if not self.hits:
            return None
        cur = self.textCursor()
        at = self._u16.from_qt(cur.selectionEnd() if step > 0 else cur.selectionStart())
        if step > 0:
            hit = next((h for h in self.hits if h[0] >= at), self.hits[0])
        else:
            hit = next((h for h in reversed(self.hits) if h[1] <= at), self.hits[-1])
        self.select_span(*hit)
        self.centerCursor()
        return hit

    def set_marks(self, marks: list[Mark], evidence: list[tuple[int, int]] | None = None) -> None:
        marks = sorted(marks, key=lambda m: (m.start, m.end))
        if not self._same_looks(marks):
            self._clear_formats()
        self.marks = marks
        self._starts = [m.start for m in self.marks]
        self.evidence = list(evidence or [])
        self._paint()

    def _same_looks(self, marks: list[Mark]) -> bool:
        old = self.marks
        return len(old) == len(marks) and all(
            a.start == b.start and a.end == b.end and a.color == b.color and a.undoable == b.undoable
            for a, b in zip(old, marks, strict=True))

    def _clear_formats(self) -> None:
        doc = self.document()
        for number in self._formatted:
            block = doc.findBlockByNumber(number)
            if block.isValid() and block.layout() is not None:
                block.layout().clearFormats()  # the block is laid out again
        self._formatted.clear()

    def _format_blocks(self, lo: int, hi: int, doc_len: int) -> None:
        """Marks become character formats of the blocks' layouts (as a syntax highlighter's do):
        laid out once with the text and drawn in the same pass. As extra selections each mark
        cost a pass of its own over the text at every paint (half of painting an article)."""
        doc = self.document()
        to_qt = self._u16.to_qt
        from_qt = self._u16.from_qt
        block = doc.findBlock(to_qt(min(lo, doc_len)))
        end_q = to_qt(min(hi, doc_len))
        formats: dict[tuple[str, bool], QTextCharFormat] = {}
        while block.isValid() and block.position() <= end_q:
            number = block.blockNumber()
            if number not in self._formatted and block.layout() is not None:
                self._formatted.add(number)
                bq = block.position()
                bs, be = from_qt(bq), from_qt(bq + block.length())
                runs: list[list[Any]] = []
                first = max(0, bisect_right(self._starts, bs) - 8)
                for m in self.marks[first:bisect_left(self._starts, be)]:
                    s, e = max(m.start, bs), min(m.end, be)
                    if e <= s:
                        continue
                    # Touching marks of one look become one range (a run of stripped HTML tags
                    # is dozens of changes side by side); the marks stay separate for hover.
                    if runs and runs[-1][2] == m.color and runs[-1][3] == m.undoable and s <= runs[-1][1]:
                        runs[-1][1] = max(runs[-1][1], e)
                    else:
                        runs.append([s, e, m.color, m.undoable])
                ranges = []
                for s, e, color, undoable in runs:
                    fmt = formats.get((color, undoable))
                    if fmt is None:
                        fmt = QTextCharFormat()
                        fmt.setBackground(QBrush(QColor(color)))
                        if undoable:
                            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                        formats[(color, undoable)] = fmt
                    r = QTextLayout.FormatRange()
                    r.start = to_qt(s) - bq
                    r.length = to_qt(e) - to_qt(s)
                    r.format = fmt
                    ranges.append(r)
                if ranges:
                    block.layout().setFormats(ranges)  # the block is laid out again
            block = block.next()

    def _visible_span(self) -> tuple[int, int]:
        """Code points on screen, with half a screenful of margin either side.

        The last position comes from the layout of the lines on screen (which the next paint
        needs anyway), so only marks near what is shown become selections: every selection costs
        two cursor moves now and one more pass over the text when painting.
        """
        first = self._u16.from_qt(self.firstVisibleBlock().position())
        vp = self.viewport()
        last = self._u16.from_qt(self.cursorForPosition(QPoint(vp.width() - 1, vp.height() - 1)).position())
        margin = max(200, last - first) // 2
        return max(0, first - margin), max(first, last) + margin

    def _format_ahead(self) -> None:
        """Format the blocks from the first one on screen for as many characters as a screen
        could hold at most, before anything lays them out: formats set on a laid-out block
        make Qt lay it out again."""
        first = self._u16.from_qt(self.firstVisibleBlock().position())
        fm = self.fontMetrics()
        per_line = max(1, self.viewport().width() // max(1, fm.horizontalAdvance("中") // 2))
        lines = max(1, self.viewport().height() // max(1, fm.lineSpacing()))
        self._format_blocks(first, first + per_line * lines, len(self.text))

    def _on_scroll(self) -> None:
        if self.marks:
            self._format_ahead()
        lo, hi = self._visible_span()
        if lo < self._painted[0] or hi > self._painted[1]:
            self._paint()

    def resizeEvent(self, e: Any) -> None:
        super().resizeEvent(e)
        if self.marks or self.evidence:
            self._on_scroll()  # a taller or wider pane shows text beyond the highlighted part

    def _paint(self) -> None:
        # Only marks near the visible part become selections: a long article with hundreds of
        # highlights costs the same to show as a short one. Scrolling paints the rest on demand.
        doc_len = len(self.text)
        if self.marks:
            self._format_ahead()
        lo, hi = self._visible_span()
        if lo == 0 and hi >= doc_len:
            lo, hi = 0, doc_len
        self._painted = (lo, hi if hi < doc_len else 1 << 60)
        self._format_blocks(lo, hi, doc_len)
        sels: list[QTextEdit.ExtraSelection] = []
        if self.hits:
            hit_fmt = QTextCharFormat()
            hit_fmt.setBackground(QBrush(QColor(HIT_COLOR)))
            hit_fmt.setForeground(QBrush(QColor("#000000")))
            sels.extend(self._selection(s, e, hit_fmt, doc_len) for s, e in self.hits if e > lo and s < hi)
        for s, e in self.evidence:
            if e <= lo or s >= hi:
                continue
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(QColor(EVIDENCE_COLOR)))
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(QColor("#e65100"))
            fmt.setFontWeight(QFont.Weight.Bold)
            sels.append(self._selection(s, e, fmt, doc_len))
        self.setExtraSelections([x for x in sels if x is not None])

    def _selection(self, start: int, end: int, fmt: QTextCharFormat, doc_len: int) -> Any:
        if not 0 <= start < end <= doc_len:
            return None
        sel = QTextEdit.ExtraSelection()
        cur = QTextCursor(self.document())
        cur.setPosition(self._u16.to_qt(start))
        cur.setPosition(self._u16.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        sel.format = fmt
        return sel

    # -- positions ----------------------------------------------------------------------------------
    def position_at(self, point: QPoint) -> int:
        return self._u16.from_qt(self.cursorForPosition(point).position())

    def mark_at(self, pos: int) -> Mark | None:
        i = bisect_right(self._starts, pos)
        # Marks may nest (a place inside an organisation): prefer the innermost one.
        best: Mark | None = None
        for m in self.marks[max(0, i - 8):i]:
            if m.start <= pos < m.end and (best is None or m.end - m.start < best.end - best.start):
                best = m
        return best

    def selected_span(self) -> tuple[int, int] | None:
        cur = self.textCursor()
        if not cur.hasSelection():
            return None
        s, e = self._u16.from_qt(cur.selectionStart()), self._u16.from_qt(cur.selectionEnd())
        return (s, e) if s < e else None

    def select_span(self, start: int, end: int) -> None:
        cur = QTextCursor(self.document())
        cur.setPosition(self._u16.to_qt(start))
        cur.setPosition(self._u16.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)

    def scroll_to(self, start: int) -> None:
        cur = QTextCursor(self.document())
        cur.setPosition(self._u16.to_qt(min(start, len(self.text))))
        self.setTextCursor(cur)
        self.centerCursor()
        self._on_scroll()

    def cursor_rect_of(self, pos: int) -> Any:
        cur = QTextCursor(self.document())
        cur.setPosition(self._u16.to_qt(pos))
        return self.cursorRect(cur)

    # -- events -----------------------------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            m = self.mark_at(self.position_at(event.pos()))
            if m is not None and m.tooltip:
                QToolTip.showText(event.globalPos(), plain_tip(m.tooltip), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        self._press = e.position().toPoint()
        super().mousePressEvent(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        super().mouseReleaseEvent(e)
        if e.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        m = self.mark_at(self.position_at(e.position().toPoint()))
        if m is not None:
            self.mark_clicked.emit(m)

    def contextMenuEvent(self, e: Any) -> None:
        menu = self.createStandardContextMenu(e.pos())
        if self.menu_hook is not None:
            self.menu_hook(menu, self, self.position_at(e.pos()))
        menu.exec(e.globalPos())
        menu.deleteLater()


def _tooltip_for_value(field: str, record: dict[str, Any]) -> str:
    spec = FIELDS_BY_NAME[field]
    origin = "人工" if record.get("origin") == "human" else "自动"
    conf = float(record.get("confidence", 1.0))
    return f"{spec.label}：{display_value(spec, record.get('value'))}\n{origin}，置信度 {conf:.2f}（点击选中）"


class DocumentView(QWidget):
    """The text of the article on screen, in the chosen mode."""

    value_clicked = Signal(str, int)  # field, value index
    mode_changed = Signal(str)
    undo_change_requested = Signal(int)  # index into the cleaning's changes
    accept_change_requested = Signal(int)  # a spin restoration judged right: index into the changes
    apply_suspect_requested = Signal(int)  # restore a spin suspect here: index into the suspects

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = "clean"
        self.article: ArticleView | None = None
        self._clean: CleanResult | None = None
        self.fields: dict[str, dict[str, Any]] = {}
        self.selected: tuple[str, int] | None = None
        self.add_actions: list[QAction] = []  # the window's "add selection as …" actions
        self.search = ""  # the list's text search, highlighted in the text

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        self.mode_buttons = QButtonGroup(self)
        self.mode_buttons.setExclusive(True)
        for i, (key, label) in enumerate(MODES):
            b = QToolButton()
            b.setText(label)
            b.setCheckable(True)
            b.setAutoRaise(True)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setToolTip(f"{label}（Ctrl+{i + 1}）")
            b.setObjectName(f"mode_{key}")
            self.mode_buttons.addButton(b, i)
            bar.addWidget(b)
        self.mode_buttons.idClicked.connect(lambda i: self.set_mode(MODES[i][0]))
        bar.addSpacing(12)
        self.info = ElidedLabel()  # a long file name is shortened with "…", never cut mid-glyph
        self.info.setObjectName("article_info")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setStyleSheet("color: palette(mid);")
        # Long file names and flag lists must not widen the text pane and squeeze the field panel.
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.info.setMinimumWidth(0)
        bar.addWidget(self.info, 1)

        self.single = TextPane()
        self.raw_pane = TextPane()
        self.clean_pane = TextPane()
        for pane in (self.single, self.raw_pane, self.clean_pane):
            pane.mark_clicked.connect(self._on_mark_clicked)
            pane.menu_hook = self._extend_menu
        self.changes = QSplitter(Qt.Orientation.Horizontal)
        self.changes.setObjectName("changes_splitter")
        self.changes.addWidget(self._titled("原文（红：被修改或删除）", self.raw_pane))
        self.changes.addWidget(self._titled(
            "整理后（绿：修复，黄：可撤销，橙：疑似）", self.clean_pane,
            "绿：修复结果；黄色虚线：可撤销的修复（右键撤销，洗稿还原还可接受）；"
            "橙：疑似洗稿、未改动（右键可在本文还原）"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.single)
        self.stack.addWidget(self.changes)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(bar)
        lay.addWidget(self.stack, 1)
        self._sync_buttons()

    @staticmethod
    def _titled(title: str, pane: QWidget, tip: str = "") -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        label = ElidedLabel(title)  # may shorten with "…", never widen
        label.setToolTip(tip or title)  # the whole legend, when the pane is too narrow for it
        label.setStyleSheet("font-weight: bold; padding: 2px 4px;")
        v.addWidget(label)
        v.addWidget(pane, 1)
        return w

    # -- what to show ------------------------------------------------------------------------------
    def set_font_size(self, points: int) -> None:
        for pane in (self.single, self.raw_pane, self.clean_pane):
            f = QApplication.font()  # not the pane's own: going back to the default must work too
            if points > 0:
                f.setPointSize(points)
            pane.setFont(text_font(f))

    @property
    def clean(self) -> CleanResult | None:
        """The cleaning (offset map, changes), parsed only when Original or Changes needs it."""
        if self._clean is None and self.article is not None:
            self._clean = clean_from_json(self.article.cleaned_text, self.article.cleaning)
        return self._clean

    def set_article(self, view: ArticleView | None, clean: CleanResult | None = None) -> None:
        same = (self.article is not None and view is not None and self.article.id == view.id
                and self.article.raw_text == view.raw_text and self.article.cleaned_text == view.cleaned_text
                and self.article.cleaning == view.cleaning)
        if not same or clean is not None:
            self._clean = clean
        self.article = view
        self.fields = view.fields if view is not None else {}
        if not same:
            self.selected = None
        if view is None:
            self.info.setText("")
        else:
            flags = [str(f) for f in view.cleaning.get("flags", [])]
            changes = len(view.cleaning.get("changes", []))
            bits = [view.source_name, f"{len(view.cleaned_text)} 字"]
            if flags:
                bits.append("标记：" + " ".join(flag_label(f) for f in flags))
            if changes:
                bits.append(f"{changes} 处修复")
            self.info.setText("  ·  ".join(bits))
            self.info.setToolTip(plain_tip("\n".join(bits)))
        self._render(texts=not same)

    def set_fields(self, fields: dict[str, dict[str, Any]]) -> None:
        self.fields = fields
        self._render(texts=False)

    def focus_text(self) -> None:
        pane = self.clean_pane if self.mode == "changes" else self.single
        pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_search(self, query: str) -> None:
        """Highlight every occurrence of the search's pieces (split at spaces) in the text."""
        self.search = query.strip()
        self._paint_hits()

    def _paint_hits(self) -> None:
        clean_hits = find_hits(self.article.cleaned_text if self.article is not None else "", self.search)
        for pane in (self.single, self.raw_pane, self.clean_pane):
            pane.set_hits([])
        if self.article is None:
            return
        for pane, spans in self._panes_with(clean_hits):
            pane.set_hits(spans)

    def go_hit(self, step: int) -> tuple[int, int] | None:
        pane = self.clean_pane if self.mode == "changes" else self.single
        hit = pane.next_hit(step)
        if hit is not None:
            pane.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return hit

    def set_mode(self, mode: str) -> None:
        if mode not in dict(MODES):
            return
        if mode != self.mode:
            self.mode = mode
            self._render(texts=True)
            self.mode_changed.emit(mode)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        keys = [k for k, _ in MODES]
        b = self.mode_buttons.button(keys.index(self.mode))
        if b is not None:
            b.setChecked(True)
        self.stack.setCurrentIndex(1 if self.mode == "changes" else 0)

    # -- evidence ------------------------------------------------------------------------------------
    def show_evidence(self, field: str | None, index: int = 0) -> None:
        """Highlight (and scroll to) the evidence of one value; ``None`` clears it."""
        self.selected = (field, index) if field is not None else None
        self._render(texts=False)
        spans = self._evidence_spans()
        if not spans:
            return
        for pane, mapped in self._panes_with(spans):
            if mapped:
                pane.scroll_to(mapped[0][0])

    def _evidence_spans(self) -> list[tuple[int, int]]:
        if self.selected is None:
            return []
        field, index = self.selected
        values = self.fields.get(field, {}).get("values", [])
        if not 0 <= index < len(values):
            return []
        return [(int(s), int(e)) for s, e in values[index].get("evidence", []) if int(s) < int(e)]

    def _to_raw(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        clean = self.clean
        if clean is None or not spans:
            return []
        out = []
        for s, e in spans:
            try:
                out.append(clean.offsets.to_source(s, e))
            except ValueError:  # evidence from an older text version: show nothing rather than wrong text
                continue
        return [x for x in out if x[0] < x[1]]

    def _panes_with(self, clean_spans: list[tuple[int, int]]) -> list[tuple[TextPane, list[tuple[int, int]]]]:
        if self.mode == "clean":
            return [(self.single, clean_spans)]
        if self.mode == "original":
            return [(self.single, self._to_raw(clean_spans))]
        return [(self.raw_pane, self._to_raw(clean_spans)), (self.clean_pane, clean_spans)]

    # -- painting ----------------------------------------------------------------------------------
    def _render(self, *, texts: bool) -> None:
        self._render_texts(texts=texts)
        if texts and self.search:
            self._paint_hits()

    def _render_texts(self, *, texts: bool) -> None:
        view = self.article
        if view is None:
            for pane in (self.single, self.raw_pane, self.clean_pane):
                pane.set_text("")
                pane.set_marks([])
            return
        ev = self._evidence_spans()
        if self.mode == "changes":
            if texts or self.raw_pane.text != view.raw_text:
                self.raw_pane.set_text(view.raw_text)
                self.clean_pane.set_text(view.cleaned_text)
            raw_marks, clean_marks = self._change_marks()
            self.raw_pane.set_marks(raw_marks, self._to_raw(ev))
            self.clean_pane.set_marks(clean_marks, ev)
            return
        if self.mode == "original":
            self.single.set_text(view.raw_text)
            self.single.set_marks(self._value_marks(to_raw=True), self._to_raw(ev))
        else:
            self.single.set_text(view.cleaned_text)
            self.single.set_marks(self._value_marks(to_raw=False), ev)

    def _value_marks(self, *, to_raw: bool) -> list[Mark]:
        marks: list[Mark] = []
        for spec in FIELDS:
            values = self.fields.get(spec.name, {}).get("values", [])
            color = field_color(spec.name).name()
            for i, rec in enumerate(values):
                spans = [(int(s), int(e)) for s, e in rec.get("evidence", [])]
                if to_raw:
                    spans = self._to_raw(spans)
                tip = _tooltip_for_value(spec.name, rec)
                marks.extend(Mark(s, e, color, tip, spec.name, i) for s, e in spans if s < e)
        return marks

    def _change_marks(self) -> tuple[list[Mark], list[Mark]]:
        raw: list[Mark] = []
        clean: list[Mark] = []
        result = self.clean
        if result is None:
            return raw, clean
        descriptions = {r.kind: r.description for r in result.repairs if r.description}
        for i, ch in enumerate(result.changes):
            what = descriptions.get(ch.kind, ch.kind)
            tip = f"{what}\n「{_short(ch.before)}」→「{_short(ch.after)}」"
            if ch.note:
                tip += f"\n{ch.note}"
            if ch.undoable and ch.kind == "spin":
                tip += "\n（右键：接受此还原，或撤销此修复）"
            elif ch.undoable:
                tip += "\n（可撤销：右键 → 撤销此修复）"
            color = UNDOABLE_COLOR if ch.undoable else ADDED_COLOR
            if ch.raw_start < ch.raw_end:
                raw.append(Mark(ch.raw_start, ch.raw_end, REMOVED_COLOR, tip, change=i, undoable=ch.undoable))
            if ch.clean_start < ch.clean_end:
                clean.append(Mark(ch.clean_start, ch.clean_end, color, tip, change=i, undoable=ch.undoable))
            elif ch.clean_start <= len(result.text):
                # A deletion: mark the character after the cut so the hover still explains it.
                s = min(ch.clean_start, max(len(result.text) - 1, 0))
                clean.append(Mark(s, s + 1, REMOVED_COLOR, tip, change=i, undoable=ch.undoable))
        for k, sus in enumerate(spin_suspects(result)):
            spun, original = sus.pair
            tip = f"疑似洗稿：「{spun}」可能原为「{original}」，未改动\n（右键 → 在本文还原此处）"
            if sus.raw_start < sus.raw_end:
                raw.append(Mark(sus.raw_start, sus.raw_end, SUSPECT_COLOR, tip, suspect=k))
            if sus.clean_start < sus.clean_end:
                clean.append(Mark(sus.clean_start, sus.clean_end, SUSPECT_COLOR, tip, suspect=k))
        return raw, clean

    # -- interaction -----------------------------------------------------------------------------------
    def _on_mark_clicked(self, mark: Mark) -> None:
        if mark.field is not None:
            self.show_evidence(mark.field, mark.index)
            self.value_clicked.emit(mark.field, mark.index)

    def selection(self) -> tuple[int, int, str] | None:
        """The selected text as a cleaned-text span and its cleaned text, whatever the mode."""
        if self.article is None:
            return None
        if self.mode == "changes":
            if self.raw_pane.selected_span() is not None and (self.raw_pane.hasFocus()
                                                               or self.clean_pane.selected_span() is None):
                pane, raw = self.raw_pane, True
            else:
                pane, raw = self.clean_pane, False
        else:
            pane, raw = self.single, self.mode == "original"
        span = pane.selected_span()
        if span is None:
            return None
        s, e = span
        if raw:
            result = self.clean
            if result is None:
                return None
            s, e = result.offsets.to_derived(s, e)
        text = self.article.cleaned_text[s:e].strip()
        if not text:
            return None
        # Trim the span to the stripped text so evidence starts and ends on real characters.
        lead = len(self.article.cleaned_text[s:e]) - len(self.article.cleaned_text[s:e].lstrip())
        return s + lead, s + lead + len(text), text

    def _extend_menu(self, menu: QMenu, pane: TextPane, pos: int) -> None:
        if pane.selected_span() is not None and self.add_actions:
            menu.addSeparator()
            sub = menu.addMenu("将选中文字添加为")
            for act in self.add_actions:
                sub.addAction(act)
        mark = pane.mark_at(pos)
        actions = self.repair_actions(mark) if mark is not None else []
        if actions:
            menu.addSeparator()
        for label, fire in actions:
            menu.addAction(label).triggered.connect(fire)

    def repair_actions(self, mark: Mark) -> list[tuple[str, Callable[[], None]]]:
        """What a reviewer can do with a repair or a spin suspect (the context menu's entries)."""
        result = self.clean
        out: list[tuple[str, Callable[[], None]]] = []
        if result is None:
            return out
        if mark.suspect >= 0:
            k = mark.suspect
            spun, original = spin_suspects(result)[k].pair
            out.append((f"在本文还原「{spun}→{original}」（并确认词对）", lambda: self.apply_suspect_requested.emit(k)))
        elif mark.undoable and 0 <= mark.change < len(result.changes):
            i = mark.change
            ch = result.changes[i]
            if ch.kind == "spin":
                out.append((f"接受此还原「{ch.before}→{ch.after}」（确认词对）",
                            lambda: self.accept_change_requested.emit(i)))
                out.append(("撤销此修复（否决词对）", lambda: self.undo_change_requested.emit(i)))
            else:
                out.append(("撤销此修复", lambda: self.undo_change_requested.emit(i)))
        return out


@dataclass(frozen=True, slots=True)
class SpinSuspect:
    """A spun-looking word the cleaner listed but left (metadata ``spin_suspects``)."""

    pair: tuple[str, str]  # (spun, original)
    raw_start: int
    raw_end: int
    clean_start: int
    clean_end: int


def spin_suspects(result: CleanResult) -> list[SpinSuspect]:
    found = result.metadata.get("spin_suspects")
    out: list[SpinSuspect] = []
    for m in found if isinstance(found, list) else []:
        text = str(m.get("text", "")).rstrip("?")
        spun, sep, original = text.partition("→")
        if sep and spun and original:
            out.append(SpinSuspect((spun, original), int(m["raw_start"]), int(m["raw_end"]),
                                   int(m["clean_start"]), int(m["clean_end"])))
    return out


def find_hits(text: str, query: str) -> list[tuple[int, int]]:
    """Spans of every piece of the query (split at spaces) in the text, in order, not overlapping."""
    pieces = [p for p in query.split() if p]
    spans: list[tuple[int, int]] = []
    for piece in pieces:
        start = text.find(piece)
        while start >= 0:
            spans.append((start, start + len(piece)))
            start = text.find(piece, start + len(piece))
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if not out or s >= out[-1][1]:
            out.append((s, e))
    return out


def _short(s: str, n: int = 40) -> str:
    s = s.replace("\n", "⏎")
    return s if len(s) <= n else s[: n - 1] + "…"
