"""Live updates: a change written by another connection reaches a watcher within 2 s."""

from __future__ import annotations

import threading
import time

from storage.changes import ChangeWatcher
from storage.claims import claim
from storage.editing import set_status
from storage.models import Article, ArticleText
from storage.store import open_store
from tests.storage.test_claims import add_articles


def _wait_for(watcher: ChangeWatcher, want: int, limit: float = 2.0) -> tuple[set[int], bool, float]:
    t0 = time.monotonic()
    seen: set[int] = set()
    everything = False
    while time.monotonic() - t0 < limit and want not in seen:
        ch = watcher.poll(limit - (time.monotonic() - t0))
        seen |= ch.ids
        everything |= ch.everything
    return seen, everything, time.monotonic() - t0


def test_an_edit_by_another_connection_arrives_within_two_seconds(store) -> None:
    (a, b) = add_articles(store, 2)
    other = open_store(store.url)  # a teammate's app: its own engine and connections
    try:
        with ChangeWatcher(store) as watcher:
            assert not watcher.poll(0.2)  # nothing changed yet
            threading.Timer(0.3, lambda: set_status(other, b, "accepted", who="bob")).start()
            seen, _, took = _wait_for(watcher, b)
            assert b in seen and a not in seen, seen
            assert took < 2.0
            claim(other, a, "bob")
            seen, _, _ = _wait_for(watcher, a)
            assert a in seen
    finally:
        other.close()


def test_new_articles_ask_for_a_list_reload(store) -> None:
    add_articles(store, 1)
    other = open_store(store.url)
    try:
        with ChangeWatcher(store) as watcher:
            with other.session() as s:
                s.add(Article(sha256="f" * 64, source_name="n.txt", source_path="/n.txt", format="txt",
                              encoding="utf-8", size_bytes=1,
                              body=ArticleText(raw_text="新", cleaned_text="新", cleaning={}, fields={})))
            t0 = time.monotonic()
            everything = False
            while not everything and time.monotonic() - t0 < 2.0:
                everything = watcher.poll(2.0 - (time.monotonic() - t0)).everything
            assert everything
    finally:
        other.close()
