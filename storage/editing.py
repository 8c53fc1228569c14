"""The one way people change articles: every write is its own transaction with a history row.

Each call names the version the editor saw; if the article changed since (another window, a
re-extraction), the write is refused with ``StaleEditError`` instead of silently overwriting.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from pipeline.fields import FIELDS_BY_NAME, FieldState, FieldValue, field_state
from pipeline.process import summarise
from storage.models import STATUSES, Article, ArticleTag, ArticleText, FieldHistory
from storage.store import Store


class StaleEditError(Exception):
    """The article changed since it was read; reload it and try again."""


STALE_MESSAGE = ("Article {id} was changed elsewhere while this change was being saved (another window or "
                 "program). Nothing was written. Reload it and try again.")


class EditError(ValueError):
    pass


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "reviewer"


@contextmanager
def write_session(store: Store, article_id: int, *, lock: bool = True) -> Iterator[Session]:
    """One write to one article: its version is checked and moved on under a write lock.

    The lock is taken before the article is read, so the version check in :func:`_load` is the
    one that decides (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: the row is read ``FOR UPDATE``).
    Without it two writers could both pass the check and the second one's UPDATE found the
    version moved on at flush — SQLAlchemy's ``StaleDataError`` escaped instead of
    :class:`StaleEditError`, and on SQLite the search index was first updated from a stale read
    of the title ("database disk image is malformed"). Any ``StaleDataError`` still raised (a
    path that forgets the lock) becomes a :class:`StaleEditError` too. With ``lock=False`` the
    caller reads first and takes the lock itself (:func:`take_write_lock`, :func:`check_version`).
    """
    try:
        with store.session() as s:
            if lock:
                take_write_lock(store, s)
            yield s
    except StaleDataError as exc:
        raise StaleEditError(STALE_MESSAGE.format(id=article_id)) from exc


def take_write_lock(store: Store, s: Session) -> None:
    """SQLite: become the writer now (pysqlite itself begins only before a write statement, so
    what was read until here was read outside any transaction). PostgreSQL: nothing — the
    article's row is locked by reading it ``FOR UPDATE``."""
    if store.is_sqlite:
        s.connection().exec_driver_sql("BEGIN IMMEDIATE")


def check_version(s: Session, article_id: int, version: int) -> None:
    """Under the write lock: refuse if the article moved on from ``version`` (a light read)."""
    now = s.execute(select(Article.version_id).where(Article.id == article_id).with_for_update()).scalar()
    if now != version:
        raise StaleEditError(STALE_MESSAGE.format(id=article_id))


def _load(s: Session, article_id: int, expected_version: int | None) -> Article:
    # FOR UPDATE (PostgreSQL; SQLite has the whole store locked already by write_session): a
    # second writer waits here until the first commits, then sees its version.
    a = s.get(Article, article_id, with_for_update=True)
    if a is None:
        raise EditError(f"no article with id {article_id}")
    if expected_version is not None and a.version_id != expected_version:
        raise StaleEditError(
            f"Article {article_id} was changed elsewhere (version {a.version_id}, you had {expected_version}). "
            "Reload it and try again."
        )
    return a


def _history(s: Session, article_id: int, field: str, old: Any, new: Any, who: str) -> None:
    s.add(FieldHistory(article_id=article_id, field=field, old_value=old, new_value=new, who=who))


def set_field_values(
    store: Store, article_id: int, field: str, values: list[dict[str, Any]], *,
    who: str | None = None, expected_version: int | None = None,
) -> int:
    """Replace a field's values (value records as in pipeline.fields); returns the new version."""
    spec = FIELDS_BY_NAME.get(field)
    if spec is None:
        raise EditError(f"unknown field {field!r}")
    if not spec.multiple and len(values) > 1:
        raise EditError(f"{field} holds one value, got {len(values)}")
    who = who or default_reviewer()
    with write_session(store, article_id) as s:
        a = _load(s, article_id, expected_version)
        body = s.get(ArticleText, article_id)
        assert body is not None
        fields = dict(body.fields or {})
        old = field_state(fields, field)
        new = FieldState(True, [_as_human(v) for v in values]).to_json()
        if old.get("values") == new["values"] and old.get("edited"):
            return a.version_id
        fields[field] = new
        body.fields = fields
        _history(s, article_id, field, old.get("values", []), new["values"], who)
        refresh_summary(a, fields, body)
        # The fields live in article_texts: mark the article row changed so its version always
        # moves on, even when no list column changed, or a stale editor would go undetected.
        flag_modified(a, "edited_count")
        s.flush()
        return a.version_id


