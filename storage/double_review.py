"""The double-review sample: a share of articles judged independently by two reviewers.

Sampled articles keep their automatic values in the article itself until a disagreement is
adjudicated; each reviewer's verdict (status and field values) is kept apart in
``independent_reviews``, so neither sees the other's. ``report`` measures agreement
(``pipeline.agreement``); ``adjudicate`` writes the final values to the article with history.

Every change to a verdict leaves a history row too, under the kind ``independent:<field>`` (or
``independent:status``): ``storage.queries.field_history`` leaves those out, so the article's
history never shows one reviewer's values to the other; ``own_history`` gives a reviewer theirs.
An adjudication leaves one ``adjudication`` row (whose choices, which reviewers) next to the
field rows, all in one transaction; once it is there the article is no longer reviewed
independently: everybody sees and edits its final values.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from pipeline.agreement import AgreementReport, Verdict, agreement, key
from pipeline.fields import FIELDS, FIELDS_BY_NAME, FieldState, field_state
from storage.editing import EditError, StaleEditError, _as_human, _history, _load, refresh_summary
from storage.models import STATUSES, Article, ArticleText, FieldHistory, IndependentReview, utcnow
from storage.queries import PRIVATE_HISTORY as PRIVATE
from storage.records import ArticleView, HistoryEntry
from storage.statuses import REVIEWED
from storage.store import Store

ADJUDICATION = "adjudication"
OPENED = "in_review"  # the status of a verdict the reviewer has not decided yet


@dataclass(frozen=True, slots=True)
class StoredVerdict:
    article_id: int
    reviewer: str
    status: str
    fields: dict[str, list[dict[str, Any]]]  # field → value records, as the reviewer left them


def choose_sample(store: Store, share: float, *, seed: int = 0, statuses: Sequence[str] = ("new",),
                  ids: Sequence[int] | None = None) -> list[int]:
    """Put ``share`` of the articles with these statuses (not yet sampled; among ``ids`` if given)
    in the sample; their ids."""
    if not 0 < share <= 1:
        raise EditError(f"the sample share must be in (0, 1], got {share}")
    with store.session() as s:
        q = select(Article.id).where(Article.status.in_(statuses), Article.double_review.is_(False))
        if ids is not None:
            wanted = set(ids)
            candidates = [i for i in s.scalars(q.order_by(Article.id)) if i in wanted]
        else:
            candidates = list(s.scalars(q.order_by(Article.id)))
        ids = candidates
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
    """Keep (or replace) one reviewer's own verdict on a sampled article; each changed field and
    the status leave a private history row (``independent:<kind>``) in the same transaction."""
    if status not in STATUSES:
        raise EditError(f"unknown status {status!r}")
    unknown = [f for f in fields if f not in FIELDS_BY_NAME]
    if unknown:
        raise EditError(f"unknown field {unknown[0]!r}")
    new_fields = {k: list(v) for k, v in fields.items()}
    with store.session() as s:
        row = s.get(IndependentReview, (article_id, reviewer))
        if row is None:
            before_status, before = OPENED, _automatic(s, article_id)
            row = IndependentReview(article_id=article_id, reviewer=reviewer, status=status, fields=new_fields,
                                    at=utcnow())
            s.add(row)
        else:
            before_status, before = row.status, {k: list(v) for k, v in (row.fields or {}).items()}
            row.status, row.fields, row.at = status, new_fields, utcnow()
        if before_status != status:
            _history(s, article_id, PRIVATE + "status", before_status, status, reviewer)
        for name in sorted(set(before) | set(new_fields)):
            old, new = before.get(name, []), new_fields.get(name, [])
            if _bare(old) != _bare(new):
                _history(s, article_id, PRIVATE + name, old, new, reviewer)


def _bare(records: list[dict[str, Any]]) -> list[Any]:
    return [r.get("value") if isinstance(r, dict) else r for r in records]


def _automatic(s: Session, article_id: int) -> dict[str, list[dict[str, Any]]]:
    body = s.get(ArticleText, article_id)
    if body is None:
        raise EditError(f"no article with id {article_id}")
    return {k: list(state.get("values", [])) for k, state in (body.fields or {}).items()}


def own_status(store: Store, article_id: int, reviewer: str) -> str:
    """The status of this reviewer's own verdict (``in_review`` before they decided)."""
    with store.session() as s:
        row = s.get(IndependentReview, (article_id, reviewer))
        return row.status if row is not None else OPENED


