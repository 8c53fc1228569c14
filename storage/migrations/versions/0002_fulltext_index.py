"""full-text index over title and cleaned text (CJK bigrams)

SQLite: a contentless FTS5 table ``article_fts`` (rowid = article id). PostgreSQL: a table
``article_search`` (article id, tsvector) with a GIN index. Both hold the tokens computed by
``storage.fulltext.tokens``; the upgrade backfills every stored article.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 03:00:00
"""
from alembic import op

from storage import fulltext

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    if dialect == "sqlite":
        # The 'ascii' tokenizer keeps every non-ASCII character inside a token and splits on ASCII
        # space and punctuation: the bigrams arrive space-separated, so it only has to split.
        op.execute(
            f"CREATE VIRTUAL TABLE {fulltext.FTS_TABLE} USING fts5("
            "tokens, content='', columnsize=0, tokenize='ascii')"
        )
    elif dialect == "postgresql":
        op.execute(
            f"CREATE TABLE {fulltext.PG_TABLE} ("
            "article_id INTEGER NOT NULL, vector TSVECTOR NOT NULL, "
            f"CONSTRAINT pk_{fulltext.PG_TABLE} PRIMARY KEY (article_id), "
            f"CONSTRAINT fk_{fulltext.PG_TABLE}_article_id_articles FOREIGN KEY (article_id) "
            "REFERENCES articles (id) ON DELETE CASCADE)"
        )
        op.execute(f"CREATE INDEX ix_{fulltext.PG_TABLE}_vector ON {fulltext.PG_TABLE} USING gin (vector)")
    else:
        return
    fulltext.rebuild(bind)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(f"DROP TABLE IF EXISTS {fulltext.FTS_TABLE}")
    elif dialect == "postgresql":
        op.execute(f"DROP TABLE IF EXISTS {fulltext.PG_TABLE}")
