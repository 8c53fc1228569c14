"""Issue 10 (part B): one bad file, name or record never aborts an import; every one is reported.

Each test reproduces a failure seen on main (a crashed batch, a silent skip, a leak) on SQLite and
on PostgreSQL (the ``store`` fixture).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.ingest.names import path_from_stored
from pipeline.ingest.reader import original_text
from storage.importer import PreparedArticle, RowRefused, import_paths, write_prepared
from storage.queries import count_articles, get_article, list_summaries
from storage.reextract import reextract

BODY = "景德镇高新区对接大湾区产业推介会在深圳举办，签约项目143个。"


def _printable(report) -> None:
    """Everything in a report can be printed and stored as UTF-8 (no lone surrogates)."""
    for text in [*report.duplicates, *(n for _, n in report.imported), *(x for pair in report.failed for x in pair)]:
        text.encode("utf-8")


def test_undecodable_file_names_are_imported_displayable_and_exact(store, tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    names = [b"bad\xff\xfename.txt", b"\xb0\xb8\xc0\xfd.txt", b"good.txt", b"\xe6\x96\x87.txt", b"x\x80.md"]
    for i, name in enumerate(names):
        with open(os.path.join(folder, name), "wb") as fh:
            fh.write(f"{BODY}第{i}篇。".encode())
    report = import_paths(store, [tmp_path])
    assert not report.failed and len(report.imported) == 5
    _printable(report)
    by_name = {get_article(store, i).source_name: get_article(store, i) for i, _ in report.imported}
    assert "bad\ufffd\ufffdname.txt" in by_name and "good.txt" in by_name and "文.txt" in by_name
    for name in names:
        view = next(v for v in by_name.values() if path_from_stored(v.source_path) in
                    (os.path.join(folder, name), os.fsdecode(os.path.join(folder, name))))
        exact = path_from_stored(view.source_path)
        assert os.fsencode(exact) == os.path.join(folder, name)  # the exact bytes, losslessly
    again = import_paths(store, [tmp_path])  # a rerun works (it aborted again and again on main)
    assert len(again.duplicates) == 5 and not again.failed
    _printable(again)


def test_named_file_with_undecodable_name(store, tmp_path: Path) -> None:
    path = os.path.join(os.fsencode(tmp_path), b"\xff.txt")
    with open(path, "wb") as fh:
        fh.write(BODY.encode())
    report = import_paths(store, [os.fsdecode(path), tmp_path / "missing\udcff.txt"])
    assert len(report.imported) == 1 and len(report.failed) == 1
    _printable(report)


def test_nul_characters_are_stored_the_same_on_both_back_ends(store, tmp_path: Path) -> None:
    # On main: PostgreSQL refused the row (psycopg.DataError, the whole batch lost, the text
    # dumped in a traceback) while SQLite kept the NUL.
    raw = f"{BODY}\x00中间有NUL\x00。\n第二段。"
    (tmp_path / "nul.txt").write_bytes(raw.encode())
    for i in range(3):
        (tmp_path / f"ok{i}.txt").write_text(f"{BODY}第{i}篇。", encoding="utf-8")
    report = import_paths(store, [tmp_path])
    assert not report.failed and len(report.imported) == 4
    aid = next(i for i, n in report.imported if n == "nul.txt")
    view = get_article(store, aid)
    assert "\x00" not in view.raw_text and "\x00" not in view.cleaned_text
    assert len(view.raw_text) == len(raw)  # one code point for one: every offset stays exact
    nul_at = view.cleaning["metadata"]["nul_replaced_at"]
    assert nul_at == [i for i, ch in enumerate(raw) if ch == "\x00"]
    assert original_text(view.raw_text, nul_at) == raw  # the original is still known exactly
    assert "\ufffd" in view.cleaned_text and "nul_replaced" in view.cleaning["flags"]
    assert any(r["kind"] == "nul" for r in view.cleaning["repairs"])
    reextract(store, [aid])  # re-cleaning from the stored original keeps the record
    again = get_article(store, aid)
    assert again.cleaning["metadata"]["nul_replaced_at"] == nul_at and again.cleaned_text == view.cleaned_text


def _prepared(n: int, **changes: str) -> PreparedArticle:
    base = dict(
        sha256=f"{n:064x}", source_name=f"{n}.txt", source_path=f"/x/{n}.txt", format="text", encoding="utf-8",
        size_bytes=10, script="hans", title=f"标题{n}", published_at=None, source=None, places="", flags="",
        spin_score=0.0, min_confidence=None, unsupported=0, raw_text=BODY * 50, cleaned_text=BODY * 50,
        cleaning_json="{}", fields_json="{}",
        tokens="",
    )
    base.update(changes)
    return PreparedArticle(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [{"title": "坏\udcff标题"}, {"raw_text": "不可存\x00" + BODY * 50}])
def test_a_row_the_database_refuses_fails_alone(store, bad: dict[str, str]) -> None:
    if "raw_text" in bad and store.engine.dialect.name == "sqlite":
        pytest.skip("SQLite stores NUL; the reader never hands one over (test above)")
    results = write_prepared(store, [_prepared(1), _prepared(2, **bad), _prepared(3)])
    assert isinstance(results[0], int) and isinstance(results[2], int)
    refused = results[1]
    assert isinstance(refused, RowRefused)
    assert "\n" not in refused.reason and BODY not in refused.reason and len(refused.reason) < 300
    assert count_articles(store) == 2


def test_unreadable_subfolder_is_reported(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok.txt").write_text(BODY, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(BODY + "锁住的。", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path=".") -> object:  # chmod 000 does not stop root (CI): refuse as the kernel would
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = import_paths(store, [tmp_path])
    assert [n for _, n in report.imported] == ["ok.txt"]
    assert report.failed == [(str(locked), "cannot read folder: Permission denied")]
    named = import_paths(store, [locked])  # named directly: on main "Imported 0, failed 0", exit 0
    assert not named.imported and not named.ok


def test_a_file_rewritten_while_read_is_read_again(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "growing.txt"
    full = (BODY * 40).encode()
    path.write_bytes(full[: len(full) // 3])  # a writer has written a third so far
    real = Path.read_bytes
    calls = []

    def read_bytes(self: Path) -> bytes:
        data = real(self)
        if self == path and not calls:  # the writer finishes while we read
            calls.append(1)
            path.write_bytes(full)
        return data

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = import_paths(store, [path])
    (aid, _), = report.imported
    assert get_article(store, aid).raw_text == full.decode()  # on main: stored cut short, no word


def test_a_file_that_never_holds_still_is_reported(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.ingest import reader

    path = tmp_path / "busy.txt"
    path.write_text(BODY, encoding="utf-8")
    real = Path.read_bytes
    monkeypatch.setattr(reader, "READ_RETRY_SECONDS", 0.0)

    def read_bytes(self: Path) -> bytes:
        data = real(self)
        with open(self, "ab") as fh:  # another program keeps appending
            fh.write("又一句。".encode())
        return data

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = import_paths(store, [path])
    assert not report.imported
    (_, why), = report.failed
    assert "changing while it was read" in why


def test_links_out_of_the_folder_are_not_followed(store, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" + BODY, encoding="utf-8")
    (outside / "more").mkdir()
    (outside / "more" / "also.txt").write_text(BODY + "外面的。", encoding="utf-8")
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "sub" / "inside.txt").symlink_to(folder / "a.txt")  # stays inside: fine (a duplicate)
    (folder / "elsewhere").symlink_to(outside / "more", target_is_directory=True)
    report = import_paths(store, [folder])
    assert [n for _, n in report.imported] == ["a.txt"]
    assert report.duplicates == [str(folder / "sub" / "inside.txt")]
    failed = dict(report.failed)
    assert set(failed) == {str(folder / "passwd.txt"), str(folder / "elsewhere")}
    assert failed[str(folder / "passwd.txt")].startswith("not followed: a link to a file outside")
    assert str(secret) in failed[str(folder / "passwd.txt")]
    named = import_paths(store, [folder / "passwd.txt"])  # the user names the file itself: imported
    assert len(named.imported) == 1


def _alias_bomb(levels: int, width: int = 9) -> str:
    lines = ['a0: &a0 ["哈哈哈哈哈哈哈哈哈哈"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels + 1)]
    return "---\n" + "\n".join(lines) + f"\ntitle: *a{levels}\n---\n{BODY}\n"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("levels", [7, 9])
def test_front_matter_alias_bomb_is_not_expanded(store, tmp_path: Path, levels: int) -> None:
    # On main: 7 levels (434 bytes here) gave a 34.7 MB-class title; 9 levels ran out of memory.
    (tmp_path / "bomb.md").write_text(_alias_bomb(levels), encoding="utf-8")
    report = import_paths(store, [tmp_path])
    (aid, _), = report.imported
    view = get_article(store, aid)
    assert len(view.cleaning["metadata"].get("title", "")) < 100
    assert "front_matter_limited" in view.cleaning["flags"]
    assert view.cleaned_text.startswith("景德镇")
    (path, warning), = report.warnings
    assert path.endswith("bomb.md") and "not expanded" in warning


def test_metadata_values_are_bounded(store, tmp_path: Path) -> None:
    long_title = "超长标题" * 2000
    tags = ", ".join(f"标签{i}" for i in range(500))
    (tmp_path / "long.md").write_text(f"---\ntitle: {long_title}\ntags: [{tags}]\n---\n{BODY}\n", encoding="utf-8")
    page = f"<html><head><title>{long_title}</title></head><body><p>{BODY}</p></body></html>"
    (tmp_path / "long.html").write_text(page, encoding="utf-8")
    report = import_paths(store, [tmp_path])
    assert len(report.imported) == 2 and len(report.warnings) == 2
    for aid, _ in report.imported:
        view = get_article(store, aid)
        meta = view.cleaning["metadata"]
        assert all(len(str(v)) <= 1001 for k, v in meta.items() if k in ("title", "html_title"))
        assert len(meta.get("tags", [])) <= 100
        assert "metadata_truncated" in view.cleaning["flags"]
        summary = next(s for s in list_summaries(store) if s.id == aid)
        assert summary.title is None or len(summary.title) <= 1001


def test_a_writer_that_pauses_mid_file_is_waited_for(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The file holds still while it is read (the writer is between two writes), then grows: a
    # file modified moments ago is looked at again before it is taken (on main: stored cut short).
    from pipeline.ingest import reader

    path = tmp_path / "paused.txt"
    full = (BODY * 40).encode()
    path.write_bytes(full[: len(full) // 2])
    real_sleep = reader.time.sleep
    resumed = []

    def sleep(seconds: float) -> None:
        if not resumed:  # the writer resumes during the pause
            resumed.append(1)
            with open(path, "ab") as fh:
                fh.write(full[len(full) // 2 :])
        real_sleep(min(seconds, 0.01))

    monkeypatch.setattr(reader.time, "sleep", sleep)
    report = import_paths(store, [path])
    (aid, _), = report.imported
    assert resumed and get_article(store, aid).raw_text == full.decode()


def test_a_path_that_cannot_be_looked_at_is_reported(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A folder one may list but not enter (r--): stat of a path in it raises EACCES. Root (CI)
    # ignores permissions, so the refusal is simulated where the kernel would give it.
    shut = tmp_path / "shut" / "a.txt"
    shut.parent.mkdir()
    shut.write_text(BODY, encoding="utf-8")
    real_stat = Path.stat

    def refusing_stat(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self == shut:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", refusing_stat)
    report = import_paths(store, [shut, tmp_path / "shut"])
    assert not report.imported
    assert report.failed == [(str(shut), "cannot read: Permission denied")] * 2
