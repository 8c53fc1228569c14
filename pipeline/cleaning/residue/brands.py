"""Brand spam inside sentences: a gambling, lottery or wallet brand spliced into a clause.

A spam template does more than drop ad lines between paragraphs (``spam._spam_lines``); it
splices a brand with a download word into a sentence ("…突破后传中爱游戏体育下载，中路包抄…",
"…买入比特币，imtoken钱包安卓版下载如果价格下跌…"), prefixes the headline with a brand
("ayx:激情对决!…") or inserts a brand sentence of its own, the same sentence for several brands
("某某app官方版是当前备受关注的话题。"). Judged by features, not by a list of brands:

- the token: a name (Latin-led, or Han ending in a trade word: 体育, 彩票, 钱包…) followed by a
  download word (app, 官网, 下载, 安卓版, 入口…);
- no syntactic role: the token is not governed by the words before it (下载, 打开, 推出了, 在,
  的…) and nothing continues it after (it is followed by punctuation, a pronoun or conjunction
  opening the next clause, or a quantity), so the sentence reads whole without it;
- out of place in the article: its name does not occur elsewhere in the article (an app the
  story is about is named again, with a role);
- a template: two adjacent short sentences with a download word and the same long ending.

A sentence that names an app as its subject or object ("公司推出了开心体育app。", "打开某某app，
点击…") keeps it. Every removal is a ``spam`` edit naming the feature that fired.
"""

from __future__ import annotations

import re
from itertools import pairwise

from pipeline.charclass import HAN, HAN_CLASS
from pipeline.offsets import Edit

# Download and site words a brand token ends with; trade words its Han name ends with.
_DL = r"官方下载|官方版|官方网站|官网入口|官网首页|官网|安卓版|苹果版|手机版|客户端|下载|app|APP|App|入口"
_TRADE = r"体育|娱乐|彩票|钱包|电竞|棋牌|真人|电子|彩"
_TOKEN = re.compile(
    rf"(?:[A-Za-z][A-Za-z0-9]{{1,11}}(?:[{HAN_CLASS}]{{0,4}}?(?:{_TRADE}))?|[{HAN_CLASS}]{{1,4}}?(?P<trade>{_TRADE}))"
    rf"(?:[ \t]?(?:{_DL}))+"
)
_TOKEN_HINT = re.compile(_DL)  # every _TOKEN match holds one (tests/pipeline/cleaning/test_hints.py)
# A call to action: what a spliced Han-named brand carries ("爱游戏体育下载", "某某彩票官网入口").
_CALL = re.compile(r"下载|入口|安卓版|苹果版|官方版")
_NAME_END = re.compile(rf"(?:[ \t]?(?:{_DL}))+$")
# Words that give the token a role when they stand right before it: a verb of use or of launch,
# a preposition, a modifier or coordination marker.
_GOVERNOR = re.compile(
    r"(?:下载|打开|使用|用|登录|登陆|访问|进入|关注|搜索|安装|通过|在|前往|点击|扫码|注册|推出|发布|上线|名为|叫|"
    r"了|的|把|将|从|为|是|和|与|及|或|、|款|个|该|其|这|那|于|向|到|对)$"
)
# What may follow a token without a role: punctuation, a line end, a pronoun or conjunction
# opening the next clause, a number or quantity.
_CLAUSE_OPENER = re.compile(
    r"[，,。．.；;！!？?：:、\s]|$|(?:如果|假如|若|你|我|他|她|它|因此|所以|但|而|并且|同时|此外|其中|然而|虽然|因为|"
    r"于是|[0-9一二两三四五六七八九十几数]+[场个位名次项家年月日倍%])"
)
MAX_NAME = 4
MIN_TEMPLATE_END = 8
MAX_TEMPLATE_SENTENCE = 30
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]")
_TEMPLATE_DL = re.compile(r"官网|官方版|入口|下载|app|APP|App")
# A title prefix of lower-case Latin letters, optionally with Han after it: "ayx:", "pg电子模拟器:".
_TITLE_PREFIX = re.compile(rf"\A[ \t]*([a-z][a-z0-9]{{1,9}}[{HAN_CLASS}]{{0,6}})[:：]")
# A link glued to the first word of a paragraph: "https://www.example.com因此，…".
_GLUED_LINK = re.compile(rf"^[ \t]*https?://[A-Za-z0-9./\-_]+(?=[{HAN_CLASS}])", re.M)
_GLUED_LINK_HINT = re.compile("http")


def _name_start(text: str, trade: int) -> int:
    """Where a Han brand name before its trade word begins. The regex takes up to four characters
    and cannot tell "传中爱游戏体育" (name 爱游戏) from "传中星河体育" (name 星河); jieba (dictionary
    only) can: the name is the word before the trade word and the single characters stuck before
    it (an unknown name falls apart into them), up to a word of two or more characters."""
    from pipeline.cleaning.spinning import tokenize  # jieba loads only when a token is in question

    lo = max(0, trade - 8)
    words = tokenize(text[lo:trade])
    start = trade
    for k, word in enumerate(reversed(words)):
        if not HAN.fullmatch(word[0]) or (k > 0 and len(word) > 1) or trade - (start - len(word)) > MAX_NAME:
            break
        start -= len(word)
    return start


