"""Decisions on learned spin pairs: written at once with history, undoable, and they reach the
next re-cleaning (issue 11, item 4). Runs on SQLite and PostgreSQL.

The texts are short fixtures written for these tests: spun with markers of one spinner family
(先容, 东谈主, 遑急), so the cleaner judges them spun; B also holds 结构 (a real word a reviewer
may decide was spun for 组织).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.cleaning.spinning import FORCE_KIND
from storage.importer import import_paths
from storage.queries import get_article
from storage.recleaning import set_skipped_changes
from storage.reextract import reextract
from storage.spin_pairs import (
    affected_articles,
    confirmed_pairs,
    examples,
    list_pairs,
    pair_history,
    rejected_pairs,
    set_statuses,
    status_of,
)

A = "记者先容，这个东谈主在会上先容了系列手脚。遑急情况下，该东谈主表示要加强结构协调，确保时刻安全。" * 2
B = "据先容，这个东谈主在大会上发言。遑急关头，各部门加强结构协调，东谈主们纷纷点赞，先容了好经验。" * 2


def _import(store, tmp_path: Path) -> dict[str, int]:
    for name, text in (("a.txt", A), ("b.txt", B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = import_paths(store, [tmp_path / "a.txt", tmp_path / "b.txt"], workers=1)
    return {name: aid for aid, name in report.imported}


def test_decisions_have_history_and_undo(store) -> None:
    before = set_statuses(store, [("结构", "组织", "confirmed")], who="ann", article_id=7)
    assert before == [("结构", "组织", None)]  # the pair was not in the table: the decision adds it
    (row,) = list_pairs(store)
    assert (row.status, row.count, row.articles, row.decided_by) == ("confirmed", 0, (7,), "ann")
    assert set_statuses(store, [("结构", "组织", "confirmed")], who="ann") == []  # no change, no history
    assert set_statuses(store, [("结构", "组织", "rejected")], who="bob") == [("结构", "组织", "confirmed")]
    assert rejected_pairs(store) == {("结构", "组织")} and confirmed_pairs(store) == {}
    # Undo = the same call with what was replaced, newest first.
    set_statuses(store, [("结构", "组织", "confirmed")], who="bob")
    set_statuses(store, [("结构", "组织", None)], who="ann")
    assert list_pairs(store) == [] and status_of(store, "结构", "组织") is None
    steps = [(h.old_status, h.new_status, h.who, h.article_id) for h in pair_history(store, "结构", "组织")]
    assert steps == [(None, "confirmed", "ann", 7), ("confirmed", "rejected", "bob", None),
                     ("rejected", "confirmed", "bob", None), ("confirmed", None, "ann", None)]
    assert all(h.at is not None for h in pair_history(store))


def test_confirmed_pair_restores_elsewhere_rejected_never(store, tmp_path: Path) -> None:
    ids = _import(store, tmp_path)
    b0 = get_article(store, ids["b.txt"]).cleaned_text
    assert "加强结构协调" in b0 and "介绍" in b0  # 先容 is restored by the general tiers
    # Decided while reviewing A: 结构 → 组织 confirmed, 先容 → 介绍 rejected.
    set_statuses(store, [("结构", "组织", "confirmed"), ("先容", "介绍", "rejected")], who="ann",
                 article_id=ids["a.txt"])
    assert set(affected_articles(store, [("结构", "组织"), ("先容", "介绍")])) == set(ids.values())
    reextract(store, affected_articles(store, [("结构", "组织"), ("先容", "介绍")]))
    b1 = get_article(store, ids["b.txt"]).cleaned_text
    assert "加强组织协调" in b1 and "结构" not in b1
    assert "先容" in b1 and "介绍" not in b1
    assert "东谈主" not in b1  # the rest of the article is restored as before
    # Undone: both back to the way they were.
    set_statuses(store, [("结构", "组织", None), ("先容", "介绍", None)], who="ann")
    reextract(store)
    assert get_article(store, ids["b.txt"]).cleaned_text == b0


def test_a_forced_suspect_survives_reclean(store, tmp_path: Path) -> None:
    ids = _import(store, tmp_path)
    view = get_article(store, ids["a.txt"])
    suspects = view.cleaning["metadata"]["spin_suspects"]
    first = suspects[0]
    spun, original = first["text"].rstrip("?").split("→")
    key = (FORCE_KIND, first["raw_start"], first["raw_end"])
    set_skipped_changes(store, view.id, [key], who="ann", expected_version=view.version)
    after = get_article(store, view.id)
    assert after.cleaned_text.count(spun) == view.cleaned_text.count(spun) - 1
    assert len(after.cleaning["metadata"]["spin_suspects"]) == len(suspects) - 1
    # Pairs confirmed and rejected elsewhere, a store-wide re-cleaning: the forced place stays.
    set_statuses(store, [("先容", "介绍", "rejected"), ("东谈主", "人", "rejected")], who="bob")
    reextract(store)
    again = get_article(store, view.id)
    forced = [c for c in again.cleaning["changes"] if (c["raw_start"], c["raw_end"]) == key[1:]]
    assert [(c["before"], c["after"]) for c in forced] == [(spun, original)]


def test_examples_show_the_spun_form_in_context(store, tmp_path: Path) -> None:
    ids = _import(store, tmp_path)
    set_statuses(store, [("结构", "组织", "pending")], who="ann", article_id=ids["b.txt"])
    rows = list_pairs(store)
    ex = examples(store, rows, width=4)
    assert ex[("结构", "组织")] == "部门加强【结构】协调，人"  # the cleaned text, 4 characters either side
