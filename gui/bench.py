"""``curator bench``: measure the whole app at 100,000 articles and print the figures.

``curator bench run`` does, in order (sizes for the full run; ``--quick`` uses small ones):

1. writes a synthetic corpus of 10,000 damaged articles (``pipeline.bench.corpus``);
2. times clean + extract (``pipeline.process``) on one core over a sample of it, and plain
   ``jieba.lcut`` over the same decoded texts (dictionary loaded before timing);
3. imports the 10,000 files into a fresh SQLite store with all cores (``import_10k_s``), through
   the same ``import_paths`` the GUI uses;
4. builds a 100,000-article store from that one by replicating its rows at the SQL level
   (articles, texts and search index; each copy gets its own ids and hashes, a spread of
   statuses). Running the pipeline over 100,000 files would take most of an hour on two cores,
   and every figure after this point depends on the store's size, not on how the rows got there;
5. times Chinese searches (2- and 4-character words) through ``storage.search.find_ids``;
6. starts the app offscreen in a child process on the 100,000-article store and times, inside
   it, from opening the store to the list painting its first rows (``open_100k_s``), then
   selecting the next article until its text and fields are painted (``switch_ms``, via
   ``MainWindow.select_article`` and its ``article_shown`` signal), and reports its peak RSS;
7. exports the 100,000 articles as JSONL in another child process (time and peak RSS);
8. recomputes every near-duplicate group from the stored signatures (``group_100k_s``; each
   replicated copy is an exact repost of its original, so the store holds many groups), then
   exports the Hugging Face layout, Parquet and card, split 0.8/0.1/0.1 (``export_hf_100k_s``),
   each in a child process;
9. reports the store's size on disk per MB of raw (original) text;
10. with a PostgreSQL server (``CURATOR_BENCH_PG_URL``, else ``CURATOR_TEST_PG_URL``), imports the
    same corpus into a fresh database on it from 1 and from 2 ``curator import`` processes started
    together, each given its share of the files (``import_pg_10k_s_1proc`` / ``_2proc``: wall time
    until the last one finishes, schema creation included); skipped with a note without a server.

Everything is written under a fresh folder in the temp directory (``--workdir`` to choose) and
removed afterwards unless ``--keep``. Figures go to stdout as a table and, with ``--json``, to a file.
"""

from __future__ import annotations

import argparse
import json
import math
import operator
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

KEYS: tuple[str, ...] = (
    "pipeline_chars_per_s", "jieba_chars_per_s", "pipeline_vs_jieba", "import_10k_s", "open_100k_s",
    "switch_ms_median", "switch_ms_p95", "search_ms_median", "search_ms_p95", "export_100k_s",
    "gui_peak_rss_mb", "store_mb_per_raw_mb", "group_100k_s", "export_hf_100k_s",
)
TARGETS: dict[str, tuple[str, float]] = {
    "pipeline_vs_jieba": (">=", 0.5), "import_10k_s": ("<=", 90), "open_100k_s": ("<=", 1),
    "switch_ms_p95": ("<=", 50), "search_ms_p95": ("<=", 200), "export_100k_s": ("<=", 30),
    "gui_peak_rss_mb": ("<=", 500), "group_100k_s": ("<=", 60), "export_hf_100k_s": ("<=", 60),
}
WORDS_2 = ("合作", "产业", "签约", "园区", "招商", "航空")
WORDS_4 = ("产业园区", "招商引资", "经贸合作", "航空小镇", "高新技术", "经济社会")


@dataclass(frozen=True)
class Sizes:
    corpus: int  # files generated and imported
    store: int  # articles in the replicated store
    sample: int  # texts for the pipeline/jieba throughput
    switches: int
    search_reps: int

    @classmethod
    def for_run(cls, quick: bool, store: int | None = None) -> Sizes:
        sizes = cls(300, 3000, 30, 20, 2) if quick else cls(10_000, 100_000, 300, 100, 3)
        return sizes if store is None else cls(sizes.corpus, max(store, sizes.corpus), sizes.sample,
                                               sizes.switches, sizes.search_reps)


def _log(msg: str) -> None:
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"[bench {time.strftime('%H:%M:%S')} load {load}] {msg}", file=sys.stderr, flush=True)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1))
    return ordered[k]


