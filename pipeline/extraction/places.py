"""Geographic names: administrative divisions of China (full and short forms) and named regions.

One regex alternation over every written form finds all mentions in a single scan. A county's
short form (双流 for 双流区) counts only when its prefecture or province is also named, because
many county short forms are ordinary words. Mentions that fall inside an organization's name
(江西 in 江西省商务厅) do not count on their own; a place named only that way is not listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import scan
from pipeline.charclass import HAN_CLASS, is_han
from pipeline.extraction import lexicons, organizations
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
# Named fairs, expos and forums: 第二十届中国—东盟博览会, 中国(深圳)国际文化产业博览交易会, 广交会.
_EVENT_ENDING = re.compile(rf"(?:博览交易会|博览会|交易会|展览会|洽谈会|论坛|峰会|(?<=[{HAN_CLASS}])[博交洽]会)")
_find_event_endings = scan.starting_with(_EVENT_ENDING)
_EVENT_HEAD = re.compile(rf"[{HAN_CLASS}A-Za-z0-9()（）·—\-–&]+$")
_MAX_EVENT_HEAD = 24


def _names_zone(text: str, end: int) -> bool:
    """Whether the place ending at ``end`` is the one a zone is named after (not 江西 in 江西景德镇高新区)."""
    m = _ZONE_AFTER.match(text, end)
    return m is not None and not lexicons.places().matcher.contains(m.group("mid"))


def event_name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of named events (expos, fairs, forums), read leftwards from their ending to a boundary.

    A place inside an event's name (中国 and 东盟 in 中国—东盟博览会) says where the event series
    belongs, not what the article is about; like a place inside an organization's name it counts
    only when it also occurs on its own.
    """
    out: list[tuple[int, int]] = []
    for m in _find_event_endings(text):
        lo = max(0, m.start() - _MAX_EVENT_HEAD)
        h = _EVENT_HEAD.search(text, lo, m.start())
        if not h:
            continue
        head = h.group(0)
        cut = organizations.boundary_cut(head)
        # A dash at the start belongs to the text before (—— 据悉), not to the name.
        start = h.start() + cut
        while start < m.start() and text[start] in "—-–·":
            start += 1
        if start < m.start():
            out.append((start, m.end()))
    return out


def _seam(text: str, a: int, b: int, words: frozenset[str]) -> bool:
    """Whether the two characters at ``[a, b)`` are the seam of two common words around them."""
    if a == 0 or b >= len(text) or not (_cjk(text[a - 1]) and _cjk(text[b])):
        return False
    return text[a - 1 : a + 1] in words and text[a + 1 : b + 1] in words


def find_places(text: str, blocked: list[tuple[int, int]] | None = None) -> list[PlaceHit]:
    lex = lexicons.places()
    mentions: list[tuple[int, int, str]] = []
    # Longest match first, so 省/市 after a short form belongs to it (景德镇市).
    mentions.extend(lex.matcher.finditer(text))
    named = {lex.by_form[f].name for _, _, f in mentions}
    hits: dict[str, PlaceHit] = {}
    blocked_index = SpanIndex(blocked or [])
    by_form, needs_parent, words = lex.by_form, lex.needs_parent, lexicons.common_bigrams()
    for a, b, form in mentions:
        div = by_form[form]
        if form in needs_parent and div.parent not in named and div.province not in named:
            continue
        if blocked_index.covers(a, b, strict=True) and not (div.level != "county" and _names_zone(text, b)):
            continue
        if len(form) == 2 and _seam(text, a, b, words):
            continue  # 幸福建设: 福建 is the seam between 幸福 and 建设, not a province.
        county_city = div.level == "county" and form.endswith("城市")
        if county_city and a > 0 and _cjk(text[a - 1]) and text[a - 1] not in _BEFORE_PLACE:
            continue  # 新兴城市 is a rising city, not 兴城市
        hit = hits.get(div.name)
        if hit is None:
            hits[div.name] = PlaceHit(form, div.name, [(a, b)])
        else:
            hit.spans.append((a, b))
            if len(form) > len(hit.value):
                hit.value = form
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
