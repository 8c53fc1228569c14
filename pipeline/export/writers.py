"""Dataset writers. Output goes to a temporary file beside the target and is renamed into place
only when complete, so a crash, a kill or a full disk never leaves a truncated dataset."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
import shutil
import stat
import tempfile
import time
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


try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: stale parts are recognised by age alone
    fcntl = None  # type: ignore[assignment]

# mkstemp's names for our temporary files: ".<target name>.<8 random characters>.part".
_PART_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.part$")
# A part this young may belong to a writer that has not taken its lock yet: left alone.
STALE_AFTER_S = 5.0
# Without file locks (Windows), only a part this old is taken for a leftover.
STALE_UNLOCKED_AFTER_S = 24 * 3600.0


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[str]]:
    """Write ``path`` through a temporary file beside it, renamed into place only when complete.

    While it is written, the temporary file is locked (flock), so that the next export into
    the folder can tell the parts of killed exports (unlocked) from live ones and remove them.
    The result gets the mode of the file it replaces, else the mode the umask gives a new file
    (mkstemp's 0600 would lock a shared folder's colleagues out of the dataset).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            _chmod(fh.fileno(), tmp, _target_mode(path))
            os.fsync(fh.fileno())
            if fcntl is not None:
                os.replace(tmp, path)  # still open and locked: no moment when it looks stale
        if fcntl is None:
            os.replace(tmp, path)  # Windows renames closed files only
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _target_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def _chmod(fd: int, name: str, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # pragma: no cover - Windows
        os.chmod(name, mode)


def current_umask() -> int:
    """The process umask, read without changing it where the system allows (Linux shows it in
    /proc/self/status): ``os.umask`` can only be read by setting it, which would briefly apply
    another umask to files that other threads create meanwhile."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_stale_parts(folder: Path) -> list[Path]:
    """Remove the temporary files and directories (a Hugging Face export builds a directory) that
    killed exports left in ``folder``: ours by name and owner, older than a few seconds, and locked
    by no running writer. Returns what was removed."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _PART_NAME.match(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        is_dir = stat.S_ISDIR(st.st_mode)
        if not (is_dir or stat.S_ISREG(st.st_mode)) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
            continue
        age = now - st.st_mtime
        if fcntl is None:
            if age >= STALE_UNLOCKED_AFTER_S and _remove(entry.path, is_dir):
                removed.append(Path(entry.path))
            continue
        if age < STALE_AFTER_S:
            continue
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | (getattr(os, "O_DIRECTORY", 0) if is_dir else 0)
        with contextlib.suppress(OSError):
            fd = os.open(entry.path, flags)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # OSError: a live writer holds it
                if _remove(entry.path, is_dir):
                    removed.append(Path(entry.path))
            finally:
                os.close(fd)
    return removed


def _remove(path: str, is_dir: bool) -> bool:
    try:
        if is_dir:
            shutil.rmtree(path)
        else:
            os.unlink(path)
    except OSError:
        return False
    return True


@contextmanager
def locked_part_dir(path: Path) -> Iterator[None]:
    """Hold ``path`` (a temporary directory being built) locked, so that ``remove_stale_parts``
    in another process leaves it alone; the lock follows the directory when it is renamed."""
    if fcntl is None:
        yield
        return
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


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
