"""A store URL that would keep nothing is refused before anything is imported into it."""

from __future__ import annotations

import pytest

from storage.store import StoreError, open_store


@pytest.mark.parametrize("url", [
    "sqlite://", "sqlite:///", "sqlite:///:memory:", "sqlite+pysqlite:///:memory:",
    "sqlite:///file::memory:?uri=true", "sqlite:///file:x?mode=memory&uri=true",
])
def test_in_memory_sqlite_is_refused(url: str) -> None:
    with pytest.raises(StoreError, match="nothing would be stored"):
        open_store(url)
