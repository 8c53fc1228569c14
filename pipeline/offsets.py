"""Offset maps: every character of a derived text points back to a span of its source text.

A map is a sorted list of segments covering the derived text without gaps. A *positional*
segment maps derived character ``c0 + k`` to source character ``s0 + k`` (copied text, or a
same-length substitution such as a Traditional→Simplified character swap). A *block* segment
maps every derived character in it to the whole source span (a phrase rewritten to a different
length, or text inserted where nothing stood, whose source span is empty). Maps compose, so a
chain of repairs yields one map from the cleaned text to the raw original.

All offsets are Unicode code points (Python ``str`` indices).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter

POSITIONAL = 0
BLOCK = 1


@dataclass(frozen=True, slots=True)
class Segment:
    """Derived ``[c0, c1)`` comes from source ``[s0, s1)``."""

    c0: int
    c1: int
    s0: int
    s1: int
    kind: int = POSITIONAL


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace source ``[start, end)`` with ``replacement``; ``kind`` names the repair."""

    start: int
    end: int
    replacement: str
    kind: str = ""
    note: str = ""


# Edits in text order: the sort key of apply_edits (attrgetter builds the key tuple in C).
EDIT_ORDER = attrgetter("start", "end")


# A segment inside a map: (c0, c1, s0, s1, kind). Maps keep plain tuples, which cost a fraction of
# a frozen dataclass to build; :class:`Segment` objects are made only when ``segments`` is read.
_Seg = tuple[int, int, int, int, int]