def _rss_mb() -> float:
    """Peak resident memory of this process in MB. VmHWM, not ru_maxrss: Linux carries ru_maxrss
    over from the parent across fork+exec, so a child started by a big process would report the
    parent's size."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# -- steps in this process ------------------------------------------------------------------------------


def stage_split(docs: list[Any]) -> dict[str, float]:
    """CPU milliseconds per article of each import stage — clean, extract, the dedup signature —
    over decoded documents, in this process (``time.process_time``: other load on the machine
    skews it less than wall time). Shows where the pipeline's time goes when a figure slips."""
    from pipeline import dedup
    from pipeline.cleaning import clean
    from pipeline.extraction import extract

    spent = {"clean": 0.0, "extract": 0.0, "signature": 0.0}
    clock = time.process_time
    for d in docs:
        t0 = clock()
        cleaned = clean(d.text, d.format)
        t1 = clock()
        extract(cleaned)
        t2 = clock()
        dedup.signature(cleaned.text)
        t3 = clock()
        spent["clean"] += t1 - t0
        spent["extract"] += t2 - t1
        spent["signature"] += t3 - t2
    n = max(len(docs), 1)
    return {f"{stage}_cpu_ms_per_article": s / n * 1000 for stage, s in spent.items()}


def measure_pipeline(files: list[Path]) -> dict[str, float]:
    """clean + extract, then jieba.lcut, over the same decoded texts, one core; then the CPU split
    per stage (:func:`stage_split`)."""
    import jieba

    from pipeline.ingest import read_file
    from pipeline.process import process

    docs = [read_file(p) for p in files]
    chars = sum(len(d.text) for d in docs)
    jieba.setLogLevel(60)
    jieba.initialize()
    process(docs[0])  # lexicons and tables load on first use: not part of the throughput
    t0 = time.perf_counter()
    for d in docs:
        process(d)
    pipeline_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        jieba.lcut(d.text)
    jieba_s = time.perf_counter() - t0
    return {
        "pipeline_chars_per_s": chars / pipeline_s,
        "jieba_chars_per_s": chars / jieba_s,
        "pipeline_vs_jieba": jieba_s / pipeline_s,
        "pipeline_ms_per_article": pipeline_s / len(docs) * 1000,
        "sample_chars": chars,
        **stage_split(docs),
    }


def measure_import(corpus: Path, db: Path) -> dict[str, float]:
    from storage.importer import import_paths
    from storage.store import open_store

    store = open_store(f"sqlite:///{db}")
    try:
        t0 = time.perf_counter()
        report = import_paths(store, [corpus])
        elapsed = time.perf_counter() - t0
    finally:
        store.close()
    return {"import_10k_s": elapsed, "import_articles": len(report.imported), "import_failed": len(report.failed)}


PG_KEYS = ("import_pg_10k_s_1proc", "import_pg_10k_s_2proc")


def bench_pg_url() -> str | None:
    return os.environ.get("CURATOR_BENCH_PG_URL") or os.environ.get("CURATOR_TEST_PG_URL") or None


