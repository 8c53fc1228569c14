"""Turn the paths a user names (files and folders) into the list of files to import."""

from __future__ import annotations

import os
import stat
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
        try:  # a stat of a path under a folder we may list but not enter raises (EACCES)
            st = path.stat()
        except FileNotFoundError:
            st = None
        except (OSError, ValueError) as exc:  # ValueError: an embedded NUL
            yield Candidate(path, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
            continue
        if st is not None and stat.S_ISDIR(st.st_mode):
            yield from _walk(path)
        elif st is not None and stat.S_ISREG(st.st_mode):
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield Candidate(path)
            else:
                yield Candidate(path, f"unsupported file type '{path.suffix or '(none)'}'"
                                      f" (expected {', '.join(sorted(SUPPORTED_SUFFIXES))})")
        elif st is not None:
            yield Candidate(path, "not a regular file")
        else:
            yield Candidate(path, "no such file or folder")


def _walk(folder: Path) -> Iterator[Candidate]:
    """Supported files under ``folder``, and a problem for each subfolder that cannot be listed
    and each link that leads out of ``folder`` (a link to ``/etc/passwd`` dropped into a folder
    of articles must not import it; naming the file itself still does)."""
    try:
        top = os.path.realpath(folder, strict=True)
    except (OSError, RuntimeError) as exc:
        yield Candidate(folder, f"cannot read folder: {getattr(exc, 'strerror', None) or exc}")
        return
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        yield from _unreadable(unreadable)
        kept: list[str] = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            p = Path(root) / d
            if os.path.islink(p):  # os.walk does not follow it; say so when it leads out
                outside = _outside(p, top)
                if outside is not None:
                    yield Candidate(p, f"not followed: a link to a folder outside {folder} ({outside})")
                continue
            kept.append(d)
        dirs[:] = kept
        for name in sorted(files):
            if name.startswith("."):
                continue
            p = Path(root) / name
            if p.suffix.lower() not in SUPPORTED_SUFFIXES:
                # named in the report, so a PDF among the articles is not passed over unnoticed
                yield Candidate(p, f"unsupported file type '{p.suffix or '(none)'}'", skipped=True)
                continue
            # os.path.islink, not Path.is_symlink: it answers False instead of raising when the
            # entry cannot be looked at (the read then reports why).
            outside = _outside(p, top) if os.path.islink(p) else None
            if outside is not None:
                yield Candidate(p, f"not followed: a link to a file outside {folder} ({outside});"
                                   " name the file itself to import it")
            else:
                yield Candidate(p)
    yield from _unreadable(unreadable)


def _unreadable(errors: list[OSError]) -> Iterator[Candidate]:
    for exc in errors:
        yield Candidate(Path(exc.filename or "?"), f"cannot read folder: {exc.strerror or exc}")
    errors.clear()


def _outside(link: Path, top: str) -> str | None:
    """Where ``link`` leads when that is outside the folder ``top`` (a real path), else None."""
    target = os.path.realpath(link)
    try:
        inside = os.path.commonpath([top, target]) == top
    except ValueError:  # another drive (Windows)
        inside = False
    return None if inside else target
