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
* ``boundaries`` — the classes of words (leading verbs such as 率, motion verbs, prepositions,
  particles) a name is never read across, shared by organization heads and title phrases;
* ``extract`` — runs them in order: people first (an organization's name never runs back across
  a person's name), then organizations, then places (a place that occurs only inside an
  organization's or a named expo's name is not listed, except the place a development zone is
  named after), and builds the ``FieldValue`` records.

Values with no span in the body say where they came from instead: found only in a photo caption,
``evidence == []`` and a rule ending in ``+caption``; only in a front-matter title the body does
not repeat, a rule ending in ``+title``; from the metadata (an outlet in ``source``/``author`` that
names a body, an ``editor``), rule ``metadata`` or ``metadata:KEY``.
"""

from __future__ import annotations

from pipeline.extraction.extract import extract

__all__ = ["extract"]
