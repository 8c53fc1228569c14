"""One document through the whole pipeline: clean, extract, and summarise for the store."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.cleaning import clean
from pipeline.cleaning.containers import MAX_META_CHARS, MAX_META_ITEMS
from pipeline.document import CleanResult, RawDocument, Repair
from pipeline.extraction import extract
from pipeline.fields import fields_to_json, plain_values, scalar
from pipeline.review import review_figures


@dataclass(slots=True)
class ProcessedDocument:
    doc: RawDocument
    cleaned: CleanResult
    fields: dict[str, dict[str, Any]]  # stored form
    site_lines: frozenset[str] = frozenset()  # keys of lines shared across the site, as used

    @property
    def warnings(self) -> list[str]:
        """What of the input was not taken as it stood (the import report lists these)."""
        out: list[str] = []
        flags = self.cleaned.flags
        if "front_matter_limited" in flags:
            problem = self.cleaned.metadata.get("front_matter_problem") or "front matter not expanded"
            out.append(f"{problem}; read line by line instead")
        if "metadata_truncated" in flags:
            out.append(f"metadata cut to {MAX_META_CHARS} characters a value, {MAX_META_ITEMS} items a list")
        if "nul_replaced" in flags:
            out.append(f"{len(self.doc.nul_at)} NUL character(s) stored as U+FFFD")
        return out

    @property
    def summary(self) -> ListSummary:
        c = self.cleaned
        return summarise(self.fields, c.metadata, c.flags, c.spin_score)


@dataclass(frozen=True, slots=True)
class ListSummary:
    """What the article list shows, derived from fields and cleaning."""

    title: str | None
    published_at: str | None
    source: str | None
    places: str
    flags: str
    spin_score: float
    min_confidence: float | None = None  # lowest confidence of the automatic values
    unsupported: int = 0  # automatic values with no evidence in the text


def summarise(fields: dict[str, dict[str, Any]], metadata: dict[str, Any], flags: list[str],
              spin_score: float) -> ListSummary:
    """The list columns: fields first; what cleaning found stands in until a field is filled."""
    title = scalar(fields, "title") or _str(metadata.get("title"))
    published = scalar(fields, "published_at") or _str(metadata.get("published_at"))
    source = scalar(fields, "source") or _str(metadata.get("source"))
    places = "、".join(str(p) for p in plain_values(fields, "places"))
    lowest, unsupported = review_figures(fields)
    return ListSummary(title, published, source, places, " ".join(flags), float(spin_score), lowest, unsupported)


def _str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


# Metadata key: where the original had NUL characters (U+FFFD in the stored texts); kept with the
# cleaning so a re-extraction, which starts from the stored original, still knows them.
NUL_META = "nul_replaced_at"


def process(
    doc: RawDocument,
    *,
    skip_changes: frozenset[tuple[str, int, int]] = frozenset(),
    site_lines: frozenset[str] = frozenset(),
    learned_spin: Mapping[str, str] | None = None,
    rejected_spin: frozenset[tuple[str, str]] = frozenset(),
) -> ProcessedDocument:
    # Options are passed only when given: the common call keeps its old shape (tests stand in
    # simpler cleaners for it).
    options: dict[str, Any] = {}
    if site_lines:
        options["boilerplate_lines"] = site_lines
    if learned_spin:
        options["learned_spin"] = learned_spin
    if rejected_spin:
        options["rejected_spin"] = rejected_spin
    cleaned = clean(doc.text, doc.format, skip_changes=skip_changes, **options)
    if doc.nul_at:
        cleaned.metadata[NUL_META] = list(doc.nul_at)
        cleaned.flags.append("nul_replaced")
        cleaned.repairs.append(Repair(
            "nul", len(doc.nul_at), [("\x00", "\ufffd")],
            "NUL characters (U+0000) of the original are stored as U+FFFD; their positions are in"
            f" the metadata ({NUL_META})",
        ))
    fields = fields_to_json(extract(cleaned))
    return ProcessedDocument(doc, cleaned, fields, site_lines)
