"""Symbol noise: emoji, dingbats and box characters sprinkled into the prose of a repost.

Some content farms make a copied article look new to duplicate detection by gluing pictographs
or glyph runs onto clause ends all through the text ("主任✿✿◈★ღ、", "全国🤌,", "深度□□,").
Judged by structure, not by a list of glyphs: a run of symbol characters (Unicode category So —
emoji, dingbats, geometric shapes such as □ — with its modifiers, joiners and variation
selectors) that sits *inside* a sentence, glued to text before it and followed by text or
punctuation. Line-initial bullets (★ 重点, □记者) and symbols at a line's end are not inside a
sentence. Code points the symbol planes (U+1F000–U+1FAFF: mahjong and domino tiles, enclosed
ideographs, alchemical and geometric symbols, emoji) leave unassigned are glyph noise too: no text
can mean one, and farms mix them into the runs ("游戏🉛🇽🞄公司", where U+1F25B is unassigned); the
CJK ideographs of the supplementary planes (Ext. B–G, U+20000 on) are letters and never looked at.
A clean article may use one or two such symbols; only an article with at least
``MIN_RUNS`` of them is repaired, and then all of them go. Units and marks that are symbols in
Unicode but words in prose (℃, ©, ®, ™, °, №) are never noise.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.cleaning.base import HAN, Step, no_change, run_edits, runs_where
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
# Glued to text, or to a clause's comma with text after it ("几天前，🊼🕫盛传已久"): a run there is
# inside the sentence; at a line's start or a sentence's end it is not.
_BEFORE = re.compile(rf"[{HAN}0-9A-Za-z)）」』”’》〉\]】%％]")
_CLAUSE_MARK = re.compile("[，,、]")
_TEXT = re.compile(rf"[{HAN}0-9A-Za-z]")
_AFTER = re.compile(rf"[{HAN}，。、；：！？,.;:!?）)」』”’》】]")
# Where So symbols live (letterlike, arrows and technical, box drawing, shapes, dingbats, enclosed
# CJK, the emoji planes), with joiners and Georgian: only these spans are looked at closely.
_CANDIDATES = re.compile("[\u00a6\u00a9\u00ae\u00b0\u2100-\u2bff\u3200-\u33ff\u10a0-\u10ff"
                         "\u200d\ufe0e\ufe0f\u20e3\U0001f000-\U0001faff]+")


def _is_symbol(ch: str) -> bool:
    """A pictograph: category So, or a code point of the symbol planes this Unicode leaves
    unassigned (an alchemical sign newer than the interpreter's tables reads as unassigned too)."""
    cat = unicodedata.category(ch)
    return (cat == "So" and ch not in _KEEP) or (cat == "Cn" and 0x1F000 <= ord(ch) <= 0x1FAFF)


def _is_noise_char(ch: str) -> bool:
    if ch in _KEEP:
        return False
    cat = unicodedata.category(ch)
    return _is_symbol(ch) or (cat == "Sk" and ord(ch) >= 0x1F3FB) or ch in _JOINERS or bool(_DECOR.match(ch))


def _runs(text: str) -> list[tuple[int, int]]:
    """Maximal runs of noise characters that contain at least one symbol (So or unassigned)."""
    runs: list[tuple[int, int]] = []
    for m in _CANDIDATES.finditer(text):
        runs.extend((i, j) for i, j in runs_where(text, _is_noise_char, m.start(), m.end())
                    if any(_is_symbol(c) for c in text[i:j]))
    return runs


def _inside_sentence(text: str, start: int, end: int) -> bool:
    if start == 0 or end >= len(text):
        return False
    before, after = text[start - 1], text[end]
    if _CLAUSE_MARK.match(before):
        return bool(_TEXT.match(after))  # between a clause's comma and its first word
    return bool(_BEFORE.match(before)) and bool(_AFTER.match(after))


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
