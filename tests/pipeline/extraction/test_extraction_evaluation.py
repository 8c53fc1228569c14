from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from pipeline.document import CleanResult
from pipeline.evaluation import compare, evaluate_dir, format_report, load_gold
from pipeline.extraction import extract
from pipeline.fields import FieldValue


def _pred(**fields: list[object]) -> dict[str, list[FieldValue]]:
    return {k: [FieldValue(v) for v in vs] for k, vs in fields.items()}


def test_traditional_and_spaced_gold_matches_simplified_predictions() -> None:
    gold = {
        "a": {
            "title": "梧州 日報",
            "published_at": None,
            "event_start": "2023-12-25",
            "event_end": None,
            "people": [{"name": "蔣連生", "title": "市委書記"}],
            "organizations": ["深圳市產業園區發展促進會"],
            "places": ["梧州"],
            "amounts": [{"text": "5000 萬元", "yuan": 50000000}],
            "counts": [{"text": "30多家 企業", "value": 30}],
        }
    }
    pred = {
        "a": _pred(
            title=["梧州日报"],
            event_start=["2023-12-25"],
            people=[{"name": "蒋连生", "title": "市委书记"}, {"name": "何景成", "title": "会长"}],
            organizations=["深圳市产业园区发展促进会"],
            places=["梧州市"],
            amounts=[{"text": "5000万元", "yuan": 50000000}],
            counts=[{"text": "30多家企业", "value": 30}],
        )
    }
    report = compare(pred, gold)
    f = report.per_field
    assert f["title"].tp == 1 and f["event_start"].tp == 1
    assert (f["people"].tp, f["people"].fp, f["people"].fn) == (1, 1, 0)
    assert f["organizations"].f1 == 1.0 and f["places"].f1 == 1.0
    assert f["amounts"].f1 == 1.0 and f["counts"].f1 == 1.0
    assert f["published_at"].support == 0 and f["published_at"].fp == 0
    text = format_report(report)
    assert "people" in text and "worst" in text and "何景成" in text


def test_missing_prediction_counts_as_empty() -> None:
    report = compare({}, {"x": {"places": ["深圳"], "title": "标题"}})
    assert report.missing_predictions == ["x"]
    assert report.per_field["places"].fn == 1 and report.overall.recall == 0.0


def test_stored_form_is_accepted() -> None:
    stored = {"places": {"edited": False, "values": [FieldValue("深圳").to_json()]}}
    report = compare({"x": stored}, {"x": {"places": ["深圳市"]}})
    assert report.per_field["places"].tp == 1


def test_evaluate_dir(tmp_path: Path, result: Callable[..., CleanResult]) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "raw" / "n1.txt").write_text("市长李振品主持座谈会。", "utf-8")
    (tmp_path / "gold" / "n1.json").write_text(json.dumps({"people": [{"name": "李振品", "title": "市长"}]}), "utf-8")
    report = evaluate_dir(tmp_path / "raw", tmp_path / "gold", lambda t, f: result(t), extract)
    assert report.per_field["people"].f1 == 1.0
    assert load_gold(tmp_path / "gold")["n1"]["people"][0]["name"] == "李振品"
