"""Rebuild resources/function_words.txt: Chinese function words (particles, prepositions, conjunctions).

Prose is dense in them; page furniture (menus, counters, credits) has almost none, so their
density is one feature of the boilerplate classifier. Kept: jieba 0.42.1 dictionary words of one
or two characters tagged u* (particle), p (preposition) or c (conjunction), frequency >= 5000.
Usage: python scripts/build_function_words.py > resources/function_words.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from jieba_dict import entries

TAGS = ("u", "p", "c")
MIN_FREQ = 5000


def main() -> None:
    words = {w for w, freq, tag in entries() if len(w) <= 2 and tag.startswith(TAGS) and freq >= MIN_FREQ}
    print("# Chinese function words: particles (u*), prepositions (p), conjunctions (c).")
    print(f"# Source: jieba 0.42.1's dictionary, words of 1-2 characters, frequency >= {MIN_FREQ};")
    print("# regenerate with scripts/build_function_words.py.")
    for w in sorted(words):
        print(w)


if __name__ == "__main__":
    main()
