"""A matching view of the cleaned text that keeps every offset.

Extractors match on a *view*: the cleaned text with full-width ASCII folded to half-width and
Traditional characters folded to Simplified one character at a time (both length-preserving, so
offsets survive), and with spaces and tabs between CJK characters or digits dropped (PDF text
such as ``成 功 签 约 项 目 143 个``). The view remembers where spaces were removed, because a
removed space is still a hint that a word ended there, and maps every view span back to the
cleaned text.

``normalize_value`` applies the same folding to a short value (gold files, metadata) with the
full OpenCC phrase conversion, which may change length and so is only used where no offsets are kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline.charclass import is_han

_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
_ASCII_WORD = re.compile(r"[A-Za-z]")
_WHITESPACE = re.compile(r"\s+")


@cache
def _fold_table() -> dict[int, str]:
    """Full-width → half-width ASCII plus one-to-one Traditional → Simplified characters."""
    table: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    try:
        import opencc  # opencc-python-reimplemented ships its dictionaries as text

        base = Path(opencc.__file__).parent / "dictionary"
        for name in ("TSCharacters.txt",):
            path = base / name
            if not path.exists():
                continue
            for line in path.read_text("utf-8").splitlines():
                parts = line.split("\t")
                if len(parts) != 2:
                    continue
                src, dst = parts[0], parts[1].split(" ")[0]
                if len(src) == 1 and len(dst) == 1 and ord(src) not in table:
                    table[ord(src)] = dst
    except ImportError:  # pragma: no cover - opencc is a hard dependency; stay usable without it
        pass
    # Full-width punctuation the extractors treat as the same as its half-width form.
    return table


@cache
def _script_table() -> dict[int, str]:
    """Only the Traditional → Simplified part of the fold (values keep their punctuation)."""
    return {k: v for k, v in _fold_table().items() if k >= 0x2E80 and not 0xFF00 <= k <= 0xFFEF and k != 0x3000}


def fold_script(text: str) -> str:
    """Length-preserving Traditional → Simplified, leaving punctuation and width alone."""
    return text.translate(_script_table())


@cache
def _fold_scan() -> tuple[re.Pattern[str], dict[str, str]]:
    """A class of the foldable characters of the Basic Multilingual Plane, and their folds.

    ``str.translate`` with a dict looks every character up in Python (about 100 ns each), while
    only a few in a hundred need folding (full-width punctuation, the odd Traditional character):
    a regex scan finds those in C. Astral characters stay out of the class because ``re`` tests
    a class holding any of them member by member instead of by one table lookup.
    """
    table = _fold_table()
    bmp = "".join(re.escape(chr(k)) for k in sorted(table) if k <= 0xFFFF)
    return re.compile("[" + bmp + "]"), {chr(k): v for k, v in table.items()}


def _has_astral(text: str) -> bool:
    """Whether ``text`` holds a character outside the Basic Multilingual Plane: each takes two
    UTF-16 units (an encode is a copy in C; a regex class scan costs far more per character)."""
    return len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)


def fold(text: str) -> str:
    """Length-preserving fold: full-width ASCII → half-width, Traditional → Simplified characters."""
    if _has_astral(text):
        return text.translate(_fold_table())  # rare: astral Traditional characters may need folding
    scan, folds = _fold_scan()
    return scan.sub(lambda m: folds[m.group()], text)


def _is_joinable(ch: str) -> bool:
    """Characters between which a space is layout, not a word boundary: CJK and digits."""
    return ch.isdigit() or is_han(ch) or ch in "“”‘’《》（）()%.％"


@dataclass(slots=True)
class View:
    """The folded, space-compacted text and the way back to cleaned-text offsets."""

    text: str
    _starts: list[int] = field(default_factory=list)  # view offsets where a copied run starts
    _origs: list[int] = field(default_factory=list)  # cleaned offsets of those starts
    gaps: frozenset[int] = frozenset()  # view offsets right after a removed space
    source_len: int = 0

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Cleaned-text span of view ``[start, end)``."""
        starts = self._starts
        if not starts:
            return (start, end)
        # A view offset i in the run copied from starts[k] is origs[k] + (i - starts[k]).
        k = bisect_right(starts, start) - 1
        a = start if k < 0 else self._origs[k] + (start - starts[k])
        if end <= start:
            return (a, a)
        k = bisect_right(starts, end - 1) - 1
        return (a, end if k < 0 else self._origs[k] + (end - 1 - starts[k]) + 1)

    def is_identity(self) -> bool:
        """Whether every view offset is the same offset in the cleaned text (no space removed)."""
        return self._starts == [0] and self._origs == [0]


def make_view(text: str, folded: str | None = None) -> View:
    """The view of ``text``; ``folded`` is ``fold(text)`` when the caller has it already."""
    if folded is None:
        folded = fold(text)
    starts: list[int] = [0]
    origs: list[int] = [0]
    parts: list[str] = []
    gaps: set[int] = set()
    pos = 0
    out = 0
    for m in _SPACES.finditer(folded):
        a, b = m.start(), m.end()
        before = folded[a - 1] if a else ""
        after = folded[b] if b < len(folded) else ""
        if not (before and after and _is_joinable(before) and _is_joinable(after)):
            continue
        if _ASCII_WORD.match(before) and _ASCII_WORD.match(after):
            continue
        parts.append(folded[pos:a])
        out += a - pos
        pos = b
        starts.append(out)
        origs.append(b)
        gaps.add(out)
    parts.append(folded[pos:])
    return View("".join(parts), starts, origs, frozenset(gaps), len(text))


@cache
def _converter() -> object | None:
    try:
        import opencc

        return opencc.OpenCC("tw2s")
    except Exception:  # pragma: no cover - fall back to the character fold
        return None


def normalize_value(value: str) -> str:
    """Fold a short value for comparison: Simplified script, half-width, no spaces."""
    conv = _converter()
    text = value
    if conv is not None:
        text = conv.convert(text)  # type: ignore[attr-defined]
    text = fold(text)
    return _WHITESPACE.sub("", text)
