"""Industries and the event type, both from controlled vocabularies in ``resources/``."""

from __future__ import annotations

import re
from functools import cache

from pipeline.extraction import lexicons

_INDUSTRY_CONTEXT = re.compile(r"[^。；;！？!?\n]{0,16}?(?:产业|行业|企业|领域|集群|产业链|基地|园区|项目|装备|龙头)")


@cache
def _industry_matcher() -> lexicons.TrieMatcher:
    # The same leftmost-longest matches as the vocabulary's regex (a trie-factored alternation),
    # found faster: the regex tries its top-level branches one by one at every position.
    return lexicons.TrieMatcher(lexicons.industries().canonical)


def find_industries(text: str) -> dict[str, list[tuple[int, int]]]:
    """Canonical industry → spans of the synonyms that name it, in order of first mention.

    A short synonym (≤ 3 characters) counts when it recurs or sits in an industry context.
    """
    vocab = lexicons.industries()
    found: dict[str, list[tuple[int, int]]] = {}
    strong: set[str] = set()
    for start, end, word in _industry_matcher().finditer(text):
        canonical = vocab.canonical[word]
        found.setdefault(canonical, []).append((start, end))
        if canonical not in strong and (len(word) >= 4 or _INDUSTRY_CONTEXT.match(text, end)):
            strong.add(canonical)
    return {k: v for k, v in found.items() if k in strong or len(v) >= 2}


def classify_event(
    text: str, title: str | None, has_event_date: bool
) -> tuple[str, float, list[tuple[int, int]]] | None:
    """The event type whose triggers weigh most (a headline's count three times); ties go to file order.

    A report with plans or results and no dated event is a 规划与成就报道.
    """
    vocab = lexicons.event_types()
    scores: dict[str, float] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in vocab.regex.finditer(text):
        kind = vocab.canonical[m.group(0)]
        scores[kind] = scores.get(kind, 0.0) + 1 + 0.5 * (len(m.group(0)) >= 3)
        spans.setdefault(kind, []).append((m.start(), m.end()))
    if title:
        for m in vocab.regex.finditer(title):
            k = vocab.canonical[m.group(0)]
            scores[k] = scores.get(k, 0.0) + 3
    report = "规划与成就报道"
    if not has_event_date and scores.get(report, 0) >= 2:
        return report, 0.6, spans.get(report, [])[:5]
    scores.pop(report, None)
    if not scores:
        return None
    order = {k: i for i, k in enumerate(vocab.order)}
    best = max(scores, key=lambda k: (scores[k], -order.get(k, 99)))
    if not has_event_date and scores[best] < 2.5:
        return "其他", 0.4, []  # one passing trigger word in an undated report names no event
    total = sum(scores.values())
    return best, round(min(0.95, 0.4 + 0.6 * scores[best] / total), 3), spans.get(best, [])[:5]
