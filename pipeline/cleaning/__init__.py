"""Cleaning: raw decoded text → cleaned Simplified body text with an offset map back to the raw.

Placeholder contract until the cleaning pipeline lands: the text is passed through unchanged.
"""

from __future__ import annotations

from pipeline.document import CleanResult, SourceFormat
from pipeline.offsets import OffsetMap


def clean(raw_text: str, fmt: SourceFormat, *, skip_changes: frozenset[tuple[str, int, int]] = frozenset()) -> CleanResult:
    return CleanResult(text=raw_text, offsets=OffsetMap.identity(len(raw_text)), script="hans")
