"""Full-text search over CJK bigrams: the index finds Chinese words and stays in step with writes."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from pipeline.document import CleanResult, RawDocument
from pipeline.offsets import OffsetMap
from pipeline.process import ProcessedDocument
from storage import fulltext
from storage.editing import set_field_values, set_status
from storage.importer import import_paths, store_processed
from storage.search import ArticleFilter, find_ids
from storage.store import open_store


def _add(store, raw: str, cleaned: str | None = None, *, title: str | None = None, name: str = "a.txt") -> int:
    import hashlib

    cleaned = raw if cleaned is None else cleaned
    doc = RawDocument(name, f"/tmp/{name}", hashlib.sha256(raw.encode()).hexdigest(), len(raw.encode()),
                      "utf-8", "text", raw)
    fields = {"title": {"edited": False, "values": [{"value": title}]}} if title else {}
    result = CleanResult(text=cleaned, offsets=OffsetMap.identity(len(cleaned)), script="hans")
    new_id = store_processed(store, ProcessedDocument(doc, result, fields))
    assert new_id is not None
    return new_id


def _find(store, query: str, **kw) -> list[int]:
    return find_ids(store, ArticleFilter(text=query, **kw))


def test_tokens_are_bigrams_within_runs() -> None:
    assert fulltext.tokens("江西省") == "江西 西省 ǁ"
    # Punctuation and spaces break runs: no bigram spans them.
    assert "西西" not in fulltext.tokens("江西。西省").split()
    assert fulltext.query_phrases("景德镇 高新区") == [["景德", "德镇"], ["高新", "新区"]]
    # ASCII words and numbers are single units beside CJK characters.
    assert fulltext.query_phrases("2025年APP") == [["2025年", "年app"]]
    assert fulltext.split_query("江") == ([], ["江"])


def test_two_and_four_character_words(store, seeds_dir: Path) -> None:
    ids = {name: aid for aid, name in import_paths(store, [seeds_dir]).imported}
    jdz = ids["000_49fe26fb40a68a39.txt"]
    assert jdz in _find(store, "招商")  # two characters
    assert jdz in _find(store, "航空小镇")  # four characters
    assert _find(store, "航空小镇") == sorted(_find(store, "航空小镇"))
    neijiang = ids["003_89d139543095b6b2.txt"]
    assert _find(store, "内江") == [neijiang]
    assert _find(store, "白马园区") == [neijiang]
    assert _find(store, "火星殖民") == []


def test_results_match_a_substring_scan(store, seeds_dir: Path) -> None:
    import_paths(store, [seeds_dir])
    with store.session() as s:
        rows = s.execute(text("SELECT a.id, a.title, t.cleaned_text FROM articles a "
                              "JOIN article_texts t ON t.article_id = a.id")).all()
    for word in ("江西", "大湾区", "产业园区", "景德镇高新区", "深圳", "新材料", "座谈会"):
        expected = sorted(i for i, title, body in rows if word in (title or "") or word in body)
        assert _find(store, word) == expected, word


def test_no_match_across_punctuation(store) -> None:
    split = _add(store, "会议在江西。西省的代表没有来。", name="split.txt")
    whole = _add(store, "江西省代表出席。", name="whole.txt")
    assert _find(store, "江西省") == [whole]
    assert _find(store, "江西") == [split, whole]
    assert _find(store, "西省") == [split, whole]


def test_traditional_original_found_by_simplified_query(store) -> None:
    raw = "梧州零距離網(wǎng)-梧州日報(bào)訊 雙方就產(chǎn)業(yè)合作進(jìn)行對接"
    cleaned = "梧州零距离网-梧州日报讯 双方就产业合作进行对接"
    aid = _add(store, raw, cleaned, name="trad.txt")
    assert _find(store, "梧州日报") == [aid]
    assert _find(store, "产业合作") == [aid]
    # The index holds the cleaned (Simplified) text, not the damaged original.
    assert _find(store, "產(chǎn)業(yè)") == []


def test_title_is_searched_and_follows_edits(store) -> None:
    aid = _add(store, "正文没有这个词。", title="景德镇推介会")
    assert _find(store, "推介会") == [aid]
    set_field_values(store, aid, "title", [{"value": "深圳签约仪式"}], who="alice")
    assert _find(store, "推介会") == []
    assert _find(store, "签约仪式") == [aid]
    set_status(store, aid, "accepted")  # a write that does not touch the text leaves the index alone
    assert _find(store, "签约仪式", statuses=("accepted",)) == [aid]
    assert _find(store, "签约仪式", statuses=("new",)) == []


def test_reextraction_reindexes_changed_text(store) -> None:
    from storage.reextract import reextract

    # Stored with a cleaned text the pipeline would not produce: re-extraction replaces it.
    aid = _add(store, "景德镇高新区举办推介会。", "旧的清洗结果里才有的词语", name="re.txt")
    assert _find(store, "清洗结果") == [aid]
    reextract(store, [aid])
    assert _find(store, "清洗结果") == []
    assert _find(store, "推介会") == [aid]


def test_single_characters_fall_back_to_a_scan(store) -> None:
    a = _add(store, "江西代表。", name="a.txt")
    b = _add(store, "广东代表。", name="b.txt")
    assert _find(store, "江") == [a]
    assert _find(store, "代表 东") == [b]


def test_migration_backfills_existing_articles(tmp_path: Path) -> None:
    # SQLite only (the PostgreSQL upgrade runs the same backfill through storage.fulltext.rebuild).
    from alembic import command
    from sqlalchemy import create_engine

    from storage.store import _alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
        conn.execute(text(
            "INSERT INTO articles (id, sha256, source_name, source_path, imported_at, updated_at, format, encoding,"
            " size_bytes, script, status, title, places, flags, spin_score, edited_count, note, version_id)"
            " VALUES (7, 'x', 'old.txt', '/old.txt', '2026-01-01', '2026-01-01', 'text', 'utf-8', 10, 'hans',"
            " 'new', '旧库标题', '', '', 0, 0, '', 1)"))
        conn.execute(text("INSERT INTO article_texts (article_id, raw_text, cleaned_text, cleaning, fields)"
                          " VALUES (7, '旧库正文内容', '旧库正文内容', '{}', '{}')"))
    engine.dispose()
    store = open_store(url)
    try:
        assert _find(store, "正文内容") == [7]
        assert _find(store, "库标") == [7]
    finally:
        store.close()


def test_index_only_path_matches_the_general_query(store, seeds_dir: Path) -> None:
    from storage.models import STATUSES

    import_paths(store, [seeds_dir])
    for word in ("江西", "产业园区", "深圳", "招商"):
        direct = _find(store, word)  # text only, id order: answered by the index alone
        joined = _find(store, word, statuses=STATUSES)  # the same set through the articles table
        assert direct == joined, word
        assert find_ids(store, ArticleFilter(text=word, descending=True)) == direct[::-1]
