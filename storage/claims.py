"""Claims: a reviewer who opens an article for review holds it, so teammates do not duplicate work.

A claim is a lease: it lapses after ``LEASE`` without activity (``renew`` on each action keeps it),
so a reviewer who walks away does not lock articles forever. "Next unreviewed" claims atomically:
on PostgreSQL with ``SELECT … FOR UPDATE SKIP LOCKED``, on SQLite with one ``UPDATE … WHERE id =
(SELECT …) RETURNING id`` (SQLite runs one writer at a time, so the choice and the claim are one
step). A reviewer holds one open claim at a time: taking the next releases the one before.
Claiming a new article sets its status to ``in_review``; every claim change moves the article's
version, so other windows see it changed.

An article of the double-review sample is meant for two reviewers at once, each on their own copy
(storage.double_review): a claim on it does not keep the second reviewer out, and "next
unreviewed" passes over it once this reviewer has given their verdict or two others have.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from storage.editing import EditError
from storage.models import Article, FieldHistory, IndependentReview, utcnow
from storage.statuses import REVIEWED
from storage.store import Store

LEASE = timedelta(minutes=20)
UNREVIEWED = ("new", "in_review")


class ClaimHeldError(Exception):
    """The article is held by another reviewer whose lease has not lapsed."""

    def __init__(self, article_id: int, holder: str, since: datetime) -> None:
        super().__init__(f"Article {article_id} is being reviewed by {holder} (since {since:%H:%M}). "
                         "Take it over explicitly if they have left it.")
        self.article_id, self.holder, self.since = article_id, holder, since


@dataclass(frozen=True, slots=True)
class Claim:
    article_id: int
    reviewer: str
    at: datetime

    def lapsed(self, now: datetime, lease: timedelta = LEASE) -> bool:
        return _aware(self.at) < now - lease


def _aware(at: datetime) -> datetime:
    # SQLite hands back naive datetimes for timezone-aware columns: they were written in UTC.
    return at if at.tzinfo is not None else at.replace(tzinfo=utcnow().tzinfo)


def _free_for(reviewer: str, now: datetime, lease: timedelta) -> ColumnElement[bool]:
    return or_(Article.claimed_by.is_(None), Article.claimed_by == reviewer, Article.claimed_at < now - lease,
               Article.double_review.is_(True))


def _still_needs(reviewer: str) -> ColumnElement[bool]:
    """Not a double-review article this reviewer already judged, or that two others judged."""
    mine = select(IndependentReview.article_id).where(IndependentReview.article_id == Article.id,
                                                     IndependentReview.reviewer == reviewer,
                                                     IndependentReview.status.in_(REVIEWED))
    others = (select(func.count()).select_from(IndependentReview)
              .where(IndependentReview.article_id == Article.id, IndependentReview.reviewer != reviewer)
              .scalar_subquery())
    return or_(Article.double_review.is_(False), and_(~mine.exists(), others < 2))


def _claim_values(reviewer: str, now: datetime) -> dict[object, object]:
    return {
        Article.claimed_by: reviewer, Article.claimed_at: now, Article.updated_at: now,
        Article.status: case((Article.status == "new", "in_review"), else_=Article.status),
        Article.version_id: Article.version_id + 1,
    }


def next_unreviewed(store: Store, reviewer: str, *, after_id: int | None = None, lease: timedelta = LEASE,
                    now: datetime | None = None) -> int | None:
    """Claim and return the first unreviewed article (after ``after_id``, wrapping around) that no
    other reviewer holds; None when there is none. Safe when many reviewers ask at once."""
    now = now or utcnow()
    for start in ((after_id, None) if after_id is not None else (None,)):
        found = _claim_first(store, reviewer, start, lease, now)
        if found is not None:
            return found
    return None


def _claim_first(store: Store, reviewer: str, after_id: int | None, lease: timedelta, now: datetime) -> int | None:
    cond = and_(Article.status.in_(UNREVIEWED), _free_for(reviewer, now, lease), _still_needs(reviewer))
    if after_id is not None:
        cond = and_(cond, Article.id > after_id)
    with store.session() as s:
        if store.is_sqlite:
            # One statement, so SQLite takes its write lock before it reads: the choice cannot go stale.
            first = select(Article.id).where(cond).order_by(Article.id).limit(1).scalar_subquery()
            stmt = (update(Article).where(Article.id == first).values(_claim_values(reviewer, now))
                    .returning(Article.id).execution_options(synchronize_session=False))
            found = s.execute(stmt).scalar_one_or_none()
        else:
            found = s.execute(select(Article.id).where(cond).order_by(Article.id).limit(1)
                              .with_for_update(skip_locked=True)).scalar_one_or_none()
            if found is not None:
                s.execute(update(Article).where(Article.id == found).values(_claim_values(reviewer, now))
                          .execution_options(synchronize_session=False))
        if found is not None:
            _release_others(s, reviewer, found, now)
        return found


def _release_others(s: Session, reviewer: str, keep: int, now: datetime) -> None:
    s.execute(update(Article).where(Article.claimed_by == reviewer, Article.id != keep)
              .values({Article.claimed_by: None, Article.claimed_at: None, Article.updated_at: now,
                       Article.version_id: Article.version_id + 1})
              .execution_options(synchronize_session=False))


def claim(store: Store, article_id: int, reviewer: str, *, take_over: bool = False, lease: timedelta = LEASE,
          now: datetime | None = None) -> int:
    """Claim one article (opening it for review); returns its new version.

    Refused with ``ClaimHeldError`` while another reviewer's lease runs, unless ``take_over``;
    a take-over is written to the history so the team can see who took what from whom.
    """
    now = now or utcnow()
    with store.session() as s:
        cond = Article.id == article_id
        if not take_over:
            cond = and_(cond, _free_for(reviewer, now, lease))
        got = s.execute(update(Article).where(cond).values(_claim_values(reviewer, now))
                        .returning(Article.version_id, Article.claimed_by)
                        .execution_options(synchronize_session=False)).first()
        if got is None:
            row = s.execute(select(Article.claimed_by, Article.claimed_at).where(Article.id == article_id)).first()
            if row is None:
                raise EditError(f"no article with id {article_id}")
            raise ClaimHeldError(article_id, row.claimed_by or "?", _aware(row.claimed_at or now))
        _release_others(s, reviewer, article_id, now)
        if take_over:
            s.add(FieldHistory(article_id=article_id, field="claim", old_value=None, new_value=reviewer,
                               who=reviewer, at=now))
        return int(got.version_id)


def renew(store: Store, article_id: int, reviewer: str, *, now: datetime | None = None) -> bool:
    """Extend the reviewer's lease on an article they hold (no version change); False if they no longer hold it."""
    now = now or utcnow()
    with store.session() as s:
        done = s.execute(update(Article).where(Article.id == article_id, Article.claimed_by == reviewer)
                         .values({Article.claimed_at: now}).execution_options(synchronize_session=False))
        return bool(done.rowcount)  # type: ignore[attr-defined]


def release(store: Store, article_id: int, reviewer: str, *, now: datetime | None = None) -> bool:
    """Give up the reviewer's claim (the status stays as it is); False if they did not hold it."""
    now = now or utcnow()
    with store.session() as s:
        done = s.execute(update(Article).where(Article.id == article_id, Article.claimed_by == reviewer)
                         .values({Article.claimed_by: None, Article.claimed_at: None, Article.updated_at: now,
                                  Article.version_id: Article.version_id + 1})
                         .execution_options(synchronize_session=False))
        return bool(done.rowcount)  # type: ignore[attr-defined]


def active_claims(store: Store, *, lease: timedelta = LEASE, now: datetime | None = None) -> dict[int, Claim]:
    """Every claim whose lease still runs, by article id (the list's "who holds it" column)."""
    now = now or utcnow()
    with store.session() as s:
        rows = s.execute(select(Article.id, Article.claimed_by, Article.claimed_at)
                         .where(Article.claimed_by.is_not(None), Article.claimed_at >= now - lease))
        return {r.id: Claim(r.id, r.claimed_by, _aware(r.claimed_at)) for r in rows}

