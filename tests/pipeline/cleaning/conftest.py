"""Shared helpers for the cleaning tests: the seed articles, cleaned once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cleaning import clean
from pipeline.document import CleanResult, SourceFormat

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def seed_format(prefix: str) -> SourceFormat:
    return "markdown" if prefix == "000" else "text"


_CACHE: dict[str, CleanResult] = {}


def cleaned_seed(prefix: str) -> CleanResult:
    if prefix not in _CACHE:
        _CACHE[prefix] = clean(seed_text(prefix), seed_format(prefix))
    return _CACHE[prefix]


@pytest.fixture(params=["000", "001", "002", "003", "004"])
def seed_prefix(request: pytest.FixtureRequest) -> str:
    return str(request.param)