def measure_import_pg(corpus: Path, server_url: str, processes: int, work: Path,
                      limit: int | None = None) -> dict[str, Any]:
    """``processes`` real ``curator import`` processes, started together on a fresh database of
    the server, each importing its share of the corpus; each process uses one worker so the
    figure compares processes (machines), not pools."""
    import uuid

    from sqlalchemy import create_engine, func, select
    from sqlalchemy.engine import make_url

    from storage.models import Article

    files = sorted(p for p in corpus.rglob("*") if p.is_file())[:limit]
    shares = []
    for i in range(processes):
        share = work / f"pg_share_{processes}_{i}"
        share.mkdir(parents=True, exist_ok=True)
        for f in files[i::processes]:
            flat = share / "_".join(f.relative_to(corpus).parts)  # subfolders may repeat file names
            # Hard links (not symlinks, which the importer does not follow); a copy across devices.
            try:
                os.link(f, flat)
            except OSError:
                shutil.copyfile(f, flat)
        shares.append(share)
    name = f"curator_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    curator = Path(sys.executable).with_name("curator")
    try:
        t0 = time.perf_counter()
        procs = [subprocess.Popen([str(curator), "--db", url, "import", "--workers", "1", str(share)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for share in shares]
        errors = [p.communicate(timeout=3600)[1] for p in procs]
        elapsed = time.perf_counter() - t0
        failed = [e.strip().splitlines()[-1] for p, e in zip(procs, errors, strict=True) if p.returncode and e.strip()]
        engine = create_engine(url)
        try:
            with engine.connect() as c:
                stored = c.execute(select(func.count()).select_from(Article)).scalar_one()
        finally:
            engine.dispose()
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
    out: dict[str, Any] = {f"import_pg_10k_s_{processes}proc": elapsed,
                           f"import_pg_articles_{processes}proc": stored}
    if failed:
        out[f"import_pg_errors_{processes}proc"] = failed
    return out


def measure_import_pg_all(corpus: Path, work: Path, limit: int | None = None) -> dict[str, Any]:
    server = bench_pg_url()
    if not server:
        return {"import_pg_note": "skipped: no PostgreSQL server (set CURATOR_BENCH_PG_URL)"}
    figures: dict[str, Any] = {}
    for n in (1, 2):
        figures.update(measure_import_pg(corpus, server, n, work, limit))
    return figures


def replicate(db: Path, target: int) -> dict[str, float]:
    """Grow the store to ``target`` articles by copying its rows at the SQL level (ids, hashes
    and statuses varied; the search index filled with each copy's tokens)."""
    from sqlalchemy import text

    from storage import fulltext
    from storage.store import open_store

    store = open_store(f"sqlite:///{db}")
    t0 = time.perf_counter()
    cols = ("sha256, source_name, source_path, imported_at, updated_at, format, encoding, size_bytes, script, "
            "status, title, published_at, source, places, flags, spin_score, edited_count, note, version_id")
    try:
        with store.engine.begin() as conn:
            base = int(conn.execute(text("SELECT max(id) FROM articles")).scalar() or 0)
            count = int(conn.execute(text("SELECT count(*) FROM articles")).scalar() or 0)
            if count != base or base == 0:
                raise RuntimeError("replicate() needs a fresh store with ids 1..n")
            tokens = [
                (int(i), fulltext.tokens(title, body))
                for i, title, body in conn.execute(text(
                    "SELECT a.id, a.title, t.cleaned_text FROM articles a "
                    "JOIN article_texts t ON t.article_id = a.id ORDER BY a.id"))
            ]
        copy = 1
        while base * copy < target:
            off = base * copy
            limit = min(base, target - off)
            with store.engine.begin() as conn:
                conn.execute(text(
                    f"INSERT INTO articles (id, {cols}) SELECT id + :off, sha256 || '-' || :k, "
                    f"{cols.split(', ', 1)[1]} FROM articles WHERE id <= :lim"), {"off": off, "k": copy, "lim": limit})
                conn.execute(text(
                    "INSERT INTO article_texts (article_id, raw_text, cleaned_text, cleaning, fields) "
                    "SELECT article_id + :off, raw_text, cleaned_text, cleaning, fields FROM article_texts "
                    "WHERE article_id <= :lim"), {"off": off, "lim": limit})
                fulltext.add_rows(conn, ((i + off, t) for i, t in tokens[:limit]))
                conn.execute(text(
                    "INSERT INTO article_signatures (article_id, minhash, repairs) "
                    "SELECT article_id + :off, minhash, repairs FROM article_signatures "
                    "WHERE article_id <= :lim"), {"off": off, "lim": limit})
            copy += 1
        with store.engine.begin() as conn:
            conn.execute(text(
                "UPDATE articles SET status = CASE id % 10 WHEN 0 THEN 'accepted' WHEN 1 THEN 'in_review' "
                "WHEN 2 THEN 'rejected' WHEN 3 THEN 'needs_work' ELSE 'new' END"))
            # Merge the index's segments once, as a store that has lived a while would be.
            conn.execute(text(f"INSERT INTO {fulltext.FTS_TABLE}({fulltext.FTS_TABLE}) VALUES ('optimize')"))
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("ANALYZE")
            total = int(conn.execute(text("SELECT count(*) FROM articles")).scalar() or 0)
            raw_bytes = int(conn.execute(text("SELECT sum(size_bytes) FROM articles")).scalar() or 0)
    finally:
        store.close()
    size = sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())
    return {"build_store_s": time.perf_counter() - t0, "store_articles": total, "store_mb": size / 1e6,
            "raw_mb": raw_bytes / 1e6, "store_mb_per_raw_mb": size / raw_bytes if raw_bytes else 0.0}


def measure_search(db: Path, reps: int) -> dict[str, Any]:
    from storage.search import ArticleFilter, find_ids
    from storage.store import open_store

    store = open_store(f"sqlite:///{db}")
    samples: list[float] = []
    detail: dict[str, dict[str, float]] = {}
    try:
        for word in WORDS_2 + WORDS_4:
            f = ArticleFilter(text=word)
            hits = len(find_ids(store, f))  # first run warms the page cache: not counted
            times = []
            for _ in range(reps):
                t0 = time.perf_counter()
                find_ids(store, f)
                times.append((time.perf_counter() - t0) * 1000)
            samples.extend(times)
            detail[word] = {"hits": hits, "ms_median": statistics.median(times)}
        # A filtered search (status and text together), as the list's filter bar does.
        t0 = time.perf_counter()
        find_ids(store, ArticleFilter(statuses=("new",), text="产业园区", sort="title"))
        detail["产业园区 (new, by title)"] = {"ms": (time.perf_counter() - t0) * 1000}
    finally:
        store.close()
    return {"search_ms_median": statistics.median(samples), "search_ms_p95": _pct(samples, 0.95),
            "search_detail": detail}


def _child(args: list[str], timeout: float) -> dict[str, Any]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    result = subprocess.run([sys.executable, "-m", "gui.bench", *args], capture_output=True, text=True,
                            timeout=timeout, env=env, cwd=REPO)
    if result.returncode != 0:
        raise RuntimeError(f"bench child {args[0]} failed:\n{result.stderr[-4000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


# -- steps in child processes -----------------------------------------------------------------------------


def gui_child(db_url: str, switches: int, config_dir: str) -> dict[str, Any]:
    """Open the app on the store, time the first rows and article switches (runs offscreen)."""
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from gui.app import prepare_qt_environment

    prepare_qt_environment()  # as the app does, before the application object
    app = QApplication.instance() or QApplication([sys.argv[0]])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, config_dir)
    from gui.main_window import MainWindow
    from gui.settings import Settings
    from storage.store import open_store

    rss_before = _rss_mb()
    settings = Settings(QSettings(str(Path(config_dir) / "bench.ini"), QSettings.Format.IniFormat))

    def run_and_wait(action: Callable[[], object], signal: Any, accept: Callable[..., bool] = lambda *_: True,
                     timeout_ms: int = 30000) -> bool:
        """Connect to ``signal`` first, then run ``action``, then wait until ``accept`` says so."""
        loop = QEventLoop()
        hit = [False]

        def on(*values: Any) -> None:
            if accept(*values):
                hit[0] = True
                loop.quit()

        signal.connect(on)
        try:
            action()
            if not hit[0]:
                QTimer.singleShot(timeout_ms, loop.quit)
                loop.exec()
        finally:
            signal.disconnect(on)
        return hit[0]

    # -- open: store opened, window built and shown, first rows painted
    t0 = time.perf_counter()
    store = open_store(db_url)
    window = MainWindow(store, settings)
    # first_rows_shown is emitted from the event loop (a zero timer set in the constructor), so
    # connecting to it right after construction cannot miss it.
    first_ok = run_and_wait(window.show, window.first_rows_shown, timeout_ms=60000)
    app.processEvents()
    window.table.viewport().repaint()  # the visible rows' data() is fetched and drawn here
    open_s = time.perf_counter() - t0
    first_rows = window.model.rowCount()
    # The window may show a first page at once and fetch the full id list off the GUI thread.
    # Wait for it only while rows are missing: other background jobs (review progress, flags) do not
    # announce list_updated, and waiting on them for it would time the timeout.
    from storage.queries import count_articles

    if window.jobs and hasattr(window, "list_updated") and window.model.rowCount() < count_articles(store):
        run_and_wait(lambda: None, window.list_updated, timeout_ms=120000)
    for job in list(window.jobs):
        job.wait(120000)
    app.processEvents()
    list_s = time.perf_counter() - t0
    rows = window.model.rowCount()

    # -- switch: select the next article until its text and fields are painted
    start_row = rows // 2
    times: list[float] = []
    timeouts = 0
    for k in range(min(switches, max(0, rows - start_row))):
        article_id = window.model.article_id(start_row + k)
        t0 = time.perf_counter()
        ok = run_and_wait(partial(window.select_article, article_id), window.article_shown,
                          partial(operator.eq, article_id), 10000)
        app.processEvents()  # anything still queued to paint
        times.append((time.perf_counter() - t0) * 1000)
        timeouts += not ok

    # -- scroll to the end of the list: the lazy row cache fetches the last page
    t0 = time.perf_counter()
    window.table.scrollToBottom()
    window.table.viewport().repaint()
    scroll_ms = (time.perf_counter() - t0) * 1000
    result = {"open_100k_s": open_s, "gui_rows": rows, "gui_first_rows": first_rows, "full_list_s": list_s,
              "first_rows_signal": first_ok,
              "switch_samples": len(times), "switch_timeouts": timeouts,
              "switch_ms_median": statistics.median(times) if times else float("nan"),
              "switch_ms_p95": _pct(times, 0.95) if times else float("nan"),
              "switch_ms_first": times[0] if times else float("nan"),
              "scroll_to_end_ms": scroll_ms, "gui_rss_before_store_mb": rss_before,
              "gui_peak_rss_mb": _rss_mb()}
    window.close()
    store.close()
    return result


def export_child(db_url: str, out: str) -> dict[str, Any]:
    from storage.exporting import export_dataset
    from storage.store import open_store

    store = open_store(db_url)
    rss_before = _rss_mb()
    t0 = time.perf_counter()
    report = export_dataset(store, Path(out), "jsonl")
    elapsed = time.perf_counter() - t0
    store.close()
    return {"export_100k_s": elapsed, "export_articles": report.count, "export_mb": Path(out).stat().st_size / 1e6,
            "export_rss_before_mb": rss_before, "export_peak_rss_mb": _rss_mb()}


def group_child(db_url: str) -> dict[str, Any]:
    from storage.grouping import regroup
    from storage.store import open_store

    store = open_store(db_url)
    t0 = time.perf_counter()
    report = regroup(store, sign=False)
    elapsed = time.perf_counter() - t0
    store.close()
    return {"group_100k_s": elapsed, "group_articles": report.articles, "group_groups": report.groups,
            "group_peak_rss_mb": _rss_mb()}


def export_hf_child(db_url: str, out: str) -> dict[str, Any]:
    from storage.curated_export import ExportOptions, export
    from storage.store import open_store

    store = open_store(db_url)
    t0 = time.perf_counter()
    report = export(store, Path(out), ExportOptions(fmt="hf"))
    elapsed = time.perf_counter() - t0
    store.close()
    size = sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file())
    return {"export_hf_100k_s": elapsed, "export_hf_articles": report.count, "export_hf_mb": size / 1e6,
            "export_hf_peak_rss_mb": _rss_mb()}


