"""The lexicons in ``resources/``, loaded once on first use and compiled into regexes.

Every matcher is one compiled alternation (longest alternatives first, so 副市长 wins over 市长),
which keeps extraction to a few C-level regex scans per article instead of per-token Python work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pipeline.resources import resource_path


def _lines(name: str) -> list[str]:
    text = resource_path(name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first, factored as a trie.

    Python's ``re`` tries the alternatives of a flat ``a|b|c`` one by one at every position, which
    is slow for thousands of place names; a trie pattern (``景(?:德镇市?|...)``) shares prefixes so
    each position costs a few character tests. Greedy optional groups keep longest-match order.
    """
    trie: dict[str, Any] = {}
    for w in {w for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    terminal = "" in node
    branches: list[str] = []
    leaves: list[str] = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        if list(child) == [""]:
            leaves.append(re.escape(ch))
        else:
            branches.append(re.escape(ch) + _trie_pattern(child))
    if leaves:
        branches.append(leaves[0] if len(leaves) == 1 else "[" + "".join(leaves) + "]")
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if terminal:
        if (len(branches) == 1 and len(body) == 1) or (body.startswith("[") and len(branches) == 1):
            return body + "?"
        return "(?:" + body + ")?"
    return body


class TrieMatcher:
    """Leftmost-longest, non-overlapping dictionary matching by a character trie.

    For thousands of words this beats one big regex: ``re`` tries a top-level alternation's
    branches one after another at every position, while a dict lookup per character is O(1).
    One compiled regex of the words' first characters (followed by one of their second characters,
    unless the first is a word itself) jumps, in C, straight to the candidate positions. A handful
    of words (the names found in one article) is matched with ``str.find`` per word instead, which
    needs no regex compiled per article.
    """

    __slots__ = ("_few", "_root", "_starts")

    _MAX_FEW = 48  # up to this many words: one str.find scan per word

    def __init__(self, words: Iterable[str], per_text: bool = False) -> None:
        """``per_text``: words found in one text, matched once — a handful of them by ``str.find``
        rather than by a regex compiled for them. A lexicon's words (even a few dozen) get the
        regex: one scan beats a ``str.find`` per word over every text."""
        unique = {w for w in words if w}
        self._few: list[str] | None = sorted(unique) if per_text and len(unique) <= self._MAX_FEW else None
        self._starts: re.Pattern[str] | None = None
        root: dict[str, Any] = {}
        self._root = root
        if self._few is not None:
            return  # str.find per word needs no trie
        for w in unique:
            node = root
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = w
        if root:
            self._starts = re.compile(self._candidates(root))

    @staticmethod
    def _candidates(root: dict[str, Any]) -> str:
        """A regex for the positions where a word may start: a first character followed by a
        second one, or a one-character word. Both are class tests in C, and the class of first
        characters up front lets ``re`` skip to candidates (place names: one position in six)."""

        def cls(chars: Iterable[str]) -> str:
            return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"

        seconds = cls({ch for child in root.values() for ch in child if ch})
        singles = [ch for ch, child in root.items() if "" in child]
        if not singles:
            return cls(root) + "(?=" + seconds + ")"
        return cls(root) + "(?:(?<=" + cls(singles) + ")|(?=" + seconds + "))"

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        root = self._root
        out: list[tuple[int, int, str]] = []
        n = len(text)
        if self._few is not None:
            # Every position where some word starts, with the longest word there; then the same
            # leftmost-longest, non-overlapping sweep as the trie walk.
            longest: dict[int, int] = {}
            for w in self._few:
                size = len(w)
                i = text.find(w)
                while i != -1:
                    if longest.get(i, 0) < size:
                        longest[i] = size
                    i = text.find(w, i + 1)
            pos = 0
            for i in sorted(longest):
                if i >= pos:
                    pos = i + longest[i]
                    out.append((i, pos, text[i:pos]))
            return out
        starts = self._starts
        if starts is None:  # no words
            return out
        # The longest word at each candidate, walked inline: this runs hundreds of times per text.
        end = 0  # where the last word ended: words do not overlap
        for m in starts.finditer(text):
            i = m.start()
            if i < end:
                continue
            node = root[text[i]]
            best: str | None = node.get("")
            best_end = j = i + 1
            while j < n:
                node = node.get(text[j])
                if node is None:
                    break
                j += 1
                if "" in node:
                    best = node[""]
                    best_end = j
            if best is not None:
                out.append((i, best_end, best))
                end = best_end
        return out

    def contains(self, text: str) -> bool:
        """Whether any word occurs in ``text`` (stops at the first one)."""
        if self._few is not None:
            return any(w in text for w in self._few)
        return self.first_start(text) >= 0

    def first_start(self, text: str) -> int:
        """Where the leftmost word in ``text`` starts (-1 if none): ``search(text).start()``
        of the equivalent regex, without collecting every match."""
        if self._few is not None:
            return min((i for w in self._few if (i := text.find(w)) >= 0), default=-1)
        root = self._root
        n = len(text)
        if self._starts is None:  # no words
            return -1
        for m in self._starts.finditer(text):
            # Some word starts at i when the walk along the text passes a word's end.
            i = m.start()
            node = root[text[i]]
            j = i + 1
            while "" not in node:
                if j == n:
                    break
                node = node.get(text[j])
                if node is None:
                    break
                j += 1
            else:
                return i
        return -1


# -- places -------------------------------------------------------------------------------

# Endings stripped to get the short form people write (景德镇市 → 景德镇, 广西壮族自治区 → 广西).
_DIVISION_ENDINGS = (
    "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "自治旗",
    "林区", "地区", "新区", "矿区", "省", "市", "县", "区", "盟", "旗",
)  # fmt: skip
# Ethnic qualifiers inside autonomous prefecture/county names (恩施土家族苗族自治州 → 恩施).
_ETHNIC = re.compile(
    "(?:(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|"
    "柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|鄂温克|德昂|保安|裕固|京|"
    "塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族?)+"
)


def is_ethnic_group(name: str) -> bool:
    """Whether ``name`` is one of the 56 ethnic groups' names (朝鲜, 蒙古 — countries' names too)."""
    return _ETHNIC.fullmatch(name) is not None


@dataclass(frozen=True, slots=True)
class Division:
    name: str
    level: str  # province | prefecture | county | region
    parent: str  # canonical name of the enclosing prefecture/province ("" when none)
    province: str


def _autonomous_forms(name: str) -> list[str]:
    """The forms an autonomous prefecture, county or banner is usually written in besides its full
    name and bare short form: 延边州 and 甘孜州 (…自治州), 秀山自治县 and 秀山县 (…自治县), 鄂伦春旗
    (…自治旗) — the short form with the ethnic qualifiers dropped and the level kept."""
    for ending, levels in (("自治州", ("自治州", "州")), ("自治县", ("自治县", "县")), ("自治旗", ("自治旗", "旗"))):
        if name.endswith(ending):
            short = short_form(name)
            if short != name and len(short) >= 2:
                return [short + level for level in levels if short + level != name]
    return []


def short_form(name: str) -> str:
    for ending in _DIVISION_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending) + 1:
            stem = name[: -len(ending)]
            if ending.startswith("自治") or ending.endswith("自治区"):
                for cut in range(2, len(stem)):
                    if _ETHNIC.fullmatch(stem, cut):
                        stem = stem[:cut]
                        break
            return stem
    return name


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    regex: re.Pattern[str]  # for short strings (is there a place in this head?)
    matcher: TrieMatcher  # for whole texts
    by_form: dict[str, Division]  # written form → division
    needs_parent: frozenset[str]  # short forms that count only when their parent is also named
    # Short forms several divisions share (中山: 中山市, 中山区 …): every division, for the one a text
    # names in full to claim the bare form.
    shared: dict[str, tuple[Division, ...]] = field(default_factory=dict)