def _has_role(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t")
    if _GOVERNOR.search(before):
        return True
    return _CLAUSE_OPENER.match(text, end) is None


def _spliced_tokens(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for m in _TOKEN.finditer(text):
        start, end = m.start(), m.end()
        if not HAN.search(m.group()):
            continue  # "WhatsApp", "Keep App": a Latin name with a Latin download word is a product name
        if m.group("trade") is not None:
            if not _CALL.search(text, m.end("trade"), m.end()):
                continue  # "推出了全民健身体育app": a Han name with only "app" is a product named
            start = _name_start(text, m.start("trade"))
        token = text[start:end]
        name = _NAME_END.sub("", token)
        if len(name) < 2 or len(token) - len(name) < 2 or _has_role(text, start, end):
            continue
        # The name elsewhere in the article, outside its own spam tokens: the story is about it.
        rest = _TOKEN.sub("", text[:start] + "\n" + text[end:])
        if name in rest:
            continue
        # A token opening a line is a heading or a brand line (left to the line passes).
        if start == 0 or text[start - 1] == "\n":
            continue
        edits.append(Edit(start, end, "", "spam", f"brand spliced into a sentence: {token}"))
    return edits


def _template_sentences(text: str) -> list[Edit]:
    """Adjacent short sentences with a download word and the same long ending: one inserted
    sentence template filled with several brands."""
    found = [m for m in _SENTENCE.finditer(text) if len(m.group()) <= MAX_TEMPLATE_SENTENCE]
    edits: list[Edit] = []
    for a, b in pairwise(found):
        if a.end() != b.start() and text[a.end() : b.start()].strip():
            continue
        end_a, end_b = a.group()[::-1], b.group()[::-1]
        common = 0
        while common < min(len(end_a), len(end_b)) and end_a[common] == end_b[common]:
            common += 1
        if common < MIN_TEMPLATE_END:
            continue
        heads = (a.group()[: len(a.group()) - common], b.group()[: len(b.group()) - common])
        if all(_TEMPLATE_DL.search(h) for h in heads):
            for s in (a, b):
                if not edits or edits[-1].start != s.start():
                    edits.append(Edit(s.start(), s.end(), "", "spam", f"brand sentence template: {s.group()}"))
    return edits


def _title_prefix(text: str) -> list[Edit]:
    """A lower-case brand before the headline's colon that the article never uses with a role."""
    m = _TITLE_PREFIX.match(text)
    if m is None:
        return []
    brand = m.group(1)
    edits = [Edit(m.start(1), m.end(), "", "spam", f"brand before the headline: {brand}")]
    k = text.find(brand, m.end())
    while k >= 0:
        end = k + len(brand)
        if _CLAUSE_OPENER.match(text, end) is None:
            return []  # something continues it: the headline names the story's own subject
        edits.append(Edit(k, end, "", "spam", f"brand spliced into a sentence: {brand}"))
        k = text.find(brand, end)
    return edits


# Trade words in their Simplified form only (體育, 娛樂, 電競 in Traditional text).
_SIMPLIFIED_TRADE = re.compile(r"(?:体育|娱乐|电竞)+")
_SIMPLIFIED_TRADE_HINT = re.compile(r"体育|娱乐|电竞")


def _script_mismatch(text: str) -> list[Edit]:
    """A brand in Simplified characters spliced into a Traditional article ("張純信:凯捷体育娱乐泛海…"):
    the trade word and the name before it (no Traditional-only character in it) are foreign to
    the page's script, so the template, not the author, wrote them."""
    from pipeline.cleaning.script import detect_script, traditional_only

    if detect_script(_SIMPLIFIED_TRADE.sub("", text)) != "hant":  # the page's script, without the spam
        return []
    trad_only = traditional_only()
    edits: list[Edit] = []
    for m in _SIMPLIFIED_TRADE.finditer(text):
        start = m.start()
        while (
            start > 0
            and m.start() - start < MAX_NAME
            and HAN.match(text, start - 1)
            and (trad_only is None or not trad_only.match(text, start - 1))
        ):
            start -= 1
        token = text[start : m.end()]
        edits.append(Edit(start, m.end(), "", "spam", f"Simplified brand in a Traditional text: {token}"))
    return edits


def brand_spam(text: str) -> list[Edit]:
    """All brand-spam edits of ``text`` (possibly overlapping; the caller dedupes)."""
    edits: list[Edit] = []
    if _TOKEN_HINT.search(text):
        edits += _template_sentences(text)
        edits += _spliced_tokens(text)
    edits += _title_prefix(text)
    if _SIMPLIFIED_TRADE_HINT.search(text):
        edits += _script_mismatch(text)
    if _GLUED_LINK_HINT.search(text):
        edits += [
            Edit(m.start(), m.end(), "", "spam", f"link glued to a paragraph: {m.group().strip()}")
            for m in _GLUED_LINK.finditer(text)
        ]
    return edits


HINTED: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (_TOKEN, _TOKEN_HINT),
    (_GLUED_LINK, _GLUED_LINK_HINT),
    (_SIMPLIFIED_TRADE, _SIMPLIFIED_TRADE_HINT),
)
