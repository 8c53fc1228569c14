"""Extraction: cleaned text → field values with evidence, rule and confidence.

The public contract is ``extract(result) -> {field name: [FieldValue, ...]}``; see
``pipeline.extraction.extract`` for how the extractors are combined.
"""

from __future__ import annotations

from pipeline.extraction.extract import extract

__all__ = ["extract"]
