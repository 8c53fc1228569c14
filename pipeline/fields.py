"""The fields a curated record carries, and the value records extraction produces for them.

Stored and exported as plain JSON: ``{field: {"edited": bool, "values": [value record, ...]}}``
where a value record is ``{"value": ..., "evidence": [[start, end], ...], "rule": str,
"confidence": float, "origin": "auto" | "human"}``. Scalar fields hold at most one value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ValueKind = Literal["text", "date", "choice", "person", "amount", "count"]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    label: str  # shown to reviewers
    kind: ValueKind
    multiple: bool


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "标题", "text", False),
    FieldSpec("published_at", "发布日期", "date", False),
    FieldSpec("source", "来源", "text", False),
    FieldSpec("event_type", "活动类型", "choice", False),
    FieldSpec("event_start", "活动开始", "date", False),
    FieldSpec("event_end", "活动结束", "date", False),
    FieldSpec("places", "地点", "text", True),
    FieldSpec("people", "人物", "person", True),
    FieldSpec("organizations", "机构", "text", True),
    FieldSpec("industries", "产业", "text", True),
    FieldSpec("amounts", "金额", "amount", True),
    FieldSpec("counts", "数量", "count", True),
)
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
FIELDS_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}


@dataclass(slots=True)
class FieldValue:
    """One extracted (or human-entered) value with the evidence for it.

    ``value`` is a ``str`` for text/date/choice fields, ``{"name", "title"}`` for people,
    ``{"text", "yuan", "context", "approximate"}`` for amounts and
    ``{"text", "value", "what", "approximate"}`` for counts.
    """

    value: Any
    evidence: list[tuple[int, int]] = field(default_factory=list)
    rule: str = ""
    confidence: float = 1.0
    origin: Literal["auto", "human"] = "auto"

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "evidence": [list(span) for span in self.evidence],
            "rule": self.rule,
            "confidence": round(float(self.confidence), 3),
            "origin": self.origin,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FieldValue:
        return cls(
            value=data.get("value"),
            evidence=[(int(a), int(b)) for a, b in data.get("evidence", [])],
            rule=str(data.get("rule", "")),
            confidence=float(data.get("confidence", 1.0)),
            origin="human" if data.get("origin") == "human" else "auto",
        )


# -- typed values: one definition of each value's shape, written to JSON in one place ----------


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    title: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Person:
        return cls(str(data.get("name") or ""), str(data.get("title") or ""))


@dataclass(frozen=True, slots=True)
class Amount:
    text: str
    yuan: int | float | None = None  # None: a foreign currency or not yet known
    context: str = ""
    approximate: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "yuan": self.yuan, "context": self.context, "approximate": self.approximate}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Amount:
        return cls(str(data.get("text") or ""), data.get("yuan"), str(data.get("context") or ""),
                   bool(data.get("approximate")))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Count:
    text: str
    value: int | None = None
    what: str = ""
    approximate: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "what": self.what, "approximate": self.approximate}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Count:
        return cls(str(data.get("text") or ""), data.get("value"), str(data.get("what") or ""),
                   bool(data.get("approximate")))  # fmt: skip


@dataclass(slots=True)
class FieldState:
    """One field of a record as stored: whether a person edited it, and its value records."""

    edited: bool = False
    values: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"edited": self.edited, "values": self.values}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> FieldState:
        data = data or {}
        return cls(bool(data.get("edited")), list(data.get("values") or []))


def blank_value(kind: ValueKind, text: str = "") -> Any:
    """A value of ``kind`` holding ``text`` (a selection, or nothing yet), in its stored form."""
    if kind == "person":
        return Person(text).to_json()
    if kind == "amount":
        return Amount(text).to_json()
    if kind == "count":
        return Count(text).to_json()
    return text


def field_state(fields: dict[str, dict[str, Any]], name: str) -> dict[str, Any]:
    """The stored state of ``name`` in ``fields``, an unedited empty one when it is missing."""
    return fields.get(name) or FieldState().to_json()


def empty_fields() -> dict[str, dict[str, Any]]:
    """The stored form of a record with nothing extracted yet."""
    return {name: FieldState().to_json() for name in FIELD_NAMES}


def scalar(fields: dict[str, dict[str, Any]], name: str) -> Any:
    """The plain value of a scalar field in stored form, or None."""
    values = fields.get(name, {}).get("values", [])
    return values[0].get("value") if values else None


def plain_values(fields: dict[str, dict[str, Any]], name: str) -> list[Any]:
    """The plain values of a list field in stored form."""
    return [v.get("value") for v in fields.get(name, {}).get("values", [])]


def fields_to_json(extracted: dict[str, list[FieldValue]]) -> dict[str, dict[str, Any]]:
    """Extraction output → stored form (every field present, none edited)."""
    out = empty_fields()
    for name, values in extracted.items():
        if name in out:
            kept = values[:1] if not FIELDS_BY_NAME[name].multiple else values
            out[name]["values"] = [v.to_json() for v in kept]
    return out


@dataclass(frozen=True, slots=True)
class FieldRefresh:
    """What re-extraction did (or would do) to one field."""

    field: str
    old: list[Any]
    new: list[Any]
    kept_because_edited: bool


def merge_reextraction(
    stored: dict[str, dict[str, Any]], fresh: dict[str, dict[str, Any]]
) -> tuple[dict[str, dict[str, Any]], list[FieldRefresh]]:
    """Replace every field no person has touched with the fresh extraction.

    Returns the merged fields and the fields whose plain values differ: those replaced, and those
    kept because a person edited them (so the reviewer can see what the machine now thinks).
    """
    merged: dict[str, dict[str, Any]] = {}
    diffs: list[FieldRefresh] = []
    for name in FIELD_NAMES:
        old = field_state(stored, name)
        new = field_state(fresh, name)
        old_plain = plain_values({name: old}, name)
        new_plain = plain_values({name: new}, name)
        if old.get("edited"):
            merged[name] = old
            if old_plain != new_plain:
                diffs.append(FieldRefresh(name, old_plain, new_plain, kept_because_edited=True))
        else:
            merged[name] = new
            if old_plain != new_plain:
                diffs.append(FieldRefresh(name, old_plain, new_plain, kept_because_edited=False))
    return merged, diffs
