"""Pinyin annotations after Han characters (``網(wǎng)``, ``會(hui) ``) — remove only real readings.

A parenthesised run of Latin letters is removed only when it spells a reading (tone-marked or
toneless) of the Han characters right before it, as pypinyin knows them. Real parentheses —
``(记者 陈雨燕)``, ``(www.thepaper.cn)``, ``(梧州)``, ``(2018-2019)``, ``(AI)`` — fail that check
and stay. Upstream damage (a lost bracket, ``發展?fàn)I造``) is marked for review, not guessed at.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from pipeline.cleaning.base import HAN, Found, Step, run_edits
from pipeline.offsets import Edit

_PY_LETTERS = "a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜńňǹḿ\u0300-\u0304\u030c"
# Han run, then a bracketed run of pinyin letters (optionally space-separated syllables).
_ANNOTATION = re.compile(
    rf"([{HAN}]{{1,8}})([(（])([{_PY_LETTERS}]{{1,40}}(?:[ '][{_PY_LETTERS}]{{1,12}}){{0,7}})([)）])( (?=[{HAN}]))?"
)
# What is left when an annotation lost its opening bracket: '?' or a replacement character,
# pinyin letters with at least one tone mark, and the closing bracket.
_DAMAGED = re.compile(rf"[?？\ufffd][{_PY_LETTERS}]{{1,12}}[)）]")
_TONED = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300-\u0304\u030c]")
_MAX_CHARS = 8
# The Han run an annotation may start with, ending right before a bracket (searched with
# ``endpos`` at the bracket, so ``\Z`` is the bracket's position).
_HAN_BEFORE = re.compile(rf"[{HAN}]{{1,8}}\Z")


def _annotations(text: str) -> list[re.Match[str]]:
    """``_ANNOTATION.finditer(text)``, without running the pattern at every Han character.

    Every match holds a bracket right after its Han run, so only the (few) brackets are visited:
    the leftmost possible start for a bracket is where the Han run before it begins (at most 8
    characters back, never before the previous match's end), and the rest of the pattern depends
    on the bracket alone.
    """
    out: list[re.Match[str]] = []
    pos = 0
    find = text.find
    while True:
        a = find("(", pos)
        b = find("（", pos)
        if a < 0:
            if b < 0:
                return out
            a = b
        elif 0 <= b < a:
            a = b
        run = _HAN_BEFORE.search(text, max(pos, a - _MAX_CHARS), a)
        if run is not None:
            m = _ANNOTATION.match(text, run.start())
            if m is not None:
                out.append(m)
                pos = m.end()
                continue
        pos = a + 1


def _fold(s: str) -> str:
    """Lower case, tone marks removed, ü as v: the toneless spelling."""
    s = unicodedata.normalize("NFD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("u\u0308", "v").replace("ü", "v")


@lru_cache(maxsize=65536)
def _readings(ch: str) -> frozenset[str]:
    """All readings of one character, tone-marked and toneless (pypinyin loads on first use)."""
    from pypinyin import Style, pinyin

    out: set[str] = set()
    for style in (Style.TONE, Style.NORMAL):
        for group in pinyin(ch, style=style, heteronym=True, errors="ignore"):
            for r in group:
                out.add(unicodedata.normalize("NFC", r.lower()))
                out.add(_fold(r))
    # pypinyin spells ü as "v" in NORMAL style; annotators also write "u:"/"u".
    out |= {r.replace("v", "u") for r in out if "v" in r}
    return frozenset(out)


@lru_cache(maxsize=65536)
def _spells(han: str, annotation: str) -> int:
    """How many trailing characters of ``han`` the annotation spells (0 if none)."""
    ann = unicodedata.normalize("NFC", annotation.lower().replace(" ", "").replace("'", ""))
    folded = _fold(ann)
    for k in range(1, min(len(han), _MAX_CHARS) + 1):
        chars = han[-k:]
        if _split_matches(chars, ann) or _split_matches(chars, folded):
            return k
    return 0


def spells_all(han: str, latin: str) -> bool:
    """Whether ``latin`` (a site's domain label, "gaozihui") spells every character of ``han``
    ("稿子汇") in order, one reading each (toneless)."""
    ann = _fold(latin.lower())
    return 0 < len(han) <= _MAX_CHARS and _split_matches(han, ann)


def _split_matches(chars: str, ann: str) -> bool:
    # Dynamic programme: can ann be cut into one reading per character, in order?
    reachable = {0}
    for ch in chars:
        readings = _readings(ch)
        if not readings:
            return False
        nxt: set[int] = set()
        for i in reachable:
            for r in readings:
                if ann.startswith(r, i):
                    nxt.add(i + len(r))
        if not nxt:
            return False
        reachable = nxt
    return len(ann) in reachable


def remove_pinyin(text: str) -> Step:
    """Drop bracketed pinyin that spells the preceding Han characters; mark damaged annotations."""
    edits: list[Edit] = []
    for m in _annotations(text):
        ann = m.group(3)
        # Single Latin words that are also readings (e.g. "(AN)") are rare; all-caps runs of
        # 2+ letters are acronyms in news, so they stay.
        if ann.isupper() and len(ann) > 1:
            continue
        if _spells(m.group(1), ann):
            edits.append(Edit(m.start(2), m.end(), "", "pinyin", f"({ann})"))
    step = run_edits("pinyin", text, edits, "pinyin annotations after Han characters removed")
    marks = [Found(m.start(), m.end(), m.group()) for m in _DAMAGED.finditer(text) if _TONED.search(m.group())]
    if marks and edits:
        # Edits are sorted and disjoint: a bisect finds the only ones a mark could touch.
        starts = [e.start for e in edits]

        def free(f: Found) -> bool:
            i = bisect_right(starts, f.start) - 1
            return all(f.end <= edits[j].start or f.start >= edits[j].end for j in (i, i + 1) if 0 <= j < len(edits))

        marks = [f for f in marks if free(f)]
    if marks:
        step.marks = marks
        step.flags.append("pinyin_damaged")
    if edits:
        step.flags.append("pinyin_removed")
    return step
