"""The learned spin table: substitutions harvested from the store, confirmed or rejected by a reviewer.

``harvest_store`` aligns spun reposts with their originals found in the store
(:mod:`pipeline.cleaning.spin_learning`) and adds the counts; a pair a reviewer already
decided keeps its decision. ``confirmed_pairs`` is what re-cleaning passes to the cleaner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import func, select

from pipeline.cleaning.spin_learning import LearnedPair, Sketch, align, meet, sketch
from storage.models import SPIN_PAIR_STATUSES, ArticleText, SpinPair, utcnow
from storage.store import Store


@dataclass(frozen=True, slots=True)
class SpinPairRow:
    id: int
    spun: str
    original: str
    count: int
    articles: tuple[int, ...]
    status: str
    decided_by: str | None


def _row(p: SpinPair) -> SpinPairRow:
    return SpinPairRow(p.id, p.spun, p.original, p.count, tuple(p.articles or ()), p.status, p.decided_by)


def record_pairs(store: Store, pairs: Iterable[LearnedPair]) -> tuple[int, int]:
    """Add harvested pairs; returns (new pairs, updated pairs). Counts are replaced by the latest
    harvest (it sees the whole store), decisions are kept."""
    new = updated = 0
    with store.session() as s:
        have = {(p.spun, p.original): p for p in s.scalars(select(SpinPair))}
        for lp in pairs:
            row = have.get((lp.spun, lp.original))
            if row is None:
                s.add(SpinPair(spun=lp.spun, original=lp.original, count=lp.count, articles=sorted(lp.articles),
                               status="pending"))
                new += 1
            elif row.count != lp.count or sorted(row.articles or []) != sorted(lp.articles):
                row.count, row.articles = lp.count, sorted(lp.articles)
                updated += 1
    return new, updated


def harvest_store(
    store: Store, *, progress: Callable[[int, int], None] | None = None
) -> tuple[list[LearnedPair], int, int]:
    """Harvest the whole store; returns the pairs found and (new, updated) rows.

    The cleaned texts are read twice, streamed: once to sketch every article (a few hundred
    bytes each, so 100,000 articles fit in memory), then one by one for the candidate pairs.
    They are the cleaned texts: what the reverser already undid is no longer a difference, so
    what is learned is exactly what it missed.
    """
    sketches: dict[int, Sketch] = {}
    with store.session() as s:
        total = s.scalar(select(func.count()).select_from(ArticleText)) or 0
        q = select(ArticleText.article_id, ArticleText.cleaned_text).execution_options(yield_per=500)
        for n, (aid, text) in enumerate(s.execute(q), 1):
            sketches[int(aid)] = sketch(text or "")
            if progress is not None and (n % 500 == 0 or n == total):
                progress(n, total)

    def text_of(aid: int) -> str:
        with store.session() as s:
            return s.scalar(select(ArticleText.cleaned_text).where(ArticleText.article_id == aid)) or ""

    pairs = align(meet(sketches), lru_cache(maxsize=256)(text_of))
    new, updated = record_pairs(store, pairs)
    return pairs, new, updated


def list_pairs(store: Store, status: str | None = None) -> list[SpinPairRow]:
    with store.session() as s:
        q = select(SpinPair).order_by(SpinPair.count.desc(), SpinPair.spun, SpinPair.original)
        if status is not None:
            q = q.where(SpinPair.status == status)
        return [_row(p) for p in s.scalars(q)]


def decide(store: Store, spun: str, original: str, status: str, *, who: str) -> bool:
    """Confirm or reject one pair (or put it back to pending); False if there is no such pair."""
    if status not in SPIN_PAIR_STATUSES:
        raise ValueError(f"unknown status {status!r}; one of {', '.join(SPIN_PAIR_STATUSES)}")
    with store.session() as s:
        row = s.scalars(select(SpinPair).where(SpinPair.spun == spun, SpinPair.original == original)).first()
        if row is None:
            return False
        row.status, row.decided_by, row.decided_at = status, who, utcnow()
        return True


def confirmed_pairs(store: Store) -> dict[str, str]:
    """spun → original for every confirmed pair (the most seen original where a form has several)."""
    out: dict[str, str] = {}
    with store.session() as s:
        q = select(SpinPair).where(SpinPair.status == "confirmed").order_by(SpinPair.count.desc(), SpinPair.id)
        for p in s.scalars(q):
            out.setdefault(p.spun, p.original)
    return out
