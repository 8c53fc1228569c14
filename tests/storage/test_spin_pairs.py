"""The learned spin table: harvest from a repost and its original, review, re-clean (issue 11)."""

from __future__ import annotations

from pathlib import Path

from pipeline.cleaning.spin_learning import LearnedPair
from storage.importer import import_paths
from storage.queries import get_article
from storage.reextract import reextract
from storage.spin_pairs import confirmed_pairs, decide, harvest_store, list_pairs, record_pairs
from tests.pipeline.cleaning.test_spin_learning import ORIGINAL, SPUN, UNRELATED


def _import(store, tmp_path: Path) -> dict[str, int]:
    for name, text in (("original.txt", ORIGINAL), ("repost.txt", SPUN), ("other.txt", UNRELATED)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = import_paths(store, [tmp_path / n for n in ("original.txt", "repost.txt", "other.txt")], workers=1)
    return {name: aid for aid, name in report.imported}


def test_harvest_review_and_reclean(store, tmp_path: Path) -> None:
    ids = _import(store, tmp_path)
    pairs, new, updated = harvest_store(store)
    assert new == len(pairs) > 5 and updated == 0
    rows = {(r.spun, r.original): r for r in list_pairs(store)}
    assert rows[("都市", "城市")].count == 2 and rows[("都市", "城市")].articles == (ids["repost.txt"],)
    assert all(r.status == "pending" for r in rows.values())
    assert confirmed_pairs(store) == {}

    # Harvesting again finds the same: nothing new, nothing updated, decisions kept.
    assert decide(store, "都市", "城市", "confirmed", who="ann")
    assert harvest_store(store)[1:] == (0, 0)
    assert [r.decided_by for r in list_pairs(store, "confirmed")] == ["ann"]

    for spun, original in (("盘算", "计划"), ("修造", "建设"), ("高质料", "高质量"), ("性命线", "生命线"),
                           ("络续", "持续")):
        assert decide(store, spun, original, "confirmed", who="ann")
    assert decide(store, "结构", "组织", "rejected", who="ann")
    assert not decide(store, "没有", "这对", "confirmed", who="ann")
    assert "结构" not in confirmed_pairs(store)

    reextract(store)
    repost = get_article(store, ids["repost.txt"]).cleaned_text
    assert "都市" not in repost and "城市生命线" in repost and "加强结构协调" in repost
    assert get_article(store, ids["original.txt"]).cleaned_text == ORIGINAL
    assert get_article(store, ids["other.txt"]).cleaned_text == UNRELATED


def test_record_replaces_counts(store) -> None:
    assert record_pairs(store, [LearnedPair("盘算", "计划", 2, [3])]) == (1, 0)
    assert record_pairs(store, [LearnedPair("盘算", "计划", 5, [3, 4])]) == (0, 1)
    (row,) = list_pairs(store)
    assert (row.count, row.articles, row.status) == (5, (3, 4), "pending")


def test_a_new_import_uses_the_confirmed_pairs(store, tmp_path: Path) -> None:
    # Pairs a reviewer confirmed earlier take part when a later repost is imported, not only at
    # the next re-cleaning: the importer hands them to its workers.
    pairs = [("盘算", "计划"), ("修造", "建设"), ("高质料", "高质量"), ("性命线", "生命线"), ("络续", "持续"),
             ("都市", "城市")]
    record_pairs(store, [LearnedPair(s, o, 2, [1]) for s, o in pairs])
    for spun, original in pairs:
        assert decide(store, spun, original, "confirmed", who="ann")
    (tmp_path / "repost.txt").write_text(SPUN, encoding="utf-8")
    (tmp_path / "other.txt").write_text(UNRELATED, encoding="utf-8")
    report = import_paths(store, [tmp_path / "repost.txt", tmp_path / "other.txt"], workers=1)
    ids = {name: aid for aid, name in report.imported}
    repost = get_article(store, ids["repost.txt"]).cleaned_text
    assert "都市" not in repost and "城市生命线" in repost
    assert get_article(store, ids["other.txt"]).cleaned_text == UNRELATED
