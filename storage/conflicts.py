"""Conflicts: when a reviewer's edit is refused because a teammate changed the article meanwhile.

A refusal is not a dead end: ``find_conflict`` compares, per field, the value the reviewer started
from (their loaded copy), the value they meant to write, and the value the store holds now.
Fields only one side changed need no decision: the store's value stands and the reviewer's own
change is re-applied on top. For the rest the reviewer keeps theirs, applies mine, or — for list
fields — merges (a three-way merge: the teammate's list, plus what the reviewer added, minus what
the reviewer removed). ``resolve`` writes the outcome in one transaction against the version it
was computed from, with one history row per decided field (old: theirs, new: the result).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.orm.attributes import flag_modified

from pipeline.fields import FIELDS_BY_NAME, FieldState, field_state
from storage.editing import EditError, _as_human, _history, _load, refresh_summary
from storage.models import STATUSES, ArticleTag, ArticleText
from storage.queries import get_article
from storage.records import ArticleView
from storage.store import Store

Choice = Literal["theirs", "mine", "merge"]


@dataclass(frozen=True, slots=True)
class FieldConflict:
    field: str
    original: Any
    mine: Any
    theirs: Any

    @property
    def mergeable(self) -> bool:
        return self.field == "tags" or bool(getattr(FIELDS_BY_NAME.get(self.field), "multiple", False))

    def result(self, choice: Choice) -> Any:
        if choice == "theirs":
            return self.theirs
        if choice == "mine":
            return self.mine
        if not self.mergeable:
            raise EditError(f"{self.field} holds one value: keep theirs or apply mine")
        return merge_lists(self.original, self.mine, self.theirs)


@dataclass(frozen=True, slots=True)
class Conflict:
    article_id: int
    version: int  # the store's version the comparison was made against
    fields: tuple[FieldConflict, ...]  # fields both sides changed differently
    carried: Mapping[str, Any]  # fields only the reviewer changed: re-applied as they are


def _key(v: Any) -> str:
    value = v.get("value") if isinstance(v, dict) else v
    return repr(value)


def merge_lists(original: list[Any], mine: list[Any], theirs: list[Any]) -> list[Any]:
    """Theirs, plus what mine added to the original, minus what mine removed from it; order kept."""
    base = {_key(v) for v in original}
    mine_keys = {_key(v) for v in mine}
    removed = base - mine_keys
    out = [v for v in theirs if _key(v) not in removed]
    have = {_key(v) for v in out}
    for v in mine:
        k = _key(v)
        if k not in base and k not in have:
            out.append(v)
            have.add(k)
    return out


def _current(view: ArticleView, name: str) -> Any:
    if name == "status":
        return view.status
    if name == "note":
        return view.note
    if name == "tags":
        return list(view.tags)
    return list(view.fields.get(name, {}).get("values", []))


def _values(values: Any) -> list[Any]:
    return [_key(v) for v in values] if isinstance(values, list) else [repr(values)]


def find_conflict(store: Store, original: ArticleView, mine: Mapping[str, Any]) -> Conflict:
    """``mine``: field (or status / note / tags) → the value the reviewer meant to write."""
    now = get_article(store, original.id)
    clashes: list[FieldConflict] = []
    carried: dict[str, Any] = {}
    for name, want in mine.items():
        before, theirs = _current(original, name), _current(now, name)
        if _values(theirs) == _values(before):
            carried[name] = want  # only I changed it
        elif _values(theirs) != _values(want):
            clashes.append(FieldConflict(name, before, want, theirs))
    return Conflict(original.id, now.version, tuple(clashes), carried)


def resolve(store: Store, conflict: Conflict, choices: Mapping[str, Choice], *, who: str) -> int:
    """Write the reviewer's decisions (and the changes only they made); returns the new version.

    Refused with ``StaleEditError`` if the article moved on again since ``find_conflict``.
    """
    missing = [c.field for c in conflict.fields if c.field not in choices]
    if missing:
        raise EditError(f"no choice made for {', '.join(missing)}")
    outcome: dict[str, Any] = dict(conflict.carried)
    for c in conflict.fields:
        outcome[c.field] = c.result(choices[c.field])
    with store.session() as s:
        a = _load(s, conflict.article_id, conflict.version)
        body = s.get(ArticleText, conflict.article_id)
        assert body is not None
        fields = dict(body.fields or {})
        for name, value in outcome.items():
            if name == "status":
                if value not in STATUSES:
                    raise EditError(f"unknown status {value!r}")
                _history(s, a.id, name, a.status, value, who)
                a.status = value
            elif name == "note":
                _history(s, a.id, name, a.note, value, who)
                a.note = value
            elif name == "tags":
                tags = sorted({str(t).strip() for t in value if str(t).strip()})
                _history(s, a.id, name, [t.tag for t in a.tags], tags, who)
                a.tags = [ArticleTag(tag=t) for t in tags]
            else:
                if name not in FIELDS_BY_NAME:
                    raise EditError(f"unknown field {name!r}")
                old = field_state(fields, name)
                new_values = [_as_human(v) for v in value]
                fields[name] = FieldState(True, new_values).to_json()
                _history(s, a.id, name, old.get("values", []), new_values, who)
        body.fields = fields
        refresh_summary(a, fields, body)
        flag_modified(a, "note")  # the version moves even when only article_texts changed
        s.flush()
        return a.version_id

