"""Labelled spans for sequence-labelling exports: the field values that have evidence in the text.

A span is ``(start, end, label)`` in code points of the exported text (Python string indices, not
UTF-16 units), so ``text[start:end]`` is the labelled text in every format, astral characters
included. Which field gives which label is a mapping the user can change (``--labels``);
``person_title`` is the title printed beside a person's name (副厅长王春雷), which extraction keeps
in the person's value but not in the evidence, so it is found next to each name mention here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

DEFAULT_LABELS: dict[str, str] = {
    "people": "PER",
    "person_title": "TITLE",
    "organizations": "ORG",
    "places": "LOC",
    "amounts": "AMOUNT",
    "counts": "COUNT",
    "published_at": "DATE",
    "event_start": "DATE",
    "event_end": "DATE",
    "industries": "INDUSTRY",
}
TITLE_REACH = 12  # characters before a name in which its title is looked for (副厅长 王春雷, 党组书记、厅长王…)


SpanTuple = tuple[int, int, str]  # (start, end, label): what the writers read, Span or a plain tuple


class Span(NamedTuple):
    """A labelled span; a tuple, so sorting and de-duplicating run in C (an article can hold
    hundreds of spans, and a dataclass's generated comparisons were most of an export's time)."""

    start: int
    end: int
    label: str


class LabelError(ValueError):
    pass


def parse_labels(spec: str, base: Mapping[str, str] = DEFAULT_LABELS) -> dict[str, str]:
    """``"people=PERSON,person_title=,places=GPE"``: rename labels, or drop a field with an empty label."""
    labels = dict(base)
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        field, sep, label = part.partition("=")
        field, label = field.strip(), label.strip()
        if not sep or field not in DEFAULT_LABELS:
            raise LabelError(f"bad label mapping {part!r}: expected FIELD=LABEL with FIELD one of "
                             f"{', '.join(DEFAULT_LABELS)}")
        if label:
            labels[field] = label
        else:
            labels.pop(field, None)
    return labels


def _title_span(text: str, name_start: int, title: str) -> tuple[int, int] | None:
    if not title:
        return None
    lo = max(0, name_start - len(title) - TITLE_REACH)
    at = text.rfind(title, lo, name_start)
    return (at, at + len(title)) if at >= 0 else None


def article_spans(text: str, fields: Mapping[str, Mapping[str, Any]],
                  labels: Mapping[str, str] = DEFAULT_LABELS) -> list[Span]:
    """Every labelled evidence span of the article's fields, sorted, without repeats. Evidence that
    does not fit the text (a stale span) is left out rather than exported wrong."""
    return list(map(Span._make, span_tuples(text, fields, labels)))


def span_tuples(text: str, fields: Mapping[str, Mapping[str, Any]],
                labels: Mapping[str, str] = DEFAULT_LABELS) -> list[tuple[int, int, str]]:
    """:func:`article_spans` as plain ``(start, end, label)`` tuples: what the Parquet export
    needs, without making hundreds of objects an article."""
    n = len(text)
    found: set[tuple[int, int, str]] = set()  # plain tuples: Span objects are made once, at the end
    title_label = labels.get("person_title")
    for name, entry in fields.items():
        label = labels.get(name)
        want_titles = name == "people" and title_label
        if not label and not want_titles:
            continue
        for value in entry.get("values") or ():
            evidence = value.get("evidence")
            if not evidence:
                continue
            title = ""
            if want_titles and isinstance(value.get("value"), dict):
                title = str(value["value"].get("title") or "")
            if label and not title:  # the common case, kept tight: evidence offsets are stored as ints
                found.update([(s, e, label) for s, e in evidence if 0 <= s < e <= n])
                continue
            for span in evidence:
                start, end = int(span[0]), int(span[1])
                if not 0 <= start < end <= n:
                    continue
                if label:
                    found.add((start, end, label))
                if title and title_label:
                    t = _title_span(text, start, title)
                    if t is not None:
                        found.add((t[0], t[1], title_label))
    return sorted(found)


_S = TypeVar("_S", bound=SpanTuple)


def non_overlapping(spans: Iterable[_S]) -> list[_S]:
    """A subset without overlaps, for formats that cannot nest (BIO tags, spaCy entities): longer
    spans first, then earlier ones; the result in text order."""
    # Spans in different runs of overlapping spans never compete, so the choice is made run by
    # run, and a span overlapping nothing (most of an article's ~150) is taken by a linear walk
    # instead of the sorted, bisected choice.
    ordered = sorted(spans)
    taken: list[_S] = []
    i, n = 0, len(ordered)
    while i < n:
        s = ordered[i]
        reach = s[1]
        j = i + 1
        while j < n and ordered[j][0] < reach:
            reach = max(reach, ordered[j][1])
            j += 1
        if j == i + 1:
            taken.append(s)
        else:
            taken.extend(_longest_first(ordered[i:j]))
        i = j
    return taken


def _longest_first(spans: list[_S]) -> list[_S]:
    """The non-overlapping choice within one run: longer spans first, then earlier ones."""
    taken: list[_S] = []
    # The taken spans are disjoint: kept sorted by start, their ends are sorted too, so a span
    # overlaps one of them exactly when it overlaps the last one starting before its end.
    starts: list[int] = []
    ends: list[int] = []
    for _neg_len, start, _label, s in sorted([(s[0] - s[1], s[0], s[2], s) for s in spans]):
        end = s[1]
        i = bisect_left(starts, end)
        if i and ends[i - 1] > start:
            continue
        taken.append(s)
        starts.insert(i, start)
        ends.insert(i, end)
    return sorted(taken)


def bio_tags(n: int, spans: Sequence[Span]) -> list[str]:
    """One tag per character: ``B-LABEL`` / ``I-LABEL`` / ``O`` (spans must not overlap)."""
    tags = ["O"] * n
    for s in spans:
        tags[s.start] = f"B-{s.label}"
        for i in range(s.start + 1, s.end):
            tags[i] = f"I-{s.label}"
    return tags
