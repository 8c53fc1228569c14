"""Full-text search that understands Chinese: overlapping bigrams of the title and cleaned text.

Chinese has no spaces, so the store indexes every pair of neighbouring *units* (a CJK character,
or a run of ASCII letters and digits) inside a *run* of units not broken by punctuation or space.
A query is turned into the same bigrams and matched as a phrase, so a query matches exactly the
texts holding it as a substring within one run: 2- and 4-character words both work, and a query
never matches across punctuation (「江西。西省」 does not hold 「江西省」) because a break token
sits between runs.

One index, two back-ends, the same tokens:

* SQLite: ``article_fts``, a contentless FTS5 table (rowid = article id) over the space-separated
  tokens computed here. Contentless means nothing is stored twice; the price is that removing a
  row needs the tokens it was indexed with, which are recomputed from the stored title and text
  (so :func:`tokens` must stay stable; a change to it needs a migration that rebuilds the index).
* PostgreSQL: ``article_search`` (article id, ``tsvector``) with a GIN index. The vector is
  written as a tsvector *literal* with positions, so no locale-dependent text parser is involved,
  and queried with ``<->`` (followed-by) phrases.

The index is kept in step by session events (:func:`install`): whatever ORM path inserts,
updates or deletes an article's title or cleaned text (import, re-extraction, a reviewer's edit
of the title) updates the index in the same transaction. Bulk Core writes call
:func:`index_ids` themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from operator import add
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, UOWTransaction

from pipeline.charclass import HAN_CLASS

# Every CJK ideograph block: the one class cleaning and extraction share (pipeline/charclass.py).
_CJK = HAN_CLASS
_RUN = re.compile(f"(?:[{_CJK}]|[a-z0-9]+)+")
_UNIT = re.compile(f"[{_CJK}]|[a-z0-9]+")
_ASCII_ALNUM = re.compile("[a-z0-9]")
# Between two runs: a token that no query can produce (queries are cut at punctuation too).
BREAK = "ǁ"

FTS_TABLE = "article_fts"
PG_TABLE = "article_search"
MAX_PG_POSITION = 16383  # PostgreSQL keeps positions up to this; later ones share it


def _units(run: str) -> Sequence[str]:
    return _UNIT.findall(run) if _ASCII_ALNUM.search(run) else run


def _run_bigrams(run: str) -> list[str]:
    units = _units(run)
    return list(map(add, units[:-1], units[1:]))


def tokens(*texts: str | None) -> str:
    """The index tokens of ``texts``: bigrams, runs separated by one :data:`BREAK`."""
    out: list[str] = []
    extend, append = out.extend, out.append
    for t in texts:
        if not t:
            continue
        for run in _RUN.findall(t.lower()):
            if len(run) > 1:
                units = _units(run)
                if len(units) > 1:
                    extend(map(add, units[:-1], units[1:]))
                    append(BREAK)
                    continue
            if out and out[-1] != BREAK:
                append(BREAK)
        if out and out[-1] != BREAK:
            append(BREAK)
    return " ".join(out)


def query_phrases(query: str) -> list[list[str]]:
    """The phrases a query becomes: one list of bigrams per run of two or more units."""
    return split_query(query)[0]


def split_query(query: str) -> tuple[list[list[str]], list[str]]:
    """``(phrases, singles)``: bigram phrases for runs of two or more units, and the runs of a
    single unit (a lone character between punctuation), which no bigram can find and which are
    answered by a substring scan instead."""
    phrases: list[list[str]] = []
    singles: list[str] = []
    for run in _RUN.findall(query.lower()):
        big = _run_bigrams(run)
        if big:
            phrases.append(big)
        else:
            singles.append(run)
    return phrases, singles


def fts5_match(phrases: Sequence[Sequence[str]]) -> str:
    """An FTS5 MATCH expression: every phrase must occur."""
    return " AND ".join('"' + " ".join(p) + '"' for p in phrases)


def pg_tsquery(phrases: Sequence[Sequence[str]]) -> str:
    """A tsquery literal: each phrase as ``a <-> b <-> c``, phrases joined with ``&``."""
    return " & ".join("(" + " <-> ".join(_pg_quote(t) for t in p) + ")" for p in phrases)


def _pg_quote(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def pg_tsvector(token_text: str) -> str:
    """A tsvector literal with positions for ``tokens()`` output (the break token is skipped)."""
    positions: dict[str, list[int]] = {}
    for pos, tok in enumerate(token_text.split(), 1):
        if tok == BREAK:
            continue
        lst = positions.setdefault(tok, [])
        if len(lst) < 256:  # PostgreSQL keeps at most 256 positions of a lexeme
            lst.append(min(pos, MAX_PG_POSITION))
    return " ".join(f"{_pg_quote(t)}:{','.join(map(str, sorted(set(p))))}" for t, p in positions.items())


# -- writing the index --------------------------------------------------------------------------


def _dialect(conn: Connection) -> str:
    return conn.dialect.name


def _rows(conn: Connection, ids: Sequence[int]) -> list[tuple[int, str | None, str | None]]:
    if not ids:
        return []
    out: list[tuple[int, str | None, str | None]] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        params = {f"i{k}": v for k, v in enumerate(chunk)}
        marks = ", ".join(f":i{k}" for k in range(len(chunk)))
        out.extend(
            (int(r[0]), r[1], r[2])
            for r in conn.execute(
                text(
                    "SELECT a.id, a.title, t.cleaned_text FROM articles a "
                    f"LEFT JOIN article_texts t ON t.article_id = a.id WHERE a.id IN ({marks})"
                ),
                params,
            )
        )
    return out


def add_rows(conn: Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Index ``(article id, tokens)`` pairs (ids not yet in the index)."""
    batch = [{"id": i, "tok": t} for i, t in rows]
    if not batch:
        return
    if _dialect(conn) == "sqlite":
        conn.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, tokens) VALUES (:id, :tok)"), batch)
    elif _dialect(conn) == "postgresql":
        conn.execute(
            text(
                f"INSERT INTO {PG_TABLE}(article_id, vector) VALUES (:id, CAST(:vec AS tsvector)) "
                "ON CONFLICT (article_id) DO UPDATE SET vector = EXCLUDED.vector"
            ),
            [{"id": b["id"], "vec": pg_tsvector(str(b["tok"]))} for b in batch],
        )


