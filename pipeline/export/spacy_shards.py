"""spaCy ``DocBin`` shards: the spaCy export is a directory of ``.spacy`` files of at most
``SHARD_DOCS`` documents each, which ``spacy train`` reads as one corpus (``--paths.train DIR``:
spaCy's ``Corpus`` walks a directory for ``.spacy`` files).

A ``DocBin`` is serialised whole, so one file for a whole store held every document in memory
(over 20 GB at 100,000 articles); shards keep memory flat and are built in worker processes.

Each document is tokenised at span edges and around whitespace, not one token per character:
every span still aligns with tokens (``doc.ents`` and ``doc.spans["sc"]`` are exact), spaCy's
training aligns the reference tokens to its own tokenizer's by characters anyway, and serialising
~2,800 one-character tokens an article cost ~12 ms (with a Doc each) against ~3 ms for ~350.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from pipeline.export.span_formats import SpanDoc, require_spacy
from pipeline.export.spans import SpanTuple, non_overlapping

SHARD_DOCS = 1000
# What the reader needs: the token texts and the entity tags (whitespace is its own token; the
# spaces column DocBin always keeps is all False). The default attribute list adds ten columns of
# zeros (tags, lemmas, dependencies) that only cost compression time.
ATTRS = ["ORTH", "ENT_IOB", "ENT_TYPE"]
SPAN_KEY = "sc"
_SPACE = re.compile(r"\s+")


def shard_name(n: int) -> str:
    return f"part-{n:05d}.spacy"


def token_edges(text: str, spans: Iterable[SpanTuple]) -> list[int]:
    """Token boundaries: the text's ends, every span's ends, and the ends of whitespace runs."""
    cuts = {0, len(text)}
    for s in spans:
        cuts.add(s[0])
        cuts.add(s[1])
    for m in _SPACE.finditer(text):
        cuts.add(m.start())
        cuts.add(m.end())
    return sorted(cuts)


class ShardBuilder:
    """Documents added one at a time, serialised with :meth:`to_bytes` (a ``.spacy`` file).

    The columns a ``DocBin`` keeps are filled here directly (token texts' ids, entity tags, the
    span group, the user data) rather than through a ``Doc`` per article and ``DocBin.add``: a Doc,
    its ``ents`` setter and ``add`` (which interns nine strings a token and packs the user data and
    the span group with ``srsly.msgpack_dumps``, itself ~0.25 ms a call as it looks its encoders up
    in the package entry points) cost ~2.5 ms an article against ~1 ms. ``to_bytes`` writes the
    message ``DocBin.to_bytes`` writes (same keys, same values); ``tests/pipeline/export/
    test_spacy_shards.py`` checks it against spaCy's own serialisation of the same documents, so a
    spaCy release that changes the format fails the tests instead of writing files it cannot read."""

    def __init__(self) -> None:
        require_spacy()
        import numpy
        import srsly
        from spacy.strings import get_string_id
        from spacy.tokens import DocBin

        self._np = numpy
        # A string's id: a built-in symbol's (ORG, PER…) or its hash, each computed once; looked up
        # by C-level map and subscript (~600 lookups an article).
        self._ids = _StringIds(get_string_id)
        self._pack = srsly.msgpack.Packer(use_bin_type=True).pack
        from spacy.attrs import ENT_IOB, ENT_TYPE, ORTH

        empty = DocBin(attrs=ATTRS, store_user_data=True)
        self._version, self._attrs = empty.version, list(empty.attrs)
        if self._attrs != [ORTH, ENT_IOB, ENT_TYPE]:  # the columns add() fills, in this order
            raise RuntimeError(f"spaCy's DocBin orders its attributes otherwise: {self._attrs}")
        self._tokens: list[Any] = []
        self._lengths: list[int] = []
        self._strings: set[str] = set()
        self._span_groups: list[bytes] = []
        self._user_data: list[bytes] = []
        self.count = 0

    def add(self, doc: SpanDoc) -> None:
        text = doc.text
        edges = token_edges(text, doc.spans)
        words = [text[a:b] for a, b in pairwise(edges)]
        at = {e: k for k, e in enumerate(edges)}
        n = len(words)
        ids = self._ids
        orth = list(map(ids.__getitem__, words))
        # Entity tags as spaCy stores them: ENT_IOB 3 = B, 1 = I, 2 = O; ENT_TYPE the label's id.
        iob, kind = [2] * n, [0] * n
        for start, end, label in non_overlapping(doc.spans):
            first, last, label_id = at[start], at[end], ids[label]
            iob[first], kind[first] = 3, label_id
            for k in range(first + 1, last):
                iob[k], kind[k] = 1, label_id
        self._tokens.append(self._np.array([orth, iob, kind], dtype=self._np.uint64).T)
        self._lengths.append(n)
        self._strings.update(words)
        self._strings.update({s[2] for s in doc.spans})
        # Every document has the group, empty or not (a span categoriser reads it by key), laid out
        # as SpanGroup.to_bytes does: id, kb_id, label id, token start/end, character start/end.
        packed = [struct.pack(">QQQllll", 0, 0, ids[label], at[start], at[end], start, end)
                  for start, end, label in doc.spans]
        group = self._pack({"name": SPAN_KEY, "attrs": {}, "spans": packed})
        self._span_groups.append(self._pack({group: [SPAN_KEY]}))
        self._user_data.append(self._pack({"article_id": doc.id}))
        self.count += 1

    def message(self) -> dict[str, Any]:
        """What ``DocBin.to_bytes`` packs, for these documents."""
        np = self._np
        n = self.count
        tokens = np.vstack(self._tokens) if self._tokens else np.asarray([])
        spaces = np.zeros((int(sum(self._lengths)), 1), dtype=bool) if n else np.asarray([])
        return {
            "version": self._version,
            "attrs": self._attrs,
            "tokens": tokens.tobytes("C"),
            "spaces": spaces.tobytes("C"),  # no token is followed by a space: spaces are tokens
            "lengths": np.asarray(self._lengths, dtype="int32").tobytes("C"),
            "strings": sorted(self._strings),
            "cats": [{} for _ in range(n)],
            "flags": [{"has_unknown_spaces": False} for _ in range(n)],
            "span_groups": self._span_groups,
            "user_data": self._user_data,
        }

    def to_bytes(self) -> bytes:
        # zlib level 1: a third of the time of the default level for ~15 % larger files;
        # DocBin.from_bytes decompresses any level.
        return zlib.compress(self._pack(self.message()), 1)


class _StringIds(dict[str, int]):
    def __init__(self, compute: Any) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, s: str) -> int:
        found: int = self._compute(s)
        self[s] = found
        return found


def build_shard(docs: Iterable[SpanDoc]) -> bytes:
    builder = ShardBuilder()
    for doc in docs:
        builder.add(doc)
    return builder.to_bytes()
