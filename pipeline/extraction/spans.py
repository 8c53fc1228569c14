"""Span containment in O(log n): is ``[a, b)`` inside one of many spans?

Extractors ask this for every mention (a place inside an organization's name, a repeated
organization name inside a longer one); a linear scan per question made long documents quadratic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class SpanIndex:
    __slots__ = ("_ends_max", "_spans", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(set(spans))
        self._starts = [s for s, _ in self._spans]
        self._ends_max: list[int] = []
        m = -1
        for _, e in self._spans:
            m = max(m, e)
            self._ends_max.append(m)

    def covers(self, a: int, b: int, strict: bool = False) -> bool:
        """Whether some span contains ``[a, b)`` (``strict``: a span other than ``[a, b)`` itself)."""
        if not strict:
            i = bisect_right(self._starts, a)
            return i > 0 and self._ends_max[i - 1] >= b
        # A span that starts before a and reaches b, or one that starts at a and ends after b.
        i = bisect_left(self._starts, a)
        if i > 0 and self._ends_max[i - 1] >= b:
            return True
        j = bisect_right(self._starts, a, i)
        return i < j and any(e > b for _, e in self._spans[i:j])


def strictly_inside_another(spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans that lie inside some other span of the same collection."""
    inside: set[tuple[int, int]] = set()
    max_end = -1
    for a, b in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if max_end >= b:
            inside.add((a, b))
        max_end = max(max_end, b)
    return inside