def remove_rows(conn: Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Take ``(article id, tokens it was indexed with)`` out of the index."""
    batch = [{"id": i, "tok": t} for i, t in rows]
    if not batch:
        return
    if _dialect(conn) == "sqlite":
        conn.execute(
            text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, tokens) VALUES ('delete', :id, :tok)"), batch
        )
    elif _dialect(conn) == "postgresql":
        conn.execute(text(f"DELETE FROM {PG_TABLE} WHERE article_id = :id"), batch)


def index_ids(conn: Connection, ids: Sequence[int]) -> None:
    """Index these (not yet indexed) articles from their stored title and cleaned text."""
    add_rows(conn, ((i, tokens(title, body)) for i, title, body in _rows(conn, ids)))


def unindex_ids(conn: Connection, ids: Sequence[int]) -> None:
    """Remove these articles from the index, as currently stored (call before changing them)."""
    remove_rows(conn, ((i, tokens(title, body)) for i, title, body in _rows(conn, ids)))


def rebuild(conn: Connection, batch: int = 500) -> int:
    """Empty the index and fill it from every stored article; returns the number indexed."""
    if _dialect(conn) == "sqlite":
        conn.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')"))
    elif _dialect(conn) == "postgresql":
        conn.execute(text(f"DELETE FROM {PG_TABLE}"))
    else:
        return 0
    last, count = 0, 0
    while True:
        ids = [int(r[0]) for r in conn.execute(
            text("SELECT id FROM articles WHERE id > :last ORDER BY id LIMIT :n"), {"last": last, "n": batch})]
        if not ids:
            return count
        index_ids(conn, ids)
        count += len(ids)
        last = ids[-1]


def has_index(conn: Connection) -> bool:
    name = FTS_TABLE if _dialect(conn) == "sqlite" else PG_TABLE
    return name in inspect(conn).get_table_names()


# -- keeping it in step with ORM writes ------------------------------------------------------------

_PENDING = "fulltext_pending"
_SKIP = "fulltext_skip"  # session.info flag: the caller indexes itself (bulk paths)


def _affected(session: Session) -> tuple[set[int], list[Any]]:
    """Persistent article ids whose indexed text changes in this flush, and new bodies/articles."""
    from storage.models import Article, ArticleText

    changed: set[int] = set()
    new: list[Any] = []
    for obj in session.dirty:
        if isinstance(obj, Article):
            if inspect(obj).attrs.title.history.has_changes():
                changed.add(obj.id)
        elif isinstance(obj, ArticleText) and inspect(obj).attrs.cleaned_text.history.has_changes():
            changed.add(obj.article_id)
    for obj in session.deleted:
        if isinstance(obj, Article):
            changed.add(obj.id)
        elif isinstance(obj, ArticleText):
            changed.add(obj.article_id)
    for obj in session.new:
        if isinstance(obj, Article | ArticleText):
            new.append(obj)
            if isinstance(obj, ArticleText):
                parent = obj.__dict__.get("article")
                aid = obj.article_id if obj.article_id is not None else getattr(parent, "id", None)
                if aid is not None and parent is not None and inspect(parent).persistent:
                    changed.add(aid)  # a body added to an article already indexed by title
                elif aid is not None and parent is None:
                    changed.add(aid)
    return changed, new


def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    if session.info.get(_SKIP):
        return
    changed, new = _affected(session)
    if not changed and not new:
        return
    conn = session.connection()
    unindex_ids(conn, sorted(changed))
    session.info[_PENDING] = (changed, new)


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    pending = session.info.pop(_PENDING, None)
    if pending is None:
        return
    from storage.models import Article

    changed, new = pending
    ids = set(changed)
    ready: dict[int, str] = {}
    for obj in new:
        aid = obj.id if isinstance(obj, Article) else obj.article_id
        if aid is None:
            continue
        precomputed = obj.__dict__.get(PRECOMPUTED)
        if precomputed is not None and aid not in changed:
            ready[int(aid)] = precomputed
        else:
            ids.add(int(aid))
    ids.difference_update(ready)
    conn = session.connection()
    add_rows(conn, ready.items())
    index_ids(conn, sorted(ids))


PRECOMPUTED = "_fulltext_tokens"


def attach_tokens(body: Any, token_text: str) -> None:
    """Hand a new article body the tokens of its title and text, computed elsewhere (in an
    import worker process), so the writing process does not compute them again."""
    setattr(body, PRECOMPUTED, token_text)


def install(sessions: Any) -> None:
    """Keep the index in step with every flush of sessions made by ``sessions`` (a sessionmaker).

    Called by ``open_store`` once the schema is current (the index exists from migration 0002).
    """
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)


def skip_events(session: Session) -> None:
    """For a bulk writer that calls :func:`index_ids` itself: the events leave this session alone."""
    session.info[_SKIP] = True
