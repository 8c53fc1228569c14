"""Work around PySide6 6.12.0 dropping a reference to ``None`` on every call of a void method.

On Python < 3.12 (where ``None`` is not yet immortal) each such call lowers ``None``'s reference
count by one, and after some thousands of calls — a few minutes of reviewing — the interpreter
aborts with "none_dealloc: deallocating None". PySide6 6.11.3 does not have the bug (checked:
``QObject.setObjectName`` in a loop leaves ``sys.getrefcount(None)`` unchanged there and lowers it
by one per call on 6.12.0; a long run also ended in "bool_dealloc"). The real fix is to avoid
6.12.0 (pin ``PySide6-Essentials!=6.12.0``); until then the count is lifted far out of reach once
at start-up. ``None`` is never freed, so extra references to it cost nothing.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

_BOOST = 1 << 40  # ~10^12 void calls before the count could run out


def needs_guard() -> bool:
    return sys.version_info < (3, 12) and PySide6.__version__ == "6.12.0"


def guard_none_refcount() -> bool:
    """Lift ``None``'s reference count if this PySide6 leaks it; True if it was needed."""
    if not needs_guard() or getattr(sys, "_curator_none_guard", False):
        return False
    # CPython < 3.12: ob_refcnt is the first field of every object, at the address id() gives.
    # True and False too: a long benchmark run on 6.12.0 also ended in "bool_dealloc".
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BOOST
    sys._curator_none_guard = True  # type: ignore[attr-defined]
    return True
