"""near-duplicate groups: a MinHash signature per article, a group id and a canonical member

``article_signatures`` holds each article's MinHash signature (computed from the cleaned text at
import, or by ``curator group`` for articles stored before this revision) and its repair count
(the "least damaged" tie-break when choosing a group's canonical member). ``articles`` gains
``group_id`` (the smallest article id in the group; NULL until grouped), ``is_canonical`` and
``canonical_pinned`` (a reviewer chose this member; regrouping keeps the choice).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 08:40:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, never batch mode: on SQLite a batch rebuilds ``articles`` (copy, drop,
    # rename), and dropping it with foreign keys on cascades into every article's text.
    op.add_column('articles', sa.Column('group_id', sa.Integer(), nullable=True))
    op.add_column('articles', sa.Column('is_canonical', sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column('articles', sa.Column('canonical_pinned', sa.Boolean(), nullable=False,
                                        server_default=sa.false()))
    op.create_index(op.f('ix_articles_group_id'), 'articles', ['group_id'], unique=False)
    op.create_table('article_signatures',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('minhash', sa.LargeBinary(), nullable=False),
    sa.Column('repairs', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_signatures_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', name=op.f('pk_article_signatures'))
    )


def downgrade() -> None:
    op.drop_table('article_signatures')
    op.drop_index(op.f('ix_articles_group_id'), table_name='articles')
    for column in ('canonical_pinned', 'is_canonical', 'group_id'):  # ALTER TABLE DROP COLUMN (SQLite 3.35+)
        op.drop_column('articles', column)
