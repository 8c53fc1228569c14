"""Cleaning: raw decoded text → cleaned Simplified body text with an offset map back to the raw.

``clean`` is the only public entry point; the repairs live in the sibling modules and load
their tables (OpenCC, pypinyin, the spin dictionary) on first use, so importing is cheap.

Order of the repairs (``pipeline.py``): containers (front matter, HTML or markdown) → inline
residue and spam → character normalisation → pinyin → Traditional→Simplified → spaced-out
characters → spaces inside words at wrap points → doubled headings → navigation and
page-info lines → page furniture by structure → hard line wraps (and spaces
around numbers in such text) → spin restoration → captions → final layout (one paragraph per
line). Each is a pure ``text → Step`` function with its own offset map and edits.

``CleanResult.metadata`` keys (all optional): ``title``, ``headlines`` (opening headline lines),
``published_at`` (YYYY-MM-DD, Beijing time), ``published_raw``/``date_raw``, ``source``,
``publisher``, ``author``, ``editor`` (with ``author_label``/``editor_label``: the label as written,
记者, 责任编辑), ``categories``, ``tags``, ``images`` (unwrapped URLs),
``click_count`` (int), ``published_location`` ("发布于"), ``html_title``, ``spin_score``,
``repeated_heading`` (a heading line the page printed twice — a title signal; the copy is
removed), ``spin_suspects`` and ``pinyin_damage`` (lists of ``{kind, text, raw_start, raw_end,
clean_start, clean_end}``: spun forms that are also real words, damaged pinyin),
``hard_wrapped``, ``script_converted_with``. Flags: ``spun``, ``spin_suspects``,
``pinyin_removed``, ``pinyin_damaged``, ``mixed_script``, ``spam_removed``,
``front_matter_broken``, ``html_parse_error``. Change kinds: ``front_matter``, ``html_entity``,
``residue``, ``spam``, ``pinyin``, ``pinyin_damaged`` (a mark, text unchanged), ``script``,
``spaced_chars``, ``pdf_wrap_space``, ``pdf_doubled``, ``navigation``, ``page_info``, ``boilerplate``
(undoable; its note says why the line is page furniture), ``pdf_line_join``, ``spin`` (undoable),
``image_name``; captions are listed in ``captions``, not as changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pipeline.document import CleanResult, SourceFormat

__all__ = ["clean"]


def clean(
    raw_text: str,
    fmt: SourceFormat,
    *,
    skip_changes: frozenset[tuple[str, int, int]] = frozenset(),
    boilerplate_lines: frozenset[str] | None = None,
    learned_spin: Mapping[str, str] | None = None,
    rejected_spin: frozenset[tuple[str, str]] = frozenset(),
) -> CleanResult:
    """See :func:`pipeline.cleaning.pipeline.clean`."""
    from pipeline.cleaning.pipeline import clean as _clean

    return _clean(raw_text, fmt, skip_changes=skip_changes, boilerplate_lines=boilerplate_lines,
                  learned_spin=learned_spin, rejected_spin=rejected_spin)
