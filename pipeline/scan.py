"""``finditer`` for patterns ``re`` cannot skip ahead in, with the same matches, found faster.

``re`` skips in C to where a match may start only when every match starts with a literal or a
character class; a pattern that starts with an optional part, a lookbehind or an alternation of
classes is tried at every position of the text. When every match holds some character of a known
set (a currency, 月, a classifier) or starts with one, a scan for those characters finds the few
positions worth trying, and ``pattern.match`` there gives the leftmost, non-overlapping matches
``finditer`` would give. All helpers assume a pattern never matches the empty string. Shared by
cleaning (the spin and OpenCC key finders) and extraction (dates, amounts, names, boundaries).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np

Finditer = Callable[[str], list[re.Match[str]]]


def first_chars(pattern: re.Pattern[str]) -> str | None:
    """A character class (regex source) every match of ``pattern`` starts with, or None.

    Read from the parsed pattern: the first item that consumes a character, past lookarounds and
    anchors, through groups, alternations and repeats (and past those that may match nothing).
    None when that is not a plain set: ``.``, a negated class, a back-reference, a pattern that
    may match the empty string, or ``re`` internals other than expected.
    """
    items = _first_items(pattern)
    return None if items is None else "[" + "".join(sorted(items)) + "]"


def first_char_set(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """``first_chars`` as a set of characters, when it holds no range or category."""
    items = _first_items(pattern)
    if items is None or any(not (len(it) == 1 or (len(it) == 2 and it[0] == "\\" and not it[1].isalnum()))
                            for it in items):  # fmt: skip
        return None
    return frozenset(it[-1] for it in items)


def _first_items(pattern: re.Pattern[str]) -> set[str] | None:
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = importlib.import_module("re._parser").parse(pattern.pattern, pattern.flags)
        found = _firsts(list(parsed))
    except Exception:  # internals of another Python version: no shortcut, same result
        return None
    return None if found is None or found[1] else found[0]


def _firsts(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """Class items (regex source) for the first character of a parsed sequence, and whether the
    sequence may match the empty string; None if unknown."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # zero width: the next item consumes the first character
        if name == "LITERAL":
            return out | {re.escape(chr(av))}, False
        if name == "IN":
            members = _class_items(av)
            return None if members is None else (out | members, False)
        nullable = False
        if name == "SUBPATTERN":
            parts = [av[3]]
        elif name == "BRANCH":
            parts = av[1]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            parts = [av[2]]
            nullable = av[0] == 0
        else:
            return None
        for part in parts:
            found = _firsts(list(part))
            if found is None:
                return None
            out |= found[0]
            nullable = nullable or found[1]
        if not nullable:
            return out, False
    return out, True


