"""Where the data files the pipeline reads (lexicons, tables) live."""

from __future__ import annotations

import os
from pathlib import Path


def resource_path(name: str) -> Path:
    """Path of a data file under ``resources/`` (or ``$CURATOR_RESOURCES`` when set)."""
    base = os.environ.get("CURATOR_RESOURCES") or Path(__file__).resolve().parents[1] / "resources"
    return Path(base) / name
