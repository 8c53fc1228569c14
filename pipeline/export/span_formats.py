"""Span exports for annotation and training tools: doccano JSONL, Label Studio JSON and character
BIO (CoNLL style), each a writer streaming one article at a time into an open file (the caller
makes it atomic) and finishing the file in ``close``; spaCy ``DocBin`` shards are built by
``pipeline.export.spacy_shards``.

Offsets are code points of the exported ``text`` everywhere (``text[start:end]`` in Python). Label
Studio's own editor counts UTF-16 units in the browser, which differs only for characters beyond
the Basic Multilingual Plane (rare CJK extension characters, emoji); the README says so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

from pipeline.export.spans import SpanTuple, non_overlapping

try:
    import orjson
except ImportError:  # pragma: no cover - a declared dependency; json is the fallback
    orjson = None  # type: ignore[assignment]

SPAN_FORMATS: tuple[str, ...] = ("doccano", "labelstudio", "conll", "spacy")


@dataclass(frozen=True, slots=True)
class SpanDoc:
    """One article for a span export: the exported text, its labelled spans, and plain metadata."""

    id: int
    text: str
    spans: Sequence[SpanTuple]  # Span objects or plain (start, end, label) tuples: read by index
    meta: dict[str, Any] = field(default_factory=dict)


class SpanWriter(Protocol):
    def write(self, doc: SpanDoc) -> None: ...

    def close(self) -> None: ...


def _dumps(value: Any) -> str:
    """Compact JSON, UTF-8 text not escapes: orjson writes the same text as ``json.dumps`` several
    times faster (a Label Studio task carries ~150 span objects); what orjson refuses (a lone
    surrogate, an integer beyond 64 bits) goes through ``json``."""
    if orjson is not None:
        try:
            return orjson.dumps(value).decode("utf-8")
        except (TypeError, orjson.JSONEncodeError):
            pass
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class DoccanoWriter:
    """doccano's sequence-labelling JSONL: ``{"text", "label": [[start, end, LABEL], …]}``; the other
    keys are shown by doccano as the example's metadata."""

    def __init__(self, fh: IO[str]) -> None:
        self._fh = fh

    def write(self, doc: SpanDoc) -> None:
        record = {"id": doc.id, "text": doc.text, "label": [[s[0], s[1], s[2]] for s in doc.spans], **doc.meta}
        self._fh.write(_dumps(record) + "\n")

    def close(self) -> None:
        pass


LS_FROM, LS_TO = "label", "text"  # the tag names of Label Studio's named-entity template


def labelstudio_config(labels: list[str]) -> str:
    """The labelling configuration these tasks fit (Label Studio's NER template)."""
    items = "\n".join(f'    <Label value="{label}"/>' for label in labels)
    return (f'<View>\n  <Labels name="{LS_FROM}" toName="{LS_TO}">\n{items}\n  </Labels>\n'
            f'  <Text name="{LS_TO}" value="$text"/>\n</View>\n')


class LabelStudioWriter:
    """Label Studio tasks (a JSON array): ``data.text`` plus one annotation whose results are the
    spans (``from_name``/``to_name``/``type: labels``, ``value.start/end/text/labels``)."""

    def __init__(self, fh: IO[str]) -> None:
        self._fh = fh
        self._first = True
        fh.write("[")

    def write(self, doc: SpanDoc) -> None:
        result = [
            {"id": f"{doc.id}-{k}", "from_name": LS_FROM, "to_name": LS_TO, "type": "labels", "origin": "manual",
             "value": {"start": start, "end": end, "text": doc.text[start:end], "labels": [label]}}
            for k, (start, end, label) in enumerate(doc.spans)
        ]
        task = {"data": {"text": doc.text, "article_id": doc.id, **doc.meta},
                "annotations": [{"result": result, "ground_truth": False}]}
        self._fh.write(("\n" if self._first else ",\n") + _dumps(task))
        self._first = False

    def close(self) -> None:
        self._fh.write("\n]\n")


def conll_token(ch: str) -> str:
    """A character as the first column: itself, or ``U+XXXX`` for whitespace and control characters
    (which would break the line-per-character layout). A token longer than one character is always
    such an escape, so reading it back is unambiguous."""
    if ch.isspace() or not ch.isprintable():
        return f"U+{ord(ch):04X}"
    return ch


class _TokenCache(dict[str, str]):
    """``conll_token`` of each character, computed once per distinct character."""

    def __missing__(self, ch: str) -> str:
        token = self[ch] = conll_token(ch)
        return token


