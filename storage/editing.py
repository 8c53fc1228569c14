"""The one way people change articles: every write is its own transaction with a history row.

Each call names the version the editor saw; if the article changed since (another window, a
re-extraction), the write is refused with ``StaleEditError`` instead of silently overwriting.
"""

from __future__ import annotations

import getpass
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from pipeline.fields import FIELDS_BY_NAME
from pipeline.process import summarise
from storage.models import STATUSES, Article, ArticleTag, ArticleText, FieldHistory
from storage.store import Store


class StaleEditError(Exception):
    """The article changed since it was read; reload it and try again."""


class EditError(ValueError):
    pass


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "reviewer"


def _load(s: Session, article_id: int, expected_version: int | None) -> Article:
    a = s.get(Article, article_id, with_for_update=False)
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
    with store.session() as s:
        a = _load(s, article_id, expected_version)
        body = s.get(ArticleText, article_id)
        assert body is not None
        fields = dict(body.fields or {})
        old = fields.get(field, {"edited": False, "values": []})
        new = {"edited": True, "values": [_as_human(v) for v in values]}
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
    out = {"value": v.get("value"), "evidence": [list(e) for e in v.get("evidence", [])],
           "rule": v.get("rule", ""), "confidence": float(v.get("confidence", 1.0)),
           "origin": v.get("origin", "human")}
    return out


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
    with store.session() as s:
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
    with store.session() as s:
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
    new = {"edited": bool(state.get("edited")), "values": values}
    with store.session() as s:
        a = _load(s, article_id, expected_version)
        body = s.get(ArticleText, article_id)
        assert body is not None
        fields = dict(body.fields or {})
        old = fields.get(field, {"edited": False, "values": []})
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
