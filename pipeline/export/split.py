"""Train/validation/test splits that do not leak: whole units (near-duplicate groups, or outlets
with every group that touches them) go to one split, chosen by ratio and a seed."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

SPLITS: tuple[str, ...] = ("train", "validation", "test")


class SplitError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class SplitSpec:
    ratios: tuple[float, float, float] = (0.8, 0.1, 0.1)
    seed: int = 42
    by_outlet: bool = False  # also keep each outlet within one split

    def describe(self) -> str:
        parts = ", ".join(f"{n} {r:g}" for n, r in zip(SPLITS, self.ratios, strict=True))
        unit = "near-duplicate group and source outlet" if self.by_outlet else "near-duplicate group"
        return (f"Ratios {parts}, seed {self.seed}. Every {unit} lies in one split: its articles are "
                "never divided (units are shuffled with the seed and taken largest first; each goes to "
                "the split furthest below its share of articles).")


def parse_ratios(text: str) -> tuple[float, float, float]:
    try:
        parts = [float(p) for p in text.split(",")]
    except ValueError as exc:
        raise SplitError(f"bad --split {text!r}: expected three numbers such as 0.8,0.1,0.1") from exc
    if len(parts) != 3 or any(p < 0 for p in parts) or sum(parts) <= 0:
        raise SplitError(f"bad --split {text!r}: expected three non-negative numbers such as 0.8,0.1,0.1")
    total = sum(parts)
    return (parts[0] / total, parts[1] / total, parts[2] / total)


K = TypeVar("K", int, str)


def assign_units(sizes: Mapping[K, int], spec: SplitSpec) -> dict[K, str]:
    """Each unit's split, deterministic for a seed. Units are shuffled with the seed, then taken
    largest first (a stable sort: the seed orders units of one size) and each goes to the split
    furthest below its target share, relative to that share; a split with ratio 0 gets nothing."""
    keys = sorted(sizes)
    random.Random(spec.seed).shuffle(keys)
    keys.sort(key=lambda k: -sizes[k])
    total = sum(sizes.values())
    targets = [r * total for r in spec.ratios]
    filled = [0, 0, 0]
    out: dict[K, str] = {}

    def need(i: int) -> tuple[float, int]:
        if targets[i] <= 0:
            return (float("-inf"), -i)
        return ((targets[i] - filled[i]) / targets[i], -i)

    for key in keys:
        best = max(range(3), key=need)
        filled[best] += sizes[key]
        out[key] = SPLITS[best]
    return out


def units(members: Mapping[int, tuple[int, str | None]], by_outlet: bool) -> dict[int, int]:
    """``{article id: unit id}`` from ``{article id: (group id, outlet)}``: the group, or with
    ``by_outlet`` the connected component of groups and outlets (union-find)."""
    parent: dict[object, object] = {}

    def find(x: object) -> object:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for gid, outlet in members.values():
        g = ("g", gid)
        find(g)
        if by_outlet and outlet:
            a, b = find(g), find(("o", outlet))
            if a != b:
                parent[b] = a
    roots: dict[object, int] = {}
    out: dict[int, int] = {}
    for aid in sorted(members):
        root = find(("g", members[aid][0]))
        out[aid] = roots.setdefault(root, len(roots))
    return out
