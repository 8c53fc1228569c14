"""YAML front matter parsed within bounds, so a few kilobytes cannot expand to gigabytes.

YAML aliases (``*a``) repeat an anchored node without copying it: nine lists that each name the
one before nine times are 9⁹ items once printed (a "billion laughs"). PyYAML builds the shared
objects cheaply, and the expansion happens later, when a value is turned into text (issue 10: a
10 KB block gave a 34.7 MB title; 9 levels ran out of memory). So the node graph is composed
first (linear in the block's size: an alias is a reference) and measured as if expanded; only a
graph within every bound below is constructed. Real front matter (a title, a date, some tags)
is far inside all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

MAX_EXPANDED_CHARS = 200_000  # all scalars and items, each alias counted as expanded
MAX_NODES = 10_000
MAX_ALIASES = 100
MAX_DEPTH = 32


class _OverBound(Exception):
    pass


@dataclass(slots=True)
class _Measure:
    aliases: int = 0
    memo: dict[int, tuple[int, int]] | None = None  # id(node) → (expanded size, height)


def load(block: str) -> tuple[Any, str | None]:
    """``(data, None)``, or ``(None, why)`` when the block is over a bound (said in a few words).

    YAML syntax errors raise ``yaml.YAMLError`` as ``yaml.load`` does. BaseLoader keeps every
    scalar a string (dates keep their zone).
    """
    loader_cls = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    loader = loader_cls(block)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        try:
            _measure(node, 0, _Measure(memo={}))
        except _OverBound as exc:
            return None, str(exc)
        return loader.construct_document(node), None
    finally:
        loader.dispose()


def _measure(node: yaml.Node, depth: int, m: _Measure) -> tuple[int, int]:
    """(expanded size, height) of ``node``; raises :class:`_OverBound` past any bound. The depth
    bound also ends an alias cycle (``&a [*a]``), which would otherwise never finish."""
    assert m.memo is not None
    if depth > MAX_DEPTH:
        raise _OverBound(f"nested deeper than {MAX_DEPTH} levels")
    seen = m.memo.get(id(node))
    if seen is not None:  # a node met before: an alias
        m.aliases += 1
        if m.aliases > MAX_ALIASES:
            raise _OverBound(f"more than {MAX_ALIASES} aliases")
        if depth + seen[1] > MAX_DEPTH:
            raise _OverBound(f"nested deeper than {MAX_DEPTH} levels")
        return seen
    if isinstance(node, yaml.ScalarNode):
        size, height = len(str(node.value)) + 1, 0
    else:
        children: list[yaml.Node] = (
            [x for pair in node.value for x in pair] if isinstance(node, yaml.MappingNode) else list(node.value)
        )
        size, height = 1, 0
        for child in children:
            child_size, child_height = _measure(child, depth + 1, m)
            size += child_size
            height = max(height, child_height + 1)
            if size > MAX_EXPANDED_CHARS:
                raise _OverBound(f"expands to more than {MAX_EXPANDED_CHARS:,} characters")
    if size > MAX_EXPANDED_CHARS:
        raise _OverBound(f"expands to more than {MAX_EXPANDED_CHARS:,} characters")
    m.memo[id(node)] = (size, height)
    if len(m.memo) > MAX_NODES:
        raise _OverBound(f"more than {MAX_NODES:,} nodes")
    return size, height
