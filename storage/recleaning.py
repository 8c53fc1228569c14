"""Undoing one repair of the cleaning (a reviewer says "this spin restoration was wrong").

The skipped repairs are kept with the cleaning; the article is re-cleaned and re-extracted from
its original with them skipped, keeping every field a person edited — the same path as
``reextract``, for one article, in one transaction, against the version the reviewer saw.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm.attributes import flag_modified

from pipeline.serialize import skip_changes_from_json
from storage.editing import _history, _load, default_reviewer, write_session
from storage.models import ArticleText
from storage.reextract import apply_reprocessed, reprocess
from storage.spin_pairs import confirmed_pairs, rejected_pairs
from storage.store import Store

SkipKey = tuple[str, int, int]  # (change kind, raw start, raw end)


def skipped_changes(store: Store, article_id: int) -> list[SkipKey]:
    with store.session() as s:
        body = s.get(ArticleText, article_id)
        return sorted(skip_changes_from_json(body.cleaning or {})) if body is not None else []


def set_skipped_changes(
    store: Store, article_id: int, skip: Iterable[SkipKey], *,
    who: str | None = None, expected_version: int | None = None,
) -> int:
    """Re-clean the article skipping exactly these repairs; returns the new version."""
    wanted = frozenset((str(k), int(a), int(b)) for k, a, b in skip)
    learned = confirmed_pairs(store)  # read before the write transaction opens
    rejected = rejected_pairs(store)
    with write_session(store, article_id) as s:
        a = _load(s, article_id, expected_version)
        body = s.get(ArticleText, article_id)
        assert body is not None
        before = skip_changes_from_json(body.cleaning or {})
        if before == wanted:
            return a.version_id
        fresh, merged, _diffs = reprocess(a, body, wanted, learned_spin=learned, rejected_spin=rejected)
        apply_reprocessed(a, body, fresh, merged, wanted)
        _history(s, article_id, "skip_changes", sorted(map(list, before)), sorted(map(list, wanted)),
                 who or default_reviewer())
        flag_modified(a, "flags")
        s.flush()
        return a.version_id
