"""Where the app finds what ships with it."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def seeds_dir() -> Path:
    """The bundled demo corpus (CURATOR_SEEDS overrides, for tests and packagers)."""
    return Path(os.environ.get("CURATOR_SEEDS") or REPO / "seeds")
