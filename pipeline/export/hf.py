"""Parquet files in the Hugging Face ``datasets`` layout: ``data/{split}-00000-of-00001.parquet``.

Rows are written a batch at a time through one ``pyarrow.parquet.ParquetWriter`` per split, so
memory stays flat with the corpus size. The schema is fixed here (typed lists and structs, not
JSON strings), and the dataset card's ``features`` are derived from it (``card.features_yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any, ClassVar

import pyarrow as pa
import pyarrow.parquet as pq

ROWS_PER_BATCH = 1000

_SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("label", pa.string()), ("text", pa.string())])
_EVIDENCE = pa.struct([("field", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
_PERSON = pa.struct([("name", pa.string()), ("title", pa.string())])
_AMOUNT = pa.struct([("text", pa.string()), ("yuan", pa.float64()), ("context", pa.string()),
                     ("approximate", pa.bool_())])
_COUNT = pa.struct([("text", pa.string()), ("value", pa.float64()), ("what", pa.string()),
                    ("approximate", pa.bool_())])

SCHEMA = pa.schema([
    ("id", pa.int64()),
    ("text", pa.string()),
    ("spans", pa.list_(_SPAN)),
    ("title", pa.string()),
    ("published_at", pa.string()),
    ("source", pa.string()),
    ("source_name", pa.string()),
    ("status", pa.string()),
    ("script", pa.string()),
    ("tags", pa.list_(pa.string())),
    ("flags", pa.list_(pa.string())),
    ("group_id", pa.int64()),
    ("canonical", pa.bool_()),
    ("edited_fields", pa.list_(pa.string())),
    ("event_type", pa.string()),
    ("event_start", pa.string()),
    ("event_end", pa.string()),
    ("places", pa.list_(pa.string())),
    ("organizations", pa.list_(pa.string())),
    ("industries", pa.list_(pa.string())),
    ("people", pa.list_(_PERSON)),
    ("amounts", pa.list_(_AMOUNT)),
    ("counts", pa.list_(_COUNT)),
    ("evidence", pa.list_(_EVIDENCE)),
])


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def _num(v: Any) -> float | None:
    try:
        return None if v is None or isinstance(v, bool) else float(v)
    except (TypeError, ValueError):
        return None


_FIRST = itemgetter(0)
_SECOND = itemgetter(1)


class HfColumns:
    """Dataset rows gathered column by column and made into one Arrow table.

    Arrow is handed flat Python lists (one per column, and for a list column its values and their
    offsets; for a list of structs one list per struct field) instead of a dict per row: building
    tables from row dicts through ``pa.array`` was most of an export's time at 100,000 articles,
    and an article holds ~150 spans and as many evidence pairs. Values are converted exactly as
    the row dicts were (``_str``, ``_num``, ``bool``; only objects count as people, amounts and
    counts)."""

    _SCALARS: ClassVar[tuple[str, ...]] = (
        "id", "text", "title", "published_at", "source", "source_name", "status", "script", "group_id", "canonical",
        "event_type", "event_start", "event_end")
    _LISTS: ClassVar[tuple[str, ...]] = ("tags", "flags", "edited_fields", "places", "organizations", "industries")
    _STRUCTS: ClassVar[dict[str, pa.StructType]] = {"spans": _SPAN, "evidence": _EVIDENCE, "people": _PERSON,
                                          "amounts": _AMOUNT, "counts": _COUNT}

    def __init__(self) -> None:
        self.rows = 0
        self._scalar: dict[str, list[Any]] = {name: [] for name in self._SCALARS}
        self._offsets: dict[str, list[int]] = {name: [0] for name in (*self._LISTS, *self._STRUCTS)}
        self._values: dict[str, list[Any]] = {name: [] for name in self._LISTS}
        self._fields: dict[str, tuple[list[Any], ...]] = {
            name: tuple([] for _ in range(t.num_fields)) for name, t in self._STRUCTS.items()}

    def __len__(self) -> int:
        return self.rows

    def add(self, record: dict[str, Any], spans: Sequence[tuple[int, int, str]], flags: list[str]) -> None:
        """One article: its export record (``records.build_record``), its labelled spans and flags."""
        text = record["text"]
        get = record.get
        sc = self._scalar
        sc["id"].append(record["id"])
        sc["text"].append(text)
        for key in ("title", "published_at", "source", "event_type", "event_start", "event_end"):
            v = get(key)
            sc[key].append(None if v is None else str(v))
        sc["source_name"].append(get("source_name"))
        sc["status"].append(get("status"))
        sc["script"].append(get("script"))
        sc["group_id"].append(get("group_id"))
        sc["canonical"].append(bool(get("canonical", True)))

        self._list("tags", get("tags") or ())
        self._list("flags", flags)
        self._list("edited_fields", get("edited_fields") or ())
        for key in ("places", "organizations", "industries"):
            self._list(key, [str(v) for v in get(key) or ()])

        starts, ends, labels, texts = self._fields["spans"]
        if spans:
            s0, e0, l0 = zip(*spans, strict=True)
            starts.extend(s0)
            ends.extend(e0)
            labels.extend(l0)
            texts.extend([text[s:e] for s, e, _ in spans])
        self._close("spans", len(starts))

        people = [p for p in get("people") or () if isinstance(p, dict)]
        names, titles = self._fields["people"]
        for p in people:
            names.append(_str(p.get("name")))
            titles.append(_str(p.get("title")))
        self._close("people", len(names))
        self._measures("amounts", get("amounts"), "yuan", "context")
        self._measures("counts", get("counts"), "value", "what")

        fields, ev_starts, ev_ends = self._fields["evidence"]
        for name, pairs in (get("evidence") or {}).items():
            fields.extend([name] * len(pairs))
            ev_starts.extend(map(int, map(_FIRST, pairs)))  # no Python-level loop: ~150 pairs an article
            ev_ends.extend(map(int, map(_SECOND, pairs)))
        self._close("evidence", len(fields))
        self.rows += 1

    def _list(self, name: str, values: Any) -> None:
        flat = self._values[name]
        flat.extend(values)
        self._offsets[name].append(len(flat))

    def _close(self, name: str, size: int) -> None:
        self._offsets[name].append(size)

    def _measures(self, name: str, values: Any, number: str, about: str) -> None:
        texts, numbers, abouts, approx = self._fields[name]
        for m in values or ():
            if isinstance(m, dict):
                texts.append(_str(m.get("text")))
                numbers.append(_num(m.get(number)))
                abouts.append(_str(m.get(about)))
                approx.append(bool(m.get("approximate")))
        self._close(name, len(texts))

    def table(self) -> pa.Table:
        arrays: list[pa.Array] = []
        for f in SCHEMA:
            name = f.name
            if name in self._scalar:
                arrays.append(pa.array(self._scalar[name], f.type))
                continue
            offsets = pa.array(self._offsets[name], pa.int32())
            if name in self._values:
                values = pa.array(self._values[name], f.type.value_type)
            else:
                struct = f.type.value_type
                children = [pa.array(col, struct.field(i).type) for i, col in enumerate(self._fields[name])]
                values = pa.StructArray.from_arrays(children, fields=list(struct))
            arrays.append(pa.ListArray.from_arrays(offsets, values, type=f.type))
        return pa.Table.from_arrays(arrays, schema=SCHEMA)


def shard_name(split: str) -> str:
    return f"{split}-00000-of-00001.parquet"


class ParquetSplits:
    """One Parquet file per split under ``root/data``; rows buffered and written in batches."""

    def __init__(self, root: Path) -> None:
        self.data = Path(root) / "data"
        self.data.mkdir(parents=True, exist_ok=True)
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._rows: dict[str, HfColumns] = {}
        self.counts: dict[str, int] = {}
        self.nbytes: dict[str, int] = {}  # Arrow size of each split's rows (the card's num_bytes)

    def write(self, split: str, record: dict[str, Any], spans: Sequence[tuple[int, int, str]],
              flags: list[str]) -> None:
        rows = self._rows.get(split)
        if rows is None:
            rows = self._rows[split] = HfColumns()
        rows.add(record, spans, flags)
        self.counts[split] = self.counts.get(split, 0) + 1
        if len(rows) >= ROWS_PER_BATCH:
            self._flush(split)

    def write_table(self, split: str, table: pa.Table) -> None:
        """Rows already made into a table (by a worker process), written after any buffered rows."""
        self._flush(split)
        self.counts[split] = self.counts.get(split, 0) + table.num_rows
        self.nbytes[split] = self.nbytes.get(split, 0) + table.nbytes
        self._writer(split).write_table(table)

    def _writer(self, split: str) -> pq.ParquetWriter:
        writer = self._writers.get(split)
        if writer is None:
            writer = pq.ParquetWriter(self.data / shard_name(split), SCHEMA, compression="zstd")
            self._writers[split] = writer
        return writer

    def _flush(self, split: str) -> None:
        rows = self._rows.get(split)
        if not rows:
            return
        table = rows.table()
        self.nbytes[split] = self.nbytes.get(split, 0) + table.nbytes
        self._writer(split).write_table(table)
        self._rows[split] = HfColumns()

    def close(self) -> None:
        for split in list(self._rows):
            self._flush(split)
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()
