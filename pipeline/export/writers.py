"""Dataset writers. Output goes to a temporary file beside the target and is renamed into place
only when complete, so a crash, a kill or a full disk never leaves a truncated dataset."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Protocol

from pipeline.export.records import csv_columns, csv_row

try:
    import orjson
except ImportError:  # pragma: no cover - a declared dependency; json alone still works
    orjson = None  # type: ignore[assignment]

FORMATS: tuple[str, ...] = ("jsonl", "csv")


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[str]]:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


class RecordWriter(Protocol):
    def write(self, record: dict[str, Any]) -> None: ...


def dumps_line(record: dict[str, Any]) -> str:
    """One JSONL line: compact, UTF-8 text (not \\u escapes), newline-terminated.

    orjson writes the same compact JSON several times faster than the standard library (an
    export of 100,000 articles spends most of its time here); anything orjson refuses (an
    integer beyond 64 bits, a non-string key) goes through ``json`` instead.
    """
    if orjson is not None:
        try:
            return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE).decode("utf-8")
        except (TypeError, orjson.JSONEncodeError):
            pass
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def dumps_line_bytes(record: dict[str, Any]) -> bytes:
    """:func:`dumps_line` as UTF-8 bytes (what orjson makes anyway): for writers of raw bytes."""
    if orjson is not None:
        try:
            return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)
        except (TypeError, orjson.JSONEncodeError):
            pass
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class JsonlWriter:
    def __init__(self, fh: IO[str]) -> None:
        self._fh = fh

    def write(self, record: dict[str, Any]) -> None:
        self._fh.write(dumps_line(record))


# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets
# (=HYPERLINK(...) leaks data, +cmd|... runs a program): the OWASP "CSV injection" rule.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(cell: str) -> str:
    """A leading single quote makes a spreadsheet show the cell as text (OWASP's advice); the
    quote is visible in the file, and a reader that wants the value drops it."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


class CsvWriter:
    def __init__(self, fh: IO[str]) -> None:
        # A BOM lets spreadsheet programs recognise UTF-8 Chinese text.
        fh.write("\ufeff")
        self._writer = csv.DictWriter(fh, fieldnames=csv_columns(), extrasaction="ignore")
        self._writer.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        self._writer.writerow({k: neutralise_cell(v) for k, v in csv_row(record).items()})


def open_writer(fmt: str, fh: IO[str]) -> RecordWriter:
    if fmt == "jsonl":
        return JsonlWriter(fh)
    if fmt == "csv":
        return CsvWriter(fh)
    raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
