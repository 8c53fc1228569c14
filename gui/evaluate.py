"""``curator eval``: import RAW_DIR into a temporary store, extract, and score against GOLD_DIR."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from pipeline.fields import FieldValue
from storage.importer import import_paths
from storage.queries import get_article, list_summaries
from storage.store import open_store


def run_eval(raw_dir: Path, gold_dir: Path) -> int:
    from pipeline.evaluation import compare, format_report, load_gold

    if not raw_dir.is_dir() or not gold_dir.is_dir():
        print(f"curator eval: {raw_dir if not raw_dir.is_dir() else gold_dir} is not a folder", file=sys.stderr)
        return 2
    gold = load_gold(gold_dir)
    with tempfile.TemporaryDirectory(prefix="curator-eval-") as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'eval.db'}")
        report = import_paths(store, [raw_dir / f"{name}.txt" for name in sorted(gold)
                                      if (raw_dir / f"{name}.txt").exists()])
        for path, reason in report.failed:
            print(f"  failed: {path}: {reason}", file=sys.stderr)
        predicted: dict[str, dict[str, list[FieldValue]]] = {}
        for summary in list_summaries(store):
            view = get_article(store, summary.id)
            predicted[Path(view.source_name).stem] = {
                name: [FieldValue.from_json(v) for v in f.get("values", [])] for name, f in view.fields.items()
            }
        store.close()
    missing = sorted(set(gold) - set(predicted))
    for name in missing:
        print(f"  no raw article for gold file {name}.json", file=sys.stderr)
    print(format_report(compare(predicted, gold)))
    return 0
