"""Look-alike characters: a character no word uses, written for a homophone that makes a word.

Keyword farms dodge duplicate detection by writing a rare character that sounds like the real one
(and usually adds a radical to it): 桌媔 for 桌面, 一佽 for 一次, 最噺 for 最新. The knowledge is
general, not a list of such characters:

- the spun character is outside GB 2312 (the national standard's 6,763 common characters) and
  its candidates inside it: a farm swaps a common character for a rare one;
- the spun character is used by **no** dictionary word of two or more characters (jieba's
  dictionary, a general word list: 媔, 佽, 噺 take part in none), and OpenCC's character tables
  do not name it: a Traditional form or an old or regional variant (體, 衞, 擧) is a script's
  character, for the script step and the variant tier;
- a candidate shares one of its readings (pypinyin, toneless: 媔 mian → 面) and, put in its place,
  makes a frequent dictionary word with the neighbours (桌面, 一次, 最新) where the text with the
  spun character is no word;
- one candidate dominates: its word is at least ``DOMINANCE`` times as frequent as the best word of
  any other homophone (one word per character, so 一次 is not in doubt against 一此);
- names are left alone: a character right after a surname (陈玥, 王喆) or read as part of a name,
  place or organisation by jieba's tagger is a name's character, whatever it sounds like.

Each distinct word it repairs counts as evidence of spin (:mod:`pipeline.cleaning.spinning`,
tier g); nothing is changed in an article not judged spun.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from pipeline.cleaning.script import opencc_chars
from pipeline.resources import resource_path

# The word a candidate rebuilds must be at least this frequent in jieba's dictionary: a common
# word (桌面 377, 最新 2,862, 一次 19,249), not a rare compound a coincidence of sounds could produce.
MIN_WORD = 300
# The winning candidate's word against the best word of any other homophone.
DOMINANCE = 5
# Neighbours taken with the candidate: words of two or three characters around it.
_SPANS = ((1, 0), (0, 1), (2, 0), (0, 2), (1, 1))


@dataclass(frozen=True, slots=True)
class LookAlike:
    start: int
    spun: str  # the look-alike character
    original: str  # the homophone it stands for
    word: str  # the dictionary word the original makes with its neighbours
    reading: str


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x323AF


@lru_cache(maxsize=1)
def _gb2312() -> frozenset[str]:
    """The Han characters of GB 2312 (rows 16-87 of the 94 x 94 table), from Python's codec."""
    out: set[str] = set()
    for row in range(0xB0, 0xF8):
        for col in range(0xA1, 0xFF):
            try:
                out.add(bytes((row, col)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(out)


# The characters of a dictionary's words, per dictionary (by identity; built once, ~0.5 s).
_USED: dict[int, tuple[Mapping[str, int], frozenset[str]]] = {}


def _used_chars(freq: Mapping[str, int]) -> frozenset[str]:
    """Characters some dictionary word of two or more characters uses."""
    held = _USED.get(id(freq))
    if held is None or held[0] is not freq:
        held = (freq, frozenset(c for w, f in freq.items() if f and len(w) > 1 for c in w))
        _USED[id(freq)] = held
    return held[1]


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """Single-character surnames and the last character of compound ones (欧阳 → 阳): the
    character a given name follows. ``surnames.txt`` holds several a line, space-separated."""
    out: set[str] = set()
    with open(resource_path("surnames.txt"), encoding="utf-8") as fh:
        for line in fh:
            if not line.lstrip().startswith("#"):
                out.update(w[-1] for w in line.split())
    return frozenset(out)


def _toneless(reading: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))


def _pinyin_table() -> Mapping[int, str]:
    from pypinyin.pinyin_dict import pinyin_dict  # a project dependency; its table loads on first use

    return pinyin_dict


@lru_cache(maxsize=1)
def _homophones() -> dict[str, tuple[str, ...]]:
    """Toneless reading → the common (GB 2312) characters with that reading."""
    out: dict[str, list[str]] = {}
    common = _gb2312()
    for cp, readings in _pinyin_table().items():
        ch = chr(cp)
        if ch in common:
            for r in {_toneless(x) for x in readings.split(",")}:
                out.setdefault(r, []).append(ch)
    return {r: tuple(cs) for r, cs in out.items()}


def _readings(ch: str) -> tuple[str, ...]:
    raw = _pinyin_table().get(ord(ch))
    return tuple(sorted({_toneless(x) for x in raw.split(",")})) if raw else ()


def _best_word(text: str, i: int, ch: str, freq: Mapping[str, int]) -> tuple[int, str]:
    """The most frequent dictionary word ``ch`` makes at ``i`` with its neighbours, where the text
    itself has no word there."""
    best = (0, "")
    for left, right in _SPANS:
        a, b = i - left, i + 1 + right
        if a < 0 or b > len(text):
            continue
        if freq.get(text[a:b]):
            continue  # the text already reads a word here
        word = text[a:i] + ch + text[i + 1 : b]
        f = freq.get(word) or 0
        if f > best[0]:
            best = (f, word)
    return best


def rare_positions(text: str) -> list[int]:
    """Where ``text`` has a Han character outside GB 2312 (most articles: nowhere)."""
    return [m.start() for m in _rare_pattern().finditer(text)]


_HAN_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0x20000, 0x323AF))  # the ranges _is_cjk accepts


