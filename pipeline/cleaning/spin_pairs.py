"""Self-consistent substitutions: find a spinner's own table in the article it spun (tier p).

A spinner is a fixed table applied everywhere: where it writes 邦 for 国 it writes 我邦, 邦际, 本邦,
中邦 — each a place where jieba's dictionary has no word around the 邦 (a *near-non-word*), and
each turned back into a frequent dictionary word (我国, 国际, 本国, 中国) by the same swap. One such
repair proves nothing (a name, a rare word); the same swap repairing several *distinct* contexts of
one article is the spinner's signature, whatever its family. Nothing here is a list of spun forms:

- an **odd character** is a Han character that no dictionary word (2-4 characters, frequency >=
  ``COVER``) takes in at that place (so 联邦, 友邦 are not odd), that is no frequent stand-alone word
  (的, 了, 年), and that has single-character synonyms in 同义词词林 (``spin_char_synonyms.tsv``,
  built by scripts/build_spin_chars.py);
- its **candidates** x are those synonyms (国 for 邦); x *repairs* a place where the character and
  its left or right neighbour are no word (frequency <= ``RARE``) and x with that neighbour is a
  dictionary word of frequency >= ``MIN_WORD`` (我邦 → 我国);
- a swap y → x is **accepted** when it repairs at least ``MIN_CONTEXTS`` distinct words of the
  article, or two over ``MIN_PLACES_TWO_WORDS`` places, and outweighs the next synonym of y
  ``DOMINANCE`` times (places weighted by the repaired word's log frequency: 中国 over 中心).

An accepted swap is evidence that the article is spun (each distinct repaired word counts once) and
is restored, in a spun article, exactly where it repairs a word; elsewhere (联邦, an odd 邦 that
rebuilds nothing) the text is left as it is. Cost: a few dictionary look-ups per character.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from pipeline.resources import resource_path

# A word must be this frequent in jieba's dictionary to cover a character (rarer entries are often
# junk left by the dictionary's sources: 年夜 3), and a repaired word this frequent to count.
COVER = 30
MIN_WORD = 300
# The odd character and its neighbour must be no word: absent or this rare in jieba's dictionary.
RARE = 5
# A character this frequent as a word on its own is a function word, never odd (的, 了, 年, 大).
FUNCTION_WORD = 20000
# Accepted: at least MIN_CONTEXTS distinct repaired words, or two words over MIN_PLACES_TWO_WORDS
# places (中邦 ×8 and 我邦 ×2: 中国, 我国); and twice the weight of the next synonym.
MIN_CONTEXTS = 3
MIN_PLACES_TWO_WORDS = 4
DOMINANCE = 2
# A unit must sit in this many distinct neighbour contexts before its candidates are looked up.
MIN_PLACES = 2


@dataclass(frozen=True, slots=True)
class Repair:
    start: int
    end: int
    spun: str
    original: str
    word: str  # the dictionary word the swap rebuilds here


@dataclass(frozen=True, slots=True)
class Swap:
    spun: str
    original: str
    words: tuple[str, ...]  # distinct dictionary words it rebuilds in the article
    repairs: tuple[Repair, ...]


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


@lru_cache(maxsize=1)
def char_synonyms() -> dict[str, frozenset[str]]:
    """Single-character Cilin synonyms (``spin_char_synonyms.tsv``), both ways."""
    out: dict[str, set[str]] = {}
    path = resource_path("spin_char_synonyms.tsv")
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 2 and not line.startswith("#"):
                    out.setdefault(cols[0], set()).add(cols[1])
                    out.setdefault(cols[1], set()).add(cols[0])
    return {k: frozenset(v) for k, v in out.items()}


def _covered(text: str, i: int, freq: Mapping[str, int]) -> bool:
    """Whether a dictionary word (2-4 characters, frequency >= COVER) takes in ``text[i]``: there
    it reads as part of a word. Two-character words first: most characters are settled there."""
    n = len(text)
    for length in (2, 3, 4):
        for s in range(max(0, i - length + 1), min(i, n - length) + 1):
            if (freq.get(text[s : s + length]) or 0) >= COVER:
                return True
    return False


def repeated_candidates(text: str) -> frozenset[str]:
    """Characters with 词林 single-character synonyms that occur often enough to be accepted
    (a swap needs MIN_CONTEXTS places at least). Needs no dictionary: where there are none, jieba
    is not loaded at all, and elsewhere only these characters are looked at."""
    syn = char_synonyms()
    counts = Counter(c for c in text if c in syn)
    return frozenset(c for c, k in counts.items() if k >= MIN_CONTEXTS)


def _odd_units(text: str, freq: Mapping[str, int], chars: frozenset[str]) -> list[tuple[int, int]]:
    return [
        (i, i + 1)
        for i, c in enumerate(text)
        if c in chars and (freq.get(c) or 0) < FUNCTION_WORD and not _covered(text, i, freq)
    ]


def _neighbour_words(text: str, a: int, b: int, y: str, freq: Mapping[str, int]) -> tuple[str, str]:
    """The Han neighbours of the unit at ``[a, b)`` that form no word with it ('' where none)."""
    left = text[a - 1] if a > 0 and _is_han(text[a - 1]) and (freq.get(text[a - 1] + y) or 0) <= RARE else ""
    right = text[b] if b < len(text) and _is_han(text[b]) and (freq.get(y + text[b]) or 0) <= RARE else ""
    return left, right


def find_swaps(text: str, freq: Mapping[str, int], chars: frozenset[str] | None = None) -> list[Swap]:
    """The swaps this article's own text proves (see the module docstring); ``chars`` is
    :func:`repeated_candidates` of the text when the caller has it already."""
    syn = char_synonyms()
    chars = repeated_candidates(text) if chars is None else chars
    by_unit: dict[str, list[tuple[int, int, str, str]]] = {}
    for a, b in _odd_units(text, freq, chars):
        y = text[a:b]
        left, right = _neighbour_words(text, a, b, y, freq)
        if left or right:
            by_unit.setdefault(y, []).append((a, b, left, right))
    swaps: list[Swap] = []
    for y, places in by_unit.items():
        if len({(left, right) for _, _, left, right in places}) < MIN_PLACES:
            continue  # one context repeated (a name) proves nothing
        ranked: list[tuple[float, str, dict[str, list[Repair]]]] = []
        for x in syn.get(y, ()):
            words: dict[str, list[Repair]] = {}
            for a, b, left, right in places:
                for w in (left + x if left else "", x + right if right else ""):
                    if w and (freq.get(w) or 0) >= MIN_WORD:
                        words.setdefault(w, []).append(Repair(a, b, y, x, w))
                        break
            if words:
                weight = sum(math.log10(freq[w]) * len(reps) for w, reps in words.items())
                ranked.append((weight, x, words))
        if not ranked:
            continue
        ranked.sort(key=lambda r: (-r[0], r[1]))
        weight, x, words = ranked[0]
        distinct, fixed = _strength(words)
        strong = distinct >= MIN_CONTEXTS or (distinct >= 2 and fixed >= MIN_PLACES_TWO_WORDS)
        if not strong or (len(ranked) > 1 and weight < DOMINANCE * ranked[1][0]):
            continue
        repairs = sorted({(r.start, r.end): r for reps in words.values() for r in reps}.values(), key=lambda r: r.start)
        swaps.append(Swap(y, x, tuple(sorted(words)), tuple(repairs)))
    swaps.sort(key=lambda s: s.spun)
    return swaps


def _strength(words: dict[str, list[Repair]]) -> tuple[int, int]:
    """Distinct words a swap rebuilds, then the places it repairs."""
    return len(words), len({(r.start, r.end) for reps in words.values() for r in reps})
