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
    a pair, a swap is a replaced run of Han characters on both sides, widened on the original side
    to whole words (jieba) and by the same characters on the spun side, so 高质料 against 高质量
    yields 高质料 → 高质量 (one jieba word) rather than 料 → 量.
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
        out += _swaps(sent, theirs[best], sm)
    return matched / len(ours), out


def _swaps(a: str, b: str, sm: difflib.SequenceMatcher[str]) -> list[Substitution]:
    from pipeline.cleaning.spinning import word_freq

    edges = _word_edges(b)
    out: list[Substitution] = []

    def emit(i1: int, i2: int, j1: int, j2: int) -> None:
        s, o = a[i1:i2], b[j1:j2]
        if s == o:
            return
        if not (len(s) >= 2 and len(o) >= 2 and word_freq(s) and word_freq(o)):
            # Not two words (料 → 量): widen to the original's word edges, the spun side by the
            # same characters, so the pair reads as words (高质料 → 高质量).
            lo = max(e for e in edges if e <= j1)
            hi = min(e for e in edges if e >= j2)
            left, right = j1 - lo, hi - j2
            fits = i1 - left >= 0 and i2 + right <= len(a)
            if fits and a[i1 - left : i1] == b[lo:j1] and a[i2 : i2 + right] == b[j2:hi]:
                s, o = a[i1 - left : i2 + right], b[lo:hi]
        if 0 < len(s) <= MAX_SIDE and 0 < len(o) <= MAX_SIDE and _HAN_ONLY.match(s) and _HAN_ONLY.match(o):
            out.append(Substitution(s, o))

    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "replace":
            continue
        if i2 - i1 == j2 - j1:
            # Same length: one swap per word of the original (促进都市 → 推动城市 is two swaps).
            cuts = [j1, *(e for e in edges if j1 < e < j2), j2]
            for ja, jb in itertools.pairwise(cuts):
                emit(i1 + ja - j1, i1 + jb - j1, ja, jb)
        else:
            emit(i1, i2, j1, j2)
    return out


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
