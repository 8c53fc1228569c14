"""Every change a reviewer makes, written at once and undoable.

Each edit goes through ``storage.editing`` (its own transaction with a history row) *before* it is
pushed on the ``QUndoStack``, so what the stack shows is always what the store holds; undo and
redo are writes too. The editor remembers the version of each article it last saw: if the store
moved on (another window, a CLI re-extraction), the write is refused and the reviewer is asked to
reload and retry — nothing is overwritten silently.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.exc import DBAPIError

from gui.texts import store_error_zh
from pipeline.fields import FIELDS_BY_NAME, field_state
from storage import double_review, editing, recleaning, spin_pairs
from storage.conflicts import Choice, Conflict, find_conflict, resolve
from storage.listing import current_version
from storage.queries import get_article
from storage.recleaning import SkipKey
from storage.records import ArticleView
from storage.spin_pairs import PairStatus
from storage.statuses import STATUS_TABLE
from storage.store import Store, StoreError

# Kept for the modules that read labels by value; derived from the one status table.
STATUS_LABELS: dict[str, str] = {s.value: s.label for s in STATUS_TABLE}
# What ``storage.conflicts`` can compare and merge; a refused re-cleaning choice is retried instead.
CONFLICT_KINDS = frozenset({"status", "note", "tags", *FIELDS_BY_NAME})
# What a reviewer's own copy of a double-review article holds; its note and tags stay the article's.
OWN_KINDS = frozenset({"status", *FIELDS_BY_NAME})


def _with_value(view: ArticleView, kind: str, value: Any) -> ArticleView:
    """The article as the editor believed it was: the store's copy with ``kind`` at ``value``."""
    if kind == "status":
        return replace(view, status=value)
    if kind == "note":
        return replace(view, note=value)
    if kind == "tags":
        return replace(view, tags=list(value))
    return replace(view, fields={**view.fields, kind: value})


def _state(view: ArticleView, kind: str) -> Any:
    """``kind``'s value in the form the editor writes it (a field: its whole stored state)."""
    if kind == "status":
        return view.status
    if kind == "note":
        return view.note
    if kind == "tags":
        return list(view.tags)
    return field_state(view.fields, kind)


class _Write(QUndoCommand):
    """One stored change of one article: ``kind`` is a field name, "status", "note" or "tags"."""

    def __init__(self, editor: Editor, article_id: int, kind: str, old: Any, new: Any, text: str) -> None:
        super().__init__(text)
        self.editor = editor
        self.article_id = article_id
        self.kind = kind
        self.old = old
        self.new = new
        self._written = True  # the first redo() (from push) finds the write already done
        # A step of a bulk action does not bring its article on screen when replayed: a bulk
        # undo would otherwise flick through every article of the selection.
        self.replay = not editor.in_bulk

    def redo(self) -> None:
        if self._written:
            self._written = False
            return
        if not self.editor.write(self.article_id, self.kind, self.new, replay=self.replay, expected=self.old):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.editor.write(self.article_id, self.kind, self.old, replay=self.replay, expected=self.new):
            self.setObsolete(True)


class _Step(QUndoCommand):
    """Several commands as one undo step. The commands are plain Python members, not Qt children:
    a child would be owned (and deleted) by both its parent and its Python wrapper."""

    def __init__(self, text: str, kids: list[QUndoCommand]) -> None:
        super().__init__(text)
        self.kids = kids

    def redo(self) -> None:
        for k in self.kids:
            k.redo()
        if any(k.isObsolete() for k in self.kids):
            self.setObsolete(True)

    def undo(self) -> None:
        for k in reversed(self.kids):
            k.undo()
        if any(k.isObsolete() for k in self.kids):
            self.setObsolete(True)


