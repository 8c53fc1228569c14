"""Where short strings occur in one long text, found without a scan of the text per string.

Name extraction asks how often each candidate name occurs (to choose 王强 or 王强华) and where
each found name occurs again. ``str.count``/``str.find`` per string is a scan of the whole text
each time, and the number of distinct names grows with the text: quadratic in its size (a 20 MB
page took minutes, issue 10). Every such string starts with a character of a known set (a
surname), so one pass records where each two-character string starting with one of them occurs;
a string's occurrences are then found among its first two characters' positions only. The
answers are exactly ``str.count``'s and the ``str.find`` loop's (leftmost, non-overlapping).
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=8)
def _starts_re(starts: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(starts)) + "]")


class Occurrences:
    __slots__ = ("_index", "_starts", "text")

    def __init__(self, text: str, starts: frozenset[str]) -> None:
        self.text = text
        self._starts = starts
        self._index: dict[str, list[int]] | None = None  # built on first use

    def _positions(self, pair: str) -> list[int]:
        if self._index is None:
            index: dict[str, list[int]] = {}
            text = self.text
            if self._starts:
                for m in _starts_re(self._starts).finditer(text):
                    p = m.start()
                    index.setdefault(text[p : p + 2], []).append(p)
            self._index = index
        return self._index.get(pair, [])

    def find_all(self, s: str) -> list[int]:
        """Starts of the non-overlapping occurrences of ``s``, left to right (as a ``str.find`` loop)."""
        text = self.text
        size = len(s)
        if size < 2 or s[0] not in self._starts:
            out: list[int] = []
            i = text.find(s) if s else -1
            while i >= 0:
                out.append(i)
                i = text.find(s, i + size)
            return out
        found: list[int] = []
        end = 0
        for p in self._positions(s[:2]):
            if p >= end and text.startswith(s, p):
                found.append(p)
                end = p + size
        return found

    def count(self, s: str) -> int:
        """``text.count(s)`` (non-empty ``s``)."""
        if len(s) < 2 or s[0] not in self._starts:
            return self.text.count(s)
        return len(self.find_all(s))
