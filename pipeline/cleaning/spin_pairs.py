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
from collections.abc import Callable, Mapping, Sequence
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
# Characters of context either side when a swap's window is segmented.
SEG_WINDOW = 6


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
    source: str = ""  # where the candidate came from, for the note (two-for-one swaps)


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
    # Counting every character is C-level; filtering the few distinct ones after is cheap.
    return frozenset(c for c, k in Counter(text).items() if k >= MIN_CONTEXTS and c in syn)


def _odd_units(text: str, freq: Mapping[str, int], chars: frozenset[str]) -> list[tuple[int, int]]:
    get = freq.get
    out: list[tuple[int, int]] = []
    for c in chars:
        if (get(c) or 0) >= FUNCTION_WORD:
            continue
        for i in _find_all(text, c):
            # The two two-character words around the character settle most places before the
            # full check (the same test, in the order _covered makes it).
            if (i and (get(text[i - 1 : i + 1]) or 0) >= COVER) or (get(text[i : i + 2]) or 0) >= COVER:
                continue
            if not _covered(text, i, freq):
                out.append((i, i + 1))
    out.sort()
    return out


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


# --- Two characters for one (年夜 for 大, 不雅 for 观): the classic SEO 伪原创 family ------------------
#
# Some spinners write a two-character sequence where the original had one character (大 → 年夜:
# 年夜学, 年夜型, 最年夜). The same self-consistency proves it: a repeated sequence that is no word
# sits where the dictionary has no word around it, in several distinct contexts, and one character in
# its place rebuilds a frequent dictionary word with a neighbour at each of them. Characters that make
# a word with almost anything (大, 小, 不) would repair many places of any text; they are kept out by
# what the places must be before the swap (near-non-words: neither character of the sequence covered
# by a dictionary word), by dominance on summed word frequency (大学 + 大型 + 最大 against 小学 + 小型 +
# 最小) and by the spinner's own signature: the original character is (almost) absent from the article,
# since the spinner replaced it everywhere.

# The repeated sequence must be this rare in jieba's dictionary (年夜 3: a junk entry).
SEQ_RARE = 5
# Places the sequence must occur at (odd, with a Han neighbour) before candidates are looked up.
SEQ_MIN_PLACES = 3
# The accepted character repairs at least this share of those places (a name or an abbreviation
# next to it can leave a place unrepaired: 鲁年夜 for 鲁大), and SEQ_DOMINANCE times the summed
# frequency of the next character's repairs. A candidate that no general source names (a dictionary
# word joining it to the sequence, 大年夜 and 不雅观, or a 词林 synonym of one of its characters) is
# found by free search and must repair a larger share.
SEQ_SHARE = 1 / 2
SEQ_FREE_SHARE = 3 / 4
SEQ_DOMINANCE = 3
# The original may still occur this often per place of the sequence (a word the table left alone).
SEQ_ABSENT = 1 / 3


_Index = tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]
_INDEX: dict[int, tuple[Mapping[str, int], _Index]] = {}


def _word_index(freq: Mapping[str, int]) -> _Index:
    """Two-character dictionary words of frequency >= MIN_WORD, by first and by last character:
    the characters x that rebuild a word with a neighbour (L + x, x + R). Built once per
    dictionary, lazily (~0.15 s), only when an article holds a candidate sequence."""
    held = _INDEX.get(id(freq))
    if held is not None and held[0] is freq:
        return held[1]
    by_first: dict[str, dict[str, int]] = {}
    by_last: dict[str, dict[str, int]] = {}
    for w, f in freq.items():
        if len(w) == 2 and f >= MIN_WORD and _is_han(w[0]) and _is_han(w[1]):
            by_first.setdefault(w[0], {})[w[1]] = f
            by_last.setdefault(w[1], {})[w[0]] = f
    _INDEX[id(freq)] = (freq, (by_first, by_last))
    return by_first, by_last


def repeated_sequences(text: str) -> frozenset[str]:
    """Two-Han-character sequences that occur at least SEQ_MIN_PLACES times. Needs no dictionary:
    a text without any (a short one) never loads jieba for the two-for-one swaps."""
    # Every adjacent pair counted at C level, then the few repeated ones checked for Han.
    counts = Counter(map(str.__add__, text, text[1:]))
    return frozenset(s for s, k in counts.items() if k >= SEQ_MIN_PLACES and _is_han(s[0]) and _is_han(s[1]))


