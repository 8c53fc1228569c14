"""Extraction: cleaned text → field values with evidence. Placeholder until the extractors land."""

from __future__ import annotations

from pipeline.document import CleanResult
from pipeline.fields import FieldValue


def extract(result: CleanResult) -> dict[str, list[FieldValue]]:
    return {}
