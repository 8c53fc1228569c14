"""Rebuild resources/name_stopwords.txt: words that start with a surname but are not names.

After a title, 强调 or 高度 could be read as a two-character name (强 and 高 are surnames). A
candidate is rejected when jieba's dictionary knows it as a common word: tag other than a
person name (nr*), frequency >= 300, two or three characters, first character a surname.
Usage: python scripts/build_name_stopwords.py > resources/name_stopwords.txt
"""

from __future__ import annotations

import os

import jieba

from pipeline.extraction.lexicons import surnames


def main() -> None:
    sur = surnames()
    words: set[str] = set()
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) != 3:
                continue
            w, freq, tag = parts[0], int(parts[1]), parts[2]
            if not 2 <= len(w) <= 3 or tag.startswith("nr") or freq < 300:
                continue
            if w[0] in sur.single or w[:2] in sur.compound:
                words.add(w)
    print("# Words that begin with a surname character but are common words, not names (强调, 高度).")
    print("# Source: jieba 0.42.1's dictionary: 2-3 characters, tag not nr*, frequency >= 300, first")
    print("# character in surnames.txt. Regenerate with scripts/build_name_stopwords.py.")
    for w in sorted(words):
        print(w)


if __name__ == "__main__":
    main()
