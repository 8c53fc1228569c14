"""Compare extracted fields with hand-made gold files: precision, recall and F1 per field.

Qt- and storage-free, so the CLI (``curator eval``), tests and scripts share it. A gold file is
JSON with keys ``title``, ``published_at``, ``event_start``, ``event_end`` (string or null),
``people`` (``[{name, title}]``), ``organizations``, ``places`` (strings), ``amounts``
(``[{text, yuan}]``), ``counts`` (``[{text, value}]``) and optionally ``source``, ``event_type``,
``industries``. Gold values may be Traditional or spaced: both sides are normalised the way
the pipeline normalises text (OpenCC tw2s, full→half width, no whitespace) before comparing.

Matching rules (each gold item matches at most one predicted item):

* scalar fields: equal after normalisation (titles also ignore punctuation); a null gold value
  with a predicted value is a false positive, a null prediction for a gold value a false negative;
* places: the same division (景德镇 = 景德镇市), via the division lexicon;
* people: the same name; ``people_titles`` additionally needs the titles to agree (one contains
  the other, or both end in the same title);
* amounts: the same yuan value, or the same text when the currency is not yuan;
* counts: the same value, and one text contains the other (``项目143个`` in ``签约项目 143 个``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.extraction.normalize import normalize_value
from pipeline.extraction.places import place_key
from pipeline.fields import FieldValue

SCALAR_FIELDS = ("title", "published_at", "event_start", "event_end", "source", "event_type")
LIST_FIELDS = ("people", "people_titles", "organizations", "places", "industries", "amounts", "counts")
REQUIRED_FIELDS = ("title", "published_at", "event_start", "event_end", "people", "organizations",
                   "places", "amounts", "counts")  # fmt: skip
_PUNCT = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()（）【】\[\]!！?？,，.。:：;；、·—\-–~～…]+")


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass(slots=True)
class ArticleResult:
    name: str
    scores: dict[str, Score]
    misses: dict[str, list[str]] = field(default_factory=dict)  # field → gold items not found
    extras: dict[str, list[str]] = field(default_factory=dict)  # field → predicted items not in gold

    @property
    def overall(self) -> Score:
        total = Score()
        for name, s in self.scores.items():
            if name != "people_titles":
                total.add(s)
        return total


@dataclass(slots=True)
class EvalReport:
    per_field: dict[str, Score]
    overall: Score  # micro-averaged over every field but people_titles (a stricter view of people)
    articles: list[ArticleResult]
    missing_predictions: list[str] = field(default_factory=list)  # gold files with no article

    def worst(self, n: int = 5) -> list[ArticleResult]:
        return sorted(self.articles, key=lambda a: (a.overall.f1, a.name))[:n]


# -- normalisation ----------------------------------------------------------------------------


def norm(value: Any) -> str:
    return normalize_value(str(value)) if value is not None else ""


def _norm_title(value: Any) -> str:
    return _PUNCT.sub("", norm(value))


def _scalar_key(name: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if name == "title":
        return _norm_title(value)
    return norm(value)


# -- loading -------------------------------------------------------------------------------


def load_gold(directory: str | Path) -> dict[str, dict[str, Any]]:
    """Every ``NAME.json`` in ``directory``, keyed by NAME (the raw file's stem)."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(directory).glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        if not isinstance(data, dict):
            raise ValueError(f"{path}: a gold file holds one JSON object")
        out[path.stem] = data
    return out


def values_of(fields: dict[str, Any], name: str) -> list[Any]:
    """Plain values of a field, from ``FieldValue`` lists or the stored ``{"values": [...]}`` form."""
    raw = fields.get(name)
    if raw is None:
        return []
    if isinstance(raw, dict):
        raw = raw.get("values", [])
    out: list[Any] = []
    for v in raw:
        if isinstance(v, FieldValue):
            out.append(v.value)
        elif isinstance(v, dict) and "value" in v and ("rule" in v or "evidence" in v):
            out.append(v["value"])
        else:
            out.append(v)
    return out


# -- matching ----------------------------------------------------------------------------------


def _match(
    gold: list[Any], pred: list[Any], same: Callable[[Any, Any], bool], show: Callable[[Any], str]
) -> tuple[Score, list[str], list[str]]:
    used = [False] * len(pred)
    tp = 0
    misses: list[str] = []
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and same(g, p):
                used[i] = True
                tp += 1
                break
        else:
            misses.append(show(g))
    extras = [show(p) for i, p in enumerate(pred) if not used[i]]
    return Score(tp, len(extras), len(misses)), misses, extras


def _dedupe(items: list[Any], key: Callable[[Any], str]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for it in items:
        k = key(it)
        if k and k not in seen:
            seen.add(k)
            out.append(it)
    return out


def _person(v: Any) -> tuple[str, str]:
    if isinstance(v, dict):
        return norm(v.get("name", "")), norm(v.get("title", "") or "")
    return norm(v), ""


def _titles_agree(a: str, b: str) -> bool:
    a, b = _PUNCT.sub("", a), _PUNCT.sub("", b)
    if not a or not b:
        return a == b
    if a in b or b in a:
        return True
    return a[-2:] == b[-2:]  # both end in the same post: …副厅长 / 副厅长


def _amount(v: Any) -> tuple[int | float | None, str]:
    if isinstance(v, dict):
        y = v.get("yuan")
        return (y if isinstance(y, (int, float)) else None), norm(v.get("text", ""))
    return None, norm(v)


def _count(v: Any) -> tuple[float | None, str]:
    if isinstance(v, dict):
        val = v.get("value")
        return (float(val) if isinstance(val, (int, float)) else None), norm(v.get("text", ""))
    return None, norm(v)


def compare_article(name: str, pred: dict[str, Any], gold: dict[str, Any]) -> ArticleResult:
    scores: dict[str, Score] = {}
    misses: dict[str, list[str]] = {}
    extras: dict[str, list[str]] = {}

    def record(fname: str, result: tuple[Score, list[str], list[str]]) -> None:
        scores[fname], m, e = result
        if m:
            misses[fname] = m
        if e:
            extras[fname] = e

    for f in SCALAR_FIELDS:
        if f not in gold and f not in REQUIRED_FIELDS:
            continue  # optional fields are scored only where the gold file states them
        g = _scalar_key(f, gold.get(f))
        pv = values_of(pred, f)
        p = _scalar_key(f, pv[0]) if pv else ""
        record(f, _match([g] if g else [], [p] if p else [], lambda a, b: a == b, str))

    g_people = _dedupe([_person(v) for v in gold.get("people") or []], lambda x: x[0])
    p_people = _dedupe([_person(v) for v in values_of(pred, "people")], lambda x: x[0])
    record("people", _match(g_people, p_people, lambda a, b: a[0] == b[0], lambda x: x[0]))
    record(
        "people_titles",
        _match(
            g_people,
            p_people,
            lambda a, b: a[0] == b[0] and _titles_agree(a[1], b[1]),
            lambda x: f"{x[0]}（{x[1]}）",
        ),
    )
    g_orgs = _dedupe([_PUNCT.sub("", norm(v)) for v in gold.get("organizations") or []], str)
    p_orgs = _dedupe([_PUNCT.sub("", norm(v)) for v in values_of(pred, "organizations")], str)
    record("organizations", _match(g_orgs, p_orgs, lambda a, b: a == b, str))
    g_places = _dedupe([place_key(norm(v)) for v in gold.get("places") or []], str)
    p_places = _dedupe([place_key(norm(v)) for v in values_of(pred, "places")], str)
    record("places", _match(g_places, p_places, lambda a, b: a == b, str))
    if "industries" in gold:
        g_ind = _dedupe([norm(v) for v in gold.get("industries") or []], str)
        p_ind = _dedupe([norm(v) for v in values_of(pred, "industries")], str)
        record("industries", _match(g_ind, p_ind, lambda a, b: a == b, str))

    def same_amount(a: tuple[Any, str], b: tuple[Any, str]) -> bool:
        if a[0] is not None and b[0] is not None:
            return abs(float(a[0]) - float(b[0])) < 0.5
        return a[0] is None and b[0] is None and a[1] == b[1]

    record(
        "amounts",
        _match(
            [_amount(v) for v in gold.get("amounts") or []],
            [_amount(v) for v in values_of(pred, "amounts")],
            same_amount,
            lambda x: x[1],
        ),
    )

    def same_count(a: tuple[Any, str], b: tuple[Any, str]) -> bool:
        return a[0] == b[0] and bool(a[1]) and bool(b[1]) and (a[1] in b[1] or b[1] in a[1])

    record(
        "counts",
        _match(
            [_count(v) for v in gold.get("counts") or []],
            [_count(v) for v in values_of(pred, "counts")],
            same_count,
            lambda x: x[1],
        ),
    )
    return ArticleResult(name, scores, misses, extras)


def compare(predicted: dict[str, dict[str, Any]], gold: dict[str, dict[str, Any]]) -> EvalReport:
    """Score every gold article against its prediction (an absent prediction scores as empty)."""
    per_field: dict[str, Score] = {}
    articles: list[ArticleResult] = []
    missing: list[str] = []
    for name in sorted(gold):
        pred = predicted.get(name)
        if pred is None:
            missing.append(name)
            pred = {}
        art = compare_article(name, pred, gold[name])
        articles.append(art)
        for f, s in art.scores.items():
            per_field.setdefault(f, Score()).add(s)
    overall = Score()
    for f, s in per_field.items():
        if f != "people_titles":
            overall.add(s)
    return EvalReport(per_field, overall, articles, missing)


def format_report(report: EvalReport, worst: int = 5) -> str:
    lines = [f"{'field':<15}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    order = [*SCALAR_FIELDS, *LIST_FIELDS]
    for f in sorted(report.per_field, key=lambda k: order.index(k) if k in order else 99):
        s = report.per_field[f]
        lines.append(f"{f:<15}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    o = report.overall
    lines.append(f"{'micro (all)':<15}{o.precision:>7.3f}{o.recall:>7.3f}{o.f1:>7.3f}{o.tp:>6}{o.fp:>6}{o.fn:>6}")
    if report.missing_predictions:
        lines.append("no article for: " + ", ".join(report.missing_predictions))
    lines.append("")
    lines.append(f"worst {min(worst, len(report.articles))} articles:")
    for art in report.worst(worst):
        s = art.overall
        lines.append(f"  {art.name}  F1 {s.f1:.3f}  (TP {s.tp}, FP {s.fp}, FN {s.fn})")
        for f, items in art.misses.items():
            lines.append(f"    missed {f}: " + "; ".join(items[:8]))
        for f, items in art.extras.items():
            lines.append(f"    extra  {f}: " + "; ".join(items[:8]))
    return "\n".join(lines)


def evaluate_dir(
    raw_dir: str | Path,
    gold_dir: str | Path,
    clean_fn: Callable[[str, str], Any],
    extract_fn: Callable[[Any], dict[str, list[FieldValue]]],
    fmt_of: Callable[[Path], str] | None = None,
) -> EvalReport:
    """Clean and extract every ``RAW_DIR/NAME.*`` that has ``GOLD_DIR/NAME.json``, then compare.

    ``clean_fn(raw_text, fmt)`` returns a ``CleanResult``; ``fmt_of(path)`` picks the format
    (default: markdown for ``.md``, html for ``.html``/``.htm``, else text).
    """
    gold = load_gold(gold_dir)
    predicted: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(raw_dir).iterdir()):
        if path.stem not in gold or not path.is_file():
            continue
        fmt = fmt_of(path) if fmt_of else _default_fmt(path)
        result = clean_fn(path.read_text("utf-8", errors="replace"), fmt)
        predicted[path.stem] = dict(extract_fn(result))
    return compare(predicted, gold)


def _default_fmt(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".html", ".htm"):
        return "html"
    return "text"
