"""The field panel: review status, tags and note, then every field with a typed editor.

Scalar fields get a line edit, a date editor or the event-type combo; list fields get an editable
table. Each field shows whether its value is automatic or edited and how sure the extractor was;
doubtful values are tinted. Edits leave as signals carrying the field's old and new stored state
(the editor writes them); the panel never writes to the store itself.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.colors import field_color
from gui.field_model import META_COLUMNS, FieldValuesModel, flag_reason, human_record
from gui.plain import plain_label, plain_tip
from pipeline.fields import FIELDS, FieldSpec, FieldState, field_state
from pipeline.resources import resource_path
from storage import statuses
from storage.records import ArticleView

FALLBACK_EVENT_TYPES = ("推介会", "座谈会", "考察", "签约仪式", "经贸活动周", "新闻发布会", "规划与成就报道", "其他")
NO_DATE = QDate(1900, 1, 1)


@cache
def event_types() -> tuple[str, ...]:
    """The controlled event-type list from ``resources/event_types.tsv`` (type TAB triggers)."""
    try:
        lines = resource_path("event_types.tsv").read_text(encoding="utf-8").splitlines()
    except OSError:
        return FALLBACK_EVENT_TYPES
    types = [ln.split("\t", 1)[0].strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    return tuple(t for t in types if t) or FALLBACK_EVENT_TYPES


def _marker_text(state: dict[str, Any]) -> tuple[str, bool]:
    """The marker beside a field: "人工", "清空", "—" or the lowest automatic confidence
    (short, so the marker column stays narrow at large fonts; the tooltip says the rest)."""
    values = state.get("values", [])
    if not values:
        return ("清空" if state.get("edited") else "—"), False
    if state.get("edited") or all(v.get("origin") == "human" for v in values):
        return "人工", False
    low = any(flag_reason(v) for v in values)
    conf = min(float(v.get("confidence", 1.0)) for v in values)
    return f"{conf:.2f}", low


def _style(widget: QWidget, sheet: str) -> None:
    # Setting a style sheet re-polishes the widget even when unchanged: skip it when equal,
    # since an article switch would otherwise re-style two dozen widgets for nothing.
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class _Swatch(QLabel):
    def __init__(self, field: str) -> None:
        super().__init__()
        self.setFixedSize(12, 12)
        self.setStyleSheet(f"background: {field_color(field).name()}; border: 1px solid #888; border-radius: 2px;")


class FieldPanel(QScrollArea):
    field_edited = Signal(str, object, object)  # field, old state, new state
    status_requested = Signal(str)
    tags_edited = Signal(object, object)  # old list, new list
    note_edited = Signal(str, str)  # old, new
    value_selected = Signal(str, int)  # field, value index (-1: none)
    history_requested = Signal(str)  # field (or "status", "note", "tags")
    notice = Signal(str)  # a short message for the status bar
    leave_requested = Signal()  # Esc in a field with nothing to cancel: focus goes back to the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.article: ArticleView | None = None
        self.editors: dict[str, QWidget] = {}
        self.markers: dict[str, QLabel] = {}
        self.models: dict[str, FieldValuesModel] = {}
        self.tables: dict[str, QTableView] = {}
        self._loading = False
        self._head_h: int | None = None

        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(8)
        outer.addWidget(self._review_box())

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # A narrow panel (large font, small screen) puts each label above its editor instead of
        # beside it, so the panel's minimum width is one of the two, not their sum.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec in FIELDS:
            if not spec.multiple:
                form.addRow(self._label(spec), self._scalar_row(spec))
        outer.addLayout(form)
        for spec in FIELDS:
            if spec.multiple:
                outer.addWidget(self._list_box(spec))
        outer.addStretch(1)
        self.setWidget(body)
        self.setEnabled(False)
        # The page is never wider than the panel, and the splitter may not squeeze the panel
        # below the page's minimum (it shrinks the text instead, which wraps).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_width()

    # -- building ------------------------------------------------------------------------------------
    def _label(self, spec: FieldSpec) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(4)
        h.addWidget(_Swatch(spec.name))
        # A flat button rather than a rich-text link: rich labels have height-for-width, which
        # makes the scroll area squeeze the panel below its minimum height.
        link = QToolButton()
        link.setText(spec.label)
        link.setAutoRaise(True)
        link.setToolTip("点击查看此字段的修改历史")
        link.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        link.clicked.connect(lambda _c=False, f=spec.name: self.history_requested.emit(f))
        h.addWidget(link)
        return w

    def _marker(self, spec: FieldSpec) -> QLabel:
        m = plain_label("—")
        m.setObjectName(f"marker_{spec.name}")
        m.setMinimumWidth(m.fontMetrics().horizontalAdvance("清空") + 12)
        m.setToolTip("自动抽取的最低置信度；“人工”：审核人改过；“清空”：审核人清空了此字段")
        m.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.markers[spec.name] = m
        return m

    def _scalar_row(self, spec: FieldSpec) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        h.setContentsMargins(0, 0, 0, 0)
        h.setSpacing(4)
        editor: QWidget
        if spec.kind == "date":
            d = QDateEdit()
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setMinimumDate(NO_DATE)
            d.setSpecialValueText("未填")
            d.setDate(NO_DATE)  # "未填" before any article, not Qt's default 2000-01-01
            d.editingFinished.connect(lambda s=spec: self._scalar_finished(s))
            d.dateChanged.connect(lambda _d, s=spec, ed=d: self._date_changed(s, ed))
            clear = QToolButton()
            clear.setText("×")
            clear.setToolTip("清空日期")
            clear.clicked.connect(lambda _c=False, ed=d, s=spec: self._clear_date(s, ed))
            editor = d
            h.addWidget(d, 1)
            h.addWidget(clear)
        elif spec.kind == "choice":
            c = QComboBox()
            c.addItem("未填", "")
            for t in event_types():
                c.addItem(t, t)
            c.activated.connect(lambda _i, s=spec: self._scalar_finished(s))
            editor = c
            h.addWidget(c, 1)
        else:
            e = QLineEdit()
            e.editingFinished.connect(lambda s=spec: self._scalar_finished(s))
            # Emptying a field takes this button: an empty text left behind (deleted to retype,
            # or undone to) is never saved as the reviewer's value.
            clear = QToolButton()
            clear.setText("×")
            clear.setObjectName(f"clear_{spec.name}")
            clear.setToolTip(f"清空{spec.label}（记为人工修改，可撤销）")
            clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            clear.clicked.connect(lambda _c=False, s=spec: self._clear_scalar(s))
            editor = e
            h.addWidget(e, 1)
            h.addWidget(clear)
        editor.setObjectName(f"edit_{spec.name}")
        editor.installEventFilter(self)
        self.editors[spec.name] = editor
        h.addWidget(self._marker(spec))
        return w

    def _list_box(self, spec: FieldSpec) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        head = QHBoxLayout()
        head.addWidget(self._label(spec))
        head.addStretch(1)
        head.addWidget(self._marker(spec))
        add = QToolButton()
        add.setText("＋")
        add.setToolTip(f"添加{spec.label}（或在文中选中文字后用右键菜单添加）")
        remove = QToolButton()
        remove.setText("－")
        remove.setToolTip(f"删除选中的{spec.label}")
        head.addWidget(add)
        head.addWidget(remove)
        v.addLayout(head)

        model = FieldValuesModel(spec, self)
        model.values_edited.connect(self._list_edited)
        table = QTableView()
        table.setObjectName(f"table_{spec.name}")
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.verticalHeader().hide()
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.setWordWrap(False)
        hh = table.horizontalHeader()
        hh.setStretchLastSection(False)
        # Fixed widths for the origin and confidence columns: ResizeToContents would read every
        # row on every article switch.
        tfm = table.fontMetrics()
        meta_w = max(tfm.horizontalAdvance("置信度"), tfm.horizontalAdvance("0.00")) + 16
        for c in range(model.columnCount()):
            meta = c >= model.columnCount() - 2
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed if meta else QHeaderView.ResizeMode.Stretch)
            if meta:
                table.setColumnWidth(c, meta_w)
        table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev, f=spec.name: self.value_selected.emit(f, cur.row()))
        model.modelReset.connect(lambda t=table: self._fit(t))
        add.clicked.connect(lambda _c=False, m=model: m.request_add())
        remove.clicked.connect(lambda _c=False, m=model, t=table: m.request_remove(
            sorted({i.row() for i in t.selectionModel().selectedRows()})))
        table.installEventFilter(self)
        self.models[spec.name] = model
        self.tables[spec.name] = table
        self._fit(table)
        v.addWidget(table)
        return box

    def _fit(self, table: QTableView) -> None:
        """Tables grow with their rows (up to 8) so the panel scrolls as one page, not many."""
        rows = table.model().rowCount()
        row_h = table.verticalHeader().defaultSectionSize()
        if self._head_h is None:  # measured once: the header's size hint reads every section
            self._head_h = table.horizontalHeader().sizeHint().height()
        height = self._head_h + row_h * max(1, min(rows, 8)) + 2 * table.frameWidth() + 2
        if table.height() != height:
            table.setFixedHeight(height)
        # A reset lays the rows out on a zero timer, after the first paint, and that layout
        # (scroll bar range, geometries) paints the table a second time: lay out now instead.
        table.executeDelayedItemsLayout()

    def _review_box(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # as the fields' form below
        # The badge on one line and the three buttons on the next: side by side they set the
        # panel's minimum width, which at large fonts no longer fitted a 1024-pixel screen.
        column = QVBoxLayout()
        column.setSpacing(4)
        self.status_label = plain_label()
        self.status_label.setObjectName("status_label")
        column.addWidget(self.status_label)
        # A double-review article: this reviewer edits their own copy, unseen by the other reviewer.
        self.double_badge = plain_label("双人独立审核")
        self.double_badge.setObjectName("double_review_badge")
        self.double_badge.setToolTip("这篇文章由两位审核人各自独立审核：你看到和修改的是你自己的副本，"
                                     "从自动抽取的结果开始，另一位审核人看不到你的值，你也看不到对方的")
        _style(self.double_badge, "color: #6a1b9a; border: 1px solid #6a1b9a; border-radius: 3px; padding: 1px 6px;")
        self.double_badge.hide()
        column.addWidget(self.double_badge, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.status_buttons: dict[str, QPushButton] = {}
        for st in statuses.STATUS_TABLE:
            if not st.reviewed:
                continue  # 审核中 and 新 are set from the menu (fewer buttons, a narrower panel)
            status = st.value
            b = QPushButton(f"{st.verb} {st.key}")
            b.setObjectName(f"status_button_{status}")
            b.setToolTip(f"标为{st.label}并转到下一篇")
            b.clicked.connect(lambda _c=False, s=status: self.status_requested.emit(s))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.status_buttons[status] = b
            row.addWidget(b)
        row.addStretch(1)
        column.addLayout(row)
        form.addRow("状态", column)
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("edit_tags")
        self.tags_edit.setPlaceholderText("逗号分隔多个标签")
        self.tags_edit.setToolTip("标签之间用逗号分隔，如：大湾区, 推介会")
        self._tag_choices = QStringListModel(self)
        completer = QCompleter(self._tag_choices, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_edit.setCompleter(completer)
        self.tags_edit.editingFinished.connect(self._tags_finished)
        self.tags_edit.installEventFilter(self)
        form.addRow("标签", self.tags_edit)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("edit_note")
        self.note_edit.setPlaceholderText("备注")
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.note_edit.installEventFilter(self)
        # The note is saved a moment after typing stops (and on leaving it): never on every key.
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(800)
        self._note_timer.timeout.connect(self.commit_note)
        self.note_edit.textChanged.connect(lambda: (not self._loading) and self._note_timer.start())
        form.addRow("备注", self.note_edit)
        return w

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._remeasure()

    def _remeasure(self) -> None:
        """Sizes derived from the font (row heights, fixed columns, the note's height) follow it live."""
        fm = self.fontMetrics()
        self._head_h = None
        for table in self.tables.values():
            tfm = table.fontMetrics()
            table.verticalHeader().setDefaultSectionSize(tfm.height() + 8)
            model = table.model()
            meta_w = max(tfm.horizontalAdvance("置信度"), tfm.horizontalAdvance("0.00")) + 16
            for c in range(model.columnCount() - len(META_COLUMNS), model.columnCount()):
                table.setColumnWidth(c, meta_w)
            table.horizontalHeader().setMinimumHeight(0)
            self._fit(table)
        self.note_edit.setFixedHeight(fm.lineSpacing() * 3 + 12)
        for marker in self.markers.values():
            marker.setMinimumWidth(fm.horizontalAdvance("清空") + 12)
        self._fit_width()
        body = self.widget()
        if body is not None:
            body.setMinimumHeight(0)
        self._relayout()

    # -- showing -----------------------------------------------------------------------------------------
    def set_tag_choices(self, tags: list[str]) -> None:
        self._tag_choices.setStringList(tags)

    def commit_pending(self) -> None:
        """Write what is typed but not yet finished (the window calls this before switching)."""
        if self.article is None or self._loading:
            return
        for spec in FIELDS:
            editor = self.editors.get(spec.name)
            if (isinstance(editor, QLineEdit) and editor.isModified()) \
                    or (isinstance(editor, QDateEdit) and editor.hasFocus()):
                self._scalar_finished(spec)
        focus = QApplication.focusWidget()
        for table in self.tables.values():
            if focus is not None and table.isAncestorOf(focus):
                table.setFocus()  # the cell editor loses focus and its delegate commits the value
        if self.tags_edit.isModified():
            self._tags_finished()
        if self._note_timer.isActive():
            self.commit_note()

    def set_double_review(self, on: bool) -> None:
        """Show (or hide) the badge saying the shown article is reviewed independently by two."""
        self.double_badge.setVisible(on)

    def set_article(self, view: ArticleView | None) -> None:
        same = self.article is not None and view is not None and self.article.id == view.id
        if not same:
            self.commit_pending()  # normally done already by the window, before it switched
        self.article = view
        self.setEnabled(view is not None)
        self._loading = True
        try:
            self._show_review(view, same)
            fields = view.fields if view is not None else {}
            for spec in FIELDS:
                state = field_state(fields, spec.name)
                self._show_field(spec, state, same)
        finally:
            self._loading = False
        self._relayout()

    def set_review(self, view: ArticleView) -> None:
        """The same article with a new status or version (its claim arrived): the status line only,
        not the fields."""
        self.article = view
        self._show_review(view, same=True)

    def _fit_width(self) -> None:
        body = self.widget()
        if body is not None:
            need = body.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + 2
            if need != self.minimumWidth():
                self.setMinimumWidth(need)

    def _relayout(self) -> None:
        # Table heights changed: have the scroll area re-measure its page now, not on the next resize.
        body = self.widget()
        layout = body.layout() if body is not None else None
        if layout is not None and body is not None:
            # Nested boxes hear of their tables' new heights through posted events: run those now.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            layout.activate()
            # The scroll area does not hear of its page's new minimum on its own once shown;
            # a minimum height on the page makes Qt grow it (and the scroll bar) at once.
            self._fit_width()
            min_h = layout.minimumSize().height()
            if min_h == body.minimumHeight():
                return  # same tables' heights as the last article: nothing to re-measure
            body.setMinimumHeight(min_h)
            body.resize(self.viewport().width(), max(min_h, self.viewport().height()))  # and shrink back

    def _show_review(self, view: ArticleView | None, same: bool) -> None:
        status = view.status if view is not None else "new"
        self.status_label.setText(f"#{view.id}  {statuses.label(status)}" if view else "")
        # A fixed width for ids up to six digits: a new id must not re-lay out the whole panel.
        self.status_label.setMinimumWidth(self.status_label.fontMetrics().horizontalAdvance("#000000 待修改") + 16)
        _style(self.status_label,
            f"color: white; background: {statuses.colour(status)}; "
            "border-radius: 3px; padding: 2px 8px; font-weight: bold;")
        tags = ", ".join(view.tags) if view is not None else ""
        if not (same and self.tags_edit.hasFocus() and self.tags_edit.isModified()) \
                and self.tags_edit.text() != tags:
            self.tags_edit.setText(tags)
        note = view.note if view is not None else ""
        if not (same and self.note_edit.hasFocus()) and self.note_edit.toPlainText() != note:
            self.note_edit.setPlainText(note)

    def _show_field(self, spec: FieldSpec, state: dict[str, Any], same: bool = True) -> None:
        text, low = _marker_text(state)
        marker = self.markers[spec.name]
        if marker.text() != text:
            marker.setText(text)
        _style(marker, "background: #ffb74d; border-radius: 3px; padding: 0 4px;" if low
                             else "color: palette(mid);")
        values = state.get("values", [])
        if spec.multiple:
            self.models[spec.name].set_records(values)
            return
        value = values[0].get("value") if values else None
        editor = self.editors[spec.name]
        _style(editor, "background: #ffe0b2;" if low else "")
        if values:
            rec = values[0]
            editor.setToolTip(plain_tip(f"{'人工' if rec.get('origin') == 'human' else '自动'}，置信度 "
                                        f"{float(rec.get('confidence', 1.0)):.2f}"
                                        + (f"\n规则：{rec['rule']}" if rec.get("rule") else "")))
        else:
            editor.setToolTip("")
        if isinstance(editor, QDateEdit):
            parsed = QDate.fromString(str(value or ""), "yyyy-MM-dd")
            d = parsed if parsed.isValid() else NO_DATE
            if editor.date() != d:
                editor.setDate(d)
            if value and not parsed.isValid():  # shown as 未填: say what is stored instead
                editor.setToolTip(plain_tip(f"无法识别的日期：{value}"))
        elif isinstance(editor, QComboBox):
            i = editor.findData(value or "")
            if i < 0 and value:
                editor.addItem(str(value), value)  # a value outside the list stays visible
                i = editor.count() - 1
            editor.setCurrentIndex(max(i, 0))
        elif isinstance(editor, QLineEdit) and not (same and editor.hasFocus() and editor.isModified()):
            # Only text the reviewer is typing right now is left alone (an undo must show).
            text = "" if value is None else str(value)
            if editor.text() != text:
                editor.setText(text)
                editor.setCursorPosition(0)

    # -- editing ----------------------------------------------------------------------------------------
    def current_state(self, field: str) -> dict[str, Any]:
        if self.article is None:
            return FieldState().to_json()
        return copy.deepcopy(field_state(self.article.fields, field))

    def _scalar_value(self, spec: FieldSpec) -> str:
        editor = self.editors[spec.name]
        if isinstance(editor, QDateEdit):
            d = editor.date()
            return "" if d == NO_DATE else d.toString("yyyy-MM-dd")
        if isinstance(editor, QComboBox):
            return str(editor.currentData() or "")
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def _scalar_finished(self, spec: FieldSpec) -> None:
        if self._loading or self.article is None:
            return
        old = self.current_state(spec.name)
        old_values = old.get("values", [])
        current = old_values[0].get("value") if old_values else None
        new_text = self._scalar_value(spec)
        editor = self.editors[spec.name]
        if isinstance(editor, QLineEdit):
            editor.setModified(False)
        if isinstance(self.editors[spec.name], QDateEdit) and current and not new_text:
            d = QDate.fromString(str(current), "yyyy-MM-dd")
            if not d.isValid() and self.editors[spec.name].hasFocus():
                return  # an unreadable stored date is left alone unless cleared on purpose
        if (current or "") == new_text:
            return
        if isinstance(editor, QLineEdit) and not new_text:
            # An empty field is not a value: it is the middle of retyping, or an undo went too far.
            editor.setText(str(current))
            editor.setCursorPosition(0)
            self.notice.emit(f"{spec.label}未保存为空；要清空请点右侧的 ×")
            return
        evidence = old_values[0].get("evidence", []) if old_values else []
        new = FieldState(True, [human_record(new_text, evidence)] if new_text else []).to_json()
        self.field_edited.emit(spec.name, old, new)
        if isinstance(editor, QLineEdit) and editor.text().strip() == new_text:
            # Saved: the field's own undo starts again here, so Ctrl+Z in it can never go back
            # past what is stored (the app's undo, outside the field, takes the save back).
            pos = editor.cursorPosition()
            editor.setText(editor.text())  # setText clears the undo history
            editor.setCursorPosition(pos)

    def _clear_scalar(self, spec: FieldSpec) -> None:
        """The explicit way to empty a scalar field: an ordinary, undoable human edit."""
        if self._loading or self.article is None:
            return
        old = self.current_state(spec.name)
        editor = self.editors[spec.name]
        if isinstance(editor, QLineEdit):
            editor.setModified(False)
        if not old.get("values") and old.get("edited"):
            return
        self.field_edited.emit(spec.name, old, FieldState(True, []).to_json())

    def _date_changed(self, spec: FieldSpec, editor: QDateEdit) -> None:
        # A pick in the calendar pop-up is final; typed digits wait for editingFinished.
        if not editor.hasFocus():
            self._scalar_finished(spec)

    def _clear_date(self, spec: FieldSpec, editor: QDateEdit) -> None:
        editor.setDate(NO_DATE)
        self._scalar_finished(spec)

    def _list_edited(self, field: str, new_state: dict[str, Any]) -> None:
        if self._loading or self.article is None:
            return
        self.field_edited.emit(field, self.current_state(field), new_state)

    def add_value(self, field: str, value: Any, evidence: list[list[int]]) -> None:
        """Add a value found by the reviewer in the text (scalar fields are replaced)."""
        if self.article is None:
            return
        old = self.current_state(field)
        spec = next(s for s in FIELDS if s.name == field)
        rec = human_record(value, evidence)
        values = [*old.get("values", []), rec] if spec.multiple else [rec]
        self.field_edited.emit(field, old, FieldState(True, values).to_json())

    def _tags_finished(self) -> None:
        self.tags_edit.setModified(False)
        if self._loading or self.article is None:
            return
        new = sorted({t.strip() for t in self.tags_edit.text().replace("，", ",").split(",") if t.strip()})
        if new != list(self.article.tags):
            self.tags_edited.emit(list(self.article.tags), new)

    def commit_note(self) -> None:
        self._note_timer.stop()
        if self._loading or self.article is None:
            return
        new = self.note_edit.toPlainText()
        if new != self.article.note:
            self.note_edited.emit(self.article.note, new)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        etype = event.type()
        if etype == QEvent.Type.FocusIn:
            for name, editor in self.editors.items():
                if obj is editor:
                    self.value_selected.emit(name, 0)
        elif etype == QEvent.Type.FocusOut and obj is self.note_edit:
            self.commit_note()
        elif etype == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier \
                and self.cancel_edit(obj):
            return True
        return super().eventFilter(obj, event)

    def cancel_edit(self, obj: QObject) -> bool:
        """Esc: drop what is typed but not committed; with nothing to drop, leave the panel."""
        if self.article is None:
            return False
        if isinstance(obj, QLineEdit) and obj.isModified():
            stored = ", ".join(self.article.tags) if obj is self.tags_edit else self._stored_text(obj)
            obj.setText(stored)
            obj.setModified(False)
            return True
        if obj is self.note_edit and self.note_edit.toPlainText() != self.article.note:
            self._note_timer.stop()
            self._loading = True
            try:
                self.note_edit.setPlainText(self.article.note)
            finally:
                self._loading = False
            return True
        if isinstance(obj, QTableView) and obj.state() == QAbstractItemView.State.EditingState:
            return False  # the cell editor cancels itself
        self.leave_requested.emit()
        return True

    def _stored_text(self, editor: QLineEdit) -> str:
        for name, e in self.editors.items():
            if e is editor and self.article is not None:
                values = self.article.fields.get(name, {}).get("values", [])
                value = values[0].get("value") if values else None
                return "" if value is None else str(value)
        return editor.text()

    # -- keyboard review ----------------------------------------------------------------------------------
    def focus_field(self, field: str) -> bool:
        """Put the keyboard in one field group (a list field's first value is selected)."""
        widget: QWidget | None
        if field == "tags":
            widget = self.tags_edit
        elif field == "note":
            widget = self.note_edit
        else:
            widget = self.tables.get(field) or self.editors.get(field)
        if widget is None or not self.isEnabled():
            return False
        self.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(widget, QTableView):
            model = widget.model()
            if model.rowCount() and not widget.currentIndex().isValid():
                widget.setCurrentIndex(model.index(0, 0))
        elif isinstance(widget, QLineEdit):
            widget.selectAll()
        return True

    def position(self) -> tuple[str, int] | None:
        """The field and value index the keyboard is at, if the focus is in a field."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        for name, table in self.tables.items():
            if focus is table or table.isAncestorOf(focus):
                return name, max(table.currentIndex().row(), 0)
        for name, editor in self.editors.items():
            if focus is editor or editor.isAncestorOf(focus):
                return name, 0
        return None

    def flagged(self) -> list[tuple[str, int, str]]:
        """Automatic values to check, in the panel's order: (field, index, why)."""
        if self.article is None:
            return []
        order = [sp for sp in FIELDS if not sp.multiple] + [sp for sp in FIELDS if sp.multiple]
        out: list[tuple[str, int, str]] = []
        for spec in order:
            for i, rec in enumerate(self.article.fields.get(spec.name, {}).get("values", [])):
                why = flag_reason(rec)
                if why:
                    out.append((spec.name, i, why))
        return out

    def goto_flagged(self, step: int) -> tuple[str, int, str] | None:
        """Select the next (step 1) or previous (-1) value to check, wrapping around."""
        items = self.flagged()
        if not items:
            return None
        order = {name: k for k, name in enumerate(
            [sp.name for sp in FIELDS if not sp.multiple] + [sp.name for sp in FIELDS if sp.multiple])}
        here = self.position()
        keys = [(order[f], i) for f, i, _w in items]
        if here is None:
            target = 0 if step > 0 else len(items) - 1
        else:
            pos = (order[here[0]], here[1])
            if step > 0:
                target = next((k for k, key in enumerate(keys) if key > pos), 0)
            else:
                target = next((k for k in range(len(keys) - 1, -1, -1) if keys[k] < pos), len(items) - 1)
        field, index, why = items[target]
        self.select_value(field, index)
        widget = self.tables.get(field) or self.editors.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.value_selected.emit(field, index)
        return field, index, why

    def edit_current(self) -> bool:
        """F2: open the value at hand for editing."""
        focus = QApplication.focusWidget()
        for table in self.tables.values():
            if focus is table:
                index = table.currentIndex()
                if not index.isValid() and table.model().rowCount():
                    index = table.model().index(0, 0)
                if index.isValid():
                    if index.column() >= table.model().columnCount() - len(META_COLUMNS):
                        index = index.siblingAtColumn(0)
                    table.setCurrentIndex(index)
                    table.edit(index)
                    return True
                return False
        if isinstance(focus, QLineEdit) and any(focus is e for e in self.editors.values()):
            focus.selectAll()
            return True
        return False

    def delete_current(self) -> bool:
        """Delete: remove the selected values of the list field that has the focus."""
        focus = QApplication.focusWidget()
        for name, table in self.tables.items():
            if focus is table:
                rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
                if not rows and table.currentIndex().isValid():
                    rows = [table.currentIndex().row()]
                if rows:
                    self.models[name].request_remove(rows)
                    # The next value (or the last one) keeps the keyboard in the table.
                    QTimer.singleShot(0, lambda t=table, r=rows[0]: self._reselect(t, r))
                    return True
        return False

    @staticmethod
    def _reselect(table: QTableView, row: int) -> None:
        n = table.model().rowCount()
        if n:
            table.setCurrentIndex(table.model().index(min(row, n - 1), 0))

    # -- selection from the text --------------------------------------------------------------------------
    def select_value(self, field: str, index: int) -> None:
        table = self.tables.get(field)
        if table is not None:
            model = table.model()
            if 0 <= index < model.rowCount():
                table.selectionModel().setCurrentIndex(
                    model.index(index, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                table.scrollTo(model.index(index, 0))
            self.ensureWidgetVisible(table)
            return
        editor = self.editors.get(field)
        if editor is not None:
            self.ensureWidgetVisible(editor)
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
