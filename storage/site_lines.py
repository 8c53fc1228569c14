"""Lines many articles of one site share are page furniture: learn them from the store.

A site's slogan, its footer, a counter label ("浏览次数:0" once digits are folded) recur on
every page of the site, while a story's own lines do not. After an import, one streaming pass
over the sites the import touched counts, per site, in how many distinct articles each short
non-prose line occurs (keys from :func:`pipeline.cleaning.residue.boilerplate.line_key`);
near-duplicate articles (a repost and its original share their longest line) count once, so
a story that was posted three times does not make its own title furniture. Lines in at least
``MIN_ARTICLES`` articles and ``MIN_SHARE`` of the site's articles are the site's furniture;
only the articles still showing one of them are cleaned again, with those keys, which the
cleaning keeps with them so that a later re-cleaning (undo, re-extraction) removes the same
lines. The pipeline itself stays store-free: it receives a frozenset of keys.

A "site" is the folder an article was imported from (the store keeps no URL; pages saved
from one site usually share a folder).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from pipeline.cleaning.residue.boilerplate import line_key
from pipeline.serialize import site_lines_from_json, skip_changes_from_json
from storage.models import Article, ArticleText
from storage.reextract import apply_reprocessed, reprocess
from storage.store import Store

MIN_ARTICLES = 3
MIN_SHARE = 0.2
MAX_LINE = 40  # furniture lines are short; longer lines are never counted
_SENTENCE_END = frozenset("。！？!?")
BATCH = 500


def site_of(source_path: str) -> str:
    return str(PurePath(source_path).parent)


def candidate_keys(text: str) -> set[str]:
    """Keys of the lines of ``text`` that could be furniture: short, not ending a sentence."""
    out: set[str] = set()
    for line in text.split("\n"):
        s = line.strip()
        if 2 <= len(s) <= MAX_LINE and s[-1] not in _SENTENCE_END:
            out.add(line_key(s))
    return out


def _fingerprint(text: str) -> str:
    return line_key(max(text.split("\n"), key=len, default=""))


@dataclass(slots=True)
class SiteLinesReport:
    sites: int = 0
    furniture: dict[str, int] = field(default_factory=dict)  # site → lines learned
    recleaned: list[int] = field(default_factory=list)


def _site_rows(store: Store, sites: set[str]) -> Iterable[tuple[int, str, str]]:
    """(id, site, cleaned text) of every article of ``sites``, streamed in batches."""
    last = 0
    while True:
        with store.session() as s:
            rows = s.execute(
                select(Article.id, Article.source_path, ArticleText.cleaned_text)
                .join(ArticleText, ArticleText.article_id == Article.id)
                .where(Article.id > last)
                .order_by(Article.id)
                .limit(BATCH * 4)
            ).all()
        if not rows:
            return
        for aid, path, text in rows:
            site = site_of(path)
            if site in sites:
                yield aid, site, text or ""
        last = rows[-1][0]


def _sites_of(store: Store, article_ids: list[int]) -> set[str]:
    sites: set[str] = set()
    for i in range(0, len(article_ids), BATCH):
        with store.session() as s:
            chunk = article_ids[i : i + BATCH]
            sites.update(site_of(p) for p in s.scalars(select(Article.source_path).where(Article.id.in_(chunk))))
    return sites


def learn_site_lines(
    store: Store,
    article_ids: Iterable[int],
    *,
    cancel: Callable[[], bool] | None = None,
) -> SiteLinesReport:
    """Learn the furniture of the sites of ``article_ids`` and re-clean the articles showing it."""
    sites = _sites_of(store, sorted(set(article_ids)))
    report = SiteLinesReport(sites=len(sites))
    counts: dict[str, Counter[str]] = {}
    seen: dict[str, set[str]] = {}
    for _aid, site, text in _site_rows(store, sites):
        fp = _fingerprint(text)
        if fp in seen.setdefault(site, set()):
            continue  # a near-duplicate of an article already counted
        seen[site].add(fp)
        counts.setdefault(site, Counter()).update(candidate_keys(text))
    known: dict[str, frozenset[str]] = {}
    for site, c in counts.items():
        n = len(seen[site])
        keys = frozenset(k for k, m in c.items() if m >= MIN_ARTICLES and m >= MIN_SHARE * n)
        if keys:
            known[site] = keys
            report.furniture[site] = len(keys)
    if not known:
        return report
    todo = [aid for aid, site, text in _site_rows(store, set(known)) if candidate_keys(text) & known[site]]
    for aid in todo:
        if cancel is not None and cancel():
            break
        with store.session() as s:
            a = s.get(Article, aid)
            body = s.get(ArticleText, aid)
            if a is None or body is None:
                continue
            site = site_of(a.source_path)
            have = site_lines_from_json(body.cleaning or {})
            want = have | (candidate_keys(body.cleaned_text or "") & known[site])
            if want == have:
                continue
            skip = skip_changes_from_json(body.cleaning or {})
            fresh, merged, _diffs = reprocess(a, body, skip, site_lines=want)
            if apply_reprocessed(a, body, fresh, merged, skip):
                flag_modified(a, "flags")  # bump the version so open editors reload
                report.recleaned.append(aid)
    return report
