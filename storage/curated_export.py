"""Every export format behind one call: filter, split, stream, write atomically.

``jsonl`` and ``csv`` are the article records; ``doccano``, ``labelstudio``, ``conll`` and
``spacy`` the labelled spans; ``hf`` a directory of Parquet files with a dataset card. With a
split, a single-file format writes one file per split (``data.train.jsonl`` …); ``hf`` always
splits (0.8/0.1/0.1, seed 42, unless told otherwise).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from pipeline.export import ExportArticle, atomic_output, build_record, open_writer
from pipeline.export.card import DatasetStats, render_card
from pipeline.export.span_formats import SPAN_FORMATS, SpanDoc, SpanWriter, open_span_writer, require_spacy
from pipeline.export.spans import DEFAULT_LABELS, SpanTuple, span_tuples
from pipeline.export.split import SPLITS, SplitSpec, assign_units, units
from pipeline.export.writers import locked_part_dir, remove_stale_parts
from pipeline.offsets import OffsetMap
from storage.export_filter import ExportFilter, group_outlets, select_ids
from storage.exporting import (
    CHECK_EVERY,
    ExportCancelled,
    export_dataset,
    in_worker_processes,
    iter_export_articles,
    worker_gc_paused,
)
from storage.own_files import store_files
from storage.records import ExportReport
from storage.store import Store, StoreError

if TYPE_CHECKING:
    import pyarrow as pa

# pyarrow (pipeline.export.hf) is imported by the Hugging Face export only: the GUI imports this
# module at start, and pyarrow would add ~60 MB and a second to every start.

RECORD_FORMATS: tuple[str, ...] = ("jsonl", "csv")
ALL_FORMATS: tuple[str, ...] = (*RECORD_FORMATS, *SPAN_FORMATS, "hf")
SUFFIXES = {"jsonl": ".jsonl", "csv": ".csv", "doccano": ".jsonl", "labelstudio": ".json", "conll": ".conll",
            "spacy": "", "hf": ""}
DIRECTORY_FORMATS: tuple[str, ...] = ("spacy", "hf")  # written as a directory, not a file
TEXT_KINDS = ("cleaned", "original")


@dataclass(frozen=True, slots=True)
class ExportOptions:
    fmt: str = "jsonl"
    filter: ExportFilter = field(default_factory=ExportFilter)
    split: SplitSpec | None = None
    text: str = "cleaned"  # or "original": the decoded file as imported, spans mapped onto it
    labels: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))
    workers: int | None = None
    name: str = "Article Curator dataset"  # the dataset card's title


def split_paths(out: Path) -> dict[str, Path]:
    """``data.jsonl`` → ``data.train.jsonl``, ``data.validation.jsonl``, ``data.test.jsonl``."""
    return {s: out.with_name(f"{out.stem}.{s}{out.suffix}") for s in SPLITS}


def _to_original(a: Any, record: dict[str, Any], spans: list[SpanTuple]) -> tuple[dict[str, Any], list[SpanTuple]]:
    """The record and spans over the original text, through the offset map."""
    omap = OffsetMap.from_json(a.offsets) if a.offsets else OffsetMap.identity(len(a.text))
    record = dict(record, text=a.raw_text or "")
    record["evidence"] = {name: [list(p) for p in omap.to_source_many([(int(x), int(y)) for x, y in spans_])]
                          for name, spans_ in record["evidence"].items()}
    mapped = [(*omap.to_source(s[0], s[1]), s[2]) for s in spans]
    n = len(record["text"])
    return record, sorted({s for s in mapped if 0 <= s[0] < s[1] <= n})


def _meta(record: dict[str, Any], split: str | None) -> dict[str, Any]:
    meta = {"group_id": record["group_id"], "canonical": record["canonical"], "status": record["status"],
            "title": record["title"], "published_at": record["published_at"], "source": record["source"]}
    if split is not None:
        meta["split"] = split
    return meta


@contextlib.contextmanager
def _atomic_dir(out: Path) -> Iterator[Path]:
    """A directory built beside ``out`` and swapped into place only when complete."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(out.parent)  # what killed exports left behind (unlocked, a few seconds old)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent))
    with locked_part_dir(tmp):  # held until it is swapped in: never taken for a leftover while built
        try:
            yield tmp
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}.old-{os.getpid()}")
            os.replace(out, old)
        os.replace(tmp, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def export(store: Store, out: Path, options: ExportOptions = ExportOptions(), *,
           progress: Callable[[int, int], None] | None = None,
           cancel: Callable[[], bool] | None = None) -> ExportReport:
    """Write the selected articles in ``options.fmt`` to ``out`` (a file, or a directory for ``hf``).
    A cancelled or failed export leaves what was at ``out`` untouched."""
    fmt = options.fmt
    if fmt not in ALL_FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(ALL_FORMATS)})")
    if options.text not in TEXT_KINDS:
        raise ValueError(f"unknown text {options.text!r} (expected cleaned or original)")
    if fmt == "spacy":
        require_spacy()  # the missing extra is named before anything is read
    out = Path(out)
    if out in store_files(store):  # renamed into place, the dataset would replace the store
        raise StoreError(f"Not exporting to {out}: it is the open store's own file. Choose another file name.")
    f = options.filter
    ids = select_ids(store, f)
    total = len(ids)
    split = options.split or (SplitSpec() if fmt == "hf" else None)
    if fmt == "jsonl" and split is None and options.text == "cleaned":
        # The article records as before, through the parallel JSONL path (CSV is written below:
        # the same bytes, rendered in parallel there).
        return export_dataset(store, out, fmt, ids=None if f.is_empty() else ids, workers=options.workers,
                              progress=None if progress is None else (lambda n: progress(n, total)),
                              cancel=cancel)
    split_of: dict[int, str] = {}
    if split is not None:
        unit_of = units(group_outlets(store, ids), split.by_outlet)
        sizes: dict[int, int] = {}
        for u in unit_of.values():
            sizes[u] = sizes.get(u, 0) + 1
        chosen = assign_units(sizes, split)
        split_of = {aid: str(chosen[u]) for aid, u in unit_of.items()}
    stats = DatasetStats()
    counts: dict[str, int] = {}
    done = 0
    original = options.text == "original"
    workers = options.workers if options.workers is not None else (os.cpu_count() or 1)
    try:
        with ExitStack() as stack:
            sink = _open_sink(stack, fmt, out, split)
            if isinstance(sink, _HfSink) and workers > 1 and total >= PARALLEL_THRESHOLD:
                for n, tables, part_stats in _hf_parallel(store.url, ids, split_of, options, workers):
                    for name, table in tables.items():
                        sink.parquet.write_table(name, table)
                    stats.merge(part_stats)
                    done += n
                    if progress is not None:
                        progress(done, total)
                    if cancel is not None and cancel():
                        raise ExportCancelled
                counts = dict(stats.splits)
            elif (isinstance(sink, (_FileSink, _SpacySink)) and fmt in PARALLEL_FILE_FORMATS and workers > 1
                  and total >= PARALLEL_THRESHOLD):
                # Workers render chunks (file text, or one spaCy shard per split) as bytes, written here in order.
                parallel = _spacy_parallel if fmt == "spacy" else _file_parallel
                for n, rendered, docs in parallel(store.url, ids, split_of, split is not None, options, workers):
                    for key, data in rendered.items():
                        sink.write_rendered(key, data, docs[key])
                        counts[key or "all"] = counts.get(key or "all", 0) + docs[key]
                    done += n
                    if progress is not None:
                        progress(done, total)
                    if cancel is not None and cancel():
                        raise ExportCancelled
            for a in () if done else iter_export_articles(store, None, ids, original=original, damage=fmt == "hf"):
                record, spans = _render(a, options)
                part = split_of.get(a.id, "train") if split is not None else None
                sink.write(part, a, record, spans)
                if fmt == "hf":
                    stats.add(part or "train", record, spans, list(a.damage), a.flags.split())
                counts[part or "all"] = counts.get(part or "all", 0) + 1
                done += 1
                if progress is not None and done % CHECK_EVERY == 0:
                    progress(done, total)
                if cancel is not None and cancel():  # a flag read: cheap enough for every article
                    raise ExportCancelled
            if fmt == "hf":
                assert isinstance(sink, _HfSink) and split is not None
                rule = split.describe()
                sink.finish(lambda nbytes: render_card(
                    stats, name=options.name, split_rule=rule, text_kind=options.text, labels=options.labels,
                    filters=f.describe(), nbytes=nbytes))
            elif isinstance(sink, (_FileSink, _SpacySink)):
                sink.close()
    except ExportCancelled:
        return ExportReport(out, done, cancelled=True)
    if progress is not None:
        progress(done, total)
    report = ExportReport(out, done)
    report.splits = {s: counts.get(s, 0) for s in SPLITS} if split is not None else {}
    return report


