"""The knowledge the spin reverser reads, loaded once per process.

Four resources, each naming its source in its header:

- ``spin_reverse.tsv``: forms of one widespread spinner family (东谈主, 先容, 遑急 …) curated by hand,
  with phrase entries that decide context and protected phrases;
- ``spin_thesaurus.tsv``: spun → original pairs from the 同义词词林 "=" groups filtered by jieba's
  word frequencies, with the dictionary compounds a restoration can rebuild and the dictionary
  words that contain the spun form (where it is not spun);
- ``spin_variants.tsv``: secondary simplified variants (馀 → 余) from OpenCC's tables;
- ``spin_harvest.tsv``: spun → original pairs harvested by aligning real spun documents with their
  originals (scripts/build_spin_harvest.py), each seen in several independent document pairs;
- ``spin_table.tsv``: spun → original pairs of a public 伪原创 spinner's own synonym table
  (scripts/build_spin_tables.py), in the format of ``spin_thesaurus.tsv``.

- ``spin_word_compounds.tsv``: pairs of two common words of one 词林 group (看法/意见), each only
  with the dictionary compounds that decide it (看法书 → 意见书), for articles judged spun.

A learned table (pairs confirmed by a reviewer from the user's own corpus) can be added to the
phrase entries at run time through :func:`with_learned`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline.cleaning.base import KeyFinder, key_finder
from pipeline.resources import resource_path

# A spun form this rare in jieba's dictionary is no word on its own (spinning.RARE, which reads it).
TABLE_RARE = 5


@dataclass(frozen=True, slots=True)
class Candidate:
    original: str
    freq: int  # jieba dictionary frequency of the original
    compounds: tuple[str, ...]  # dictionary words containing the original once, most frequent first


@dataclass(frozen=True, slots=True)
class ThesaurusEntry:
    spun: str
    freq: int  # jieba dictionary frequency of the spun form (0: not a dictionary word)
    candidates: tuple[Candidate, ...]  # most frequent first
    protected: tuple[str, ...]  # dictionary words containing the spun form: there it is not spun


@dataclass(frozen=True, slots=True)
class SpunCompound:
    """A non-word the spinner leaves where a dictionary compound was (今世化 for 现代化)."""

    text: str  # the spun compound as it reads
    offset: int  # where the spun form starts inside it
    spun: str
    candidate: Candidate
    compound: str  # the dictionary word the original rebuilds


@dataclass(frozen=True, slots=True)
class HarvestEntry:
    """A spinner swap seen in real spun documents against their originals."""

    spun: str
    original: str
    docs: int  # independent document pairs it was seen in
    freq: int  # jieba dictionary frequency of the spun form
    original_freq: int
    ambiguous: bool  # another original was seen about as often: never restored, only listed


@dataclass(frozen=True, slots=True)
class Lexicon:
    restore: dict[str, str]  # spun → original, markers and phrase entries (keep entries map to self)
    markers: frozenset[str]
    suspects: dict[str, str]
    restore_rx: KeyFinder | None
    marker_rx: KeyFinder | None
    suspect_rx: KeyFinder | None
    thesaurus: dict[str, ThesaurusEntry]
    variants: dict[str, str]
    variant_rx: KeyFinder | None
    # Spun compounds by their first three characters (all have three or more): a dict lookup per
    # position finds them faster than a regex of 30,000 alternatives, and the score counts them.
    compounds: dict[str, tuple[SpunCompound, ...]]
    # Spun forms by their first two characters, longest first (the same trick for 8,000 words).
    forms: dict[str, tuple[str, ...]]
    harvest: dict[str, HarvestEntry]
    harvest_rx: KeyFinder | None
    # The spinner's own table (tier t): its forms, and the non-words it leaves inside dictionary
    # compounds (呆板人 for 机器人), by first three characters as for ``compounds``.
    table: dict[str, ThesaurusEntry]
    table_rx: KeyFinder | None
    table_compounds: dict[str, tuple[SpunCompound, ...]]
    # Real-word pairs (看法 → 意见) by the compounds that decide them (看法书 → 意见书).
    word_compounds: dict[str, tuple[SpunCompound, ...]]


def _read_rows(name: str) -> list[list[str]]:
    path = resource_path(name)
    if not path.exists():
        return []
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                rows.append(line.rstrip("\n").split("\t"))
    return rows


def _thesaurus(name: str = "spin_thesaurus.tsv", *, protect: bool = True) -> dict[str, ThesaurusEntry]:
    grouped: dict[str, tuple[int, list[Candidate]]] = {}
    for cols in _read_rows(name):
        spun, original, fs, fo, compounds = ([*cols, "", "", "", ""])[:5]
        cands = grouped.setdefault(spun, (int(fs or 0), []))[1]
        cands.append(Candidate(original, int(fo or 0), tuple(c for c in compounds.split(",") if c)))
    protected: dict[str, list[str]] = {}
    for cols in _read_rows("spin_protected.tsv") if protect else ():
        if len(cols) >= 2:
            protected.setdefault(cols[0], []).extend(w for w in cols[1].split(",") if w)
    out: dict[str, ThesaurusEntry] = {}
    for form, (spun_freq, cands) in grouped.items():
        cands.sort(key=lambda c: (-c.freq, c.original))
        out[form] = ThesaurusEntry(form, spun_freq, tuple(cands), tuple(protected.get(form, ())))
    return out


def _harvest() -> dict[str, HarvestEntry]:
    by_spun: dict[str, list[tuple[int, str, int, int]]] = {}
    for cols in _read_rows("spin_harvest.tsv"):
        if len(cols) >= 6:
            spun, original, docs, _, fs, fo = cols[:6]
            by_spun.setdefault(spun, []).append((int(docs), original, int(fs), int(fo)))
    out: dict[str, HarvestEntry] = {}
    for form, rows in by_spun.items():
        rows.sort(key=lambda r: (-r[0], -r[3], r[1]))
        n_docs, original, f_spun, f_orig = rows[0]
        # Two originals seen in as many documents (处置 → 处理 or 处分): the spinner's table is
        # not what decides here; the reviewer does.
        ambiguous = len(rows) > 1 and rows[1][0] * 2 > n_docs
        out[form] = HarvestEntry(form, original, n_docs, f_spun, f_orig, ambiguous)
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    restore: dict[str, str] = {}
    markers: set[str] = set()
    suspects: dict[str, str] = {}
    for cols in _read_rows("spin_reverse.tsv"):
        spun, original, cls = ([*cols, "", ""])[:3]
        if cls == "suspect":
            suspects[spun] = original
            continue
        restore[spun] = spun if cls == "keep" else original
        if cls == "marker":
            markers.add(spun)
    thesaurus = _thesaurus()
    variants = {cols[0]: cols[1] for cols in _read_rows("spin_variants.tsv") if len(cols) >= 2}
    by_start = _spun_compounds(thesaurus)
    harvest = _harvest()
    table = _thesaurus("spin_table.tsv", protect=False)
    table_compounds = _spun_compounds(table)
    word_compounds = _spun_compounds(_thesaurus("spin_word_compounds.tsv", protect=False))
    forms: dict[str, list[str]] = {}
    for form in thesaurus:
        forms.setdefault(form[:2], []).append(form)
    return Lexicon(
        restore=restore,
        markers=frozenset(markers),
        suspects=suspects,
        restore_rx=key_finder(restore),
        # Protected phrases take part so that 好意思 inside 不好意思 is not counted.
        marker_rx=key_finder([*markers, *(k for k, v in restore.items() if k == v)]),
        suspect_rx=key_finder(suspects),
        thesaurus=thesaurus,
        variants=variants,
        variant_rx=key_finder(variants),
        compounds={k: tuple(v) for k, v in by_start.items()},
        forms={k: tuple(sorted(v, key=len, reverse=True)) for k, v in forms.items()},
        harvest=harvest,
        harvest_rx=key_finder(harvest),
        table=table,
        # Tier t reads a table form on its own only when it is no word (frequency <= TABLE_RARE);
        # the finder holds just those (~1,900 forms put a candidate at most characters).
        table_rx=key_finder(k for k, e in table.items() if e.freq <= TABLE_RARE),
        table_compounds={k: tuple(v) for k, v in table_compounds.items()},
        word_compounds={k: tuple(v) for k, v in word_compounds.items()},
    )


def _spun_compounds(entries: dict[str, ThesaurusEntry]) -> dict[str, list[SpunCompound]]:
    by_start: dict[str, list[SpunCompound]] = {}
    for entry in entries.values():
        for cand in entry.candidates:
            for compound in cand.compounds:
                k = compound.find(cand.original)
                spun = compound[:k] + entry.spun + compound[k + len(cand.original) :]
                by_start.setdefault(spun[:3], []).append(SpunCompound(spun, k, entry.spun, cand, compound))
    return by_start
