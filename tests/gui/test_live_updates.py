"""Live updates reach the GUI thread within 2 s of a teammate's write."""

from __future__ import annotations

from typing import Any

from gui.live_updates import LiveUpdates
from storage.editing import set_status
from storage.store import open_store


def test_a_teammates_status_change_arrives(qtbot: Any, store: Any, articles: Any) -> None:
    live = LiveUpdates(store)
    live.start()
    other = open_store(store.url)
    try:
        aid = articles.ids[1]
        with qtbot.waitSignal(live.changed, timeout=2000,
                              check_params_cb=lambda ids, _all: aid in ids) as blocker:
            set_status(other, aid, "rejected", who="bob")
        assert aid in blocker.args[0]
    finally:
        other.close()
        live.stop()
