"""The open store's own files, recognised by device and inode, so nothing but SQLite opens them.

On Linux, closing *any* descriptor of a file drops every POSIX lock the process holds on it: if
the process that has an SQLite store open reads ``curator.db``, ``-wal``, ``-shm`` or
``-journal`` by any other means (an import of the folder that holds the store, a hard link or a
symbolic link to it), SQLite's locks are gone, another process believes it is alone and removes
the WAL the store is still writing to. Importing therefore skips these files, with a message.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from storage.store import Store

SQLITE_SUFFIXES: tuple[str, ...] = ("", "-wal", "-shm", "-journal")
OWN_FILE_MESSAGE = "skipped: this is the open store's own file (only the database engine may open it)"

FileId = tuple[int, int]  # (st_dev, st_ino)


def _file_id(path: str | os.PathLike[str]) -> FileId | None:
    try:
        st = os.stat(path)  # a stat, never an open: it leaves the locks alone
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


@dataclass(frozen=True, slots=True)
class StoreFiles:
    """The files of one SQLite store at one moment (a PostgreSQL store has none)."""

    ids: frozenset[FileId] = frozenset()
    folder: FileId | None = None
    names: frozenset[str] = frozenset()

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, (str, os.PathLike)) or (not self.ids and self.folder is None):
            return False
        file_id = _file_id(path)
        if file_id is not None and file_id in self.ids:
            return True  # the file itself, or a hard or symbolic link to it
        # By name in the store's folder too: the WAL may be removed and created again (a new
        # inode) between this check and the moment a reader would open the name.
        p = Path(path)
        return p.name in self.names and self.folder is not None and _file_id(p.parent) == self.folder


def store_files(store: Store) -> StoreFiles:
    """What the store's files are now: its database, WAL, shared-memory index and journal."""
    if not store.is_sqlite:
        return StoreFiles()
    db = store.engine.url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return StoreFiles()
    path = Path(db).expanduser().absolute()
    ids = {fid for s in SQLITE_SUFFIXES if (fid := _file_id(f"{path}{s}")) is not None}
    return StoreFiles(frozenset(ids), _file_id(path.parent), frozenset(path.name + s for s in SQLITE_SUFFIXES))
