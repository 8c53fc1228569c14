"""team review: claims with a lease, the double-review sample, change notifications

``articles`` gains ``claimed_by``/``claimed_at`` (who holds an article open for review) and
``double_review`` (in the agreement sample); ``independent_reviews`` holds each reviewer's own
verdict on a sampled article. On PostgreSQL a trigger announces every change of an article on the
``curator_changes`` channel (payload: the article id, or ``*`` after an insert statement), which
open apps LISTEN to; SQLite apps poll ``PRAGMA data_version`` instead.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

CHANNEL = "curator_changes"


def upgrade() -> None:
    # Plain ADD COLUMN, never batch mode: on SQLite a batch rebuild drops and recreates ``articles``,
    # and with foreign keys on, the drop would cascade to every article's text.
    op.add_column("articles", sa.Column("claimed_by", sa.String(200), nullable=True))
    op.add_column("articles", sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("articles", sa.Column("double_review", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "independent_reviews",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name="fk_independent_reviews_article_id_articles"),
        sa.PrimaryKeyConstraint("article_id", "reviewer", name="pk_independent_reviews"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION curator_notify_row() RETURNS trigger AS $$
            BEGIN PERFORM pg_notify('{CHANNEL}', NEW.id::text); RETURN NULL; END $$ LANGUAGE plpgsql""")
        op.execute(f"""
            CREATE FUNCTION curator_notify_all() RETURNS trigger AS $$
            BEGIN PERFORM pg_notify('{CHANNEL}', '*'); RETURN NULL; END $$ LANGUAGE plpgsql""")
        op.execute("CREATE TRIGGER articles_changed AFTER UPDATE ON articles "
                   "FOR EACH ROW EXECUTE FUNCTION curator_notify_row()")
        op.execute("CREATE TRIGGER articles_added AFTER INSERT OR DELETE ON articles "
                   "FOR EACH STATEMENT EXECUTE FUNCTION curator_notify_all()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS articles_changed ON articles")
        op.execute("DROP TRIGGER IF EXISTS articles_added ON articles")
        op.execute("DROP FUNCTION IF EXISTS curator_notify_row()")
        op.execute("DROP FUNCTION IF EXISTS curator_notify_all()")
    op.drop_table("independent_reviews")
    for column in ("double_review", "claimed_at", "claimed_by"):
        op.drop_column("articles", column)  # SQLite ≥ 3.35 drops in place (no table rebuild)
