"""Importing never opens the open store's own files (that would drop SQLite's locks: see
storage.own_files); they are skipped by device and inode, or by name in the store's folder, with
a message, and the rest of the batch goes on."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from storage.importer import import_paths
from storage.own_files import OWN_FILE_MESSAGE, store_files
from storage.queries import count_articles
from storage.store import open_store
from tests.store_locks import held_locks

ARTICLE = "内江推介会\n\n2023年3月2日，内江市在成都举办新材料产业推介会。\n"


def _sqlite_store(folder: Path, name: str) -> Any:
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(f"sqlite:///{folder / name}")
    count_articles(store)  # a pooled connection now holds SQLite's locks, as in the app
    return store


def test_a_folder_holding_the_store_is_imported_without_touching_it(tmp_path: Path) -> None:
    # A store whose file name looks like an article, in the folder being imported, plus a hard
    # link and a symbolic link to it under other names: each is the store, none may be read.
    folder = tmp_path / "articles"
    store = _sqlite_store(folder, "curator.txt")
    try:
        db = folder / "curator.txt"
        os.link(db, folder / "hardlink.md")
        (folder / "symlink.html").symlink_to(db)
        (folder / "real.txt").write_text(ARTICLE, encoding="utf-8")
        before = held_locks(db)
        assert before
        report = import_paths(store, [folder], workers=1)  # inline: read in this very process
        assert held_locks(db) == before
        assert [name for _id, name in report.imported] == ["real.txt"]
        skipped = {Path(p).name: why for p, why in report.failed}
        assert skipped == {"curator.txt": OWN_FILE_MESSAGE, "hardlink.md": OWN_FILE_MESSAGE,
                           "symlink.html": OWN_FILE_MESSAGE}
    finally:
        store.close()


def test_the_store_named_directly_is_refused_with_its_reason(tmp_path: Path) -> None:
    store = _sqlite_store(tmp_path, "curator.db")
    try:
        names = [tmp_path / f"curator.db{s}" for s in ("", "-wal", "-shm", "-journal")]
        report = import_paths(store, names, workers=1)
        assert not report.imported
        assert [why for _p, why in report.failed] == [OWN_FILE_MESSAGE] * 4  # even the not yet created journal
    finally:
        store.close()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_store_files_are_recognised_by_inode_and_by_name(tmp_path: Path, suffix: str) -> None:
    store = _sqlite_store(tmp_path, "s.db")
    try:
        own = store_files(store)
        target = tmp_path / f"s.db{suffix}"
        assert target in own
        link = tmp_path / "elsewhere" / "x.txt"
        link.parent.mkdir()
        os.link(target, link)
        assert link in own
        assert (tmp_path / "s.db-other") not in own and (tmp_path / "elsewhere") not in own
    finally:
        store.close()


def test_an_ordinary_import_is_unchanged_on_both_back_ends(store: Any, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    report = import_paths(store, [folder], workers=1)
    assert len(report.imported) == 1 and not report.failed
    assert tmp_path / "in" / "a.txt" not in store_files(store)


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_an_export_is_never_written_over_the_store(tmp_path: Path, suffix: str) -> None:
    from storage.exporting import export_dataset
    from storage.store import StoreError

    store = _sqlite_store(tmp_path, "curator.db")
    try:
        db = tmp_path / "curator.db"
        (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
        import_paths(store, [tmp_path / "a.txt"], workers=1)
        inode, locks = db.stat().st_ino, held_locks(db)
        with pytest.raises(StoreError, match="own file"):
            export_dataset(store, tmp_path / f"curator.db{suffix}", "jsonl", workers=1)
        assert (db.stat().st_ino, held_locks(db)) == (inode, locks)
        assert count_articles(store) == 1
    finally:
        store.close()
