"""The store's review guidelines: one markdown text, every saved version kept (who, when).

Saving names the version it was edited from; if someone saved meanwhile, the save is refused
(``StaleEditError``) instead of overwriting their text, as for article edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from storage.editing import StaleEditError, default_reviewer
from storage.models import Guidelines
from storage.store import Store


@dataclass(frozen=True, slots=True)
class GuidelinesVersion:
    id: int
    text: str
    who: str
    at: datetime


def _version(row: Guidelines) -> GuidelinesVersion:
    at = row.at if row.at.tzinfo is not None else row.at.replace(tzinfo=UTC)  # SQLite drops the zone
    return GuidelinesVersion(row.id, row.text, row.who, at)


def current_guidelines(store: Store) -> GuidelinesVersion | None:
    with store.session() as s:
        row = s.scalars(select(Guidelines).order_by(Guidelines.id.desc()).limit(1)).first()
        return _version(row) if row is not None else None


def guideline_versions(store: Store) -> list[GuidelinesVersion]:
    """Every saved version, newest first."""
    with store.session() as s:
        return [_version(r) for r in s.scalars(select(Guidelines).order_by(Guidelines.id.desc()))]


def save_guidelines(store: Store, text: str, *, based_on: int | None, who: str | None = None) -> GuidelinesVersion:
    """Save a new version edited from ``based_on`` (None: there was none); unchanged text is not saved."""
    with store.session() as s:
        latest = s.scalars(select(Guidelines).order_by(Guidelines.id.desc()).limit(1)).first()
        latest_id = latest.id if latest is not None else None
        if latest_id != based_on:
            raise StaleEditError(f"The guidelines were saved by {latest.who if latest else '?'} meanwhile "
                                 f"(version {latest_id}, you edited {based_on}). Reload them and try again.")
        if latest is not None and latest.text == text:
            return _version(latest)
        row = Guidelines(text=text, who=who or default_reviewer())
        s.add(row)
        s.flush()
        return _version(row)
