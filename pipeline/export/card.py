"""The dataset card (``README.md``): a YAML header ``datasets.load_dataset(DIR)`` reads (configs,
features, splits) and the statistics and notes a reader of the data expects."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import yaml

from pipeline.export.split import SPLITS

if TYPE_CHECKING:
    import pyarrow as pa

TOP_OUTLETS = 30  # outlets listed by name; the rest are summed


def _feature(t: pa.DataType) -> dict[str, Any]:
    """One ``datasets`` feature in its YAML form (``dtype``, ``list``, or a struct's field list)."""
    import pyarrow as pa  # loaded only by an export that writes a card: the GUI starts without it

    if pa.types.is_list(t):
        inner = _feature(t.value_type)
        return {"list": inner.get("dtype", inner.get("struct"))}
    if pa.types.is_struct(t):
        return {"struct": [{"name": f.name, **_feature(f.type)} for f in t]}
    names = {pa.int32(): "int32", pa.int64(): "int64", pa.string(): "string", pa.bool_(): "bool",
             pa.float64(): "float64"}
    return {"dtype": names[t]}


def features_yaml(schema: pa.Schema | None = None) -> list[dict[str, Any]]:
    if schema is None:
        from pipeline.export.hf import SCHEMA

        schema = SCHEMA
    out = []
    for f in schema:
        feat = _feature(f.type)
        if "struct" in feat:  # a top-level struct is written as its field list under the name
            feat = {"struct": feat["struct"]}
        out.append({"name": f.name, **feat})
    return out


@dataclass(slots=True)
class DatasetStats:
    splits: Counter[str] = field(default_factory=Counter)
    status: Counter[str] = field(default_factory=Counter)
    outlet: Counter[str] = field(default_factory=Counter)
    script: Counter[str] = field(default_factory=Counter)
    damage: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    label_articles: Counter[str] = field(default_factory=Counter)
    groups: set[int] = field(default_factory=set)
    grouped: int = 0  # articles whose group has other members in the store

    def merge(self, other: DatasetStats) -> None:
        for name in ("splits", "status", "outlet", "script", "damage", "flags", "labels", "label_articles"):
            getattr(self, name).update(getattr(other, name))
        self.groups |= other.groups

    def add(self, split: str, record: dict[str, Any], spans: Sequence[tuple[int, int, str]], damage: list[str],
            flags: Sequence[str] = ()) -> None:
        for flag in sorted(set(flags)):
            self.flags[flag] += 1
        self.splits[split] += 1
        self.status[str(record.get("status"))] += 1
        self.outlet[str(record.get("source") or "（未知）")] += 1
        self.script[str(record.get("script"))] += 1
        for kind in sorted(set(damage)):
            self.damage[kind] += 1
        labels = [s[2] for s in spans]
        self.labels.update(labels)
        self.label_articles.update(set(labels))
        gid = record.get("group_id")
        if gid is not None:
            self.groups.add(int(gid))


def _table(title: str, counts: Counter[str], limit: int | None = None, header: str = "value") -> str:
    rows = counts.most_common()
    shown = rows[:limit] if limit else rows
    lines = [f"### {title}", "", f"| {header} | articles |", "|---|---:|"]
    lines += [f"| {k.replace('|', '/')} | {v} |" for k, v in shown]
    if limit and len(rows) > limit:
        lines.append(f"| (other {len(rows) - limit}) | {sum(v for _, v in rows[limit:])} |")
    if not rows:
        lines.append("| (none) | 0 |")
    return "\n".join(lines) + "\n"


def render_card(stats: DatasetStats, *, name: str, split_rule: str, text_kind: str,
                labels: dict[str, str], filters: str, nbytes: dict[str, int] | None = None) -> str:
    present = [s for s in SPLITS if stats.splits.get(s)]
    header = {
        "pretty_name": name,
        "language": ["zh"],
        "task_categories": ["token-classification"],
        "size_categories": [_size_category(sum(stats.splits.values()))],
        "configs": [{"config_name": "default", "data_files": [
            {"split": s, "path": f"data/{s}-*"} for s in present]}],
        "dataset_info": {
            "features": features_yaml(),
            "splits": [{"name": s, "num_bytes": (nbytes or {}).get(s, 0), "num_examples": stats.splits[s]}
                       for s in present],
        },
    }
    head = yaml.safe_dump(header, allow_unicode=True, sort_keys=False)
    label_rows = "\n".join(f"| `{f}` | {lab} | {stats.labels.get(lab, 0)} | {stats.label_articles.get(lab, 0)} |"
                           for f, lab in labels.items())
    total = sum(stats.splits.values())
    body = f"""# {name}

Chinese news articles on investment promotion and regional industrial cooperation, cleaned,
field-extracted and reviewed with Article Curator; exported {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.
{total} articles ({', '.join(f'{s}: {stats.splits[s]}' for s in present) or 'none'}).
Selection: {filters or 'every article in the store'}.

## Splits

{split_rule}

## Fields

`text` is the {text_kind} text. `spans` are the labelled field values with evidence: `start`/`end`
are **code-point** offsets into `text` (`text[start:end] == span.text`, astral characters
included). `evidence` holds every field's evidence spans the same way. `group_id` names the
near-duplicate group (reposts, spun and lightly edited copies of one story; MinHash over character
shingles of the cleaned text) and `canonical` marks the member chosen to stand for it.
`status` is the review status; `edited_fields` lists the fields a person changed.

| field | label | spans | articles |
|---|---|---:|---:|
{label_rows}

## Statistics

Near-duplicate groups represented: {len(stats.groups)}.

{_table("Review status", stats.status, header="status")}
{_table("Source outlet", stats.outlet, TOP_OUTLETS, header="outlet")}
{_table("Script of the original", stats.script, header="script")}
{_table("Damage repaired by cleaning", stats.damage, header="repair kind")}
{_table("Cleaning flags (spun: synonym spinning; pinyin_damaged; mixed_script)", stats.flags, header="flag")}
## How the data were made

Articles were imported as files (encodings detected), cleaned (HTML and page residue, inserted
pinyin, Traditional script folded, PDF line breaks, doubled headings and content-farm synonym
spinning undone; every cleaned character maps back to the original) and fields were extracted by
rules with evidence. Reviewers accepted, rejected or corrected each article; `status` and
`edited_fields` tell which.

## Known limits

- Field values come from rules and review; an article not `accepted` may hold extraction errors.
- Spinning repairs use a synonym lexicon: a spun word it does not know stays spun.
- Label Studio's editor counts UTF-16 units: offsets here are code points, which differ only
  after a character beyond the Basic Multilingual Plane.
"""
    return f"---\n{head}---\n\n{body}"


def _size_category(n: int) -> str:
    for limit, name in ((1000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")):
        if n < limit:
            return name
    return "n>1M"
