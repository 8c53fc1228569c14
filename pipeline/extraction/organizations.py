"""Organization names, found from their endings and read leftwards to where the name begins.

An ending (管委会, 有限公司, 促进会, 商务厅, 日报, 高新区 …) is found by one regex scan. The name's
head is read leftwards until a boundary: punctuation, a function word (由, 在, 和, 与, 的 …), an
action verb (主办, 召开, 依托 …) or a count (26个). The head must be *named*: a generic word or an
industry word (市委 alone, 高新区 alone, 新材料上市公司, 国家级园区) is not an organization.
Other patterns add bodies written without a legal ending: list items before ``等多家企业``, and
the organizers in ``由A主办，B承办``. Each body is listed once, under the longest name it is
written with: a name seen only inside a longer one, or the same name without its place prefix
(景德镇高新区管委会 beside 江西景德镇高新区管委会), is folded into the longer one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline import scan
from pipeline.charclass import HAN_CLASS
from pipeline.extraction import boundaries, lexicons
from pipeline.extraction.spans import SpanIndex, strictly_inside_another

_MAX_HEAD = 18
# Where a name cannot extend past, read right to left: verbs, function words, counts.
BOUNDARY = re.compile(
    r"(?:主办|承办|协办|召开|举办|举行|参加|出席|组织|牵头|指导|"
    # 联合 is a verb (not part of a name such as 联合国, 联合利华) right after another body's ending
    # (市商务局联合市工信局) or right before another verb (联合举办).
    r"(?<=[局委会厅部院司办社团所室站馆府])联合|联合(?=主办|举办|承办|发布|开展|召开|组织|发起|印发|推出|打造|申报)|"
    r"依托|成立|位于|包含|来自|考察|参观|走访|拜访|拜会|莅临|获得|期待|标志着|助力|发挥|落实|对接|洽谈|接待|看望|调研|"
    r"视察|访问|到访|(?<=[日月年已并曾还再])获|"
    r"会见|携手|签约|签署|签订|成为|落户|入驻|引进|支持|推动|发布|介绍|表示|围绕|通过|作为|包括|其中|还有|先后|分别|获悉|"
    r"邀请|宣布|透露|共建|设立|打造|加快|推进|深化|实施|参与|代表|感谢|欢迎|希望|"
    r"拥有|用好|建好|做好|做优|做强|做大|提高|提升|认真|听完|听取|完成|实现|形成|培育|创建|建立|出台|之|"
    r"首批|一批|多家|多个|[两三四五六七八九十]大|\d+(?:\.\d+)?[个家所项位名批座条处日号月年]?|[一二两三四五六七八九十百千]+[个家所项位名批座条处]|"
    rf"就|(?<![华作成有])为|各|{boundaries.ALL})"
)
_find_boundaries = scan.starting_with(BOUNDARY)


def boundary_cut(head: str) -> int:
    """Where the text after the last boundary word in ``head`` starts (0 if none).

    A verb right before 会 names a meeting, which may be part of a body's name (鲁台经贸洽谈会办公室):
    it is no boundary there.
    """
    for m in reversed(_find_boundaries(head)):
        if head[m.end() : m.end() + 1] != "会" or m.end() == m.start():
            return m.end()
    return 0


# Modifiers that may stand before a name but are not part of it (国家级天府新区 → 天府新区).
_LEADING_MODIFIER = re.compile(r"^(?:国家级|省级|市级|著名|知名|全国|全省|全市|我国|我省|我市|本市|当地)+")
_MODIFIER_FIRSTS = scan.first_char_set(_LEADING_MODIFIER)
# Words that make up generic heads: kinds of bodies, sizes, and (added at load) industry names.
_GENERIC_WORDS = (
    "国家级|省级|市级|区级|县级|国家|省|市|区|县|州|镇|乡|村|全国|全省|全市|全区|全县|各级|有关|相关|重点|重大|"
    "本|该|各|全|新|多|两|一|这|此|其|驻|大|小|中|上级|下属|所属|龙头|优质|知名|著名|部分|行业|企业|地方|当地|"
    "高新区|开发区|经开区|新区|园区|工业园|管委会|党工委|政府|人民政府|上市|民营|国有|外资|合资|科技型|科技|"
    "高新技术|中小|骨干|头部|领军|规上|规模以上|产业化|产业|集聚|创新|示范|国际|合作|现代化|学习型|服务型|"
    "千亿|百亿|万亿|亿元|十亿|官方|专业|综合|特色|配套|功能|区域|省直|市直|联系|主要|研发|工业|商业|金融|"
    "发展|建设|规划|开发|项目|平台|智能|装备|基地|小型|微型|创业|供应|生产|制造|研发|孵化|转化|加工|应用|集聚区|投资|贸易|电力|房地产|"
    "网络|信息|技术|文化|传媒|咨询|管理|控股|实业|实体|外贸|跨国|本地|本土|国内|海外|境外|全球|世界|大型|中型|"
    "内|境内|更多|最新|热门|异地|外地|新兴|传统|建筑|工程|设计|环境|医疗|教育|商贸|服务|星级|五星级|四星级|豪华|国企|央企|民企|外企|地区|"
    "子|分|母|总|家|些|每|某|几|首|一批|一家|多家|这家|该家|[0-9]+"
)
_NATIONAL_PREFIX = re.compile(r"(?:中共|共青团|国家|全国|国务院|中央|驻)$")
_CJK = re.compile(rf"[{HAN_CLASS}]")
_HEAD_CHAR_RUN = re.compile(rf"[{HAN_CLASS}A-Za-z0-9()（）·]+")
# The end of a list of bodies: A、B和C等多家企业, 宁德时代等20余家企业 (and their heads: 等龙头企业负责人)
# and factories (等6家台厂) — not of people, whose noun goes on past the body word (等企业家, 等香港企业界人士),
# nor of buildings (等厂房).
_LIST_TAIL = re.compile(
    rf"等(?:\d+|[一二两三四五六七八九十几多数]+)?[家个所]?[{HAN_CLASS}]{{0,6}}?(?:企业|公司|单位|机构|高校|院校|集团|媒体|银行|厂商|厂(?![房区长址]))"
    r"(?![家界])"
)
_MAX_LIST = 13
# 由A主办，B承办 / A牵头 / A指导: organizers named without a legal ending.
_ORGANIZER = re.compile(
    rf"(?:由|[，,、])(?P<o>[{HAN_CLASS}A-Za-z0-9()（）]{{3,24}}?)(?:联合|共同)?(?:主办|承办|协办|指导|牵头组织|牵头)"
)
_find_organizers = scan.starting_with(_ORGANIZER)
_ORGANIZER_VERBS = ("主办", "承办", "协办", "指导", "牵头")  # every organizer match holds one
_WEAK_OK_AFTER = re.compile(rf"(?:[^{HAN_CLASS}]|记者|讯|报道|消息|客户端|主办|承办|联合|等|和|与|及|的)")
_MEDIA_NEWS_HEAD = re.compile(rf"[{HAN_CLASS}]{{2,6}}$")
# An ending that is really the start of another word: 部门, 新区 in 创新区, 局面.
# 招商会 is an event (a promotion meeting), not a chamber of commerce (商会); a production, planting
# or processing base (生产基地, 种植基地) is a facility or a project, not a body (GOLD.md).
_FALSE_ENDING = re.compile(
    r"部门|部分|局面|局势|[创更全最重]新区|新区域|委员(?!会)|分会场|会场|招商会"
    r"|(?<=生)产基地|(?<=种)植基地|(?<=养)殖基地|(?<=加)工基地|(?<=制)造基地"
)
_FALSE_ENDING_FIRSTS = scan.first_char_set(_FALSE_ENDING)


def _role_after(text: str, e: int) -> bool:
    """Whether the ending that closes at ``e`` really closes a role word with the next character:
    亚总会长 is 亚总 + 会长, 亚总台商会员 is 台商 + 会员 (a title or a member, not 亚总会 / 台商会).
    Read from the general vocabulary: the last character and the next form a common word (会长,
    局长, 会员), and the next two do not (委员会长期合作: 长期)."""
    nxt = text[e : e + 1]
    return (
        nxt in ("长", "员")
        and text[e - 1 : e + 1] in lexicons.common_words()
        and text[e : e + 2] not in lexicons.common_words()
    )


def _false_ending(text: str, i: int) -> bool:
    """``_FALSE_ENDING.match(text, i)``, without calling the regex where no match can start."""
    if _FALSE_ENDING_FIRSTS is not None and (i >= len(text) or text[i] not in _FALSE_ENDING_FIRSTS):
        return False
    return _FALSE_ENDING.match(text, i) is not None


_LEVEL_ONLY = frozenset("省市县区州镇乡")
# The bodies of a division (its party committee, its government): named by the division, so the
# head must end with a place name (潜江市委, 中共江西省委, 桃园市政府) or a zone found before.
_PLACE_OWNED = frozenset(("市委", "省委", "区委", "县委", "州委", "人民政府", "政府"))


def _ends_with_place(head: str, zones: set[str]) -> bool:
    if any(head.endswith(z) for z in zones):
        return True
    by_form = lexicons.places().by_form
    return any(
        head[k:] in by_form or head[k:] + level in by_form  # 前进 + 区委: 前进区's committee
        for k in range(max(0, len(head) - 12), len(head) - 1)
        for level in ("", "市", "区", "县", "州", "省")
    )


def _title_follows(text: str, end: int) -> bool:
    """Whether a person's title starts at ``end`` (局长, 副主任 …): the body before it is part of
    the title."""
    m = lexicons.titles().regex.match(text, end)
    return m is not None


_ZONE_ENDINGS = ("高新区", "开发区", "经开区", "新区", "经济区", "保税区", "自贸区", "示范区", "高新技术产业开发区")


@cache
def _endings_matcher() -> lexicons.TrieMatcher:
    return lexicons.TrieMatcher(lexicons.org_suffixes().kinds)


@cache
def _shortest() -> tuple[int, int]:
    """The lengths of the shortest place name and the shortest title: shorter heads hold none."""
    return min(map(len, lexicons.places().by_form)), min(map(len, lexicons.titles().titles))


@cache
def _generic_head() -> re.Pattern[str]:
    words = lexicons.alternation(lexicons.industries().canonical)
    return re.compile(rf"^(?:{_GENERIC_WORDS}|{words})*$")


@dataclass(slots=True)
class OrgHit:
    value: str
    spans: list[tuple[int, int]]
    rule: str


def _head(text: str, start: int, stops: Sequence[int] = ()) -> str:
    """The characters before ``start`` that may belong to a name, up to a boundary.

    ``stops`` (sorted) are where a person's name ends: 王远鹤 in 市长王远鹤市政府 is not part of
    the body's name, unless the name is all there is before the ending (a body named after someone).
    """
    lo = max(0, start - _MAX_HEAD)
    window = text[lo:start]
    run = _final_run(window)
    if run < 0:
        return ""
    window = window[run:]
    if stops:
        i = bisect_right(stops, start) - 1
        if i >= 0 and start - len(window) < stops[i] <= start - 2:
            window = text[stops[i] : start]
    head = window[boundary_cut(window) :]
    # An unclosed bracket belongs to the sentence, not the name: (记者… / 深科园(梧州)… is fine.
    if head.count("(") + head.count("（") > head.count(")") + head.count("）"):
        opened = max(head.rfind("("), head.rfind("（"))
        head = head[opened + 1 :]
    # A closing bracket whose opening lies outside the head closes the sentence's aside: 五省(区、市)
    # 体育产业协会 — the name starts after it.
    depth, cut = 0, 0
    for k, ch in enumerate(head):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            if depth == 0:
                cut = k + 1
            else:
                depth -= 1
    head = head[cut:]
    # A name that holds a place usually starts with it (中国南方航空集团 after 会中): drop what
    # stands before the first place unless it is a national prefix (中共, 国家, 驻 …) or a bracket.
    # (The leftmost place by the trie: the places regex tries its branches one by one.)
    # (A place after the first character needs a head longer than the shortest place name.)
    ps = lexicons.places().matcher.first_start(head) if len(head) > _shortest()[0] else -1
    if ps > 0 and head[ps - 1] not in "(（" and not _NATIONAL_PREFIX.search(head, 0, ps):
        head = head[ps:]
    # Two bodies written with nothing between (吴中集团江苏中元控股集团有限公司): a place right after an
    # ending inside the head starts the second name. (Not before a branch ending: 中国国际贸易促进
    # 委员会江西省分会 is the council's Jiangxi branch, one body.)
    if len(head) > 4 and text[start : start + 1] not in "分支":
        for _, e, _ in _endings_matcher().finditer(head):
            if e < len(head) - 1 and lexicons.places().matcher.first_start(head[e:]) == 0:
                head = head[e:]
    # A title ends a name: 主任王强 before 办公室 is not part of it.
    tl = lexicons.titles()
    last = 0
    for t in tl.regex.finditer(head) if len(head) >= _shortest()[1] else ():
        if t.group(0) not in tl.weak:
            last = t.end()
    return _verb_trimmed(text, start, head[last:])


# A kind of firm written before a firm's name, as an apposition (半导体大厂力晶科技, 龙头企业某某科技).
_KIND_APPOSITION = re.compile(r"^(?P<p>.*?)(?:大厂|厂商|龙头企业|企业|公司|集团|业者)(?P<r>.{3,})$")


_ZONE_ENDING = re.compile(r"[\w]{0,4}?(?:园区|工业区|开发区|高新区|经开区|新区|产业园|科学园|工业园)")


def _verb_trimmed(text: str, start: int, head: str) -> str:
    """``head`` without a verb of the sentence at its front: a two-character verb opening it (落脚 in
    落脚铜锣科学园区), or one character that completes a verb with the character before the head (解 of
    了解 in 了解华为技术有限公司, where the boundary 了 was cut). What is left must still name a body."""
    if len(head) < 3:
        return head
    kind = _KIND_APPOSITION.match(head)
    if kind and _generic_head().match(kind.group("p")) and _named(kind.group("r")):
        head = kind.group("r")  # 半导体大厂力晶科技: a kind of firm set before the firm's own name
    verbs = lexicons.verbs()
    a = start - len(head)
    # Two characters left are a name before a zone's ending (落脚铜锣科学园区: one goes to a place), but
    # before a firm's they are more often the firm's own (联合利华公司, 联想控股).
    if (
        head[:2] in verbs
        and (len(head) >= 5 or (len(head) == 4 and _ZONE_ENDING.match(text, start)))
        and _named(head[2:])
    ):
        return head[2:]
    if a > 0 and text[a - 1] + head[0] in verbs and text[a - 1] in lexicons.function_words() and _named(head[1:]):
        return head[1:]
    return head


def _final_run(window: str) -> int:
    """Where the run of name characters that ends ``window`` starts, or -1: the start of
    ``[…]+$`` searched in ``window`` (``$`` matches before a final line break too), found from the
    end instead of trying every start position."""
    end = len(window) - 1 if window.endswith("\n") else len(window)
    m = _HEAD_CHAR_RUN.match(window[:end][::-1])
    return end - m.end() if m else -1


def _nationality_prefix(text: str, i: int) -> bool:
    """Whether ``text[i:i+2]`` is a nationality written before a firm's name (美商惠普, 日商伊藤忠, 欧商
    Bolt): a country's initial and 商, not a word with what follows (商业, 商人, 商机), standing where a
    name may start (after punctuation, a conjunction or a boundary word such as 包括; not 香港商汤)."""
    if i < 0 or text[i + 1 : i + 2] != "商" or text[i : i + 1] not in lexicons.country_initials():
        return False
    if text[i] in lexicons.function_words():
        return False  # 以商引商: a preposition, not 以色列
    kinds = lexicons.org_suffixes().kinds
    if text[i + 1 : i + 3] in lexicons.common_words() or text[i + 1 : i + 3] in kinds or text[i + 1 : i + 4] in kinds:
        return False  # 商业, 商人; 日商会, 台商协会: a chamber of the nationality's merchants
    if i == 0 or not _CJK.match(text[i - 1]) or text[i - 1] in "、和与及":
        return True
    window = text[max(0, i - 8) : i]
    return boundary_cut(window) == len(window)


def _without_nationality(text: str, a: int, head: str) -> str:
    """``head`` (starting at ``a``) without a nationality prefix, when what is left still names a body."""
    if len(head) > 3 and _nationality_prefix(text, a) and _named(head[2:]):
        return head[2:]
    return head


# Where a name written without an ending stops: a verb, a function word or one of these characters.
_NAME_STOP_CHARS = frozenset("将在于也是为把被从向对与和及等的已并还再均都")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*(?![A-Za-z0-9])")
_MAX_PREFIXED_NAME = 6


def _stops_name(text: str, k: int) -> bool:
    pair = text[k : k + 2]
    return (
        text[k] in _NAME_STOP_CHARS
        or pair in lexicons.verbs()
        or pair in lexicons.function_words()
        or text[k] in lexicons.function_words()
        or BOUNDARY.match(text, k) is not None
    )


def _prefixed_firms(text: str) -> list[tuple[int, int, str]]:
    """Firms named after a nationality prefix (美商伊顿扩充…, 韩商高美可将…, 欧商Bolt首次…) without a
    legal ending: the name runs to the first verb, function word or punctuation, and must read as a
    name (not a common word, a place or a generic phrase: 台商也想, 台商回流 name nobody)."""
    out: list[tuple[int, int, str]] = []
    places = lexicons.places().by_form
    words = lexicons.common_words()
    i = text.find("商", 1)
    while i >= 0:
        p = i - 1
        i = text.find("商", i + 1)
        if not _nationality_prefix(text, p):
            continue
        a = p + 2
        latin = _LATIN_NAME.match(text, a)
        if latin:
            b = latin.end()
        else:
            b = a
            while b < len(text) and b - a <= _MAX_PREFIXED_NAME and _CJK.match(text[b]) and not _stops_name(text, b):
                b += 1
            if b - a > _MAX_PREFIXED_NAME or b - a < 2:
                continue  # 台商界出类拔萃不容易: no name stops that soon
        name = text[a:b]
        if len(name) < 2 or name in words or name in places or (not latin and not _named(name)):
            continue
        out.append((a, b, "nationality-prefix"))
    return out


def _list_items(text: str, stops: Sequence[int]) -> list[tuple[int, int, str]]:
    """Bodies listed before 等多家企业, read leftwards item by item over 、, 和 and 及.

    A lone item (宁德时代等多家企业) must look like a name on its own: three or more characters,
    not a place, not a generic phrase (龙头企业等多家企业).
    """
    out: list[tuple[int, int, str]] = []
    places = lexicons.places()
    titles = lexicons.titles()
    for m in _LIST_TAIL.finditer(text):
        end = m.start()
        items: list[tuple[int, int]] = []
        while len(items) < _MAX_LIST:
            head = _strip_modifier(_head(text, end, stops))
            a = end - len(head)
            if len(head) < 2 or len(head) > 20 or titles.regex.search(head):
                break
            # 荷商恩智浦: the nationality is no part of the item, and the list goes on before it.
            if len(head) > 3 and _nationality_prefix(text, a) and _named(head[2:]):
                items.append((a + 2, end))
                if a > 0 and text[a - 1] in "、和及":
                    end = a - 1
                    continue
                break
            if a >= 2 and _nationality_prefix(text, a - 2):
                items.append((a, end))
                if a > 2 and text[a - 3] in "、和及":
                    end = a - 3
                    continue
                break
            if a > 1 and text[a - 1] in "和及" and text[a - 2 : a] in lexicons.function_words():
                # 以及, 并及: a two-character conjunction, its first character no part of the item
                items.append((a, end))
                end = a - 2
                continue
            items.append((a, end))
            if a > 0 and text[a - 1] in "、和及":
                end = a - 1
                continue
            break
        if len(items) == 1:
            a, b = items[0]
            if b - a < 3 or text[a:b] in places.by_form:
                continue
        kinds = lexicons.org_suffixes().kinds
        for a, b in items:
            item = text[a:b]
            # An item with a legal or body ending (跨国公司, 商会协会) is named only by its head.
            ending = next((item[k:] for k in range(1, len(item) - 1) if item[k:] in kinds), "")
            head = item[: len(item) - len(ending)] if ending else item
            # 长三角地区精细化工: a place before an industry word names no company.
            named_head = _named(head) and (head == _without_places(head) or _named(_without_places(head)))
            if named_head and item not in places.by_form:
                out.append((a, b, "list:等企业"))
    return out


def _strip_modifier(head: str) -> str:
    if _MODIFIER_FIRSTS is not None and head[:1] not in _MODIFIER_FIRSTS:
        return head  # no modifier can start here (most heads): the regex would change nothing
    stripped = _LEADING_MODIFIER.sub("", head)
    return stripped if len(stripped) >= 2 else head


@lru_cache(maxsize=8192)
def _named(head: str) -> bool:
    """Whether a head names a particular body (remembered: the same heads recur in every text)."""
    if len(head) < 2 or not _CJK.search(head):
        return False
    if head in lexicons.org_suffixes().kinds:
        return False  # 商会协会: kinds of bodies listed, no body named
    return not _generic_head().match(head)


def named_body(name: str) -> bool:
    """Whether ``name`` (with no legal ending) names a particular body rather than a kind of one."""
    return _named(_strip_modifier(name)) and _CJK.search(name[-1:]) is not None


def _without_places(head: str) -> str:
    """``head`` with every place name taken out (the places regex's ``sub``, by the trie)."""
    parts: list[str] = []
    pos = 0
    for a, b, _ in lexicons.places().matcher.finditer(head):
        parts.append(head[pos:a])
        pos = b
    parts.append(head[pos:])
    return "".join(parts)


def _has_place(head: str, zones: set[str]) -> bool:
    return lexicons.places().matcher.contains(head) or any(z in head for z in zones)


def _closing_places_resolved(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An ending that only closes a place's name (梁园区委: 园区 ends 梁园区) gives way to an ending
    that starts inside it (区委), which the non-overlapping scan never reported."""
    by_form = lexicons.places().by_form
    out: list[tuple[int, int, str]] = []
    for s, e, ending in found:
        if any(text[x:e] in by_form for x in range(max(0, s - 4), s)):
            later = [(s + 1 + a, s + 1 + b, w) for a, b, w in _endings_matcher().finditer(text[s + 1 : e + 8])]
            if later and later[0][0] < e:
                out.append(later[0])
                continue
        out.append((s, e, ending))
    return out


# What stands before "a company from X" (一成都公司, 该深圳公司): a numeral, a classifier, a demonstrative.
_DESCRIBES_BEFORE = frozenset("一两二三四五六七八九十几多某该这那各每其的家个间")


def _counted_or_free(text: str, a: int) -> bool:
    """Whether the head starting at ``a`` follows a numeral, classifier or demonstrative, or no Han."""
    return a == 0 or text[a - 1] in _DESCRIBES_BEFORE or not _CJK.match(text[a - 1])


def find_organizations(
    text: str, extra_names: list[str] | None = None, person_spans: Iterable[tuple[int, int]] = ()
) -> list[OrgHit]:
    """Bodies named in ``text``; ``person_spans`` are names already read, which a head never crosses."""
    lex = lexicons.org_suffixes()
    stops = sorted({b for _, b in person_spans})
    cands: list[tuple[int, int, str]] = []
    # The endings by the trie: the same leftmost-longest matches as the endings regex, found faster.
    endings = [
        (s, e, ending)
        for s, e, ending in _closing_places_resolved(text, _endings_matcher().finditer(text))
        if not (_false_ending(text, max(0, s - 1)) or _false_ending(text, e - 1) or _role_after(text, e))
    ]
    zones: set[str] = set()
    pending: list[tuple[int, int, str, str, str]] = []
    for start, end, ending in endings:
        kind = lex.kinds[ending]
        head = _strip_modifier(_head(text, start, stops))
        head = _without_nationality(text, start - len(head), head)
        if kind == "dept":
            # A department is named by the place before it (江西省商务厅); a ministry stands alone, and
            # so does a general administration (海关总署, 质检总局): only the State Council has them.
            national = ending.endswith(("总局", "总署")) or (
                ending.endswith("部") and ending[:-1] not in ("组织", "宣传", "统战")
            )
            if not head and not national:
                continue
            if head in _LEVEL_ONLY and _title_follows(text, end):
                continue  # 省经贸委副主任林仙元: a bare level inside a title is not listed (GOLD.md)
            cands.append((start - len(head), end, "suffix:" + ending))
            continue
        if kind.startswith("placed"):
            pending.append((start, end, ending, head, kind))
            continue
        if not _named(head):
            continue
        if ending == "公司" and head in lexicons.places().by_form and _counted_or_free(text, start - len(head)):
            # 一成都公司, 该深圳公司: a company said to be from a place, no name (but 中建三局深圳公司 is
            # a branch's name cut short, and 吴中集团 a name).
            continue
        if ending in _PLACE_OWNED and not _ends_with_place(head, zones):
            continue  # 会议现场市委, 经济部地方政府: a party committee or a government is its place's
        if kind == "weak":
            nxt = text[end : end + 4]
            if nxt and not _WEAK_OK_AFTER.match(nxt):
                continue
            if not _MEDIA_NEWS_HEAD.search(head):
                continue
            head = head[-4:]
        cands.append((start - len(head), end, "suffix:" + ending))
        if ending in _ZONE_ENDINGS:
            zones.add(head + ending)
    # Endings that need a place or a known zone in their head, now that zones are known.
    words = lexicons.common_words()
    for start, end, ending, head, kind in pending:
        if not _has_place(head, zones):
            continue
        if len(ending) == 1 and text[start - 1 : end] in words:
            continue  # 积极谋划布局: a one-character ending that closes a common word (布局) ends no name
        rest = _without_places(head)
        for z in zones:
            rest = rest.replace(z, "")
        if rest and not _named(rest) and ending != "网" and kind != "placed-body":
            continue  # 江西省国家级园区: a place plus generic words names no particular park
        if kind == "placed-weak":
            nxt = text[end : end + 1]
            if nxt and _CJK.match(nxt):
                continue
            if any(b < len(head) for _, b, _ in _endings_matcher().finditer(head)):
                continue  # 桃园市政府两大连结网: a body then more words is a figure of speech, not a site
        cands.append((start - len(head), end, "suffix:" + ending))
    cands.extend(_list_items(text, stops))
    cands.extend(_prefixed_firms(text))
    for m in _find_organizers(text) if any(v in text for v in _ORGANIZER_VERBS) else ():
        sub = _head(text, m.end("o"), stops)
        if len(sub) >= 3 and _named(sub):
            cands.append((m.end("o") - len(sub), m.end("o"), "organizer"))
    for name in extra_names or []:
        for m in re.finditer(re.escape(name), text):
            cands.append((m.start(), m.end(), "metadata"))
    hits = _merge(text, cands, lexicons.known_orgs().matcher.finditer(text))
    # 高雄市府 beside 高雄市政府: the short form of the same government, listed under the longer.
    values = {h.value for h in hits}
    return [h for h in hits if not (h.value.endswith(("市府", "县府")) and h.value[:-1] + "政府" in values)]


# An outlet's name as a publisher gives it (metadata author/source, 来源： lines, 【XX报讯】).
_OUTLET_FORM = re.compile(
    rf"^[{HAN_CLASS}A-Za-z0-9]{{1,12}}(?:报|报社|网|电视台|广播电台|电台|杂志社?|周刊|新闻|传媒|通讯社|新闻社|客户端)$"
)


@lru_cache(maxsize=4096)
def organization_form(name: str) -> str | None:
    """The organization a source or author string names, or None when it names none.

    A known body gives its full name (中新网 → 中国新闻网); otherwise the whole string must read as
    a body: its ending found by the endings scan with the head reaching the start (梧州日报, 景德镇
    高新区管委会, 江西省人民政府), or an outlet's form (大公报, 南方+客户端). A site slogan or a
    person's name (高科技行业门户, 张三) names none. (Remembered: an import meets the same few
    outlets in article after article.)
    """
    name = name.strip()
    if not 2 <= len(name) <= 30:
        return None
    canonical = lexicons.known_orgs().canonical
    if name in canonical:
        return canonical[name]
    if any(h.value == name and h.spans == [(0, len(name))] for h in find_organizations(name)):
        return name
    if _OUTLET_FORM.match(name) and _named(name[:-1]):
        return name
    return None


def _merge(text: str, cands: list[tuple[int, int, str]], known: list[tuple[int, int, str]]) -> list[OrgHit]:
    # Longest first, so shorter names found only inside longer ones can be dropped.
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    inside = strictly_inside_another((a, b) for a, b, _ in cands)
    taken: list[tuple[int, int]] = []
    hits: dict[str, OrgHit] = {}
    # Each hit's spans as a set too: testing a list is O(spans), quadratic for a name said often.
    spans_of: dict[str, set[tuple[int, int]]] = {}
    for a, b, rule in cands:
        if (a, b) in inside:
            continue
        value = text[a:b]
        hit = hits.get(value)
        if hit is None:
            hits[value] = hit = OrgHit(value, [], rule)
            spans_of[value] = set()
        if (a, b) not in spans_of[value]:
            spans_of[value].add((a, b))
            hit.spans.append((a, b))
            taken.append((a, b))
    # Well-known bodies (新华社, 中新网 = 中国新闻网): one entry under the longest form written.
    groups: dict[str, list[tuple[int, int, str]]] = {}
    canonical = lexicons.known_orgs().canonical
    taken_index = SpanIndex(taken)
    words = lexicons.common_words()
    for a, b, form in known:
        if _false_ending(text, b - 1):
            continue  # 商务部门: a department in general, not the ministry
        if text[b - 1 : b + 1] in words and not lexicons.titles().regex.match(text, b - 1):
            continue  # 经济部署, 新华社区: the last character opens a word (but 经济部长 is the ministry's head)
        if not taken_index.covers(a, b):
            groups.setdefault(canonical[form], []).append((a, b, form))
    for value_found in list(hits):
        if value_found in canonical:  # 工信部 found by its ending: still one body with 工业和信息化部
            h = hits.pop(value_found)
            spans_of.pop(value_found)
            groups.setdefault(canonical[value_found], []).extend((a, b, value_found) for a, b in h.spans)
    for mentions in groups.values():
        value = max((f for _, _, f in mentions), key=len)
        hit = hits.setdefault(value, OrgHit(value, [], "known-org"))
        have = spans_of.setdefault(value, set(hit.spans))
        for a, b, _ in mentions:
            if (a, b) not in have:
                have.add((a, b))
                hit.spans.append((a, b))
                taken.append((a, b))
    # The same body without its place prefix (景德镇高新区管委会 / 江西景德镇高新区管委会): the
    # longer names that are a place plus a shorter one, in table order, found by splitting each
    # name after a place form (comparing every pair of names was quadratic in their number).
    places = lexicons.places()
    longer: dict[str, list[str]] = {}
    for long in hits:
        for k in range(1, len(long)):
            if long[:k] in places.by_form and long[k:] in hits:
                longer.setdefault(long[k:], []).append(long)
    for short in sorted(hits, key=len):
        for long in longer.get(short, ()):
            if long in hits and short in hits:
                hits[long].spans.extend(hits.pop(short).spans)
                spans_of[long] |= spans_of.pop(short)
                break
    _fold_variants(hits, spans_of)
    # Repeated mentions the endings scan did not reach (e.g. after a boundary word): one trie
    # pass over every name found, each mention kept unless it lies inside a name already placed.
    taken_index = SpanIndex(taken)
    for a, b, value in lexicons.TrieMatcher(hits, per_text=True).finditer(text):
        hit = hits[value]
        if (a, b) not in spans_of[value] and not taken_index.covers(a, b):
            spans_of[value].add((a, b))
            hit.spans.append((a, b))
    for hit in hits.values():
        hit.spans.sort()
    return sorted(hits.values(), key=lambda h: h.spans[0])


def _place_keys(name: str) -> set[tuple[str, str]]:
    """(division, rest) for every way ``name`` starts with a place form: 亳州市委 gives (亳州, 市委)
    and (亳州, 委); 亳州市市委 gives (亳州, 市委) too, so the two are one body (and 东兴市人民政府 with
    东兴市政府: the rest is read with 政府 for 人民政府)."""
    by_form = lexicons.places().by_form
    keys = set()
    for k in range(2, len(name) - 1):
        div = by_form.get(name[:k])
        if div is not None:
            # 人民政府 and 政府 name one government (东兴市人民政府 / 东兴市政府).
            keys.add((div.name, name[k:].replace("人民政府", "政府")))
    return keys


# A prefix this short that is neither a place nor a national prefix, before a name found on its
# own too, is a word the head reading did not stop at (肯定台元科技园区, 竹北台元科技园区).
_MAX_STRAY_PREFIX = 2


def _fold_variants(hits: dict[str, OrgHit], spans_of: dict[str, set[tuple[int, int]]]) -> None:
    """One body written several ways is listed once, under its longest form (GOLD.md): the same
    place written in two forms (亳州市委 / 亳州市市委), or a stray word read into one mention's head."""
    into: dict[str, str] = {}
    by_key: dict[tuple[str, str], list[str]] = {}
    for name in hits:
        for key in _place_keys(name):
            by_key.setdefault(key, []).append(name)
    for names in by_key.values():
        if len(names) > 1:
            keep = max(names, key=lambda n: (len(n), n))
            for n in names:
                if n != keep:
                    into.setdefault(n, keep)
    places = lexicons.places().by_form
    for name in hits:
        for k in range(1, _MAX_STRAY_PREFIX + 1):
            short, stray = name[k:], name[:k]
            if (
                short in hits
                and len(short) >= 4
                and not any(stray[:j] in places for j in range(1, k + 1))
                and not _NATIONAL_PREFIX.search(stray)
                and not _LEADING_MODIFIER.match(stray)
            ):
                into.setdefault(name, short)
                break
    for src, dst in into.items():
        while dst in into and into[dst] != src:
            dst = into[dst]
        if src in hits and dst in hits and src != dst:
            hits[dst].spans.extend(hits.pop(src).spans)
            spans_of[dst] |= spans_of.pop(src)
