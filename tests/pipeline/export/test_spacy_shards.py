"""spaCy DocBin shards (issue 13): coarse tokens that keep every span aligned, and a DocBin whose
lean ``add`` must write what spaCy's own serialisation writes."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")
srsly = pytest.importorskip("srsly")

from spacy.tokens import Doc, DocBin  # noqa: E402
from spacy.tokens import Span as SpacySpan  # noqa: E402

from pipeline.export.spacy_shards import SPAN_KEY, ShardBuilder, build_shard, token_edges  # noqa: E402
from pipeline.export.span_formats import SpanDoc  # noqa: E402
from pipeline.export.spans import Span, non_overlapping  # noqa: E402

DOCS = [
    SpanDoc(1, "江西省南昌市 签约\n\n副省长王春雷出席。", [Span(0, 3, "LOC"), Span(0, 6, "LOC"), Span(3, 6, "LOC"),
                                               Span(12, 15, "TITLE"), Span(15, 18, "PER")]),
    SpanDoc(2, "𠀋𡈽公司\u3000與 澳門貿促局合作", [Span(0, 4, "ORG"), Span(7, 12, "ORG")]),
    SpanDoc(3, "", []),
    SpanDoc(4, "no spans at all, 只有文字", []),
]


def _read(data: bytes) -> list[Doc]:
    return list(DocBin().from_bytes(data).get_docs(spacy.blank("zh").vocab))


def test_shards_read_back_with_every_span_and_the_longest_first_entities() -> None:
    docs = _read(build_shard(DOCS))
    assert [d.user_data["article_id"] for d in docs] == [1, 2, 3, 4]
    for d, want in zip(docs, DOCS, strict=True):
        assert d.text == want.text
        assert sorted((s.start_char, s.end_char, s.label_) for s in d.spans[SPAN_KEY]) == sorted(want.spans)
        assert [(e.start_char, e.end_char, e.label_) for e in d.ents] == list(non_overlapping(want.spans))
    assert [(e.text, e.label_) for e in docs[1].ents] == [("𠀋𡈽公司", "ORG"), ("澳門貿促局", "ORG")]


def test_tokens_break_at_span_edges_and_whitespace_only() -> None:
    text = "江西省南昌市 签约\n\n副省长"
    edges = token_edges(text, [Span(0, 3, "LOC")])
    words = [text[a:b] for a, b in pairwise(edges)]
    assert words == ["江西省", "南昌市", " ", "签约", "\n\n", "副省长"]


def test_the_shard_message_is_what_spacys_docbin_writes() -> None:
    # The builder fills DocBin's columns itself: for the same documents, built as spaCy Docs and
    # added to a DocBin, spaCy must pack the same message (DocBin.add also interns the empty
    # tag, lemma and dependency strings and lower-case norms: the only difference allowed).
    import zlib

    from pipeline.export.spacy_shards import ATTRS

    builder = ShardBuilder()
    reference = DocBin(attrs=ATTRS, store_user_data=True)
    vocab = spacy.blank("zh").vocab
    for want in DOCS:
        builder.add(want)
        edges = token_edges(want.text, want.spans)
        at = {e: i for i, e in enumerate(edges)}
        words = [want.text[a:b] for a, b in pairwise(edges)]
        doc = Doc(vocab, words=words, spaces=[False] * len(words))
        doc.ents = [SpacySpan(doc, at[s[0]], at[s[1]], label=s[2]) for s in non_overlapping(want.spans)]
        doc.spans[SPAN_KEY] = [SpacySpan(doc, at[s[0]], at[s[1]], label=s[2]) for s in want.spans]
        doc.user_data["article_id"] = want.id
        reference.add(doc)
    theirs = srsly.msgpack_loads(zlib.decompress(reference.to_bytes()))
    ours = srsly.msgpack_loads(zlib.decompress(builder.to_bytes()))
    assert ours.keys() == theirs.keys()
    for key in ours:
        if key != "strings":
            assert ours[key] == theirs[key], key
    extra = set(theirs["strings"]) - set(ours["strings"])
    assert set(ours["strings"]) <= set(theirs["strings"]) and extra <= {""} | {w.lower() for w in ours["strings"]}


def test_a_shard_directory_is_a_spacy_training_corpus(tmp_path: Path) -> None:
    from spacy.training import Corpus

    (tmp_path / "train").mkdir()
    (tmp_path / "train" / "part-00000.spacy").write_bytes(build_shard(DOCS[:2]))
    (tmp_path / "train" / "part-00001.spacy").write_bytes(build_shard(DOCS[2:]))
    nlp = spacy.blank("zh")
    examples = list(Corpus(tmp_path / "train")(nlp))
    # Both shards are read; spaCy's reader itself leaves out the empty document.
    assert [e.reference.text for e in examples] == [d.text for d in DOCS if d.text]
    ents = [(e.text, e.label_) for e in examples[1].reference.ents]
    assert ents == [("𠀋𡈽公司", "ORG"), ("澳門貿促局", "ORG")]
