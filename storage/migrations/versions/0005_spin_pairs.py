"""learned spin pairs (issue 11): substitutions harvested from reposts and their originals

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 09:00:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "spin_pairs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("spun", sa.String(length=32), nullable=False),
        sa.Column("original", sa.String(length=32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Text(), nullable=False),  # JSON list of article ids
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spin_pairs")),
    )
    op.create_index(op.f("ix_spin_pairs_status"), "spin_pairs", ["status"], unique=False)
    op.create_index("uq_spin_pairs_spun_original", "spin_pairs", ["spun", "original"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_spin_pairs_spun_original", table_name="spin_pairs")
    op.drop_index(op.f("ix_spin_pairs_status"), table_name="spin_pairs")
    op.drop_table("spin_pairs")
