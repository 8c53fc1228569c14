"""Table model over one list field's values (people, amounts, places, …) for the field panel.

The model holds the stored value records of the article on screen. An edit in the table does not
write anything itself: it emits ``values_edited`` with the field's whole new state, which the
editor writes (and makes undoable); the panel then shows what the store holds.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from gui.plain import plain_tip
from pipeline.fields import FieldSpec, FieldState, FieldValue
from pipeline.fields import blank_value as typed_blank
from pipeline.review import is_low, is_unsupported

Index = QModelIndex | QPersistentModelIndex

NO_EVIDENCE = "在文中没有依据"
LOW_BRUSH = QBrush(QColor("#ffe0b2"))  # orange tint: the eye finds doubtful values first
UNSUPPORTED_BRUSH = QBrush(QColor("#ffcdd2"))  # red tint: nothing in the text backs this value
HUMAN_BRUSH = QBrush(QColor("#e3f2fd"))

# Sub-keys of structured values, with their column titles and whether they are numbers.
PARTS: dict[str, tuple[tuple[str, str, type | None], ...]] = {
    "person": (("name", "姓名", None), ("title", "职务", None)),
    "amount": (("text", "原文", None), ("yuan", "金额（元）", float), ("context", "用途", None)),
    "count": (("text", "原文", None), ("value", "数值", float), ("what", "对象", None)),
}
META_COLUMNS: tuple[tuple[str, str], ...] = (("origin", "来源"), ("confidence", "置信度"))
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ROLES = frozenset((_DISPLAY, _EDIT, _BACKGROUND, _TOOLTIP))
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SELECTABLE | Qt.ItemFlag.ItemIsEditable


def origin_text(record: dict[str, Any]) -> str:
    return "人工" if record.get("origin") == "human" else "自动"


def flag_reason(record: dict[str, Any]) -> str:
    """Why an automatic value needs a look ("" if it does not): low confidence or no evidence."""
    if record.get("origin") == "human":
        return ""
    if is_unsupported(record):
        return NO_EVIDENCE
    if is_low(record):
        return f"置信度低（{float(record.get('confidence', 1.0)):.2f}）"
    return ""


def blank_value(spec: FieldSpec) -> Any:
    return typed_blank(spec.kind)


def human_record(value: Any, evidence: list[list[int]] | None = None) -> dict[str, Any]:
    spans = [(int(e[0]), int(e[1])) for e in (evidence or [])]
    return FieldValue(value, spans, "", 1.0, "human").to_json()


def display_value(spec: FieldSpec, value: Any) -> str:
    """One line of text for a value of any kind (for lists, tooltips and history)."""
    if isinstance(value, dict):
        parts = PARTS.get(spec.kind, ())
        shown = [_fmt(value.get(k)) for k, _t, _n in parts if value.get(k) not in (None, "")]
        return " · ".join(shown)
    return "" if value is None else str(value)


def _fmt(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return f"{int(v):,}"
    if isinstance(v, float | int):
        return f"{v:,}"
    return str(v)


class FieldValuesModel(QAbstractTableModel):
    values_edited = Signal(str, object)  # field name, new stored state {"edited": True, "values": [...]}

    def __init__(self, spec: FieldSpec, parent: Any = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._parts = PARTS.get(spec.kind, (("", "值", None),))
        self._records: list[dict[str, Any]] = []

    # -- content -------------------------------------------------------------------------------
    def set_records(self, records: list[dict[str, Any]]) -> None:
        if records == self._records:
            return
        self.beginResetModel()
        # No copy: each ArticleView carries fresh records, and edits copy before changing any.
        self._records = records
        self.endResetModel()

    def records(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self._records)

    def record(self, row: int) -> dict[str, Any]:
        return self._records[row]

    def state_with(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        return FieldState(True, records).to_json()

    def request_add(self, value: Any | None = None, evidence: list[list[int]] | None = None) -> None:
        new = [*self.records(), human_record(blank_value(self.spec) if value is None else value, evidence)]
        self.values_edited.emit(self.spec.name, self.state_with(new))

    def request_remove(self, rows: list[int]) -> None:
        new = [r for i, r in enumerate(self.records()) if i not in set(rows)]
        self.values_edited.emit(self.spec.name, self.state_with(new))

    # -- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._parts) + len(META_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if int(role) != _DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section < len(self._parts):
            return self._parts[section][1]
        return META_COLUMNS[section - len(self._parts)][1]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _EDITABLE if index.column() < len(self._parts) else _SELECTABLE

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting a cell asks for a dozen roles; the ones not answered here leave at once
        # (plain ints: comparing Qt's enums from Python is slow, and this runs per cell and role).
        role = int(role)
        if role not in _ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._records) or not index.isValid():
            return None
        rec = self._records[row]
        col = index.column()
        if role in (_DISPLAY, _EDIT):
            if col < len(self._parts):
                key, _title, numeric = self._parts[col]
                v = rec.get("value")
                part = v.get(key) if key and isinstance(v, dict) else (v if not key else None)
                if part is None:
                    return ""
                if role == _DISPLAY and numeric is not None:
                    return _fmt(part)
                return str(part)
            meta = META_COLUMNS[col - len(self._parts)][0]
            if meta == "origin":
                return origin_text(rec)
            return f"{float(rec.get('confidence', 1.0)):.2f}"
        if role == _BACKGROUND:
            if is_unsupported(rec):
                return UNSUPPORTED_BRUSH
            if is_low(rec):
                return LOW_BRUSH
            if rec.get("origin") == "human":
                return HUMAN_BRUSH
            return None
        if role == _TOOLTIP:
            bits = [f"{origin_text(rec)}，置信度 {float(rec.get('confidence', 1.0)):.2f}"]
            if rec.get("rule"):
                bits.append(f"规则：{rec['rule']}")
            if is_low(rec):
                bits.append("置信度低，请核对")
            if is_unsupported(rec):
                bits.append("在文中没有依据（可能来自图片说明或页面的相关链接），请核对")
            return plain_tip("\n".join(bits))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() >= len(self._parts):
            return False
        key, _title, numeric = self._parts[index.column()]
        text = str(value).strip() if value is not None else ""
        if index.column() == 0 and not text:
            return False  # a value is removed with the － button, never emptied in its cell by accident
        parsed: Any = text
        if numeric is not None:
            if text == "":
                parsed = None
            else:
                try:
                    parsed = float(text.replace(",", "").replace("，", ""))
                except ValueError:
                    return False
        records = self.records()
        rec = records[index.row()]
        old_value = rec.get("value")
        if key:
            new_value = dict(old_value) if isinstance(old_value, dict) else blank_value(self.spec)
            new_value[key] = parsed
        else:
            new_value = parsed
        if new_value == old_value:
            return True
        # A corrected value is the reviewer's: keep its evidence, mark it human and certain.
        rec.update(value=new_value, origin="human", confidence=1.0)
        # Show it at once (the store read-back then finds nothing to reset), then have it written.
        self._records = copy.deepcopy(records)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.values_edited.emit(self.spec.name, self.state_with(records))
        return True
