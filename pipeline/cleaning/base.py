"""What every repair returns, and the character classes the repairs share."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from pipeline.charclass import HAN_CLASS as HAN  # the one class cleaning and extraction share
from pipeline.document import Repair
from pipeline.offsets import EDIT_ORDER, Edit, OffsetMap, apply_edits
from pipeline.scan import matches_at

CLOSERS = "”’」』）)》】"


@dataclass(slots=True)
class Found:
    """A span of the step's *input* that the step lifted out (a caption) or marked."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Step:
    """The result of one repair: new text, its map back to the input, and what changed.

    ``edits`` are in input coordinates. Side findings (metadata, captions, flags) travel with
    the step so each repair stays a pure function of its input text.
    """

    kind: str
    text: str
    offsets: OffsetMap  # new text → input text
    edits: list[Edit] = field(default_factory=list)
    description: str = ""
    undoable: bool = False
    metadata: dict[str, object] = field(default_factory=dict)
    captions: list[Found] = field(default_factory=list)
    marks: list[Found] = field(default_factory=list)  # spots left unchanged but worth a look
    flags: list[str] = field(default_factory=list)

    def repairs(self, source: str, max_examples: int = 5) -> list[Repair]:
        """What this step changed, per kind: count and a few (before, after) examples.

        ``source`` is the step's input text (edits are located in it).
        """
        out: dict[str, Repair] = {}
        for e in self.edits:
            rep = out.get(e.kind)
            if rep is None:
                rep = out[e.kind] = Repair(kind=e.kind, count=0, description=self.description)
            rep.count += 1
            if len(rep.examples) < max_examples:
                rep.examples.append((source[e.start : e.end], e.replacement))
        return list(out.values())


def run_edits(kind: str, text: str, edits: Iterable[Edit], description: str = "") -> Step:
    """Apply ``edits`` to ``text`` and wrap the outcome as a :class:`Step`."""
    ordered = sorted(edits, key=EDIT_ORDER)
    new_text, omap = apply_edits(text, ordered)
    return Step(kind=kind, text=new_text, offsets=omap, edits=ordered, description=description)


def without_overlaps(edits: Iterable[Edit]) -> list[Edit]:
    """Edits that do not overlap, by start; at equal starts the longer edit wins (a dropped run
    beats a per-character change inside it)."""
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, -e.end)):
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


def no_change(kind: str, text: str, description: str = "") -> Step:
    return Step(kind=kind, text=text, offsets=OffsetMap.identity(len(text)), description=description)


_HAN_RUN = re.compile(f"[{HAN}]+")


def han_count(text: str) -> int:
    # Summing runs makes one match object per run instead of one per character.
    return sum(len(m) for m in _HAN_RUN.findall(text))


_Trie = dict[str, "_Trie"]


def literal_alternation(keys: Iterable[str]) -> re.Pattern[str] | None:
    """A regex matching any of ``keys``, the longest one where several start at a position.

    Built as a trie, so at each text position the engine follows one branch per character
    instead of trying every key: a flat ``a|b|c…`` of a few hundred Chinese phrases is several
    times slower on text that shares their first characters.
    """
    trie: _Trie = {}
    any_key = False
    for key in keys:
        if not key:
            continue
        any_key = True
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not any_key:
        return None

    def build(node: _Trie) -> str:
        terminal = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if terminal:
            # Greedy optional: the longer key is tried first, the shorter one is the fallback.
            return f"(?:{body})?"
        return body

    return re.compile(build(trie))


class KeyFinder:
    """``literal_alternation(keys).finditer(text)``, with the regex tried only where a key can start.

    Even as a trie, a regex of a few hundred keys costs time at every position it is tried (the
    engine walks the alternatives of the first character), and most positions of a text start
    no key. A candidate start is a character that begins some key followed by one that is second
    in some key (just the first when a key is one character long); candidates are found by a
    character-class scan in C, and the regex runs only there, left to right and never inside the
    previous match, as ``finditer`` would.
    """

    __slots__ = ("rx", "starts")

    def __init__(self, rx: re.Pattern[str], keys: list[str]) -> None:
        self.rx = rx
        firsts = "".join(sorted({re.escape(k[0]) for k in keys if k}))
        if all(len(k) >= 2 for k in keys if k):
            seconds = "".join(sorted({re.escape(k[1]) for k in keys if k}))
            self.starts = re.compile(f"[{firsts}](?=[{seconds}])")
        else:
            self.starts = re.compile(f"[{firsts}]")

    def finditer(self, text: str) -> list[re.Match[str]]:
        return matches_at(self.rx, self.starts.finditer(text), text)


def key_finder(keys: Iterable[str]) -> KeyFinder | None:
    """A :class:`KeyFinder` for ``keys`` (None when there are none)."""
    keys = list(keys)
    rx = literal_alternation(keys)
    return KeyFinder(rx, keys) if rx is not None else None


_T = TypeVar("_T")


def runs_where(
    items: Sequence[_T], keep: Callable[[_T], bool], lo: int = 0, hi: int | None = None
) -> Iterator[tuple[int, int]]:
    """``[i, j)`` of each maximal run of items in ``[lo, hi)`` that ``keep`` accepts (lines of a
    page, characters of a text)."""
    hi = len(items) if hi is None else hi
    i = lo
    while i < hi:
        if not keep(items[i]):
            i += 1
            continue
        j = i
        while j < hi and keep(items[j]):
            j += 1
        yield i, j
        i = j
