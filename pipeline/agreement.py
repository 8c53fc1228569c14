"""Inter-reviewer agreement on a double-reviewed sample.

Two reviewers judged the same articles independently. Per field: for list fields the F1 of one
reviewer's values against the other's (symmetric: 2·|A∩B| / (|A|+|B|), summed over articles, so
it is micro-averaged), for single-value fields the share of articles where both wrote the same
value, and for the review status Cohen's kappa (agreement corrected for chance).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.fields import FIELDS, FIELDS_BY_NAME


@dataclass(frozen=True, slots=True)
class Verdict:
    """One reviewer's independent verdict on one article."""

    reviewer: str
    status: str
    fields: Mapping[str, Sequence[Any]]  # field → the values (bare values, not value records)


@dataclass(frozen=True, slots=True)
class FieldAgreement:
    field: str
    measure: str  # "f1" or "exact"
    score: float | None  # None: neither reviewer gave a value anywhere
    articles: int  # articles where either reviewer gave a value
    disagreements: tuple[int, ...]  # article ids where they differ


@dataclass(frozen=True, slots=True)
class AgreementReport:
    pairs: int  # articles judged by two reviewers
    reviewers: tuple[str, ...]
    status_kappa: float | None
    status_observed: float | None
    fields: tuple[FieldAgreement, ...]


def key(value: Any) -> str:
    """A comparable form of a value: people by name and title, amounts by text, whitespace ignored."""
    if isinstance(value, dict):
        if "name" in value:
            return f"{value.get('name', '')}|{value.get('title', '')}".replace(" ", "")
        if "text" in value:
            return str(value.get("text", "")).replace(" ", "")
        return repr(sorted(value.items()))
    return "".join(str(value).split())


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels; None with no pairs; 1.0 when chance agreement is total
    and they agree (kappa is undefined there, and perfect agreement is the honest reading)."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    left = Counter(a for a, _ in pairs)
    right = Counter(b for _, b in pairs)
    expected = sum(left[c] * right[c] for c in left) / (n * n)
    if expected == 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1 - expected)


def agreement(double_reviews: Mapping[int, Sequence[Verdict]], field_names: Iterable[str] | None = None
              ) -> AgreementReport:
    """Agreement over articles with (at least) two verdicts; the first two per article are compared."""
    names = list(field_names) if field_names is not None else [f.name for f in FIELDS]
    pairs = {aid: (v[0], v[1]) for aid, v in sorted(double_reviews.items()) if len(v) >= 2}
    reviewers = tuple(sorted({v.reviewer for a, b in pairs.values() for v in (a, b)}))
    statuses = [(a.status, b.status) for a, b in pairs.values()]
    observed = sum(x == y for x, y in statuses) / len(statuses) if statuses else None
    out = []
    for name in names:
        spec = FIELDS_BY_NAME[name]
        tp = size = articles = 0
        same = 0
        differ: list[int] = []
        for aid, (a, b) in pairs.items():
            ka = {key(v) for v in a.fields.get(name, ())}
            kb = {key(v) for v in b.fields.get(name, ())}
            if not ka and not kb:
                continue
            articles += 1
            if ka == kb:
                same += 1
            else:
                differ.append(aid)
            tp += len(ka & kb)
            size += len(ka) + len(kb)
        measure = "f1" if spec.multiple else "exact"
        score: float | None = None
        if articles:
            score = 2 * tp / size if spec.multiple else same / articles
        out.append(FieldAgreement(name, measure, score, articles, tuple(differ)))
    return AgreementReport(len(pairs), reviewers, cohen_kappa(statuses), observed, tuple(out))


def format_report(report: AgreementReport) -> str:
    lines = [f"articles judged twice: {report.pairs}  reviewers: {', '.join(report.reviewers) or '-'}"]
    if report.status_kappa is not None and report.status_observed is not None:
        lines.append(f"{'status':16} kappa {report.status_kappa:6.3f}   observed {report.status_observed:6.3f}")
    for f in report.fields:
        shown = "     -" if f.score is None else f"{f.score:6.3f}"
        lines.append(f"{f.field:16} {f.measure:5} {shown}   articles {f.articles:4}   "
                     f"disagree {len(f.disagreements):4}")
    return "\n".join(lines)
