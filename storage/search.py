"""Finding articles: the ids that match the list's filter, in the list's order.

Text search goes through the full-text index (``storage.fulltext``: CJK bigrams in SQLite FTS5,
or a tsvector in PostgreSQL): the query matches articles whose title or cleaned text holds each
of its pieces (split at punctuation and spaces) as a substring. A query with no two neighbouring
characters to look up (a single character) falls back to a substring scan.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Integer, Select, column, func, select, text

from storage import fulltext
from storage.models import Article, ArticleTag, ArticleText
from storage.store import Store

SORTABLE: dict[str, object] = {
    "id": Article.id,
    "status": Article.status,
    "title": Article.title,
    "published_at": Article.published_at,
    "source": Article.source,
    "places": Article.places,
    "flags": Article.flags,
    "edited_count": Article.edited_count,
    "group": Article.group_id,
    # Lowest confidence first; articles with no automatic value (NULL) last.
    "min_confidence": func.coalesce(Article.min_confidence, 2.0),
}


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    statuses: tuple[str, ...] = ()
    tag: str | None = None
    flag: str | None = None
    text: str = ""
    unsupported: bool = False  # only articles with a value that has no evidence in the text
    sort: str = "id"
    descending: bool = False
    group: int | None = None  # only this near-duplicate group's members
    duplicates: str = ""  # "canonical": one article per group; "grouped": only articles that have near-duplicates


def _substring(query: str) -> ColumnElement[bool]:
    return Article.title.contains(query, autoescape=True) | Article.id.in_(
        select(ArticleText.article_id).where(ArticleText.cleaned_text.contains(query, autoescape=True)))


def _text_condition(query: str, dialect: str) -> ColumnElement[bool]:
    phrases, singles = fulltext.split_query(query)
    if not phrases or dialect not in ("sqlite", "postgresql"):
        return _substring(query)
    if dialect == "sqlite":
        hits = text(f"SELECT rowid FROM {fulltext.FTS_TABLE} WHERE {fulltext.FTS_TABLE} MATCH :q").bindparams(
            q=fulltext.fts5_match(phrases)).columns(column("rowid", Integer))
    else:
        hits = text(f"SELECT article_id FROM {fulltext.PG_TABLE} WHERE vector @@ CAST(:q AS tsquery)").bindparams(
            q=fulltext.pg_tsquery(phrases)).columns(column("article_id", Integer))
    cond: ColumnElement[bool] = Article.id.in_(hits)
    for single in singles:  # a lone character beside the indexed pieces: checked by substring
        cond = cond & _substring(single)
    return cond


def _filtered(f: ArticleFilter, dialect: str = "sqlite") -> Select[int]:
    q = select(Article.id)
    if f.statuses:
        q = q.where(Article.status.in_(f.statuses))
    if f.tag:
        q = q.where(Article.id.in_(select(ArticleTag.article_id).where(ArticleTag.tag == f.tag)))
    if f.flag:
        q = q.where((" " + Article.flags + " ").contains(f" {f.flag} "))
    if f.group is not None:
        q = q.where(Article.group_id == f.group)
    if f.duplicates == "canonical":
        q = q.where(Article.is_canonical)
    elif f.duplicates == "grouped":
        shared = select(Article.group_id).where(Article.group_id.is_not(None)).group_by(Article.group_id) \
            .having(func.count(Article.id) > 1)
        q = q.where(Article.group_id.in_(shared))
    if f.unsupported:
        q = q.where(Article.unsupported > 0)
    query = f.text.strip()
    if query:
        q = q.where(_text_condition(query, dialect))
    return q


def filtered_ids_query(f: ArticleFilter, dialect: str = "sqlite") -> Select[int]:
    """The ids matching the filter, unordered (for counts and other aggregates)."""
    return _filtered(f, dialect)


def _index_only(f: ArticleFilter, dialect: str) -> str | None:
    """The FTS5 expression when the index alone answers the filter (text only, list in id order):
    its rowids are the article ids, already in order, so the articles table is not read."""
    if dialect != "sqlite" or f.statuses or f.tag or f.flag or f.group is not None or f.duplicates \
            or f.unsupported or f.sort != "id" or not f.text.strip():
        return None
    phrases, singles = fulltext.split_query(f.text.strip())
    return fulltext.fts5_match(phrases) if phrases and not singles else None


def find_ids(store: Store, f: ArticleFilter = ArticleFilter()) -> list[int]:
    dialect = store.engine.dialect.name
    match = _index_only(f, dialect)
    if match is not None:
        order = "DESC" if f.descending else "ASC"
        sql = f"SELECT rowid FROM {fulltext.FTS_TABLE} WHERE {fulltext.FTS_TABLE} MATCH ? ORDER BY rowid {order}"
        with store.session() as s:
            # Straight from the driver: a common word matches most of the store, and building
            # 100,000 result rows through the SQL layer costs more than the index lookup itself.
            cursor = s.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(sql, (match,))
                return [r[0] for r in cursor.fetchall()]
            finally:
                cursor.close()
    q = _filtered(f, dialect)
    col = SORTABLE.get(f.sort, Article.id)
    order = col.desc() if f.descending else col.asc()  # type: ignore[attr-defined]
    q = q.order_by(order, Article.id)
    with store.session() as s:
        return list(s.scalars(q))
