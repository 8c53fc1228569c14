"""Learn spinner substitutions from the user's own corpus (issue 11, item 4).

When the store holds a spun repost and its original — the same story, most characters shared —
aligning the two shows exactly which words the spinner swapped (关注 → 眷注, 发展 → 生长). This
module is pure: it finds such pairs of texts, tells which one is spun, aligns them and counts the
substitutions. The store keeps the counts for a reviewer, who confirms or rejects each pair;
confirmed pairs are passed to :func:`pipeline.cleaning.clean` as ``learned_spin``.

Finding pairs among many articles uses MinHash over character bigrams with banded buckets
(locality-sensitive hashing): only texts sharing a bucket are compared, so the cost grows with
the number of articles, not its square.
"""

from __future__ import annotations

import difflib
import itertools
import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from pipeline.cleaning.base import HAN

# Character bigrams: a spinner swaps one word in four or five, which breaks most longer shingles.
SHINGLE = 2
HASHES = 64
BANDS = 32  # 32 bands of 2 rows: texts sharing a quarter of their bigrams meet 6 times in 7
MIN_OVERLAP = 0.5  # difflib ratio for "the same sentence, reworded"
MIN_SENTENCE = 6  # Han characters; shorter lines (datelines, captions) align by chance
MIN_MATCHED = 0.3  # share of the spun text's sentences matched for "the same story"
MAX_SIDE = 6  # a substitution longer than this is a rewrite, not a swapped word
_SALTS = tuple(zlib.crc32(f"spin-salt-{k}".encode()) for k in range(HASHES))
_HAN_ONLY = re.compile(f"^[{HAN}]+$")
_HAN_RUN = re.compile(f"[{HAN}]+")
_SENTENCE_END = re.compile(r"[。！？；!?;\n]+")
_ANCHOR = re.compile(r"\d+(?:[.,]\d+)*\s*[%％万亿千百年月日时号个家条项位名元吨次岁]+(?:\d+[日号])?")


@dataclass(frozen=True, slots=True)
class Substitution:
    spun: str
    original: str
    # Whether the swap sits between characters both versions share (word for word), rather than
    # at a sentence edge or inside a reworded stretch; a harvest keeps only flanked swaps.
    flanked: bool = field(default=True, compare=False)


@dataclass(slots=True)
class LearnedPair:
    spun: str
    original: str
    count: int = 0
    articles: list[int] = field(default_factory=list)  # ids of the spun articles it was seen in


def signature(text: str) -> tuple[int, ...]:
    """MinHash of the text's character bigrams (Han characters only, so layout does not count).

    Each "hash function" is the bigram's CRC-32 XORed with a fixed salt: ``min(map(salt.__xor__,
    grams))`` runs in C, ~5 ms an article against ~60 ms for multiply-mod hashing in Python —
    what makes a harvest over 100,000 articles a matter of minutes. Weaker permutations only
    cost some recall in finding candidates; every candidate is aligned before it counts.
    """
    han = "".join(_HAN_RUN.findall(text))
    # str hash: salted per process, so signatures compare only within one harvest (as they do).
    grams = list({hash(han[i : i + SHINGLE]) & 0xFFFFFFFF for i in range(max(0, len(han) - SHINGLE + 1))})
    if not grams:
        return ()
    return tuple(min(map(salt.__xor__, grams)) for salt in _SALTS)


def candidate_pairs(signatures: dict[int, tuple[int, ...]]) -> set[tuple[int, int]]:
    """Ids of texts that share a MinHash band: the only ones worth aligning."""
    rows = HASHES // BANDS
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for aid, sig in signatures.items():
        if len(sig) == HASHES:
            for b in range(BANDS):
                buckets[(b, sig[b * rows : (b + 1) * rows])].append(aid)
    out: set[tuple[int, int]] = set()
    for ids in buckets.values():
        if 1 < len(ids) <= 50:  # a huge bucket is boilerplate shared by many, not one story
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    out.add((min(a, b), max(a, b)))
    return out


def anchors(text: str) -> frozenset[str]:
    """Figures with their units (3月12日, 5万个, 395.049亿元): a spinner swaps words, never these."""
    return frozenset(m.group() for m in _ANCHOR.finditer(text))


