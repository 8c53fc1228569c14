"""Symbol noise: emoji, dingbats and box characters sprinkled into the prose of a repost.

Some content farms make a copied article look new to duplicate detection by gluing pictographs
or glyph runs onto clause ends all through the text ("主任✿✿◈★ღ、", "全国🤌,", "深度□□,").
Judged by structure, not by a list of glyphs: a run of symbol characters (Unicode category So —
emoji, dingbats, geometric shapes such as □ — with its modifiers, joiners and variation
selectors) that sits *inside* a sentence, glued to text before it and followed by text or
punctuation. Line-initial bullets (★ 重点, □记者) and symbols at a line's end are not inside a
sentence. A clean article may use one or two such symbols; only an article with at least
``MIN_RUNS`` of them is repaired, and then all of them go. Units and marks that are symbols in
Unicode but words in prose (℃, ©, ®, ™, °, №) are never noise.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.cleaning.base import HAN, Step, no_change, run_edits
from pipeline.offsets import Edit

KIND = "symbol_noise"
# Fewer runs inside sentences than this and the article is left alone: a clean text may quote an
# emoji or mark a rating once or twice; a sprinkling template puts one into every paragraph.
MIN_RUNS = 4

# Modifiers that belong to an emoji (skin tones are Sk; ZWJ, variation selectors, the keycap mark)
# and decorative letters that glyph-run templates mix in (Georgian ღ).
_JOINERS = "\u200d\ufe0e\ufe0f\u20e3"
_DECOR = re.compile(r"[\u10a0-\u10ff]")
# Symbols (So) that prose uses as words or units.
_KEEP = frozenset("℃℉©®™°№℗℠")
_BEFORE = re.compile(rf"[{HAN}0-9A-Za-z)）」』”’》〉\]】%％]")
_AFTER = re.compile(rf"[{HAN}，。、；：！？,.;:!?）)」』”’》】]")
# Where So symbols live (letterlike, arrows and technical, box drawing, shapes, dingbats, enclosed
# CJK, the emoji planes), with joiners and Georgian: only these spans are looked at closely.
_CANDIDATES = re.compile("[\u00a6\u00a9\u00ae\u00b0\u2100-\u2bff\u3200-\u33ff\u10a0-\u10ff"
                         "\u200d\ufe0e\ufe0f\u20e3\U0001f000-\U0001faff]+")


def _is_noise_char(ch: str) -> bool:
    if ch in _KEEP:
        return False
    cat = unicodedata.category(ch)
    return cat == "So" or (cat == "Sk" and ord(ch) >= 0x1F3FB) or ch in _JOINERS or bool(_DECOR.match(ch))


def _runs(text: str) -> list[tuple[int, int]]:
    """Maximal runs of noise characters that contain at least one So symbol."""
    runs: list[tuple[int, int]] = []
    for m in _CANDIDATES.finditer(text):
        i, n = m.start(), m.end()
        while i < n:
            if not _is_noise_char(text[i]):
                i += 1
                continue
            j = i
            while j < n and _is_noise_char(text[j]):
                j += 1
            if any(unicodedata.category(c) == "So" and c not in _KEEP for c in text[i:j]):
                runs.append((i, j))
            i = j
    return runs


def _inside_sentence(text: str, start: int, end: int) -> bool:
    return (
        start > 0
        and end < len(text)
        and bool(_BEFORE.match(text[start - 1]))
        and bool(_AFTER.match(text[end]))
    )


def remove_symbol_noise(text: str) -> Step:
    """Drop symbol runs inside sentences, in an article that has at least ``MIN_RUNS`` of them."""
    if text.isascii():
        return no_change(KIND, text)
    inside = [(a, b) for a, b in _runs(text) if _inside_sentence(text, a, b)]
    if len(inside) < MIN_RUNS:
        return no_change(KIND, text)
    edits = [Edit(a, b, "", KIND, f"插入正文的符号“{text[a:b]}”") for a, b in inside]
    step = run_edits(KIND, text, edits, "emoji / glyph runs inserted inside sentences removed")
    step.flags.append("symbol_noise")
    return step
