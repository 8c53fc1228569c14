"""Import files into the store: read, clean, extract and prepare the rows in worker processes;
write them in this process in batched transactions (bulk inserts of articles, texts and search
tokens).

Duplicates (the same bytes) are detected by SHA-256 before any cleaning is spent on them; a file
that cannot be read, cleaned or stored is reported by path with a one-line reason (never its text)
and the batch goes on: a batch the database refuses is written again one article at a time, so
only the article at fault fails. Every path in the report is safe to print (see
``pipeline.ingest.names``).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Table, Text, bindparam, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, StatementError

from pipeline import dedup
from pipeline.ingest import IngestError, discover, read_file
from pipeline.ingest.names import display
from pipeline.lifeline import die_with_parent
from pipeline.process import ProcessedDocument, process
from pipeline.serialize import clean_to_json_text
from storage import fulltext
from storage.grouping import regroup
from storage.integrity import ensure_intact
from storage.models import Article, Base, encode_json, utcnow
from storage.own_files import OWN_FILE_MESSAGE, store_files
from storage.records import ImportProgress, ImportReport
from storage.site_lines import learn_site_lines
from storage.spin_pairs import SpinKnowledge, spin_knowledge
from storage.store import Store

ProgressFn = Callable[[ImportProgress], None]
CancelFn = Callable[[], bool]

# Below this many files the worker processes cost more to start than they save.
PARALLEL_THRESHOLD = 64


@dataclass(slots=True)
class PreparedArticle:
    """One article ready to write: every column value, the JSON already encoded and the search
    tokens already computed, so the writing process (the one serial step) only inserts."""

    sha256: str
    source_name: str
    source_path: str
    format: str
    encoding: str
    size_bytes: int
    script: str
    title: str | None
    published_at: str | None
    source: str | None
    places: str
    flags: str
    spin_score: float
    min_confidence: float | None
    unsupported: int
    raw_text: str
    cleaned_text: str
    cleaning_json: str
    fields_json: str
    tokens: str
    warnings: tuple[str, ...] = ()  # what of the input was limited (not stored; for the report)
    minhash: bytes = b""  # near-duplicate signature (pipeline.dedup), computed in the worker
    repairs: int = 0


@dataclass(slots=True)
class _Outcome:
    path: str
    prepared: PreparedArticle | None = None
    duplicate: bool = False
    error: str | None = None


_known: frozenset[str] = frozenset()
# The spin pairs reviewers confirmed and rejected (storage.spin_pairs), read once per import: a
# new repost is cleaned with what the reviewers have already taught the store.
_learned = SpinKnowledge()


def _init_worker(
    known: frozenset[str], parent_pid: int | None = None, learned: SpinKnowledge | None = None
) -> None:
    global _known, _learned
    if parent_pid is not None:  # in a worker process: it must not outlive a killed import
        die_with_parent(parent_pid)
    _known = known
    _learned = learned or SpinKnowledge()


def prepare(p: ProcessedDocument) -> PreparedArticle:
    """Everything about one processed document that does not need the store."""
    summary = p.summary
    d = p.doc
    return PreparedArticle(
        sha256=d.sha256, source_name=d.source_name, source_path=d.source_path, format=d.format,
        encoding=d.encoding, size_bytes=d.size_bytes, script=p.cleaned.script, title=summary.title,
        published_at=summary.published_at, source=summary.source, places=summary.places, flags=summary.flags,
        spin_score=summary.spin_score, min_confidence=summary.min_confidence, unsupported=summary.unsupported,
        raw_text=d.text, cleaned_text=p.cleaned.text,
        cleaning_json=clean_to_json_text(p.cleaned), fields_json=encode_json(p.fields),
        tokens=fulltext.tokens(summary.title, p.cleaned.text), warnings=tuple(p.warnings),
        minhash=dedup.signature(p.cleaned.text), repairs=sum(r.count for r in p.cleaned.repairs),
    )


def _prepare(path: str) -> _Outcome:
    """Read, process and prepare one file (runs in a worker process, or inline for small batches)."""
    try:
        doc = read_file(Path(path))
    except IngestError as exc:
        return _Outcome(path, error=str(exc))
    if doc.sha256 in _known:
        return _Outcome(path, duplicate=True)
    try:
        return _Outcome(path, prepared=prepare(process(doc, learned_spin=_learned.confirmed or None,
                                                               rejected_spin=_learned.rejected)))
    except Exception as exc:  # a bug in one repair must not stop the batch
        return _Outcome(path, error=f"could not be processed ({one_line(exc)})")


MAX_REASON = 200


def one_line(exc: BaseException) -> str:
    """``Type: message`` on one short line: an exception may carry a whole article's text."""
    first = (str(exc).strip().splitlines() or [""])[0]
    if len(first) > MAX_REASON:
        first = first[:MAX_REASON] + "…"
    return display(f"{type(exc).__name__}: {first}" if first else type(exc).__name__)


@dataclass(frozen=True, slots=True)
class RowRefused:
    """The database refused this article's row (``reason``: one line, without the text)."""

    reason: str


