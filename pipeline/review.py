"""Which extracted values a reviewer should look at: low confidence, or nothing in the text.

Shared by the store (list columns to filter and sort by) and the GUI (tints, F8 navigation).
A value with no evidence span in the cleaned text was found elsewhere (an image caption, a
page's related-news links) or is a guess; a value read from the file's metadata (``metadata:``
rules: front matter, the HTML head) has no place in the text by nature and is not counted.
"""

from __future__ import annotations

from typing import Any

LOW_CONFIDENCE = 0.6


def has_evidence(record: dict[str, Any]) -> bool:
    return any(len(e) == 2 and e[1] > e[0] for e in record.get("evidence") or [])


def is_automatic(record: dict[str, Any]) -> bool:
    return record.get("origin") != "human"


def is_low(record: dict[str, Any]) -> bool:
    return is_automatic(record) and float(record.get("confidence", 1.0)) < LOW_CONFIDENCE


def is_unsupported(record: dict[str, Any]) -> bool:
    return (is_automatic(record) and not has_evidence(record)
            and not str(record.get("rule", "")).startswith("metadata:"))


def review_figures(fields: dict[str, dict[str, Any]]) -> tuple[float | None, int]:
    """(lowest confidence of the automatic values or None, how many values are unsupported)."""
    lowest: float | None = None
    unsupported = 0
    for state in fields.values():
        for rec in state.get("values", []):
            if not is_automatic(rec):
                continue
            conf = float(rec.get("confidence", 1.0))
            lowest = conf if lowest is None else min(lowest, conf)
            unsupported += is_unsupported(rec)
    return lowest, unsupported
