"""What POSIX locks this process holds on an SQLite store's files (from /proc/locks, Linux)."""

from __future__ import annotations

import os
from pathlib import Path


def held_locks(db: Path) -> list[str]:
    """This process's POSIX locks on the store's database and shared-memory files."""
    inodes = {str(os.stat(p).st_ino) for p in (db, Path(f"{db}-shm"), Path(f"{db}-wal")) if p.exists()}
    pid = str(os.getpid())
    held = []
    for line in Path("/proc/locks").read_text().splitlines():
        parts = line.split()
        # "1: POSIX  ADVISORY  READ 4453 fe:00:2155870 128 128": pid, then major:minor:inode
        if "POSIX" in parts and pid in parts and any(
                p.rsplit(":", 1)[-1] in inodes for p in parts if p.count(":") == 2):
            held.append(" ".join(parts[1:]))  # without the line's ordinal, which other processes move
    return held