def independent(store: Store, article_id: int, *, sampled: bool | None = None) -> bool:
    """Whether edits to this article go to each reviewer's own verdict: it is sampled and not yet
    adjudicated. ``sampled``: the article's sample flag when the caller has just read it (an
    ``ArticleView``'s ``double_review``); False then answers without a query, which is every
    article outside the sample."""
    if sampled is False:
        return False
    with store.session() as s:
        return bool(s.scalar(select(Article.double_review).where(Article.id == article_id))) \
            and not _adjudicated(s, article_id)


def _adjudicated(s: Session, article_id: int) -> bool:
    return bool(s.scalar(select(exists().where(FieldHistory.article_id == article_id,
                                               FieldHistory.field == ADJUDICATION))))


def own_article(store: Store, view: ArticleView, reviewer: str) -> ArticleView:
    """The article as this reviewer reviews it independently: their own status and field values
    (a field counts as edited where their values differ from the machine's)."""
    own = own_view(store, view.id, reviewer)
    fields = {}
    for name, values in own.items():
        machine = view.fields.get(name, {}).get("values", [])
        fields[name] = FieldState(_bare(values) != _bare(machine), values).to_json()
    return replace(view, status=own_status(store, view.id, reviewer), fields=fields)


def write_own(store: Store, article_id: int, reviewer: str, kind: str, value: Any) -> None:
    """One edit of the reviewer's own copy: ``kind`` is "status" (``value`` the status) or a field
    (``value`` its whole state, ``{"edited": …, "values": […]}``); the rest of the verdict is kept."""
    fields = own_view(store, article_id, reviewer)
    status = own_status(store, article_id, reviewer)
    if kind == "status":
        status = str(value)
    else:
        fields[kind] = list(value.get("values", []))
    record_verdict(store, article_id, reviewer, status, fields)


def own_history(store: Store, article_id: int, reviewer: str) -> list[HistoryEntry]:
    """This reviewer's changes to their own verdict, kinds without the private prefix."""
    with store.session() as s:
        rows = s.scalars(select(FieldHistory).where(FieldHistory.article_id == article_id,
                                                    FieldHistory.field.startswith(PRIVATE),
                                                    FieldHistory.who == reviewer).order_by(FieldHistory.id))
        return [HistoryEntry(h.id, h.article_id, h.field[len(PRIVATE):], h.old_value, h.new_value, h.who, h.at)
                for h in rows]


def own_view(store: Store, article_id: int, reviewer: str) -> dict[str, list[dict[str, Any]]]:
    """What this reviewer sees of a sampled article: their own verdict's values over the article's
    automatic ones (for fields the verdict does not hold) — never another reviewer's."""
    with store.session() as s:
        view = _automatic(s, article_id)
        row = s.get(IndependentReview, (article_id, reviewer))
        if row is not None:
            view.update({k: list(v) for k, v in (row.fields or {}).items()})
        return view


def verdicts(store: Store) -> dict[int, list[StoredVerdict]]:
    """Every independent verdict, per article, oldest first."""
    out: dict[int, list[StoredVerdict]] = {}
    with store.session() as s:
        for r in s.scalars(select(IndependentReview).order_by(IndependentReview.article_id, IndependentReview.at)):
            out.setdefault(r.article_id, []).append(StoredVerdict(r.article_id, r.reviewer, r.status,
                                                                  dict(r.fields or {})))
    return out


def decided(store: Store) -> dict[int, list[StoredVerdict]]:
    """The verdicts their reviewers have finished (a reviewed status: 已通过, 待修改, 已拒绝): a copy
    still being worked on (审核中) is neither measured nor adjudicated."""
    out = {aid: [v for v in vs if v.status in REVIEWED] for aid, vs in verdicts(store).items()}
    return {aid: vs for aid, vs in out.items() if vs}


def report(store: Store) -> AgreementReport:
    return agreement({aid: [Verdict(v.reviewer, v.status, {f: [x.get("value") for x in recs]
                                                           for f, recs in v.fields.items()})
                            for v in vs] for aid, vs in decided(store).items()})


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A double-reviewed article whose two verdicts differ: what each reviewer and the machine said."""

    article_id: int
    title: str
    version: int  # the article's version these values were read at (adjudicate checks it)
    a: StoredVerdict
    b: StoredVerdict
    machine: dict[str, list[dict[str, Any]]]
    fields: tuple[str, ...]  # the fields where A and B differ, in the field table's order

    @property
    def status_differs(self) -> bool:
        return self.a.status != self.b.status


def differing_fields(a: StoredVerdict, b: StoredVerdict, machine: Mapping[str, list[dict[str, Any]]]
                     ) -> tuple[str, ...]:
    """Fields where the two verdicts differ (compared as ``pipeline.agreement`` compares them); a
    field one reviewer never touched counts at the machine's values."""
    out = []
    for spec in FIELDS:
        va = a.fields.get(spec.name, machine.get(spec.name, []))
        vb = b.fields.get(spec.name, machine.get(spec.name, []))
        if {key(x.get("value")) for x in va} != {key(x.get("value")) for x in vb}:
            out.append(spec.name)
    return tuple(out)


