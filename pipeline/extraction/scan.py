"""``finditer`` for patterns ``re`` cannot skip ahead in, with the same matches, found faster.

``re`` skips in C to where a match may start only when every match starts with a literal or a
character class; a pattern that starts with an optional part, a lookbehind or an alternation of
classes is tried at every position of the text. When every match holds some character of a known
set (a currency, 月, a classifier) or starts with one, a scan for those characters finds the few
positions worth trying, and ``pattern.match`` there gives the leftmost, non-overlapping matches
``finditer`` would give. Both helpers assume a pattern never matches the empty string.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Finditer = Callable[[str], list[re.Match[str]]]


def starting_with(pattern: re.Pattern[str], firsts: str) -> Finditer:
    """``pattern.finditer`` for a pattern whose every match starts with one of ``firsts``."""
    find_firsts = re.compile("[" + "".join(re.escape(ch) for ch in sorted(set(firsts))) + "]").finditer
    match = pattern.match

    def finditer(text: str) -> list[re.Match[str]]:
        out: list[re.Match[str]] = []
        pos = 0  # where the next match may start (end of the last one)
        for f in find_firsts(text):
            i = f.start()
            if i < pos:
                continue
            m = match(text, i)
            if m is not None:
                out.append(m)
                pos = m.end()
        return out

    return finditer


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
