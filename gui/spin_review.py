"""The window's spin-review commands: decisions in the Changes view, the 学习词对 dialog, harvesting.

A decision on one place of the article is one undo step of two writes: the article re-cleaned
with the reviewer's kept decision (a restoration skipped, or a suspect forced), and the verdict
on the pair in the learned table (rejected, or confirmed), which the next re-cleaning of other
articles uses. Accepting a restoration changes no text: it only confirms the pair.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gui.spin_pairs_dialog import SpinPairsDialog
from gui.workers import Job
from pipeline.cleaning.spinning import FORCE_KIND
from storage.recleaning import SkipKey, skipped_changes
from storage.spin_pairs import PairKey, affected_articles, harvest_store, list_pairs

if TYPE_CHECKING:
    from gui.document_view import DocumentView
    from gui.undo import Editor
    from storage.records import ArticleView
    from storage.store import Store


class SpinReview:
    """Mixed into ``MainWindow`` (which provides what is declared here)."""

    store: Store
    editor: Editor
    doc: DocumentView
    current: ArticleView | None
    spin_dialog: SpinPairsDialog | None
    spin_decided: set[PairKey]  # pairs decided since the last re-cleaning of affected articles

    if TYPE_CHECKING:
        def _job(self, title: str, fn: Callable[[Any, Any], Any], on_done: Callable[[Any], None]) -> Job: ...
        def start_reextract(self, ids: list[int], *, apply: bool, title: str = ...,
                            find: Callable[[], list[int]] | None = ...) -> Job: ...
        def statusBar(self) -> Any: ...

    def _note_decided(self, keys: list[Any]) -> None:
        self.spin_decided.update((str(k[0]), str(k[1])) for k in keys)

    # -- one place of the article (Changes view) ---------------------------------------------------
    def undo_repair(self, change_index: int) -> None:
        """Undo one repair of the cleaning — itself undoable. Undoing a spin restoration also
        rejects its pair, so it is never restored automatically again."""
        clean = self.doc.clean
        if self.current is None or clean is None or not 0 <= change_index < len(clean.changes):
            return
        ch = clean.changes[change_index]
        aid = self.current.id
        old = skipped_changes(self.store, aid)
        if ch.kind != "spin":
            self.editor.set_skipped(aid, old, sorted({*old, (ch.kind, ch.raw_start, ch.raw_end)}))
            return
        # A restoration forced by hand is undone by dropping the force; either way it is skipped.
        new = sorted(({*old} - {(FORCE_KIND, ch.raw_start, ch.raw_end)}) | {("spin", ch.raw_start, ch.raw_end)})
        self.editor.review_repair(aid, old, new, (ch.before, ch.after, "rejected"),
                                  f"撤销 #{aid} 的还原「{ch.before}→{ch.after}」并否决该词对")

    def accept_repair(self, change_index: int) -> None:
        """A spin restoration is right: confirm its pair (the text stays as it is)."""
        clean = self.doc.clean
        if self.current is None or clean is None or not 0 <= change_index < len(clean.changes):
            return
        ch = clean.changes[change_index]
        if ch.kind != "spin":
            return
        if self.editor.decide_pairs([(ch.before, ch.after, "confirmed")], f"确认词对「{ch.before}→{ch.after}」",
                                    article_id=self.current.id):
            self.statusBar().showMessage(
                f"已确认词对「{ch.before}→{ch.after}」：下次重新整理时用于其他文章（Ctrl+Z 撤销）", 8000)

    def apply_suspect(self, suspect_index: int) -> None:
        """Restore a spin suspect at this place (kept across re-cleanings) and confirm its pair."""
        from gui.document_view import spin_suspects

        clean = self.doc.clean
        if self.current is None or clean is None:
            return
        found = spin_suspects(clean)
        if not 0 <= suspect_index < len(found):
            return
        sus = found[suspect_index]
        spun, original = sus.pair
        aid = self.current.id
        old = skipped_changes(self.store, aid)
        span = (sus.raw_start, sus.raw_end)
        new: list[SkipKey] = sorted(({*old} - {("spin", *span)}) | {(FORCE_KIND, *span)})
        self.editor.review_repair(aid, old, new, (spun, original, "confirmed"),
                                  f"在 #{aid} 还原「{spun}→{original}」并确认该词对")

    # -- the learned table ----------------------------------------------------------------------------
    def open_spin_pairs(self, *, load: bool = True) -> SpinPairsDialog:
        dlg = self.spin_dialog
        if dlg is None:
            dlg = SpinPairsDialog(self.store, self.editor, self._job, self.start_reclean_pairs,
                                  self.spin_decided, self)  # type: ignore[arg-type]
            self.spin_dialog = dlg
        if load and not dlg.isVisible():
            dlg.reload()
        dlg.show()
        dlg.raise_()
        dlg.activateWindow()
        return dlg

    def start_reclean_pairs(self, keys: list[PairKey]) -> Job:
        """Re-clean every article these decisions may change, in the background (one undo step for
        the fields it changes; the open article is shown again)."""
        store = self.store
        return self.start_reextract([], apply=True, title="重新整理受影响的文章",
                                    find=lambda: affected_articles(store, keys))

    def harvest_spin_pairs(self) -> Job:
        """Align the store's reposts with their originals and open the dialog on the new pairs."""
        store = self.store

        def work(progress: Any, cancelled: Any) -> list[PairKey]:
            before = {(r.spun, r.original) for r in list_pairs(store)}
            harvest_store(store, progress=lambda n, t: progress(n, t, "比对转载与原文…"), cancel=cancelled)
            return sorted({(r.spun, r.original) for r in list_pairs(store)} - before)

        def done(new: list[PairKey]) -> None:
            self.statusBar().showMessage(f"收集完成：{len(new)} 个新词对，请在“学习词对”中确认或否决", 10000)
            self.open_spin_pairs(load=False).show_new(new)

        return self._job("收集洗稿词对", work, done)
