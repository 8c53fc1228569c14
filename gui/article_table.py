"""The article list: a table model over article ids with a lazy row cache.

Only ids are loaded up front (one narrow query, fast at 100,000 rows); row contents are fetched
in pages when the view first asks for them, and dropped from the cache when articles change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy import select

from storage.models import Article
from storage.queries import summaries_for
from storage.records import ArticleSummary
from storage.store import Store

PAGE = 200

STATUS_LABELS = {
    "new": "新", "in_review": "审核中", "accepted": "已通过", "rejected": "已拒绝", "needs_work": "待修改",
}

COLUMNS: tuple[tuple[str, str], ...] = (
    ("status", "状态"),
    ("title", "标题"),
    ("published_at", "发布日期"),
    ("source", "来源"),
    ("places", "地点"),
    ("flags", "标记"),
    ("edited_count", "已编辑"),
)

Index = QModelIndex | QPersistentModelIndex


class ArticleTableModel(QAbstractTableModel):
    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._ids: list[int] = []
        self._cache: dict[int, ArticleSummary] = {}

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        with self._store.session() as s:
            self._ids = list(s.scalars(select(Article.id).order_by(Article.id)))
        self._cache.clear()
        self.endResetModel()

    def refresh_ids(self, ids: list[int]) -> None:
        """Re-read these articles' rows (after an edit) and repaint them."""
        for i in ids:
            self._cache.pop(i, None)
        rows = [self._ids.index(i) for i in ids if i in self._ids]
        for r in rows:
            self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))

    def article_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, article_id: int) -> int:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return -1

    def summary(self, row: int) -> ArticleSummary:
        aid = self._ids[row]
        cached = self._cache.get(aid)
        if cached is None:
            page_start = (row // PAGE) * PAGE
            page_ids = self._ids[page_start : page_start + PAGE]
            self._cache.update(summaries_for(self._store, page_ids))
            cached = self._cache[aid]
        return cached

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        s = self.summary(index.row())
        key = COLUMNS[index.column()][0]
        if key == "status":
            return STATUS_LABELS.get(s.status, s.status)
        if key == "title":
            return s.title or s.source_name
        value = getattr(s, key)
        if key == "edited_count":
            return value or ""
        return value or ""
