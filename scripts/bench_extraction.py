"""Throughput of clean + extract against plain jieba.lcut on the seed articles.

The seeds are repeated until the corpus holds at least --mb megabytes (UTF-8) of raw text; each
article is cleaned and extracted on its own, as an import would. Lexicons and jieba's dictionary
are loaded before timing starts. Prints both rates (characters per second) and their ratio; the
goal is a ratio of at least 0.5.

Usage: .venv/bin/python scripts/bench_extraction.py [--mb 5] [--extract-only]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--extract-only", action="store_true", help="time extraction on pre-cleaned text")
    args = ap.parse_args()

    import jieba

    from pipeline.cleaning import clean
    from pipeline.extraction import extract

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    docs = [(p.read_text("utf-8"), "markdown" if p.name.startswith("000") else "text") for p in seeds]
    size = sum(len(t.encode("utf-8")) for t, _ in docs)
    reps = max(1, int(args.mb * 1024 * 1024 / size) + 1)
    corpus = docs * reps
    chars = sum(len(t) for t, _ in corpus)

    jieba.setLogLevel(60)
    jieba.initialize()
    for t, f in docs:  # warm every lazy load
        extract(clean(t, f))

    t0 = time.perf_counter()
    for t, _ in corpus:
        jieba.lcut(t)
    jieba_s = time.perf_counter() - t0

    if args.extract_only:
        cleaned = [clean(t, f) for t, f in corpus]
        t0 = time.perf_counter()
        for r in cleaned:
            extract(r)
    else:
        t0 = time.perf_counter()
        for t, f in corpus:
            extract(clean(t, f))
    ours_s = time.perf_counter() - t0

    mb = sum(len(t.encode("utf-8")) for t, _ in corpus) / 1024 / 1024
    label = "extract" if args.extract_only else "clean+extract"
    print(f"corpus: {len(corpus)} articles, {chars:,} characters, {mb:.1f} MB")
    print(f"jieba.lcut:     {chars / jieba_s:>12,.0f} chars/s  ({jieba_s:.1f} s)")
    print(f"{label + ':':<15} {chars / ours_s:>12,.0f} chars/s  ({ours_s:.1f} s)")
    print(f"ratio ({label} / jieba.lcut): {jieba_s / ours_s:.2f}")


if __name__ == "__main__":
    main()
