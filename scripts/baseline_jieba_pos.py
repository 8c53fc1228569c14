"""Baseline for the report: jieba's part-of-speech tagger as an extractor of people, places, orgs.

People = tokens tagged nr, places = ns, organizations = nt, on the seeds through the real clean(),
scored with pipeline.evaluation against tests/gold/seeds. Usage: python scripts/baseline_jieba_pos.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    import jieba
    import jieba.posseg as pseg

    from pipeline.cleaning import clean
    from pipeline.evaluation import compare, load_gold
    from pipeline.extraction import extract

    jieba.setLogLevel(60)
    gold = load_gold(ROOT / "tests" / "gold" / "seeds")
    pos_pred: dict[str, dict[str, Any]] = {}
    ours: dict[str, dict[str, Any]] = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        if path.stem not in gold:
            continue
        result = clean(path.read_text("utf-8"), "markdown" if path.name.startswith("000") else "text")
        tags = list(pseg.cut(result.text))
        pos_pred[path.stem] = {
            "people": [{"name": w, "title": ""} for w, f in tags if f == "nr"],
            "places": [w for w, f in tags if f == "ns"],
            "organizations": [w for w, f in tags if f == "nt"],
        }
        ours[path.stem] = dict(extract(result))
    keep = ("people", "places", "organizations")
    for label, pred in (("jieba POS", pos_pred), ("rules (this pipeline)", ours)):
        report = compare(pred, gold)
        print(f"== {label}")
        for f in keep:
            s = report.per_field[f]
            print(f"  {f:<14} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  (TP {s.tp}, FP {s.fp}, FN {s.fn})")


if __name__ == "__main__":
    main()
