"""Synonym spinning (洗稿): detect spun articles and restore spun words from a reverse dictionary.

Detection counts *marker* forms (东谈主, 先容, 遑急, 抓续, 默示, 倾盆新闻 …) that practically never
occur in clean news, per 1,000 Han characters. Restoration runs only on articles judged spun,
uses the phrase-level entries of ``resources/spin_reverse.tsv`` (longest entry wins), and logs
every restoration as an undoable change. Spun forms that are also real words (手脚, 口头, 秘书 …)
are never restored on their own; their occurrences are reported as suspects for review.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pipeline.cleaning.base import Found, KeyFinder, Step, han_count, key_finder, no_change, run_edits
from pipeline.offsets import Edit
from pipeline.resources import resource_path

# Spun articles in our samples score 10+; clean news scores 0. A margin on both sides.
SPUN_SCORE = 1.5
MIN_MARKERS = 3


@dataclass(frozen=True, slots=True)
class Lexicon:
    restore: dict[str, str]  # spun → original, markers and phrase entries (keep entries map to self)
    markers: frozenset[str]
    suspects: dict[str, str]
    restore_rx: KeyFinder | None
    marker_rx: KeyFinder | None
    suspect_rx: KeyFinder | None


def _alternation(keys: list[str]) -> KeyFinder | None:
    return key_finder(keys)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    restore: dict[str, str] = {}
    markers: set[str] = set()
    suspects: dict[str, str] = {}
    with open(resource_path("spin_reverse.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            spun, original, cls = ([*line.rstrip("\n").split("\t"), "", ""])[:3]
            if cls == "suspect":
                suspects[spun] = original
                continue
            restore[spun] = spun if cls == "keep" else original
            if cls == "marker":
                markers.add(spun)
    return Lexicon(
        restore=restore,
        markers=frozenset(markers),
        suspects=suspects,
        restore_rx=_alternation(list(restore)),
        # Protected phrases take part so that 好意思 inside 不好意思 is not counted.
        marker_rx=_alternation([*markers, *(k for k, v in restore.items() if k == v)]),
        suspect_rx=_alternation(list(suspects)),
    )


def spin_score(text: str) -> tuple[float, int]:
    """Marker forms per 1,000 Han characters, and the raw marker count."""
    lex = lexicon()
    if lex.marker_rx is None:
        return 0.0, 0
    hits = sum(1 for m in lex.marker_rx.finditer(text) if m.group() in lex.markers)
    if not hits:
        return 0.0, 0
    return 1000.0 * hits / max(1, han_count(text)), hits


def is_spun(score: float, hits: int) -> bool:
    return score >= SPUN_SCORE and hits >= MIN_MARKERS


def restore_spin(text: str, *, skip: Callable[[int, int], bool] | None = None) -> Step:
    """Restore spun words in a spun article; a clean article comes back untouched.

    ``skip(start, end)`` says whether a restoration at input span ``[start, end)`` was undone by
    a reviewer; such spans are left spun.
    """
    score, hits = spin_score(text)
    if not is_spun(score, hits):
        step = no_change("spin", text)
        step.metadata["spin_score"] = round(score, 2)
        return step
    lex = lexicon()
    edits: list[Edit] = []
    assert lex.restore_rx is not None
    for m in lex.restore_rx.finditer(text):
        spun = m.group()
        original = lex.restore[spun]
        if original == spun or (skip is not None and skip(m.start(), m.end())):
            continue
        edits.append(Edit(m.start(), m.end(), original, "spin", f"{spun} → {original}"))
    step = run_edits("spin", text, edits, "spun words restored from the reverse dictionary")
    step.undoable = True
    step.flags.append("spun")
    step.metadata["spin_score"] = round(score, 2)
    if lex.suspect_rx is not None:
        spans = [(e.start, e.end) for e in edits]
        j = 0
        for m in lex.suspect_rx.finditer(text):
            while j < len(spans) and spans[j][1] <= m.start():
                j += 1
            if j < len(spans) and spans[j][0] < m.end():
                continue  # already inside a restored phrase
            step.marks.append(Found(m.start(), m.end(), f"{m.group()}→{lex.suspects[m.group()]}?"))
        if step.marks:
            step.flags.append("spin_suspects")
    return step
