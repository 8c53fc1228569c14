"""Parquet files in the Hugging Face ``datasets`` layout: ``data/{split}-00000-of-00001.parquet``.

Rows are written a batch at a time through one ``pyarrow.parquet.ParquetWriter`` per split, so
memory stays flat with the corpus size. The schema is fixed here (typed lists and structs, not
JSON strings), and the dataset card's ``features`` are derived from it (``card.features_yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

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


def _dicts(values: list[Any]) -> list[dict[str, Any]]:
    return [v for v in values if isinstance(v, dict)]


# Columns of many small structs (an article has up to hundreds of spans) are kept per row as one
# list per struct field and assembled into Arrow arrays directly: building them from dicts through
# pa.array was most of an export's time.
FLAT_COLUMNS: frozenset[str] = frozenset({"spans", "evidence"})


def hf_row(record: dict[str, Any], spans: Sequence[tuple[int, int, str]], flags: list[str]) -> dict[str, Any]:
    """A dataset row from an export record (``records.build_record``) and its spans (the columns in
    ``FLAT_COLUMNS`` as one list per struct field)."""
    text = record["text"]
    evidence = record.get("evidence") or {}
    return {
        "id": record["id"], "text": text,
        "spans": ([s[0] for s in spans], [s[1] for s in spans], [s[2] for s in spans],
                  [text[s[0] : s[1]] for s in spans]),
        "title": _str(record.get("title")), "published_at": _str(record.get("published_at")),
        "source": _str(record.get("source")), "source_name": record.get("source_name"),
        "status": record.get("status"), "script": record.get("script"), "tags": list(record.get("tags") or []),
        "flags": flags, "group_id": record.get("group_id"), "canonical": bool(record.get("canonical", True)),
        "edited_fields": list(record.get("edited_fields") or []),
        "event_type": _str(record.get("event_type")), "event_start": _str(record.get("event_start")),
        "event_end": _str(record.get("event_end")),
        "places": [str(v) for v in record.get("places") or []],
        "organizations": [str(v) for v in record.get("organizations") or []],
        "industries": [str(v) for v in record.get("industries") or []],
        "people": [{"name": _str(p.get("name")), "title": _str(p.get("title"))}
                   for p in _dicts(record.get("people") or [])],
        "amounts": [{"text": _str(a.get("text")), "yuan": _num(a.get("yuan")), "context": _str(a.get("context")),
                     "approximate": bool(a.get("approximate"))} for a in _dicts(record.get("amounts") or [])],
        "counts": [{"text": _str(c.get("text")), "value": _num(c.get("value")), "what": _str(c.get("what")),
                    "approximate": bool(c.get("approximate"))} for c in _dicts(record.get("counts") or [])],
        "evidence": ([name for name, spans_ in evidence.items() for _ in spans_],
                     [int(p[0]) for spans_ in evidence.values() for p in spans_],
                     [int(p[1]) for spans_ in evidence.values() for p in spans_]),
    }


def _flat_list(rows: list[dict[str, Any]], name: str, typ: pa.ListType) -> pa.Array:
    struct = typ.value_type
    offsets = [0]
    columns: list[list[Any]] = [[] for _ in range(struct.num_fields)]
    for r in rows:
        parts = r[name]
        for col, part in zip(columns, parts, strict=True):
            col.extend(part)
        offsets.append(offsets[-1] + len(parts[0]))
    children = [pa.array(col, type=struct.field(i).type) for i, col in enumerate(columns)]
    values = pa.StructArray.from_arrays(children, fields=[struct.field(i) for i in range(struct.num_fields)])
    return pa.ListArray.from_arrays(pa.array(offsets, type=pa.int32()), values, type=typ)


def rows_to_table(rows: list[dict[str, Any]]) -> pa.Table:
    arrays = [
        _flat_list(rows, f.name, f.type) if f.name in FLAT_COLUMNS else pa.array([r[f.name] for r in rows], f.type)
        for f in SCHEMA
    ]
    return pa.Table.from_arrays(arrays, schema=SCHEMA)


def shard_name(split: str) -> str:
    return f"{split}-00000-of-00001.parquet"


class ParquetSplits:
    """One Parquet file per split under ``root/data``; rows buffered and written in batches."""

    def __init__(self, root: Path) -> None:
        self.data = Path(root) / "data"
        self.data.mkdir(parents=True, exist_ok=True)
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._rows: dict[str, list[dict[str, Any]]] = {}
        self.counts: dict[str, int] = {}
        self.nbytes: dict[str, int] = {}  # Arrow size of each split's rows (the card's num_bytes)

    def write(self, split: str, row: dict[str, Any]) -> None:
        rows = self._rows.setdefault(split, [])
        rows.append(row)
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
        table = rows_to_table(rows)
        self.nbytes[split] = self.nbytes.get(split, 0) + table.nbytes
        self._writer(split).write_table(table)
        rows.clear()

    def close(self) -> None:
        for split in list(self._rows):
            self._flush(split)
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()