@cache
def country_initials() -> frozenset[str]:
    """The one-character forms a nationality is written with before 商 (美商, 日商, 荷商, 欧商, 港商):
    the first character of every country's name (countries_iso3166.txt), of each continent and union
    in regions.txt (欧洲, 亚洲, 欧盟) and of Taiwan, Hong Kong and Macao."""
    names = [ln.split("\t")[0].strip() for ln in _lines("countries_iso3166.txt")]
    names += [n for ln in _lines("regions.txt") if (n := ln.split("\t")[0].strip()).endswith(("洲", "盟"))]
    names += ["台湾", "香港", "澳门"]
    return frozenset(n[0] for n in names if len(n) >= 2)


@cache
def places() -> PlaceLexicon:
    rows = [ln.split("\t") for ln in _lines("divisions_cn.tsv")]
    # Short forms that are everyday words far more often than places; only their full names count.
    stop = frozenset(_lines("place_stopwords.txt"))
    by_code = {code: (name, level) for code, name, level in rows}
    by_form: dict[str, Division] = {}
    needs_parent: set[str] = set()
    sharing: dict[str, list[Division]] = {}
    for code, name, level in rows:
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        prov = by_code.get(code[:2] + "0" * 10, ("", ""))[0]
        pref = by_code.get(code[:4] + "0" * 8, ("", ""))[0]
        parent = prov if level == "prefecture" else (pref if level == "county" else "")
        if parent in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            parent = prov
        div = Division(name, level, parent, prov)
        # A county never displaces a province or prefecture of the same written form.
        if name not in by_form or by_form[name].level == "county":
            by_form[name] = div
        if name.endswith("特别行政区"):
            by_form.setdefault(name[: -len("特别行政区")] + "特区", div)  # 香港特区: the usual short title
        for form in _autonomous_forms(name):
            by_form.setdefault(form, div)
        short = short_form(name)
        if short != name and len(short) >= 2 and short not in stop:
            sharing.setdefault(short, []).append(div)
            if short in by_form and by_form[short].level != "county":
                continue
            # A prefecture's or province's short form displaces a county's read earlier in code order
            # (中山 is 中山市, not 中山区 of 大连; 西安 is 西安市, not 西安区 of 辽源).
            if short in by_form and level != "county":
                by_form[short] = div
                needs_parent.discard(short)
                continue
            by_form.setdefault(short, div)
            if level == "county" and by_form[short] is div:
                needs_parent.add(short)
    # The hand-kept regions first (their canonical names win), then every country of ISO 3166-1.
    countries = _lines("countries_iso3166.txt")
    country_forms = {f.strip() for line in countries for f in re.split("[\t,]", line)}
    for line in [*_lines("regions.txt"), *countries]:
        parts = line.split("\t")
        canonical = parts[0].strip()
        aliases = [a.strip() for a in parts[1].split(",")] if len(parts) > 1 else []
        div = Division(canonical, "region", "", "")
        for form in [canonical, *aliases]:
            by_form.setdefault(form, div)
            # 长三角地区, 京津冀地区: the region's longest written form (GOLD.md). Not for a country's name
            # or a two-character form (中东地区 would be as right, 中国地区 is not how China is named).
            if len(form) >= 3 and not form.endswith("区") and form not in country_forms:
                by_form.setdefault(form + "地区", div)
    regex = re.compile(alternation(by_form))
    shared = {f: tuple(ds) for f, ds in sharing.items() if len(ds) > 1 and by_form.get(f) in ds}
    return PlaceLexicon(regex, TrieMatcher(by_form), by_form, frozenset(needs_parent), shared)