# -- the whole run ---------------------------------------------------------------------------------------


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], capture_output=True, text=True, cwd=REPO, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def versions() -> dict[str, str]:
    return {
        "head": _git("rev-parse", "--short", "HEAD"),
        "cleaning": _git("log", "-1", "--format=%h", "--", "pipeline/cleaning"),
        "extraction": _git("log", "-1", "--format=%h", "--", "pipeline/extraction"),
        "gui": _git("log", "-1", "--format=%h", "--", "gui"),
        "storage": _git("log", "-1", "--format=%h", "--", "storage"),
        "dirty": "yes" if _git("status", "--porcelain", "--untracked-files=no") else "no",
    }


def run(quick: bool = False, json_path: Path | None = None, workdir: Path | None = None, keep: bool = False,
        seed: int = 0, store_size: int | None = None) -> dict[str, Any]:
    from pipeline.bench.corpus import make_corpus

    sizes = Sizes.for_run(quick, store_size)
    work = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="curator-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {"quick": quick, "sizes": sizes.__dict__, "cpus": os.cpu_count(),
                               "versions": versions(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    t_all = time.perf_counter()
    try:
        corpus = work / "corpus"
        _log(f"writing a corpus of {sizes.corpus} articles to {corpus}")
        t0 = time.perf_counter()
        files = make_corpus(sizes.corpus, corpus, seed)
        figures["corpus_s"] = time.perf_counter() - t0
        figures["corpus_mb"] = sum(f.path.stat().st_size for f in files) / 1e6

        _log(f"pipeline and jieba on {sizes.sample} articles, one core")
        step = max(1, len(files) // sizes.sample)
        figures.update(measure_pipeline([f.path for f in files[::step][: sizes.sample]]))

        db = work / "import.db"
        _log(f"importing {sizes.corpus} files with all cores")
        figures.update(measure_import(corpus, db))

        _log(f"importing {sizes.corpus} files into PostgreSQL from 1 and 2 processes")
        # The quick run only checks the path works (100 files): it shares the suite's time budget.
        figures.update(measure_import_pg_all(corpus, work, 100 if quick else None))

        big = work / "store.db"
        shutil.copyfile(db, big)
        _log(f"replicating to {sizes.store} articles")
        figures.update(replicate(big, sizes.store))
        url = f"sqlite:///{big}"

        _log("searching")
        figures.update(measure_search(big, sizes.search_reps))

        _log("opening the app on the store (offscreen child process)")
        config = work / "config"
        config.mkdir(exist_ok=True)
        figures.update(_child(["gui-child", url, str(sizes.switches), str(config)], timeout=900))

        _log("exporting JSONL (child process)")
        figures.update(_child(["export-child", url, str(work / "export.jsonl")], timeout=1800))

        _log("near-duplicate groups over the whole store (child process)")
        figures.update(_child(["group-child", url], timeout=1800))

        _log("exporting the Hugging Face layout (child process)")
        figures.update(_child(["export-hf-child", url, str(work / "hf")], timeout=1800))
    finally:
        figures["total_s"] = time.perf_counter() - t_all
        # Other work on the machine skews every figure: the 1-minute load average at the end.
        figures["loadavg_end"] = os.getloadavg()[0]
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            figures["workdir"] = str(work)
    print_table(figures)
    if json_path is not None:
        Path(json_path).write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return figures


def print_table(figures: dict[str, Any]) -> None:
    sizes = figures.get("sizes", {})
    print(f"Article Curator benchmark ({'quick' if figures.get('quick') else 'full'}: corpus {sizes.get('corpus')}, "
          f"store {sizes.get('store')} articles, {figures.get('cpus')} CPUs, versions {figures.get('versions')})")
    print(f"{'figure':28} {'value':>14}  target")
    for key in KEYS:
        value = figures.get(key)
        target = TARGETS.get(key)
        mark = ""
        if target is not None and isinstance(value, int | float):
            op, limit = target
            ok = value >= limit if op == ">=" else value <= limit
            mark = f"{op} {limit:g}  {'ok' if ok else 'MISSED'}"
        shown = f"{value:,.3f}" if isinstance(value, float) else str(value)
        print(f"{key:28} {shown:>14}  {mark}")
    pg = (*PG_KEYS, "import_pg_articles_1proc", "import_pg_articles_2proc", "import_pg_note",
          "import_pg_errors_1proc", "import_pg_errors_2proc")
    for key in (*pg, "clean_cpu_ms_per_article", "extract_cpu_ms_per_article", "signature_cpu_ms_per_article",
                "import_articles", "build_store_s", "store_articles", "store_mb", "full_list_s", "switch_ms_first",
                "scroll_to_end_ms", "export_peak_rss_mb", "export_mb", "group_groups", "group_peak_rss_mb",
                "export_hf_mb", "export_hf_peak_rss_mb", "total_s"):
        if key in figures:
            value = figures[key]
            shown = f"{value:,.3f}" if isinstance(value, float) else str(value)
            print(f"  {key:26} {shown:>14}")


def main_cli(args: argparse.Namespace) -> int:
    if args.bench_command == "make-corpus":
        from pipeline.bench.corpus import make_corpus

        t0 = time.perf_counter()
        files = make_corpus(args.n, args.dir, args.seed)
        print(f"Wrote {len(files)} articles to {args.dir} in {time.perf_counter() - t0:.1f} s.")
        return 0
    figures = run(quick=args.quick, json_path=Path(args.json) if args.json else None,
                  workdir=Path(args.workdir) if args.workdir else None, keep=args.keep, seed=args.seed,
                  store_size=getattr(args, "store_size", None))
    return 0 if all(isinstance(figures.get(k), int | float) for k in KEYS) else 1


def _child_main(argv: list[str]) -> int:
    mode = argv[0]
    if mode == "gui-child":
        out = gui_child(argv[1], int(argv[2]), argv[3])
    elif mode == "export-child":
        out = export_child(argv[1], argv[2])
    elif mode == "group-child":
        out = group_child(argv[1])
    elif mode == "export-hf-child":
        out = export_hf_child(argv[1], argv[2])
    else:
        raise SystemExit(f"unknown bench child mode {mode!r}")
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    code = _child_main(sys.argv[1:])
    sys.stderr.flush()
    # Skip interpreter teardown: the figures are out, and PySide6 can crash while garbage-collecting
    # Qt objects at exit, which would turn a finished measurement into a failure.
    os._exit(code)
