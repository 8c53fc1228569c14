"""The typed records that cross the pipeline's boundaries (ingest → cleaning → extraction → export)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pipeline.offsets import OffsetMap

Script = Literal["hans", "hant", "mixed"]
SourceFormat = Literal["text", "markdown", "html"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A file as read: decoded exactly, never modified afterwards."""

    source_name: str
    source_path: str
    sha256: str
    size_bytes: int
    encoding: str
    format: SourceFormat
    text: str
    # Where the decoded file had NUL characters, now U+FFFD in ``text`` (see pipeline.ingest.reader).
    nul_at: tuple[int, ...] = ()


@dataclass(slots=True)
class Repair:
    """One kind of repair applied to a text: what it was, how often, and a few examples."""

    kind: str
    count: int
    examples: list[tuple[str, str]] = field(default_factory=list)  # (before, after)
    description: str = ""


@dataclass(slots=True)
class Change:
    """One concrete change, located in both texts: raw ``[raw_start, raw_end)`` became
    cleaned ``[clean_start, clean_end)`` (an empty cleaned span means the raw text was removed)."""

    kind: str
    raw_start: int
    raw_end: int
    clean_start: int
    clean_end: int
    before: str
    after: str
    note: str = ""
    undoable: bool = False  # a reviewer may undo this one (e.g. a spin restoration)


@dataclass(slots=True)
class Caption:
    """A photo caption moved out of the body; extraction still reads it."""

    text: str
    raw_start: int
    raw_end: int


@dataclass(slots=True)
class CleanResult:
    """The cleaned body text plus everything needed to explain and undo the cleaning."""

    text: str
    offsets: OffsetMap  # cleaned text → raw original text
    script: Script
    repairs: list[Repair] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    metadata: dict[str, object] = field(default_factory=dict)  # title, published_at, source, ...
    flags: list[str] = field(default_factory=list)  # e.g. "spun", "pinyin_damaged"
    spin_score: float = 0.0
