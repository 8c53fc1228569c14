"""Worker processes die with the process that started them.

A pool's workers are separate processes: when their parent is killed (``kill -9``, a crash, the
out-of-memory killer) nothing tells them, and they live on, reparented, holding memory and
sometimes the store open. ``die_with_parent`` is the pools' initializer (or is called first in
it): on Linux the kernel sends the worker SIGKILL when its parent dies (``prctl
PR_SET_PDEATHSIG``); everywhere, a daemon thread also watches the parent's pid and ends the
worker within a second of the parent's end.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
POLL_S = 0.5


def die_with_parent(parent_pid: int) -> None:
    """Arrange for this process to end when ``parent_pid`` (its parent) does."""
    set_parent_death_signal()
    watch_parent(parent_pid)


def set_parent_death_signal() -> bool:
    """Linux: the kernel kills this process when its parent ends. False where unavailable.

    The signal is tied to the parent *thread* that started the process: the pools here are
    created and shut down within one call on one thread, so that thread outlives its workers.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def watch_parent(parent_pid: int, poll_s: float = POLL_S) -> None:
    """Portable fallback: end this process (no clean-up; the parent that would want the results
    is gone) as soon as its parent is no longer ``parent_pid``, checked now and every ``poll_s``."""
    if os.getppid() != parent_pid:  # the parent died before this worker got here
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(poll_s)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
