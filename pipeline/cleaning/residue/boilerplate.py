"""Page furniture judged by structure, not by phrase lists (after jusText's boilerplate removal).

Each non-empty line gets features: its length, its share of Han characters against digits,
Latin letters and punctuation, the density of function words (particles, prepositions,
conjunctions: prose is full of them, menus and counters have none), separators (``| > » /``),
short items side by side (a link list), words of page furniture (one feature among several:
no word removes a line by itself), markup left by a template, and whether the line sits in the
head or tail zone of the page. From them a line is *content*, *furniture* (strong evidence),
*weak* (some evidence) or *plain* (none). As in jusText, context decides the weak ones: a weak
line between furniture (or the page edge) is furniture; between content it stays. Plain lines
are never removed by context, so a title or a short paragraph between page-info lines stays.

Three signals look beyond the line: a header of related content (相关新闻, 推荐阅读) in the tail
ends the article; a heading line repeated later in the head or tail is a doubled heading; and a
line the store has seen in many articles of the same site (``known_lines``, keys from
:func:`line_key`) is site furniture. Every removal is a ``boilerplate`` change with its reason,
undoable by the reviewer (``skip``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from pipeline.charclass import HAN_CLASS
from pipeline.cleaning.base import Step, han_count, key_finder, run_edits, runs_where
from pipeline.cleaning.containers import parse_date
from pipeline.cleaning.pinyin import spells_all
from pipeline.cleaning.residue import doc_collections, page_chrome
from pipeline.cleaning.residue.captions import is_marked_caption
from pipeline.offsets import Edit
from pipeline.resources import resource_path

KIND = "boilerplate"
ZONE_LINES = 8  # head and tail zones: this many non-empty lines at either end
MAX_FURNITURE_LINE = 40  # furniture lines are short; a longer line needs markup or a known key
CONTENT_HAN = 15
RELATED_TAIL_SHARE = 0.4  # a related-content header ends the article only in the last 40 %


@dataclass(frozen=True, slots=True)
class Furniture:
    words: dict[str, str]  # word → category
    function_words: frozenset[str]


def _table(name: str) -> list[str]:
    with open(resource_path(name), encoding="utf-8") as fh:
        return [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _lexicon() -> Furniture:
    words = dict(ln.split("\t", 1) for ln in _table("page_furniture.tsv"))
    return Furniture(words=words, function_words=frozenset(_table("function_words.txt")))


@lru_cache(maxsize=1)
def _finders() -> tuple[object, object]:
    lex = _lexicon()
    return key_finder(lex.words), key_finder(lex.function_words)


def line_key(line: str) -> str:
    """A short key of a line for counting it across articles: NFKC, no spaces, digits as 0.

    Counters and dates differ from page to page ("浏览次数:864"), the label does not.
    """
    norm = unicodedata.normalize("NFKC", line)
    norm = _DIGITS.sub("0", "".join(norm.split()))
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


_DIGITS = re.compile(r"\d+")
_LATIN = re.compile(r"[A-Za-z]")
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_COMMA = re.compile(r"[，,]")
_HEADING_LIKE = re.compile(r"^[^。！？!?]*$")
_SEPARATOR = re.compile(r" [|｜>＞»›/·_] |[|｜»›]|(?<=[^\s\d])[>＞](?=[^\s\d])|>>|(?<=[^\s_])_(?=[^\s_])")
_LOST_SEPARATOR = re.compile(r"\?")
_CRUMB = re.compile(r"[>＞»›]")
_ITEM_SPLIT = re.compile(r"\s+|[|｜>＞»›]|(?<=[^\s_])_(?=[^\s_])")
# Page-info fields: a label and its value ("浏览次数:864", "记者: 张三").
_FIELD_LABEL = re.compile(
    r"(?:发布|更新|发表|上传)(?:时间|日期|人|者)|时间|日期|来源|作者|记者|通讯员|编辑|责编|[一二三]审|摄影(?:报道)?"
    r"|浏览(?:次数|量)?|阅读(?:量|数)?|点击(?:量|数|率)?|评论|文档(?:序号|编号)|页数|大小|格式|指导单位|建设单位"
    r"|主办单位|承办单位|技术支持|刊号|E-?mail"
)
_FIELD = re.compile(rf"(?:{_FIELD_LABEL.pattern})\s*[:：]")
# A publication stamp: a full date, with a time of day or another count after it.
_DATE = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?")
_STAMP = re.compile(
    rf"{_DATE.pattern}\s*(?:\d{{1,2}}:\d{{2}}|\d+\b|星期|周[一二三四五六日天]|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
)
_FULL_STAMP = re.compile(rf"^{_DATE.pattern}\s*\d{{1,2}}:\d{{2}}:\d{{2}}$")
# A count a page prints beside its stamp: "5417阅读", "86浏览" (a number and its unit).
_COUNT = re.compile(r"\d+\s*(?:次阅读|阅读|次浏览|浏览|人气)")
# A line made only of stamps: dates, times of day, counts and their labels ("13.11.2017 02:15",
# "2022年10月19日, 11:58 (更新: 2022年10月19日, 13:23)", "2025-06-21 06:50:14 0次"). It needs a
# time of day: a date alone ends a government notice as its signature date.
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_STAMP_PART = re.compile(
    rf"{_DATE.pattern}|\b\d{{1,2}}\.\d{{1,2}}\.\d{{4}}\b|{_TIME.pattern}|{_COUNT.pattern}|\d+\s*次"
    r"|更新|发布|时间|日期|[\s:：,，()（）\[\]【】|｜/]"
)
# A generic label and its colon, "信息索引号:", "体裁分类:", and one with nothing after it.
_LABEL = re.compile(rf"[{HAN_CLASS}]{{2,5}}[:：]")
_EMPTY_LABEL = re.compile(rf"[{HAN_CLASS}]{{2,5}}[:：]\s*(?=[{HAN_CLASS}]{{2,5}}[:：]|$)")
# A telephone number alone on a line: "400-007-6266", "010-86223221", "0755-83216080".
_PHONE = r"(?:(?:\+?86|\(0\d{2,3}\))[\s-]?)?(?:\d{3,4}[\s-]\d{3,4}[\s-]?\d{3,4}|\d{3,4}-\d{7,8}|1[3-9]\d{9})"
# ... or behind a short label of its own ("新闻热线:0816-2395666", "客服电话：400-…"): above the
# story it is the site's header as well.
_PHONE_LINE = re.compile(rf"^([{HAN_CLASS}]{{2,6}}\s*[:：]\s*)?{_PHONE}$")
# The page numbers of a document site or a PDF: "_第1页", "第1页 / 共21页", "Page 1:", "1of 103",
# "— 2 —".
_DOC_PAGE = re.compile(
    r"_第\d+[页頁]$|第\s*\d+\s*[页頁]\s*[/／]\s*共\s*\d+\s*[页頁]|^Page \d+\b|\bPage \d+ of \d+\b|^\d+\s?of\s?\d+$"
    # The page number at the foot of a printed government document: "— 2 —", "- 3 -".
    r"|^[—\-–]{1,2}\s*\d{1,3}\s*[—\-–]{1,2}$"
)
# A rule line under a heading: "*****", "-----", "=====".
_RULE = re.compile(r"^[*=\-_~#·•]{5,}$")
# Markup a template left in the text: HTML comments, PHP/ASP tags, file names of pages.
_MARKUP_HINT = re.compile(r"<|-->|\?>|\(\)|content_|/enpproperty|&nbsp|\{\$|\$\{|!\[")  # in every _MARKUP match
# ... and an image a Markdown conversion left without its picture: "![]()", "![logo](/img/a.png)".
_MARKUP = re.compile(
    r"<!--|-->|<\?|\?>|\w+\(\)\)?;|\bcontent_\d+\.s?html?\b|/enpproperty|&nbsp;|\{\$|\$\{|!\[[^\]\n]{0,40}\]\([^)\n]{0,200}\)"
)
# An e-paper page label: 第A05版: / A01版:要闻 / 02版:要闻 / 第3版().
_EPAPER_PAGE = re.compile(r"(?:^|[\s:：])第?[A-Z]?\d{1,3}版(?:[:：(（]|$)")
# The page label an e-paper appends to a headline it prints twice: "护城河建设正酣(一版)".
_EPAPER_SUFFIX = re.compile(r"[(（]第?[A-Z]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})版[)）]$")
# A date or time alone on a line ("2021-07-14", "16:40", "星期三", "2020年12月30日").
_DATE_ONLY = re.compile(r"^[\d\s年月日号:：/.\-]*(?:星期|周)?[一二三四五六日天]?[\d\s年月日号:：/.\-()（）]*$")
# A line that is only a web address or a page id: "(//www.example.com)", "0100702000100000000…".
_URL_LINE = re.compile(r"^[(（\[]?(?:(?:https?:)?//|www\.)[\w.\-]+\.[A-Za-z]{2,}[^\s)）\]]*[)）\]]?$")
_ID_LINE = re.compile(r"^[0-9A-Fa-f]{20,}$")
# A page-info line led by the site's address: "http://www.example.com 2019/7/8 某研究所 佚名".
_URL_START = re.compile(r"^(?:https?://|www\.)\S+\s")
# The font-size buttons of a page: "A A A", "A+ A-", "大 中 小".
_FONT_SWITCH = re.compile(r"^(?:[AaＡ][+\-＋－]?\s*){2,3}$|^[大中小](?:\s*[大中小]){2}$")
# The placeholder a page leaves where its picture was, a bracketed picture word alone on a line:
# "【资料图】", "[图片]", "（组图）", "【视频】", "(相关资料图)". No prose is a bracketed word by itself.
_PHOTO_TAG = re.compile(
    r"^[【\[（(]\s*(?:相关)?(?:资料|新闻|现场|组|高清)?(?:图|图片|照片|视频|摄影|配图)\s*[】\]）)]$"
)
# A site's greeting atop its pages: "欢迎您来到某某电子有限公司!", "欢迎光临某某范文网".
_GREETING = re.compile(r"^欢迎(?:您)?(?:来到|光临|访问|进入)[^，,。；;\n]{2,30}[!！。]?$")
# A copyright notice at the foot of a page: "版权为某某所有 未经同意不得复制或镜像", "© 2017".
_COPYRIGHT = re.compile(
    r"版权(?:所有|归|为[^。\n]{1,30}所有)|Copyright|©|未经[^。\n]{0,20}(?:同意|许可|授权)[^。\n]{0,10}不得"
    # A repost site's disclaimer: "如侵权请联系删除", "侵删".
    r"|如[有涉]?侵权|侵权[^。\n]{0,10}删除|侵删"
    # A line under a copyright label: a document-sharing site's notice ("版权说明:本文档由用户提供…").
    r"|^版权(?:说明|声明)\s*[:：]",
    re.I,
)
# The second line of a breadcrumb broken after its first item: "> 某某产业园开工".
_CRUMB_CONTINUED = re.compile(r"^[>＞»›]\s*\S")
# An e-paper's pointer to its other pages: "详见C03、C04、C05版", "详见第5版".
_EPAPER_SEE = re.compile(r"^(?:详见|见|转)第?[A-Z]?\d{1,3}(?:[、,，][A-Z]?\d{1,3})*版$")
# Script code a template printed into the page: "str += '…'; if(! GetObj(\"x\")){ return; }".
_SCRIPT_TOKEN = re.compile(
    r"\+=|\)\s*\{|\}\s*(?:else)?|;\s*(?://|$|[a-z]\w*\s*(?=\+?[=(.]))|[\"']\s*(?=;)|\w+\.\w+\(|\w+\([\"']|\.(?:innerHTML|href)\b|\bwindow\."
    r"|[\"']\s*\+|\+\s*[\"']|==|!=|\breturn\b|\bvar\b|\bfunction\b"
)
# Gambling and adult-site words, and the words an ad uses to solicit: an ad line dropped onto a
# page ("某某赌场官网") holds one of each, or several of the first, and shares none with the story.
_VICE = re.compile(
    r"赌场|博彩|娱乐城|百家乐|老虎机|棋牌|六合彩|彩票|真人视讯|无码|黄色|色情|成人视频|人妻|伦理片|乱伦|精品国产|国产精品"
    r"|(?<![A-Za-z])[Aa][Vv](?![A-Za-z])"
)
_SOLICIT = re.compile(r"官网|官方网站|网址|平台|注册|开户|下载|[Aa][Pp][Pp]|入口|在线观看|免费|网站")
# A document site names the document twice in its notice: "《X.docx》由会员分享…更多相关《X.docx(30页珍藏版)》".
_DOC_NOTICE = re.compile(r"《([^《》\n]{2,60}?)(?:\([^()《》\n]{0,20}\))?》[^\n]*《\1")
# A brand and its site words alone on a line: "某某官网app".
_BRAND_ONLY = re.compile(
    rf"^([A-Za-z0-9]{{2,8}}|[{HAN_CLASS}]{{2,6}}?)(?:官网|官方网站|app|APP|App|平台|入口|下载){{2,}}$"
)
_FILE_EXT = re.compile(r"\.(?:docx?|pdf|pptx?|xlsx?|wps|txt)$", re.I)
_BULLET = re.compile(r"^[•·▪●○◆◇■□\-*]\s*")
_BULLET_FIRST = frozenset("•·▪●○◆◇■□-*")
_RELATED_HEADER = re.compile(r"^[【\[]?(?:[^\s【】\[\]]{0,4})[】\]]?$")
_BRACKETS = "【】[]()（）<>《》:：·•|｜ "
HINTED = ((_EPAPER_PAGE, re.compile("版")), (_MARKUP, _MARKUP_HINT))


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str  # stripped
    size: int  # characters without spaces
    han: int
    furniture: list[str]  # categories of the furniture words found, one per word
    covered: int  # characters of the line inside furniture words
    function: int  # function words found
    separators: int
    items: list[str]
    word_items: int
    cls: str = ""  # content / furniture / weak / plain
    reason: str = ""
    repeated_prefix: int = 0  # characters at the start that repeat the heading above
    prefix_note: str = "repeated heading"  # why repeated_prefix goes
    key: str = ""  # the text without a leading bullet (see _key), filled on first use
    stamp_tail: int = 0  # characters at the end that are the site's stamp (see _site_stamps)
    tail_note: str = "the site's name and address stamped on the text"  # why stamp_tail goes


LONG_LINE = 160  # no furniture rule looks at a longer line that ends a sentence, save markup


def _lines(text: str) -> list[_Line]:
    """The features of every non-empty line. The word scans run once over the whole text (one
    C-level scan instead of one call per line) and their hits are shared out to the lines."""
    spans = [(m.start(), m.end()) for m in _NONEMPTY.finditer(text)]
    if not spans:
        return []
    starts = [a for a, _ in spans]
    furniture_finder, function_finder = _finders()
    words = _lexicon().words
    cats: list[list[str]] = [[] for _ in spans]
    covered = [0] * len(spans)
    fw = [0] * len(spans)
    if furniture_finder is not None:
        for m in furniture_finder.finditer(text):  # type: ignore[attr-defined]
            i = bisect_right(starts, m.start()) - 1
            cats[i].append(words[m.group()])
            covered[i] += m.end() - m.start()
    if function_finder is not None:
        for m in function_finder.finditer(text):  # type: ignore[attr-defined]
            fw[bisect_right(starts, m.start()) - 1] += 1
    out: list[_Line] = []
    for i, (a, b) in enumerate(spans):
        line = text[a:b].strip()
        size = len(line) - line.count(" ")
        han = han_count(line)
        if size > LONG_LINE and han >= CONTENT_HAN and _SENTENCE_END.search(line) and not _MARKUP_HINT.search(line):
            # A paragraph of the story (most lines of a page): no item split needed.
            out.append(_Line(a, b, line, size, han, cats[i], covered[i], fw[i], 0, [], 0, cls="content"))
            continue
        items = [it for it in _ITEM_SPLIT.split(line) if it]
        # Furniture words standing as items of their own ("返回 下载 相关", "【打印此页】"); inside
        # a phrase (关注民生, 分享发展成果) the same words are ordinary words.
        word_items = sum(1 for it in items if it.strip(_BRACKETS) in words)
        separators = len(_SEPARATOR.findall(line))
        out.append(_Line(a, b, line, size, han, cats[i], covered[i], fw[i], separators, items, word_items))
    return out


def _is_sentence(ln: _Line) -> bool:
    """Prose: a sentence end, or several commas in a line of some length with function words."""
    if _SENTENCE_END.search(ln.text):
        return True
    return len(_COMMA.findall(ln.text)) >= 2 and ln.han >= 20 and ln.function > 0


def _classify(ln: _Line, in_zone: bool) -> tuple[str, str]:
    if ln.cls == "content":
        return "content", ""
    s, n = ln.text, ln.size
    words = _lexicon().words
    sentence = _is_sentence(ln)
    markup = _MARKUP.search(s) is not None
    if markup and (n <= 200 or ln.han < 0.5 * n):
        return "furniture", "template markup"
    if _EPAPER_PAGE.search(s) and n <= MAX_FURNITURE_LINE and not sentence:
        return "furniture", "e-paper page label"
    if _DOC_PAGE.search(s) and n <= 120:
        return "furniture", "document page number"
    if in_zone and _RULE.match(s):
        return "furniture", "rule line"
    if in_zone and ln.han == 0 and (_URL_LINE.match(s) or _ID_LINE.match(s)):
        return "furniture", "web address or page id"
    if _URL_START.match(s) and _DATE.search(s) and not sentence and n <= 120:
        return "furniture", "page-info line led by the site's address"
    if _FONT_SWITCH.match(s):
        return "furniture", "font-size switch"
    if _PHOTO_TAG.match(s):
        return "furniture", "picture placeholder"
    if in_zone and page_chrome.is_epoch_stamp(s):
        return "furniture", "bare Unix timestamp"
    if page_chrome.is_loading_placeholder(s):
        return "furniture", "loading placeholder"
    if in_zone and _GREETING.match(s):
        return "furniture", "site greeting"
    if in_zone and n <= 160 and not _SENTENCE_END.search(s) and _COPYRIGHT.search(s):
        return "furniture", "copyright notice"
    if in_zone and _CRUMB_CONTINUED.match(s) and not sentence:
        return "furniture", "breadcrumb (continued)"
    if _EPAPER_SEE.match(s):
        return "furniture", "e-paper page reference"
    if ln.han < 0.5 * n and (in_zone or ln.han < 0.2 * n) and _is_script(s):
        return "furniture", "script code"
    fields = len(_FIELD.findall(s)) + (1 if _STAMP.search(s) else 0) + (1 if _COUNT.search(s) else 0)
    if in_zone and n <= 80 and _TIME.search(s) and not _STAMP_PART.sub("", s):
        return "furniture", "publication stamp"
    labels = len(_LABEL.findall(s))
    if (
        in_zone
        and labels >= 2
        and n <= 80
        and not sentence
        and (_EMPTY_LABEL.search(s) or (_DATE.search(s) and not _COMMA.search(s)))
    ):
        # "信息索引号: 1133…/2022-145483 主题分类:": a record's fields, some of them empty (a
        # contact line "联系人：张三，联系电话：…" fills every field and stays).
        return "furniture", "page-info fields"
    # Two page-info fields: a "?" here is a separator lost to a wrong encoding, not a question.
    if fields >= 2 and n <= 160 and not _SENTENCE_END.search(_LOST_SEPARATOR.sub(" ", s)):
        return "furniture", "page-info fields"
    if in_zone and _FULL_STAMP.match(s):
        return "furniture", "publication stamp"
    if len(ln.items) >= 3 and words.get(ln.items[0]) == "nav" and not sentence and max(map(len, ln.items)) <= 12:
        return "furniture", "breadcrumb"  # "首页 新闻 正文", "Home 新闻区 交通产经": no separators
    crumbs = len(_CRUMB.findall(s))
    if crumbs >= 2 and n <= 160 and ln.furniture and "nav" in ln.furniture:
        return "furniture", "breadcrumb"
    if crumbs >= 2 and not sentence and len(ln.items) >= 3 and max(len(i) for i in ln.items) <= 12:
        return "furniture", "breadcrumb"
    if ln.separators >= 3 and len(ln.items) >= 4 and max(len(i) for i in ln.items) <= 16 and not sentence:
        return "furniture", "link list"
    fw_density = ln.function / max(ln.han, 1)
    if in_zone and n <= LONG_LINE and len(ln.furniture) >= 3 and fw_density < 0.08 and ln.covered >= 0.25 * n:
        # Document sites word their furniture as sentences ("本资源只提供10页预览，全部文档请下载后查看！").
        return "furniture", "page furniture words"
    if ln.han >= CONTENT_HAN and (sentence or fw_density >= 0.08) and ln.covered < 0.3 * n:
        return "content", ""
    if n > MAX_FURNITURE_LINE and ln.han >= CONTENT_HAN:
        return "content", ""
    found = ln.furniture
    short_items = len(ln.items) >= 3 and max(len(i) for i in ln.items) <= 12 and not sentence
    if n <= MAX_FURNITURE_LINE and not sentence:
        if ln.word_items and ln.covered >= 0.5 * n and (len(found) >= 2 or in_zone):
            return "furniture", "page furniture words"
        if ln.covered >= 0.8 * n and in_zone:
            return "furniture", "page furniture words"
        if short_items and (ln.word_items or ln.separators >= 2):
            return "furniture", "link list"
        if ln.word_items and len(found) >= 2 and fw_density < 0.08:
            return "furniture", "page furniture words"
        if found and ln.han <= 2:
            return "furniture", "page furniture (no prose)"
        if in_zone and fields and n <= 30:
            return "furniture", "credit or page-info field"
        if in_zone and _STAMP.search(s):
            return "weak", "publication stamp"
        if ln.separators >= 2 and ln.han < 0.8 * n:
            return "weak", "separators"
        if found or short_items:
            return "weak", "page furniture word"
        if in_zone and (ln.han == 0 or _DATE_ONLY.match(s) or _DATE.search(s)):
            return "weak", "date or number"
        if in_zone and n <= SHORT_ITEM:
            return "weak", "short line"  # a site name between menu lines; titles are longer
    return "plain", ""


SHORT_ITEM = 6


def _is_related_header(s: str) -> bool:
    core = s.strip(_BRACKETS)
    return _lexicon().words.get(core) == "related" and _RELATED_HEADER.match(s.replace(core, "")) is not None


def remove_boilerplate(
    text: str,
    *,
    known_lines: Collection[str] | None = None,
    skip: Callable[[int, int], bool] | None = None,
) -> Step:
    """Remove lines of page furniture; ``known_lines`` are :func:`line_key` keys of lines the store
    saw in many articles of this site; ``skip(start, end)`` says a reviewer put a line back."""
    lines = _lines(text)
    n = len(lines)
    if not n:
        return run_edits(KIND, text, [], "page furniture removed")
    head_end, tail_start = min(ZONE_LINES, n), max(n - ZONE_LINES, 0)
    _classify_all(lines, range(n), head_end, tail_start, known_lines)
    _ad_lines(lines, text)
    head_end, tail_start = _story_zones(lines, head_end, tail_start, known_lines)
    story = next((i for i, ln in enumerate(lines) if ln.cls == "content"), 0)
    for k, ln in enumerate(lines[:story]):
        # A telephone number alone above the story is the site's hotline; below it, the contact
        # a notice ends with ("联系电话：" / "0551-1234567") stays. A labelled one is the site's
        # only in the page's header, above its headline (nothing but furniture above it): under
        # the headline it may be the notice's own contact put first.
        m = _PHONE_LINE.match(ln.text)
        if m is not None and (not m.group(1) or all(x.cls == "furniture" for x in lines[:k])):
            ln.cls, ln.reason = "furniture", "telephone number"
    _doc_notices(lines, head_end)
    _repeats(lines, head_end)
    _vertical_menus(lines, head_end, tail_start)
    _related_tail(lines)
    _headline_lists(lines)
    _teaser_tail(lines)
    _doubled_headings(lines, head_end, tail_start)
    page_chrome.dialogs(lines)
    page_chrome.app_header(lines)
    page_chrome.title_segments(lines)
    page_chrome.headline_before_stamp(lines)
    doc_collections.collection_items(lines)
    doc_collections.second_document(lines)
    doc_collections.item_label(lines)
    page_chrome.digest_greeting(lines)
    _resolve_weak(lines, head_end, tail_start)
    # After the weak lines are resolved: a line between these and other furniture is not
    # judged by them (a headline, a form's first field).
    page_chrome.template_header(lines)
    page_chrome.channel_label(lines)
    doc_collections.editor_intro(lines)
    _tail_run(lines, tail_start)
    _empty_label_end(lines)
    _disclaimer_end(lines)
    page_chrome.tag_lines(lines)  # below the story: after the site's notices are known
    page_chrome.disclaimers_between_furniture(lines)
    _site_stamps(lines)
    page_chrome.author_field_at_end(lines)
    _link_before_story(lines)
    _truncated_copies(lines)
    _inserted_links(lines)
    edits = [
        Edit(ln.start, ln.end, "", KIND, ln.reason)
        for ln in lines
        if ln.cls == "furniture" and not (skip is not None and skip(ln.start, ln.end))
    ]
    for ln in lines:
        if ln.repeated_prefix and ln.cls != "furniture":
            a = ln.start + (len(text[ln.start : ln.end]) - len(text[ln.start : ln.end].lstrip()))
            b = a + ln.repeated_prefix
            if not (skip is not None and skip(a, b)):
                edits.append(Edit(a, b, "", KIND, ln.prefix_note))
        if ln.stamp_tail and ln.cls != "furniture":
            raw = text[ln.start : ln.end]
            b = ln.start + len(raw.rstrip())
            a = b - ln.stamp_tail
            if not (skip is not None and skip(a, b)):
                edits.append(Edit(a, b, "", KIND, ln.tail_note))
    step = run_edits(KIND, text, edits, "page furniture removed (by structure)")
    step.undoable = True
    repeated = [ln.text for ln in lines if ln.cls == "furniture" and ln.reason == "repeated heading"]
    if repeated:
        # A signal for title choice (extraction decides): the page printed this heading twice.
        step.metadata["repeated_heading"] = repeated[0]
    stamp = _first_removed_stamp(lines[:head_end])
    if stamp is not None:
        # A removed stamp line is the page's publication date: kept for extraction, not lost.
        step.metadata["published_raw"] = stamp
        date = parse_date(stamp)
        if date:
            step.metadata["published_at"] = date
    return step


def _classify_all(
    lines: list[_Line], which: range, head_end: int, tail_start: int, known_lines: Collection[str] | None
) -> None:
    for i in which:
        ln = lines[i]
        ln.cls, ln.reason = _classify(ln, i < head_end or i >= tail_start)
        # Shared with other articles of the site, and not prose (a repost shares its paragraphs).
        if ln.cls in ("plain", "weak") and known_lines and line_key(ln.text) in known_lines:
            ln.cls, ln.reason = "furniture", "line shared by many articles of this site"


def _story_zones(
    lines: list[_Line], head_end: int, tail_start: int, known_lines: Collection[str] | None
) -> tuple[int, int]:
    """The head zone reaches to the story's first paragraph and the tail zone from its last, as
    in jusText, where a page's long header (a menu, a document site's notices) outgrows the
    fixed ``ZONE_LINES``. The lines the wider zones take in are judged again as zone lines."""
    contents = [i for i, ln in enumerate(lines) if ln.cls == "content"]
    if not contents:
        return head_end, tail_start
    new_head, new_tail = max(head_end, contents[0]), min(tail_start, contents[-1] + 1)
    _classify_all(lines, range(head_end, new_head), new_head, new_tail, known_lines)
    _classify_all(lines, range(new_tail, tail_start), new_head, new_tail, known_lines)
    return new_head, new_tail


def _ad_lines(lines: list[_Line], text: str) -> None:
    """An ad for a gambling or adult site whose words the story never uses (judged before the
    story's zones are drawn: a long ad line above the headline reads like its first paragraph),
    and a brand with its site words alone atop the page ("某某官网app") that the story never names."""
    for ln in lines[:2]:
        m = _BRAND_ONLY.match(ln.text)
        if m is not None and m.group(1) not in text[: ln.start] + text[ln.end :]:
            ln.cls, ln.reason = "furniture", "brand line atop the page"
    for ln in lines:
        if ln.cls == "furniture" or _SENTENCE_END.search(ln.text) or ln.size > 120:
            continue
        vice = {m.group() for m in _VICE.finditer(ln.text)}
        if vice and (len(vice) >= 2 or _SOLICIT.search(ln.text)) and ln.function / max(ln.han, 1) < 0.08:
            rest = text[: ln.start] + "\n" + text[ln.end :]
            if not vice & {m.group() for m in _VICE.finditer(rest)}:
                ln.cls, ln.reason = "furniture", "gambling or adult-site ad"


def _doc_notices(lines: list[_Line], head_end: int) -> None:
    """A document site's notice in the head naming twice the document the page heads."""
    own = {_BULLET.sub("", ln.text) for ln in lines}
    for ln in lines[: head_end + 1]:  # the notice may be the first line read as prose
        m = _DOC_NOTICE.search(ln.text)
        # The document's title is a line of the page, or carries a file's extension
        # ("《某报告.docx》由会员分享…"): no book or plan a story cites is a .docx.
        if m is not None and ln.size <= 200 and (m.group(1).strip() in own or _FILE_EXT.search(m.group(1))):
            ln.cls, ln.reason = "furniture", "document site's notice"


MENU_BLOCK = 3  # lines in a run of repeated short lines: a menu the page draws more than once
MENU_RUN = 4  # one-word lines in a run: a menu drawn down the page
LONG_MENU_RUN = 6  # so many need no furniture word among them
REPEATED_PARAGRAPH = 20


def _key(ln: _Line) -> str:
    """The line without a leading bullet: a menu item drawn as "• 财经" and as "财经" is one."""
    if not ln.key:
        ln.key = _BULLET.sub("", ln.text) if ln.text[:1] in _BULLET_FIRST else ln.text
    return ln.key


def _repeats(lines: list[_Line], head_end: int) -> None:
    """Repetition inside the page, the in-page twin of the store's cross-article count: a
    paragraph printed twice keeps its first copy (an e-paper or a slideshow prints a photo's
    story twice); a run of short lines that each recur is a menu the page draws more than once
    (desktop and mobile navigation), and a short line recurring between paragraphs is an
    inserted widget ("我是广告 请继续往下阅读"); a short line recurring with a furniture word is a
    menu item. A heading printed twice is left to :func:`_doubled_headings`."""
    counts = Counter(_key(ln) for ln in lines)
    seen: set[str] = set()
    twice: list[int] = []
    for i, ln in enumerate(lines):
        k = _key(ln)
        if ln.cls == "content" and REPEATED_PARAGRAPH <= len(k) <= LONG_LINE and _SENTENCE_END.search(k):
            if k in seen:
                twice.append(i)
            seen.add(k)
    # One paragraph printed again further down (a photo's story, a caption); a run of copies is
    # a whole text pasted twice, and a copy right under its original a stutter: both are left to
    # the reviewer (and a line joined to its neighbour by a later step cannot change the verdict
    # when the text is cleaned again).
    for i in twice:
        near = {i - 1, i + 1}
        if not near & set(twice) and _key(lines[i - 1]) != _key(lines[i]):
            lines[i].cls, lines[i].reason = "furniture", "paragraph printed twice"
    short = [
        ln.cls != "content" and ln.size <= 20 and not _SENTENCE_END.search(ln.text) and counts[_key(ln)] >= 2
        for ln in lines
    ]
    i = 0
    while i < len(lines):
        if not short[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and short[j]:
            j += 1
        # Distinct lines: a doubled headline with a separator above each copy is no menu.
        if len({_key(ln) for ln in lines[i:j]}) >= MENU_BLOCK:
            for ln in lines[i:j]:
                ln.cls, ln.reason = "furniture", "menu drawn more than once"
        i = j
    contents = [i for i, ln in enumerate(lines) if ln.cls == "content"]
    first, last = (contents[0], contents[-1]) if contents else (0, -1)
    inserted: dict[str, list[_Line | None]] = {}  # None: a copy outside the story
    for i, ln in enumerate(lines):
        if not short[i] or ln.cls == "furniture":
            continue
        if ln.furniture:
            ln.cls, ln.reason = "furniture", "menu item drawn more than once"
        else:
            # Inside the story (not its heading or its foot), and a phrase of its own with a
            # space in it ("我是广告 请继续往下阅读"), not a one-phrase subheading used twice.
            # Judged by where the story's paragraphs are, not by the next line, so a caption
            # lifted or a heading removed later does not change the verdict on a second pass.
            inside = first < i < last and len(ln.items) >= 2 and ln.han >= 4
            inserted.setdefault(_key(ln), []).append(ln if inside else None)
    for group in inserted.values():
        # Every copy between two paragraphs: a caption under two photos ends the page once.
        copies = [ln for ln in group if ln is not None]
        if len(group) >= 2 and len(copies) == len(group) and not is_marked_caption(copies[0].text):
            for ln in copies:
                ln.cls, ln.reason = "furniture", "line repeated between paragraphs"
    _watermarks(lines, counts)
    # The page's window title, "标题 - 站名", above the headline it repeats.
    texts = {ln.text for ln in lines}
    for w, ln in enumerate(lines[:head_end]):
        m = _SITE_SUFFIX.match(ln.text)
        if m is not None and ln.cls != "furniture" and m.group(1) in texts:
            ln.cls, ln.reason = "furniture", "window title with the site's name"
            # Between the window title and the headline it repeats the page draws its header
            # (font switch, weather widget, site features): short lines, none of them prose.
            h = next((k for k in range(w + 1, head_end) if lines[k].text == m.group(1)), None)
            header = lines[w + 1 : h] if h is not None else []
            if all(x.size <= HEADER_LINE and not _SENTENCE_END.search(x.text) for x in header):
                for x in header:
                    if x.cls != "furniture":
                        x.cls, x.reason = "furniture", "page header above the headline"
    # A headline an e-paper prints twice, once with its page label: "标题(一版)" above "标题".
    for ln in lines[:head_end]:
        m = _EPAPER_SUFFIX.search(ln.text)
        if m is not None and ln.text[: m.start()].strip() in texts:
            ln.cls, ln.reason = "furniture", "e-paper page label"


# A site's name and its address stamped on a document's text, alone on a line or after a
# paragraph's last sentence: "…工作开展。 某某汇 www.mouhui.com". The address spells the name.
_SITE_STAMP = re.compile(
    rf"(?:^|(?<=[。！？!?”」]))\s*([{HAN_CLASS}]{{2,8}})\s*(?:https?://)?(?:www\.)?([A-Za-z][A-Za-z0-9]{{2,30}})"
    r"\.[A-Za-z]{2,6}(?:\.[A-Za-z]{2,3})?/?\s*$"
)


def _site_stamps(lines: list[_Line]) -> None:
    for ln in lines:
        if ln.cls == "furniture" or "." not in ln.text:
            continue
        m = _SITE_STAMP.search(ln.text)
        if m is None or not spells_all(m.group(1), m.group(2)):
            continue
        if m.start() == 0:
            ln.cls, ln.reason = "furniture", "the site's name and address"
        else:
            ln.stamp_tail = len(ln.text) - m.start()


# Leading labels ("本文摘要:", "摘要:") and what two copies of a text may differ in (quotes,
# spaces, punctuation): compared on their letters alone.
_LEADING_LABELS = re.compile(rf"^(?:[{HAN_CLASS}]{{2,6}}[:：]\s*)+")
_NOT_LETTER = re.compile(rf"[^{HAN_CLASS}A-Za-z0-9]")
MIN_COPY = 40


MIN_LINK_WORD = 3


def _link_before_story(lines: list[_Line]) -> None:
    """A page link run into the story's first paragraph ("返回列表 烈日当空，…"): a navigation or
    tool word of the lexicon standing as the paragraph's first item, a space, then prose."""
    first = next((ln for ln in lines if ln.cls == "content"), None)
    if first is None or first.repeated_prefix:
        return
    word, _, rest = first.text.partition(" ")
    if len(word) < MIN_LINK_WORD or _lexicon().words.get(word) not in ("nav", "tool"):
        return
    if han_count(rest) >= CONTENT_HAN:
        first.repeated_prefix = len(first.text) - len(rest.lstrip())
        first.prefix_note = "a page link run into the first paragraph"


def _letters(s: str) -> str:
    return _NOT_LETTER.sub("", _LEADING_LABELS.sub("", s))


def _truncated_copies(lines: list[_Line]) -> None:
    """A labelled line that is the next line's beginning cut off mid-sentence (a site's teaser
    copy of an abstract, "本文摘要:…" above the abstract itself): the full text follows, so the
    cut copy goes. A headline the lead repeats is short and has no label."""
    for ln, nxt in pairwise(lines):
        if ln.cls == "furniture" or not _LEADING_LABELS.match(ln.text) or not _cut_short(ln):
            continue
        a, b = _letters(ln.text), _letters(nxt.text)
        if len(a) >= MIN_COPY and len(b) > len(a) and b.startswith(a):
            ln.cls, ln.reason = "furniture", "cut copy of the next paragraph"


# A link to another page set between a text's paragraphs: a label naming a related-content kind
# ("推荐阅读:", "相关论文范文:") and a title, no sentence.
_LINK_LINE = re.compile(rf"^([{HAN_CLASS}]{{2,10}})\s*[:：]\s*(\S[^。！？!?]{{3,40}})$")


def _inserted_links(lines: list[_Line]) -> None:
    contents = [i for i, ln in enumerate(lines) if ln.cls == "content"]
    if len(contents) < 2:
        return
    words = _lexicon().words
    for ln in lines[contents[0] + 1 : contents[-1]]:
        # A title is often long enough to read as prose here: the label decides, not the class.
        m = _LINK_LINE.match(ln.text)
        if m is None:
            continue
        label = m.group(1)
        if any(words.get(label[k:]) in ("related", "link") for k in range(len(label) - 1)):
            ln.cls, ln.reason = "furniture", "link to another page between paragraphs"


WATERMARK_COPIES = 3


def _watermarks(lines: list[_Line], counts: Counter[str]) -> None:
    """A document site's watermark: one short line, no sentence, printed at least
    ``WATERMARK_COPIES`` times through the text, at least two of them between the story's
    paragraphs (a heading printed twice, or a menu, stays at the page's edges; a marked photo
    caption is left to the captions)."""
    contents = [i for i, ln in enumerate(lines) if ln.cls == "content"]
    if len(contents) < 2:
        return
    first, last = contents[0], contents[-1]
    groups: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        k = _key(ln)
        if (
            counts[k] >= WATERMARK_COPIES
            and ln.cls != "content"
            and ln.size <= 20
            and ln.han >= 4
            and not _SENTENCE_END.search(ln.text)
        ):
            groups.setdefault(k, []).append(i)
    for k, idx in groups.items():
        # Each copy cuts into prose: a paragraph beside it, longer than any verse line (a song's
        # refrain recurs between verse lines, which stay with it).
        if not all(_beside_prose(lines, i) for i in idx):
            continue
        inside = [i for i in idx if first < i < last]
        if len(idx) >= WATERMARK_COPIES and len(inside) >= 2 and not is_marked_caption(k):
            for i in idx:
                if lines[i].cls != "furniture":
                    lines[i].cls, lines[i].reason = "furniture", "watermark line printed through the text"


WATERMARKED_PARAGRAPH = 60


def _beside_prose(lines: list[_Line], i: int) -> bool:
    return any(
        0 <= j < len(lines) and lines[j].cls == "content" and lines[j].size > WATERMARKED_PARAGRAPH
        for j in (i - 1, i + 1)
    )


HEADER_LINE = 30
_SITE_SUFFIX = re.compile(r"^(.{6,}?)\s+[-–—|｜_]\s+\S.{0,20}$")


def _vertical_menus(lines: list[_Line], head_end: int, tail_start: int) -> None:
    """A run of one-word lines at the head or tail of the page, one of them a furniture word (or
    a long run): a menu drawn down the page (栏目 lists, footers)."""
    for i, j in runs_where(lines, _menu_item):
        run = lines[i:j]
        named = any(ln.furniture for ln in run) or len(run) >= LONG_MENU_RUN
        if len(run) >= MENU_RUN and (i < head_end or j > tail_start) and named:
            for ln in run:
                if ln.cls != "furniture":
                    ln.cls, ln.reason = "furniture", "menu drawn down the page"


def _menu_item(ln: _Line) -> bool:
    return ln.cls != "content" and len(_key(ln)) <= SHORT_ITEM and ln.han >= 1 and not _SENTENCE_END.search(ln.text)


# A publish-date field whose year has two or three digits (发布日期:99-05-17, a Minguo date on
# Taiwan pages): kept as written for extraction, which alone knows the page's script.
_SHORT_YEAR_FIELD = re.compile(
    r"(?:发布日期|发布时间|發布日期|發布時間|日期)\s*[:：]\s*(\d{2,3}[-/.]\d{1,2}[-/.]\d{1,2})(?!\d)"
)


def _first_removed_stamp(head: list[_Line]) -> str | None:
    for ln in head:
        if ln.cls == "furniture" and page_chrome.is_iso_stamp(ln.text):
            return ln.text  # with its zone: parse_date converts it to Beijing time
        if ln.cls == "furniture" and _STAMP.search(ln.text):
            m = _DATE.search(ln.text)
            if m is not None:
                return m.group()
        if ln.cls == "furniture" and (short := _SHORT_YEAR_FIELD.search(ln.text)) is not None:
            return short.group(1)
    return None


_NONEMPTY = re.compile(r"^[ \t]*\S[^\n]*$", re.M)


def _related_tail(lines: list[_Line]) -> None:
    """A related-content header in the tail: it and everything after it is not the article."""
    if len(lines) < 3:
        return
    first = lines[0].start + (lines[-1].end - lines[0].start) * (1 - RELATED_TAIL_SHARE)
    for i in range(1, len(lines)):
        if lines[i].start >= first and _is_related_header(lines[i].text):
            for ln in lines[i:]:
                ln.cls, ln.reason = "furniture", f"after related-content header「{lines[i].text}」"
            return


HEADLINE_RUN = 4  # headline-like lines in a run: a list of other stories' titles
MIN_HEADLINE, MAX_HEADLINE = 8, 45
# Inside a headline: a clause break ("进球无效!申花反击", "迪达:国米仍是…", two phrases with a space).
_HEADLINE_BREAK = re.compile(rf"[，,！!？?：:](?=\S)|(?<=[{HAN_CLASS}])\s+(?=[{HAN_CLASS}])")
# An ordinal opens a heading of the text's own outline (第一章, 一、, 1., (二)): a table of contents.
_ORDINAL = re.compile(
    r"^(?:第[一二三四五六七八九十百\d]+[章节条部篇]|[一二三四五六七八九十]+[、.．]|\d+[、.．]|[(（][一二三四五六七八九十\d]+[)）])"
)
# A teaser cut short: "…迎来佛罗伦萨的...". Chinese prose ends a trailing-off sentence with "……".
_TEASER_END = re.compile(r"(?:\.{3}|(?<!…)…)$")
MIN_TEASERS = 2
_EMPTY_LABEL_LINE = re.compile(rf"^[{HAN_CLASS}]{{1,6}}[:：]$")


def _paragraph_stop(s: str) -> bool:
    """A full stop, or a colon ending the line (it introduces what follows): no headline."""
    return "。" in s or s[-1] in ":："


def _paragraph(ln: _Line) -> bool:
    """A paragraph of the story: a line of some length with a full stop (headlines may carry ! ?)."""
    return ln.size > MAX_HEADLINE and "。" in ln.text


def _headline_like(ln: _Line) -> bool:
    s = ln.text
    if not MIN_HEADLINE <= ln.size <= MAX_HEADLINE or _paragraph_stop(s) or _ORDINAL.match(s):
        return False
    if ln.han < 0.6 * ln.size:
        return False  # a stamp or a code line, not a title
    return s[0] in _BULLET_FIRST or _HEADLINE_BREAK.search(s) is not None


def _headline_lists(lines: list[_Line]) -> None:
    """A run of other stories' headlines above the story or below it (a site's 热点 or 相关 list
    without its header): at least ``HEADLINE_RUN`` lines in a row, each headline-like (a bullet, or
    a clause break inside a short line with no full stop), with no paragraph between them and the
    page edge. A list the story introduces ("签约项目如下:") or sets between its paragraphs stays."""
    paras = [i for i, ln in enumerate(lines) if _paragraph(ln)]
    if not paras:
        return
    for lo, hi in ((0, paras[0]), (paras[-1] + 1, len(lines))):
        for i, j in runs_where(lines, _headline_like, lo, hi):
            introduced = i > 0 and lines[i - 1].text[-1] in ":："
            # Distinct titles: a headline the page prints three times is a doubled heading. Lines
            # of one or two lengths are verse (a poem quoted at the head or foot), not titles.
            verse = len({ln.size for ln in lines[i:j]}) <= 2
            if len({_key(ln) for ln in lines[i:j]}) >= HEADLINE_RUN and not introduced and not verse:
                for ln in lines[i:j]:
                    if ln.cls != "furniture":
                        ln.cls, ln.reason = "furniture", "list of other headlines"


def _teaser_tail(lines: list[_Line]) -> None:
    """Teasers of other stories ending the page: lines cut short with "..." (a date glued before
    or between them), at least ``MIN_TEASERS`` of them and nothing else up to the page end. A
    teaser the page cut at its width without the dots (a long line ending inside a word) belongs
    to the run, and so does the empty label heading it ("标签:", "相关:"): its links are the run."""
    run: list[_Line] = []
    teasers = 0
    for ln in reversed(lines):
        if _TEASER_END.search(ln.text):
            teasers += 1
        elif not (_DATE_ONLY.match(ln.text) or _cut_short(ln)):
            break
        run.append(ln)
    if teasers >= MIN_TEASERS:
        above = len(lines) - len(run) - 1
        if above > 0 and _EMPTY_LABEL_LINE.match(lines[above].text):
            run.append(lines[above])
        for ln in run:
            if ln.cls != "furniture":
                ln.cls, ln.reason = "furniture", "teasers of other stories"


CUT_LINE = 20


def _cut_short(ln: _Line) -> bool:
    """A long line ending in the middle of a word: a Han character or a digit last, no closing
    mark. A paragraph ends with one; a heading or a credit is short."""
    return ln.size >= CUT_LINE and ln.han >= 0.6 * ln.size and (ln.text[-1].isdigit() or han_count(ln.text[-1]) == 1)


def _disclaimer_end(lines: list[_Line]) -> None:
    """The site's notices ending the page, below the story (not the whole text): a repost
    disclaimer set under a 声明 label ("郑重声明:此文为本网转载…"), its numbered clauses, and the
    site's call to follow its own channels (see :func:`page_chrome.is_site_notice`)."""
    for ln in reversed(lines[1:]):
        if ln.cls == "furniture" and not _SENTENCE_END.search(ln.text):
            continue  # a footer line already judged
        if page_chrome.is_site_notice(ln):
            ln.cls, ln.reason = "furniture", "the site's notice below the story"
            continue
        break


def _empty_label_end(lines: list[_Line]) -> None:
    """A label with nothing after it ending the page ("标签:", "本题链接:"): its links were lost."""
    if len(lines) >= 2 and _EMPTY_LABEL_LINE.match(lines[-1].text) and lines[-1].cls != "furniture":
        lines[-1].cls, lines[-1].reason = "furniture", "empty label ending the page"


MIN_HEADING = 8
MAX_HEADING_PREFIX = 15


def _doubled_headings(lines: list[_Line], head_end: int, tail_start: int) -> None:
    """A heading repeated (a title above and below the page-info line, at the foot of the page,
    or a byline drawn twice) keeps its first occurrence only. Only the lines above the story's
    first paragraph count as headings: a caption used under two photos (签约仪式现场) is not one."""
    first: dict[str, int] = {}
    story_began = False
    for i, ln in enumerate(lines):
        # A photo caption is lifted out of the body after this step, so it does not start the
        # story: judged with it, a heading repeated below it would stay, and cleaning the result
        # again (the caption gone) would remove the repeat.
        # A headline the classifier took for prose (long, with function words) is still a
        # heading: it neither starts the story nor escapes being found printed again.
        headline = ln.cls == "content" and _is_headline(ln)
        story_began = story_began or (ln.cls == "content" and not headline and not is_marked_caption(ln.text))
        if i < head_end and ln.cls == "content":
            # The heading run into the first paragraph: "标题 更新时间:… 3月14日，…".
            for t in first:
                if len(t) >= MIN_HEADING and ln.text.startswith(t) and ln.text[len(t) : len(t) + 1].isspace():
                    raw = ln.text[len(t) :]
                    ln.repeated_prefix = len(ln.text) - len(raw.lstrip())
                    break
        if (ln.cls == "content" and not headline) or len(ln.text) < 4 or not _HEADING_LIKE.match(ln.text):
            continue
        if ln.text in first and (i < head_end or i >= tail_start):
            if ln.cls != "furniture":
                ln.cls, ln.reason = "furniture", "repeated heading"
            continue
        if i < head_end and ln.cls != "furniture" and any(
            len(t) >= MIN_HEADING
            and ln.text.endswith(t)
            and len(ln.text) - len(t) <= MAX_HEADING_PREFIX
            for t in first
        ):
            # The heading again behind a site's label: "某某官网最新热点:标题".
            ln.cls, ln.reason = "furniture", "repeated heading"
            continue
        if not story_began:
            first.setdefault(ln.text, i)


SCRIPT_TOKENS = 3


def _is_script(s: str) -> bool:
    """Code, not prose: several code tokens, and the Han characters a minority of the line."""
    return len(_SCRIPT_TOKEN.findall(s)) >= SCRIPT_TOKENS and han_count(s) < 0.5 * len(s.replace(" ", ""))


def _is_headline(ln: _Line) -> bool:
    return ln.size <= MAX_FURNITURE_LINE and _HEADING_LIKE.match(ln.text) is not None and not _COMMA.search(ln.text)


def _resolve_weak(lines: list[_Line], head_end: int, tail_start: int) -> None:
    """jusText's context step: a weak line takes the class of its neighbours when both agree
    that it is furniture (the page edge counts as furniture in the head and tail zones, when
    the page has an article at all: a lone heading is not the furniture of nothing)."""
    if not any(ln.cls == "content" for ln in lines):
        head_end, tail_start = 0, len(lines)
    for i, ln in enumerate(lines):
        if ln.cls != "weak":
            continue
        before = _neighbour(lines, i, -1, head_end, tail_start)
        after = _neighbour(lines, i, 1, head_end, tail_start)
        if before == "furniture" and after == "furniture":
            ln.cls = "furniture"
            ln.reason += " between page furniture"
        else:
            ln.cls = "plain"


TAIL_ITEM = 30
# The story's closing credit: "（记者 张三 通讯员 李四）", "（本报记者 王五 摄）".
_CREDIT = re.compile(r"^[(（][^()（）]*(?:记者|通讯员|报道|摄|编辑|文/|图/)[^()（）]*[)）]$")


def _tail_run(lines: list[_Line], tail_start: int) -> None:
    """The short lines that end the page after the story (QR-code prompts, app links, a counter)
    are furniture when one of them holds a furniture word: a run from the page end of lines
    without a sentence end, each short."""
    run: list[_Line] = []
    for ln in reversed(lines[tail_start:]):
        if ln.cls == "content" or ln.size > TAIL_ITEM or _SENTENCE_END.search(ln.text) or _CREDIT.match(ln.text):
            break
        run.append(ln)
    if any(ln.furniture for ln in run) and any(ln.cls != "furniture" for ln in run):
        for ln in run:
            if ln.cls != "furniture":
                ln.cls, ln.reason = "furniture", "short lines ending the page"


def _neighbour(lines: list[_Line], i: int, step: int, head_end: int, tail_start: int) -> str:
    j = i + step
    while 0 <= j < len(lines) and lines[j].cls == "weak":
        j += step
    if j < 0:
        return "furniture" if i < head_end else "edge"
    if j >= len(lines):
        return "furniture" if i >= tail_start else "edge"
    return lines[j].cls
