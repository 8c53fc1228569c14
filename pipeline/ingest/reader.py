"""Read one file: bytes → (encoding, format, decoded text), or a one-line reason it cannot be read.

Encoding detection: a BOM decides outright; valid UTF-8 is taken as UTF-8 (it almost never
validates by accident on GBK or Big5 bytes); everything else goes to charset-normalizer, limited
to the encodings Chinese news actually comes in, because an unrestricted guess on short CJK text
often lands on an unrelated code page.

A NUL character (U+0000) is never stored: PostgreSQL refuses it in text and SQLite keeps it, so
both back ends behave the same only if the text has none. Each one becomes U+FFFD (one code
point for one: every offset stays exact) and its position is kept in ``RawDocument.nul_at``, so
the decoded original is still known exactly (:func:`original_text`).

A file is read with its status taken before and after (and, when it was modified moments ago,
once more a moment later): a file that another program rewrites meanwhile is read again, and
reported if it never holds still, rather than stored cut short. A writer that pauses mid-file for
longer than that moment cannot be told from a finished file by any reader without locks.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.document import RawDocument, SourceFormat
from pipeline.ingest import names

MAX_BYTES_DEFAULT = 20 * 1024 * 1024

_CANDIDATE_ENCODINGS = ["gb18030", "big5", "big5hkscs", "utf_16_le", "utf_16_be", "utf_8"]

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x7fELF", "a program"),
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FRONT_MATTER = re.compile(r"\A\ufeff?\s*---[ \t]*\r?\n")
_HTML_TAGS = re.compile(r"</?(?:html|body|div|p|br|span|article|section|table|tr|td|li|ul|h[1-6])\b", re.I)
# The frame of an HTML document: with it, a file is HTML whatever its name.
_HTML_DOCUMENT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
MIN_HTML_TAGS = 3
# Without a document frame, markup must carry the text's structure: most non-blank lines hold a
# tag (a fragment of <p>/<div> blocks, pretty-printed or on one line). A text whose lines are its
# paragraphs and that holds a few stray tags is still text: read as HTML, its lines would merge.
MIN_TAGGED_LINES = 0.6


class IngestError(Exception):
    """A file that cannot be imported; ``str(err)`` is a one-line reason for the user."""


# A file that changes while it is read is read again this many times, waiting a little longer each time.
READ_ATTEMPTS = 4
READ_RETRY_SECONDS = 0.05
# A file modified less than this long before it was read is looked at again once this old.
SETTLE_SECONDS = 0.1
NUL = "\x00"
NUL_REPLACEMENT = "\ufffd"


def read_file(path: Path, *, max_bytes: int = MAX_BYTES_DEFAULT) -> RawDocument:
    """Read and decode one file; the name is shown (and stored) safely even when not UTF-8."""
    data = _read_stable(path, max_bytes)
    try:
        resolved = str(path.resolve())
    except (OSError, RuntimeError):  # a link loop: keep the path as named
        resolved = str(path.absolute())
    return read_bytes(data, source_name=path.name, source_path=resolved)


def _read_stable(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, read while it held still: its status (size, times, inode) is the same
    before and after the read and its size is what was read. Otherwise it is read again."""
    for attempt in range(READ_ATTEMPTS):
        before = _status(path)
        if before.st_size > max_bytes:
            raise IngestError(f"file too large ({before.st_size / 1e6:.1f} MB;"
                              f" the limit is {max_bytes / 1e6:.0f} MB)")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IngestError(f"cannot read: {exc.strerror or exc}") from exc
        after = _status(path)
        if _fingerprint(before) == _fingerprint(after) and len(data) == after.st_size and _settled(path, after):
            return data
        if attempt + 1 < READ_ATTEMPTS:
            time.sleep(READ_RETRY_SECONDS * (attempt + 1))
    raise IngestError("the file kept changing while it was read (another program is writing it);"
                      " import it again once it is complete")


def _settled(path: Path, st: os.stat_result) -> bool:
    """Whether a file written moments ago is still as it was a moment later. A writer that pauses
    between two writes longer than a read takes leaves a file that looks still while it is read
    (an import stored such files cut short, issue 10); a writer rarely pauses this long."""
    age = time.time() - st.st_mtime
    if age >= SETTLE_SECONDS:
        return True
    time.sleep(SETTLE_SECONDS if age < 0 else SETTLE_SECONDS - age)  # age < 0: a clock ahead
    return _fingerprint(_status(path)) == _fingerprint(st)


def _status(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from exc


def _fingerprint(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def original_text(text: str, nul_at: Sequence[int]) -> str:
    """The decoded original of a stored text whose NUL characters were replaced (``nul_at``)."""
    if not nul_at:
        return text
    chars = list(text)
    for i in nul_at:
        chars[i] = NUL
    return "".join(chars)


def read_bytes(data: bytes, *, source_name: str, source_path: str) -> RawDocument:
    if not data.strip():
        raise IngestError("empty file" if not data else "file holds only white space")
    for magic, what in _BINARY_SIGNATURES:
        if data.startswith(magic):
            raise IngestError(f"binary file ({what}), not text")
    encoding, text = _decode(data)
    if not text.strip():
        raise IngestError("file holds no text after decoding")
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 100):
        raise IngestError("binary file (control characters in the text)")
    nul_at: tuple[int, ...] = ()
    if NUL in text:
        nul_at = tuple(m.start() for m in re.finditer(NUL, text))
        text = text.replace(NUL, NUL_REPLACEMENT)
    return RawDocument(
        source_name=names.display(source_name),
        source_path=names.stored_path(source_path),
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        encoding=encoding,
        format=detect_format(source_name, text),
        text=text,
        nul_at=nul_at,
    )


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", _strict(data[3:], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", _strict(data, "utf-16")
    if b"\x00" not in data:
        try:
            return "utf-8", data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    best = from_bytes(data, cp_isolation=_CANDIDATE_ENCODINGS).best()
    if best is None or best.encoding is None:
        if b"\x00" in data:
            raise IngestError("binary file (NUL bytes and no text encoding fits)")
        raise IngestError("undecodable: not UTF-8, UTF-16, GB18030/GBK or Big5")
    name = codecs.lookup(best.encoding).name
    # GB2312 and GBK are subsets of GB18030: decoding with the superset loses nothing.
    if name in {"gb2312", "gbk"}:
        name = "gb18030"
    return name, _strict(data, name)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(f"undecodable as {encoding} at byte {exc.start}") from exc


def detect_format(name: str, text: str) -> SourceFormat:
    suffix = Path(name).suffix.lower()
    if suffix in {".html", ".htm"}:
        return "html"
    if suffix in {".md", ".markdown"} or _FRONT_MATTER.match(text):
        return "markdown"
    head = text[:4000]
    return "html" if _mostly_markup(head) else "text"


def _mostly_markup(head: str) -> bool:
    """Whether ``head`` (the start of a file not named as HTML) is an HTML document or fragment."""
    if _HTML_DOCUMENT.search(head):
        return True
    tags = _HTML_TAGS.findall(head)
    if len(tags) < MIN_HTML_TAGS:
        return False
    lines = [ln for ln in head.split("\n") if ln.strip()]
    tagged = sum(1 for ln in lines if _HTML_TAGS.search(ln))
    return tagged >= MIN_TAGGED_LINES * len(lines)
