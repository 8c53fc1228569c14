"""Cleaning: raw decoded text → cleaned Simplified body text with an offset map back to the raw.

``clean`` is the only public entry point; the repairs live in the sibling modules and load
their tables (OpenCC, pypinyin, the spin dictionary) on first use, so importing is cheap.

Order of the repairs (``pipeline.py``): containers (front matter, HTML or markdown) → inline
residue and spam → character normalisation → pinyin → Traditional→Simplified → spaced-out
characters → doubled headings → navigation and page-info lines → hard line wraps (and spaces
around numbers in such text) → spin restoration → captions → final layout (one paragraph per
line). Each is a pure ``text → Step`` function with its own offset map and edits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.document import CleanResult, SourceFormat

__all__ = ["clean"]


def clean(
    raw_text: str, fmt: SourceFormat, *, skip_changes: frozenset[tuple[str, int, int]] = frozenset()
) -> CleanResult:
    """See :func:`pipeline.cleaning.pipeline.clean`."""
    from pipeline.cleaning.pipeline import clean as _clean

    return _clean(raw_text, fmt, skip_changes=skip_changes)
