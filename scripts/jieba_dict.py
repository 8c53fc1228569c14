"""jieba's bundled dictionary (``dict.txt``) read as (word, frequency, tag) rows, for the build
scripts that derive word lists from it (verbs, function words, common words)."""

from __future__ import annotations

import os
from collections.abc import Iterator


def entries() -> Iterator[tuple[str, int, str]]:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                yield parts[0], int(parts[1]), parts[2]
