"""The store's tables, as typed SQLAlchemy 2 declarative models.

The list table (``articles``) holds only what the article list shows and filters on, so scanning
100,000 rows stays cheap; the large texts and the JSON blobs live in ``article_texts``, read one
article at a time.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    false,
    true,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.statuses import STATUSES as STATUSES  # re-exported: the store validates against it

# Stable constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

def utcnow() -> datetime:
    return datetime.now(UTC)


def encode_json(value: Any) -> str:
    """Compact JSON text, no ASCII escaping (what :class:`JSONText` writes).

    orjson rather than the json module: an article's cleaning record is ~30 KB of JSON, decoded
    on every article switch and encoded on every import, and orjson is 3-10x faster at both.
    """
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")


def decode_json(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        # Text the json module accepts and orjson does not (NaN, Infinity) stays readable.
        return json.loads(text)


class JSONText(TypeDecorator[Any]):
    """JSON kept as UTF-8 text (no ASCII escaping), identical on SQLite and PostgreSQL."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return encode_json(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        return decode_json(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source_name: Mapped[str] = mapped_column(String(1024))
    source_path: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)
    format: Mapped[str] = mapped_column(String(16))
    encoding: Mapped[str] = mapped_column(String(32))
    size_bytes: Mapped[int] = mapped_column(Integer)
    script: Mapped[str] = mapped_column(String(8), default="hans")
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    # Denormalised from the fields for the list: kept in step by every write in operations.
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    published_at: Mapped[str | None] = mapped_column(String(10), nullable=True, index=True)
    source: Mapped[str | None] = mapped_column(Text, nullable=True)
    places: Mapped[str] = mapped_column(Text, default="")
    flags: Mapped[str] = mapped_column(Text, default="")  # space-separated, e.g. "spun pinyin_damaged"
    spin_score: Mapped[float] = mapped_column(Float, default=0.0)
    edited_count: Mapped[int] = mapped_column(Integer, default=0)
    # For the review: the lowest confidence of its automatic values (None: none), and how many of
    # them have no evidence in the text (pipeline.review); filtered and sorted on in the list.
    min_confidence: Mapped[float | None] = mapped_column(Float, nullable=True, index=True)
    unsupported: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    note: Mapped[str] = mapped_column(Text, default="")
    version_id: Mapped[int] = mapped_column(Integer, nullable=False)
    # Near-duplicate groups (storage.grouping): the smallest member id; NULL until grouped.
    group_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    is_canonical: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    canonical_pinned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Team review: who holds the article open for review, since when (a lease: storage/claims.py),
    # and whether it is in the double-review sample (reviewed independently by two reviewers).
    claimed_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    double_review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    body: Mapped[ArticleText] = relationship(
        back_populates="article", cascade="all, delete-orphan", uselist=False, lazy="raise"
    )
    tags: Mapped[list[ArticleTag]] = relationship(
        back_populates="article", cascade="all, delete-orphan", lazy="selectin", order_by="ArticleTag.tag"
    )

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012 - SQLAlchemy reads it as is


class ArticleText(Base):
    __tablename__ = "article_texts"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    raw_text: Mapped[str] = mapped_column(Text)  # the decoded original, never modified
    cleaned_text: Mapped[str] = mapped_column(Text, default="")
    cleaning: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)  # map, repairs, changes, meta
    fields: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)
    article: Mapped[Article] = relationship(back_populates="body")


class ArticleTag(Base):
    __tablename__ = "article_tags"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    article: Mapped[Article] = relationship(back_populates="tags")


class Guidelines(Base):
    """The store's review guidelines (markdown); every save is a new row, the newest is current."""

    __tablename__ = "guidelines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FieldHistory(Base):
    """Every change a person (or a re-extraction) made: who, when, which field, old and new."""

    __tablename__ = "field_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(64))
    old_value: Mapped[Any] = mapped_column(JSONText, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSONText, nullable=True)
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (Index("ix_field_history_article_field", "article_id", "field", "id"),)


SPIN_PAIR_STATUSES: tuple[str, ...] = ("pending", "confirmed", "rejected")


class SpinPair(Base):
    """A substitution a spinner made (spun → original), learned by aligning a repost with its original.

    ``count`` is how often it was seen, ``articles`` the ids of the spun articles; a reviewer sets
    ``status``: only confirmed pairs take part in re-cleaning.
    """

    __tablename__ = "spin_pairs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    spun: Mapped[str] = mapped_column(String(32))
    original: Mapped[str] = mapped_column(String(32))
    count: Mapped[int] = mapped_column(Integer, default=0)
    articles: Mapped[list[int]] = mapped_column(JSONText, default=list)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    decided_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    __table_args__ = (Index("uq_spin_pairs_spun_original", "spun", "original", unique=True),)


class SpinPairHistory(Base):
    """Every decision on a learned spin pair: who, when, the status before and after.

    A status of None means "not in the table" (a decision from the Changes view can add a pair,
    and undoing it removes the pair again). ``article_id``: the article it was decided from, if any.
    """

    __tablename__ = "spin_pair_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    spun: Mapped[str] = mapped_column(String(32))
    original: Mapped[str] = mapped_column(String(32))
    old_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    new_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    article_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (Index("ix_spin_pair_history_pair", "spun", "original", "id"),)


class ArticleSignature(Base):
    """The MinHash signature of an article's cleaned text (``pipeline.dedup``) and its repair count."""

    __tablename__ = "article_signatures"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    repairs: Mapped[int] = mapped_column(Integer, default=0)


class IndependentReview(Base):
    """One reviewer's own verdict on an article of the double-review sample, made without seeing
    the other reviewer's: the status and the field values as that reviewer left them."""

    __tablename__ = "independent_reviews"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    reviewer: Mapped[str] = mapped_column(String(200), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    fields: Mapped[dict[str, Any]] = mapped_column(JSONText, default=dict)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
