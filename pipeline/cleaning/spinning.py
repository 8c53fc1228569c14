"""Synonym spinning (洗稿): judge whether an article is spun, then restore it in tiers.

Spinners swap words for rarer synonyms or look-alikes so that a repost escapes duplicate
detection. The knowledge is general (see :mod:`pipeline.cleaning.spin_lexicon`); the rules:

- **markers** (tier m): forms of one widespread spinner family that practically never occur in
  clean news (东谈主, 先容, 遑急), with phrase entries whose context decides (系列手脚 → 系列活动);
- **tier a**, variants: secondary simplified variants (馀 → 余);
- **tier b**, near-non-words: a spun form that jieba's dictionary does not have or has only
  rarely, with a 词林 synonym far more frequent. It is restored where the original rebuilds a
  dictionary compound that the spun text lacks (今世化 → 现代化; this counts as evidence), or,
  for a form rarer than ``RARE``, where one candidate clearly dominates; never inside a longer
  dictionary word that contains it (不要紧);
- **tier c**, real words (时刻, 缘故, 情形): restored only with compound evidence, and only
  when the earlier tiers have judged the article spun; otherwise listed as suspects. Pairs of two
  common words of one 词林 group (看法/意见, ``spin_word_compounds.tsv``) take part only here, only
  where the original is twice as frequent and no other synonym rebuilds a word at that place;
- **tier h**, harvested: swaps learned from real spun documents aligned with their originals
  (``spin_harvest.tsv``). A form that is no dictionary word (经由过程, 处置惩罚) counts as evidence
  and is restored in spun articles; one that is rarer than ``NEAR_NON_WORD`` (若是, 法式) is
  restored in spun articles; a real word (体系, 应用, 时刻) is restored only where the original
  rebuilds a dictionary compound with its neighbours (文件体系 → 文件系统) and is otherwise listed
  as a suspect. Matched as whole forms on jieba's word edges, never inside a longer dictionary
  word (关键时刻);
- **tier t**, the spinner's own table: pairs of a public 伪原创 tool's synonym file
  (``spin_table.tsv``, scripts/build_spin_tables.py: 介绍→先容, 下午→下昼, 机器→呆板, 学校→黉舍).
  A table form that is no word (先容, 下昼, 黉舍) counts as evidence, and so does a non-word it leaves
  inside a dictionary compound (呆板人 where 机器人 is a word) when the form is no common word; both
  are restored in spun articles. A real word of the table (终极, 模子, 质料) on its own says nothing;
- **tier p**, self-consistent swaps: a one-character swap of a Cilin synonym pair (邦 → 国) that
  repairs several distinct near-non-words of the same article into dictionary words (我邦, 邦际,
  本邦 → 我国, 国际, 本国): the spinner's own table, whatever its family. Evidence, and restored
  in a spun article exactly where it rebuilds a word (:mod:`pipeline.cleaning.spin_pairs`); the
  same for a two-character sequence written for one character (年夜 → 大: 年夜学, 年夜型, 最年夜),
  restored at every place of the sequence outside dictionary words that hold it (大年夜, 年夜饭);
- **tier g**, look-alike characters: a character outside GB 2312 that no dictionary word uses,
  written for a common homophone that makes a frequent word with its neighbours (桌媔 → 桌面,
  一佽 → 一次, 最噺 → 最新; :mod:`pipeline.cleaning.spin_lookalike`). Each distinct word repaired
  counts as evidence; not looked for in a Traditional article, whose old variants (擧, 鬭) OpenCC's
  tables do not all name;
- **tier l**, learned: pairs a reviewer confirmed from the user's own corpus
  (:mod:`pipeline.cleaning.spin_learning`); a learned form that is no word counts as evidence.

Nothing changes unless the article is judged spun (:func:`judgement`): markers, variants,
compound hits and proved swaps per 1,000 Han characters reach ``SPUN_SCORE`` and at least
``MIN_MARKERS`` of them occur; or there is less of such evidence (one marker) and something else in
the article supports it: inserted spam the cleaner removed, or a density of near-non-words no clean
text of the development set reaches (:mod:`pipeline.cleaning.spin_density`). A lone rare word is
no evidence: clean news has them too (缘于, 屡遭, 心机). A spun form that jieba reads as two common
words (都|会, 别|是) is never restored on its own.
Every restoration is an undoable change whose note says the tier and the evidence.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from pipeline.cleaning.base import Found, KeyFinder, Step, han_count, key_finder, no_change, run_edits
from pipeline.cleaning.spin_density import in_proper_name, near_non_word_density
from pipeline.cleaning.spin_lexicon import TABLE_RARE, HarvestEntry, Lexicon, SpunCompound, ThesaurusEntry, lexicon
from pipeline.cleaning.spin_lookalike import find_lookalikes, rare_positions
from pipeline.cleaning.spin_pairs import find_split_swaps, find_swaps, repeated_candidates, repeated_sequences
from pipeline.offsets import Edit
from pipeline.scan import GramStarts

__all__ = ["FORCE_KIND", "is_spun", "lexicon", "restore_spin", "spin_score"]

# Evidence per 1,000 Han characters: spun articles in our samples score 10+, clean news 0.
SPUN_SCORE = 1.5
MIN_MARKERS = 3
# A spun form at most this frequent in jieba's dictionary is a near-non-word (tier b); a more
# frequent one is a real word (tier c). jieba's frequencies run to ~10^6; 100 is rare.
NEAR_NON_WORD = 100
# Without compound evidence a near-non-word is restored only when its best candidate is this many
# times as frequent as the next one (开端 → 开始 38,139 or 起来 39,788 is too close to call).
DOMINANCE = 3
# A spun form this rare in jieba's dictionary (先容 3, 以是 3) is restored without compound evidence
# in an article judged spun, when one candidate dominates; more frequent ones (相亲 64, 缘于 87)
# are real words that need context, and are only listed.
RARE = TABLE_RARE  # spin_lexicon keeps only these in the spinner table's finder
# Characters of context either side when jieba checks where words end.
SEG_WINDOW = 6
# The kind of a kept decision (``skip_changes``) that restores a suspect at a raw span.
FORCE_KIND = "spin_force"
FORCED_NOTE = "；审核人在此文中手动还原"


@dataclass(frozen=True, slots=True)
class Hit:
    """One place the reverser looked at, with what it would do there."""

    start: int
    end: int
    spun: str
    original: str
    tier: str  # "m", "a", "b", "c", "h", "t", "p", "g", "l"
    evidence: str
    counts: bool  # counts toward the spin score
    restore: bool  # restored when the article is spun (else: a suspect)


def _matches_at(text: str, start: int, word: str, offset: int) -> bool:
    i = start - offset
    return i >= 0 and text.startswith(word, i)


def _protected(text: str, start: int, entry: ThesaurusEntry) -> str | None:
    for word in entry.protected:
        k = word.find(entry.spun)
        while k >= 0:
            if _matches_at(text, start, word, k):
                return word
            k = word.find(entry.spun, k + 1)
    return None


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba  # a project dependency; its dictionary loads once, only when a compound is in question

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


def tokenizer() -> Any:
    """The one jieba tokenizer of the process (built on first use), for other steps to share."""
    return _jieba()


def tokenize(text: str) -> list[str]:
    """jieba's dictionary segmentation (no HMM guesses for unknown words)."""
    return list(_jieba().lcut(text, HMM=False))


