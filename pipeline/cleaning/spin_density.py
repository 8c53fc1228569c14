"""Near-non-word density: how much of an article the dictionary cannot read as frequent words.

Spinners leave places where no dictionary word takes in a character (眷注, 泉币, 黉舍); clean news
has few, and those are mostly names, places, Latin and digits. The density is the number of
*distinct* such windows per 1,000 Han characters, after windows that jieba's part-of-speech tagger
reads as a person, place, organisation or other proper name (or a number or Latin word) are set
aside. Distinct: a repeated name or term (皖垦茶业 five times) is one window. It is support, not
proof: the spin judgement uses it only when the article holds other evidence too, since a short
clean text full of unknown names or a dialect can reach it (see ``devset/cleaning/SPUN.md``).
The tagger runs only when that question arises, so ordinary articles never pay for it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from pipeline.cleaning.spin_pairs import _covered, _is_han

# A character this frequent as a word on its own is read as that word (的, 在, 张), not as odd.
SOLO = 1000
# Part-of-speech tags of proper names, numbers and Latin words (jieba's tag set): not spin.
NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz", "eng", "m"})
# Proper names only: people, places, organisations.
PROPER_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt"})


@lru_cache(maxsize=1)
def _tagger() -> Any:
    import jieba.posseg

    from pipeline.cleaning.spinning import _jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.POSTokenizer(_jieba())


def _odd(text: str, j: int, freq: Mapping[str, int]) -> bool:
    return _is_han(text[j]) and (freq.get(text[j]) or 0) < SOLO and not _covered(text, j, freq)


def odd_windows(text: str, freq: Mapping[str, int]) -> list[tuple[int, int]]:
    """Maximal runs of Han characters no frequent dictionary word takes in."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if _odd(text, i, freq):
            j = i
            while j < n and _odd(text, j, freq):
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def in_proper_name(text: str, a: int, b: int) -> bool:
    """Whether the tagger reads ``text[a:b]`` (with some context) as part of a proper name."""
    return _named(text, a, b, PROPER_TAGS)


def _named(text: str, a: int, b: int, tags: frozenset[str] = NAME_TAGS) -> bool:
    """Whether the tagger reads a window (with some context) as part of a name, number or Latin word."""
    lo, hi = max(0, a - 4), min(len(text), b + 4)
    pos = lo
    for w in _tagger().cut(text[lo:hi]):
        end = pos + len(w.word)
        if end > a and pos < b and w.flag in tags:
            return True
        pos = end
    return False


def near_non_word_density(text: str, freq: Mapping[str, int], han: int) -> tuple[float, list[str]]:
    """Distinct near-non-word windows per 1,000 Han characters, and the windows (for the report)."""
    seen: dict[str, None] = {}
    for a, b in odd_windows(text, freq):
        w = text[a:b]
        if w not in seen and not _named(text, a, b):
            seen[w] = None
    return 1000.0 * len(seen) / max(1, han), list(seen)
