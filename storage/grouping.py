"""Near-duplicate groups over the whole store: signatures in, ``group_id`` and canonical out.

Signatures are computed at import (``storage.importer``, in the worker processes) or here for
articles stored before grouping existed. A group's id is its smallest member id, so ids stay put
when later articles join; its canonical member is the one a reviewer pinned, else the least
damaged (not spun, fewest repairs), then the earliest published, then the first imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import bindparam, select, update

from pipeline import dedup
from storage.editing import EditError, default_reviewer
from storage.models import Article, ArticleSignature, ArticleText, Base, FieldHistory
from storage.store import Store

BATCH = 500


@dataclass(frozen=True, slots=True)
class GroupReport:
    articles: int  # articles considered
    signed: int  # signatures computed now (articles stored before grouping existed)
    groups: int  # groups with more than one member
    grouped: int  # articles in such groups
    changed: int  # articles whose group or canonical flag changed


def repair_count(cleaning: dict[str, object]) -> int:
    repairs = cleaning.get("repairs") or []
    assert isinstance(repairs, list)
    return sum(int(r.get("count", 1) or 0) for r in repairs if isinstance(r, dict))


def sign_missing(store: Store, *, progress: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> int:
    """Compute and store the signatures articles lack; how many were computed."""
    with store.session() as s:
        missing = list(s.scalars(
            select(Article.id).where(~Article.id.in_(select(ArticleSignature.article_id))).order_by(Article.id)))
    done = signed = 0
    for at in range(0, len(missing), BATCH):
        chunk = missing[at : at + BATCH]
        with store.session() as s:
            rows = s.execute(select(ArticleText.article_id, ArticleText.cleaned_text, ArticleText.cleaning)
                             .where(ArticleText.article_id.in_(chunk))).all()
            s.add_all(ArticleSignature(article_id=aid, minhash=dedup.signature(text or ""),
                                       repairs=repair_count(cleaning or {})) for aid, text, cleaning in rows)
        done += len(chunk)
        signed += len(rows)
        if progress is not None:
            progress(done, len(missing))
        if cancel is not None and cancel():
            break
    return signed


def regroup(store: Store, *, sign: bool = True) -> GroupReport:
    """Recompute every group from the stored signatures; write only the rows that changed."""
    signed = sign_missing(store) if sign else 0
    with store.session() as s:
        rows = s.execute(
            select(Article.id, Article.flags, Article.published_at, Article.group_id, Article.is_canonical,
                   Article.canonical_pinned, ArticleSignature.minhash, ArticleSignature.repairs)
            .outerjoin(ArticleSignature, ArticleSignature.article_id == Article.id)
            .order_by(Article.id)
        ).all()
    comparable = [i for i, r in enumerate(rows) if r.minhash]
    sigs = dedup.signature_matrix([rows[i].minhash for i in comparable])
    roots = dedup.components(len(comparable), dedup.similar_pairs(sigs))
    group_of = [int(r.id) for r in rows]  # alone unless joined below
    members: dict[int, list[int]] = {}
    for k, root in enumerate(roots):
        members.setdefault(root, []).append(comparable[k])
    multi = [m for m in members.values() if len(m) > 1]
    for m in multi:
        gid = int(rows[m[0]].id)  # rows are in id order: the first member has the smallest id
        for i in m:
            group_of[i] = gid
    canonical = [True] * len(rows)
    for m in multi:
        best = min(m, key=lambda i: _canonical_key(rows[i]))
        for i in m:
            canonical[i] = i == best
    changes = [
        {"aid": int(r.id), "gid": group_of[i], "canon": canonical[i]}
        for i, r in enumerate(rows)
        if r.group_id != group_of[i] or bool(r.is_canonical) != canonical[i]
    ]
    if changes:
        table = Base.metadata.tables["articles"]
        stmt = (update(table).where(table.c.id == bindparam("aid"))
                .values(group_id=bindparam("gid"), is_canonical=bindparam("canon")))
        with store.session() as s:
            conn = s.connection()
            for at in range(0, len(changes), BATCH):
                conn.execute(stmt, changes[at : at + BATCH])
    return GroupReport(len(rows), signed, len(multi), sum(len(m) for m in multi), len(changes))


def _canonical_key(row: object) -> tuple[bool, bool, int, bool, str, int]:
    r = row  # a Row of regroup's query
    flags = (r.flags or "").split()  # type: ignore[attr-defined]
    published = r.published_at  # type: ignore[attr-defined]
    return (not r.canonical_pinned, "spun" in flags, int(r.repairs or 0),  # type: ignore[attr-defined]
            published is None, published or "", int(r.id))  # type: ignore[attr-defined]


def group_members(store: Store, article_id: int) -> list[int]:
    """The ids of the article's group (itself alone when ungrouped), in id order."""
    with store.session() as s:
        gid = s.scalar(select(Article.group_id).where(Article.id == article_id))
        if gid is None:
            return [article_id]
        return list(s.scalars(select(Article.id).where(Article.group_id == gid).order_by(Article.id)))


def set_canonical(store: Store, article_id: int, *, who: str | None = None) -> list[int]:
    """Make the article its group's canonical member (a reviewer's choice, kept by later regroups);
    recorded in the history like any edit. Returns the group's member ids."""
    who = who or default_reviewer()
    with store.session() as s:
        a = s.get(Article, article_id)
        if a is None:
            raise EditError(f"no article with id {article_id}")
        gid = a.group_id
        group = list(s.scalars(select(Article).where(Article.group_id == gid))) if gid is not None else [a]
        old = next((m.id for m in group if m.is_canonical), None)
        for m in group:
            m.is_canonical = m.id == article_id
            m.canonical_pinned = m.id == article_id
        s.add(FieldHistory(article_id=article_id, field="canonical", old_value=old, new_value=article_id, who=who))
        return sorted(m.id for m in group)