class _PairDecision(QUndoCommand):
    """Decisions on learned spin pairs (store-wide, not one article's): undo puts back the
    statuses they replaced, a pair the decision added is removed again."""

    def __init__(self, editor: Editor, before: list[PairStatus], after: list[PairStatus],
                 article_id: int | None, text: str) -> None:
        super().__init__(text)
        self.editor, self.before, self.after, self.article_id = editor, before, after, article_id
        self._written = True

    def redo(self) -> None:
        if self._written:
            self._written = False
            return
        if not self.editor.write_pairs(self.after, self.article_id):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.editor.write_pairs(self.before, self.article_id):
            self.setObsolete(True)


class Editor(QObject):
    """The GUI's single write path. Emits ``article_changed(id)`` after every successful write."""

    article_changed = Signal(int)
    replayed = Signal(int)  # an undo or redo wrote to this article
    write_failed = Signal(str, str)  # why in Chinese, the English detail
    pairs_changed = Signal(list)  # (spun, original) of learned spin pairs whose status was written

    def __init__(self, store: Store, reviewer: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.reviewer = reviewer
        self.stack = QUndoStack(self)
        self._versions: dict[int, int] = {}
        # Asked when a write finds the article changed elsewhere; True = reload and retry.
        # The window replaces it with a dialog; tests replace it with a plain function.
        self.ask_retry: Callable[[str], bool] = lambda _msg: False
        # Asked when a teammate changed the same value meanwhile: the reviewer's choice per field
        # (``ConflictDialog``), None = cancelled. Unset, a refusal falls back to ``ask_retry``.
        self.choose: Callable[[Conflict], Mapping[str, Choice] | None] | None = None
        # Set by a write that went through a conflict: (their value, the value written).
        self._resolved: tuple[Any, Any] | None = None
        self.in_bulk = False
        # Called before every write: the window waits here for claims still being written off the
        # GUI thread (a claim moves the version a write is checked against).
        self.before_write: Callable[[], None] = lambda: None

    def record_bulk(self, text: str, writes: list[tuple[int, str, Any, Any]]) -> int:
        """Writes already made by a background job (a re-extraction), as one undo step: undoing
        puts every changed field back; the versions are read again so the undo is not stale."""
        writes = [w for w in writes if w[2] != w[3]]
        if not writes:
            return 0
        self.stack.beginMacro(text)
        self.in_bulk = True
        try:
            for article_id, kind, old, new in writes:
                self.stack.push(_Write(self, article_id, kind, old, new, text))
        finally:
            self.in_bulk = False
            self.stack.endMacro()
        for article_id in {w[0] for w in writes}:
            v = current_version(self.store, article_id)
            if v is not None:
                self._versions[article_id] = v
        return len(writes)

    def bulk(self, text: str, writes: list[tuple[int, str, Any, Any]]) -> int:
        """Several writes ``(article id, kind, old, new)`` as one undo step; returns how many were made."""
        writes = [w for w in writes if w[2] != w[3]]
        if not writes:
            return 0
        done = 0
        self.stack.beginMacro(text)
        self.in_bulk = True
        try:
            for article_id, kind, old, new in writes:
                if self._submit(article_id, kind, old, new, text):
                    done += 1
        finally:
            self.in_bulk = False
            self.stack.endMacro()
        return done

    # -- versions ------------------------------------------------------------------------------
    def saw(self, article_id: int, version: int) -> None:
        """The GUI displayed this version of the article: edits are made against it."""
        self._versions[article_id] = version

    def version(self, article_id: int) -> int | None:
        return self._versions.get(article_id)

    # -- edits -----------------------------------------------------------------------------------
    def set_field(self, article_id: int, field: str, old: dict[str, Any], new: dict[str, Any]) -> bool:
        """``old`` and ``new`` are whole stored field states, ``{"edited": bool, "values": [...]}``."""
        label = FIELDS_BY_NAME[field].label if field in FIELDS_BY_NAME else field
        return self._submit(article_id, field, old, new, f"修改 #{article_id} 的{label}")

    def set_status(self, article_id: int, old: str, new: str) -> bool:
        return self._submit(article_id, "status", old, new,
                            f"将 #{article_id} 标为{STATUS_LABELS.get(new, new)}")

    def set_note(self, article_id: int, old: str, new: str) -> bool:
        return self._submit(article_id, "note", old, new, f"修改 #{article_id} 的备注")

    def set_tags(self, article_id: int, old: list[str], new: list[str]) -> bool:
        return self._submit(article_id, "tags", old, new, f"修改 #{article_id} 的标签")

    def set_skipped(self, article_id: int, old: list[SkipKey], new: list[SkipKey], text: str = "") -> bool:
        """Re-clean with these repairs skipped (undoing e.g. a spin restoration) or forced."""
        return self._submit(article_id, "skip_changes", list(old), list(new),
                            text or f"撤销 #{article_id} 的一处修复")

    # -- learned spin pairs --------------------------------------------------------------------------
    def decide_pairs(self, targets: list[PairStatus], text: str, article_id: int | None = None) -> bool:
        """Set learned spin pairs' statuses now (with history) as one undo step."""
        before = self._pairs_once(targets, article_id)
        if before is None:
            return False
        if before:
            changed = {(s, o) for s, o, _st in before}
            after = [t for t in targets if (t[0], t[1]) in changed]
            self.stack.push(_PairDecision(self, before, after, article_id, text))
        return True

    def write_pairs(self, targets: list[PairStatus], article_id: int | None) -> bool:
        return self._pairs_once(targets, article_id) is not None

    def _pairs_once(self, targets: list[PairStatus], article_id: int | None) -> list[PairStatus] | None:
        try:
            before = spin_pairs.set_statuses(self.store, targets, who=self.reviewer(), article_id=article_id)
        except StoreError as exc:
            self.write_failed.emit(store_error_zh(exc), str(exc))
            return None
        except Exception as exc:  # a fault of the store or a bug: said once, the trace to stderr
            traceback.print_exc()
            why = "数据库读写出错" if isinstance(exc, DBAPIError) else "程序出错"
            self.write_failed.emit(f"{why}（详情见“详细信息”）。", f"{type(exc).__name__}: {exc}")
            return None
        if before:
            self.pairs_changed.emit([(s, o) for s, o, _st in before])
        return before

    def review_repair(self, article_id: int, old: list[SkipKey], new: list[SkipKey],
                      decision: PairStatus, text: str) -> bool:
        """One undo step: re-clean the article with ``new`` kept decisions, then record the
        reviewer's verdict on the pair. The re-cleaning goes first: if it is refused (the article
        changed elsewhere and the reviewer cancels), no verdict is recorded either."""
        if old != new and not self.write(article_id, "skip_changes", list(new), expected=list(old)):
            return False
        before = self._pairs_once([decision], article_id)
        if before is None:
            before = []  # the message is out; the re-cleaning stands and stays undoable
        kids: list[QUndoCommand] = []
        if old != new:
            kids.append(_Write(self, article_id, "skip_changes", list(old), list(new), text))
        if before:
            kids.append(_PairDecision(self, before, [decision], article_id, text))
        if kids:
            self.stack.push(_Step(text, kids))  # the first redo() finds each write done
        return True

    def _submit(self, article_id: int, kind: str, old: Any, new: Any, text: str) -> bool:
        if old == new:
            return True
        self._resolved = None
        if not self.write(article_id, kind, new, expected=old):
            return False
        if self._resolved is not None:
            # One undo step from their value to the outcome the reviewer chose.
            old, new = self._resolved
            self._resolved = None
            text += "（已解决冲突）"
            if old == new:
                return True
        self.stack.push(_Write(self, article_id, kind, old, new, text))
        return True

    def write(self, article_id: int, kind: str, value: Any, *, replay: bool = False,
              expected: Any = None) -> bool:
        """Write one change now; on a stale version ask to reload and retry.

        Never raises: this runs inside ``QUndoStack``'s undo and redo too, where an exception
        would leave the stack out of step with the store. Every refusal reaches the reviewer as
        one message (the retry question, or ``write_failed``) and the article is reloaded.
        """
        self.before_write()
        while True:
            try:
                version = self._write_once(article_id, kind, value)
            except editing.StaleEditError as exc:
                if self.choose is not None and kind in CONFLICT_KINDS and expected is not None:
                    try:
                        outcome = self._resolve_conflict(article_id, kind, expected, value)
                    except editing.StaleEditError:
                        continue  # moved on again while the reviewer chose: compare afresh
                    except (StoreError, editing.EditError) as err:
                        self.write_failed.emit(str(err))
                        self._reload(article_id)
                        return False
                    if outcome is None:
                        self._reload(article_id)
                        return False
                    version = outcome
                    self._versions[article_id] = version
                    self.article_changed.emit(article_id)
                    if replay:
                        self.replayed.emit(article_id)
                    return True
                if not self.ask_retry(str(exc)):
                    self._reload(article_id)
                    return False
                self._reload(article_id)
                continue
            except StoreError as exc:
                self.write_failed.emit(store_error_zh(exc), str(exc))
                self._reload(article_id)
                return False
            except editing.EditError as exc:
                self.write_failed.emit("这个值不能保存（详情见“详细信息”）。", str(exc))
                self._reload(article_id)
                return False
            except Exception as exc:  # a fault of the store or a bug: said once, the trace to stderr
                traceback.print_exc()
                why = "数据库读写出错" if isinstance(exc, DBAPIError) else "程序出错"
                self.write_failed.emit(f"{why}（详情见“详细信息”）。", f"{type(exc).__name__}: {exc}")
                self._reload(article_id)
                return False
            self._versions[article_id] = version
            self.article_changed.emit(article_id)
            if replay:
                self.replayed.emit(article_id)
            return True

    def _resolve_conflict(self, article_id: int, kind: str, expected: Any, value: Any) -> int | None:
        """Compare what the reviewer started from, meant and what the store holds now; ask them
        where both changed the value; write the outcome with ``resolve``. The new version, or None
        when the reviewer cancelled."""
        now = get_article(self.store, article_id)
        mine = value.get("values", []) if kind in FIELDS_BY_NAME else value
        conflict = find_conflict(self.store, _with_value(now, kind, expected), {kind: mine})
        choices: Mapping[str, Choice] = {}
        if conflict.fields:
            chosen = self.choose(conflict) if self.choose is not None else None
            if chosen is None:
                return None
            choices = chosen
        version = resolve(self.store, conflict, choices, who=self.reviewer())
        self._resolved = (_state(now, kind), _state(get_article(self.store, article_id), kind))
        return version

    def _reload(self, article_id: int) -> None:
        try:
            v = current_version(self.store, article_id)
        except Exception:  # the store cannot even be read: the message about the write stands
            traceback.print_exc()
            return
        if v is not None:
            self._versions[article_id] = v
        self.article_changed.emit(article_id)

    def _write_once(self, article_id: int, kind: str, value: Any) -> int:
        if kind in OWN_KINDS and double_review.independent(self.store, article_id):
            # A double-review article: the edit lands in this reviewer's own verdict, never in the
            # article (which the other reviewer would see); the article's version does not move.
            double_review.write_own(self.store, article_id, self.reviewer(), kind, value)
            version = current_version(self.store, article_id)
            return version if version is not None else self._versions.get(article_id, 0)
        kw: dict[str, Any] = {"who": self.reviewer(), "expected_version": self._versions.get(article_id)}
        if kind == "status":
            return editing.set_status(self.store, article_id, value, **kw)
        if kind == "note":
            return editing.set_note(self.store, article_id, value, **kw)
        if kind == "skip_changes":
            return recleaning.set_skipped_changes(self.store, article_id, value, **kw)
        if kind == "tags":
            return editing.set_tags(self.store, article_id, list(value), **kw)
        return editing.set_field_state(self.store, article_id, kind, value, **kw)
