"""Line helpers shared by the residue repairs: hinted line scans, edge zones, overlap removal."""

from __future__ import annotations

import re

from pipeline.offsets import Edit

LINE = re.compile(r"^[^\n]*$", re.M)


def hinted_lines(hint: re.Pattern[str], text: str) -> list[int]:
    """The start of every line holding a ``hint`` match, in order."""
    starts: list[int] = []
    pos = 0
    while (found := hint.search(text, pos)) is not None:
        starts.append(text.rfind("\n", 0, found.start()) + 1)
        pos = text.find("\n", found.start()) + 1
        if pos == 0:
            break
    return starts


def line_matches(rx: re.Pattern[str], hint: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern matching whole lines (``^…$``, multiline) whose every
    match holds a ``hint`` match: ``rx`` is tried only at the start of lines with a hint.

    A match can only start where ``^`` does, at a line start, so trying each hinted line once
    finds the same matches as the scan over every position.
    """
    return matches_at(rx, text, hinted_lines(hint, text))


def matches_at(rx: re.Pattern[str], text: str, line_starts: list[int]) -> list[re.Match[str]]:
    return [m for start in line_starts if (m := rx.match(text, start)) is not None]


EDGE_LINES = 6


NON_BLANK_LINE = re.compile(r"^[ \t]*\S", re.M)


def edge_zones(text: str) -> tuple[int, int]:
    """End of the first and start of the last ``EDGE_LINES`` non-empty lines."""
    starts = [m.start() for m in NON_BLANK_LINE.finditer(text)]
    if len(starts) <= 2 * EDGE_LINES:
        return len(text), 0
    return starts[EDGE_LINES], starts[-EDGE_LINES]


def dedupe(edits: list[Edit]) -> list[Edit]:
    edits.sort(key=lambda e: (e.start, -e.end))
    out: list[Edit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out

