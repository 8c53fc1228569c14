"""Near-duplicate groups: an article, its spun repost and a lightly edited copy are one story."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from pipeline import dedup
from storage.grouping import group_members, regroup, set_canonical
from storage.importer import import_paths
from storage.models import Article, ArticleSignature, ArticleText
from storage.queries import field_history

FIXTURES = Path(__file__).parents[1] / "fixtures" / "dedup"


def spun_repost(seeds_dir: Path) -> str:
    """The opening passage of seeds/001 as it stands: spun words, spam insertion, photo caption."""
    seed = next(seeds_dir.glob("001_*.txt")).read_text(encoding="utf-8")
    return "\n".join(seed.split("\n")[:5]) + "\n"


def write_story(folder: Path, seeds_dir: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "original": folder / "original.txt",
        "repost": folder / "repost.txt",
        "edited": folder / "edited.txt",
    }
    paths["original"].write_text((FIXTURES / "original.txt").read_text(encoding="utf-8"), encoding="utf-8")
    paths["repost"].write_text(spun_repost(seeds_dir), encoding="utf-8")
    paths["edited"].write_text((FIXTURES / "edited.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return paths


def ids_by_name(store) -> dict[str, int]:
    with store.session() as s:
        return {name: aid for aid, name in s.execute(select(Article.id, Article.source_name))}


def test_story_copies_share_a_group_and_other_stories_stay_alone(store, seeds_dir: Path, tmp_path: Path) -> None:
    write_story(tmp_path / "story", seeds_dir)
    report = import_paths(store, [seeds_dir, tmp_path / "story"])
    assert report.grouping is not None and report.grouping.groups == 1
    ids = ids_by_name(store)
    with store.session() as s:
        rows = {r.id: r for r in s.execute(select(Article.id, Article.group_id, Article.is_canonical))}
    story = [ids["original.txt"], ids["repost.txt"], ids["edited.txt"]]
    gid = rows[story[0]].group_id
    assert gid == min(story) and all(rows[i].group_id == gid for i in story)
    # The seeds are five different stories (one of them the full spun article: a passage of it
    # is not "the same story" by Jaccard similarity, and grouping does not pretend it is).
    others = [i for i in rows if i not in story]
    assert all(rows[i].group_id == i and rows[i].is_canonical for i in others)
    # One canonical member, and not the spun repost.
    canon = [i for i in story if rows[i].is_canonical]
    assert len(canon) == 1 and canon[0] != ids["repost.txt"]
    assert group_members(store, ids["edited.txt"]) == sorted(story)


def test_reviewer_choice_of_canonical_survives_regrouping(store, seeds_dir: Path, tmp_path: Path) -> None:
    write_story(tmp_path / "story", seeds_dir)
    import_paths(store, [tmp_path / "story"])
    ids = ids_by_name(store)
    members = set_canonical(store, ids["repost.txt"], who="tester")
    assert len(members) == 3
    regroup(store)
    with store.session() as s:
        canon = list(s.scalars(select(Article.id).where(Article.is_canonical)))
    assert canon == [ids["repost.txt"]]
    assert [h.new_value for h in field_history(store, ids["repost.txt"], "canonical")] == [ids["repost.txt"]]


def test_regroup_signs_articles_stored_before_grouping(store, seeds_dir: Path, tmp_path: Path) -> None:
    write_story(tmp_path / "story", seeds_dir)
    import_paths(store, [tmp_path / "story"], group=False)
    with store.session() as s:
        s.execute(ArticleSignature.__table__.delete())
        assert set(s.scalars(select(Article.group_id))) == {None}
    report = regroup(store)
    assert report.signed == 3 and report.groups == 1 and report.grouped == 3
    assert regroup(store).changed == 0  # a second pass finds nothing to write


def test_similar_pairs_find_planted_near_duplicates_among_random_signatures() -> None:
    rng = np.random.default_rng(7)
    sigs = rng.integers(0, 2**32, size=(3000, dedup.NUM_PERM), dtype=np.uint64).astype(np.uint32)
    sigs[10] = sigs[2000]
    sigs[10, :40] = 1  # 69% of the values still agree
    sigs[2999] = sigs[2000]
    sigs[2999, 50:100] = 2
    sigs[11] = sigs[12]
    sigs[11, :100] = 3  # 22% agree: a different story
    pairs = {tuple(p) for p in dedup.similar_pairs(sigs).tolist()}
    # 10 and 2999 agree with each other on only 38 of 128 values: linked through 2000, not paired.
    assert pairs == {(10, 2000), (2000, 2999)}
    assert (11, 12) not in pairs
    roots = dedup.components(len(sigs), dedup.similar_pairs(sigs))
    assert roots[10] == roots[2000] == roots[2999] == 10 and roots[11] == 11


def test_signature_ignores_spacing_punctuation_and_width() -> None:
    text = (FIXTURES / "original.txt").read_text(encoding="utf-8")
    respaced = text.replace("，", ",").replace("。", ". ").replace("2025", "２０２５")
    assert dedup.signature(text) == dedup.signature(respaced)
    assert dedup.signature("短") == b""


@pytest.mark.parametrize("n", [0, 1])
def test_similar_pairs_on_tiny_inputs(n: int) -> None:
    sigs = np.zeros((n, dedup.NUM_PERM), dtype=np.uint32)
    assert dedup.similar_pairs(sigs).shape == (0, 2)


def test_a_store_from_before_grouping_is_migrated_and_grouped(tmp_path: Path, seeds_dir: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    from storage.store import _alembic_config, open_store

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    body = (FIXTURES / "original.txt").read_text(encoding="utf-8")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0002")
        for aid in (3, 4):  # the same story stored twice (different bytes: a trailing newline)
            conn.execute(text(
                "INSERT INTO articles (id, sha256, source_name, source_path, imported_at, updated_at, format,"
                " encoding, size_bytes, script, status, title, places, flags, spin_score, edited_count, note,"
                " version_id) VALUES (:i, :h, 'old.txt', '/old.txt', '2026-01-01', '2026-01-01', 'text', 'utf-8',"
                " 10, 'hans', 'new', NULL, '', '', 0, 0, '', 1)"), {"i": aid, "h": f"h{aid}"})
            conn.execute(text("INSERT INTO article_texts (article_id, raw_text, cleaned_text, cleaning, fields)"
                              " VALUES (:i, :t, :t, '{}', '{}')"), {"i": aid, "t": body + "\n" * aid})
    engine.dispose()
    store = open_store(url)
    try:
        assert (tmp_path / "old.db.before-0002.bak").exists()
        with store.session() as s:
            assert set(s.execute(select(Article.group_id, Article.is_canonical)).all()) == {(None, True)}
            # The upgrade kept every text (a table rebuild would have cascaded into them).
            assert [len(t) for t in s.scalars(select(ArticleText.cleaned_text).order_by(ArticleText.article_id))] \
                == [len(body) + 3, len(body) + 4]
        report = regroup(store)
        assert (report.signed, report.groups) == (2, 1)
        assert group_members(store, 4) == [3, 4]
    finally:
        store.close()


def test_reextraction_keeps_the_signature_in_step_with_the_text(store, tmp_path: Path) -> None:
    from sqlalchemy import update

    from storage.models import ArticleText
    from storage.reextract import reextract

    (tmp_path / "a.txt").write_text((FIXTURES / "original.txt").read_text(encoding="utf-8"), encoding="utf-8")
    aid = import_paths(store, [tmp_path / "a.txt"]).imported[0][0]
    with store.session() as s:
        right = s.scalar(select(ArticleSignature.minhash).where(ArticleSignature.article_id == aid))
        # A stale cleaned text (as an older cleaner left it) and its signature.
        stale = "旧的整理结果，早已过时。" * 5
        s.execute(update(ArticleText).where(ArticleText.article_id == aid).values(cleaned_text=stale))
        s.execute(update(ArticleSignature).where(ArticleSignature.article_id == aid)
                  .values(minhash=dedup.signature(stale)))
    reextract(store, [aid])
    with store.session() as s:
        assert s.scalar(select(ArticleSignature.minhash).where(ArticleSignature.article_id == aid)) == right
