"""Re-run cleaning and extraction over stored originals, never overwriting what a person edited."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import object_session
from sqlalchemy.orm.attributes import flag_modified

from pipeline import dedup
from pipeline.document import RawDocument
from pipeline.fields import FieldRefresh, merge_reextraction
from pipeline.process import ProcessedDocument, process
from pipeline.serialize import clean_to_json, skip_changes_from_json
from storage.editing import refresh_summary
from storage.models import Article, ArticleSignature, ArticleText, FieldHistory
from storage.records import ReextractReport
from storage.store import Store


def reprocess(
    a: Article, body: ArticleText, skip: frozenset[tuple[str, int, int]]
) -> tuple[ProcessedDocument, dict[str, dict[str, Any]], list[FieldRefresh]]:
    """Clean and extract the stored original again; merge so that every human edit is kept."""
    doc = RawDocument(a.source_name, a.source_path, a.sha256, a.size_bytes, a.encoding,
                      a.format, body.raw_text)  # type: ignore[arg-type]
    fresh = process(doc, skip_changes=skip)
    merged, diffs = merge_reextraction(body.fields or {}, fresh.fields)
    return fresh, merged, diffs


def apply_reprocessed(
    a: Article, body: ArticleText, fresh: ProcessedDocument, merged: dict[str, dict[str, Any]],
    skip: frozenset[tuple[str, int, int]],
) -> bool:
    """Write a re-processing into the (open) rows; True if the cleaned text changed."""
    text_changed = body.cleaned_text != fresh.cleaned.text
    body.cleaned_text = fresh.cleaned.text
    body.cleaning = clean_to_json(fresh.cleaned, skip_changes=skip)
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
    report = ReextractReport()
    with store.session() as s:
        q = select(Article.id).order_by(Article.id)
        if ids is not None:
            q = q.where(Article.id.in_(list(ids)))
        todo = list(s.scalars(q))
    for n, article_id in enumerate(todo, 1):
        if cancel is not None and cancel():
            report.cancelled = True
            break
        with store.session() as s:
            a = s.get(Article, article_id)
            body = s.get(ArticleText, article_id)
            if a is None or body is None:
                continue
            skip = skip_changes_from_json(body.cleaning or {})
            fresh, merged, diffs = reprocess(a, body, skip)
            report.articles += 1
            replaced = [d for d in diffs if not d.kept_because_edited]
            kept = [d for d in diffs if d.kept_because_edited]
            if replaced:
                report.changed[article_id] = replaced
            if kept:
                report.kept[article_id] = kept
            if apply:
                text_changed = apply_reprocessed(a, body, fresh, merged, skip)
                for d in replaced:
                    s.add(FieldHistory(article_id=article_id, field=d.field, old_value=d.old,
                                       new_value=d.new, who=who))
                if text_changed or replaced:
                    flag_modified(a, "flags")  # bump the version so open editors reload
        if progress is not None:
            progress(n, len(todo))
    return report
