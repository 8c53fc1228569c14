"""Which articles an export takes: the same filter from the command line and the export dialog."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func, select

from storage.models import Article, ArticleTag
from storage.search import _text_condition
from storage.store import Store


class FilterError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class ExportFilter:
    statuses: tuple[str, ...] = ()  # any of
    tags: tuple[str, ...] = ()  # every one of
    flags: tuple[str, ...] = ()  # every one of (cleaning flags: spun, pinyin_damaged, mixed_script)
    without_flags: tuple[str, ...] = ()  # none of
    outlets: tuple[str, ...] = ()  # any of (the article's source outlet, exactly)
    since: str | None = None  # published on or after (YYYY-MM-DD); undated articles are left out
    until: str | None = None  # published on or before
    canonical_only: bool = False  # one article per near-duplicate group
    human_edits: bool = False  # only articles with a field a person changed
    search: str = ""  # the list's text search
    ids: tuple[int, ...] | None = None  # within these articles (the window's current list)

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise FilterError(f"bad --{name} date {value!r}: expected YYYY-MM-DD") from None

    def is_empty(self) -> bool:
        return self == ExportFilter()

    def describe(self) -> str:
        """The filter in words, for the dataset card."""
        parts: list[str] = []
        if self.statuses:
            parts.append("status " + " or ".join(self.statuses))
        parts += [f"tagged {t}" for t in self.tags]
        parts += [f"flagged {f}" for f in self.flags]
        parts += [f"not flagged {f}" for f in self.without_flags]
        if self.outlets:
            parts.append("outlet " + " or ".join(self.outlets))
        if self.since or self.until:
            parts.append(f"published {self.since or '…'} to {self.until or '…'}")
        if self.canonical_only:
            parts.append("canonical member of each near-duplicate group only")
        if self.human_edits:
            parts.append("with human edits")
        if self.search.strip():
            parts.append(f"matching the search {self.search.strip()!r}")
        if self.ids is not None:
            parts.append(f"within a list of {len(self.ids)} articles")
        return "; ".join(parts)


def _has_flag(flag: str):  # type: ignore[no-untyped-def]
    return (" " + Article.flags + " ").contains(f" {flag} ")


def filtered(f: ExportFilter, dialect: str) -> Select[int]:
    q = select(Article.id)
    if f.statuses:
        q = q.where(Article.status.in_(f.statuses))
    for tag in f.tags:
        q = q.where(Article.id.in_(select(ArticleTag.article_id).where(ArticleTag.tag == tag)))
    for flag in f.flags:
        q = q.where(_has_flag(flag))
    for flag in f.without_flags:
        q = q.where(~_has_flag(flag))
    if f.outlets:
        q = q.where(Article.source.in_(f.outlets))
    if f.since:
        q = q.where(Article.published_at >= f.since)
    if f.until:
        q = q.where(Article.published_at <= f.until)
    if f.canonical_only:
        q = q.where(Article.is_canonical)
    if f.human_edits:
        q = q.where(Article.edited_count > 0)
    if f.search.strip():
        q = q.where(_text_condition(f.search.strip(), dialect))
    return q.order_by(Article.id)


def select_ids(store: Store, f: ExportFilter) -> list[int]:
    """The matching article ids, in id order."""
    with store.session() as s:
        found = list(s.scalars(filtered(f, store.engine.dialect.name)))
    if f.ids is not None:
        wanted = set(f.ids)
        found = [i for i in found if i in wanted]
    return found


def outlets(store: Store) -> list[tuple[str, int]]:
    """Every source outlet with its article count, most articles first (for the export dialog)."""
    with store.session() as s:
        rows = s.execute(select(Article.source, func.count(Article.id)).where(Article.source.is_not(None))
                         .group_by(Article.source).order_by(func.count(Article.id).desc(), Article.source)).all()
    return [(str(src), int(n)) for src, n in rows if src]


def group_outlets(store: Store, ids: Sequence[int]) -> dict[int, tuple[int, str | None]]:
    """``{article id: (group id, outlet)}`` for the split (an ungrouped article is its own group)."""
    out: dict[int, tuple[int, str | None]] = {}
    with store.session() as s:
        for at in range(0, len(ids), 500):
            chunk = list(ids[at : at + 500])
            for aid, gid, src in s.execute(select(Article.id, Article.group_id, Article.source)
                                           .where(Article.id.in_(chunk))):
                out[int(aid)] = (int(gid) if gid is not None else int(aid), src)
    return out
