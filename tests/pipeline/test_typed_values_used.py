"""Typed values (issue 12 item 5): the stored shapes of a field state, a person, an amount and a count
are written in pipeline/fields.py only; other modules build them through those classes."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.fields import Amount, Count, FieldState, FieldValue, Person

ROOT = Path(__file__).resolve().parents[2]
# Literal stored shapes: a field state, a value record, a person.
_LITERAL = re.compile(r'\{"edited":|\{"value":\s*\w[^}]*"evidence":|\{"name":\s*[^,}]+,\s*"title":')
# The HF export writes its own nullable schema (None for a missing name), not the stored shape.
_OWN_SCHEMA = {"pipeline/export/hf.py"}


def test_no_module_writes_the_stored_shapes_by_hand() -> None:
    offenders = []
    for d in ("pipeline", "storage", "gui"):
        for p in (ROOT / d).rglob("*.py"):
            rel = str(p.relative_to(ROOT))
            if rel == "pipeline/fields.py" or rel in _OWN_SCHEMA:
                continue
            # Comments describe the shapes, they build none (a "#" inside a string only hides more).
            code = "\n".join(ln.split("  #")[0] for ln in p.read_text(encoding="utf-8").splitlines()
                              if not ln.lstrip().startswith("#"))
            code = re.sub(r'"""[\s\S]*?"""', "", code)  # docstrings describe the shapes, they build none
            if _LITERAL.search(code):
                offenders.append(rel)
    assert offenders == []


def test_the_typed_values_round_trip_through_json() -> None:
    assert Person.from_json(Person("王强", "市长").to_json()) == Person("王强", "市长")
    assert Amount.from_json(Amount("1.5亿元", 150000000).to_json()) == Amount("1.5亿元", 150000000)
    assert Count.from_json(Count("3个项目", 3).to_json()) == Count("3个项目", 3)
    state = FieldState(True, [FieldValue("x", [(0, 1)], origin="human").to_json()])
    assert FieldState.from_json(state.to_json()) == state