_TOKENS = _TokenCache()


class ConllWriter:
    """Character BIO: ``# article_id = N``, then one ``char<TAB>tag`` line per character, then a
    blank line. Overlapping spans keep the longest (BIO cannot nest)."""

    def __init__(self, fh: IO[str]) -> None:
        self._fh = fh

    def write(self, doc: SpanDoc) -> None:
        # The text is cut at span edges and each run's lines made by one str.join over the run
        # (C speed: a line per character is ~300 M lines at 100,000 articles); only runs holding
        # whitespace or unprintable characters, which need a U+XXXX token, go character by
        # character. A list and an f-string per character cost ~0.5 ms an article.
        text = doc.text
        out = [f"# article_id = {doc.id}\n"]
        pos = 0
        for start, end, label in non_overlapping(doc.spans):
            if start > pos:
                run = text[pos:start]
                if run.isprintable() and " " not in run:  # the common case, inline (~130 spans an article)
                    out.append(_O_JOIN(run))
                    out.append(_O_SUFFIX)
                else:
                    _run_lines(run, _O_SUFFIX, out)
            b_suffix, i_suffix = _suffixes(label)
            run = text[start:end]
            if run.isprintable() and " " not in run:
                out.append(run[0])
                out.append(b_suffix)
                if end - start > 1:
                    out.append(i_suffix.join(run[1:]))
                    out.append(i_suffix)
            else:
                _run_lines(run[0], b_suffix, out)
                _run_lines(run[1:], i_suffix, out)
            pos = end
        if pos < len(text):
            _run_lines(text[pos:], _O_SUFFIX, out)
        out.append("\n")
        self._fh.write("".join(out))

    def close(self) -> None:
        pass


_O_SUFFIX = "\tO\n"
_O_JOIN = _O_SUFFIX.join
_SUFFIXES: dict[str, tuple[str, str]] = {}
_SPACE_SPLIT = re.compile(r"(\s)")  # \s is str.isspace(): the characters conll_token escapes, with the unprintables


def _suffixes(label: str) -> tuple[str, str]:
    found = _SUFFIXES.get(label)
    if found is None:
        found = _SUFFIXES[label] = (f"\tB-{label}\n", f"\tI-{label}\n")
    return found


def _run_lines(run: str, suffix: str, out: list[str]) -> None:
    """``token + suffix`` for every character of ``run``, appended to ``out``."""
    if not run:
        return
    if run.isprintable() and " " not in run:  # no whitespace (isprintable is False for all but " ")
        out.append(suffix.join(run))
        out.append(suffix)
        return
    for k, piece in enumerate(_SPACE_SPLIT.split(run)):
        if not piece:
            continue
        if k % 2 == 0 and piece.isprintable():  # even pieces lie between the split's whitespace
            out.append(suffix.join(piece))
            out.append(suffix)
        else:
            out.extend(_TOKENS[ch] + suffix for ch in piece)


def read_conll(data: str) -> Iterator[tuple[int, str, list[str]]]:
    """(article id, text, tags) from :class:`ConllWriter` output: the reader the format implies."""
    aid, chars, tags = 0, [], []  # type: tuple[int, list[str], list[str]]
    for line in data.split("\n"):
        if line.startswith("# article_id = "):
            aid, chars, tags = int(line.split("=", 1)[1]), [], []
        elif line == "":
            if chars or tags:
                yield aid, "".join(chars), tags
            chars, tags = [], []
        else:
            token, tag = line.rsplit("\t", 1)
            chars.append(chr(int(token[2:], 16)) if len(token) > 1 else token)
            tags.append(tag)


class SpacyMissingError(RuntimeError):
    pass


SPACY_MISSING = ("the spacy format needs spaCy: install it with "
                 "pip install 'article-curator[spacy]' (or pip install spacy)")


def require_spacy() -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise SpacyMissingError(SPACY_MISSING) from exc
    return spacy


def open_span_writer(fmt: str, fh: IO[str]) -> SpanWriter:
    if fmt == "doccano":
        return DoccanoWriter(fh)
    if fmt == "labelstudio":
        return LabelStudioWriter(fh)
    if fmt == "conll":
        return ConllWriter(fh)
    if fmt == "spacy":  # a directory of shards, not one stream: pipeline.export.spacy_shards
        raise ValueError("the spacy format is written as a directory of shards (pipeline.export.spacy_shards)")
    raise ValueError(f"unknown span format {fmt!r} (expected one of {', '.join(SPAN_FORMATS)})")
