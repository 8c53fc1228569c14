from __future__ import annotations

from pathlib import Path

from storage.importer import import_paths
from storage.queries import count_articles, get_article, list_summaries


def test_seed_import_is_idempotent(store, seeds_dir: Path) -> None:
    first = import_paths(store, [seeds_dir])
    assert len(first.imported) == 5 and not first.failed and not first.duplicates
    second = import_paths(store, [seeds_dir])
    assert not second.imported and len(second.duplicates) == 5
    assert count_articles(store) == 5


def test_original_is_kept_exactly_with_its_provenance(store, seeds_dir: Path) -> None:
    import hashlib

    report = import_paths(store, [seeds_dir / "002_1567756159cbf752.txt"])
    (aid, name), = report.imported
    view = get_article(store, aid)
    raw = (seeds_dir / name).read_bytes()
    assert view.raw_text == raw.decode("utf-8")
    assert view.sha256 == hashlib.sha256(raw).hexdigest()
    assert view.encoding == "utf-8" and view.format == "text"
    assert view.source_path == str((seeds_dir / name).resolve())
    assert view.status == "new" and view.version >= 1


def test_bad_files_are_reported_and_the_batch_goes_on(store, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("景德镇高新区对接大湾区产业推介会在深圳举办。", encoding="utf-8")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("江西—粤港澳大湾区经贸活动周在广州开幕，签约项目143个。".encode("gbk"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "pdf.txt").write_bytes(b"%PDF-1.4 ...")
    report = import_paths(store, [tmp_path, tmp_path / "missing.txt"])
    assert sorted(n for _, n in report.imported) == ["gbk.txt", "good.txt"]
    failed = {Path(p).name: why for p, why in report.failed}
    assert set(failed) == {"empty.txt", "binary.txt", "pdf.txt", "missing.txt"}
    assert all(why and "\n" not in why for why in failed.values())
    assert count_articles(store) == 2
    texts = {get_article(store, i).source_name: get_article(store, i).raw_text for i, _ in report.imported}
    assert texts["gbk.txt"].startswith("江西—粤港澳大湾区")


def test_same_bytes_under_two_names_are_stored_once(store, tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("同一篇文章。", encoding="utf-8")
    report = import_paths(store, [tmp_path])
    assert len(report.imported) == 1 and len(report.duplicates) == 1


def test_parallel_import_matches_inline(db_url: str, tmp_path: Path, seeds_dir: Path) -> None:
    from storage import importer
    from storage.store import open_store

    folder = tmp_path / "many"
    folder.mkdir()
    seeds = sorted(seeds_dir.iterdir())
    n = importer.PARALLEL_THRESHOLD + 6
    for i in range(n):
        raw = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (folder / f"{i:03}.txt").write_text(f"{raw}\n第{i}号", encoding="utf-8")
    store = open_store(db_url)
    try:
        report = import_paths(store, [folder], workers=2)
        assert len(report.imported) == n and not report.failed
        assert [s.source_name for s in list_summaries(store)] == [f"{i:03}.txt" for i in range(n)]
    finally:
        store.close()


def test_cancel_stops_the_batch(store, tmp_path: Path) -> None:
    for i in range(10):
        (tmp_path / f"{i}.txt").write_text(f"第{i}篇。", encoding="utf-8")
    seen = []
    # Cancelled once three files are done (the first report, done=0, only gives the count).
    report = import_paths(store, [tmp_path], progress=seen.append, cancel=lambda: sum(p.done > 0 for p in seen) >= 3)
    assert report.cancelled and len(report.imported) == 3
    assert count_articles(store) == 3