class RowRefusedError(Exception):
    """:func:`store_processed` could not store the article (``str(err)``: why, on one line)."""


def known_hashes(store: Store) -> frozenset[str]:
    with store.session() as s:
        return frozenset(s.scalars(select(Article.sha256)))


def store_processed(store: Store, p: ProcessedDocument) -> int | None:
    """Insert one processed document in its own transaction; None if its bytes are already stored."""
    result = write_prepared(store, [prepare(p)])[0]
    if isinstance(result, RowRefused):
        raise RowRefusedError(result.reason)
    return result


_ARTICLES: Table = Base.metadata.tables["articles"]
_TEXTS: Table = Base.metadata.tables["article_texts"]
_SIGNATURES: Table = Base.metadata.tables["article_signatures"]
# The JSON arrives encoded: bind it as plain text so JSONText does not encode it again.
_INSERT_TEXT = insert(_TEXTS).values(cleaning=bindparam("cleaning", type_=Text),
                                     fields=bindparam("fields", type_=Text))


def _article_row(a: PreparedArticle, now: datetime) -> dict[str, object]:
    return {
        "sha256": a.sha256, "source_name": a.source_name, "source_path": a.source_path,
        "imported_at": now, "updated_at": now, "format": a.format, "encoding": a.encoding,
        "size_bytes": a.size_bytes, "script": a.script, "status": "new", "title": a.title,
        "published_at": a.published_at, "source": a.source, "places": a.places, "flags": a.flags,
        "spin_score": a.spin_score, "edited_count": 0, "note": "", "version_id": 1,
        "min_confidence": a.min_confidence, "unsupported": a.unsupported,
    }


def _insert(conn: Connection, batch: list[PreparedArticle]) -> list[int]:
    now = utcnow()
    ids = [int(i) for i in conn.execute(
        insert(_ARTICLES).returning(_ARTICLES.c.id, sort_by_parameter_order=True),
        [_article_row(a, now) for a in batch],
    ).scalars()]
    conn.execute(_INSERT_TEXT, [
        {"article_id": i, "raw_text": a.raw_text, "cleaned_text": a.cleaned_text,
         "cleaning": a.cleaning_json, "fields": a.fields_json}
        for i, a in zip(ids, batch, strict=True)
    ])
    fulltext.add_rows(conn, ((i, a.tokens) for i, a in zip(ids, batch, strict=True)))
    conn.execute(insert(_SIGNATURES), [{"article_id": i, "minhash": a.minhash, "repairs": a.repairs}
                                        for i, a in zip(ids, batch, strict=True)])
    return ids


WriteResult = int | None | RowRefused


def write_prepared(store: Store, batch: list[PreparedArticle]) -> list[WriteResult]:
    """Insert prepared articles in one transaction; per article in order: its new id, None if its
    bytes are already stored, or :class:`RowRefused`.

    Bulk Core inserts (articles, texts, search index) instead of one ORM unit of work per article.
    If another writer stored the same bytes meanwhile, or the database refuses some value (one bad
    row must not cost the others), the batch is retried one article at a time. Errors that are
    not about the data (the server is gone, the disk is full) still propagate.
    """
    if not batch:
        return []
    try:
        with store.session() as s:
            return list(_insert(s.connection(), batch))
    except IntegrityError:
        if len(batch) == 1:
            return [None]
    except (DataError, StatementError, UnicodeError, ValueError) as exc:
        if isinstance(exc, DBAPIError) and not isinstance(exc, DataError):
            raise  # connection, locking, disk: not this article's fault
        if len(batch) == 1:
            return [RowRefused(f"could not be stored ({one_line(_cause(exc))})")]
    return [write_prepared(store, [a])[0] for a in batch]


def _cause(exc: BaseException) -> BaseException:
    # SQLAlchemy's wrapper renders the statement and its parameters (the article's text): the
    # driver's own error says what is wrong.
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, BaseException) else exc


# Write in batches of this many articles, or sooner when the oldest waiting one is this old.
BATCH_SIZE = 100
BATCH_SECONDS = 0.5