def _seq_places(text: str, freq: Mapping[str, int], seqs: frozenset[str]) -> dict[str, list[int]]:
    """Starts of each repeated two-character sequence that is no word, where neither of its
    characters is covered by a dictionary word (a near-non-word), grouped by the sequence."""
    out: dict[str, list[int]] = {}
    for s in seqs:
        if (freq.get(s) or 0) > SEQ_RARE:
            continue
        starts = [i for i in _find_all(text, s) if not _covered(text, i, freq) and not _covered(text, i + 1, freq)]
        if len(starts) >= SEQ_MIN_PLACES:
            out[s] = starts
    return out


def _find_all(text: str, s: str) -> list[int]:
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def _spans(tokens: Sequence[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for tok in tokens:
        out.append((pos, pos + len(tok)))
        pos += len(tok)
    return out


def _span_at(spans: list[tuple[int, int]], k: int) -> tuple[int, int]:
    return next((sp for sp in spans if sp[0] <= k < sp[1]), (k, k + 1))


def _rebuilds(text: str, i: int, x: str, segment: Callable[[str], Sequence[str]]) -> bool:
    """Whether putting ``x`` for the sequence at ``i`` rebuilds a word jieba would read: x joins a
    token that also takes in the whole word its neighbour belonged to (年夜学生 → 大学生 keeps 学生;
    10亿的年产 → 10一年产 would break 年产, 亿的大蒜 → 一大蒜 does not join 大蒜). A neighbour's word
    that runs into another place of the sequence (学年 in 年夜学年夜学生) is the spinner's artefact."""
    seq = text[i : i + 2]
    lo, hi = max(0, i - SEG_WINDOW), min(len(text), i + 2 + SEG_WINDOW)
    window = text[lo:hi]
    j = i - lo
    before = _spans(segment(window))
    a, b = _span_at(_spans(segment(window[:j] + x + window[j + 2 :])), j)
    if b - a < 2:
        return False  # x stands alone: no word rebuilt
    others = [m for m in _find_all(window, seq) if m != j]
    for k, k_after, shift in ((j - 1, j - 1, 0), (j + 2, j + 1, 1)):
        if not (0 <= k < len(window) and a <= k_after < b):
            continue  # that neighbour is not part of x's new word
        ta, tb = _span_at(before, k)
        if tb - ta < 2 or any(m < tb and ta < m + 2 for m in others):
            continue
        if not (a <= ta - shift and tb - shift <= b):
            return False  # x takes the neighbour out of its own word
    return True


def find_split_swaps(
    text: str,
    freq: Mapping[str, int],
    segment: Callable[[str], Sequence[str]],
    seqs: frozenset[str] | None = None,
) -> list[Swap]:
    """Two-character sequences this article proves to stand for one character (see above);
    ``seqs`` is :func:`repeated_sequences` of the text when the caller has it already; ``segment``
    cuts a short window into dictionary words (jieba, no HMM): a repair counts only where the swap
    rebuilds a word it would read (:func:`_rebuilds`)."""
    places = _seq_places(text, freq, repeated_sequences(text) if seqs is None else seqs)
    if not places:
        return []
    by_first, by_last = _word_index(freq)
    swaps: list[Swap] = []
    for s, starts in places.items():
        per_x: dict[str, dict[int, str]] = {}
        usable = 0
        for i in starts:
            left = text[i - 1] if i > 0 and _is_han(text[i - 1]) else ""
            right = text[i + 2] if i + 2 < len(text) and _is_han(text[i + 2]) else ""
            if not (left or right):
                continue
            usable += 1
            # The word each character would rebuild here, the more frequent side where both do.
            options: dict[str, str] = {x: left + x for x in (by_first.get(left, {}) if left else ())}
            for x in by_last.get(right, {}) if right else ():
                if x not in options or freq[x + right] > freq[options[x]]:
                    options[x] = x + right
            for x, w in options.items():
                per_x.setdefault(x, {})[i] = w
        if usable < SEQ_MIN_PLACES:
            continue
        ranked = _ranked(per_x, freq)
        # The checks below only shrink a candidate's repairs, so a sequence none of whose candidates
        # could pass them (enough distinct words and places, the original absent) is settled
        # before any window is segmented: the same outcome, without jieba for most articles.
        if not any(
            n >= MIN_CONTEXTS and len(reps) >= SEQ_SHARE * usable and text.count(x) <= SEQ_ABSENT * len(starts)
            for n, _w, x, reps in ranked
        ):
            continue
        if ranked:
            # Segmenting is costly: only the leading candidates' repairs are checked, then ranked again.
            top = {x: {i: w for i, w in reps.items() if _rebuilds(text, i, x, segment)} for *_, x, reps in ranked[:3]}
            ranked = _ranked({x: r for x, r in top.items() if r}, freq) + ranked[3:]
            ranked.sort(key=lambda r: (-r[0], -r[1], r[2]))
        if not ranked:
            continue
        n_words, weight, x, reps = ranked[0]
        words = set(reps.values())
        source = _named_by(s, x, freq)
        if len(words) < MIN_CONTEXTS or len(reps) < (SEQ_SHARE if source else SEQ_FREE_SHARE) * usable:
            continue
        if len(ranked) > 1 and ranked[1][0] >= n_words and weight < SEQ_DOMINANCE * ranked[1][1]:
            continue  # another character repairs as many words about as well (大 or 小: 大学/小学)
        if text.count(x) > SEQ_ABSENT * len(starts):
            continue  # the original is used all over the article: the author did not swap it
        repairs = tuple(Repair(i, i + 2, s, x, w) for i, w in sorted(_everywhere(text, s, x, reps, freq).items()))
        swaps.append(Swap(s, x, tuple(sorted(words)), repairs, source or "自由搜索"))
    swaps.sort(key=lambda sw: sw.spun)
    return swaps


def _ranked(per_x: dict[str, dict[int, str]], freq: Mapping[str, int]) -> list[tuple[int, int, str, dict[int, str]]]:
    """Candidates ranked by distinct words repaired (one context repeated is one piece of evidence:
    鲁东年夜 four times does not make 东西 a rival), then by their summed frequency."""
    return sorted(
        ((len(set(reps.values())), sum(freq[w] for w in set(reps.values())), x, reps) for x, reps in per_x.items()),
        key=lambda r: (-r[0], -r[1], r[2]),
    )


def _everywhere(text: str, s: str, x: str, reps: dict[int, str], freq: Mapping[str, int]) -> dict[int, str]:
    """Where a proved two-for-one swap is restored: each place it repairs, and every other place of
    the sequence (the spinner replaced the character everywhere: 鲁年夜电视 is 鲁大电视, and in
    大学年夜学生 the 年 reads as part of 学年 only because the first 大 was spun too), except inside a
    dictionary word that holds the whole sequence (大年夜, 年夜饭), where it is no swap."""
    out = dict(reps)
    for i in _find_all(text, s):
        if i in out or _inside_word(text, i, 2, freq):
            continue
        out[i] = x
    return out


def _inside_word(text: str, i: int, n: int, freq: Mapping[str, int]) -> bool:
    """Whether a dictionary word (frequency >= COVER, up to 4 characters) holds ``text[i:i+n]`` and more."""
    for length in range(n + 1, 5):
        for a in range(max(0, i + n - length), min(i, len(text) - length) + 1):
            if (freq.get(text[a : a + length]) or 0) >= COVER:
                return True
    return False


def _named_by(s: str, x: str, freq: Mapping[str, int]) -> str:
    """The general source that names ``x`` as a candidate for ``s``, or '' (free search): a
    dictionary word joining them (大年夜: the spinners' tables were built from such words) or a 词林
    single-character synonym of one of the sequence's characters."""
    for w in (x + s, s + x):
        if (freq.get(w) or 0) >= SEQ_RARE:
            return f"词典词「{w}」"
    syn = char_synonyms()
    if any(x in syn.get(c, ()) for c in s):
        return "词林单字同义"
    return ""
