"""File names that are not valid UTF-8, made safe to show and to store.

On POSIX a file name is bytes; Python hands out the bytes that are not valid UTF-8 as lone
surrogates (PEP 383, ``surrogateescape``), which no UTF-8 encoder, database driver or console
accepts. Every name that leaves ingest goes through here: a *display* form (each undecodable byte
shown as U+FFFD) for messages, lists and the ``source_name`` column, and a *stored* form of the full
path that keeps the exact bytes: the path itself when it is valid UTF-8, else the ``repr`` of its
bytes (``b'/data/\\xb0\\xb8.txt'``, ASCII only), which :func:`path_from_stored` turns back into them.
A stored path is always absolute, so a real path never reads as a ``b'…'`` literal.
"""

from __future__ import annotations

import ast
import os
import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def has_undecodable(name: str) -> bool:
    return _SURROGATE.search(name) is not None


def display(name: str) -> str:
    """``name`` with each undecodable byte as U+FFFD: safe to print, show and store as text."""
    return _SURROGATE.sub("\ufffd", name)


def stored_path(path: str) -> str:
    """A text form of ``path`` that keeps its exact bytes (see the module notes)."""
    if not has_undecodable(path):
        return path
    try:
        return repr(os.fsencode(path))
    except UnicodeEncodeError:  # a lone surrogate that no file system byte gave (not from os)
        return repr(path.encode("utf-8", "surrogatepass"))


def path_from_stored(stored: str) -> str | bytes:
    """The path :func:`stored_path` was given: a str, or its exact bytes for an undecodable one."""
    if stored.startswith(("b'", 'b"')):
        value = ast.literal_eval(stored)
        if isinstance(value, bytes):
            return value
    return stored
