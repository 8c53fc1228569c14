"""Reads: summaries for the list, one article for the review screen, history, counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select

from storage.models import Article, ArticleTag, ArticleText, FieldHistory
from storage.records import ArticleSummary, ArticleView, HistoryEntry
from storage.store import Store


class NotFoundError(LookupError):
    pass


def count_articles(store: Store, statuses: Sequence[str] | None = None) -> int:
    with store.session() as s:
        q = select(func.count(Article.id))
        if statuses:
            q = q.where(Article.status.in_(statuses))
        return int(s.scalar(q) or 0)


_SUMMARY_COLUMNS = (
    Article.id, Article.status, Article.title, Article.published_at, Article.source,
    Article.source_name, Article.places, Article.flags, Article.edited_count, Article.version_id.label("version"),
    Article.group_id, Article.is_canonical.label("canonical"),
)


def _summary(row: Any) -> ArticleSummary:  # a Row of _SUMMARY_COLUMNS
    return ArticleSummary(**row._asdict())


def list_summaries(store: Store, statuses: Sequence[str] | None = None) -> list[ArticleSummary]:
    q = select(*_SUMMARY_COLUMNS).order_by(Article.id)
    if statuses:
        q = q.where(Article.status.in_(statuses))
    with store.session() as s:
        return [_summary(row) for row in s.execute(q)]


def summaries_for(store: Store, ids: Iterable[int]) -> dict[int, ArticleSummary]:
    id_list = list(ids)
    q = select(*_SUMMARY_COLUMNS).where(Article.id.in_(id_list))
    with store.session() as s:
        found = {row.id: _summary(row) for row in s.execute(q)}
        groups = {a.group_id for a in found.values() if a.group_id is not None}
        sizes = dict(s.execute(select(Article.group_id, func.count(Article.id))
                               .where(Article.group_id.in_(groups)).group_by(Article.group_id)).all()) if groups else {}
    return {i: replace(a, group_size=int(sizes.get(a.group_id, 1))) if a.group_id in sizes else a
            for i, a in found.items()}


def get_article(store: Store, article_id: int) -> ArticleView:
    with store.session() as s:
        a = s.get(Article, article_id)
        if a is None:
            raise NotFoundError(f"no article with id {article_id}")
        body = s.get(ArticleText, article_id)
        assert body is not None
        return ArticleView(
            id=a.id, sha256=a.sha256, source_name=a.source_name, source_path=a.source_path,
            format=a.format, encoding=a.encoding, size_bytes=a.size_bytes, imported_at=a.imported_at,
            script=a.script, status=a.status, tags=[t.tag for t in a.tags], note=a.note,
            version=a.version_id, raw_text=body.raw_text, cleaned_text=body.cleaned_text,
            cleaning=body.cleaning or {}, fields=body.fields or {}, double_review=bool(a.double_review),
        )


# History kinds of one reviewer's own verdict on a double-review article (storage.double_review):
# kept out of the article's history, which every reviewer sees.
PRIVATE_HISTORY = "independent:"


def field_history(store: Store, article_id: int, field: str | None = None) -> list[HistoryEntry]:
    q = select(FieldHistory).where(FieldHistory.article_id == article_id,
                                   ~FieldHistory.field.startswith(PRIVATE_HISTORY))
    if field is not None:
        q = q.where(FieldHistory.field == field)
    with store.session() as s:
        return [
            HistoryEntry(h.id, h.article_id, h.field, h.old_value, h.new_value, h.who, h.at)
            for h in s.scalars(q.order_by(FieldHistory.id))
        ]


def all_tags(store: Store) -> list[str]:
    with store.session() as s:
        return list(s.scalars(select(ArticleTag.tag).distinct().order_by(ArticleTag.tag)))
