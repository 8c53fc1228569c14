"""The review statuses, declared once: stored value, Chinese label, colour, review key.

Everything that names a status reads this table: the store (which values are valid), the CLI's
``--status`` choices, the list's filter, the undo stack's step names, the field panel's badge and
buttons, and the action table's keys. A status without a key is set from the menu only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Status:
    value: str  # stored in the database and written to exports
    label: str  # what the GUI shows
    colour: str  # badge colour (hex), e.g. in the field panel
    verb: str  # the action that sets it, e.g. on a button ("通过")
    key: str  # review shortcut ("" = none), e.g. "A"
    reviewed: bool  # counts as reviewed in the progress figures


STATUS_TABLE: tuple[Status, ...] = (
    Status("new", "新", "#90a4ae", "标为新", "", False),
    Status("in_review", "审核中", "#42a5f5", "标为审核中", "I", False),
    Status("accepted", "已通过", "#43a047", "通过", "A", True),
    Status("needs_work", "待修改", "#fb8c00", "待修改", "W", True),
    Status("rejected", "已拒绝", "#e53935", "拒绝", "R", True),
)
BY_VALUE: dict[str, Status] = {s.value: s for s in STATUS_TABLE}
STATUSES: tuple[str, ...] = tuple(s.value for s in STATUS_TABLE)
REVIEWED: tuple[str, ...] = tuple(s.value for s in STATUS_TABLE if s.reviewed)
UNREVIEWED: tuple[str, ...] = tuple(s.value for s in STATUS_TABLE if not s.reviewed)


def label(value: str) -> str:
    """The Chinese label of a stored status (the value itself if unknown, e.g. from a newer app)."""
    s = BY_VALUE.get(value)
    return s.label if s is not None else value


def colour(value: str) -> str:
    s = BY_VALUE.get(value)
    return s.colour if s is not None else "#90a4ae"