def _render(a: ExportArticle, options: ExportOptions) -> tuple[dict[str, Any], list[SpanTuple]]:
    """One article's record and spans, over the text the options ask for (plain tuples: every
    writer reads them by index, and a named tuple per span cost a tenth of a span export)."""
    record = build_record(a)
    if options.fmt in RECORD_FORMATS:
        spans: list[SpanTuple] = []
    else:
        spans = span_tuples(a.text, a.fields, options.labels)
    if options.text == "original":
        record, spans = _to_original(a, record, spans)
    return record, spans


# A large Hugging Face export renders its rows in worker processes, a chunk of ids at a time, each
# chunk returned as Arrow tables (one per split) and the chunk's statistics; written here in order.
PARALLEL_THRESHOLD = 5000
CHUNK = 1000

_worker_store: Store | None = None
# Formats whose documents hold only the text and its spans (character BIO, spaCy shards): over the
# cleaned text they need no article record and no cleaning record (several times the article's size).
_BARE_FORMATS = ("conll", "spacy")


def _worker_articles(url: str, chunk: list[int], options: ExportOptions, *,
                     damage: bool = False) -> Iterator[tuple[ExportArticle, dict[str, Any], list[SpanTuple]]]:
    """The chunk's articles with their records and spans, read through this worker process's one
    connection to the store (opened on first use)."""
    global _worker_store
    if _worker_store is None or _worker_store.url != url:
        from storage.store import open_store

        _worker_store = open_store(url, migrate=False)
    original = options.text == "original"
    bare = options.fmt in _BARE_FORMATS and not original
    for a in iter_export_articles(_worker_store, None, chunk, original=original, damage=damage, metadata=not bare):
        if bare:
            yield a, {"text": a.text}, span_tuples(a.text, a.fields, options.labels)
        else:
            record, spans = _render(a, options)
            yield a, record, spans