def pending_pairs(store: Store) -> list[Disagreement]:
    """Every double-reviewed article (two verdicts) not yet adjudicated, compared; ``fields`` empty
    and the statuses equal where the two reviewers agree."""
    pending = {aid: vs for aid, vs in decided(store).items() if len(vs) >= 2}
    out: list[Disagreement] = []
    ids = list(pending)
    with store.session() as s:
        done: set[int] = set()
        rows: dict[int, tuple[int, str, dict[str, Any]]] = {}
        # In batches, one query each (not one per article: a large sample is read in one go).
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            done.update(s.scalars(select(FieldHistory.article_id).where(
                FieldHistory.field == ADJUDICATION, FieldHistory.article_id.in_(chunk))))
            for aid, version, name, fields in s.execute(
                    select(Article.id, Article.version_id, Article.source_name, ArticleText.fields)
                    .join(ArticleText, ArticleText.article_id == Article.id).where(Article.id.in_(chunk))):
                rows[aid] = (version, name, fields or {})
    for aid, vs in sorted(pending.items()):
        if aid in done or aid not in rows:
            continue
        version, source_name, stored = rows[aid]
        machine = {k: list(st.get("values", [])) for k, st in stored.items()}
        a, b = vs[0], vs[1]
        title = next((str(v.get("value")) for v in machine.get("title", [])), "") or source_name
        out.append(Disagreement(aid, title, version, a, b, machine, differing_fields(a, b, machine)))
    return out


def disagreements(store: Store) -> list[Disagreement]:
    """Double-reviewed articles (two verdicts) not yet adjudicated where the verdicts differ."""
    return [d for d in pending_pairs(store) if d.fields or d.status_differs]


def settle_agreed(store: Store, *, who: str) -> list[int]:
    """Write the common verdict of every pair that agrees to its article (as an adjudication with
    no choices: what both reviewers said becomes the article's values and status); their ids.
    An article that moved on meanwhile is left for the next round."""
    settled = []
    for d in pending_pairs(store):
        if d.fields or d.status_differs:
            continue
        common = {spec.name: list(d.a.fields.get(spec.name, d.machine.get(spec.name, []))) for spec in FIELDS}
        try:
            adjudicate(store, d.article_id, d.a.status, common, who=who, expected_version=d.version)
        except StaleEditError:
            continue
        settled.append(d.article_id)
    return settled


def adjudicate(store: Store, article_id: int, status: str, fields: Mapping[str, list[dict[str, Any]]], *,
               who: str, expected_version: int | None = None, choices: Mapping[str, str] | None = None) -> int:
    """Write the adjudicated verdict to the article in one transaction: a history row per changed
    field and the status, and one ``adjudication`` row saying what was decided (``choices``: field →
    "a" / "b" / "merge", as the adjudicator chose). Returns the article's new version; refused with
    ``StaleEditError`` if the article moved on since ``expected_version``."""
    if status not in STATUSES:
        raise EditError(f"unknown status {status!r}")
    unknown = [f for f in fields if f not in FIELDS_BY_NAME]
    if unknown:
        raise EditError(f"unknown field {unknown[0]!r}")
    for name, records in fields.items():
        if not FIELDS_BY_NAME[name].multiple and len(records) > 1:
            raise EditError(f"{name} holds one value, got {len(records)}")
    with store.session() as s:
        a = _load(s, article_id, expected_version)
        body = s.get(ArticleText, article_id)
        assert body is not None
        stored = dict(body.fields or {})
        reviewers = [r.reviewer for r in s.scalars(select(IndependentReview)
                                                   .where(IndependentReview.article_id == article_id)
                                                   .order_by(IndependentReview.at))]
        for name, records in fields.items():
            old = field_state(stored, name)
            new_values = [_as_human(v) for v in records]
            if _bare(old.get("values", [])) == _bare(new_values):
                continue
            stored[name] = FieldState(True, new_values).to_json()
            _history(s, article_id, name, old.get("values", []), new_values, who)
        if a.status != status:
            _history(s, article_id, "status", a.status, status, who)
            a.status = status
        _history(s, article_id, ADJUDICATION, None,
                 {"reviewers": reviewers, "status": status, "choices": dict(choices or {})}, who)
        body.fields = stored
        refresh_summary(a, stored, body)
        flag_modified(a, "note")  # the version moves even when only article_texts changed
        s.flush()
        return a.version_id
