"""The app's settings: each declared once with its type, default and description (QSettings-backed).

Tests pass their own ``QSettings`` (an ini file in a temp dir), so they never touch the user's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from storage.editing import default_reviewer

ORGANIZATION = "article-curator"
APPLICATION = "Article Curator"


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str
    description: str


SETTINGS: tuple[Setting, ...] = (
    Setting("reviewer", str, "", "审核人",
            "Name recorded in the history of every edit (empty: the login name)."),
    Setting("store_url", str, "", "数据库位置",
            "SQLAlchemy URL or SQLite file of the store opened at start-up (empty: the default store). "
            "Takes effect at the next start."),
    Setting("font_size", int, 0, "字号",
            "Point size of the article text and the field panel (0: the system default)."),
    Setting("layout/splitters", QByteArray, QByteArray(), "布局",
            "Splitter positions, restored at start-up."),
    Setting("layout/geometry", QByteArray, QByteArray(), "窗口位置",
            "Window geometry, restored at start-up."),
    Setting("view/mode", str, "clean", "文本模式", "Document view mode: clean, original or changes."),
    Setting("filters/saved", str, "", "保存的筛选",
            "Named list filters as JSON: {name: {statuses, tag, flag, text, check}}."),
)
BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings if qsettings is not None else QSettings(ORGANIZATION, APPLICATION)

    def get(self, key: str) -> Any:
        spec = BY_KEY[key]
        raw = self._q.value(key, spec.default)
        if raw is None:
            return spec.default
        if spec.type is int:
            try:
                return int(raw)  # type: ignore[call-overload]
            except (TypeError, ValueError):
                return spec.default
        if spec.type is str:
            return str(raw)
        if spec.type is QByteArray:
            return raw if isinstance(raw, QByteArray) else QByteArray(raw if isinstance(raw, bytes) else b"")
        return raw

    def set(self, key: str, value: Any) -> None:
        spec = BY_KEY[key]
        if spec.type in (int, str) and not isinstance(value, spec.type):
            value = spec.type(value)
        self._q.setValue(key, value)

    def sync(self) -> None:
        self._q.sync()

    @property
    def reviewer(self) -> str:
        return str(self.get("reviewer")) or default_reviewer()