def import_paths(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    group: bool = True,
) -> ImportReport:
    ensure_intact(store)  # never write a batch into a damaged file
    report = ImportReport()
    files: list[str] = []
    own = store_files(store)
    for cand in discover(paths):
        if cand.skipped:
            report.skipped.append((display(str(cand.path)), cand.problem or ""))
        elif cand.path in own:  # never opened by this process: see storage.own_files
            report.failed.append((display(str(cand.path)), OWN_FILE_MESSAGE))
        elif cand.problem:
            report.failed.append((display(str(cand.path)), display(cand.problem)))
        else:
            files.append(str(cand.path))
    total = len(files)
    known = known_hashes(store)
    learned = spin_knowledge(store)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    outcomes = (
        _parallel(files, known, workers, cancel, learned)
        if workers > 1 and total >= PARALLEL_THRESHOLD
        else _inline(files, known, cancel, learned)
    )
    seen: set[str] = set()
    pending: list[tuple[str, PreparedArticle]] = []
    oldest = 0.0

    def flush() -> None:
        results = write_prepared(store, [a for _, a in pending])
        for (path, prepared), result in zip(pending, results, strict=True):
            if result is None:
                report.duplicates.append(display(path))
            elif isinstance(result, RowRefused):
                report.failed.append((display(path), result.reason))
            else:
                report.imported.append((result, display(Path(path).name)))
                report.warnings.extend((display(path), w) for w in prepared.warnings)
        pending.clear()

    if progress is not None and total:
        # The count at once: worker processes take a while to start (they load the lexicons),
        # and a bar without a count looks stuck.
        progress(ImportProgress(0, total, "", 0, 0, len(report.failed)))
    try:
        for done, outcome in enumerate(outcomes, 1):
            name = display(Path(outcome.path).name)
            if outcome.error is not None:
                report.failed.append((display(outcome.path), display(outcome.error)))
            elif outcome.duplicate or outcome.prepared is None or outcome.prepared.sha256 in seen:
                report.duplicates.append(display(outcome.path))
            else:
                seen.add(outcome.prepared.sha256)
                if not pending:
                    oldest = time.monotonic()
                pending.append((outcome.path, outcome.prepared))
                if len(pending) >= BATCH_SIZE or time.monotonic() - oldest >= BATCH_SECONDS:
                    flush()
            if progress is not None:
                progress(ImportProgress(done, total, name, len(report.imported) + len(pending),
                                        len(report.duplicates), len(report.failed)))
            if cancel is not None and cancel():
                report.cancelled = done < total
                break
    finally:
        if pending:
            flush()
    if report.imported and not report.cancelled:
        # Lines the new articles share with others of their site are page furniture.
        ids = [aid for aid, _ in report.imported]
        report.site_recleaned = learn_site_lines(store, ids, cancel=cancel).recleaned
    if group and report.imported:
        report.grouping = regroup(store, sign=False)  # new articles join their near-duplicates' groups
    return report


def _inline(
    files: list[str], known: frozenset[str], cancel: CancelFn | None, learned: SpinKnowledge | None = None
) -> Iterator[_Outcome]:
    _init_worker(known, learned=learned)
    try:
        for path in files:
            yield _prepare(path)
    finally:
        _init_worker(frozenset())


WORKER_CRASHED = "the worker process reading this file stopped twice (killed, or out of memory)"


def _parallel(
    files: list[str], known: frozenset[str], workers: int, cancel: CancelFn | None,
    learned: SpinKnowledge | None = None,
) -> Iterator[_Outcome]:
    """Outcomes from a pool of worker processes; a worker that dies costs at most the file that killed it.

    When a worker dies, every file then in flight fails with ``BrokenProcessPool`` and none of them
    can be told apart. Each is read again, alone, in a fresh one-worker pool (never inline: a file
    that kills a process would take the GUI with it); one that kills that worker too is reported as
    failed. The rest of the batch then goes on in a fresh pool.
    """
    queue = deque(files)
    while queue:
        suspects: list[str] = []
        # The window is bounded so memory does not grow with the batch.
        yield from _run(_pool(workers, known, learned), queue, workers * 16, suspects)
        yield from _one_by_one(suspects, known, learned)


def _pool(workers: int, known: frozenset[str], learned: SpinKnowledge | None) -> ProcessPoolExecutor:
    # spawn, not fork: the GUI calls this from a thread, and forking a threaded Qt process is unsafe.
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker,
                               initargs=(known, os.getpid(), learned))


def _run(pool: ProcessPoolExecutor, queue: deque[str], window: int, suspects: list[str]) -> Iterator[_Outcome]:
    """Files from ``queue`` through ``pool`` in order; on a dead worker, those in flight go to ``suspects``."""
    pending: deque[tuple[str, Future[_Outcome]]] = deque()
    try:
        while queue or pending:
            while queue and len(pending) < window:
                path = queue.popleft()
                pending.append((path, pool.submit(_prepare, path)))
            path, future = pending[0]
            try:
                outcome = future.result()
            except BrokenProcessPool:
                break
            pending.popleft()
            yield outcome
        for path, future in pending:  # after a dead worker: what finished stands, the rest is suspect
            if future.done() and not future.cancelled() and future.exception() is None:
                yield future.result()
            else:
                suspects.append(path)
        pending.clear()
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _one_by_one(paths: list[str], known: frozenset[str], learned: SpinKnowledge | None) -> Iterator[_Outcome]:
    """Each file alone in a one-worker pool: its outcome, or a failure if it kills that worker too."""
    pool: ProcessPoolExecutor | None = None
    try:
        for path in paths:
            pool = pool or _pool(1, known, learned)
            try:
                outcome = pool.submit(_prepare, path).result()
            except BrokenProcessPool:
                pool.shutdown(wait=True)
                pool = None  # the next file gets a fresh worker
                outcome = _Outcome(path, error=WORKER_CRASHED)
            yield outcome
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
