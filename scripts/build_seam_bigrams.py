"""Rebuild resources/seam_bigrams.txt: common two-character words that can flank a place name.

幸福建设 holds 福建 at the seam of 幸福 and 建设; a two-character place form is ignored when the
words on both sides of it are common. Kept: jieba 0.42.1 dictionary words of two characters with
frequency >= 500 whose second character starts, or whose first character ends, some two-character
place form. Usage: python scripts/build_seam_bigrams.py > resources/seam_bigrams.txt
"""

from __future__ import annotations

import os

import jieba

from pipeline.extraction.lexicons import places


def main() -> None:
    forms = [f for f in places().by_form if len(f) == 2]
    firsts = {f[0] for f in forms}
    seconds = {f[1] for f in forms}
    words: set[str] = set()
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) == 2 and int(parts[1]) >= 500:
                w = parts[0]
                if w[1] in firsts or w[0] in seconds:
                    words.add(w)
    print("# Common two-character words that can flank a two-character place form (幸福|建设 around 福建).")
    print("# Source: jieba 0.42.1's dictionary, frequency >= 500; regenerate with scripts/build_seam_bigrams.py.")
    for w in sorted(words):
        print(w)


if __name__ == "__main__":
    main()
