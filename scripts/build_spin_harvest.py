"""Build resources/spin_harvest.tsv: spinner substitutions learned from real spun/original pairs.

Each pair in ``devset/spinpairs/manifest.json`` is a public spun document and its original (texts in
the git-ignored cache ``devset/cache/spinpairs/``; ``devset/spinpairs/README.md`` says how to refill
it). Every pair is aligned with :func:`pipeline.cleaning.spin_learning.substitutions`; a swap is kept
when it is word for word (the same characters frame it in both versions) and the spinner made it
in at least ``MIN_DOCS`` independent document pairs. One document can differ from its original by
editing (a dropped word, a reworded clause), and such differences recur in one document only; the
spinner's table recurs across documents.

Usage: python scripts/build_spin_harvest.py [--min-docs N] [--report]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cleaning.spin_learning import substitutions  # noqa: E402
from pipeline.cleaning.spinning import word_freq  # noqa: E402

MANIFEST = ROOT / "devset" / "spinpairs" / "manifest.json"
CACHE = ROOT / "devset" / "cache" / "spinpairs"
OUT = ROOT / "resources" / "spin_harvest.tsv"
MIN_DOCS = 2
# A spun form that is no word at all (jieba frequency <= this, and not made of common words:
# 经由过程, 设置装备摆设) cannot come from an editor's rewording, which writes words; one document
# pair shows it. Measured with scripts/spin_harvest_loo.py (see devset/spinpairs/README.md).
NON_WORD_MIN_DOCS = 1
# Texts the harvest must never learn from: the dev set is a measurement, the seeds are tests.
FORBIDDEN = (ROOT / "devset" / "cache" / "cleaning", ROOT / "seeds")

HEADER = """\
# Spinner substitutions harvested from real spun documents aligned with their originals.
# Source: public spun reposts and their originals found in the code corpus of the project's search
# tool (devset/spinpairs/manifest.json names each pair and the query that finds it; the texts are
# in the git-ignored cache devset/cache/spinpairs/, see devset/spinpairs/README.md). None comes from
# the dev set or the seeds. Rebuilt by scripts/build_spin_harvest.py; do not edit by hand.
# Kept: word-for-word swaps of two or more characters on each side (the same words frame them in
# both versions) seen in >= {min_docs} independent document pairs, or in one when the spun form is no
# word at all standing for one dictionary word (jieba frequency <= 5, not made of common words:
# 经由过程 → 通过, 设置装备摆设 → 配置).
# Columns: spun, original, document pairs, occurrences, jieba freq of spun, jieba freq of original
"""


@dataclass(slots=True)
class Tally:
    docs: set[str] = field(default_factory=set)
    count: int = 0


def _read(path: Path) -> str:
    for bad in FORBIDDEN:
        if bad in path.resolve().parents:
            raise SystemExit(f"refusing to learn from {path}: dev-set and seed texts stay unseen")
    return path.read_text(encoding="utf-8")


def harvest(pairs: list[dict[str, object]]) -> tuple[dict[tuple[str, str], Tally], list[str]]:
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    missing: list[str] = []
    for pair in pairs:
        pid = str(pair["id"])
        spun_path, orig_path = CACHE / f"{pid}.spun.txt", CACHE / f"{pid}.orig.txt"
        if not (spun_path.exists() and orig_path.exists()):
            missing.append(pid)
            continue
        _, subs = substitutions(_read(spun_path), _read(orig_path))
        for sub in subs:
            # A single character (邑 → 会 from 都邑 → 都会) is too ambiguous to apply anywhere.
            if not sub.flanked or len(sub.spun) < 2 or len(sub.original) < 2:
                continue
            t = tallies[(sub.spun, sub.original)]
            t.docs.add(pid)
            t.count += 1
    return tallies, missing


def min_docs_for(spun: str, original: str, min_docs: int = MIN_DOCS) -> int:
    """Document pairs a swap needs: fewer for a spun form that is no word standing for one
    dictionary word (see NON_WORD_MIN_DOCS). A phrase (不合逻辑 → 不同逻辑, 毛病城市 → 错误都会) needs
    the full count: it is a stretch around the swap, and 不合逻辑 is good Chinese elsewhere."""
    from pipeline.cleaning.spinning import COMMON_PART, RARE, tokenize

    parts = tokenize(spun)
    composite = len(parts) > 1 and all(word_freq(p) >= COMMON_PART for p in parts)
    non_word = word_freq(spun) <= RARE and not composite and word_freq(original) > 0
    return min(min_docs, NON_WORD_MIN_DOCS) if non_word else min_docs


def chain_free(kept: dict[tuple[str, str], Tally]) -> list[tuple[tuple[str, str], Tally]]:
    """Drop a swap whose spun form is what another swap restores (建树 → 建立, 建立 → 创建): the
    spinner writes 建立 for 创建 but leaves 建立 for its own 建树, so 建立 says nothing on its own,
    and restoring in a chain would make cleaning a cleaned text change it again."""
    restored = {original for _, original in kept}
    out = [(k, t) for k, t in kept.items() if k[0] not in restored]
    return sorted(out, key=lambda kt: (-len(kt[1].docs), -kt[1].count, kt[0]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-docs", type=int, default=MIN_DOCS)
    ap.add_argument("--report", action="store_true", help="also print the pairs below the threshold")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    pairs = json.loads(MANIFEST.read_text(encoding="utf-8"))["pairs"]
    tallies, missing = harvest(pairs)
    if missing:
        print(f"warning: {len(missing)} pair(s) not in the cache: {', '.join(missing)}", file=sys.stderr)
    kept = chain_free({k: t for k, t in tallies.items() if len(t.docs) >= min_docs_for(*k, args.min_docs)})
    lines = [HEADER.format(min_docs=args.min_docs)]
    for (spun, original), t in kept:
        lines.append(f"{spun}\t{original}\t{len(t.docs)}\t{t.count}\t{word_freq(spun)}\t{word_freq(original)}\n")
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(args.out)  # atomic: a failed run leaves the old table
    print(f"{len(pairs) - len(missing)} document pairs, {len(tallies)} distinct swaps, {len(kept)} kept -> {args.out}")
    if args.report:
        for (spun, original), t in sorted(tallies.items(), key=lambda kt: (-len(kt[1].docs), kt[0])):
            if len(t.docs) < args.min_docs:
                print(f"  below: {spun}\t{original}\t{','.join(sorted(t.docs))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
