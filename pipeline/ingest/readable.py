"""The readable documents under some paths, for scripts that measure the pipeline on a folder."""

from __future__ import annotations

import os
from collections.abc import Iterable

from pipeline.document import RawDocument
from pipeline.ingest.discover import discover
from pipeline.ingest.reader import IngestError, read_file


def readable_documents(paths: Iterable[str | os.PathLike[str]], limit: int = 0) -> list[RawDocument]:
    """Every file ``discover`` finds that reads without a problem, at most ``limit`` (0: all);
    the unreadable ones are skipped silently (the importer is the place that reports them)."""
    docs: list[RawDocument] = []
    for cand in discover(paths):
        if cand.problem:
            continue
        try:
            docs.append(read_file(cand.path))
        except IngestError:
            continue
        if limit and len(docs) >= limit:
            break
    return docs