def _hf_chunk(url: str, chunk: list[int], split_of: dict[int, str],
              options: ExportOptions) -> tuple[int, dict[str, bytes], DatasetStats]:
    import pyarrow as pa

    from pipeline.export.hf import SCHEMA, HfColumns

    with worker_gc_paused():
        rows: dict[str, HfColumns] = {}
        stats = DatasetStats()
        n = 0
        for a, record, spans in _worker_articles(url, chunk, options, damage=True):
            part = split_of.get(a.id, "train")
            flags = a.flags.split()
            columns = rows.get(part)
            if columns is None:
                columns = rows[part] = HfColumns()
            columns.add(record, spans, flags)
            stats.add(part, record, spans, list(a.damage), flags)
            n += 1
        out: dict[str, bytes] = {}
        for part, part_rows in rows.items():
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, SCHEMA) as writer:
                writer.write_table(part_rows.table())
            out[part] = sink.getvalue().to_pybytes()
    return n, out, stats


def _hf_parallel(url: str, ids: list[int], split_of: dict[int, str], options: ExportOptions,
                 workers: int) -> Iterator[tuple[int, dict[str, pa.Table], DatasetStats]]:
    import pyarrow as pa

    chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    calls = [(url, chunk, {i: split_of.get(i, "train") for i in chunk}, options) for chunk in chunks]
    for n, data, stats in in_worker_processes(_hf_chunk, calls, workers):
        yield n, {k: pa.ipc.open_stream(v).read_all() for k, v in data.items()}, stats