def anchor_pairs(anchor_sets: dict[int, frozenset[str]], *, min_shared: int = 3) -> set[tuple[int, int]]:
    """Ids of texts sharing at least ``min_shared`` figures that few texts have."""
    postings: dict[str, list[int]] = defaultdict(list)
    for aid, found in anchor_sets.items():
        for figure in found:
            postings[figure].append(aid)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in postings.values():
        if 1 < len(ids) <= 50:  # a figure in many texts (2024年) says nothing
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    shared[(min(a, b), max(a, b))] += 1
    return {k for k, n in shared.items() if n >= min_shared}


def _han_text(text: str) -> str:
    return "".join(re.findall(f"[{HAN}]+", text))


def _sentences(text: str) -> list[str]:
    return [h for h in (_han_text(x) for x in _SENTENCE_END.split(text)) if len(h) >= MIN_SENTENCE]


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def substitutions(spun: str, original: str) -> tuple[float, list[Substitution]]:
    """Align two versions of one story; (share of the spun sentences matched, the word swaps).

    Sentences are paired first (a repost may reorder or cut paragraphs): each spun sentence with
    the original one sharing most character bigrams, kept when difflib finds them alike. Within
    a pair, the two versions are aligned word by word (jieba), so 高质料 against 高质量 yields
    高质料 → 高质量 (one jieba word) rather than 料 → 量.
    """
    ours, theirs = _sentences(spun), _sentences(original)
    if not ours or not theirs:
        return 0.0, []
    index: dict[str, list[int]] = defaultdict(list)
    grams = [_bigrams(t) for t in theirs]
    for k, g in enumerate(grams):
        for bg in g:
            index[bg].append(k)
    out: list[Substitution] = []
    matched = 0
    for sent in ours:
        votes: dict[int, int] = defaultdict(int)
        for bg in _bigrams(sent):
            for k in index.get(bg, ()):
                votes[k] += 1
        if not votes:
            continue
        best = max(votes, key=lambda k: (votes[k], -k))
        sm = difflib.SequenceMatcher(None, sent, theirs[best], autojunk=False)
        if sm.ratio() < MIN_OVERLAP:
            continue
        matched += 1
        out += _swaps(sent, theirs[best])
    return matched / len(ours), out


def _swaps(a: str, b: str) -> list[Substitution]:
    """The word swaps between two versions of one sentence, aligned word by word (jieba).

    Characters are the wrong unit: 经由过程 against 通过 shares 过, and a character alignment would
    cut the spun phrase there. Words of the two versions are aligned instead; a replaced run of
    several spun words against several original words is split so that each piece shares a
    character with its original word where it can (经由过程|旌旗灯号 ↔ 通过|信号), since a spinner
    keeps one character of many words or doubles a word's length (小我私家 for 个人).
    """
    from pipeline.cleaning.spinning import tokenize

    ta, tb = tokenize(a), tokenize(b)
    ops = difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
    out: list[Substitution] = []
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op != "replace":
            continue
        # Word for word: shared words on both sides of the swap; at the sentence edge, a shared
        # word of two or more characters on the other side (a swap after a lone 的 at the end of
        # a sentence is as likely the ragged end of a rewritten clause).
        left = ta[i1 - 1] if i1 > 0 and k > 0 and ops[k - 1][0] == "equal" else ""
        right = ta[i2] if i2 < len(ta) and k + 1 < len(ops) and ops[k + 1][0] == "equal" else ""
        flanked = bool(left and right) or (
            (i1 == 0 and j1 == 0 and len(right) >= 2) or (i2 == len(ta) and j2 == len(tb) and len(left) >= 2)
        )
        for s, o in _pieces(ta[i1:i2], tb[j1:j2]):
            if s != o and 0 < len(s) <= MAX_SIDE and 0 < len(o) <= MAX_SIDE and _HAN_ONLY.match(s + o):
                out.append(Substitution(s, o, flanked))
    return out


def _trim(spun: list[str], orig: str) -> tuple[str, str]:
    """Drop a shared word of two or more characters from the ends of a swap: jieba keeps 建设项目
    as one word, but 修造项目 → 建设项目 is the swap 修造 → 建设 next to an unchanged 项目. A shared
    single character stays (高质料 → 高质量: 质料 alone is a real word, the swap is the phrase)."""
    while len(spun) > 1 and len(spun[0]) >= 2 and orig.startswith(spun[0]) and len(orig) > len(spun[0]):
        orig, spun = orig[len(spun[0]) :], spun[1:]
    while len(spun) > 1 and len(spun[-1]) >= 2 and orig.endswith(spun[-1]) and len(orig) > len(spun[-1]):
        orig, spun = orig[: -len(spun[-1])], spun[:-1]
    return "".join(spun), orig


