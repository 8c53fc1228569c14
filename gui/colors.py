"""One highlight colour per field kind, shared by the text highlights and the field panel's swatches."""

from __future__ import annotations

from PySide6.QtGui import QColor

# Light tints so black text stays readable on them; picked to be told apart at a glance.
FIELD_COLORS: dict[str, str] = {
    "title": "#d1c4e9",
    "published_at": "#b2dfdb",
    "event_start": "#b2dfdb",
    "event_end": "#b2dfdb",
    "source": "#cfd8dc",
    "event_type": "#f8bbd0",
    "places": "#c8e6c9",
    "people": "#bbdefb",
    "organizations": "#ffe0b2",
    "industries": "#f0f4c3",
    "amounts": "#ffcdd2",
    "counts": "#d7ccc8",
}
EVIDENCE_COLOR = "#ffd54f"  # the selected value's evidence: strong, with an outline
HIT_COLOR = "#b2ebf2"  # search hits: a cool tint, distinct from evidence and the field colours
REMOVED_COLOR = "#ffcdd2"  # Changes mode, original side
ADDED_COLOR = "#c8e6c9"  # Changes mode, cleaned side
UNDOABLE_COLOR = "#fff59d"
SUSPECT_COLOR = "#ffe0b2"  # Changes mode: a spin suspect left as it was (a reviewer may restore it)


def field_color(field: str) -> QColor:
    return QColor(FIELD_COLORS.get(field, "#e0e0e0"))
