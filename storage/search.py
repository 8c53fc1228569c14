"""Finding articles: the ids that match the list's filter, in the list's order.

Text search here is a plain substring scan; the full-text index replaces it (performance issue).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select

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
}


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    statuses: tuple[str, ...] = ()
    tag: str | None = None
    flag: str | None = None
    text: str = ""
    sort: str = "id"
    descending: bool = False


def _filtered(f: ArticleFilter) -> Select[tuple[int]]:
    q = select(Article.id)
    if f.statuses:
        q = q.where(Article.status.in_(f.statuses))
    if f.tag:
        q = q.where(Article.id.in_(select(ArticleTag.article_id).where(ArticleTag.tag == f.tag)))
    if f.flag:
        q = q.where((" " + Article.flags + " ").contains(f" {f.flag} "))
    text = f.text.strip()
    if text:
        q = q.where(
            Article.title.contains(text, autoescape=True)
            | Article.id.in_(select(ArticleText.article_id).where(ArticleText.cleaned_text.contains(text, autoescape=True)))
        )
    return q


def find_ids(store: Store, f: ArticleFilter = ArticleFilter()) -> list[int]:  # noqa: B008 - frozen
    q = _filtered(f)
    col = SORTABLE.get(f.sort, Article.id)
    order = col.desc() if f.descending else col.asc()  # type: ignore[attr-defined]
    q = q.order_by(order, Article.id)
    with store.session() as s:
        return list(s.scalars(q))
