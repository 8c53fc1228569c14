"""Read one file: bytes → (encoding, format, decoded text), or a one-line reason it cannot be read.

Encoding detection: a BOM decides outright; valid UTF-8 is taken as UTF-8 (it almost never
validates by accident on GBK or Big5 bytes); everything else goes to charset-normalizer, limited
to the encodings Chinese news actually comes in, because an unrestricted guess on short CJK text
often lands on an unrelated code page.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.document import RawDocument, SourceFormat

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
_HTML_TAGS = re.compile(r"<(?:html|body|div|p|br|span|article|section|table|h[1-6])\b", re.I)


class IngestError(Exception):
    """A file that cannot be imported; ``str(err)`` is a one-line reason for the user."""


def read_file(path: Path, *, max_bytes: int = MAX_BYTES_DEFAULT) -> RawDocument:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise IngestError(f"file too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from exc
    return read_bytes(data, source_name=path.name, source_path=str(path.resolve()))


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
    return RawDocument(
        source_name=source_name,
        source_path=source_path,
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        encoding=encoding,
        format=detect_format(source_name, text),
        text=text,
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
    if len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    return "text"
