"""Extraction: cleaned text → field values with evidence, rule and confidence.

The public contract is ``extract(result) -> {field name: [FieldValue, ...]}`` (every name in
``pipeline.fields.FIELD_NAMES``; scalar fields hold at most one value). Rules and lexicons only —
no model, no part-of-speech tagging — so it is fast (well above jieba.lcut's rate) and works offline.

Modules, one job each:

* ``normalize`` — the matching view: Traditional→Simplified and full→half width folded one
  character at a time, spaces between CJK dropped, offsets mapped back to ``result.text``;
* ``lexicons`` — loads ``resources/`` once (divisions, regions, titles, surnames, organization
  endings, departments, known bodies, industries, event types) into tries and regexes;
* ``dates`` (publication date, event range), ``title`` (headline, source), ``people``,
  ``organizations``, ``places``, ``amounts`` (amounts and counts), ``numbers``, ``vocab``
  (industries, event type);
* ``extract`` — runs them in order (organizations before places, so a place that occurs only
  inside an organization's name is not listed) and builds the ``FieldValue`` records.

Values found only in a photo caption carry ``evidence == []`` and a rule ending in ``+caption``.
"""

from __future__ import annotations

from pipeline.extraction.extract import extract

__all__ = ["extract"]
