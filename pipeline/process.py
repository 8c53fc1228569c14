"""One document through the whole pipeline: clean, extract, and summarise for the store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.cleaning import clean
from pipeline.document import CleanResult, RawDocument
from pipeline.extraction import extract
from pipeline.fields import fields_to_json, plain_values, scalar
from pipeline.review import review_figures


@dataclass(slots=True)
class ProcessedDocument:
    doc: RawDocument
    cleaned: CleanResult
    fields: dict[str, dict[str, Any]]  # stored form

    @property
    def summary(self) -> ListSummary:
        c = self.cleaned
        return summarise(self.fields, c.metadata, c.flags, c.spin_score)


@dataclass(frozen=True, slots=True)
class ListSummary:
    """What the article list shows, derived from fields and cleaning."""

    title: str | None
    published_at: str | None
    source: str | None
    places: str
    flags: str
    spin_score: float
    min_confidence: float | None = None  # lowest confidence of the automatic values
    unsupported: int = 0  # automatic values with no evidence in the text


def summarise(fields: dict[str, dict[str, Any]], metadata: dict[str, Any], flags: list[str],
              spin_score: float) -> ListSummary:
    """The list columns: fields first; what cleaning found stands in until a field is filled."""
    title = scalar(fields, "title") or _str(metadata.get("title"))
    published = scalar(fields, "published_at") or _str(metadata.get("published_at"))
    source = scalar(fields, "source") or _str(metadata.get("source"))
    places = "、".join(str(p) for p in plain_values(fields, "places"))
    lowest, unsupported = review_figures(fields)
    return ListSummary(title, published, source, places, " ".join(flags), float(spin_score), lowest, unsupported)


def _str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def process(doc: RawDocument, *, skip_changes: frozenset[tuple[str, int, int]] = frozenset()) -> ProcessedDocument:
    cleaned = clean(doc.text, doc.format, skip_changes=skip_changes)
    fields = fields_to_json(extract(cleaned))
    return ProcessedDocument(doc, cleaned, fields)