def _class_items(members: list[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in members:
        name = str(op)
        if name == "LITERAL":
            out.add(re.escape(chr(av)))
        elif name == "RANGE":
            out.add(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            out.add(_CATEGORIES[str(av)])
        else:
            return None  # a negated class or something rarer
    return out


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}


def starting_with(pattern: re.Pattern[str]) -> Finditer:
    """``pattern.finditer``, trying only positions that hold a character a match can start with."""
    firsts = first_chars(pattern)
    if firsts is None:
        return lambda text: list(pattern.finditer(text))
    find_firsts = re.compile(firsts).finditer
    return lambda text: matches_at(pattern, find_firsts(text), text)


def matches_at(pattern: re.Pattern[str], candidates: Iterator[re.Match[str]], text: str) -> list[re.Match[str]]:
    """The matches of ``pattern`` tried only at the starts of ``candidates`` (in text order),
    left to right and never inside the previous match: what ``finditer`` gives when every match
    starts at a candidate."""
    out: list[re.Match[str]] = []
    match = pattern.match
    end = 0  # where the next match may start (end of the last one)
    for cand in candidates:
        pos = cand.start()
        if pos < end:
            continue
        m = match(text, pos)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def word_starts(words: list[str]) -> str:
    """A regex for the first character of each of ``words``, where the whole word follows.

    Every alternative starts with a literal, so ``re`` skips in C to the positions worth trying.
    """
    rests: dict[str, list[str]] = {}
    for w in words:
        rests.setdefault(w[0], []).append(w[1:])
    alts = []
    for first, tails in sorted(rests.items()):
        if "" in tails:
            alts.append(re.escape(first))
        else:
            alts.append(re.escape(first) + "(?=" + "|".join(re.escape(t) for t in sorted(tails)) + ")")
    return "|".join(alts)


def after_any(before: str, anchors: str) -> str:
    """A regex for the anchors right after one of ``before`` or a decimal digit (a count needs a
    numeral before its classifier)."""
    return "[" + "".join(re.escape(ch) for ch in sorted(set(before))) + r"\d][" + "".join(sorted(set(anchors))) + "]"


def anchored(pattern: re.Pattern[str], anchors: str, prefix: str, candidates: str | None = None) -> Finditer:
    """``pattern.finditer`` that runs the pattern only near the word every match must hold.

    ``anchors`` are the first characters of that required word (a currency, a multiplier, a
    classifier); ``prefix`` every character (besides decimal digits) the optional parts before it
    may consist of. A match starting at ``p`` has its required word at some anchor ``c`` with
    ``[p, c)`` all prefix characters, so only those start positions are tried, in order, with
    the same leftmost, non-overlapping result as ``finditer`` (which tries every position).

    ``candidates``, a regex, narrows the anchors tried to the last character of each of its
    matches (人 only in 人民币); it must find every anchor at which some match can hold its word.
    """
    chars = frozenset(prefix)
    if any(ch in chars or ch.isdecimal() for ch in anchors):  # the runs would not be disjoint
        return lambda text: list(pattern.finditer(text))
    find_anchors = re.compile(candidates or "[" + "".join(sorted(set(anchors))) + "]").finditer
    match = pattern.match

    def finditer(text: str) -> list[re.Match[str]]:
        out: list[re.Match[str]] = []
        pos = 0  # where the next match may start (end of the last one)
        for a in find_anchors(text):
            c = a.end() - 1
            if c < pos:
                continue
            p = c
            while p > pos and (text[p - 1] in chars or text[p - 1].isdecimal()):
                p -= 1
            while p <= c:
                m = match(text, p)
                if m is not None:
                    out.append(m)
                    pos = m.end()
                    break
                p += 1
        return out

    return finditer


class GramStarts:
    """Where a text holds one of a set of ``n``-character keys, every position (overlaps too).

    ``[i for i in range(len(text) - n + 1) if text[i : i + n] in keys]`` spends a slice and a
    dict lookup per character in Python; here each ``n``-gram of the text is packed into one
    integer (21 bits a code point) and looked up among the sorted packed keys with numpy, in C.
    """

    __slots__ = ("keys", "n")

    def __init__(self, keys: Iterable[str], n: int) -> None:
        if not 1 <= n <= 3:
            raise ValueError("n-grams of 1 to 3 characters fit in 64 bits")
        self.n = n
        packed = [self._pack_one(k) for k in keys if len(k) == n]
        self.keys = np.unique(np.array(packed, dtype=np.uint64))

    @staticmethod
    def _pack_one(key: str) -> int:
        code = 0
        for ch in key:
            code = (code << 21) | ord(ch)
        return code

    def starts(self, text: str) -> list[int]:
        n = self.n
        if len(text) < n or not len(self.keys):
            return []
        # surrogatepass: a lone surrogate is a code point like any other, as it is for str slicing.
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
        count = len(points) - n + 1
        codes = points[:count].copy()
        for j in range(1, n):
            codes = (codes << np.uint64(21)) | points[j : j + count]
        at = np.searchsorted(self.keys, codes)
        at[at == len(self.keys)] = 0
        return np.flatnonzero(self.keys[at] == codes).tolist()