@cache
def common_bigrams() -> frozenset[str]:
    """Common two-character words that can flank a place form, to spot a place name that is
    really the seam of two words (幸福建设 holds 福建)."""
    return frozenset(_lines("seam_bigrams.txt"))


# -- people -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TitleLexicon:
    regex: re.Pattern[str]
    titles: frozenset[str]
    weak: frozenset[str]  # titles that anchor a name only when the name follows directly


@cache
def titles() -> TitleLexicon:
    strong: set[str] = set()
    weak: set[str] = set()
    for ln in _lines("titles.txt"):
        if ln.startswith("!"):
            weak.add(ln[1:])
        else:
            strong.add(ln)
    # A title followed by 会 is part of a body's name (常委会, 董事会, 理事会), unless 会 starts a
    # verb (市长会见, 主任会谈).
    pattern = f"(?:{alternation(strong | weak)})(?!会(?![见谈同晤]))"
    return TitleLexicon(re.compile(pattern), frozenset(strong | weak), frozenset(weak))


@dataclass(frozen=True, slots=True)
class Surnames:
    single: frozenset[str]
    compound: frozenset[str]
    not_names: frozenset[str]  # common words that start with a surname (强调, 高度)


@cache
def surnames() -> Surnames:
    single: set[str] = set()
    compound: set[str] = set()
    for ln in _lines("surnames.txt"):
        for w in ln.split():
            (single if len(w) == 1 else compound).add(w)
    return Surnames(frozenset(single), frozenset(compound), frozenset(_lines("name_stopwords.txt")))


