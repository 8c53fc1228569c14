"""review columns (lowest confidence, unsupported values) and versioned guidelines

``articles.min_confidence`` and ``articles.unsupported`` let the list filter and sort by what
needs checking without reading every article's fields; the upgrade fills them from the stored
fields (pipeline.review). ``guidelines`` keeps every saved version of the store's review
guidelines (markdown).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 09:00:00
"""
import sqlalchemy as sa
from alembic import op

from pipeline.review import review_figures
from storage.models import decode_json

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, never batch mode: on SQLite a batch rebuild drops and recreates ``articles``,
    # and with foreign keys on, the drop would cascade to every article's text.
    op.add_column('articles', sa.Column('min_confidence', sa.Float(), nullable=True))
    op.add_column('articles', sa.Column('unsupported', sa.Integer(), nullable=False, server_default='0'))
    op.create_index('ix_articles_min_confidence', 'articles', ['min_confidence'], unique=False)
    op.create_table(
        'guidelines',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('who', sa.String(length=200), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_guidelines')),
    )
    # Backfill in pages: one article's fields at a time in memory, whatever the store's size.
    bind = op.get_bind()
    texts = sa.table('article_texts', sa.column('article_id', sa.Integer), sa.column('fields', sa.Text))
    articles = sa.table('articles', sa.column('id', sa.Integer), sa.column('min_confidence', sa.Float),
                        sa.column('unsupported', sa.Integer))
    last = 0
    while True:
        rows = bind.execute(sa.select(texts.c.article_id, texts.c.fields).where(texts.c.article_id > last)
                            .order_by(texts.c.article_id).limit(1000)).all()
        if not rows:
            break
        updates = []
        for article_id, fields in rows:
            lowest, unsupported = review_figures(decode_json(fields) if fields else {})
            updates.append({"aid": article_id, "low": lowest, "uns": unsupported})
        bind.execute(articles.update().where(articles.c.id == sa.bindparam("aid"))
                     .values(min_confidence=sa.bindparam("low"), unsupported=sa.bindparam("uns")), updates)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_table('guidelines')
    op.drop_index('ix_articles_min_confidence', table_name='articles')
    op.drop_column('articles', 'unsupported')  # SQLite ≥ 3.35 drops in place (no table rebuild)
    op.drop_column('articles', 'min_confidence')
