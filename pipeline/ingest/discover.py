"""Turn the paths a user names (files and folders) into the list of files to import."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file to import, or a named path that cannot be imported (``problem`` says why)."""

    path: Path
    problem: str | None = None
    skipped: bool = False  # inside a folder, of a type not imported: reported, not a failure


def discover(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Candidate]:
    """Yield files under ``paths`` in a stable order.

    Files named explicitly are always yielded (an unsupported type becomes a problem the user
    sees); inside folders only supported types are taken and hidden entries are skipped, since a
    folder of articles often also holds images and editor backups.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield Candidate(path)
            else:
                yield Candidate(path, f"unsupported file type '{path.suffix or '(none)'}'"
                                      f" (expected {', '.join(sorted(SUPPORTED_SUFFIXES))})")
        elif path.exists():
            yield Candidate(path, "not a regular file")
        else:
            yield Candidate(path, "no such file or folder")


def _walk(folder: Path) -> Iterator[Candidate]:
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            p = Path(root) / name
            if p.suffix.lower() in SUPPORTED_SUFFIXES:
                yield Candidate(p)
            else:  # named in the report, so a PDF among the articles is not passed over unnoticed
                yield Candidate(p, f"unsupported file type '{p.suffix or '(none)'}'", skipped=True)
