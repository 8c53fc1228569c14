"""Organization names, found from their endings and read leftwards to where the name begins.

An ending (管委会, 有限公司, 促进会, 商务厅, 日报, 高新区 …) is found by one regex scan. The name's
head is read leftwards until a boundary: punctuation, a function word (由, 在, 和, 与, 的 …) or
an action verb (主办, 召开, 依托 …). The head must be *named*: a generic word (市委, 高新区,
该公司) is not an organization. Lists such as ``A、B、C等多家企业`` also yield each item, which
catches companies written without a legal ending. Each body is listed once, under the longest
name it is written with; a shorter name seen only inside a longer one is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extraction import lexicons

_MAX_HEAD = 18
# Where a name cannot extend past, read right to left: verbs and function words.
_BOUNDARY = re.compile(
    r"(?:主办|承办|协办|召开|举办|举行|参加|出席|组织|牵头|联合|指导|依托|成立|位于|来自|前往|考察|参观|走访|拜访|"
    r"会见|携手|签约|落户|入驻|引进|支持|推动|发布|介绍|表示|围绕|通过|作为|包括|其中|以及|还有|先后|分别|获悉|"
    r"邀请|陪同|带领|率领|宣布|透露|共建|设立|打造|建设|加快|推进|深化|实施|对接|服务|参与|代表|感谢|欢迎|希望|"
    r"就|由|在|和(?!信息化|旅游|城乡|社会|改革)|与|及|向|对|是|为|的|了|到|赴|从|据|受|将|把|被|让|请|于|至|等|"
    r"并|而|也|还|已|曾|即|给|以|按|率|随|这|那|该|其|各|你|他|她|们|次|时|年)"
)
# Heads that name no particular body (市委 in 市委书记, 高新区 alone, 国家级新区).
_GENERIC_HEAD = re.compile(
    r"^(?:国家级|省级|市级|区级|县级|国家|省|市|区|县|州|镇|乡|村|全国|全省|全市|全区|全县|各级|有关|相关|重点|重大|"
    r"本|该|各|全|新|多|两|一|这|此|其|驻|大|小|中|上级|下属|所属|龙头|优质|知名|著名|部分|行业|企业|地方|当地|"
    r"高新区|开发区|经开区|新区|园区|工业园|管委会|党工委|政府|人民政府)*$"
)
_NATIONAL_PREFIX = re.compile(r"(?:中共|共青团|国家|全国|国务院|中央|驻)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_HEAD_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9()（）·]+$")
_LIST_ORGS = re.compile(
    r"((?:[\u4e00-\u9fffA-Za-z0-9()（）]{2,20}、){1,12}[\u4e00-\u9fffA-Za-z0-9()（）]{2,20})"
    r"等(?:\d+|[一二两三四五六七八九十几多数]+)?[家个所]?[\u4e00-\u9fff]{0,6}?(?:企业|公司|单位|机构|高校|院校|集团|媒体|银行)"
)
_WEAK_OK_AFTER = re.compile(r"(?:[^\u4e00-\u9fff]|记者|讯|报道|消息|客户端|主办|承办|联合|等|和|与|及|的)")
_MEDIA_NEWS_HEAD = re.compile(r"[\u4e00-\u9fff]{2,6}$")


@dataclass(slots=True)
class OrgHit:
    value: str
    spans: list[tuple[int, int]]
    rule: str


def _head(text: str, start: int) -> str:
    """The characters before ``start`` that may belong to a name, up to a boundary."""
    lo = max(0, start - _MAX_HEAD)
    window = text[lo:start]
    m = _HEAD_CHARS.search(window)
    if not m:
        return ""
    window = window[m.start() :]
    cut = 0
    for b in _BOUNDARY.finditer(window):
        cut = b.end()
    head = window[cut:]
    # A name that holds a place usually starts with it (中国南方航空集团 after 会中): drop what
    # stands before the first place unless it is a known national prefix (中共, 国家, 驻 …).
    pm = lexicons.places().regex.search(head)
    if pm and pm.start() > 0 and not _NATIONAL_PREFIX.search(head, 0, pm.start()):
        head = head[pm.start() :]
    # A title ends a name: 主任王强 before 办公室 is not part of it.
    tl = lexicons.titles()
    last = 0
    for t in tl.regex.finditer(head):
        if t.group(0) not in tl.weak:
            last = t.end()
    return head[last:]


def _named(head: str, kind: str) -> bool:
    if kind == "dept":
        return True  # 商务厅 after a place or 省/市 prefix, or on its own, is a named department
    if len(head) < 2 or not _CJK.search(head):
        return False
    return not _GENERIC_HEAD.match(head)


def find_organizations(text: str, extra_names: list[str] | None = None) -> list[OrgHit]:
    lex = lexicons.org_suffixes()
    cands: list[tuple[int, int, str]] = []
    for m in lex.regex.finditer(text):
        ending = m.group(0)
        kind = lex.kinds[ending]
        head = _head(text, m.start())
        if kind == "dept":
            # A department needs a place or 省/市/区/县 before it, or a capital-level 国家/国务院.
            if not head:
                continue
        if not _named(head, kind):
            continue
        if kind == "weak":
            nxt = text[m.end() : m.end() + 4]
            if nxt and not _WEAK_OK_AFTER.match(nxt):
                continue
            if not _MEDIA_NEWS_HEAD.search(head):
                continue
            head = head[-4:]
        cands.append((m.start() - len(head), m.end(), "suffix:" + ending))
    for m in _LIST_ORGS.finditer(text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            a = pos
            pos += len(item) + 1
            head = _head(text[: a + len(item)], a + len(item))
            if len(head) < len(item):
                a += len(item) - len(head)
                item = head
            if 2 <= len(item) <= 20 and not _GENERIC_HEAD.match(item):
                cands.append((a, a + len(item), "list:等企业"))
    for name in extra_names or []:
        for m in re.finditer(re.escape(name), text):
            cands.append((m.start(), m.end(), "metadata"))
    # Longest first, so shorter names found only inside longer ones can be dropped.
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    hits: dict[str, OrgHit] = {}
    for a, b, rule in cands:
        if any(s <= a and b <= e and (s, e) != (a, b) for s, e in taken):
            continue
        value = text[a:b]
        hit = hits.get(value)
        if hit is None:
            # Every other occurrence of the name, not inside a longer name, is evidence too.
            hits[value] = hit = OrgHit(value, [], rule)
        if (a, b) not in hit.spans:
            hit.spans.append((a, b))
            taken.append((a, b))
    # Repeated mentions the endings scan did not reach (e.g. after a boundary word).
    for hit in hits.values():
        for m in re.finditer(re.escape(hit.value), text):
            span = (m.start(), m.end())
            if span not in hit.spans and not any(s <= span[0] and span[1] <= e for s, e in taken):
                hit.spans.append(span)
                taken.append(span)
        hit.spans.sort()
    return sorted(hits.values(), key=lambda h: h.spans[0])
