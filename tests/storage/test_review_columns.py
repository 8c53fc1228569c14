"""The list's review columns (lowest confidence, unsupported values) and the versioned guidelines."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from pipeline.review import review_figures
from storage.editing import StaleEditError, set_field_state
from storage.guidelines import current_guidelines, guideline_versions, save_guidelines
from storage.importer import import_paths
from storage.models import Article
from storage.queries import get_article
from storage.search import ArticleFilter, find_ids
from storage.store import open_store


def _columns(store) -> dict[int, tuple[float | None, int]]:
    with store.session() as s:
        return {i: (c, u) for i, c, u in s.execute(select(Article.id, Article.min_confidence, Article.unsupported))}


def test_columns_follow_import_and_edits(store, seeds_dir: Path) -> None:
    import_paths(store, [seeds_dir], workers=1)
    cols = _columns(store)
    for aid, (low, uns) in cols.items():
        assert (low, uns) == review_figures(get_article(store, aid).fields)
    with_unsupported = sorted(a for a, (_l, u) in cols.items() if u)
    assert with_unsupported and find_ids(store, ArticleFilter(unsupported=True)) == with_unsupported
    # Lowest confidence first.
    order = find_ids(store, ArticleFilter(sort="min_confidence"))
    lows = [cols[a][0] for a in order]
    assert lows == sorted(lows, key=lambda v: 2.0 if v is None else v)
    # Removing the evidence-less values of one article takes it out of the filter.
    aid = with_unsupported[0]
    fields = get_article(store, aid).fields
    for name, state in fields.items():
        kept = [r for r in state.get("values", [])
                if r.get("evidence") or str(r.get("rule", "")).startswith("metadata:")]
        if kept != state.get("values", []):
            set_field_state(store, aid, name, {"edited": True, "values": kept})
    assert _columns(store)[aid][1] == 0
    assert aid not in find_ids(store, ArticleFilter(unsupported=True))


def test_migration_fills_the_columns(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from storage.store import _alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    fields = ('{"places": {"edited": false, "values": [{"value": "北京", "evidence": [], "rule": "x",'
              ' "confidence": 0.4, "origin": "auto"}]}}')
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0002")
        conn.execute(text(
            "INSERT INTO articles (id, sha256, source_name, source_path, imported_at, updated_at, format, encoding,"
            " size_bytes, script, status, title, places, flags, spin_score, edited_count, note, version_id)"
            " VALUES (7, 'x', 'old.txt', '/old.txt', '2026-01-01', '2026-01-01', 'text', 'utf-8', 10, 'hans',"
            " 'new', '旧库标题', '', '', 0, 0, '', 1)"))
        conn.execute(text("INSERT INTO article_texts (article_id, raw_text, cleaned_text, cleaning, fields)"
                          " VALUES (7, '正文', '正文', '{}', :f)"), {"f": fields})
    engine.dispose()
    store = open_store(url)
    try:
        assert _columns(store) == {7: (0.4, 1)}
        assert current_guidelines(store) is None
    finally:
        store.close()


def test_guidelines_are_versioned_and_never_overwritten(store) -> None:
    assert current_guidelines(store) is None
    v1 = save_guidelines(store, "# 规则\n\n- 地点只收行政区", based_on=None, who="甲")
    v2 = save_guidelines(store, "# 规则\n\n- 地点只收行政区\n- 人物要有职务", based_on=v1.id, who="乙")
    assert current_guidelines(store) == v2
    assert [v.who for v in guideline_versions(store)] == ["乙", "甲"]
    with pytest.raises(StaleEditError):
        save_guidelines(store, "甲的旧稿", based_on=v1.id, who="甲")  # 乙 saved meanwhile
    assert save_guidelines(store, v2.text, based_on=v2.id, who="丙") == v2  # unchanged: no new version
