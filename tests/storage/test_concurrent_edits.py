"""Two writers editing one article at the same moment: one wins, the other is refused with the
project's ``StaleEditError`` (never a raw SQLAlchemy ``StaleDataError``), on SQLite and PostgreSQL.

The race is made certain: both writers pass the version check before either writes, so the
second one's UPDATE finds the version moved on when it flushes (where StaleDataError came from).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline.fields import FieldValue
from storage import editing, recleaning
from storage.editing import (
    StaleEditError,
    set_field_state,
    set_field_values,
    set_note,
    set_status,
    set_tags,
)
from storage.importer import import_paths
from storage.queries import field_history, get_article
from storage.reextract import reextract

Write = Callable[[Any, int, int, int], int]
WRITES: dict[str, Write] = {
    "note": lambda st, aid, v, i: set_note(st, aid, f"备注{i}", expected_version=v),
    "status": lambda st, aid, v, i: set_status(st, aid, ("accepted", "rejected")[i], expected_version=v),
    "tags": lambda st, aid, v, i: set_tags(st, aid, [f"标签{i}"], expected_version=v),
    "field_values": lambda st, aid, v, i: set_field_values(st, aid, "title", [{"value": f"标题{i}"}],
                                                           expected_version=v),
    "field_state": lambda st, aid, v, i: set_field_state(
        st, aid, "places", {"edited": True, "values": [{"value": f"地点{i}", "evidence": []}]}, expected_version=v),
    "skipped_changes": lambda st, aid, v, i: recleaning.set_skipped_changes(
        st, aid, [("spin", i, i + 1)], expected_version=v),
}


@pytest.fixture
def article_id(store: Any, seeds_dir: Path) -> int:
    return import_paths(store, [seeds_dir / "000_49fe26fb40a68a39.txt"], workers=1).imported[0][0]


def _race(monkeypatch: pytest.MonkeyPatch, writers: list[Callable[[], Any]]) -> list[Any]:
    """Run the writers at once, each pausing after its version check until all have checked
    (or, when the store makes the others wait for the first writer, for a moment)."""
    barrier = threading.Barrier(len(writers))
    real = editing._load

    def load_then_wait(s: Any, aid: int, expected: int | None) -> Any:
        a = real(s, aid, expected)
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=1.5)  # well below the store's 5 s busy timeout
        return a

    monkeypatch.setattr(editing, "_load", load_then_wait)
    monkeypatch.setattr(recleaning, "_load", load_then_wait)
    results: list[Any] = [None] * len(writers)

    def run(i: int) -> None:
        try:
            results[i] = writers[i]()
        except BaseException as exc:  # what escapes is what the test is about
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(writers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


@pytest.mark.parametrize("kind", list(WRITES))
def test_concurrent_stale_writes_raise_only_stale_edit_error(
        store: Any, article_id: int, kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    v0 = get_article(store, article_id).version
    write = WRITES[kind]
    results = _race(monkeypatch, [lambda i=i: write(store, article_id, v0, i) for i in range(2)])  # type: ignore[misc]
    wins = [r for r in results if isinstance(r, int)]
    refusals = [r for r in results if isinstance(r, BaseException)]
    assert len(wins) == 1, results
    assert [type(r) for r in refusals] == [StaleEditError], results
    assert "changed" in str(refusals[0])
    assert get_article(store, article_id).version == wins[0]
    # The refused writer left nothing behind: one history row, from the winner.
    field = {"field_values": "title", "field_state": "places", "skipped_changes": "skip_changes"}.get(kind, kind)
    assert len(field_history(store, article_id, field)) == 1


def test_reextraction_racing_an_edit_keeps_the_edit_and_finishes(
        store: Any, article_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # A re-extraction has no version to hold the reviewer to: when an edit lands between its read
    # and its write, it reads the article again (keeping the edit) instead of failing the batch.
    import pipeline.process as proc

    monkeypatch.setattr(proc, "extract", lambda _c: {"title": [FieldValue("机器标题")]})
    v0 = get_article(store, article_id).version
    edited = threading.Event()
    real_process = proc.process

    def process_then_edit(*args: Any, **kwargs: Any) -> Any:
        out = real_process(*args, **kwargs)
        if not edited.is_set():  # the first time only: another window edits the title meanwhile
            edited.set()
            t = threading.Thread(target=lambda: set_field_values(
                store, article_id, "title", [{"value": "人工标题"}], expected_version=v0))
            t.start()
            t.join(30)
        return out

    import storage.reextract as rx

    monkeypatch.setattr(rx, "process", process_then_edit)
    report = reextract(store, [article_id])
    view = get_article(store, article_id)
    assert view.fields["title"]["values"][0]["value"] == "人工标题"
    assert view.fields["title"]["edited"] is True
    assert report.articles == 1 and [d.field for d in report.kept[article_id]] == ["title"]


def test_a_stale_flush_anywhere_in_a_write_becomes_stale_edit_error(store: Any, article_id: int) -> None:
    from sqlalchemy.orm.exc import StaleDataError

    with pytest.raises(StaleEditError, match=f"Article {article_id} was changed elsewhere"), \
            editing.write_session(store, article_id):
        raise StaleDataError("UPDATE statement on table 'articles' expected to update 1 row(s); 0 were matched.")


def test_many_writers_at_once_are_refused_only_as_stale_and_lose_nothing(store: Any, article_id: int) -> None:
    # The reported measurement in small: writers racing on one article without any staging.
    # Every refusal is a StaleEditError, and every accepted write is in the history.
    outcomes: list[Any] = []
    lock = threading.Lock()

    def writer(n: int) -> None:
        for k in range(12):
            version = get_article(store, article_id).version
            try:
                set_note(store, article_id, f"{n}-{k}", who=f"w{n}", expected_version=version)
                result: Any = f"{n}-{k}"
            except BaseException as exc:
                result = exc
            with lock:
                outcomes.append(result)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    errors = [o for o in outcomes if isinstance(o, BaseException)]
    wins = [o for o in outcomes if isinstance(o, str)]
    assert len(outcomes) == 48
    assert {type(e) for e in errors} <= {StaleEditError}, {type(e).__name__ for e in errors}
    assert sorted(h.new_value for h in field_history(store, article_id, "note")) == sorted(wins)
