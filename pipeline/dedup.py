"""Near-duplicate fingerprints: a MinHash signature of an article's cleaned text.

Reposts, spun copies and lightly edited versions of one story share most of their character
shingles; MinHash estimates the Jaccard similarity of two shingle sets from fixed-size signatures,
and LSH (``storage.grouping``) finds the similar pairs without comparing every pair. The MinHash
itself is ``datasketch``'s (well kept, numpy-vectorised); this module only decides what is
shingled: the text with whitespace and punctuation dropped and width folded (NFKC), so re-spacing,
re-punctuating or full-/half-width changes do not change a signature, cut into overlapping runs of
``SHINGLE`` characters (no word segmentation needed for Chinese).

The signature is computed with numpy rather than through ``MinHash.update_batch`` (which calls a
Python hash function per shingle, ~30 % of an article's import time): every shingle's crc32 is
computed at once from one UTF-8 buffer, then datasketch's own permutations and its "affine32"
step (MurmurHash3 finalizer, ``a * h + b mod 2**32``, column minimum) are applied. The bytes are
the same as datasketch's for every text (``tests/pipeline/test_dedup_fast.py`` compares them):
stored signatures must never change, or groups would silently split.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

# datasketch is imported where a signature is made or read, not here: importing it loads scipy
# (~1.5 s), and the GUI imports this module at start through re-cleaning.

SHINGLE = 4  # characters: long enough that unrelated stories on one topic share few shingles
NUM_PERM = 128  # signature length; the LSH bands are cut from it
SEED = 1  # the permutations must be the same in every process that computes signatures
SCHEME = "affine32"  # datasketch's hashing scheme: 32-bit values (pinned: a new default must not mix)
_DTYPE = np.dtype("<u4")  # stored little-endian, NUM_PERM values: 512 bytes an article
THRESHOLD = 0.5  # estimated Jaccard similarity at or above which two texts are one story


def _crc(data: bytes) -> int:
    # A 32-bit hash of a shingle. crc32 (C, in the standard library) rather than datasketch's
    # default sha1: several times faster, stable across processes (unlike hash()), and the
    # signature's random permutations spread its values anyway.
    return zlib.crc32(data)


# Not alphanumeric: ``[^\W_]`` is exactly ``str.isalnum`` for every code point (both are CPython's
# Py_UNICODE_ISALNUM), so this drops what a per-character isalnum() filter drops, in C.
_NOT_ALNUM = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """What is shingled: NFKC-folded text without whitespace, punctuation or symbols, lower-cased."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).lower())


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    norm = normalise(text)
    if len(norm) <= k:
        return {norm.encode("utf-8")} if norm else set()
    return {norm[i : i + k].encode("utf-8") for i in range(len(norm) - k + 1)}


def minhash(text: str) -> MinHash | None:
    """The text's MinHash, or None when it has too few characters to compare."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_crc, scheme=SCHEME)
    m.update_batch(list(found))
    return m


# Below this many shingles (a headline-only page) every text looks like every other short text.
MIN_SHINGLES = 8


def signature(text: str) -> bytes:
    """The signature as bytes, for storage (``NUM_PERM`` little-endian 32-bit values); empty when
    the text is too short to be compared (such an article stays a group of its own).

    Equal to ``minhash(text).hashvalues`` as bytes, computed without a Python call per shingle."""
    norm = normalise(text)
    if len(norm) - SHINGLE + 1 < MIN_SHINGLES:
        return b""  # fewer shingle positions than MIN_SHINGLES (a text of <= SHINGLE chars has one)
    hashes = np.unique(_shingle_crcs(norm, SHINGLE))
    # Distinct crc32 values are distinct shingles; only with too few values need the shingles
    # themselves be counted (two shingles might share a crc32).
    if len(hashes) < MIN_SHINGLES and len(shingles(text)) < MIN_SHINGLES:
        return b""
    return _min_permuted(hashes).astype(_DTYPE).tobytes()


def _crc_table() -> np.ndarray:
    # The byte-at-a-time table of zlib's crc32 (reflected polynomial 0xEDB88320).
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> np.uint32(1)) ^ np.uint32(0xEDB88320), table >> np.uint32(1))
    return table.astype(np.uint32)


_CRC_TABLE = _crc_table()


def _shingle_crcs(norm: str, k: int) -> np.ndarray:
    """``zlib.crc32`` of the UTF-8 bytes of every ``k``-character run of ``norm`` (len(norm) >= k),
    all runs at once: one table step per byte position, across all shingles together."""
    data = np.frombuffer(norm.encode("utf-8"), dtype=np.uint8)
    points = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32)
    widths = 1 + (points >= 0x80).astype(np.int64) + (points >= 0x800) + (points >= 0x10000)
    starts = np.concatenate(([0], np.cumsum(widths)))
    n = len(norm) - k + 1
    first = starts[:n]
    lengths = starts[k : k + n] - first
    last = len(data) - 1
    crc = np.full(n, 0xFFFFFFFF, dtype=np.uint32)
    for j in range(int(lengths.max())):
        byte = data[np.minimum(first + j, last)]
        step = _CRC_TABLE[(crc ^ byte) & np.uint32(0xFF)] ^ (crc >> np.uint32(8))
        crc = np.where(j < lengths, step, crc)
    return crc ^ np.uint32(0xFFFFFFFF)


# Rows of the (hashes x NUM_PERM) matrix taken at a time: bounds memory on a very long text.
_CHUNK = 4096
# MurmurHash3's 32-bit finalizer constants, as datasketch's ``_fmix`` applies them.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # datasketch's own (a, b) for NUM_PERM/SEED/SCHEME, taken from a MinHash, not re-derived.
    from datasketch import MinHash

    a, b = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


def _min_permuted(hashes: np.ndarray) -> np.ndarray:
    """datasketch's affine32 update over 32-bit input hashes: premix, permute, column minimum."""
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hashes.astype(np.uint32)
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    a, b = _permutations()
    out = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    for lo in range(0, len(hv), _CHUNK):
        block = hv[lo : lo + _CHUNK, None] * a + b  # wraps modulo 2**32, as datasketch's does
        np.minimum(out, block.min(axis=0), out=out)
    return out


