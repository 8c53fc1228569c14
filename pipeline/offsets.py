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


class OffsetMap:
    """Maps spans of a derived text back to spans of its source (and the other way)."""

    __slots__ = ("_c0s", "_s0s", "derived_len", "segments", "source_len")

    def __init__(self, segments: Sequence[Segment], derived_len: int, source_len: int) -> None:
        self.segments: list[Segment] = _merge(segments)
        self.derived_len = derived_len
        self.source_len = source_len
        self._c0s = [seg.c0 for seg in self.segments]
        self._s0s = [seg.s0 for seg in self.segments]

    @classmethod
    def _merged(cls, segments: list[Segment], derived_len: int, source_len: int) -> OffsetMap:
        """Construct from segments already free of empty and mergeable neighbours."""
        self = cls.__new__(cls)
        self.segments = segments
        self.derived_len = derived_len
        self.source_len = source_len
        self._c0s = [seg.c0 for seg in segments]
        self._s0s = [seg.s0 for seg in segments]
        return self

    # -- construction -------------------------------------------------------------------
    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        segs = [Segment(0, length, 0, length)] if length else []
        return cls(segs, length, length)

    # -- queries --------------------------------------------------------------------------
    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source span that derived ``[start, end)`` came from."""
        if not 0 <= start <= end <= self.derived_len:
            raise ValueError(f"span [{start}, {end}) outside derived text of length {self.derived_len}")
        if not self.segments:
            return (0, 0)
        if start == end:
            pos = self._point_to_source(start)
            return (pos, pos)
        first = self._segment_at(start)
        last = self._segment_at(end - 1)
        s_start = first.s0 + (start - first.c0) if first.kind == POSITIONAL else first.s0
        s_end = last.s0 + (end - last.c0) if last.kind == POSITIONAL else last.s1
        return (s_start, max(s_start, s_end))

    def to_source_many(self, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """``[self.to_source(a, b) for a, b in spans]``, with the lookups hoisted out of the loop."""
        derived_len = self.derived_len
        segments = self.segments
        c0s = self._c0s
        out: list[tuple[int, int]] = []
        append = out.append
        for start, end in spans:
            if not 0 <= start <= end <= derived_len:
                raise ValueError(f"span [{start}, {end}) outside derived text of length {derived_len}")
            if not segments:
                append((0, 0))
                continue
            if start == end:
                pos = self._point_to_source(start)
                append((pos, pos))
                continue
            first = segments[max(0, bisect_right(c0s, start) - 1)]
            last = segments[max(0, bisect_right(c0s, end - 1) - 1)]
            s_start = first.s0 + (start - first.c0) if first.kind == POSITIONAL else first.s0
            s_end = last.s0 + (end - last.c0) if last.kind == POSITIONAL else last.s1
            append((s_start, max(s_start, s_end)))
        return out

    def to_derived(self, start: int, end: int) -> tuple[int, int]:
        """The smallest derived span whose characters come from source ``[start, end)``.

        Source text that was dropped maps to the empty span where it used to stand.
        """
        if not 0 <= start <= end <= self.source_len:
            raise ValueError(f"span [{start}, {end}) outside source text of length {self.source_len}")
        segments = self.segments
        i = max(0, bisect_right(self._s0s, start) - 1)
        if start < end and segments:
            # Fast path: the span lies inside one positional segment that nothing else overlaps.
            seg = segments[i]
            if (
                seg.kind == POSITIONAL
                and seg.s0 <= start
                and end <= seg.s1
                and (i == 0 or segments[i - 1].s1 <= start)
                and (i + 1 == len(segments) or segments[i + 1].s0 >= end)
            ):
                return (seg.c0 + start - seg.s0, seg.c0 + end - seg.s0)
        lo: int | None = None
        hi: int | None = None
        # Block segments may overlap positions, so step back while earlier ones still reach in.
        while i > 0 and self.segments[i - 1].s1 > start:
            i -= 1
        # Index loop, not a slice: a slice would copy the tail and make each query O(n).
        for k in range(i, len(segments)):
            seg = segments[k]
            if seg.s0 >= end and not (start == end and seg.s0 == start):
                break
            if seg.s1 <= start and not (seg.s0 == seg.s1 == start):
                continue
            if seg.kind == POSITIONAL:
                a = seg.c0 + max(0, start - seg.s0)
                b = seg.c0 + min(seg.s1, end) - seg.s0
            else:
                a, b = seg.c0, seg.c1
            lo = a if lo is None else min(lo, a)
            hi = b if hi is None else max(hi, b)
        if lo is None or hi is None:
            pos = self._point_to_derived(start)
            return (pos, pos)
        return (lo, max(lo, hi))

    def compose(self, later: OffsetMap) -> OffsetMap:
        """``self`` maps B→A, ``later`` maps C→B; the result maps C→A."""
        if later.source_len != self.derived_len:
            raise ValueError("maps do not chain: later.source_len != self.derived_len")
        # Most repairs leave most texts alone: composing with an identity is the other map.
        if later.is_identity():
            return self
        if self.is_identity():
            return later
        out: list[Segment] = []
        inner_segs = self.segments
        n_inner = len(inner_segs)
        c0s = self._c0s
        # The open positional run as plain ints (as in apply_edits): pieces that continue it are
        # merged here, so a Segment is built only for each segment of the merged result.
        run_c0 = run_s0 = run_len = 0
        j = 0  # cursor into self's segments; sources of ``later`` mostly advance monotonically
        for seg in later.segments:
            if seg.kind == BLOCK or seg.s0 == seg.s1:
                if run_len:
                    out.append(Segment(run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
                    run_len = 0
                a0, a1 = self.to_source(seg.s0, seg.s1)
                out.append(Segment(seg.c0, seg.c1, a0, a1, BLOCK))
                continue
            # Positional: split where self's segments split.
            b = seg.s0
            seg_s1 = seg.s1
            shift = seg.c0 - seg.s0  # derived = source + shift inside this segment
            while b < seg_s1:
                inner = inner_segs[j] if j < n_inner else None
                if inner is None or not inner.c0 <= b < inner.c1:
                    j += 1
                    inner = inner_segs[j] if j < n_inner else None
                    if inner is None or not inner.c0 <= b < inner.c1:
                        j = max(0, bisect_right(c0s, b) - 1)
                        inner = inner_segs[j]
                stop = inner.c1 if inner.c1 < seg_s1 else seg_s1
                c_from = b + shift
                if inner.kind == POSITIONAL:
                    a0 = inner.s0 + (b - inner.c0)
                    if run_len and run_c0 + run_len == c_from and run_s0 + run_len == a0:
                        run_len += stop - b
                    else:
                        if run_len:
                            out.append(Segment(run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
                        run_c0, run_s0, run_len = c_from, a0, stop - b
                else:
                    if run_len:
                        out.append(Segment(run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
                        run_len = 0
                    out.append(Segment(c_from, stop + shift, inner.s0, inner.s1, BLOCK))
                b = stop
        if run_len:
            out.append(Segment(run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
        # Pieces are never empty and continuing positional pieces are already joined.
        return OffsetMap._merged(out, later.derived_len, self.source_len)

    def is_identity(self) -> bool:
        segs = self.segments
        return self.derived_len == self.source_len and (
            not segs
            or (
                len(segs) == 1
                and segs[0].kind == POSITIONAL
                and segs[0].c0 == segs[0].s0 == 0
                and segs[0].c1 == segs[0].s1 == self.derived_len
            )
        )

    # -- persistence ----------------------------------------------------------------------
    def to_json(self) -> dict[str, object]:
        return {
            "derived_len": self.derived_len,
            "source_len": self.source_len,
            "segments": [[s.c0, s.c1, s.s0, s.s1, s.kind] for s in self.segments],
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
            and self.segments == other.segments
            and self.derived_len == other.derived_len
            and self.source_len == other.source_len
        )

    def __hash__(self) -> int:  # pragma: no cover - maps are not used as keys
        return hash((self.derived_len, self.source_len, len(self.segments)))

    def __repr__(self) -> str:
        return f"OffsetMap({len(self.segments)} segments, {self.derived_len}←{self.source_len})"

    # -- internals ------------------------------------------------------------------------
    def _segment_at(self, c: int) -> Segment:
        # Segments are non-empty and cover the derived text without gaps, so the last one
        # starting at or before c contains it.
        return self.segments[max(0, bisect_right(self._c0s, c) - 1)]

    def _point_to_source(self, c: int) -> int:
        if c >= self.derived_len:
            return self.source_len if not self.segments else self.segments[-1].s1
        seg = self._segment_at(c)
        return seg.s0 + (c - seg.c0) if seg.kind == POSITIONAL else seg.s0

    def _point_to_derived(self, s: int) -> int:
        i = bisect_right(self._s0s, s) - 1
        if i < 0:
            return 0
        seg = self.segments[i]
        if seg.kind == POSITIONAL and s < seg.s1:
            return seg.c0 + (s - seg.s0)
        return seg.c1


def _merge(segments: Iterable[Segment]) -> list[Segment]:
    """Drop empty segments and join adjacent positional ones that continue each other."""
    out: list[Segment] = []
    for seg in segments:
        if seg.c1 == seg.c0:
            continue
        if out:
            prev = out[-1]
            if (
                prev.kind == POSITIONAL
                and seg.kind == POSITIONAL
                and prev.c1 == seg.c0
                and prev.s1 == seg.s0
            ):
                out[-1] = Segment(prev.c0, seg.c1, prev.s0, seg.s1, POSITIONAL)
                continue
        out.append(seg)
    return out


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits (any order) to ``text``; return the new text and its map.

    Same-length replacements map character by character; others map as a block. Deletions
    leave no derived characters behind; insertions map to the empty source span where they stand.
    """
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    n_text = len(text)
    parts: list[str] = []
    segs: list[Segment] = []
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
                    segs.append(Segment(run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
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
                        segs.append(Segment(run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
                    run_c0, run_s0, run_len = out_len, start, m
            else:
                if run_len:
                    segs.append(Segment(run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
                    run_len = 0
                segs.append(Segment(out_len, out_len + m, start, end, BLOCK))
            out_len += m
        pos = end
    if pos < n_text:
        n = n_text - pos
        parts.append(text[pos:])
        if run_len and run_s0 + run_len == pos and run_c0 + run_len == out_len:
            run_len += n
        else:
            if run_len:
                segs.append(Segment(run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
            run_c0, run_s0, run_len = out_len, pos, n
        out_len += n
    if run_len:
        segs.append(Segment(run_c0, run_c0 + run_len, run_s0, run_s0 + run_len, POSITIONAL))
    return "".join(parts), OffsetMap._merged(segs, out_len, n_text)
