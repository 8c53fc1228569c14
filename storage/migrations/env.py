"""Alembic environment: migrations run on the connection the store hands over."""

from __future__ import annotations

from alembic import context

from storage.models import Base

config = context.config

# The full-text index is created by raw SQL in migration 0002 and is not part of the models.
_UNMODELLED = ("article_fts", "article_search")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(_UNMODELLED))


connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when run through the alembic command line
    from sqlalchemy import create_engine

    connectable = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                          include_object=include_object)
        with context.begin_transaction():
            context.run_migrations()
else:
    # Batch mode lets ALTER-style migrations work on SQLite too.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                      include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()
