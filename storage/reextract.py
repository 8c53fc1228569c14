"""Re-run cleaning and extraction over stored originals, never overwriting what a person edited."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import object_session
from sqlalchemy.orm.attributes import flag_modified

from pipeline import dedup
from pipeline.document import RawDocument
from pipeline.fields import FieldRefresh, merge_reextraction
from pipeline.process import NUL_META, ProcessedDocument, process
from pipeline.serialize import clean_to_json, site_lines_from_json, skip_changes_from_json
from storage.editing import StaleEditError, check_version, refresh_summary, take_write_lock, write_session
from storage.integrity import ensure_intact
from storage.models import Article, ArticleSignature, ArticleText, FieldHistory
from storage.records import ReextractReport
from storage.spin_pairs import confirmed_pairs, rejected_pairs
from storage.store import Store


def stored_nul_at(body: ArticleText) -> tuple[int, ...]:
    """Where the original had NUL characters (kept in the cleaning's metadata at import)."""
    meta = (body.cleaning or {}).get("metadata") or {}
    found = meta.get(NUL_META) if isinstance(meta, dict) else None
    return tuple(int(i) for i in found) if isinstance(found, list) else ()


def reprocess(
    a: Article, body: ArticleText, skip: frozenset[tuple[str, int, int]],
    site_lines: frozenset[str] | None = None,
    learned_spin: Mapping[str, str] | None = None,
    rejected_spin: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[ProcessedDocument, dict[str, dict[str, Any]], list[FieldRefresh]]:
    """Clean and extract the stored original again; merge so that every human edit is kept.

    ``site_lines`` (keys of lines shared across the article's site) default to those the
    article was last cleaned with; ``learned_spin``: the confirmed pairs of the learned spin
    table (``storage.spin_pairs``), ``rejected_spin`` its rejected pairs."""
    doc = RawDocument(a.source_name, a.source_path, a.sha256, a.size_bytes, a.encoding,
                      a.format, body.raw_text, stored_nul_at(body))  # type: ignore[arg-type]
    if site_lines is None:
        site_lines = site_lines_from_json(body.cleaning or {})
    fresh = process(doc, skip_changes=skip, site_lines=site_lines, learned_spin=learned_spin,
                    rejected_spin=rejected_spin)
    merged, diffs = merge_reextraction(body.fields or {}, fresh.fields)
    return fresh, merged, diffs


def apply_reprocessed(
    a: Article, body: ArticleText, fresh: ProcessedDocument, merged: dict[str, dict[str, Any]],
    skip: frozenset[tuple[str, int, int]],
) -> bool:
    """Write a re-processing into the (open) rows; True if the cleaned text changed."""
    text_changed = body.cleaned_text != fresh.cleaned.text
    body.cleaned_text = fresh.cleaned.text
    body.cleaning = clean_to_json(fresh.cleaned, skip_changes=skip, site_lines=fresh.site_lines)
    body.fields = merged
    a.script = fresh.cleaned.script
    refresh_summary(a, merged, body)
    if text_changed:  # the near-duplicate signature follows the text (groups: at the next regroup)
        session = object_session(a)
        if session is not None:
            session.merge(ArticleSignature(article_id=a.id, minhash=dedup.signature(fresh.cleaned.text),
                                           repairs=sum(r.count for r in fresh.cleaned.repairs)))
    return text_changed


def reextract(
    store: Store, ids: Sequence[int] | None = None, *, apply: bool = True, who: str = "re-extraction",
    progress: Callable[[int, int], None] | None = None, cancel: Callable[[], bool] | None = None,
) -> ReextractReport:
    """Refresh untouched fields; report what changed and what was kept because a person edited it.

    With ``apply=False`` nothing is written: the report says what would change.
    """
    if apply:
        ensure_intact(store)  # never write a batch into a damaged file
    report = ReextractReport()
    learned = confirmed_pairs(store)  # confirmed pairs take part in every re-cleaning
    rejected = rejected_pairs(store)  # rejected ones are never restored automatically
    with store.session() as s:
        q = select(Article.id).order_by(Article.id)
        if ids is not None:
            q = q.where(Article.id.in_(list(ids)))
        todo = list(s.scalars(q))
    for n, article_id in enumerate(todo, 1):
        if cancel is not None and cancel():
            report.cancelled = True
            break
        outcome = _reextract_one(store, article_id, apply=apply, who=who, learned=learned, rejected=rejected)
        if outcome is not None:
            replaced, kept = outcome
            report.articles += 1
            if replaced:
                report.changed[article_id] = replaced
            if kept:
                report.kept[article_id] = kept
        if progress is not None:
            progress(n, len(todo))
    return report


ATTEMPTS = 5  # an article edited again and again while it is being re-extracted


def _reextract_one(store: Store, article_id: int, *, apply: bool, who: str,
                   learned: Mapping[str, str] | None = None,
                   rejected: frozenset[tuple[str, str]] = frozenset(),
                   ) -> tuple[list[FieldRefresh], list[FieldRefresh]] | None:
    """Re-extract one article: (fields replaced, fields kept because edited); None if it is gone.

    The cleaning and extraction run without holding the store's write lock: a reviewer's edit
    may land meanwhile, and the write (under the lock) then finds the version moved on. The
    article is read and merged again, so the edit is kept and never overwritten.
    """
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with write_session(store, article_id, lock=False) as s:
                a = s.get(Article, article_id)
                body = s.get(ArticleText, article_id)
                if a is None or body is None:
                    return None
                version = a.version_id
                skip = skip_changes_from_json(body.cleaning or {})
                fresh, merged, diffs = reprocess(a, body, skip, learned_spin=learned, rejected_spin=rejected)
                replaced = [d for d in diffs if not d.kept_because_edited]
                kept = [d for d in diffs if d.kept_because_edited]
                if not apply:
                    return replaced, kept
                take_write_lock(store, s)
                check_version(s, article_id, version)
                text_changed = apply_reprocessed(a, body, fresh, merged, skip)
                for d in replaced:
                    s.add(FieldHistory(article_id=article_id, field=d.field, old_value=d.old,
                                       new_value=d.new, who=who))
                if text_changed or replaced:
                    flag_modified(a, "flags")  # bump the version so open editors reload
            return replaced, kept
        except StaleEditError:
            if attempt == ATTEMPTS:
                raise
    return None
