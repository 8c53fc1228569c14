"""Helpers for extraction tests: build CleanResults the way the cleaning stage hands them over."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.document import Caption, CleanResult
from pipeline.offsets import OffsetMap


def make_result(text: str, metadata: dict[str, object] | None = None, captions: list[str] | None = None,
                script: str = "hans") -> CleanResult:  # fmt: skip
    return CleanResult(
        text=text,
        offsets=OffsetMap.identity(len(text)),
        script=script,  # type: ignore[arg-type]
        metadata=dict(metadata or {}),
        captions=[Caption(c, 0, 0) for c in captions or []],
    )


@pytest.fixture
def result() -> Callable[..., CleanResult]:
    return make_result
