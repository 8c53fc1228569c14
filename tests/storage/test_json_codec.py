"""The store's JSON codec: compact UTF-8 text, and old text the json module wrote stays readable."""

from __future__ import annotations

import json
import math

from storage.models import decode_json, encode_json


def test_encoding_is_compact_and_keeps_chinese() -> None:
    value = {"title": "招商推介会", "n": [1, 2.5, None], "ok": True}
    text = encode_json(value)
    assert text == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert decode_json(text) == value


def test_non_string_keys_are_written_as_json_would() -> None:
    assert decode_json(encode_json({1: "a"})) == json.loads(json.dumps({1: "a"}))


def test_nan_written_by_the_json_module_still_reads() -> None:
    legacy = json.dumps({"spin_score": float("nan")})
    assert "NaN" in legacy
    assert math.isnan(decode_json(legacy)["spin_score"])
