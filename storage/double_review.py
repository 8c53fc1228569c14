"""The double-review sample: a share of articles judged independently by two reviewers.

Sampled articles keep their automatic values in the article itself until a disagreement is
adjudicated; each reviewer's verdict (status and field values) is kept apart in
``independent_reviews``, so neither sees the other's. ``report`` measures agreement
(``pipeline.agreement``); ``adjudicate`` writes the final values to the article with history.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update

from pipeline.agreement import AgreementReport, Verdict, agreement
from pipeline.fields import FIELDS_BY_NAME
from storage.editing import EditError, set_field_values, set_status
from storage.models import STATUSES, Article, IndependentReview, utcnow
from storage.queries import get_article
from storage.store import Store


@dataclass(frozen=True, slots=True)
class StoredVerdict:
    article_id: int
    reviewer: str
    status: str
    fields: dict[str, list[dict[str, Any]]]  # field → value records, as the reviewer left them


def choose_sample(store: Store, share: float, *, seed: int = 0, statuses: Sequence[str] = ("new",)) -> list[int]:
    """Put ``share`` of the articles with these statuses (not yet sampled) in the sample; their ids."""
    if not 0 < share <= 1:
        raise EditError(f"the sample share must be in (0, 1], got {share}")
    with store.session() as s:
        ids = list(s.scalars(select(Article.id).where(Article.status.in_(statuses), Article.double_review.is_(False))
                             .order_by(Article.id)))
        chosen = sorted(random.Random(seed).sample(ids, round(len(ids) * share))) if ids else []
        for start in range(0, len(chosen), 500):
            s.execute(update(Article).where(Article.id.in_(chosen[start:start + 500]))
                      .values({Article.double_review: True, Article.version_id: Article.version_id + 1})
                      .execution_options(synchronize_session=False))
        return chosen


def sampled(store: Store, article_id: int) -> bool:
    with store.session() as s:
        return bool(s.scalar(select(Article.double_review).where(Article.id == article_id)))


def record_verdict(store: Store, article_id: int, reviewer: str, status: str,
                   fields: Mapping[str, list[dict[str, Any]]]) -> None:
    """Keep (or replace) one reviewer's own verdict on a sampled article."""
    if status not in STATUSES:
        raise EditError(f"unknown status {status!r}")
    unknown = [f for f in fields if f not in FIELDS_BY_NAME]
    if unknown:
        raise EditError(f"unknown field {unknown[0]!r}")
    with store.session() as s:
        row = s.get(IndependentReview, (article_id, reviewer))
        if row is None:
            s.add(IndependentReview(article_id=article_id, reviewer=reviewer, status=status,
                                    fields={k: list(v) for k, v in fields.items()}, at=utcnow()))
        else:
            row.status, row.fields, row.at = status, {k: list(v) for k, v in fields.items()}, utcnow()


def own_view(store: Store, article_id: int, reviewer: str) -> dict[str, list[dict[str, Any]]]:
    """What this reviewer sees of a sampled article: their own verdict's values, else the article's
    automatic ones — never another reviewer's."""
    with store.session() as s:
        row = s.get(IndependentReview, (article_id, reviewer))
        if row is not None:
            return {k: list(v) for k, v in (row.fields or {}).items()}
    fields = get_article(store, article_id).fields
    return {k: list(state.get("values", [])) for k, state in fields.items()}


def verdicts(store: Store) -> dict[int, list[StoredVerdict]]:
    """Every independent verdict, per article, oldest first."""
    out: dict[int, list[StoredVerdict]] = {}
    with store.session() as s:
        for r in s.scalars(select(IndependentReview).order_by(IndependentReview.article_id, IndependentReview.at)):
            out.setdefault(r.article_id, []).append(StoredVerdict(r.article_id, r.reviewer, r.status,
                                                                  dict(r.fields or {})))
    return out


def report(store: Store) -> AgreementReport:
    return agreement({aid: [Verdict(v.reviewer, v.status, {f: [x.get("value") for x in recs]
                                                           for f, recs in v.fields.items()})
                            for v in vs] for aid, vs in verdicts(store).items()})


def adjudicate(store: Store, article_id: int, status: str, fields: Mapping[str, list[dict[str, Any]]], *,
               who: str) -> int:
    """Write the adjudicated verdict to the article (each field and the status with its history row)."""
    version = get_article(store, article_id).version
    for name, records in fields.items():
        version = set_field_values(store, article_id, name, list(records), who=who, expected_version=version)
    return set_status(store, article_id, status, who=who, expected_version=version)