def from_bytes(data: bytes) -> MinHash:
    from datasketch import MinHash

    values = np.frombuffer(data, dtype=_DTYPE)
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme=SCHEME)


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two stored signatures."""
    va = np.frombuffer(a, dtype=_DTYPE)
    vb = np.frombuffer(b, dtype=_DTYPE)
    return float(np.count_nonzero(va == vb)) / len(va)


def bands(threshold: float = THRESHOLD) -> tuple[int, int]:
    """(bands, rows per band) for LSH at ``threshold``: datasketch's choice, which weighs the
    chance of missing a similar pair against that of comparing a dissimilar one."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def signature_matrix(signatures: Sequence[bytes]) -> np.ndarray:
    """Stored signatures (all non-empty) as an ``(n, NUM_PERM)`` uint32 array."""
    if not signatures:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    return np.frombuffer(b"".join(signatures), dtype=_DTYPE).reshape(len(signatures), NUM_PERM).astype(np.uint32)


_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit multiplier: folds a band's values into one key


def similar_pairs(sigs: np.ndarray, threshold: float = THRESHOLD) -> np.ndarray:
    """Row pairs ``(i, j)``, i < j, whose estimated similarity is at least ``threshold``.

    LSH banding, vectorised: each band's values are folded into a 64-bit key, rows are sorted by
    key, and rows sharing a key (a bucket) become candidates — each paired with its bucket's first
    row and with its neighbour, which links a bucket without listing all its pairs. Candidates are
    then checked against the signatures. This is datasketch's ``MinHashLSH`` scheme with its
    parameters (:func:`bands`); its index inserts one key at a time in Python (13 s for 100,000
    signatures on the reference machine), where the sort takes a fraction of a second.
    """
    n = len(sigs)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    b, r = bands(threshold)
    wide = sigs.astype(np.uint64)
    found: list[np.ndarray] = []
    for band in range(b):
        key = np.zeros(n, dtype=np.uint64)
        for col in range(band * r, band * r + r):
            key = key * _MIX + wide[:, col]  # wraps modulo 2**64, as intended
        order = np.argsort(key, kind="stable")
        ks = key[order]
        same = ks[1:] == ks[:-1]
        if not same.any():
            continue
        # Each bucket's first row: where a run of equal keys starts.
        starts = np.concatenate(([True], ~same))
        first = order[np.maximum.accumulate(np.where(starts, np.arange(n), 0))]
        idx = np.nonzero(same)[0] + 1
        found.append(np.stack([order[idx - 1], order[idx]], axis=1))
        found.append(np.stack([first[idx], order[idx]], axis=1))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    pairs = np.sort(pairs, axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    pairs = np.unique(pairs, axis=0)
    agree = (sigs[pairs[:, 0]] == sigs[pairs[:, 1]]).mean(axis=1)
    return pairs[agree >= threshold].astype(np.int64)


def components(n: int, pairs: np.ndarray) -> list[int]:
    """Connected components (union-find): for each of ``n`` rows, the smallest row in its group."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs.tolist():
        a, c = find(i), find(j)
        if a != c:
            parent[max(a, c)] = min(a, c)
    return [find(i) for i in range(n)]
