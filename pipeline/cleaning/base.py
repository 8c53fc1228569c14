"""What every repair returns, and the character classes the repairs share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.offsets import Edit, OffsetMap, apply_edits

# Han ideographs incl. extension A and the supplementary planes (B..H), so non-BMP names survive.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Closing punctuation after which a Chinese sentence (and possibly a paragraph) may end.
TERMINAL = "。！？!?；;…"
CLOSERS = "”’」』）)》】"
# Full-width punctuation that sits inside Chinese sentences.
CJK_PUNCT = "，。、；：！？“”‘’（）《》〈〉【】「」『』…—·～"


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


def run_edits(kind: str, text: str, edits: Iterable[Edit], description: str = "") -> Step:
    """Apply ``edits`` to ``text`` and wrap the outcome as a :class:`Step`."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    new_text, omap = apply_edits(text, ordered)
    return Step(kind=kind, text=new_text, offsets=omap, edits=ordered, description=description)


def no_change(kind: str, text: str, description: str = "") -> Step:
    return Step(kind=kind, text=text, offsets=OffsetMap.identity(len(text)), description=description)


HAN_CHAR = re.compile(f"[{HAN}]")


def han_count(text: str) -> int:
    return len(HAN_CHAR.findall(text))
