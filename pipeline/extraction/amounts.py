"""Money amounts (``395.049亿元`` → 39504900000 yuan) and counts (``12家龙头企业``, ``签约项目143个``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.charclass import HAN_CLASS, is_han
from pipeline.extraction import lexicons
from pipeline.extraction.numbers import CN_NUMERAL_CHARS, as_int_if_whole, parse_number, scale
from pipeline.scan import after_any, anchored, word_starts

_NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_NUMERAL_CHARS}]+(?:点[零〇一二三四五六七八九]+)?)"
_MULT = "万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千"
_APPROX_BEFORE = "将近|接近|大约|超过|不少于|不低于|不到|近|约|超|逾|达|共|总计|合计|累计|高达"
_APPROX_AFTER = "以上|左右|上下|之多|有余|以内"
_YUAN = "元人民币|元|人民币|块钱"  # 128.5亿元人民币: the attached 人民币 is part of the text (GOLD.md)
_OTHER = "美元|欧元|港元|港币|日元|英镑|澳元|澳门元|韩元|卢布|新加坡元|新台币|台币|加元|瑞士法郎"

_AMOUNT = re.compile(
    rf"(?P<pre>{_APPROX_BEFORE})?(?P<num>{_NUM})?(?P<more1>多|余|几)?(?P<mult>{_MULT})?"
    rf"(?P<more2>多|余)?(?P<cur>{_OTHER}|{_YUAN})(?P<post>{_APPROX_AFTER})?"
)
# Headlines and summaries often drop 元 after 亿/万 (总投资100亿): such a figure is an amount when a
# money word stands just before it, and never when a unit of something else follows (亿人, 万吨).
_BARE = re.compile(
    rf"(?P<pre>{_APPROX_BEFORE})?(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)(?P<more1>多|余)?(?P<mult>万亿|亿|千万|万)"
    rf"(?P<more2>多|余)?(?P<post>{_APPROX_AFTER})?(?![{HAN_CLASS}]*?元)(?!人|吨|户|亩|平方|千瓦|度|台|辆|件|套|只|头|个|家|名|位|次|册|字|条|份|株|张|箱|立方|公里|米|千米|桶|美元|欧元|港元|日元|英镑)"
)
_MONEY_CONTEXT = re.compile(
    r"(?:投资|总额|金额|资金|营收|收入|产值|融资|签约额|交易额|销售额|成交额|合同额|规模|税收|利润|基金)[^，。；,;]{0,6}$"
)
# Words whose "approximately" reading makes an amount a bound rather than an exact figure.
_APPROX_WORDS = {"将近", "接近", "大约", "超过", "不少于", "不低于", "不到", "近", "约", "超", "逾", "高达"}


# A one-character "approximately" word that is really the end of another word (签约, 附近, 节约).
_GLUED_PRE = {"约": "签合契节制预邀公条", "近": "附最将接临", "超": "", "逾": "", "共": "公总", "达": "到表"}


def _pre_ok(text: str, start: int, pre: str | None) -> bool:
    if not pre or len(pre) != 1 or start == 0:
        return True
    return text[start - 1] not in _GLUED_PRE.get(pre, "")


_AMOUNT_PREFIX = _APPROX_BEFORE + CN_NUMERAL_CHARS + _MULT + ",.点多余几"
_CURRENCIES = (_OTHER + "|" + _YUAN).split("|")
# Only where a currency word starts (人 only in 人民币): no match holds its currency anywhere else.
_find_amounts = anchored(
    _AMOUNT, "".join(w[0] for w in _CURRENCIES), _AMOUNT_PREFIX, candidates=word_starts(_CURRENCIES)
)
# A bare figure has digits (or 多/余) right before its multiplier.
_BARE_PREFIX = _APPROX_BEFORE + ",.多余"
_find_bare = anchored(_BARE, "万亿千", _BARE_PREFIX, candidates=after_any(_BARE_PREFIX, "万亿千"))


@dataclass(frozen=True, slots=True)
class Amount:
    text: str
    yuan: int | float | None
    approximate: bool
    start: int
    end: int
    context: str


def find_amounts(text: str) -> list[Amount]:
    out: list[Amount] = []
    for m in _find_amounts(text):
        num, mult, cur = m.group("num"), m.group("mult"), m.group("cur")
        if not num and not (mult and mult[0] in "千百十"):
            continue  # 亿元项目 is a size class, not an amount
        if num and not mult and not num[0].isdigit() and len(num) == 1 and num in "一两":
            continue  # 一元化, 两元 stay out unless they carry digits or a multiplier
        if num and num[0] in CN_NUMERAL_CHARS and not mult and cur == "元" and _is_word_part(text, m.start("num")):
            continue
        value = parse_number(num) if num else 1.0
        if value is None:
            continue
        pre = m.group("pre") if _pre_ok(text, m.start(), m.group("pre")) else None
        num_start = m.start("num") if num else m.start("mult")
        start = m.start("pre") if pre in _APPROX_WORDS else num_start
        end = m.end()
        approximate = bool(m.group("pre") in _APPROX_WORDS or m.group("more1") or m.group("more2") or m.group("post"))
        yuan: int | float | None = None
        if cur not in _OTHER.split("|"):
            yuan = as_int_if_whole(scale(value, mult or ""))
        chain = _CHAIN_BEFORE.search(text, max(0, num_start - 24), num_start) if num and num[0].isdigit() else None
        if chain and start == num_start and yuan is not None:
            # 260亿129万5千元, 36亿5千元: one figure written in parts, each part a number and a unit.
            head = sum(scale(parse_number(p) or 0.0, u) for p, u in _CHAIN_PART.findall(chain.group(0)))
            yuan = as_int_if_whole(head + scale(value, mult or ""))
            start = num_start = chain.start()
        lead = _FOREIGN_LEAD.search(text, max(0, num_start - 6), num_start)
        if lead and start == num_start:
            start, yuan = lead.start(), None  # 新台币7630亿元, NT$500万元: the 元 is that currency's
        if yuan is None and not lead:
            start = num_start  # matched by its text: GOLD drops 约/超/逾 from it (approximate keeps it)
        ctx = text[max(0, start - 12) : start].split("\n")[-1]
        ctx = re.split(r"[，。；,;：:！？!?]", ctx)[-1]
        out.append(Amount(text[start:end], yuan, approximate, start, end, ctx))
    bare = find_bare_amounts(text, [(a.start, a.end) for a in out])
    found = _restated_foreign(sorted(out + bare, key=lambda a: a.start))
    if found and "人民币" not in text and (_NT_PAGE.search(text) or set_in_taiwan(text)):
        # A text that counts its money in New Taiwan dollars, or is set in Taiwan, and never names the
        # renminbi: its bare 元 (高达221亿元) is the New Taiwan dollar (the 元 of the place), not yuan.
        found = [_as_foreign(a, text) for a in found]
    return found


_NT_PAGE = re.compile(r"新台币|台币|NT\$")
# Taiwan's place names must make up most of the text's divisions for it to be set there: a mainland
# story about Taiwanese investors names its own cities more often than Taiwan's.
_TAIWAN_MIN_MENTIONS = 4
_TAIWAN_SHARE = 2 / 3


def set_in_taiwan(text: str) -> bool:
    """Whether the divisions ``text`` names are mostly Taiwan's (台湾, 高雄, 宜兰 …): its 元 is then
    the New Taiwan dollar. Countries and regions are not counted."""
    lex = lexicons.places()
    taiwan = other = 0
    for _, _, form in lex.matcher.finditer(text):
        div = lex.by_form[form]
        if div.level == "region":
            continue  # 日本, 粤港澳大湾区: where the story looks, not where it is set
        if div.province == "台湾省":
            taiwan += 1
        else:
            other += 1
    return taiwan >= _TAIWAN_MIN_MENTIONS and taiwan >= _TAIWAN_SHARE * (taiwan + other)


def _as_foreign(a: Amount, text: str) -> Amount:
    if a.yuan is None:
        return a
    start = a.start
    lead = re.match(rf"(?:{_APPROX_BEFORE})", a.text)
    if lead:
        start += lead.end()
    return Amount(text[start : a.end], None, a.approximate, start, a.end, a.context)


# The leading parts of a figure written in parts (260亿129万 before 5千元).
_CHAIN_BEFORE = re.compile(r"(?:\d+(?:\.\d+)?(?:亿|万))+$")
_CHAIN_PART = re.compile(r"(\d+(?:\.\d+)?)(亿|万)")
# A foreign currency written before the figure (新台币7630亿元, 港币3亿元, NT$500万元).
_FOREIGN_LEAD = re.compile(r"(?:新台币|台币|港币|港元|澳门币|澳门元|美元|欧元|日元|英镑|NT\$|US\$|HK\$|MOP\$?)\s*$")


def _figure(a: Amount) -> str:
    m = re.search(rf"{_NUM}(?:多|余)?(?:{_MULT})?", a.text)
    return m.group(0) if m else a.text


def _restated_foreign(amounts: list[Amount]) -> list[Amount]:
    """The same figure restated without its currency (新台币7630亿元 … 已超过7630亿元) is still that
    currency: no yuan value for the repeat."""
    foreign = {_figure(a) for a in amounts if a.yuan is None and not a.text.startswith("人民币")}
    if not foreign:
        return amounts
    out = []
    for a in amounts:
        if a.yuan is not None and _figure(a) in foreign:
            lead = re.match(rf"(?:{_APPROX_BEFORE})", a.text)
            k = lead.end() if lead else 0
            a = Amount(a.text[k:], None, a.approximate, a.start + k, a.end, a.context)
        out.append(a)
    return out


def find_bare_amounts(text: str, taken: list[tuple[int, int]]) -> list[Amount]:
    """``总投资100亿``: a money figure without 元, read only in a money context."""
    out: list[Amount] = []
    for m in _find_bare(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if text[m.end() : m.end() + 1] == "元":
            continue
        start = m.start("pre") if m.group("pre") in _APPROX_WORDS else m.start("num")
        if not _MONEY_CONTEXT.search(text, max(0, start - 12), start):
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        approximate = bool(m.group("pre") in _APPROX_WORDS or m.group("more1") or m.group("more2") or m.group("post"))
        ctx = re.split(r"[，。；,;：:！？!?\n]", text[max(0, start - 12) : start])[-1]
        yuan = as_int_if_whole(scale(value, m.group("mult")))
        out.append(Amount(text[start : m.end()], yuan, approximate, start, m.end(), ctx))
    return out


def _is_word_part(text: str, pos: int) -> bool:
    """A Chinese numeral glued to a preceding CJK character is usually part of a word (统一元)."""
    return pos > 0 and is_han(text[pos - 1]) and text[pos - 1] not in "近约超逾达共计"


# -- counts ---------------------------------------------------------------------------------

_CLASSIFIERS = "家|个|位|名|项|场|届|批|条|所|座|款|户|支|台|套|架|艘|辆|人|只|部|栋|幢|处|次"
_COUNT = re.compile(
    rf"(?P<pre>近|约|超过|超|逾|共|达|累计|合计|总计)?(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|[两二三四五六七八九十百千]"
    rf"[{CN_NUMERAL_CHARS}]*)(?P<more>多|余|几)?(?P<mult>万|亿)?(?P<more2>多|余)?(?P<cls>{_CLASSIFIERS})(?P<more3>余|多)?"
)
# Nouns counted in this domain; the "what" of a count is the shortest phrase ending in one of them.
_COUNT_NOUNS = (
    "企业家|企业|公司|项目|单位|机构|高校|院校|院所|大学|人才|专家|代表|嘉宾|客商|园区|示范区|基地|平台|"
    "推介会|大会|会议|论坛|展会|洽谈会|对接会|发布会|专题活动|"
    "活动|措施|线路|景区|饭店|酒店|民宿|城市|地区|国家|省份|行业|领域|协议|合同|集群|产业链|孵化器|众创空间|"
    "实验室|研发平台|研究院|商会|协会|团队|岗位|人员|工程|品牌|上市公司|会议|论坛|场次|展位|客户|门店|园|区|县|市"
)
_NOUN_AFTER = re.compile(rf"[{HAN_CLASS}A-Za-z]{{0,10}}?(?:{_COUNT_NOUNS})")
_NOUN_BEFORE = re.compile(rf"(?P<noun>{_COUNT_NOUNS})(?:达到|达|为|共|有|超过|近|约|累计|合计)?$")
# 次 counts occurrences of an activity written just before it (赴深圳招商23次, 开展对接活动50余次).
_ACTIVITY_BEFORE = re.compile(
    r"(?P<noun>招商|对接|拜访|考察|走访|洽谈|推介|座谈|会谈|调研|活动|会议|对接会|推介会|洽谈会)(?:活动)?"
    r"(?:达到|达|共|累计|合计|超过)?$"
)
# A count is not a count when it is a rank, a duration or part of a fixed phrase.
_NOT_AFTER_CLS = ("月", "小时", "工作日", "百分点", "季度", "星期", "周", "年", "岁", "倍", "亿", "万", "点")
_NOT_BEFORE = ("第", "前", "后", "进", "每", "逐", "这", "那", "各", "某")
# ...except 进 closing a verb of bringing in (引进225家企业, 招进, 迎进): there the figure is what came.
_BRING_IN = ("引进", "招进", "迎进", "拉进")


@dataclass(frozen=True, slots=True)
class Count:
    text: str
    value: int
    what: str
    approximate: bool
    start: int
    end: int


_COUNT_PREFIX = "近约超过逾共达累计合总" + CN_NUMERAL_CHARS + ",.多余几万亿"
# A count has a numeral (or 多/余/万 …) right before its classifier: only those classifiers are tried.
_CLASSIFIER_CHARS = _CLASSIFIERS.replace("|", "")
_COUNT_CANDIDATES = after_any(_COUNT_PREFIX, _CLASSIFIER_CHARS)
_find_counts = anchored(_COUNT, _CLASSIFIER_CHARS, _COUNT_PREFIX, candidates=_COUNT_CANDIDATES)


def find_counts(text: str) -> list[Count]:
    out: list[Count] = []
    for m in _find_counts(text):
        num = m.group("num")
        cls = m.group("cls")
        ns = m.start("num")
        if ns > 0 and text[ns - 1] in _NOT_BEFORE and text[max(0, ns - 2) : ns] not in _BRING_IN:
            continue
        if (m.start("num") > 0 and text[m.start("num") - 1] in "“‘\"'") or text[m.end() : m.end() + 1] in ("”", "’"):
            continue  # “两个维护”, ‘四个一’: slogans, not counts
        if m.start("num") > 0 and (text[m.start("num") - 1].isdigit() or text[m.start("num") - 1] == "."):
            continue  # the tail of a longer number
        if "." in num and not m.group("mult"):
            continue  # 2.5家 is no count; 7.5万家 is
        rest = text[m.end() : m.end() + 4]
        if cls in "届次" and rest and (rest[0].isdigit() or rest[0] in "一二两三四五六七八九十"):
            continue  # 十一届三次全会: an ordinal of a session, not a count
        if rest.startswith(_NOT_AFTER_CLS) or (cls == "个" and rest[:1] == "月"):
            continue
        value = parse_number(num)
        if value is None or value <= 0:
            continue
        if m.group("mult"):
            value = round(value * (10_000 if m.group("mult") == "万" else 100_000_000))
        approximate = bool(m.group("more") or m.group("more2") or m.group("more3"))
        pre = m.group("pre") if _pre_ok(text, m.start(), m.group("pre")) else None
        approximate = approximate or pre in ("近", "约", "超过", "超", "逾")
        start = m.start("pre") if pre in ("近", "约", "超过", "超", "逾") else m.start("num")
        end = m.end()
        what = ""
        after = _NOUN_AFTER.match(text, end)
        clause_end = end >= len(text) or not is_han(text[end])
        if after and not clause_end:
            what = after.group(0)
            end = after.end()
        else:
            before = _NOUN_BEFORE.search(text, max(0, start - 8), start)
            if before:
                what = before.group("noun")
                start = before.start()
        if not what and cls in ("个", "只", "部", "处", "条", "台"):
            continue  # a bare 3个 or 5条 without a counted noun is too vague to keep
        if cls == "次" and not what:
            act = _ACTIVITY_BEFORE.search(text, max(0, start - 8), start)
            if not act:
                continue  # 3次 alone: how often, of nothing named
            what, start = act.group("noun"), act.start()
        if cls == "人" and not what:
            what = "人"
        out.append(Count(text[start:end], int(value), what, approximate, start, end))
    return out


# What the gold counts (GOLD.md: "only projects, companies and agreements/deals"): a count whose
# counted noun names one of these, or a bare 家 figure (40家, 160多家: 家 counts firms). People
# (名/位/人, 企业家, 客商), events (场), places (县, 城市, 关税区), bodies (商会, 协会) and measures are
# figures of the story but not counts of deals.
_DEAL_NOUN = re.compile(r"(?:项目|企业|公司|厂商|集团|协议|合同|签约)$")
_DEAL_CLASSIFIERS = ("家", "个", "项")
_NOT_FIRM = re.compile(r"(?:会|协会|商会|联合会|社团|县|市|区|省|国|城市|地区|高校|院校|大学|医院|学校)$")
_PREPOSITIONS = "在于从向到来对与"


def counts_deals(c: Count) -> bool:
    """Is ``c`` a count of projects, companies or agreements (what the ``counts`` field holds)?"""
    cls = _classifier(c)
    if cls not in _DEAL_CLASSIFIERS or c.what.endswith(("企业家", "人")):
        return False
    if cls == "家":
        # 家 counts firms (80多家餐厅饭店) unless the noun is a body or a place (9家商会, 六家…县); a
        # "noun" opening with a preposition (十多家在台北县投资) is the next clause, not the noun.
        return not c.what or c.what[0] in _PREPOSITIONS or not _NOT_FIRM.search(c.what)
    return bool(_DEAL_NOUN.search(c.what))


def _classifier(c: Count) -> str:
    m = _COUNT.search(c.text)
    return m.group("cls") if m else ""
