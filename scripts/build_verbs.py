"""Rebuild resources/verbs.txt: two-character Chinese verbs of general use.

Source: jieba 0.42.1's dictionary, words of exactly two characters tagged ``v`` (a verb; not ``vn``, a
verb used as a noun, which names bodies: 投资促进局), frequency >= 100. Organization names are read
leftwards from their endings; a verb standing at the front of such a head (落脚铜锣科学园区) or completed
by the character before the head (了解华为… : 了 + 解) is the sentence, not the name.
Usage: python scripts/build_verbs.py > resources/verbs.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from jieba_dict import entries

MIN_FREQ = 100


def main() -> None:
    words = {w for w, freq, tag in entries() if len(w) == 2 and tag == "v" and freq >= MIN_FREQ}
    print("# Two-character Chinese verbs (tag v, not vn).")
    print(f"# Source: jieba 0.42.1's dictionary, frequency >= {MIN_FREQ};")
    print("# regenerate with scripts/build_verbs.py.")
    for w in sorted(words):
        print(w)


if __name__ == "__main__":
    main()