class OffsetMap:
    """Maps spans of a derived text back to spans of its source (and the other way)."""

    __slots__ = ("_c0s", "_s0s", "_segment_objs", "_segs", "derived_len", "source_len")

    def __init__(self, segments: Sequence[Segment], derived_len: int, source_len: int) -> None:
        self._init(_merge((seg.c0, seg.c1, seg.s0, seg.s1, seg.kind) for seg in segments), derived_len, source_len)

    def _init(self, segs: list[_Seg], derived_len: int, source_len: int) -> None:
        self._segs = segs
        self._segment_objs: list[Segment] | None = None
        self.derived_len = derived_len
        self.source_len = source_len
        self._c0s = [seg[0] for seg in segs]
        self._s0s = [seg[2] for seg in segs]

    @classmethod
    def _merged(cls, segs: list[_Seg], derived_len: int, source_len: int) -> OffsetMap:
        """Construct from segment tuples already free of empty and mergeable neighbours."""
        self = cls.__new__(cls)
        self._init(segs, derived_len, source_len)
        return self

    @property
    def segments(self) -> list[Segment]:
        """The segments, in derived order (built on first use; do not modify)."""
        if self._segment_objs is None:
            self._segment_objs = [Segment(*seg) for seg in self._segs]
        return self._segment_objs

    # -- construction -------------------------------------------------------------------
    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls._merged([(0, length, 0, length, POSITIONAL)] if length else [], length, length)

    # -- queries --------------------------------------------------------------------------
    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span that derived ``[start, end)`` came from."""
        if not 0 <= start <= end <= self.derived_len:
            raise ValueError(f"span [{start}, {end}) outside derived text of length {self.derived_len}")
        if not self._segs:
            return (0, 0)
        if start == end:
            pos = self._point_to_source(start)
            return (pos, pos)
        f_c0, _, f_s0, _, f_kind = self._segment_at(start)
        l_c0, _, l_s0, l_s1, l_kind = self._segment_at(end - 1)
        s_start = f_s0 + (start - f_c0) if f_kind == POSITIONAL else f_s0
        s_end = l_s0 + (end - l_c0) if l_kind == POSITIONAL else l_s1
        return (s_start, max(s_start, s_end))

    def to_source_many(self, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """``[self.to_source(a, b) for a, b in spans]``, with the lookups hoisted out of the loop."""
        derived_len = self.derived_len
        segs = self._segs
        c0s = self._c0s
        out: list[tuple[int, int]] = []
        append = out.append
        for start, end in spans:
            if not 0 <= start <= end <= derived_len:
                raise ValueError(f"span [{start}, {end}) outside derived text of length {derived_len}")
            if not segs:
                append((0, 0))
                continue
            if start == end:
                pos = self._point_to_source(start)
                append((pos, pos))
                continue
            i = bisect_right(c0s, start) - 1
            f_c0, _, f_s0, _, f_kind = segs[i if i > 0 else 0]
            i = bisect_right(c0s, end - 1) - 1
            l_c0, _, l_s0, l_s1, l_kind = segs[i if i > 0 else 0]
            s_start = f_s0 + (start - f_c0) if f_kind == POSITIONAL else f_s0
            s_end = l_s0 + (end - l_c0) if l_kind == POSITIONAL else l_s1
            append((s_start, s_end if s_end > s_start else s_start))
        return out

    def to_derived(self, start: int, end: int) -> tuple[int, int]:
        """The smallest derived span whose characters come from source ``[start, end)``.

        Source text that was dropped maps to the empty span where it used to stand.
        """
        if not 0 <= start <= end <= self.source_len:
            raise ValueError(f"span [{start}, {end}) outside source text of length {self.source_len}")
        segs = self._segs
        i = bisect_right(self._s0s, start) - 1
        if i < 0:
            i = 0
        if start < end and segs:
            # Fast path: the span lies inside one positional segment that nothing else overlaps.
            c0, _, s0, s1, kind = segs[i]
            if (
                kind == POSITIONAL
                and s0 <= start
                and end <= s1
                and (i == 0 or segs[i - 1][3] <= start)
                and (i + 1 == len(segs) or segs[i + 1][2] >= end)
            ):
                return (c0 + start - s0, c0 + end - s0)
        lo: int | None = None
        hi: int | None = None
        # Block segments may overlap positions, so step back while earlier ones still reach in.
        while i > 0 and segs[i - 1][3] > start:
            i -= 1
        # Index loop, not a slice: a slice would copy the tail and make each query O(n).
        for k in range(i, len(segs)):
            c0, c1, s0, s1, kind = segs[k]
            if s0 >= end and not (start == end and s0 == start):
                break
            if s1 <= start and not (s0 == s1 == start):
                continue
            if kind == POSITIONAL:
                a = c0 + max(0, start - s0)
                b = c0 + min(s1, end) - s0
            else:
                a, b = c0, c1
            lo = a if lo is None else min(lo, a)
            hi = b if hi is None else max(hi, b)
        if lo is None or hi is None:
            pos = self._point_to_derived(start)
            return (pos, pos)
        return (lo, max(lo, hi))

    def to_derived_many(self, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """``[self.to_derived(a, b) for a, b in spans]``, with the two common cases inlined.

        Both have no other segment overlapping the span's source: the span lies inside one
        positional segment (kept text), or between two segments (dropped text, which maps to the
        empty span where it stood).
        """
        segs = self._segs
        s0s = self._s0s
        n = len(segs)
        source_len = self.source_len
        out: list[tuple[int, int]] = []
        append = out.append
        for start, end in spans:
            if 0 <= start < end <= source_len:
                i = bisect_right(s0s, start) - 1  # so segs[i] starts at or before ``start``
                if i >= 0 and (i == 0 or segs[i - 1][3] <= start) and (i + 1 == n or segs[i + 1][2] >= end):
                    c0, c1, s0, s1, kind = segs[i]
                    if kind == POSITIONAL and end <= s1:
                        append((c0 + start - s0, c0 + end - s0))
                        continue
                    if s1 <= start and not s0 == s1 == start:
                        append((c1, c1))
                        continue
            append(self.to_derived(start, end))
        return out

    def compose(self, later: OffsetMap) -> OffsetMap:
        """``self`` maps B→A, ``later`` maps C→B; the result maps C→A."""
        if later.source_len != self.derived_len:
            raise ValueError("maps do not chain: later.source_len != self.derived_len")
        # Most repairs leave most texts alone: composing with an identity is the other map.
        if later.is_identity():
            return self
        if self.is_identity():
            return later
        out: list[_Seg] = []
        append = out.append
        inner_segs = self._segs
        n_inner = len(inner_segs)
        c0s = self._c0s
        # The open positional run as plain ints (as in apply_edits): pieces that continue it are
        # merged here, so the result needs no separate merge pass.
        run_c0 = run_s0 = run_len = 0
        j = 0  # cursor into self's segments; sources of ``later`` mostly advance monotonically
        i_c0, i_c1, i_s0, i_s1, i_kind = inner_segs[0] if inner_segs else (0, 0, 0, 0, POSITIONAL)
        for c0, c1, s0, s1, kind in later._segs:
            if kind == BLOCK or s0 == s1:
                if run_len:
                    append((run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
                    run_len = 0
                a0, a1 = self.to_source(s0, s1)
                append((c0, c1, a0, a1, BLOCK))
                continue
            # Positional: split where self's segments split.
            b = s0
            shift = c0 - s0  # derived = source + shift inside this segment
            while b < s1:
                if not i_c0 <= b < i_c1:
                    j += 1
                    if j < n_inner:
                        i_c0, i_c1, i_s0, i_s1, i_kind = inner_segs[j]
                    if not (j < n_inner and i_c0 <= b < i_c1):
                        j = bisect_right(c0s, b) - 1
                        if j < 0:
                            j = 0
                        i_c0, i_c1, i_s0, i_s1, i_kind = inner_segs[j]
                stop = i_c1 if i_c1 < s1 else s1
                c_from = b + shift
                if i_kind == POSITIONAL:
                    a0 = i_s0 + (b - i_c0)
                    if run_len and run_c0 + run_len == c_from and run_s0 + run_len == a0:
                        run_len += stop - b
                    else:
                        if run_len:
                            append((run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
                        run_c0, run_s0, run_len = c_from, a0, stop - b
                else:
                    if run_len:
                        append((run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
                        run_len = 0
                    append((c_from, stop + shift, i_s0, i_s1, BLOCK))
                b = stop
        if run_len:
            append((run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
        # Pieces are never empty and continuing positional pieces are already joined.
        return OffsetMap._merged(out, later.derived_len, self.source_len)

    def is_identity(self) -> bool:
        segs = self._segs
        n = self.derived_len
        return n == self.source_len and (not segs or (len(segs) == 1 and segs[0] == (0, n, 0, n, POSITIONAL)))

    # -- persistence ----------------------------------------------------------------------
    def to_json(self) -> dict[str, object]:
        return {
            "derived_len": self.derived_len,
            "source_len": self.source_len,
            "segments": [list(seg) for seg in self._segs],
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> OffsetMap:
        segs_raw = data["segments"]
        assert isinstance(segs_raw, list)
        segs = [Segment(int(a), int(b), int(c), int(d), int(k)) for a, b, c, d, k in segs_raw]
        derived_len = data["derived_len"]
        source_len = data["source_len"]
        assert isinstance(derived_len, int) and isinstance(source_len, int)
        return cls(segs, derived_len, source_len)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, OffsetMap)
            and self._segs == other._segs
            and self.derived_len == other.derived_len
            and self.source_len == other.source_len
        )

    def __hash__(self) -> int:  # pragma: no cover - maps are not used as keys
        return hash((self.derived_len, self.source_len, len(self._segs)))

    def __repr__(self) -> str:
        return f"OffsetMap({len(self._segs)} segments, {self.derived_len}←{self.source_len})"

    # -- internals ------------------------------------------------------------------------
    def _segment_at(self, c: int) -> _Seg:
        # Segments are non-empty and cover the derived text without gaps, so the last one
        # starting at or before c contains it.
        return self._segs[max(0, bisect_right(self._c0s, c) - 1)]

    def _point_to_source(self, c: int) -> int:
        if c >= self.derived_len:
            return self.source_len if not self._segs else self._segs[-1][3]
        c0, _, s0, _, kind = self._segment_at(c)
        return s0 + (c - c0) if kind == POSITIONAL else s0

    def _point_to_derived(self, s: int) -> int:
        i = bisect_right(self._s0s, s) - 1
        if i < 0:
            return 0
        c0, c1, s0, s1, kind = self._segs[i]
        if kind == POSITIONAL and s < s1:
            return c0 + (s - s0)
        return c1


def _merge(segments: Iterable[_Seg]) -> list[_Seg]:
    """Drop empty segments and join adjacent positional ones that continue each other."""
    out: list[_Seg] = []
    for seg in segments:
        c0, c1, s0, s1, kind = seg
        if c1 == c0:
            continue
        if out:
            p_c0, p_c1, p_s0, p_s1, p_kind = out[-1]
            if p_kind == POSITIONAL and kind == POSITIONAL and p_c1 == c0 and p_s1 == s0:
                out[-1] = (p_c0, c1, p_s0, s1, POSITIONAL)
                continue
        out.append(seg)
    return out


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits (any order) to ``text``; return the new text and its map.

    Same-length replacements map character by character; others map as a block. Deletions
    leave no derived characters behind; insertions map to the empty source span where they stand.
    """
    ordered = sorted(edits, key=EDIT_ORDER)
    n_text = len(text)
    parts: list[str] = []
    segs: list[_Seg] = []
    # The open positional run as plain ints: copied text and same-length replacements that
    # continue it are merged here, so no Segment is built only to be merged away later.
    run_c0 = run_s0 = run_len = 0
    pos = 0  # in source
    out_len = 0
    for e in ordered:
        start, end = e.start, e.end
        if start < pos:
            raise ValueError(f"overlapping edits at {start}")
        if end < start or end > n_text:
            raise ValueError(f"edit [{start}, {end}) outside text of length {n_text}")
        if start > pos:
            n = start - pos
            parts.append(text[pos:start])
            if run_len and run_s0 + run_len == pos and run_c0 + run_len == out_len:
                run_len += n
            else:
                if run_len:
                    segs.append((run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
                run_c0, run_s0, run_len = out_len, pos, n
            out_len += n
        r = e.replacement
        if r:
            m = len(r)
            parts.append(r)
            if m == end - start:
                if run_len and run_s0 + run_len == start and run_c0 + run_len == out_len:
                    run_len += m
                else:
                    if run_len:
                        segs.append((run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
                    run_c0, run_s0, run_len = out_len, start, m
            else:
                if run_len:
                    segs.append((run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
                    run_len = 0
                segs.append((out_len, out_len + m, start, end, BLOCK))
            out_len += m
        pos = end
    if pos < n_text:
        n = n_text - pos
        parts.append(text[pos:])
        if run_len and run_s0 + run_len == pos and run_c0 + run_len == out_len:
            run_len += n
        else:
            if run_len:
                segs.append((run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
            run_c0, run_s0, run_len = out_len, pos, n
        out_len += n
    if run_len:
        segs.append((run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
    return "".join(parts), OffsetMap._merged(segs, out_len, n_text)
