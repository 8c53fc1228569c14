"""index on articles.claimed_by (issue 6: the article switch at 100,000 articles)

A claim releases the reviewer's other claims (``UPDATE … WHERE claimed_by = :reviewer``) and the
live view reads the claims held (``WHERE claimed_by IS NOT NULL``): without an index both scan
every article, on the claim worker at each switch.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 17:45:00
"""
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_articles_claimed_by"), "articles", ["claimed_by"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_articles_claimed_by"), table_name="articles")