@lru_cache(maxsize=1)
def _rare_pattern() -> re.Pattern[str]:
    """One character class of the Han characters outside GB 2312: the regex engine tests a
    character against it in C (a Python test per character was ~2 ms an article)."""
    common = {ord(c) for c in _gb2312()}
    ranges: list[str] = []
    for lo, hi in _HAN_BLOCKS:
        start = None
        for o in range(lo, hi + 2):
            inside = o <= hi and o not in common
            if inside and start is None:
                start = o
            elif not inside and start is not None:
                ranges.append(f"{chr(start)}-{chr(o - 1)}" if o - 1 > start else chr(start))
                start = None
    return re.compile("[" + "".join(ranges) + "]")


def reads_as_word(text: str, i: int, cand: str, word: str) -> bool:
    """Whether, with ``cand`` at ``i``, the text around reads ``word`` as one of its words (jieba's
    segmentation of a window): 桌面iTunes → 桌面|iTunes, but 张明地表示 → 张明|地|表示."""
    from pipeline.cleaning.spinning import tokenize as segment  # the process's one jieba tokenizer

    lo, hi = max(0, i - 4), min(len(text), i + 5)
    window = text[lo:i] + cand + text[i + 1 : hi]
    pos = lo
    for tok in segment(window):
        if tok == word and pos <= i < pos + len(tok):
            return True
        pos += len(tok)
    return False


def find_lookalikes(
    text: str, freq: Mapping[str, int], named: Callable[[str, int, int], bool]
) -> list[LookAlike]:
    """Every look-alike character of ``text`` with the homophone that repairs it.

    ``named(text, a, b)`` says whether a tagger reads ``text[a:b]`` as part of a proper name
    (asked only for the few characters that pass every other test).
    """
    rare = rare_positions(text)
    if not rare:
        return []  # the usual article: every Han character is a common one
    used = _used_chars(freq)
    variants = opencc_chars()
    surnames = _surnames()
    out: list[LookAlike] = []
    for i in rare:
        ch = text[i]
        if ch in used or ch in variants:
            continue
        if (i > 0 and text[i - 1] in surnames) or (i > 1 and text[i - 2] in surnames and _is_cjk(text[i - 1])):
            continue  # 陈玥, 李晓玥: a given name's character (after a surname, or one more character)
        by_char: dict[str, tuple[int, str, str]] = {}
        for reading in _readings(ch):
            for cand in _homophones().get(reading, ()):
                if cand == ch or cand in by_char:
                    continue
                f, word = _best_word(text, i, cand, freq)
                if f:
                    by_char[cand] = (f, word, reading)
        if not by_char:
            continue
        ranked = sorted(by_char.items(), key=lambda kv: (-kv[1][0], kv[0]))
        cand, (f, word, reading) = ranked[0]
        runner_up = ranked[1][1][0] if len(ranked) > 1 else 0
        if f < MIN_WORD or f < DOMINANCE * runner_up:
            continue
        if not reads_as_word(text, i, cand, word):
            continue  # 张明恴表示 → 张明地表示: 地表 is no word there, 表 belongs to 表示
        if named(text, i, i + 1):
            continue  # the tagger reads the character as part of a name, place or organisation
        out.append(LookAlike(i, ch, cand, word, reading))
    return out