def _as_human(v: dict[str, Any]) -> dict[str, Any]:
    fv = FieldValue.from_json(v)
    if "origin" not in v:
        fv.origin = "human"  # a value a person typed in carries no origin yet
    return fv.to_json()


def refresh_summary(a: Article, fields: dict[str, dict[str, Any]], body: ArticleText) -> None:
    """Bring the article's list columns in step with its fields and its cleaning record."""
    cleaning = body.cleaning or {}
    summ = summarise(fields, cleaning.get("metadata") or {}, list(cleaning.get("flags", [])),
                     float(cleaning.get("spin_score", 0.0)))
    a.title, a.published_at, a.source = summ.title, summ.published_at, summ.source
    a.places, a.flags, a.spin_score = summ.places, summ.flags, summ.spin_score
    a.min_confidence, a.unsupported = summ.min_confidence, summ.unsupported
    a.edited_count = sum(1 for f in fields.values() if f.get("edited"))


def _set_column(store: Store, article_id: int, column: str, value: str, who: str | None,
                expected_version: int | None) -> int:
    """Set one plain column of the article, with its history row; returns the version."""
    with write_session(store, article_id) as s:
        a = _load(s, article_id, expected_version)
        old = getattr(a, column)
        if old == value:
            return a.version_id
        _history(s, article_id, column, old, value, who or default_reviewer())
        setattr(a, column, value)
        s.flush()
        return a.version_id


def set_status(store: Store, article_id: int, status: str, *, who: str | None = None,
               expected_version: int | None = None) -> int:
    if status not in STATUSES:
        raise EditError(f"unknown status {status!r} (expected one of {', '.join(STATUSES)})")
    return _set_column(store, article_id, "status", status, who, expected_version)


def set_note(store: Store, article_id: int, note: str, *, who: str | None = None,
             expected_version: int | None = None) -> int:
    return _set_column(store, article_id, "note", note, who, expected_version)


def set_tags(store: Store, article_id: int, tags: list[str], *, who: str | None = None,
             expected_version: int | None = None) -> int:
    clean_tags = sorted({t.strip() for t in tags if t.strip()})
    with write_session(store, article_id) as s:
        a = _load(s, article_id, expected_version)
        old = [t.tag for t in a.tags]
        if old == clean_tags:
            return a.version_id
        _history(s, article_id, "tags", old, clean_tags, who or default_reviewer())
        a.tags = [ArticleTag(tag=t) for t in clean_tags]
        # Tags live in another table: mark the row changed so its version moves on too.
        flag_modified(a, "note")
        s.flush()
        return a.version_id


def set_field_state(
    store: Store, article_id: int, field: str, state: dict[str, Any], *,
    who: str | None = None, expected_version: int | None = None,
) -> int:
    """Put a field back into a whole stored state, ``{"edited": bool, "values": [...]}``.

    Undo uses this: undoing a reviewer's first edit must give back the automatic values *and*
    the not-edited mark, so a later re-extraction may refresh the field again.
    """
    spec = FIELDS_BY_NAME.get(field)
    if spec is None:
        raise EditError(f"unknown field {field!r}")
    values = [dict(v) for v in state.get("values", [])]
    if not spec.multiple and len(values) > 1:
        raise EditError(f"{field} holds one value, got {len(values)}")
    new = FieldState(bool(state.get("edited")), values).to_json()
    with write_session(store, article_id) as s:
        a = _load(s, article_id, expected_version)
        body = s.get(ArticleText, article_id)
        assert body is not None
        fields = dict(body.fields or {})
        old = field_state(fields, field)
        if old.get("values") == new["values"] and bool(old.get("edited")) == new["edited"]:
            return a.version_id
        fields[field] = new
        body.fields = fields
        _history(s, article_id, field, old.get("values", []), new["values"], who or default_reviewer())
        refresh_summary(a, fields, body)
        # The fields live in another table: mark the article row changed so its version moves on
        # even when no list column changed, and other editors see their copy is stale.
        flag_modified(a, "note")
        s.flush()
        return a.version_id