# The file formats are rendered the same way: each chunk by a fresh writer into a string, its file
# prefix (CSV's BOM and header, Label Studio's opening bracket) cut off, and written here in order:
# the bytes a serial export writes. spaCy's chunks are shards of the directory (one per split).
PARALLEL_FILE_FORMATS: tuple[str, ...] = ("csv", "doccano", "labelstudio", "conll", "spacy")
# What goes between two chunks rendered by separate writers (a writer's first item has no
# separator before it).
_CHUNK_JOINS = {"labelstudio": ","}


def _file_chunk(url: str, chunk: list[int], split_of: dict[int, str], split: bool,
                options: ExportOptions) -> tuple[int, dict[str, bytes], dict[str, int]]:
    """``{part: UTF-8 text}`` and ``{part: documents}`` for these articles (``part`` is the split,
    or ``""`` without one), in a worker process. Encoded here, not in the writing process: a string
    is pickled as UTF-8 anyway, and the writing process, the one serial step, would decode it only to
    encode it again (the character-BIO export sends ~2 GB at 100,000 articles)."""
    buffers: dict[str, tuple[io.StringIO, Any, int]] = {}
    docs: dict[str, int] = {}
    n = 0
    with worker_gc_paused():
        for a, record, spans in _worker_articles(url, chunk, options):
            part = split_of.get(a.id, "train") if split else None
            key = part or ""
            entry = buffers.get(key)
            if entry is None:
                buf = io.StringIO(newline="")
                writer = _open_writer(options.fmt, buf)
                entry = buffers[key] = (buf, writer, len(buf.getvalue()))
            _write_doc(options.fmt, entry[1], part, a, record, spans)
            docs[key] = docs.get(key, 0) + 1
            n += 1
    return n, {key: buf.getvalue()[prefix:].encode("utf-8") for key, (buf, _w, prefix) in buffers.items()}, docs


def _file_parallel(url: str, ids: list[int], split_of: dict[int, str], split: bool, options: ExportOptions,
                   workers: int) -> Iterator[tuple[int, dict[str, bytes], dict[str, int]]]:
    chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    calls = [(url, c, {i: split_of.get(i, "train") for i in c} if split else {}, split, options) for c in chunks]
    yield from in_worker_processes(_file_chunk, calls, workers)


def _open_writer(fmt: str, fh: IO[str]) -> Any:
    return open_writer(fmt, fh) if fmt in RECORD_FORMATS else open_span_writer(fmt, fh)


def _write_doc(fmt: str, writer: Any, part: str | None, a: Any, record: dict[str, Any], spans: list[SpanTuple]) -> None:
    if fmt in RECORD_FORMATS:
        if part is not None:
            record = dict(record, split=part)
        writer.write(record)
    else:
        span_writer: SpanWriter = writer
        meta = {} if fmt == "conll" else _meta(record, part)  # character BIO carries no metadata
        span_writer.write(SpanDoc(a.id, record["text"], spans, meta))


class _FileSink:
    """One writer per output file (one file, or one per split), each file atomic."""

    def __init__(self, stack: ExitStack, fmt: str, out: Path, split: SplitSpec | None) -> None:
        paths = split_paths(out) if split is not None else {"": out}
        self._fmt = fmt
        self._writers: dict[str, Any] = {}
        self._files: dict[str, IO[str]] = {}
        self._docs: dict[str, int] = {}  # documents written to each file
        for part, path in paths.items():
            fh: IO[str] = stack.enter_context(atomic_output(path))
            self._files[part] = fh
            self._writers[part] = _open_writer(fmt, fh)

    def write(self, part: str | None, a: Any, record: dict[str, Any], spans: list[SpanTuple]) -> None:
        _write_doc(self._fmt, self._writers[part or ""], part, a, record, spans)

    def write_rendered(self, key: str, data: bytes, docs: int) -> None:
        """A chunk of documents a worker rendered (:func:`_file_chunk`), after what is written: its
        UTF-8 bytes straight to the binary file under the text one (the file is UTF-8 without
        newline translation, so these are the bytes writing the text would give)."""
        fh = self._files[key]
        if docs and self._docs.get(key):
            fh.write(_CHUNK_JOINS.get(self._fmt, ""))
        fh.flush()  # what the text layer holds goes first
        fh.buffer.write(data)  # type: ignore[attr-defined]  # atomic_output's file: a TextIOWrapper
        self._docs[key] = self._docs.get(key, 0) + docs

    def close(self) -> None:
        if self._fmt not in RECORD_FORMATS:
            for w in self._writers.values():
                w.close()


