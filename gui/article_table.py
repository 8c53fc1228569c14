"""The article list: a table model over article ids with a lazy row cache.

Only ids are held (one narrow query, fast at 100,000 rows); row contents are fetched a page at a
time when the view first asks for them and dropped when an article changes. Sorting and
filtering produce a new id list off the GUI thread (``ordered_ids``) — Chinese text columns are
ordered with ``QCollator`` sort keys computed once per sort, not compared pairwise in the view.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCollator, QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from gui.plain import plain_tip
from gui.texts import flag_label
from gui.undo import STATUS_LABELS
from storage.listing import TEXT_COLUMNS, column_values
from storage.queries import summaries_for
from storage.records import ArticleSummary
from storage.search import ArticleFilter, find_ids
from storage.statuses import STATUS_TABLE
from storage.store import Store

PAGE = 64  # about two screens of rows: a jump to a far row reads one small page

COLUMNS: tuple[tuple[str, str], ...] = (
    ("status", "状态"),
    ("title", "标题"),
    ("published_at", "发布日期"),
    ("source", "来源"),
    ("places", "地点"),
    ("flags", "标记"),
    ("edited_count", "已编辑"),
    ("group", "重复组"),
)
STATUS_TEXT_COLORS = {st.value: st.colour for st in STATUS_TABLE if st.value != "new"}

Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole})
_STATUS_BRUSHES = {k: QBrush(QColor(v)) for k, v in STATUS_TEXT_COLORS.items()}


def group_text(s: ArticleSummary) -> str:
    """``★#12·3篇``: group 12 of three near-duplicates, this one its canonical member (★)."""
    if s.group_id is None or s.group_size <= 1:
        return ""
    return f"{'★' if s.canonical else ''}#{s.group_id}·{s.group_size}篇"


def ordered_ids(store: Store, f: ArticleFilter, column: str, descending: bool) -> list[int]:
    """The ids matching ``f`` in the list's order (runs on a worker thread)."""
    if column not in TEXT_COLUMNS:
        return find_ids(store, replace(f, sort=column, descending=descending))
    ids = find_ids(store, replace(f, sort="id", descending=False))
    values = column_values(store, column)
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setNumericMode(True)
    keys = {i: collator.sortKey(values.get(i, "")) for i in ids}
    # Empty values go last either way: a reviewer sorting by source wants the sources first.
    filled = [i for i in ids if values.get(i)]
    empty = [i for i in ids if not values.get(i)]
    filled.sort(key=keys.__getitem__, reverse=descending)
    return filled + empty


class ArticleTableModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # column key, descending

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}
        self._cache: dict[int, ArticleSummary] = {}
        self._texts_cache: dict[int, tuple[Any, ...]] = {}
        self._claims: dict[int, str] = {}  # article id → reviewer holding it (lease running)
        self.me = ""  # this window's reviewer: their own claims are not marked

    def set_claims(self, claims: dict[int, str]) -> None:
        """Who holds which article now; repaints the rows whose holder changed."""
        changed = {i for i in self._claims.keys() | claims.keys() if self._claims.get(i) != claims.get(i)}
        self._claims = dict(claims)
        # The holder is only in the row's texts: its cached summary stays (no query to repaint it).
        for i in changed:
            self._texts_cache.pop(i, None)
            r = self._rows.get(i)
            if r is not None:
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))

    def claims(self) -> dict[int, str]:
        return dict(self._claims)

    def holder(self, article_id: int) -> str | None:
        return self._claims.get(article_id)

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        self.set_ids(find_ids(self._store, ArticleFilter()))

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = {aid: r for r, aid in enumerate(self._ids)}
        self._cache.clear()
        self._texts_cache.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def refresh_ids(self, ids: list[int]) -> None:
        """Re-read these articles' rows (after an edit) and repaint them."""
        for i in ids:
            self._cache.pop(i, None)
            self._texts_cache.pop(i, None)
            r = self._rows.get(i)
            if r is not None:
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))

    def article_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, article_id: int) -> int:
        return self._rows.get(article_id, -1)

    def summary(self, row: int) -> ArticleSummary | None:
        aid = self._ids[row]
        cached = self._cache.get(aid)
        if cached is None:
            page_start = (row // PAGE) * PAGE
            page_ids = [i for i in self._ids[page_start : page_start + PAGE] if i not in self._cache]
            self._cache.update(summaries_for(self._store, page_ids))
            if len(self._cache) > 20 * PAGE:  # bound memory when scrolling through 100,000 rows
                keep = set(self._ids[max(0, page_start - PAGE) : page_start + 2 * PAGE])
                self._cache = {k: v for k, v in self._cache.items() if k in keep}
                self._texts_cache = {k: v for k, v in self._texts_cache.items() if k in keep}
            cached = self._cache.get(aid)
        return cached

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section][1]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The order comes from the store (off the GUI thread); the window applies it via set_ids.
        if 0 <= column < len(COLUMNS):
            self.sort_requested.emit(COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)

    def _texts(self, aid: int, s: ArticleSummary) -> tuple[Any, ...]:
        """A row's cell texts, formatted once per cache fill: painting only looks them up."""
        texts = self._texts_cache.get(aid)
        if texts is None:
            holder = self._claims.get(aid)
            status = STATUS_LABELS.get(s.status, s.status)
            texts = (
                f"{status}·{holder}" if holder and holder != self.me else status,
                s.title or s.source_name,
                s.published_at or "",
                s.source or "",
                s.places or "",
                " ".join(flag_label(f) for f in s.flags.split()),
                s.edited_count or "",
                group_text(s),
            )
            self._texts_cache[aid] = texts
        return texts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        s = self.summary(index.row())
        if s is None:  # deleted since the ids were read
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _STATUS_BRUSHES.get(s.status) if index.column() == 0 else None
        text = self._texts(s.id, s)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(str(text)) if text != "" else None  # a title may look like HTML
        return text
