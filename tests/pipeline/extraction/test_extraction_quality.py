"""Quality on the five seeds must not drop below what was reached when the extractors landed.

Two runs: the hand-cleaned seed texts (tests extraction alone, independent of the cleaning
stage) and the raw seeds through the real ``clean()`` (the pipeline a user gets). Thresholds
sit just under the F1 measured at the time; raise them when the rules improve.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.document import CleanResult
from pipeline.evaluation import EvalReport, compare, evaluate_dir, format_report, load_gold
from pipeline.extraction import extract
from pipeline.offsets import OffsetMap

REPO = Path(__file__).resolve().parents[3]
GOLD = REPO / "tests" / "gold" / "seeds"
CLEANED = Path(__file__).parent / "data" / "seeds_clean"

# Measured F1 on the hand-cleaned seeds: people 0.98, organizations 0.947, places 0.986,
# amounts 1.0, counts 0.99, industries 0.96, title/dates/source/event type 1.0, micro 0.97.
# Organizations went from 0.954 to 0.947 when hotels named with a place became bodies (…大酒店,
# as the held-out gold lists them): seed 000's 深圳深铁皇冠假日酒店 is a named body its gold omits.
HAND_CLEANED_MIN = {
    "title": 0.95, "published_at": 0.95, "event_start": 0.95, "event_end": 0.95, "source": 0.95,
    "event_type": 0.95, "people": 0.96, "people_titles": 0.96, "organizations": 0.93, "places": 0.96,
    "industries": 0.93, "amounts": 0.98, "counts": 0.88,
}  # fmt: skip
# Counts fell to 0.80 when the field was held to GOLD.md's definition (projects, companies,
# agreements only) while this seed gold still counted events (7场专题活动), measures, people
# (5位…人才), zones, platforms and bases; with those taken out of the gold (3 Dec 2026) counts are
# 0.898 on the hand-cleaned seeds and 0.875 through clean().
# Measured through the real clean(): organizations 0.946.
PIPELINE_MIN = {**HAND_CLEANED_MIN, "organizations": 0.92, "counts": 0.86}


def _check(report: EvalReport, minimum: dict[str, float]) -> None:
    low = {f: round(report.per_field[f].f1, 3) for f, m in minimum.items() if report.per_field[f].f1 < m}
    assert not low, f"F1 dropped below the recorded level for {low}\n{format_report(report)}"


def test_quality_on_hand_cleaned_seeds() -> None:
    meta = json.loads((CLEANED / "metadata.json").read_text("utf-8"))
    predicted = {}
    for path in sorted(CLEANED.glob("*.txt")):
        text = path.read_text("utf-8")
        result = CleanResult(text, OffsetMap.identity(len(text)), "hans", metadata=meta[path.stem])
        predicted[path.stem] = dict(extract(result))
    report = compare(predicted, load_gold(GOLD))
    assert not report.missing_predictions
    _check(report, HAND_CLEANED_MIN)


@pytest.mark.slow
def test_quality_through_the_real_cleaning() -> None:
    from pipeline.cleaning import clean

    def fmt(path: Path) -> str:
        return "markdown" if path.name.startswith("000") else "text"

    report = evaluate_dir(REPO / "seeds", GOLD, clean, extract, fmt)
    assert not report.missing_predictions
    _check(report, PIPELINE_MIN)
