"""The reviewers a store has seen: everyone who wrote to its history, with what they did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from storage.models import FieldHistory
from storage.store import Store


@dataclass(frozen=True, slots=True)
class ReviewerActivity:
    reviewer: str
    edits: int  # history rows written
    articles: int  # distinct articles touched
    last: datetime


def reviewer_activity(store: Store) -> list[ReviewerActivity]:
    """Everyone in the history, busiest first."""
    edits = func.count(FieldHistory.id)
    with store.session() as s:
        rows = s.execute(select(FieldHistory.who, edits, func.count(func.distinct(FieldHistory.article_id)),
                                func.max(FieldHistory.at))
                         .group_by(FieldHistory.who).order_by(edits.desc(), FieldHistory.who))
        return [ReviewerActivity(r[0], int(r[1]), int(r[2]), r[3]) for r in rows]
