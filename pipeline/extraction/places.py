"""Geographic names: administrative divisions of China (full and short forms) and named regions.

One regex alternation over every written form finds all mentions in a single scan. A county's
short form (双流 for 双流区) counts only when its prefecture or province is also named, because
many county short forms are ordinary words. Mentions that fall inside an organization's name
(江西 in 江西省商务厅) do not count on their own; a place named only that way is not listed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from pipeline.charclass import HAN_CLASS, is_han
from pipeline.extraction import lexicons
from pipeline.extraction.spans import SpanIndex

# Characters that may stand right before a place name without forming a word with it.
_BEFORE_PLACE = frozenset("在于和与及从到赴至省市州县区的、是为向对")


@dataclass(slots=True)
class PlaceHit:
    value: str  # the longest form written in the text
    canonical: str  # the division's full name (景德镇市) or the region's canonical name
    spans: list[tuple[int, int]]


def _cjk(ch: str) -> bool:
    return is_han(ch)


# A development zone is an area, not only a body: the place it is named after (芜湖 in 芜湖经开区,
# 苏州 in 苏州工业园区管委会, 惠州 in 惠州仲恺高新区) is where the article's zone lies, so it counts
# even inside a name — for provinces and prefectures; a county's short form names zones after mountains and brands too
# (井冈山经济技术开发区 lies in 吉安).
_ZONE_AFTER = re.compile(
    rf"(?P<mid>[{HAN_CLASS}]{{0,4}}?)(?:经济技术开发区|高新技术产业开发区|经开区|高新区|开发区|新区|工业园区|综合保税区|保税区|自贸区|自由贸易试验区)"
)


# 大陆 is mainland China where the text sets it against Taiwan, Hong Kong or Macau (台湾、大陆企业),
# and not after 新 or a continent's 洲 (新大陆, 欧洲大陆): form → (places one of which is named,
# characters it may not follow).
_CONTRAST_FORMS = {"大陆": (("台湾省", "香港特别行政区", "澳门特别行政区"), "新洲")}


# A township (五横乡, 罗岭镇, 柳市镇): two name characters and 镇 or 乡. The division table stops at the
# county, so a township is read from its form where it stands as a name: after punctuation, a
# function word or a verb of going (到, 赴), not after more Han (特色小镇: 色小 is no name).
_TOWNSHIP = re.compile(rf"[{HAN_CLASS}]{{2}}[镇乡]")
_NOT_IN_TOWN_NAME = frozenset("几个各每全本该此这那其某多")  # 三个乡, 各乡: a number of towns
_GOING = frozenset("到赴至往经")


def _townships(text: str, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    words, function_words, titles = lexicons.common_words(), lexicons.function_words(), lexicons.titles()
    occupied = {i for a, b, _ in taken for i in range(a, b)}
    out: list[tuple[int, int, str]] = []
    for k in (i for i, ch in enumerate(text) if ch in "镇乡"):
        a, b = k - 2, k + 1
        if a < 0 or not _TOWNSHIP.fullmatch(text, a, b):
            continue
        name = text[a:k]
        if name in words or any(ch in _NOT_IN_TOWN_NAME for ch in name) or text[k - 1 : k + 1] in words:
            continue  # 特色镇, 重点镇, 三个乡: a kind or a number of towns; 为家乡, 小城镇: a word
        before = text[a - 1] if a > 0 else ""
        if before and _cjk(before) and before not in function_words and before not in _GOING:
            continue  # 特色小镇, 工业强镇: the name would start inside a word
        nxt = text[k : k + 2]
        if len(nxt) == 2 and nxt in words and not titles.regex.match(text, k):
            continue  # 乡村, 乡镇, 乡亲: 镇/乡 opens a word (but 镇长 is the town's head)
        if any(i in occupied for i in range(a, b)):
            continue  # part of a division's name already read
        out.append((a, b, text[a:b]))
    return out


def _names_zone(text: str, end: int) -> bool:
    """Whether the place ending at ``end`` is the one a zone is named after (not 江西 in 江西景德镇高新区)."""
    m = _ZONE_AFTER.match(text, end)
    return m is not None and not lexicons.places().matcher.contains(m.group("mid"))


def _seam(text: str, a: int, b: int, words: frozenset[str]) -> bool:
    """Whether the two characters at ``[a, b)`` are the seam of two common words around them."""
    if a == 0 or b >= len(text) or not (_cjk(text[a - 1]) and _cjk(text[b])):
        return False
    return text[a - 1 : a + 1] in words and text[a + 1 : b + 1] in words


@cache
def _seam_words() -> frozenset[str]:
    """Two-character words that flank a seam: the seam list plus the general vocabulary."""
    return lexicons.common_bigrams() | lexicons.common_words()


def _title_after(text: str, b: int, words: frozenset[str]) -> bool:
    """Whether the one-character division ending before ``b`` starts a title with the next character
    (县长, 市长, 区长) that does not itself start a word (长期)."""
    return text[b - 1 : b + 1] in words and text[b - 1 : b + 1].endswith("长") and text[b : b + 2] not in words


def find_places(
    text: str,
    blocked: list[tuple[int, int]] | None = None,
    names: list[tuple[int, int]] | None = None,
    titles: list[tuple[int, int]] | None = None,
) -> list[PlaceHit]:
    """Places in ``text``; none strictly inside a ``blocked`` span (an organization's name) unless
    that mention also lies inside one of a person's ``titles`` (烟台市 in 烟台市委书记: GOLD.md lists a
    place inside a title), none overlapping a person's name in ``names`` (张花冠县长 holds no 冠县)."""
    lex = lexicons.places()
    mentions: list[tuple[int, int, str]] = []
    # Longest match first, so 省/市 after a short form belongs to it (景德镇市).
    mentions.extend(lex.matcher.finditer(text))
    found_towns = _townships(text, mentions)
    towns = {form: lexicons.Division(form, "town", "", "") for _, _, form in found_towns}
    if towns:
        mentions = sorted(mentions + found_towns)
    by_form = {**lex.by_form, **towns} if towns else lex.by_form
    named = {by_form[f].name for _, _, f in mentions}
    written_full = {f for _, _, f in mentions if by_form[f].name == f}
    hits: dict[str, PlaceHit] = {}
    blocked_index = SpanIndex(blocked or [])
    title_index = SpanIndex(titles or [])
    name_spans = sorted(names or [])

    def names_near(a: int, b: int) -> list[tuple[int, int]]:
        i = bisect_left(name_spans, (a - 8, 0))
        out = []
        while i < len(name_spans) and name_spans[i][0] < b:
            out.append(name_spans[i])
            i += 1
        return out

    needs_parent, words = lex.needs_parent, _seam_words()
    free: set[str] = set()  # divisions written somewhere outside a zone's body name
    free_forms: dict[str, list[str]] = {}  # in text order: the first of the longest wins
    for a, b, form in mentions:
        div = by_form[form]
        # A short form a county shares with a higher division names the county when the text writes
        # the county in full (投资中山 beside 中山区 is that district, not 中山市); between two divisions of
        # the same level (新竹 beside 新竹县: 新竹市) the usual reading stays.
        alts = lex.shared.get(form)
        if alts and div.name not in written_full:
            div = next((d for d in alts if d.level == "county" and d.name in written_full), div)
        if (
            form in needs_parent
            and div.name not in written_full
            and div.parent not in named
            and div.province not in named
        ):
            continue
        only_zone = False  # counted only as the place a zone inside a body's name is named after
        contrast = _CONTRAST_FORMS.get(form)
        if contrast and (not any(c in named for c in contrast[0]) or (a > 0 and text[a - 1] in contrast[1])):
            continue
        if blocked_index.covers(a, b, strict=True):
            zone = _names_zone(text, b)
            in_title = title_index.covers(a, b) and not zone
            # In a title too, a county's short form before a zone may be a mountain's (井冈山经济技术开发区).
            if not (div.level != "county" and zone) and not in_title:
                continue
            only_zone = not in_title
        if any(x < b and a < y for x, y in names_near(a, b)):
            continue
        if len(form) == 2 and _seam(text, a, b, words):
            continue  # 幸福建设: 福建 is the seam between 幸福 and 建设, not a province.
        if len(form) == 2 and form[1] in "县市区" and _title_after(text, b, words):
            continue  # 邱县长: a surname before 县长 (a county head), not 邱县
        if (
            len(form) == 2
            and div.level == "county"
            and form[0] in lexicons.function_words()
            and div.parent not in named
            and div.province not in named
        ):
            continue  # 某某和县政府办: 和 joins two names, 县 opens the next (和县 needs 马鞍山 or 安徽 named)
        county_city = div.level == "county" and form.endswith("城市")
        if county_city and a > 0 and _cjk(text[a - 1]) and text[a - 1] not in _BEFORE_PLACE:
            continue  # 新兴城市 is a rising city, not 兴城市
        hit = hits.get(div.name)
        if hit is None:
            hits[div.name] = hit = PlaceHit(form, div.name, [(a, b)])
        else:
            hit.spans.append((a, b))
        # The value is the longest form written on its own or in a title; a form inside a zone's body
        # (中山市翠亨新区管委会) names the place only when nothing else does (深圳、中山两市 → 中山).
        if not only_zone:
            free.add(div.name)
            forms = free_forms.setdefault(div.name, [])
            if form not in forms:
                forms.append(form)
        elif div.name not in free and len(form) > len(hit.value):
            hit.value = form
    for name, forms in free_forms.items():
        hits[name].value = max(forms, key=len)
    return list(hits.values())


def place_key(name: str) -> str:
    """The division a written form names, for comparing 景德镇 with 景德镇市."""
    lex = lexicons.places()
    div = lex.by_form.get(name)
    if div is not None:
        return div.name
    short = lexicons.short_form(name)
    div = lex.by_form.get(short)
    return div.name if div is not None else name
