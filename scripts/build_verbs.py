"""Rebuild resources/verbs.txt: two-character Chinese verbs of general use.

Source: jieba 0.42.1's dictionary, words of exactly two characters tagged ``v`` (a verb; not ``vn``, a
verb used as a noun, which names bodies: 投资促进局), frequency >= 100. Organization names are read
leftwards from their endings; a verb standing at the front of such a head (落脚铜锣科学园区) or completed
by the character before the head (了解华为… : 了 + 解) is the sentence, not the name.
Usage: python scripts/build_verbs.py > resources/verbs.txt
"""

from __future__ import annotations

import os

import jieba

MIN_FREQ = 100


def main() -> None:
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    words: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) == 2 and parts[2] == "v" and int(parts[1]) >= MIN_FREQ:
                words.add(parts[0])
    print("# Two-character Chinese verbs (tag v, not vn).")
    print(f"# Source: jieba 0.42.1's dictionary, frequency >= {MIN_FREQ};")
    print("# regenerate with scripts/build_verbs.py.")
    for w in sorted(words):
        print(w)


if __name__ == "__main__":
    main()
