"""Reads for the review workflow: progress for the status bar, and the old values bulk actions need.

``review_progress`` is two aggregate queries (no rows leave the database), run by the GUI off its
thread after each filter and each status change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import case, distinct, func, select

from storage.models import Article, ArticleTag, ArticleText, FieldHistory
from storage.search import ArticleFilter, filtered_ids_query
from storage.statuses import REVIEWED
from storage.store import Store


@dataclass(frozen=True, slots=True)
class ReviewProgress:
    total: int  # articles in the filter
    reviewed: int  # of those, with a reviewed status (accepted, needs work, rejected)
    today: dict[str, int] = field(default_factory=dict)  # reviewer → articles given a status since ``since``


def review_progress(store: Store, f: ArticleFilter, since: datetime) -> ReviewProgress:
    """``since`` is the start of the reviewer's day (aware datetime)."""
    ids = filtered_ids_query(f, store.engine.dialect.name).subquery()
    with store.session() as s:
        total, reviewed = s.execute(
            select(func.count(), func.coalesce(func.sum(case((Article.status.in_(REVIEWED), 1), else_=0)), 0))
            .where(Article.id.in_(select(ids.c.id)))).one()
        rows = s.execute(
            select(FieldHistory.who, func.count(distinct(FieldHistory.article_id)))
            .where(FieldHistory.field == "status", FieldHistory.at >= since)
            .group_by(FieldHistory.who)).all()
    return ReviewProgress(int(total), int(reviewed), {str(who): int(n) for who, n in rows})


def fields_of(store: Store, ids: Iterable[int]) -> dict[int, dict[str, dict[str, Any]]]:
    """The stored field states of each article (for a bulk re-extraction's undo step)."""
    wanted = list(ids)
    out: dict[int, dict[str, dict[str, Any]]] = {}
    with store.session() as s:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            for aid, fields in s.execute(select(ArticleText.article_id, ArticleText.fields)
                                         .where(ArticleText.article_id.in_(chunk))):
                out[int(aid)] = dict(fields or {})
    return out


def statuses_and_tags(store: Store, ids: Iterable[int]) -> dict[int, tuple[str, list[str]]]:
    """The status and tags of each article (for bulk actions, which need each one's old value)."""
    wanted = list(ids)
    out: dict[int, tuple[str, list[str]]] = {}
    with store.session() as s:
        for start in range(0, len(wanted), 500):  # bound parameter lists stay small
            chunk = wanted[start:start + 500]
            for aid, status in s.execute(select(Article.id, Article.status).where(Article.id.in_(chunk))):
                out[int(aid)] = (str(status), [])
            for aid, tag in s.execute(select(ArticleTag.article_id, ArticleTag.tag)
                                      .where(ArticleTag.article_id.in_(chunk)).order_by(ArticleTag.tag)):
                out[int(aid)][1].append(str(tag))
    return out
