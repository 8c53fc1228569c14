"""CleanResult ⇄ JSON, so the store can keep how a text was cleaned and show it later."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from functools import cache
from typing import Any

import orjson

from pipeline.document import Caption, Change, CleanResult, Repair
from pipeline.offsets import OffsetMap


def clean_to_json(
    result: CleanResult,
    *,
    skip_changes: frozenset[tuple[str, int, int]] = frozenset(),
    site_lines: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """Everything but the text itself (kept in its own column).

    ``site_lines`` are the keys of lines this article shares with many articles of its site, as
    the cleaning used them; a later re-cleaning reads them back (:func:`site_lines_from_json`).
    """
    return _clean_record(result, skip_changes, _record, site_lines)


def clean_to_json_text(
    result: CleanResult,
    *,
    skip_changes: frozenset[tuple[str, int, int]] = frozenset(),
    site_lines: frozenset[str] = frozenset(),
) -> str:
    """:func:`clean_to_json` already encoded as compact JSON, for bulk writes.

    orjson encodes the change records (dataclasses) itself, in field order, so the text decodes
    to exactly :func:`clean_to_json`'s value; building the plain dicts first and encoding them with
    the json module cost ~1.7 ms of an import's ~20 ms per article.
    """
    return orjson.dumps(_clean_record(result, skip_changes, _same, site_lines)).decode("utf-8")


def _same(obj: Any) -> Any:
    return obj


def _clean_record(
    result: CleanResult,
    skip_changes: frozenset[tuple[str, int, int]],
    record: Callable[[Any], Any],
    site_lines: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    out = {
        "offsets": result.offsets.to_json(),
        "script": result.script,
        "repairs": [record(r) for r in result.repairs],
        "changes": [record(c) for c in result.changes],
        "captions": [record(c) for c in result.captions],
        "metadata": result.metadata,
        "flags": list(result.flags),
        "spin_score": result.spin_score,
        "skip_changes": sorted([list(k) for k in skip_changes]),
    }
    if site_lines:
        out["site_lines"] = sorted(site_lines)
    return out


_SCALARS = (str, int, float, bool, type(None))


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list | tuple):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _record(value)
    return copy.deepcopy(value)


def _record(obj: Any) -> dict[str, Any]:
    """``dataclasses.asdict`` for the flat records here, without its per-value deep copies
    (asdict was 20% of an import's CPU time: a cleaned article carries ~100 changes)."""
    out: dict[str, Any] = {}
    cls: type = type(obj)
    for name in _field_names(cls):
        value = getattr(obj, name)
        out[name] = value if isinstance(value, _SCALARS) else _plain(value)
    return out


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


def site_lines_from_json(data: dict[str, Any]) -> frozenset[str]:
    return frozenset(str(k) for k in data.get("site_lines", []))


def skip_changes_from_json(data: dict[str, Any]) -> frozenset[tuple[str, int, int]]:
    return frozenset((str(k), int(a), int(b)) for k, a, b in data.get("skip_changes", []))


def _build(cls: Any, data: dict[str, Any]) -> Any:
    # Tolerate records written by an app version with more or fewer keys.
    names = {f.name for f in dataclasses.fields(cls)}
    kwargs = {k: v for k, v in data.items() if k in names}
    if cls is Repair and "examples" in kwargs:
        kwargs["examples"] = [tuple(e) if isinstance(e, list) else e for e in kwargs["examples"]]
    return cls(**kwargs)
