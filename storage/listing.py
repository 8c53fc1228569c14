"""Narrow reads for the article list: one column's values for sorting, the flags in use.

Kept apart from ``search`` (whose text part another engine replaces) and read in one query each,
so the GUI can collate 100,000 titles off its thread without touching article bodies.
"""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import Article
from storage.store import Store

# Columns whose values are text people read, sorted by a locale collation rather than code points.
TEXT_COLUMNS: dict[str, object] = {
    "title": func.coalesce(Article.title, Article.source_name),
    "source": func.coalesce(Article.source, ""),
    "places": Article.places,
}


def column_values(store: Store, column: str) -> dict[int, str]:
    """``{article id: the column's text}`` for every article (``title`` falls back to the file name)."""
    expr = TEXT_COLUMNS.get(column)
    if expr is None:
        raise ValueError(f"not a text column: {column!r}")
    with store.session() as s:
        return {int(i): str(v or "") for i, v in s.execute(select(Article.id, expr))}  # type: ignore[call-overload]


def all_flags(store: Store) -> list[str]:
    """Every cleaning flag some article carries (flags are stored space-separated)."""
    with store.session() as s:
        combos = s.scalars(select(Article.flags).distinct())
        return sorted({f for combo in combos if combo for f in combo.split()})


def current_version(store: Store, article_id: int) -> int | None:
    with store.session() as s:
        return s.scalar(select(Article.version_id).where(Article.id == article_id))


def first_ids(store: Store, limit: int) -> list[int]:
    """The first ``limit`` article ids: what a window shows while the whole list loads."""
    with store.session() as s:
        return list(s.scalars(select(Article.id).order_by(Article.id).limit(limit)))
