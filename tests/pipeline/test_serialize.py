"""The cleaning record survives a trip through JSON, in both encodings the store uses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cleaning import clean
from pipeline.serialize import clean_from_json, clean_to_json, clean_to_json_text

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
# Traditional with pinyin, spaced PDF text with a doubled heading, HTML with a front matter.
SAMPLES = [
    "經貿合作網(wǎng)報(bào)道，廣東省代表團簽約10個項目。",
    "招 商 推 介 会\n招 商 推 介 会\n签约金额 1 2 亿元，\n共有30家企业\n参加。",
    "---\ntitle: 签约仪式\n---\n<p>湖南&amp;广东 举行<b>产业对接</b>会</p>",
]


@pytest.mark.parametrize("raw", SAMPLES + [p.read_text("utf-8") for p in SEEDS])
def test_encoded_record_is_the_plain_record(raw: str) -> None:
    fmt = "markdown" if raw.startswith("---") else "text"
    result = clean(raw, fmt)
    skip = frozenset({("spin", 3, 5)})
    plain = clean_to_json(result, skip_changes=skip)
    assert json.loads(clean_to_json_text(result, skip_changes=skip)) == json.loads(json.dumps(plain))


def test_record_rebuilds_the_result() -> None:
    result = clean(SAMPLES[1], "text")
    assert result.changes, "the spaced sample must produce change records"
    back = clean_from_json(result.text, json.loads(clean_to_json_text(result)))
    assert back.changes == result.changes
    assert back.repairs == result.repairs
    assert back.offsets.to_json() == result.offsets.to_json()
    assert back.metadata == result.metadata
