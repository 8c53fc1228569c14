"""Whether a regex can match only text that also holds a hint: a static check on the parsed regex.

Several repairs run an expensive pattern only where a cheap hint occurs (a word, a colon, a
separator). That is sound only if every string the pattern matches contains a hint match.
:func:`hint_covers` proves it from the pattern's syntax tree (``re._parser``, CPython's own
parser): a node is *covered* when every string it matches holds a hint match — a literal run
the hint finds, a branch whose every alternative is covered, a repeat of at least one covered
item, or a sequence with a covered part. It answers False when it cannot prove it (a class
like ``\\d`` or ``[^…]``, an optional part), so a test built on it fails for a pattern that can
match without its hint, never passes one that can.
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as P
from itertools import product

MAX_EXACT = 512  # largest set of exact strings followed before giving up on a node
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _repeat(av: object) -> tuple[int, int, list[tuple[object, object]]]:
    assert isinstance(av, tuple)
    return int(av[0]), int(av[1]), list(av[2])


def _exact(items: list[tuple[object, object]]) -> set[str] | None:
    """Every string the sequence ``items`` can match, when that set is small; else None."""
    out = {""}
    for op, av in items:
        e = _exact_node(op, av)
        if e is None or len(out) * len(e) > MAX_EXACT:
            return None
        out = {a + b for a, b in product(out, e)}
    return out


def _exact_node(op: object, av: object) -> set[str] | None:
    if op is C.LITERAL:
        assert isinstance(av, int)
        return {chr(av)}
    if op is C.IN:
        assert isinstance(av, list)
        chars: set[str] = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                chars.add(chr(iav))
            elif iop is C.RANGE and iav[1] - iav[0] < 64:
                chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
            else:
                return None  # NEGATE, CATEGORY, a wide range
        return chars
    if op is C.AT:
        return {""}
    if op is C.SUBPATTERN:
        return _exact(list(av[-1]))  # type: ignore[index]
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:  # type: ignore[index]
            e = _exact(list(alt))
            if e is None or len(out) + len(e) > MAX_EXACT:
                return None
            out |= e
        return out
    if op in _REPEATS:
        lo, hi, sub = _repeat(av)
        e = _exact(sub)
        if e is None or hi > 4:
            return None
        out = set()
        for k in range(lo, hi + 1):
            part = {""}
            for _ in range(k):
                if len(part) * len(e) > MAX_EXACT:
                    return None
                part = {a + b for a, b in product(part, e)}
            out |= part
        return out
    return None


def _covered(items: list[tuple[object, object]], hint: re.Pattern[str]) -> bool:
    # A run of consecutive parts with a small exact set, every string of which the hint finds.
    n = len(items)
    for i in range(n):
        for j in range(i + 1, n + 1):
            e = _exact(items[i:j])
            if e is None:
                break
            if e and all(hint.search(s) for s in e):
                return True
    return any(_covered_node(op, av, hint) for op, av in items)


def _covered_node(op: object, av: object, hint: re.Pattern[str]) -> bool:
    if op is C.SUBPATTERN:
        return _covered(list(av[-1]), hint)  # type: ignore[index]
    if op is C.BRANCH:
        return all(_covered(list(alt), hint) for alt in av[1])  # type: ignore[index]
    if op in _REPEATS:
        lo, _hi, sub = _repeat(av)
        return lo >= 1 and _covered(sub, hint)
    if op is C.IN:
        chars = _class_chars(av)
        return bool(chars) and all(hint.search(c) for c in chars)  # type: ignore[union-attr]
    e = _exact_node(op, av)
    return bool(e) and all(hint.search(s) for s in e)  # type: ignore[union-attr]


MAX_CLASS = 20_000  # widest character class enumerated (the emoji blocks are a few thousand)


def _class_chars(av: object) -> set[str] | None:
    """Every character of a class (one without negation or categories), ranges of any width up
    to ``MAX_CLASS`` in all: an emoji class is covered when the hint finds each of its emoji."""
    assert isinstance(av, list)
    chars: set[str] = set()
    for iop, iav in av:
        if iop is C.LITERAL:
            chars.add(chr(iav))
        elif iop is C.RANGE and len(chars) + iav[1] - iav[0] < MAX_CLASS:
            chars.update(chr(c) for c in range(iav[0], iav[1] + 1))
        else:
            return None
    return chars


def hint_covers(rx: re.Pattern[str] | str, hint: re.Pattern[str]) -> bool:
    """True if every match of ``rx`` provably contains a match of ``hint``."""
    pattern = rx.pattern if isinstance(rx, re.Pattern) else rx
    flags = rx.flags if isinstance(rx, re.Pattern) else 0
    return _covered(list(P.parse(pattern, flags)), hint)
