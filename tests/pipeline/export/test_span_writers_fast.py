"""The CoNLL and JSON span writers were rewritten for speed (issue 13); they must write what the
plain versions wrote, kept here as oracles, for the characters that are hard to get right."""

from __future__ import annotations

import io
import json
import random

from pipeline.export.span_formats import ConllWriter, DoccanoWriter, LabelStudioWriter, SpanDoc, conll_token
from pipeline.export.spans import Span, bio_tags, non_overlapping

TEXTS = [
    "",
    "江西省 签约\t项目\n第二行\r\n",
    "𠀋𡈽 astral 字\u3000全角空格\u200b零宽\x00\x1f\x7f\u2028\u2029 end",
    "單一繁體「引號」\"quote\" \\ back",
]


def _old_conll(doc: SpanDoc) -> str:
    tags = bio_tags(len(doc.text), non_overlapping(doc.spans))
    lines = [f"# article_id = {doc.id}\n"]
    lines.extend(f"{conll_token(ch)}\t{tag}\n" for ch, tag in zip(doc.text, tags, strict=True))
    lines.append("\n")
    return "".join(lines)


def _docs() -> list[SpanDoc]:
    out = []
    for i, text in enumerate(TEXTS):
        spans = [Span(0, 2, "LOC"), Span(1, 3, "ORG"), Span(4, 6, "PER")] if len(text) > 6 else []
        out.append(SpanDoc(i + 1, text, spans, {"title": text[:5], "group_id": i, "canonical": i % 2 == 0,
                                                "published_at": None, "big": 2**70 if i == 3 else 1}))
    return out


def test_conll_writes_what_the_line_by_line_writer_wrote() -> None:
    fh = io.StringIO(newline="")
    w = ConllWriter(fh)
    for doc in _docs():
        w.write(doc)
    w.close()
    assert fh.getvalue() == "".join(_old_conll(d) for d in _docs())


def test_conll_runs_cut_at_span_edges_match_the_oracle_over_hard_characters() -> None:
    # The writer joins whole runs between span edges and escapes only runs holding whitespace or
    # unprintables: spans that start, end or lie on such characters must come out the same.
    rng = random.Random(13)
    alphabet = "招商 \n\t\u3000\x00\u200b\U0002000b網A1,。\r\x85\u2028"
    docs = []
    for i in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        spans = set()
        for _ in range(rng.randint(0, 10) if text else 0):
            a = rng.randrange(len(text))
            spans.add(Span(a, rng.randint(a + 1, min(len(text), a + 5)), rng.choice(["PER", "ORG"])))
        docs.append(SpanDoc(i, text, sorted(spans)))
    fh = io.StringIO(newline="")
    w = ConllWriter(fh)
    for doc in docs:
        w.write(doc)
    assert fh.getvalue() == "".join(_old_conll(d) for d in docs)


def _old_dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def test_json_span_writers_write_what_json_dumps_wrote() -> None:
    docs = _docs()
    # A lone surrogate (orjson refuses it) and an integer beyond 64 bits take json's path.
    docs.append(SpanDoc(9, "lone \ud800 surrogate", [Span(0, 4, "ORG")], {"n": 2**70}))
    fh = io.StringIO(newline="")
    w = DoccanoWriter(fh)
    for d in docs:
        w.write(d)
    want = "".join(_old_dumps({"id": d.id, "text": d.text, "label": [[s.start, s.end, s.label] for s in d.spans],
                               **d.meta}) + "\n" for d in docs)
    assert fh.getvalue() == want

    fh = io.StringIO(newline="")
    ls = LabelStudioWriter(fh)
    for d in docs:
        ls.write(d)
    ls.close()
    tasks = json.loads(fh.getvalue())
    assert [t["data"]["text"] for t in tasks] == [d.text for d in docs]
    # Re-serialising each task with json.dumps gives back the exact text written.
    assert "[\n" + ",\n".join(_old_dumps(t) for t in tasks) + "\n]\n" == fh.getvalue()


def _old_non_overlapping(spans: list[Span]) -> list[Span]:
    taken: list[Span] = []
    used: list[tuple[int, int]] = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start, s.label)):
        if all(s.end <= a or s.start >= b for a, b in used):
            taken.append(s)
            used.append((s.start, s.end))
    return sorted(taken)


def test_non_overlapping_takes_what_the_pairwise_scan_took() -> None:
    import random

    rng = random.Random(13)
    for _ in range(3000):
        n = rng.randint(0, 40)
        spans = []
        for _ in range(n):
            a = rng.randint(0, 60)
            spans.append(Span(a, a + rng.choice((0, 1, 1, 2, 3, 5, 8, 20)), rng.choice("ABC")))
        assert non_overlapping(spans) == _old_non_overlapping(spans), spans