@lru_cache(maxsize=32768)
def _window_tokens(window: str) -> tuple[str, ...]:
    # A few hundred windows an article, each segmented in both passes of a spun article (and the
    # same phrases recur across articles): segmentation is deterministic, so it is kept.
    return tuple(_jieba().lcut(window, HMM=False))


def word_freq(word: str) -> int:
    """jieba's dictionary frequency of ``word`` (0 when it is not a word)."""
    return int(_jieba().FREQ.get(word) or 0)


def _on_token_edges(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` starts and ends where jieba would cut the text around it.

    A compound rebuilt across a word edge is no evidence: in 从中长远 the 中 belongs to 从中, so
    中长期 is not there to rebuild.
    """
    lo, hi = max(0, a - SEG_WINDOW), min(len(text), b + SEG_WINDOW)
    cuts = {lo}
    pos = lo
    for tok in _window_tokens(text[lo:hi]):
        pos += len(tok)
        cuts.add(pos)
    return a in cuts and b in cuts


# A compound the original rebuilds must be at least this frequent in jieba's dictionary to count.
MIN_COMPOUND = 30


def _covering_token(text: str, a: int, b: int) -> str | None:
    """The jieba token of ``text`` (in a window) that contains ``[a, b)`` and more, if any."""
    lo, hi = max(0, a - SEG_WINDOW), min(len(text), b + SEG_WINDOW)
    pos = lo
    for tok in _window_tokens(text[lo:hi]):
        end = pos + len(tok)
        if pos <= a and b <= end:
            return tok if end - pos > b - a else None
        if pos >= b:
            break
        pos = end
    return None


# A form jieba splits into words each at least this frequent reads as those words (一样|平常 in
# 像吃饭一样平常, 很|是 in 很是高兴): restored in a spun article, but no evidence that it is one.
COMMON_PART = 1000


@lru_cache(maxsize=8192)
def _reads_as_words(form: str) -> bool:
    """Whether jieba splits ``form`` into words each at least COMMON_PART frequent (都|会, 小|我,
    得|了): a text reads it as those words, so on its own it is no spun form."""
    parts = tokenize(form)
    return len(parts) > 1 and all(word_freq(p) >= COMMON_PART for p in parts)


@lru_cache(maxsize=4096)
def _is_evidence(e: HarvestEntry) -> bool:
    """Whether a harvested form is no word at all (经由过程: 经由 is rare), not just absent from
    jieba's dictionary as a whole while made of common words (一样平常, 此中, 很是)."""
    return e.freq <= RARE and not _reads_as_words(e.spun)


def _harvest_hit(text: str, a: int, b: int, e: HarvestEntry, *, words: bool) -> Hit | None:
    """What the harvested swap ``e`` found at ``[a, b)`` says, or None where it says nothing."""
    if not words and not _is_evidence(e):
        return None  # only evidence counts before the article is judged spun (jieba is costly)
    if not _on_token_edges(text, a, b):
        return None  # part of other words (倘若是 is not 若是)
    inside = _covering_token(text, a, b)
    if inside is not None and word_freq(inside) > 0:
        return None  # inside a dictionary word, where it is not spun (关键时刻, 生态体系)
    source = f"洗稿实例比对所得（{e.docs} 组原文与洗稿）"
    if e.ambiguous:
        ev = f"{source}「{e.spun}→{e.original}」，另有其他原词，待审"
        return Hit(a, b, e.spun, e.original, "h", ev, counts=False, restore=False)
    if e.freq <= NEAR_NON_WORD:
        ev = f"{source}「{e.spun}→{e.original}」；近非词（jieba词频 {e.freq} 对 {e.original_freq}）"
        return Hit(a, b, e.spun, e.original, "h", ev, counts=_is_evidence(e), restore=True)
    restored = text[: a] + e.original + text[b:]
    compound = _covering_token(restored, a, a + len(e.original))
    if compound is not None and word_freq(compound) >= MIN_COMPOUND:
        ev = f"{source}「{e.spun}→{e.original}」，还原后成词「{compound}」（jieba词频 {word_freq(compound)}）"
        return Hit(a, b, e.spun, e.original, "h", ev, counts=False, restore=True)
    ev = f"{source}「{e.spun}→{e.original}」，是常用词（jieba词频 {e.freq}），无复合词佐证"
    return Hit(a, b, e.spun, e.original, "h", ev, counts=False, restore=False)


def _compound_hits(text: str, lex: Lexicon) -> list[Hit]:
    """Spun compounds (今世化): where the original rebuilds a dictionary word the text lacks."""
    hits: list[Hit] = []
    for sc, a, b in _compound_places(text, lex.compounds):
        tier = "b" if lex.thesaurus[sc.spun].freq <= NEAR_NON_WORD else "c"
        ev = (
            f"词林同义「{sc.spun}→{sc.candidate.original}」，还原后成词「{sc.compound}」；"
            f"jieba词频 {lex.thesaurus[sc.spun].freq} 对 {sc.candidate.freq}"
        )
        # A real word (tier c) is restored with its compound, but only judges nothing: the
        # earlier tiers must have found the article spun.
        hits.append(Hit(a, b, sc.spun, sc.candidate.original, tier, ev, counts=tier == "b", restore=True))
    return hits


# A real-word pair is restored only where the original is this many times as frequent as the
# spun form: a spinner swaps a word for a rarer synonym (看法 2,491 → 意见 10,329), and two words
# about as common (基础 18,510 / 基本 20,479: 基础上 is a phrase, not a spun 基本上) are no swap.
WORD_PAIR_RATIO = 2


def _word_compound_hits(text: str, lex: Lexicon) -> list[Hit]:
    """Tier c, real-word pairs (``spin_word_compounds.tsv``): a common word that a 词林 synonym
    replaced inside a compound (法令看法书: 看法 for 意见 in 意见书). Looked for only in an article
    already judged spun; restored only where the compound is rebuilt and no other synonym rebuilds
    another one at the same place (如何样: 怎么样 or 什么样?); never evidence."""
    by_span: dict[tuple[int, int], list[SpunCompound]] = {}
    table = lex.word_compounds
    for i in _gram_starts(table, 3).starts(text) if table else ():
        for sc, a, b in _fitting_at(text, i, table):
            by_span.setdefault((a, b), []).append(sc)
    hits: list[Hit] = []
    for (a, b), found in sorted(by_span.items()):
        if len({sc.candidate.original for sc in found}) > 1:
            continue  # two synonyms rebuild two words here: context does not decide
        sc = found[0]
        if sc.candidate.freq < WORD_PAIR_RATIO * max(1, word_freq(sc.spun)):
            continue
        ev = (
            f"词林同义「{sc.spun}→{sc.candidate.original}」（两者皆常用词，词频 {word_freq(sc.spun)} 对 "
            f"{sc.candidate.freq}），「{sc.text}」不成词，还原后成词「{sc.compound}」（jieba词频 "
            f"{word_freq(sc.compound)}）；仅在已判为洗稿的文章中还原"
        )
        hits.append(Hit(a, b, sc.spun, sc.candidate.original, "c", ev, counts=False, restore=True))
    return hits


def _compound_places(
    text: str, table: Mapping[str, tuple[SpunCompound, ...]]
) -> Iterator[tuple[SpunCompound, int, int]]:
    """Each spun compound of ``table`` in ``text`` (the first entry that fits at a start; no two
    overlap) with its spun form's span. The compound and the form itself must start and end where
    jieba cuts: in 已经|过|多个 the 过多 of 过多个 is not there to swap (无数个), 多 belongs to 多个."""
    end = -1
    for i in _gram_starts(table, 3).starts(text) if table else ():
        if i < end:
            continue
        for sc, a, b in _fitting_at(text, i, table):
            yield sc, a, b
            end = i + len(sc.text)
            break


def _fitting_at(
    text: str, i: int, table: Mapping[str, tuple[SpunCompound, ...]]
) -> Iterator[tuple[SpunCompound, int, int]]:
    """The spun compounds of ``table`` written at ``i`` whose compound and spun form both start
    and end where jieba cuts, each with its spun form's span."""
    for sc in table[text[i : i + 3]]:
        a, b = i + sc.offset, i + sc.offset + len(sc.spun)
        if text.startswith(sc.text, i) and _on_token_edges(text, i, i + len(sc.text)) and _on_token_edges(text, a, b):
            yield sc, a, b


# GramStarts per lexicon table (by identity: the tables are dicts, built once per lexicon).
_GRAMS: dict[int, tuple[Mapping[str, object], GramStarts]] = {}


def _gram_starts(table: Mapping[str, object], n: int) -> GramStarts:
    """Every position of a text where one of ``table``'s ``n``-character keys starts."""
    held = _GRAMS.get(id(table))
    if held is None or held[0] is not table:
        held = (table, GramStarts(table, n))
        _GRAMS[id(table)] = held
    return held[1]


def _word_hit(text: str, start: int, end: int, entry: ThesaurusEntry) -> Hit | None:
    """A spun form on its own, with no compound to decide: restored only when very rare."""
    if _protected(text, start, entry) is not None:
        return None
    if _reads_as_words(entry.spun):
        return None  # 都会 in 每天都会, 别是 in 特别是: two common words, not a spun form
    spun, best = entry.spun, entry.candidates[0]
    if entry.freq > RARE:
        # A real word on its own (缘故, 情形, 相亲): context would have to decide, and none does.
        ev = f"词林同义「{spun}→{best.original}」，无复合词佐证"
        return Hit(start, end, spun, best.original, "c", ev, counts=False, restore=False)
    runner_up = entry.candidates[1].freq if len(entry.candidates) > 1 else 0
    dominant = best.freq >= DOMINANCE * max(runner_up, 1)
    ev = f"近非词「{spun}」(jieba词频 {entry.freq})，词林同义「{best.original}」词频 {best.freq}"
    if not dominant:
        ev += f"，另有同义「{entry.candidates[1].original}」相近"
    return Hit(start, end, spun, best.original, "b", ev, counts=False, restore=dominant)


@lru_cache(maxsize=4)
def _learned_finder(pairs: frozenset[tuple[str, str]]) -> tuple[KeyFinder | None, dict[str, str], frozenset[str]]:
    table = dict(pairs)
    # A learned form that is no dictionary word (眷注) is evidence of spin; a real word (生长) only
    # says what to restore once the article is judged spun.
    evidence = frozenset(k for k in table if word_freq(k) <= RARE)
    return key_finder(table), table, evidence


def _lookalike_hits(text: str) -> list[Hit]:
    """Tier g: rare characters written for a common homophone (:mod:`pipeline.cleaning.spin_lookalike`)."""
    hits: list[Hit] = []
    if not rare_positions(text):
        return hits  # every Han character is a common one: jieba need not load
    counted: set[str] = set()
    for la in find_lookalikes(text, _jieba().FREQ, in_proper_name):
        ev = (
            f"形近/同音生僻字「{la.spun}」（不在GB2312，无词典词用它），同音常用字「{la.original}」"
            f"（{la.reading}）还原后成词「{la.word}」（jieba词频 {word_freq(la.word)}）"
        )
        counts = la.word not in counted  # each distinct word repaired is one piece of evidence
        hits.append(Hit(la.start, la.start + 1, la.spun, la.original, "g", ev, counts=counts, restore=True))
        counted.add(la.word)
    return hits


def _hits(
    text: str, lex: Lexicon, *, words: bool = False, learned: frozenset[tuple[str, str]] = frozenset(),
    lookalikes: bool = True,
) -> list[Hit]:
    """What the reverser would do where; ``words`` adds single spun forms (costly: spun articles only).
    ``lookalikes`` looks for tier g (not in a Traditional article)."""
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    if lookalikes:
        for la_hit in _lookalike_hits(text):
            hits.append(la_hit)
            taken.append((la_hit.start, la_hit.end))
    if learned:
        finder, table, evidence = _learned_finder(learned)
        for m in finder.finditer(text) if finder is not None else ():
            spun = m.group()
            ev = "审核确认的学习词对（本库原文与洗稿转载比对所得）"
            hits.append(Hit(m.start(), m.end(), spun, table[spun], "l", ev, counts=spun in evidence, restore=True))
            taken.append((m.start(), m.end()))
    if lex.restore_rx is not None:
        for m in lex.restore_rx.finditer(text):
            spun = m.group()
            original = lex.restore[spun]
            if learned and _overlaps(taken, m.start(), m.end()):
                continue  # a reviewer's pair decides here
            taken.append((m.start(), m.end()))
            if original == spun:
                continue  # a protected phrase: matched so that shorter entries inside it are not
            marker = spun in lex.markers
            ev = "洗稿标记词（反向词表）" if marker else "反向词表短语，语境确定"
            hits.append(Hit(m.start(), m.end(), spun, original, "m", ev, counts=marker, restore=True))
    if lex.harvest_rx is not None:
        for m in lex.harvest_rx.finditer(text):
            if _overlaps(taken, m.start(), m.end()):
                continue  # a hand-table phrase or a reviewer's pair decides here
            hit = _harvest_hit(text, m.start(), m.end(), lex.harvest[m.group()], words=words)
            if hit is not None:
                hits.append(hit)
                taken.append((hit.start, hit.end))
    for hit in _table_hits(text, lex, words=words):
        if not _overlaps(taken, hit.start, hit.end):
            hits.append(hit)
            taken.append((hit.start, hit.end))
    if lex.variant_rx is not None:
        seen: set[str] = set()
        for m in lex.variant_rx.finditer(text):
            v = m.group()
            ev = f"异体字「{v}」，OpenCC 规范字「{lex.variants[v]}」"
            # A writer who uses 馀 uses it throughout: each variant counts once as evidence.
            hits.append(Hit(m.start(), m.end(), v, lex.variants[v], "a", ev, counts=v not in seen, restore=True))
            seen.add(v)
    taken.sort()

    def free(a: int, b: int) -> bool:
        k = bisect.bisect_left(taken, (b, b))
        return not any(s < b and a < e for s, e in taken[max(0, k - 2) : k + 1])

    pairs_found = [h for h in _swap_hits(text) if free(h.start, h.end)]
    hits += pairs_found
    if pairs_found:
        taken = sorted(taken + [(h.start, h.end) for h in pairs_found])
    compounds = [h for h in _compound_hits(text, lex) if free(h.start, h.end)]
    hits += compounds
    if words:
        taken = sorted(taken + [(h.start, h.end) for h in compounds])
        real = [h for h in _word_compound_hits(text, lex) if free(h.start, h.end)]
        hits += real
        taken = sorted(taken + [(h.start, h.end) for h in real])
        forms, end = lex.forms, -1
        for i in _gram_starts(forms, 2).starts(text):
            if i < end:
                continue  # leftmost-longest, as a regex alternation would match
            form = next((f for f in forms[text[i : i + 2]] if text.startswith(f, i)), None)
            if form is None or not free(i, i + len(form)):
                continue
            end = i + len(form)
            hit = _word_hit(text, i, end, lex.thesaurus[form])
            if hit is not None:
                hits.append(hit)
    hits.sort(key=lambda h: (h.start, h.end))
    return hits


# Tier t, the spinner's own table (``spin_table.tsv``): a compound it leaves (呆板人 for 机器人) is
# evidence when the spun form is no common word; a more common one (当局, 构造: 市当局 is Taiwanese
# usage) only restores, in an article judged spun.
TABLE_COMPOUND_EVIDENCE = 1000
TABLE_SOURCE = "伪原创工具同义词表"


@lru_cache(maxsize=4096)
def _reads_as_words_in_table(form: str) -> bool:
    """Whether a table form reads as common words (以|是, 此|中). A form of three or more characters
    that jieba can only cut into single characters (德|律|风) is no reading of anything: no word."""
    if not _reads_as_words(form):
        return False
    return not (len(form) >= 3 and all(len(p) == 1 for p in tokenize(form)))


def _table_hits(text: str, lex: Lexicon, *, words: bool) -> list[Hit]:
    """Tier t: where the spinner's own substitution table explains a non-word of the text."""
    hits: list[Hit] = []
    spans: list[tuple[int, int]] = []
    for sc, a, b in _compound_places(text, lex.table_compounds):
        ev = (
            f"{TABLE_SOURCE}「{sc.candidate.original}→{sc.spun}」，「{sc.text}」不成词，"
            f"还原后成词「{sc.compound}」（jieba词频 {word_freq(sc.compound)}）"
        )
        counts = lex.table[sc.spun].freq <= TABLE_COMPOUND_EVIDENCE
        hits.append(Hit(a, b, sc.spun, sc.candidate.original, "t", ev, counts=counts, restore=True))
        spans.append((a, b))
    for m in lex.table_rx.finditer(text) if lex.table_rx is not None else ():
        a, b = m.start(), m.end()
        entry = lex.table[m.group()]
        # Only a form that is no word at all speaks on its own (先容, 下昼, 黉舍); one jieba reads as
        # common words (以|是, 此|中, 都|会) or a real word (终极, 模子, 质料) needs a compound.
        if entry.freq > RARE or _reads_as_words_in_table(entry.spun) or _overlaps(spans, a, b):
            continue
        if not _on_token_edges(text, a, b):
            continue
        inside = _covering_token(text, a, b)
        if inside is not None and word_freq(inside) > 0:
            continue  # inside a dictionary word, where it is not spun
        best = entry.candidates[0]
        ev = f"{TABLE_SOURCE}「{best.original}→{entry.spun}」；近非词（jieba词频 {entry.freq} 对 {best.freq}）"
        if len(entry.candidates) > 1:
            ev += f"，另有原词「{entry.candidates[1].original}」，待审"
        hits.append(Hit(a, b, entry.spun, best.original, "t", ev, counts=True, restore=len(entry.candidates) == 1))
    return hits


def _swap_hits(text: str) -> list[Hit]:
    """Tier p: one-character swaps the article itself proves (:mod:`pipeline.cleaning.spin_pairs`).
    Each distinct word a swap rebuilds counts once toward the spin score."""
    hits: list[Hit] = []
    chars = repeated_candidates(text)
    seqs = repeated_sequences(text)
    if not chars and not seqs:
        return hits  # nothing repeats enough to prove a swap: jieba need not load
    freq = _jieba().FREQ
    swaps = find_swaps(text, freq, chars) if chars else []
    swaps += find_split_swaps(text, freq, _window_tokens, seqs) if seqs else []
    for sw in swaps:
        shown = "、".join(sw.words[:6])
        counted: set[str] = set()
        source = sw.source or "词林单字同义"
        for r in sw.repairs:
            ev = f"同一替换「{sw.spun}→{sw.original}」（{source}）在本文修复 {len(sw.words)} 个不同的词（{shown}）；"
            if r.word in sw.words:
                ev += f"此处还原后成词「{r.word}」（jieba词频 {word_freq(r.word)}）"
            else:
                ev += "此处同一序列，不在含它的词典词中，一并还原"
            counts = r.word in sw.words and r.word not in counted
            hits.append(Hit(r.start, r.end, sw.spun, sw.original, "p", ev, counts=counts, restore=True))
            counted.add(r.word)
    return hits


def _score(text: str, hits: list[Hit]) -> tuple[float, int]:
    n = sum(1 for h in hits if h.counts)
    if not n:
        return 0.0, 0
    return 1000.0 * n / max(1, han_count(text)), n


def spin_score(text: str, *, lookalikes: bool = True) -> tuple[float, int]:
    """Spin evidence per 1,000 Han characters, and the raw count of evidence (``lookalikes``: as
    for :func:`restore_spin`)."""
    return _score(text, _hits(text, lexicon(), lookalikes=lookalikes))


def is_spun(score: float, hits: int) -> bool:
    return score >= SPUN_SCORE and hits >= MIN_MARKERS


# An article with some evidence, dense enough (SPUN_SCORE) but fewer than MIN_MARKERS pieces, is
# judged spun when something else in it says so: inserted spam the cleaner removed, or this many
# distinct near-non-word windows per 1,000 Han characters (:mod:`pipeline.cleaning.spin_density`;
# the highest clean text of the development set reads 9.2, see devset/cleaning/SPUN.md), over at
# least NNW_WINDOWS distinct windows (a short text with one odd word is no density).
NNW_SUPPORT = 10.0
NNW_WINDOWS = 5


def judgement(text: str, score: float, n: int, *, spam: bool = False) -> str:
    """Why the article is judged spun ('' when it is not): the evidence and what supports it."""
    if is_spun(score, n):
        return f"洗稿证据 {n} 处（每千字 {score:.1f}）"
    if n < 1 or score < SPUN_SCORE:
        return ""
    if spam:
        return f"洗稿证据 {n} 处（每千字 {score:.1f}），且本文有插入的垃圾广告"
    density, windows = near_non_word_density(text, _jieba().FREQ, han_count(text))
    if density >= NNW_SUPPORT and len(windows) >= NNW_WINDOWS:
        shown = "、".join(windows[:6])
        return f"洗稿证据 {n} 处（每千字 {score:.1f}），且近非词密度每千字 {density:.1f}（{shown}）"
    return ""


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in spans)


def _vetted(hits: list[Hit], rejected: frozenset[tuple[str, str]]) -> list[Hit]:
    """Pairs a reviewer rejected are never restored automatically again, nor count as evidence:
    they are only listed, so the reviewer can still restore one place by hand."""
    if not rejected:
        return hits
    return [
        replace(h, counts=False, restore=False, evidence=h.evidence + "；审核人已否决此词对")
        if (h.spun, h.original) in rejected else h
        for h in hits
    ]


def restore_spin(
    text: str,
    *,
    skip: Callable[[int, int], bool] | None = None,
    learned: Mapping[str, str] | None = None,
    rejected: frozenset[tuple[str, str]] = frozenset(),
    force: Callable[[int, int], bool] | None = None,
    spam: bool = False,
    lookalikes: bool = True,
) -> Step:
    """Restore spun words in a spun article; a clean article comes back untouched.

    ``spam`` says whether the cleaner removed inserted spam from this article (content farms both
    spin and insert spam): support for a judgement that has some evidence, never one on its own.
    ``lookalikes`` is False for an article written in Traditional characters: its rare characters
    are old variants (擧, 鬭), not a farm's look-alikes (tier g).

    ``skip(start, end)`` says whether a restoration at input span ``[start, end)`` was undone by
    a reviewer; such spans are left spun. ``learned`` holds spun → original pairs a reviewer
    confirmed from the user's own corpus (tier l); ``rejected`` the (spun, original) pairs a
    reviewer rejected. ``force(start, end)`` says whether a reviewer restored a suspect at that
    span by hand: it is restored whatever the article's score, so the decision survives a
    re-cleaning that judges the article differently.
    """
    lex = lexicon()
    pairs = frozenset((learned or {}).items())
    score, n = _score(text, _vetted(_hits(text, lex, learned=pairs, lookalikes=lookalikes), rejected))
    why = judgement(text, score, n, spam=spam)
    spun = bool(why)
    if not spun and force is None:
        step = no_change("spin", text)
        step.metadata["spin_score"] = round(score, 2)
        return step
    hits = _vetted(_hits(text, lex, words=True, learned=pairs, lookalikes=lookalikes), rejected)
    edits: list[Edit] = []
    marks: list[Found] = []
    tiers: dict[str, int] = {}
    end = -1
    for h in hits:
        if h.start < end:
            continue  # overlaps an earlier restoration
        forced = force is not None and force(h.start, h.end)
        if not forced and (not spun or (skip is not None and skip(h.start, h.end))):
            continue
        if not h.restore and not forced:
            marks.append(Found(h.start, h.end, f"{h.spun}→{h.original}?"))
            continue
        evidence = h.evidence + FORCED_NOTE if forced and not h.restore else h.evidence
        note = f"{h.spun} → {h.original}（第{h.tier}层：{evidence}）"
        edits.append(Edit(h.start, h.end, h.original, "spin", note))
        tiers[h.tier] = tiers.get(h.tier, 0) + 1
        end = h.end
    _suspects(text, lex, edits, marks, force=force)
    if not spun:
        marks.clear()  # an article not judged spun lists nothing: only what a reviewer forced changes
        if not edits:
            step = no_change("spin", text)
            step.metadata["spin_score"] = round(score, 2)
            return step
    edits.sort(key=lambda e: (e.start, e.end))
    step = run_edits("spin", text, edits, "spun words restored (reverse table, variants, 词林 + word frequency)")
    step.undoable = True
    if spun:
        step.flags.append("spun")
        step.metadata["spin_judgement"] = why
    step.metadata["spin_score"] = round(score, 2)
    step.metadata["spin_tiers"] = dict(sorted(tiers.items()))
    step.marks.extend(sorted(marks, key=lambda f: f.start))
    if step.marks:
        step.flags.append("spin_suspects")
    return step


def _suspects(
    text: str, lex: Lexicon, edits: list[Edit], marks: list[Found], *,
    force: Callable[[int, int], bool] | None = None,
) -> None:
    """Real words of the reverse table that may be spun (手脚, 口头): listed, changed only where a
    reviewer restored one by hand (``force``)."""
    if lex.suspect_rx is None:
        return
    spans = sorted([(e.start, e.end) for e in edits] + [(f.start, f.end) for f in marks])
    j = 0
    for m in lex.suspect_rx.finditer(text):
        while j < len(spans) and spans[j][1] <= m.start():
            j += 1
        if j < len(spans) and spans[j][0] < m.end():
            continue  # already inside a restored phrase or listed
        original = lex.suspects[m.group()]
        if force is not None and force(m.start(), m.end()):
            note = f"{m.group()} → {original}（第s层：反向词表中的常用词{FORCED_NOTE}）"
            edits.append(Edit(m.start(), m.end(), original, "spin", note))
        else:
            marks.append(Found(m.start(), m.end(), f"{m.group()}→{original}?"))
