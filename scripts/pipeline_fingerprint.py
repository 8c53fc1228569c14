"""Fingerprint clean + extract output, to prove a speed change altered nothing.

Processes every readable file under the given folders (e.g. a generated corpus, ``seeds/``, the
gold folders' raw files) and writes one line per file: its name and a SHA-256 of the cleaned
text, the cleaning record, the extracted fields and the dedup signature. Compare two runs with ``diff``; ``--time``
also prints single-core CPU milliseconds per article (the second of two passes).

Usage:
  .venv/bin/python scripts/pipeline_fingerprint.py /tmp/corpus seeds > before.txt
  (change the code)
  .venv/bin/python scripts/pipeline_fingerprint.py /tmp/corpus seeds > after.txt && diff before.txt after.txt
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--limit", type=int, default=0, help="at most this many files (0: all)")
    ap.add_argument("--time", action="store_true", help="print CPU ms per article to stderr")
    args = ap.parse_args()

    from pipeline import dedup
    from pipeline.ingest.readable import readable_documents
    from pipeline.process import process
    from pipeline.serialize import clean_to_json

    docs = readable_documents(args.folders, args.limit)
    chars = sum(len(d.text) for d in docs)
    passes = 2 if args.time else 1
    for n in range(passes):
        t0 = time.process_time()
        results = [process(d) for d in docs]
        spent = time.process_time() - t0
        if args.time and n == passes - 1:
            print(f"{len(docs)} articles, {chars / len(docs):.0f} chars each: "
                  f"{spent / len(docs) * 1000:.2f} ms CPU per article, {chars / spent:,.0f} chars/s",
                  file=sys.stderr)
    whole = hashlib.sha256()
    for d, p in zip(docs, results, strict=True):
        sig = dedup.signature(p.cleaned.text).hex()
        blob = json.dumps([p.cleaned.text, clean_to_json(p.cleaned), p.fields, sig], ensure_ascii=False,
                          sort_keys=True)
        digest = hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]
        whole.update(digest.encode())
        print(f"{d.source_path}\t{digest}")
    print(f"ALL\t{whole.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
