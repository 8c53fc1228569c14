"""Plain records the store hands out: no ORM objects leave storage, so the GUI never lazy-loads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: int
    status: str
    title: str | None
    published_at: str | None
    source: str | None
    source_name: str
    places: str
    flags: str
    edited_count: int
    version: int
    group_id: int | None = None  # near-duplicate group (storage.grouping)
    canonical: bool = True
    group_size: int = 1


@dataclass(frozen=True, slots=True)
class ArticleView:
    """Everything the review screen needs for one article."""

    id: int
    sha256: str
    source_name: str
    source_path: str
    format: str
    encoding: str
    size_bytes: int
    imported_at: datetime
    script: str
    status: str
    tags: list[str]
    note: str
    version: int
    raw_text: str
    cleaned_text: str
    cleaning: dict[str, Any]
    fields: dict[str, dict[str, Any]]
    # In the double-review sample (read with the row, so showing an article needs no second query
    # to know whether it may be reviewed independently: see ``storage.double_review.independent``).
    double_review: bool = False

    @property
    def edited_fields(self) -> list[str]:
        return sorted(n for n, f in self.fields.items() if f.get("edited"))


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    article_id: int
    field: str
    old_value: Any
    new_value: Any
    who: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ImportProgress:
    done: int
    total: int
    current: str
    imported: int
    duplicates: int
    failed: int


@dataclass(slots=True)
class ImportReport:
    imported: list[tuple[int, str]] = field(default_factory=list)  # (article id, source name)
    duplicates: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, what was limited): imported
    skipped: list[tuple[str, str]] = field(default_factory=list)  # files in folders of types not imported
    cancelled: bool = False
    # Articles cleaned again after the import because the store learned lines their site repeats.
    site_recleaned: list[int] = field(default_factory=list)
    grouping: Any = None  # storage.grouping.GroupReport after the near-duplicate pass

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass(slots=True)
class ExportReport:
    path: Path
    count: int
    cancelled: bool = False
    splits: dict[str, int] = field(default_factory=dict)  # articles per split, when split


@dataclass(slots=True)
class ReextractReport:
    articles: int = 0
    changed: dict[int, list[Any]] = field(default_factory=dict)  # id → [FieldRefresh, ...] replaced
    kept: dict[int, list[Any]] = field(default_factory=dict)  # id → [FieldRefresh, ...] kept (edited)
    cancelled: bool = False