MAX_SPLIT = 8  # words in a replaced run beyond which no split is tried (a rewrite, not swaps)


def _pieces(spun: list[str], orig: list[str]) -> list[tuple[str, str]]:
    """Pair a replaced run of spun words with the original words it stands for."""
    if len(orig) == 1:
        return [_trim(spun, orig[0])]
    if len(spun) < len(orig) or len(spun) > MAX_SPLIT:
        return [("".join(spun), "".join(orig))]
    if len(spun) == len(orig):
        return list(zip(spun, orig, strict=True))
    best: tuple[int, int] | None = None
    best_split: list[tuple[str, str]] = []
    for cuts in itertools.combinations(range(1, len(spun)), len(orig) - 1):
        bounds = [0, *cuts, len(spun)]
        groups = ["".join(spun[x:y]) for x, y in itertools.pairwise(bounds)]
        shared = sum(1 for g, o in zip(groups, orig, strict=True) if set(g) & set(o))
        lengths = sum(1 for g, o in zip(groups, orig, strict=True) if len(g) in (len(o), 2 * len(o), 3 * len(o)))
        if best is None or (shared, lengths) > best:
            best, best_split = (shared, lengths), list(zip(groups, orig, strict=True))
    return best_split


def _word_edges(text: str) -> list[int]:
    from pipeline.cleaning.spinning import tokenize

    edges = [0]
    for tok in tokenize(text):
        edges.append(edges[-1] + len(tok))
    return edges


def rarity(words: Iterable[str]) -> float:
    """Mean log-frequency of words in jieba's dictionary (lower: rarer)."""
    import math

    from pipeline.cleaning.spinning import word_freq

    ws = list(words)
    return sum(math.log1p(word_freq(w)) for w in ws) / max(1, len(ws))


def orient(a: str, b: str) -> tuple[str, str, list[Substitution]] | None:
    """Which of two versions is the spun one: spinners swap common words for rarer ones.

    ``None`` when they are not the same story (too few sentences of either align).
    """
    m_ab, ab = substitutions(a, b)
    m_ba, ba = substitutions(b, a)
    if max(m_ab, m_ba) < MIN_MATCHED or not ab or not ba:
        return None
    if rarity(s.spun for s in ab) <= rarity(s.original for s in ab):
        return a, b, ab
    return b, a, ba


@dataclass(frozen=True, slots=True)
class Sketch:
    """What finding candidate pairs needs of one article (kept instead of its text)."""

    signature: tuple[int, ...]
    anchors: frozenset[str]


def sketch(text: str) -> Sketch:
    return Sketch(signature(text), anchors(text))


def meet(sketches: dict[int, Sketch]) -> set[tuple[int, int]]:
    """Candidate pairs, two ways: many shared bigrams (a whole article reposted), or several
    shared figures (a repost that kept only some paragraphs, whose bigrams the swaps thinned)."""
    return candidate_pairs({k: v.signature for k, v in sketches.items()}) | anchor_pairs(
        {k: v.anchors for k, v in sketches.items()}
    )


def align(pairs: Iterable[tuple[int, int]], text_of: Callable[[int], str]) -> list[LearnedPair]:
    """Align every candidate pair; count the swaps of those that are one story, spun and not."""
    found: dict[tuple[str, str], LearnedPair] = {}
    for x, y in sorted(pairs):
        tx, ty = text_of(x), text_of(y)
        oriented = orient(tx, ty)
        if oriented is None:
            continue
        spun_id = x if oriented[0] is tx else y
        for sub in oriented[2]:
            pair = found.setdefault((sub.spun, sub.original), LearnedPair(sub.spun, sub.original))
            pair.count += 1
            if spun_id not in pair.articles:
                pair.articles.append(spun_id)
    return sorted(found.values(), key=lambda p: (-p.count, p.spun, p.original))


def harvest(texts: Sequence[tuple[int, str]]) -> list[LearnedPair]:
    """Substitution pairs from every (spun, original) pair of texts found among ``texts``."""
    by_id = dict(texts)
    return align(meet({aid: sketch(t) for aid, t in texts}), by_id.__getitem__)
