"""The store: SQLAlchemy models, opening and migrating, and the one write path (import, edits, export).

Imports nothing from Qt or the GUI; the same code runs on SQLite (default) and PostgreSQL.
"""
