"""Test-only: loaded by worker processes when this folder is on their PYTHONPATH (never by the app).

A worker that is given a file named ``crash-*`` exits at once, as one killed or out of memory would
(no exception, no result). ``crash-once-*`` exits only the first time (a marker file beside it
remembers), as a worker that ran out of memory under a passing load would.
"""

import os
from pathlib import Path

if os.environ.get("CURATOR_TEST_CRASHING_WORKER") == "1":
    import storage.importer as _importer

    _real_prepare = _importer._prepare

    def _prepare(path: str):  # type: ignore[no-untyped-def]
        p = Path(path)
        if p.name.startswith("crash-once-"):
            marker = p.with_name(p.name + ".crashed")
            if not marker.exists():
                marker.touch()
                os._exit(137)
        elif p.name.startswith("crash-"):
            os._exit(137)
        return _real_prepare(path)

    _importer._prepare = _prepare
