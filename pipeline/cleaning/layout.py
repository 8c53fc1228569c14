"""Character-level and line-level whitespace: invisible characters in, one paragraph per line out."""

from __future__ import annotations

import re

from pipeline.cleaning.base import HAN, Step, run_edits, without_overlaps
from pipeline.offsets import Edit

# Zero-width characters and BOMs carry nothing a reader sees but break matching.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_CR = re.compile(r"\r\n?")


_SP = " \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v"
# Spaces after a Han character or punctuation, before closing punctuation; or after opening
# punctuation, before a Han character. Written to start with the space (the lookbehinds check the
# character before it), so the engine jumps from space to space instead of trying every position;
# same matches as ``(?<=X)[SP]+(?=Y)|…``.
_SPACE_BESIDE_PUNCT = re.compile(
    rf"[{_SP}](?:(?<=[{HAN}，。、；：！？“”‘’（）《》…—][{_SP}])[{_SP}]*(?=[，。、；：！？”’）》])"
    rf"|(?<=[，。、；：！？“‘（《][{_SP}])[{_SP}]*(?=[{HAN}“‘（《]))"
)


def normalize_characters(text: str) -> Step:
    """``\\r\\n``/``\\r`` → ``\\n``; odd spaces (no-break, ideographic, tab) → space; invisibles dropped."""
    edits: list[Edit] = []
    for m in _CR.finditer(text):
        edits.append(Edit(m.start(), m.end(), "\n", "whitespace", "line ending"))
    # Rare, and a few substring tests cost a tenth of the regex scan that finds none.
    if any(ch in text for ch in _INVISIBLE_CHARS):
        for m in _INVISIBLE.finditer(text):
            edits.append(Edit(m.start(), m.end(), "", "whitespace", "invisible character"))
    for m in _ODD_SPACE.finditer(text):
        edits.append(Edit(m.start(), m.end(), " ", "whitespace", "odd space"))
    # Spaces next to full-width punctuation are never meant; dropping them early lets the later
    # repairs (doubled headings, spaced characters) see the text as it will end up.
    spaced: list[Edit] = []
    for m in _SPACE_BESIDE_PUNCT.finditer(text):
        spaced.append(Edit(m.start(), m.end(), "", "whitespace", "space beside punctuation"))
    edits = without_overlaps(edits + spaced)
    return run_edits("normalize", text, edits, "line endings, odd spaces and invisible characters")


# Leading/trailing spaces of a line, and runs of blank lines (paragraph = one line in the result).
# Both start with a literal space so the engine scans for spaces (see _SPACE_BESIDE_PUNCT); same
# matches as ``^ +| +$`` and ``(?<=\S)  +(?=\S)``.
_EDGE_SPACE = re.compile(r" (?:(?<![^\n] ) *| *$)", re.M)
_BLANK_RUN = re.compile(r"\n(?: *\n)+")
_MULTI_SPACE = re.compile(r" (?<=\S ) +(?=\S)")


def finalize_layout(text: str) -> Step:
    """One paragraph per line: no blank lines, no edge spaces, no space before full-width punctuation."""
    edits: list[Edit] = []
    spans: list[tuple[int, int, str]] = []
    # Leading/trailing newlines of the whole text.
    lead = len(text) - len(text.lstrip("\n "))
    if lead:
        spans.append((0, lead, ""))
    trail = len(text) - len(text.rstrip("\n "))
    if trail and trail < len(text):
        spans.append((len(text) - trail, len(text), ""))
    for m in _EDGE_SPACE.finditer(text):
        spans.append((m.start(), m.end(), ""))
    # Again at the end: removing residue can leave a space before punctuation.
    for m in _SPACE_BESIDE_PUNCT.finditer(text):
        spans.append((m.start(), m.end(), ""))
    # Keep the first space/newline of a run and delete the rest: the kept character maps to
    # itself, so no block segment stretches over text that an earlier step deleted.
    for m in _MULTI_SPACE.finditer(text):
        spans.append((m.start() + 1, m.end(), ""))
    for m in _BLANK_RUN.finditer(text):
        spans.append((m.start() + 1, m.end(), ""))
    # Overlaps are possible (an edge space inside a blank run); keep the widest, earliest spans.
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    pos = 0
    for a, b, r in spans:
        if a < pos or b == a:
            if b > pos and a < pos and r == "":
                edits.append(Edit(pos, b, "", "whitespace", "layout"))
                pos = b
            continue
        edits.append(Edit(a, b, r, "whitespace", "layout"))
        pos = b
    return run_edits("layout", text, edits, "one paragraph per line, blank lines and edge spaces removed")
