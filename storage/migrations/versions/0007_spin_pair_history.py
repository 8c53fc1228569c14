"""spin pair history (issue 11): every decision on a learned spin pair, who, when, old and new

A decision is store-wide (not one article's), so it has its own history table; the pair is named
by its words, not its row id, because undoing a decision that added a pair removes the row and
its history must stay. ``article_id`` is the article the decision was made from (the Changes
view), if any; no foreign key, so deleting an article keeps the reviewer's record.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 13:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "spin_pair_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("spun", sa.String(length=32), nullable=False),
        sa.Column("original", sa.String(length=32), nullable=False),
        sa.Column("old_status", sa.String(length=16), nullable=True),
        sa.Column("new_status", sa.String(length=16), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spin_pair_history")),
    )
    op.create_index("ix_spin_pair_history_pair", "spin_pair_history", ["spun", "original", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_spin_pair_history_pair", table_name="spin_pair_history")
    op.drop_table("spin_pair_history")
