"""spaCy ``DocBin`` shards: the spaCy export is a directory of ``.spacy`` files of at most
``SHARD_DOCS`` documents each, which ``spacy train`` reads as one corpus (``--paths.train DIR``:
spaCy's ``Corpus`` walks a directory for ``.spacy`` files).

A ``DocBin`` is serialised whole, so one file for a whole store held every document in memory
(over 20 GB at 100,000 articles); shards keep memory flat and are built in worker processes.

Each document is tokenised at span edges and around whitespace, not one token per character:
every span still aligns with tokens (``doc.ents`` and ``doc.spans["sc"]`` are exact), spaCy's
training aligns the reference tokens to its own tokenizer's by characters anyway, and serialising
~2,800 one-character tokens an article cost ~12 ms against ~1.5 ms for ~350 tokens.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from pipeline.export.span_formats import SpanDoc, require_spacy
from pipeline.export.spans import SpanTuple, non_overlapping

SHARD_DOCS = 1000
# What the reader needs: the token texts and the entity tags (whitespace is in the spaces column
# DocBin always keeps). The default attribute list adds ten columns of zeros (tags, lemmas,
# dependencies) that only cost compression time.
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
    """Documents added one at a time, serialised with :meth:`to_bytes` (a ``.spacy`` file)."""

    def __init__(self) -> None:
        spacy = require_spacy()
        from spacy.tokens import Doc, DocBin, Span

        self._vocab = spacy.blank("zh").vocab
        self._doc_cls, self._span_cls = Doc, Span
        self._bin = _lean_docbin(DocBin)(attrs=ATTRS, store_user_data=True)
        self.count = 0

    def add(self, doc: SpanDoc) -> None:
        text = doc.text
        edges = token_edges(text, doc.spans)
        words = [text[a:b] for a, b in pairwise(edges)]
        at = {e: k for k, e in enumerate(edges)}
        d = self._doc_cls(self._vocab, words=words, spaces=[False] * len(words))
        span = self._span_cls
        d.ents = [span(d, at[s[0]], at[s[1]], label=s[2]) for s in non_overlapping(doc.spans)]
        self._bin.add_article(d, words, [(at[s[0]], at[s[1]], s[0], s[1], s[2]) for s in doc.spans], doc.id)
        self.count += 1

    def to_bytes(self) -> bytes:
        data: bytes = self._bin.to_bytes()
        return data


def build_shard(docs: Iterable[SpanDoc]) -> bytes:
    builder = ShardBuilder()
    for doc in docs:
        builder.add(doc)
    return builder.to_bytes()


_LEAN: dict[type, type] = {}


def _lean_docbin(docbin_cls: type) -> Any:
    """``DocBin`` whose ``add`` skips what costs most and adds nothing for these documents.

    spaCy's ``add`` interns nine strings a token (tags, lemmas… all empty here) and serialises the
    user data and the span group with ``srsly.msgpack_dumps``, which looks up its encoders in the
    package entry points on every call (~0.25 ms, three calls a document). Here the token texts
    and labels are interned, and the same msgpack bytes are made by one reused packer
    (``tests/pipeline/export/test_spacy_shards.py`` checks them against spaCy's own)."""
    found = _LEAN.get(docbin_cls)
    if found is not None:
        return found
    import srsly
    from spacy.attrs import SPACY

    packer = srsly.msgpack.Packer(use_bin_type=True)

    class LeanDocBin(docbin_cls):
        def add_article(self, doc: Any, words: list[str], spans: list[tuple[int, int, int, int, str]],
                        article_id: int) -> None:
            array = doc.to_array(self.attrs)
            self.tokens.append(array)
            spaces = doc.to_array(SPACY)
            self.spaces.append(spaces.reshape((spaces.shape[0], 1)).astype(bool))
            self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
            self.strings.update(words)
            self.cats.append(doc.cats)
            self.user_data.append(packer.pack({"article_id": article_id}))
            # Every document has the group, empty or not: a span categoriser reads it by key.
            labels = {label: doc.vocab.strings.add(label) for label in {s[4] for s in spans}}
            self.strings.update(labels)  # the strings the file carries (a set of str)
            # SpanGroup.to_bytes's layout: id, kb_id, label hash, token start/end, char start/end.
            packed = [struct.pack(">QQQllll", 0, 0, labels[label], ts, te, cs, ce)
                      for ts, te, cs, ce, label in spans]
            group = packer.pack({"name": SPAN_KEY, "attrs": {}, "spans": packed})
            self.span_groups.append(packer.pack({group: [SPAN_KEY]}))

    _LEAN[docbin_cls] = LeanDocBin
    return LeanDocBin
