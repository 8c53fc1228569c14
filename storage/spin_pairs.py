"""The learned spin table: substitutions harvested from the store, confirmed or rejected by a reviewer.

``harvest_store`` aligns spun reposts with their originals found in the store
(:mod:`pipeline.cleaning.spin_learning`) and adds the counts; a pair a reviewer already
decided keeps its decision. ``confirmed_pairs`` and ``rejected_pairs`` are what re-cleaning
passes to the cleaner: confirmed pairs are restored (tier l), rejected ones never automatically.
Every decision is written at once with a history row (``spin_pair_history``); ``set_statuses``
returns the statuses it replaced, so an undo is the same call with those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from sqlalchemy import func, or_, select

from pipeline.cleaning.spin_learning import LearnedPair, Sketch, align, meet, sketch
from storage.models import SPIN_PAIR_STATUSES, ArticleText, SpinPair, SpinPairHistory, utcnow
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


class _Cancelled(Exception):
    pass


def harvest_store(
    store: Store, *, progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> tuple[list[LearnedPair], int, int]:
    """Harvest the whole store; returns the pairs found and (new, updated) rows.

    The cleaned texts are read twice, streamed: once to sketch every article (a few hundred
    bytes each, so 100,000 articles fit in memory), then one by one for the candidate pairs.
    They are the cleaned texts: what the reverser already undid is no longer a difference, so
    what is learned is exactly what it missed. Cancelled (``cancel()`` true), nothing is recorded.
    """
    sketches: dict[int, Sketch] = {}
    with store.session() as s:
        total = s.scalar(select(func.count()).select_from(ArticleText)) or 0
        q = select(ArticleText.article_id, ArticleText.cleaned_text).execution_options(yield_per=500)
        for n, (aid, text) in enumerate(s.execute(q), 1):
            sketches[int(aid)] = sketch(text or "")
            if progress is not None and (n % 500 == 0 or n == total):
                progress(n, total)
            if cancel is not None and n % 100 == 0 and cancel():
                return [], 0, 0

    def text_of(aid: int) -> str:
        if cancel is not None and cancel():
            raise _Cancelled
        with store.session() as s:
            return s.scalar(select(ArticleText.cleaned_text).where(ArticleText.article_id == aid)) or ""

    try:
        pairs = align(meet(sketches), lru_cache(maxsize=256)(text_of))
    except _Cancelled:
        return [], 0, 0
    new, updated = record_pairs(store, pairs)
    return pairs, new, updated


def list_pairs(
    store: Store, status: str | None = None, *, keys: Sequence[tuple[str, str]] | None = None,
) -> list[SpinPairRow]:
    """The table, most seen first; only ``status``, or only the pairs ``keys`` (spun, original)."""
    with store.session() as s:
        q = select(SpinPair).order_by(SpinPair.count.desc(), SpinPair.spun, SpinPair.original)
        if status is not None:
            q = q.where(SpinPair.status == status)
        if keys is not None:
            wanted = set(keys)
            q = q.where(SpinPair.spun.in_({k[0] for k in wanted}))
            return [_row(p) for p in s.scalars(q) if (p.spun, p.original) in wanted]
        return [_row(p) for p in s.scalars(q)]


PairKey = tuple[str, str]  # (spun, original)
# (spun, original, status): a status of None means "not in the table".
PairStatus = tuple[str, str, str | None]


def decide(store: Store, spun: str, original: str, status: str, *, who: str) -> bool:
    """Confirm or reject one pair (or put it back to pending); False if there is no such pair."""
    if status not in SPIN_PAIR_STATUSES:
        raise ValueError(f"unknown status {status!r}; one of {', '.join(SPIN_PAIR_STATUSES)}")
    with store.session() as s:
        if s.scalars(select(SpinPair.id).where(SpinPair.spun == spun, SpinPair.original == original)).first() is None:
            return False
    set_statuses(store, [(spun, original, status)], who=who)
    return True


def set_statuses(
    store: Store, targets: Sequence[PairStatus], *, who: str, article_id: int | None = None,
) -> list[PairStatus]:
    """Give each pair its status in one transaction, with a history row per pair that changed.

    A pair not in the table is added (count 0, seen in ``article_id``) when a decision from the
    Changes view names it; a status of None removes the pair. Returns the statuses replaced
    (only of the pairs that changed), in the same form: passing them back undoes the call.
    """
    for _spun, _original, status in targets:
        if status is not None and status not in SPIN_PAIR_STATUSES:
            raise ValueError(f"unknown status {status!r}; one of {', '.join(SPIN_PAIR_STATUSES)}")
    before: list[PairStatus] = []
    with store.session() as s:
        for spun, original, status in targets:
            row = s.scalars(select(SpinPair).where(SpinPair.spun == spun, SpinPair.original == original)).first()
            old = row.status if row is not None else None
            if old == status:
                continue
            if status is None:
                assert row is not None
                s.delete(row)
            elif row is None:
                s.add(SpinPair(spun=spun, original=original, count=0,
                               articles=[article_id] if article_id is not None else [], status=status,
                               decided_by=who, decided_at=utcnow()))
            else:
                row.status, row.decided_by, row.decided_at = status, who, utcnow()
                if article_id is not None and article_id not in (row.articles or []):
                    row.articles = sorted([*(row.articles or []), article_id])
            s.add(SpinPairHistory(spun=spun, original=original, old_status=old, new_status=status,
                                  article_id=article_id, who=who))
            before.append((spun, original, old))
    return before


@dataclass(frozen=True, slots=True)
class PairHistoryRow:
    spun: str
    original: str
    old_status: str | None
    new_status: str | None
    article_id: int | None
    who: str
    at: datetime


def pair_history(store: Store, spun: str | None = None, original: str | None = None) -> list[PairHistoryRow]:
    """Decisions, oldest first; of one pair when it is named."""
    with store.session() as s:
        q = select(SpinPairHistory).order_by(SpinPairHistory.id)
        if spun is not None:
            q = q.where(SpinPairHistory.spun == spun)
        if original is not None:
            q = q.where(SpinPairHistory.original == original)
        return [PairHistoryRow(h.spun, h.original, h.old_status, h.new_status, h.article_id, h.who, h.at)
                for h in s.scalars(q)]


def status_of(store: Store, spun: str, original: str) -> str | None:
    with store.session() as s:
        return s.scalar(select(SpinPair.status).where(SpinPair.spun == spun, SpinPair.original == original))


def examples(store: Store, rows: Sequence[SpinPairRow], width: int = 12) -> dict[PairKey, str]:
    """A line of context for each pair: where its spun form stands in the first article it was
    seen in (the cleaned text, else the original), ``width`` characters either side."""
    ids = {r.articles[0] for r in rows if r.articles}
    texts: dict[int, tuple[str, str]] = {}
    with store.session() as s:
        id_list = sorted(ids)
        for k in range(0, len(id_list), 500):
            q = select(ArticleText.article_id, ArticleText.cleaned_text, ArticleText.raw_text).where(
                ArticleText.article_id.in_(id_list[k : k + 500]))
            for aid, cleaned, raw in s.execute(q):
                texts[int(aid)] = (cleaned or "", raw or "")
    out: dict[PairKey, str] = {}
    for r in rows:
        if not r.articles or r.articles[0] not in texts:
            continue
        for text in texts[r.articles[0]]:
            at = text.find(r.spun)
            if at >= 0:
                left = text[max(0, at - width) : at]
                right = text[at + len(r.spun) : at + len(r.spun) + width]
                out[(r.spun, r.original)] = " ".join(f"{left}【{r.spun}】{right}".split())
                break
    return out


def affected_articles(store: Store, pairs: Iterable[PairKey]) -> list[int]:
    """Articles a re-cleaning may change after decisions on these pairs: those the pairs were
    seen in, and every article whose original holds a spun form (a confirmed pair now restores
    it; a rejected one may have been restored by the general tiers)."""
    keys = sorted(set(pairs))
    if not keys:
        return []
    found: set[int] = set()
    with store.session() as s:
        for p in s.scalars(select(SpinPair).where(SpinPair.spun.in_({k[0] for k in keys}))):
            if (p.spun, p.original) in keys:
                found.update(int(a) for a in p.articles or ())
        forms = sorted({k[0] for k in keys})
        for k in range(0, len(forms), 50):
            # Han words hold no LIKE wildcards; the scan streams ids only.
            cond = or_(*(ArticleText.raw_text.contains(f, autoescape=True) for f in forms[k : k + 50]))
            found.update(int(a) for a in s.scalars(select(ArticleText.article_id).where(cond)))
    return sorted(found)


def confirmed_pairs(store: Store) -> dict[str, str]:
    """spun → original for every confirmed pair (the most seen original where a form has several)."""
    out: dict[str, str] = {}
    with store.session() as s:
        q = select(SpinPair).where(SpinPair.status == "confirmed").order_by(SpinPair.count.desc(), SpinPair.id)
        for p in s.scalars(q):
            out.setdefault(p.spun, p.original)
    return out


def rejected_pairs(store: Store) -> frozenset[PairKey]:
    """(spun, original) of every rejected pair: never restored automatically."""
    with store.session() as s:
        q = select(SpinPair.spun, SpinPair.original).where(SpinPair.status == "rejected")
        return frozenset((str(a), str(b)) for a, b in s.execute(q))


@dataclass(frozen=True, slots=True)
class SpinKnowledge:
    """What the reviewers taught the store, handed to import workers (picklable)."""

    confirmed: dict[str, str] = field(default_factory=dict)
    rejected: frozenset[PairKey] = frozenset()


def spin_knowledge(store: Store) -> SpinKnowledge:
    return SpinKnowledge(confirmed_pairs(store), rejected_pairs(store))
