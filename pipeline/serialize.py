"""CleanResult ⇄ JSON, so the store can keep how a text was cleaned and show it later."""

from __future__ import annotations

import dataclasses
from typing import Any

from pipeline.document import Caption, Change, CleanResult, Repair
from pipeline.offsets import OffsetMap


def clean_to_json(
    result: CleanResult, *, skip_changes: frozenset[tuple[str, int, int]] = frozenset()
) -> dict[str, Any]:
    """Everything but the text itself (kept in its own column)."""
    return {
        "offsets": result.offsets.to_json(),
        "script": result.script,
        "repairs": [dataclasses.asdict(r) for r in result.repairs],
        "changes": [dataclasses.asdict(c) for c in result.changes],
        "captions": [dataclasses.asdict(c) for c in result.captions],
        "metadata": result.metadata,
        "flags": list(result.flags),
        "spin_score": result.spin_score,
        "skip_changes": sorted([list(k) for k in skip_changes]),
    }


def clean_from_json(text: str, data: dict[str, Any]) -> CleanResult:
    offsets = OffsetMap.from_json(data["offsets"]) if data.get("offsets") else OffsetMap.identity(len(text))
    return CleanResult(
        text=text,
        offsets=offsets,
        script=data.get("script", "hans"),
        repairs=[_build(Repair, r) for r in data.get("repairs", [])],
        changes=[_build(Change, c) for c in data.get("changes", [])],
        captions=[_build(Caption, c) for c in data.get("captions", [])],
        metadata=dict(data.get("metadata", {})),
        flags=list(data.get("flags", [])),
        spin_score=float(data.get("spin_score", 0.0)),
    )


def skip_changes_from_json(data: dict[str, Any]) -> frozenset[tuple[str, int, int]]:
    return frozenset((str(k), int(a), int(b)) for k, a, b in data.get("skip_changes", []))


def _build(cls: Any, data: dict[str, Any]) -> Any:
    # Tolerate records written by an app version with more or fewer keys.
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in names}
    if cls is Repair and "examples" in kwargs:
        kwargs["examples"] = [tuple(e) if isinstance(e, list) else e for e in kwargs["examples"]]
    return cls(**kwargs)
