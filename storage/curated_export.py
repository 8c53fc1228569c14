"""Every export format behind one call: filter, split, stream, write atomically.

``jsonl`` and ``csv`` are the article records; ``doccano``, ``labelstudio``, ``conll`` and
``spacy`` the labelled spans; ``hf`` a directory of Parquet files with a dataset card. With a
split, a single-file format writes one file per split (``data.train.jsonl`` …); ``hf`` always
splits (0.8/0.1/0.1, seed 42, unless told otherwise).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pipeline.export import atomic_output, build_record, open_writer
from pipeline.export.card import DatasetStats, render_card
from pipeline.export.hf import SPLITS, ParquetSplits, hf_row
from pipeline.export.span_formats import SPAN_FORMATS, SpanDoc, SpanWriter, open_span_writer, require_spacy
from pipeline.export.spans import DEFAULT_LABELS, Span, article_spans
from pipeline.export.split import SplitSpec, assign_units, units
from pipeline.offsets import OffsetMap
from storage.export_filter import ExportFilter, group_outlets, select_ids
from storage.exporting import CHECK_EVERY, ExportCancelled, export_dataset, iter_export_articles
from storage.records import ExportReport
from storage.store import Store

RECORD_FORMATS: tuple[str, ...] = ("jsonl", "csv")
ALL_FORMATS: tuple[str, ...] = (*RECORD_FORMATS, *SPAN_FORMATS, "hf")
SUFFIXES = {"jsonl": ".jsonl", "csv": ".csv", "doccano": ".jsonl", "labelstudio": ".json", "conll": ".conll",
            "spacy": ".spacy", "hf": ""}
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


def _to_original(a: Any, record: dict[str, Any], spans: list[Span]) -> tuple[dict[str, Any], list[Span]]:
    """The record and spans over the original text, through the offset map."""
    omap = OffsetMap.from_json(a.offsets) if a.offsets else OffsetMap.identity(len(a.text))
    record = dict(record, text=a.raw_text or "")
    record["evidence"] = {name: [list(p) for p in omap.to_source_many([(int(x), int(y)) for x, y in spans_])]
                          for name, spans_ in record["evidence"].items()}
    mapped = [Span(*omap.to_source(s.start, s.end), s.label) for s in spans]
    n = len(record["text"])
    return record, sorted({s for s in mapped if 0 <= s.start < s.end <= n})


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
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent))
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
    f = options.filter
    ids = select_ids(store, f)
    total = len(ids)
    split = options.split or (SplitSpec() if fmt == "hf" else None)
    if fmt in RECORD_FORMATS and split is None and options.text == "cleaned":
        # The article records as before: the parallel JSONL path included.
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
    try:
        with ExitStack() as stack:
            sink = _open_sink(stack, fmt, out, split)
            for a in iter_export_articles(store, None, ids, original=original, damage=fmt == "hf"):
                record = build_record(a)
                spans = article_spans(a.text, a.fields, options.labels) if fmt not in RECORD_FORMATS else []
                if original:
                    record, spans = _to_original(a, record, spans)
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
            elif isinstance(sink, _FileSink):
                sink.close()
    except ExportCancelled:
        return ExportReport(out, done, cancelled=True)
    if progress is not None:
        progress(done, total)
    report = ExportReport(out, done)
    report.splits = {s: counts.get(s, 0) for s in SPLITS} if split is not None else {}
    return report


class _FileSink:
    """One writer per output file (one file, or one per split), each file atomic."""

    def __init__(self, stack: ExitStack, fmt: str, out: Path, split: SplitSpec | None) -> None:
        paths = split_paths(out) if split is not None else {"": out}
        self._fmt = fmt
        self._writers: dict[str, Any] = {}
        for part, path in paths.items():
            fh: IO[str] = stack.enter_context(atomic_output(path))
            self._writers[part] = open_writer(fmt, fh) if fmt in RECORD_FORMATS else open_span_writer(fmt, fh)

    def write(self, part: str | None, a: Any, record: dict[str, Any], spans: list[Span]) -> None:
        writer = self._writers[part or ""]
        if self._fmt in RECORD_FORMATS:
            if part is not None:
                record = dict(record, split=part)
            writer.write(record)
        else:
            span_writer: SpanWriter = writer
            span_writer.write(SpanDoc(a.id, record["text"], spans, _meta(record, part)))

    def close(self) -> None:
        if self._fmt not in RECORD_FORMATS:
            for w in self._writers.values():
                w.close()


class _HfSink:
    def __init__(self, stack: ExitStack, out: Path) -> None:
        self.root = stack.enter_context(_atomic_dir(out))
        self.parquet = ParquetSplits(self.root)
        stack.callback(self.parquet.close)  # files closed before the directory is swapped in

    def write(self, part: str | None, a: Any, record: dict[str, Any], spans: list[Span]) -> None:
        self.parquet.write(part or "train", hf_row(record, spans, a.flags.split()))

    def finish(self, card: Callable[[dict[str, int]], str]) -> None:
        self.parquet.close()
        (self.root / "README.md").write_text(card(self.parquet.nbytes), encoding="utf-8")


def _open_sink(stack: ExitStack, fmt: str, out: Path, split: SplitSpec | None) -> _FileSink | _HfSink:
    return _HfSink(stack, out) if fmt == "hf" else _FileSink(stack, fmt, out, split)