@cache
def function_words() -> frozenset[str]:
    """Particles, prepositions and conjunctions of general Chinese (jieba's dictionary; see the file)."""
    return frozenset(_lines("function_words.txt"))


@cache
def verbs() -> frozenset[str]:
    """Two-character verbs of general Chinese (jieba's dictionary, tag v; see the file)."""
    return frozenset(_lines("verbs.txt"))


@cache
def common_words() -> frozenset[str]:
    """Common two-character words of general Chinese (jieba's dictionary; see the file's header)."""
    return frozenset(_lines("common_words.txt"))


# -- organizations ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrgLexicon:
    regex: re.Pattern[str]  # all endings, department names included
    kinds: dict[str, str]  # ending → strict | weak | alone | dept


@cache
def org_suffixes() -> OrgLexicon:
    kinds: dict[str, str] = {}
    for ln in _lines("org_suffixes.txt"):
        parts = ln.split("\t")
        kinds[parts[0]] = parts[1].strip() if len(parts) > 1 else "strict"
    lines = _lines("gov_domains.txt")
    endings: list[str] = []
    domains: list[str] = []
    for ln in lines:
        if ln.startswith("endings:"):
            endings = ln.split(":", 1)[1].split()
        else:
            domains.append(ln)
    for d in domains:
        for e in endings:
            kinds.setdefault(d + e, "dept")
    return OrgLexicon(re.compile(alternation(kinds)), kinds)


@dataclass(frozen=True, slots=True)
class KnownOrgs:
    matcher: TrieMatcher
    canonical: dict[str, str]  # written form → full name


@cache
def known_orgs() -> KnownOrgs:
    canonical: dict[str, str] = {}
    for ln in _lines("known_orgs.tsv"):
        head, _, rest = ln.partition("\t")
        for form in [head.strip(), *(a.strip() for a in rest.split(","))]:
            if form:
                canonical.setdefault(form, head.strip())
    return KnownOrgs(TrieMatcher(canonical), canonical)


# -- industries and event types -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Vocabulary:
    regex: re.Pattern[str]
    canonical: dict[str, str]  # synonym → canonical
    order: tuple[str, ...]  # canonical names in file order


def _vocabulary(name: str) -> Vocabulary:
    canonical: dict[str, str] = {}
    order: list[str] = []
    for ln in _lines(name):
        head, _, rest = ln.partition("\t")
        head = head.strip()
        order.append(head)
        for syn in [head, *(s.strip() for s in rest.split(","))]:
            if syn and syn not in canonical:
                canonical[syn] = head
    return Vocabulary(re.compile(alternation(canonical)), canonical, tuple(order))


@cache
def industries() -> Vocabulary:
    return _vocabulary("industries.tsv")


@cache
def event_types() -> Vocabulary:
    return _vocabulary("event_types.tsv")
