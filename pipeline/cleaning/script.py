"""Script detection and Traditional → Simplified conversion with OpenCC.

The converter is OpenCC's ``tw2s`` config, not plain ``t2s``: ``t2s`` leaves ``有著``/``著力``/``接著``
untouched while ``tw2s`` maps them to ``有着``/``着力``/``接着`` and keeps ``著名``/``著作``
(``tests/pipeline/cleaning/test_script.py`` checks that on a word list). Only Traditional or
mixed texts are converted, so a Simplified article never passes through the converter.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.cleaning.base import Step, key_finder, no_change, run_edits
from pipeline.document import Script
from pipeline.offsets import Edit

CONFIG = "tw2s"
# A text with this many Traditional-only characters is converted (mixed, unless nearly all
# script-specific characters are Traditional: then it is Traditional). An absolute count, not a
# share: removing captions or residue can raise a share but never a count, so a cleaned text is
# never judged more Traditional than its original (and cleaning it again changes nothing).
MIN_TRADITIONAL = 3
HANT_SHARE = 0.9


def _dictionary_dir() -> Path:
    import opencc

    return Path(opencc.__file__).resolve().parent / "dictionary"


def _keys(name: str) -> set[str]:
    keys: set[str] = set()
    with open(_dictionary_dir() / name, encoding="utf-8") as fh:
        for line in fh:
            key, _, values = line.rstrip("\n").partition("\t")
            if len(key) == 1 and values.split(" ")[0] != key:
                keys.add(key)
    return keys


# Characters outside the Basic Multilingual Plane; rare in news text.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _CharCounter:
    """Counts the characters of a text that belong to a fixed set of a few thousand.

    A regex class of BMP characters compiles to a bitmap and is scanned in C, several times
    faster than ``str.translate`` with a deletion table (a dict lookup per character). Astral
    members would turn the class into a slow list, so they are counted apart, and only in the
    rare text that has astral characters at all.
    """

    def __init__(self, chars: set[str]) -> None:
        bmp = sorted(c for c in chars if ord(c) <= 0xFFFF)
        self.bmp_rx = re.compile("[" + "".join(map(re.escape, bmp)) + "]") if bmp else None
        self.astral = frozenset(c for c in chars if ord(c) > 0xFFFF)

    def count(self, text: str) -> int:
        n = len(self.bmp_rx.findall(text)) if self.bmp_rx is not None else 0
        if self.astral and _ASTRAL.search(text) is not None:
            n += sum(1 for c in _ASTRAL.findall(text) if c in self.astral)
        return n


@lru_cache(maxsize=1)
def _script_counters() -> tuple[_CharCounter, _CharCounter]:
    """Counters of the characters only Traditional / only Simplified texts use."""
    trad = _keys("TSCharacters.txt")
    simp = _keys("STCharacters.txt")
    return _CharCounter(trad - simp), _CharCounter(simp - trad)


@lru_cache(maxsize=1)
def opencc_chars() -> frozenset[str]:
    """Every character OpenCC's character tables name, either side: Traditional and Simplified
    forms and their regional and old variants (體, 衞, 擧, 鬭). Such a character is a form of a
    script, never a look-alike a spinner made up."""
    out: set[str] = set()
    for path in _dictionary_dir().glob("*.txt"):
        if "Phrases" in path.name:
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                key, _, values = line.rstrip("\n").partition("\t")
                out.update(w for w in (key, *values.split(" ")) if len(w) == 1)
    return frozenset(out)


def traditional_only() -> re.Pattern[str] | None:
    """A character class of the (BMP) characters only Traditional texts use."""
    return _script_counters()[0].bmp_rx


def detect_script(text: str) -> Script:
    trad, simp = _script_counters()
    n_trad = trad.count(text)
    if n_trad < MIN_TRADITIONAL:
        return "hans"
    n_simp = simp.count(text)
    return "hant" if n_trad / (n_trad + n_simp) >= HANT_SHARE else "mixed"


_STAGES = (("TWVariantsRevPhrases.txt", "TWVariantsRev.txt"), ("TSPhrases.txt", "TSCharacters.txt"))


class _Stage:
    """One OpenCC dictionary group: phrases by forward maximal match, then single characters.

    A regex alternation of the phrases, longest first, finds at each leftmost position the
    longest phrase — OpenCC's own rule — and ``str.translate`` maps the characters in between,
    so the work runs in C rather than in a per-character Python loop.
    """

    def __init__(self, phrases_file: str, chars_file: str) -> None:
        self.phrases = _table(phrases_file)
        chars = _table(chars_file)
        self.table = _indexed(str.maketrans({k: v for k, v in chars.items() if len(k) == 1}))
        # A trie finds the same longest phrase at each position as a flat longest-first
        # alternation, in a fraction of the time.
        self.rx = key_finder(self.phrases)

    def __call__(self, text: str) -> str:
        if self.rx is None:
            return text.translate(self.table)
        parts: list[str] = []
        pos = 0
        for m in self.rx.finditer(text):
            parts.append(text[pos : m.start()].translate(self.table))
            parts.append(self.phrases[m.group()])
            pos = m.end()
        parts.append(text[pos:].translate(self.table))
        return "".join(parts)


def _indexed(table: dict[int, str]) -> list[int | str]:
    """``table`` as a list indexed by code point, for ``str.translate`` (twice as fast).

    With a dict, translate raises and swallows a KeyError for every character the table lacks,
    which is most of them; the list holds each unmapped code point itself and answers without
    one. Code points past its end raise IndexError and stay unchanged, as with the dict.
    """
    out: list[int | str] = list(range(max(table, default=-1) + 1))
    for code, value in table.items():
        out[code] = value
    return out


def _table(name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    with open(_dictionary_dir() / name, encoding="utf-8") as fh:
        for line in fh:
            key, _, values = line.rstrip("\n").partition("\t")
            if key and values:
                out[key] = values.split(" ")[0]
    return out


@lru_cache(maxsize=1)
def _stages() -> tuple[_Stage, ...]:
    return tuple(_Stage(p, c) for p, c in _STAGES)


def convert(text: str) -> str:
    """OpenCC ``tw2s`` conversion (same dictionaries and matching rule, faster engine)."""
    for stage in _stages():
        text = stage(text)
    return text


# OpenCC splits at these before matching; a line whose length changes is redone piece by piece.
_PIECE = re.compile(r"[^\s\-,.?!*　，。、；：？！…“”‘’『』「」—（）《》〈〉～．／［］【】]+")


def to_simplified(text: str, script: Script | None = None) -> Step:
    """Convert a Traditional or mixed text to Simplified; a Simplified text is returned as is."""
    script = script or detect_script(text)
    if script == "hans":
        return no_change("script", text)
    edits: list[Edit] = []
    converted = convert(text)
    # Conversion keeps line breaks, and nearly always lengths: then lines pair up one to one and
    # each changed line is one same-length edit (a character-by-character map).
    src_lines = text.split("\n")
    out_lines = converted.split("\n") if len(converted) == len(text) else []
    pos = 0
    for i, src in enumerate(src_lines):
        out = out_lines[i] if len(out_lines) == len(src_lines) else convert(src)
        if out != src:
            if len(out) == len(src):
                edits.append(Edit(pos, pos + len(src), out, "script", "Traditional → Simplified"))
            else:
                for m in _PIECE.finditer(src):
                    piece = convert(m.group())
                    if piece != m.group():
                        a = pos + m.start()
                        edits.append(Edit(a, a + len(m.group()), piece, "script", "Traditional → Simplified"))
        pos += len(src) + 1
    step = run_edits("script", text, edits, f"OpenCC {CONFIG}: Traditional → Simplified")
    step.metadata["script_converted_with"] = CONFIG
    return step
