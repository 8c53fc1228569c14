"""The exported record: the fixed keys of every dataset, the fields, and their evidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.fields import FIELDS, FIELDS_BY_NAME


@dataclass(frozen=True, slots=True)
class ExportArticle:
    """What the store hands to export for one article (plain data, no ORM objects)."""

    id: int
    source_name: str
    sha256: str
    status: str
    script: str
    text: str
    tags: list[str]
    note: str
    fields: dict[str, dict[str, Any]]
    metadata: dict[str, Any]
    group_id: int | None = None  # near-duplicate group (None: not grouped yet)
    canonical: bool = True
    flags: str = ""  # cleaning flags, space-separated
    damage: tuple[str, ...] = ()  # repair kinds cleaning applied (read only when asked for)
    raw_text: str | None = None  # the original, and the offset map to it (read only when asked for)
    offsets: dict[str, Any] | None = None


BASE_KEYS: tuple[str, ...] = (
    "id", "source_name", "sha256", "status", "title", "published_at", "source", "script",
    "text", "tags", "note", "edited_fields", "group_id", "canonical",
)


_FIELD_SHAPES: tuple[tuple[str, bool], ...] = tuple((f.name, f.multiple) for f in FIELDS)


def build_record(a: ExportArticle) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": a.id,
        "source_name": a.source_name,
        "sha256": a.sha256,
        "status": a.status,
        "title": None,
        "published_at": None,
        "source": None,
        "script": a.script,
        "text": a.text,
        "tags": list(a.tags),
        "note": a.note,
        "edited_fields": sorted(n for n, f in a.fields.items() if f.get("edited")),
        "group_id": a.group_id,
        "canonical": a.canonical,
    }
    evidence: dict[str, list[list[int]]] = {}
    fields = a.fields
    for name, multiple in _FIELD_SHAPES:
        entry = fields.get(name)
        values = (entry.get("values") or []) if entry else []
        if multiple:
            record[name] = [v.get("value") for v in values]
        else:
            record[name] = values[0].get("value") if values else None
        # Spans as stored ([start, end] lists, read fresh for this record): no copy needed.
        spans = [span if type(span) is list else list(span) for v in values for span in v.get("evidence") or ()]
        if spans:
            evidence[name] = spans
    # Metadata found by cleaning stands in until extraction or a reviewer fills the field.
    for key in ("title", "published_at", "source"):
        if record[key] in (None, "") and a.metadata.get(key):
            record[key] = str(a.metadata[key])
    record["evidence"] = evidence
    return record


def csv_row(record: dict[str, Any]) -> dict[str, str]:
    """Flatten a record for CSV: lists joined with '; ', people as name（title）."""
    row: dict[str, str] = {}
    for key, value in record.items():
        if key == "evidence":
            row[key] = "; ".join(f"{name}:{s}-{e}" for name, spans in value.items() for s, e in spans)
        elif key == "people":
            row[key] = "; ".join(
                f"{p.get('name', '')}（{p['title']}）" if p.get("title") else str(p.get("name", "")) for p in value
            )
        elif key in FIELDS_BY_NAME and FIELDS_BY_NAME[key].kind in ("amount", "count"):
            row[key] = "; ".join(str(v.get("text", "")) for v in value)
        elif isinstance(value, list):
            row[key] = "; ".join(str(v) for v in value)
        elif value is None:
            row[key] = ""
        else:
            row[key] = str(value)
    return row


def csv_columns() -> list[str]:
    return [*BASE_KEYS, *(f.name for f in FIELDS if f.name not in BASE_KEYS), "evidence"]