class _HfSink:
    def __init__(self, stack: ExitStack, out: Path) -> None:
        from pipeline.export.hf import ParquetSplits

        self.root = stack.enter_context(_atomic_dir(out))
        self.parquet = ParquetSplits(self.root)
        stack.callback(self.parquet.close)  # files closed before the directory is swapped in

    def write(self, part: str | None, a: Any, record: dict[str, Any], spans: list[SpanTuple]) -> None:
        self.parquet.write(part or "train", record, spans, a.flags.split())

    def finish(self, card: Callable[[dict[str, int]], str]) -> None:
        self.parquet.close()
        (self.root / "README.md").write_text(card(self.parquet.nbytes), encoding="utf-8")


class _SpacySink:
    """A directory of ``.spacy`` shards (one folder per split), swapped into place when complete."""

    def __init__(self, stack: ExitStack, out: Path, split: SplitSpec | None) -> None:
        self.root = stack.enter_context(_atomic_dir(out))
        self._split = split is not None
        self._pending: dict[str, list[SpanDoc]] = {}
        self._shards: dict[str, int] = {}

    def write(self, part: str | None, a: Any, record: dict[str, Any], spans: list[SpanTuple]) -> None:
        from pipeline.export.spacy_shards import SHARD_DOCS, build_shard

        key = part or ""
        docs = self._pending.setdefault(key, [])
        docs.append(SpanDoc(a.id, record["text"], spans))
        if len(docs) >= SHARD_DOCS:
            self.write_shard(key, build_shard(docs))
            docs.clear()

    def write_rendered(self, key: str, data: bytes, docs: int) -> None:
        """A shard a worker built (:func:`_spacy_chunk`)."""
        self.write_shard(key, data)

    def write_shard(self, key: str, data: bytes) -> None:
        from pipeline.export.spacy_shards import shard_name

        folder = self.root / key if key else self.root
        folder.mkdir(exist_ok=True)
        n = self._shards.get(key, 0)
        (folder / shard_name(n)).write_bytes(data)
        self._shards[key] = n + 1

    def close(self) -> None:
        from pipeline.export.spacy_shards import build_shard

        for key, docs in self._pending.items():
            if docs:
                self.write_shard(key, build_shard(docs))
        self._pending.clear()


def _spacy_chunk(url: str, chunk: list[int], split_of: dict[int, str], split: bool,
                 options: ExportOptions) -> tuple[int, dict[str, bytes], dict[str, int]]:
    """One ``.spacy`` shard per split for these articles, built in a worker process."""
    from pipeline.export.spacy_shards import build_shard

    parts: dict[str, list[SpanDoc]] = {}
    n = 0
    with worker_gc_paused():
        for a, record, spans in _worker_articles(url, chunk, options):
            key = (split_of.get(a.id, "train") if split else None) or ""
            parts.setdefault(key, []).append(SpanDoc(a.id, record["text"], spans))
            n += 1
        shards = {key: build_shard(docs) for key, docs in parts.items()}
    return n, shards, {key: len(docs) for key, docs in parts.items()}


def _spacy_parallel(url: str, ids: list[int], split_of: dict[int, str], split: bool, options: ExportOptions,
                    workers: int) -> Iterator[tuple[int, dict[str, bytes], dict[str, int]]]:
    chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    calls = [(url, c, {i: split_of.get(i, "train") for i in c} if split else {}, split, options) for c in chunks]
    yield from in_worker_processes(_spacy_chunk, calls, workers)


def _open_sink(stack: ExitStack, fmt: str, out: Path, split: SplitSpec | None) -> _FileSink | _HfSink | _SpacySink:
    if fmt == "hf":
        return _HfSink(stack, out)
    if fmt == "spacy":
        return _SpacySink(stack, out, split)
    return _FileSink(stack, fmt, out, split)
