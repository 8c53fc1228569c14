"""Rebuild resources/common_words.txt: common two-character words of general Chinese.

Used where a name's last character may instead start a word (李欣全程陪同: 全程 is a word, so the
name is 李欣). Source: jieba 0.42.1's dictionary, two-character words, tag not a person name
(nr*), frequency >= 300 (the threshold name_stopwords.txt uses).
Usage: python scripts/build_common_words.py > resources/common_words.txt
"""

from __future__ import annotations

import os

import jieba


def main() -> None:
    words: set[str] = set()
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) == 2 and int(parts[1]) >= 300 and not parts[2].startswith("nr"):
                words.add(parts[0])
    print("# Common two-character words (全程, 率领): a name's last character that starts one may not be the name's.")
    print("# Source: jieba 0.42.1's dictionary, 2 characters, tag not nr*, frequency >= 300.")
    print("# Regenerate with scripts/build_common_words.py.")
    for w in sorted(words):
        print(w)


if __name__ == "__main__":
    main()
