"""Import files into the store: read, clean and extract in worker processes, write one
transaction per article in this process.

Duplicates (the same bytes) are detected by SHA-256 before any cleaning is spent on them; a file
that cannot be read is reported by path with a one-line reason and the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from pipeline.ingest import IngestError, discover, read_file
from pipeline.process import ProcessedDocument, process
from pipeline.serialize import clean_to_json
from storage.models import Article, ArticleText
from storage.records import ImportProgress, ImportReport
from storage.store import Store

ProgressFn = Callable[[ImportProgress], None]
CancelFn = Callable[[], bool]

# Below this many files the worker processes cost more to start than they save.
PARALLEL_THRESHOLD = 64


@dataclass(slots=True)
class _Outcome:
    path: str
    processed: ProcessedDocument | None = None
    duplicate: bool = False
    error: str | None = None


_known: frozenset[str] = frozenset()


def _init_worker(known: frozenset[str]) -> None:
    global _known
    _known = known


def _prepare(path: str) -> _Outcome:
    """Read and process one file (runs in a worker process, or inline for small batches)."""
    try:
        doc = read_file(Path(path))
    except IngestError as exc:
        return _Outcome(path, error=str(exc))
    if doc.sha256 in _known:
        return _Outcome(path, duplicate=True)
    try:
        return _Outcome(path, processed=process(doc))
    except Exception as exc:  # a bug in one repair must not stop the batch
        return _Outcome(path, error=f"could not be processed ({type(exc).__name__}: {exc})")


def known_hashes(store: Store) -> frozenset[str]:
    with store.session() as s:
        return frozenset(s.scalars(select(Article.sha256)))


def store_processed(store: Store, p: ProcessedDocument) -> int | None:
    """Insert one processed document in its own transaction; None if its bytes are already stored."""
    summary = p.summary
    d = p.doc
    article = Article(
        sha256=d.sha256,
        source_name=d.source_name,
        source_path=d.source_path,
        format=d.format,
        encoding=d.encoding,
        size_bytes=d.size_bytes,
        script=p.cleaned.script,
        status="new",
        title=summary.title,
        published_at=summary.published_at,
        source=summary.source,
        places=summary.places,
        flags=summary.flags,
        spin_score=summary.spin_score,
        edited_count=0,
        note="",
    )
    article.body = ArticleText(
        raw_text=d.text,
        cleaned_text=p.cleaned.text,
        cleaning=clean_to_json(p.cleaned),
        fields=p.fields,
    )
    try:
        with store.session() as s:
            s.add(article)
            s.flush()
            return article.id
    except IntegrityError:
        return None


def import_paths(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> ImportReport:
    report = ImportReport()
    files: list[str] = []
    for cand in discover(paths):
        if cand.problem:
            report.failed.append((str(cand.path), cand.problem))
        else:
            files.append(str(cand.path))
    total = len(files)
    known = known_hashes(store)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    outcomes = (
        _parallel(files, known, workers, cancel)
        if workers > 1 and total >= PARALLEL_THRESHOLD
        else _inline(files, known, cancel)
    )
    for done, outcome in enumerate(outcomes, 1):
        name = Path(outcome.path).name
        if outcome.error is not None:
            report.failed.append((outcome.path, outcome.error))
        elif outcome.duplicate or outcome.processed is None:
            report.duplicates.append(outcome.path)
        else:
            new_id = store_processed(store, outcome.processed)
            if new_id is None:
                report.duplicates.append(outcome.path)
            else:
                report.imported.append((new_id, name))
        if progress is not None:
            progress(ImportProgress(done, total, name, len(report.imported), len(report.duplicates),
                                    len(report.failed)))
        if cancel is not None and cancel():
            report.cancelled = done < total
            break
    return report


def _inline(files: list[str], known: frozenset[str], cancel: CancelFn | None) -> Iterator[_Outcome]:
    _init_worker(known)
    try:
        for path in files:
            yield _prepare(path)
    finally:
        _init_worker(frozenset())


def _parallel(files: list[str], known: frozenset[str], workers: int, cancel: CancelFn | None) -> Iterator[_Outcome]:
    # spawn, not fork: the GUI calls this from a thread, and forking a threaded Qt process is unsafe.
    ctx = multiprocessing.get_context("spawn")
    window = workers * 16  # bounded so memory does not grow with the batch
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(known,)) as pool:
        pending: list[Future[_Outcome]] = []
        it = iter(files)
        try:
            for path in it:
                pending.append(pool.submit(_prepare, path))
                if len(pending) >= window:
                    yield pending.pop(0).result()
            while pending:
                yield pending.pop(0).result()
        finally:
            for f in pending:
                f.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
