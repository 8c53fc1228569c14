"""A page's date under an English label (date 2025-10-21, Published: 2024-03-01) is its publication date."""

from __future__ import annotations

from pipeline.extraction.dates import publish_date_in_header


def published(text: str) -> str | None:
    found = publish_date_in_header(text)
    return found[0].isoformat() if found else None


def test_an_english_date_label_before_the_text() -> None:
    assert published(" date 2025-10-21 经济部21日举办台湾全球招商论坛，吸引企业代表出席。") == "2025-10-21"
    assert published("Published: 2024-03-01 本报讯 招商推介会举行。") == "2024-03-01"


def test_a_date_in_a_sentence_or_after_another_english_word_is_none() -> None:
    assert published("经济部 2025-10-21 举办台湾全球招商论坛，吸引企业代表出席。") is None
    assert published("candidate 2025-10-21 经济部举办论坛，吸引企业代表出席。") is None
