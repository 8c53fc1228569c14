"""What a site's app or widgets print around the story, judged by a line's shape and place.

The boilerplate classifier (``boilerplate``) asks these questions about its lines:

- a bare Unix timestamp in the head or tail (an app's header prints its raw ``1632808380``),
  and a player's loading placeholder anywhere (``视频加载中...``);
- a tag or keyword line below the story (``相关:甲 乙 丙``, ``标签：…``, ``#话题# #话题#``): a
  label of the tag family and short items, or hashtags alone, never a sentence;
- a dialog the page leaves in the text (a pop-up or a browser-upgrade notice): a line made only
  of button labels (``我知道了``, ``现在升级 稍后再说``) at the page's head or foot, with the
  message lines that stand between it and the page edge;
- a digest's greeting (``…早上好!…今天是5月23日,星期四…``) at the head: today's date with a
  greeting or a welcome to the programme, which no news lead carries;
- the site's notices below the story: a 声明 that speaks of the site or of the reader's risk, its
  numbered body, and the site's call to follow or download its own channels.

No single word removes a line: each judgement needs the line's shape (a label and items, a button
line, a greeting and a date) and its position (head, foot, below the story) together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from pipeline.charclass import HAN, HAN_CLASS


class Line(Protocol):
    text: str
    size: int
    cls: str
    reason: str
    stamp_tail: int  # characters at the end of the line to cut, and why
    tail_note: str


# -- single lines -------------------------------------------------------------------------------

# A Unix time in seconds (or milliseconds) between 2000 and 2038: what an app's template prints
# when it forgets to format the stamp. A phone number has 11 digits, a year 4.
_EPOCH = re.compile(r"^(1\d{9})(\d{3})?$")
EPOCH_MIN, EPOCH_MAX = 946_684_800, 2_147_483_647


def is_epoch_stamp(s: str) -> bool:
    m = _EPOCH.match(s)
    return m is not None and EPOCH_MIN <= int(m.group(1)) <= EPOCH_MAX


# A media player's or a page's loading placeholder left as text: "视频加载中...", "网刊加载中。。。",
# "正在加载，请稍候…", "Loading..." (news, e-paper and reading-site pages of the pages corpus). It
# stands alone on its line wherever the player was; no prose is only that.
_LOADING = re.compile(
    r"^(?:(?:视频|图片|音频|内容|数据|页面|网刊|评论)?\s*(?:正在加载中?|加载中)|loading)\s*[.。…·]*"
    r"\s*(?:[,，]?\s*请稍[候后等][.。…]*)?$",
    re.I,
)


def is_loading_placeholder(s: str) -> bool:
    return ("加载" in s or "oading" in s) and _LOADING.match(s) is not None


# A tag line: a label of the tag family, its colon and short items ("相关:李某 招商局 大湾区",
# "标签：体育 签约", "Tags: a, b"); items are words, never a clause.
_TAG_LABEL = re.compile(r"^(?:标签|关键词|关键字|相关(?:标签|词|搜索)?|热词|话题|tags?|tag)\s*[:：]\s*", re.I)
_TAG_ITEM_SPLIT = re.compile(r"[\s、,，;；/|｜]+")
MAX_TAG_ITEM = 12
MAX_TAG_LINE = 80
# Hashtags alone on a line: "#粤港澳大湾区# #两会#", "#招商引资 #签约".
_HASHTAG_LINE = re.compile(r"^(?:[#＃][^#＃\s]{1,20}[#＃]?\s*)+$")
_SENTENCE_MARK = re.compile(r"[。！？!?；;]")


def is_tag_line(s: str) -> bool:
    if len(s) > MAX_TAG_LINE or _SENTENCE_MARK.search(s):
        return False
    if _HASHTAG_LINE.match(s):
        return True
    m = _TAG_LABEL.match(s)
    if m is None:
        return False
    items = [it for it in _TAG_ITEM_SPLIT.split(s[m.end() :]) if it]
    return bool(items) and max(map(len, items)) <= MAX_TAG_ITEM


def tag_lines(lines: Sequence[Line]) -> None:
    """Tag lines below the story's last paragraph. Above it a 关键词 line is a paper's own
    keywords, between its abstract and its body, and stays with the text."""
    last = max((i for i, ln in enumerate(lines) if ln.cls == "content"), default=len(lines))
    for ln in lines[last + 1 :]:
        if ln.cls != "furniture" and is_tag_line(ln.text):
            ln.cls, ln.reason = "furniture", "tag or keyword line"


# -- dialogs --------------------------------------------------------------------------------------

# The labels of a dialog's buttons, as web UI kits and e-paper/app templates print them (layer,
# WeUI and browser-upgrade banners: 确定/取消, 我知道了, 现在升级/稍后再说). A line made only of
# them (one to three) is a button row; prose never is.
_BUTTON = re.compile(
    r"(?:我)?知道了|确定|取消|关闭|好的|稍后再说|以后再说|下次再说|暂不(?:升级|更新|下载)?|不再提示|忽略"
    r"|(?:现在|立即|马上)(?:升级|更新|下载|打开|体验)|继续(?:访问|浏览|阅读)|去(?:升级|下载|看看)"
)
MAX_BUTTONS = 3
DIALOG_MESSAGE = 60  # a dialog's message is a line or two, never a paragraph of the story
DIALOG_LINES = 2
# The reader addressed: a dialog speaks to the user ("您当前使用的浏览器…", "…谢谢!"), or ends
# in a particle of speech ("这已经是最后一期了哦!").
_ADDRESS = re.compile(r"您|你|请|谢谢|[哦哟啦呢][!！~～。]?$")


def is_button_row(s: str) -> bool:
    items = s.split()
    return 1 <= len(items) <= MAX_BUTTONS and all(_BUTTON.fullmatch(it) for it in items)


def dialogs(lines: Sequence[Line]) -> None:
    """A button row among the first or last lines, and the message lines between it and the page
    edge (at most ``DIALOG_LINES``, short, addressed to the reader): a pop-up left in the text."""
    n = len(lines)
    for i, ln in enumerate(lines):
        if not is_button_row(ln.text):
            continue
        if i <= DIALOG_LINES:
            message = list(lines[:i])
        elif all(x.cls == "furniture" for x in lines[i + 1 :]):
            k = i
            while k > 0 and i - k < DIALOG_LINES and _dialog_message(lines[k - 1]):
                k -= 1
            message = list(lines[k:i])
        else:
            continue
        if (i > 0 or n > 1) and all(_dialog_message(x) for x in message):
            for x in [*message, ln]:
                x.cls, x.reason = "furniture", "a dialog left in the page"


def _dialog_message(ln: Line) -> bool:
    return ln.size <= DIALOG_MESSAGE and _ADDRESS.search(ln.text) is not None


# -- the app header around the headline ------------------------------------------------------------

MAX_HEADLINE = 45
BLOCK_LABEL = 8  # a channel label or a name under the headline ("某某原创", "张三")
HEADER_ITEM = 4
# A template's variable printed as text ("slogon", "undefined"): one lower-case Latin token.
_TEMPLATE_WORD = re.compile(r"^[a-z_]{3,16}$")


def _header_line(ln: Line) -> bool:
    """A weak line above the headline that looks like an app's header, not a short title: a
    template word, a button label (打开), or two or more short items side by side (a channel's
    tags "湾区 建言"); a real short title is one phrase."""
    s = ln.text
    items = s.split()
    return bool(
        _TEMPLATE_WORD.match(s)
        or is_button_row(s)
        or _OPEN_BUTTON.fullmatch(s)
        or (len(items) >= 2 and max(map(len, items)) <= HEADER_ITEM)
    )


_OPEN_BUTTON = re.compile(r"打开|(?:打开|下载)(?:APP|App|app|客户端)")


def app_header(lines: Sequence[Line]) -> None:
    """The header an app's page prints around the headline. Below the headline, above the
    story: a block of lines with furniture (a stamp) among them, whose short weak lines above
    the stamp (a channel label "某某原创", a name) go with it. Above the headline, with nothing
    but such lines up to the page edge: header lines (see :func:`_header_line`)."""
    story = next((i for i, ln in enumerate(lines) if ln.cls == "content"), None)
    if story is None:
        return
    head = next((i for i, ln in enumerate(lines[:story]) if ln.cls == "plain"), None)
    if head is None or lines[head].size > MAX_HEADLINE or _SENTENCE_MARK.search(lines[head].text):
        return
    above = lines[:head]
    if all(ln.cls == "furniture" or (ln.cls == "weak" and _header_line(ln)) for ln in above):
        for ln in above:
            if ln.cls == "weak":
                ln.cls, ln.reason = "furniture", "an app's header above the headline"
    block = lines[head + 1 : story]
    if not block or not all(ln.cls in ("weak", "furniture") for ln in block):
        return
    # Only short labels with the stamp still below them: a line right above the story with no
    # furniture under it is the text's first heading (前言), and a long one may be a headline.
    # A longer weak line there means the line taken for the headline is not it (an ad line
    # above the real headline): nothing is judged then.
    last = max((k for k, ln in enumerate(block) if ln.cls == "furniture"), default=-1)
    labels = [ln for ln in block[:last] if ln.cls == "weak"]
    if all(ln.size <= BLOCK_LABEL for ln in labels):
        for ln in labels:
            ln.cls, ln.reason = "furniture", "page-info block under the headline"


# -- the title joined to a site's or a channel's name -----------------------------------------------

_BAR = re.compile(r"\s*[|｜]\s*")
MIN_TITLE = 8
MAX_SITE_NAME = 10


def title_segments(lines: Sequence[Line]) -> None:
    """A page joins its title and a name with a bar: "标题|站名" as the headline, "栏目|标题" for the
    video below. A segment two lines share is the title; in its first line a short name after it
    is cut off, and a later line holding it beside a name is the headline printed again."""
    parts = [_BAR.split(ln.text.strip()) if "|" in ln.text or "｜" in ln.text else [] for ln in lines]
    contents = [i for i, ln in enumerate(lines) if ln.cls == "content"]
    seen: dict[str, int] = {}
    for i, segs in enumerate(parts):
        if len(segs) != 2 or _SENTENCE_MARK.search(lines[i].text):
            continue
        if contents and contents[0] < i < contents[-1]:
            continue  # between the story's paragraphs: a two-column table row, not the page's edge
        for k, seg in enumerate(segs):
            if len(seg) < MIN_TITLE:
                continue
            first = seen.setdefault(seg, i)
            other = segs[1 - k]
            if first == i or len(other) > MAX_SITE_NAME or lines[i].cls == "furniture":
                continue
            lines[i].cls, lines[i].reason = "furniture", "the headline again beside a name"
            head, name = lines[first], parts[first]
            if len(name) == 2 and name[0] == seg and len(name[1]) <= MAX_SITE_NAME and not head.stamp_tail:
                head.stamp_tail = len(head.text) - head.text.rindex(name[1]) + _bar_width(head.text, name[1])
                head.tail_note = "the site's name after the title"


def _bar_width(text: str, name: str) -> int:
    """The bar and the spaces between the title and the name at the end of ``text``."""
    rest = text[: text.rindex(name)]
    return len(rest) - len(rest.rstrip(" |｜"))


# -- a digest's greeting --------------------------------------------------------------------------

# A news digest opens by greeting the reader and telling the day ("早安!" / "今天是1月23日星期一,
# …欢迎收听…新闻早餐", "大家早上好!欢迎收听《晨读香江》,今天是…", "早上好!今天是2020年5月9日星期六"),
# as read on digests of several outlets (chinanews.com regional desks, whb.cn, hkcd.com, jfdaily).
_GREETING = re.compile(r"(?:早上|上午|中午|下午|晚上)好|早安|晚安|早晨")
_TODAY = re.compile(r"今天是\s*(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]|今天是\s*(?:星期|周)[一二三四五六日天]")
_WELCOME = re.compile(r"欢迎(?:收听|收看|阅读|点击|来到)")
_GREETING_ONLY = re.compile(r"^[^，,。！!]{0,8}?(?:(?:早上|上午|中午|下午|晚上)好|早安|晚安)[!！。~～]?$")
GREETING_AT = 15  # the greeting opens the line ("会员朋友们,早上好!")
MAX_INTRO = 120
HEAD_LINES = 3  # the greeting stands above the story's first paragraphs


def digest_greeting(lines: Sequence[Line]) -> None:
    """A digest's opening: a line naming today's date with a greeting at its start or a welcome
    to the programme, and a bare greeting line right above it. A news lead names the day of an
    event, not "today is", and does not welcome its reader."""
    contents = 0
    for i, ln in enumerate(lines):
        if contents >= HEAD_LINES:
            return
        s = ln.text
        if ln.size <= MAX_INTRO and _TODAY.search(s):
            m = _GREETING.search(s)
            if (m is not None and m.start() <= GREETING_AT) or _WELCOME.search(s):
                ln.cls, ln.reason = "furniture", "a digest's greeting"
                if i > 0 and _GREETING_ONLY.match(lines[i - 1].text):
                    lines[i - 1].cls, lines[i - 1].reason = "furniture", "a digest's greeting"
        if ln.cls == "content":
            contents += 1


# -- the site's notices below the story ------------------------------------------------------------

# A 声明 label, alone or before its text: "免责声明：", "版权免责声明:", "【郑重声明】", "声明:".
DISCLAIMER = re.compile(
    r"^[【\[]?(?:(?:郑重|免责|特别|重要|版权|法律|风险){0,2}声明|(?:版权|免责)说明)[】\]]?\s*[:：]"
)
# What a site's notice speaks of: the site itself, the article's use, the reader's risk.
SITE_SELF = re.compile(
    r"本站|本网|本平台|本号|本(?:微信)?公众号|本文(?:仅|不)|本文档|仅供参考|不构成[^。]{0,8}建议|风险自担"
    r"|如[有涉]?侵权|侵权[^。\n]{0,10}(?:删除|联系|举报|告知)"
)
# A notice's numbered clause: "① 凡本站注明…", "2. 本网转载…", "(3)…".
_NUMBERED = re.compile(r"^(?:[①-⑳]|\d{1,2}\s*[.、．]|[(（]\d{1,2}[)）])")
MAX_DISCLAIMER = 200
# The site's call to follow or download its own channels: a verb of following, a channel, and a
# word of solicitation ("下载“某报”官方APP…", "更多资讯欢迎关注“某某”公众号…"). A notice that
# tells readers where to apply ("可下载某某APP办理") solicits nothing.
_FOLLOW = re.compile(
    r"(?:下载|关注|扫码|扫描|订阅|搜索|添加)[^。！？!?\n]{0,20}?(?:APP|App|app|客户端|公众号|微信号|视频号|微博|抖音号)"
)
# Solicitation, not information: a notice may tell readers to follow an account "了解更多详情" or
# to download an office's "官方APP" to apply; only a site courting its readers says 欢迎 or 随时了解.
_SOLICIT = re.compile(r"欢迎|敬请|第一时间|随时(?:了解|掌握|获取|关注)|更多(?:新闻|资讯|精彩|好文)")
MAX_PROMOTION = 120


def is_disclaimer(ln: Line) -> bool:
    """A 声明 (版权说明) that speaks of the site, the document's uploader or the reader's risk."""
    return ln.size <= MAX_DISCLAIMER and DISCLAIMER.match(ln.text) is not None and SITE_SELF.search(ln.text) is not None


def disclaimers_between_furniture(lines: Sequence[Line]) -> None:
    """A site's disclaimer set among its furniture wherever it stands (a document site prints
    "版权说明:本文档由用户提供并上传…" between "下载本文档" and "文档简介"): jusText's context step
    for a line whose label and wording already say what it is."""
    for i in range(1, len(lines) - 1):
        ln = lines[i]
        if ln.cls != "furniture" and lines[i - 1].cls == lines[i + 1].cls == "furniture" and is_disclaimer(ln):
            ln.cls, ln.reason = "furniture", "the site's disclaimer among its furniture"


def is_site_notice(ln: Line) -> bool:
    """A line of the site's notices: its disclaimer, a numbered clause of one, its own promotion."""
    s = ln.text
    if ln.size > MAX_DISCLAIMER:
        return False
    if is_disclaimer(ln) or (_NUMBERED.match(s) and SITE_SELF.search(s)):
        return True
    return ln.size <= MAX_PROMOTION and _FOLLOW.search(s) is not None and _SOLICIT.search(s) is not None



# -- the headline run into its page-info fields ---------------------------------------------------

# A headline, a space, then the stamp: "标题 2014-04-01 17:10 来源:某网 编辑:某某 0". The headline
# holds no colon, bar or digit run of a date; the rest is what the classifier judged page-info.
_HEADLINE_THEN_STAMP = re.compile(r"^([^\s:：|｜]{6,40}?)\s+(?=\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})")
MIN_HEADLINE_HAN = 6


def headline_before_stamp(lines: Sequence[Line]) -> None:
    """A page-info line at the top of the page that opens with the headline (a repost flattened
    the header onto one line): the headline stays, its stamp and fields go as the line's tail.
    Only at the page's head, with nothing but furniture above it."""
    for ln in lines:
        if ln.cls == "content":
            return
        if ln.cls == "furniture" and ln.reason == "page-info fields":
            m = _HEADLINE_THEN_STAMP.match(ln.text)
            if m is not None and len(HAN.findall(m.group(1))) >= MIN_HEADLINE_HAN:
                ln.cls, ln.reason = "plain", ""
                ln.stamp_tail = len(ln.text) - m.end(1)
                ln.tail_note = "page-info fields run on after the headline"
            return
        if ln.cls != "furniture":
            return


# -- machine stamps and bilingual section labels ------------------------------------------------

# An ISO 8601 stamp as a template prints a page's time unformatted: "2025-12-18T15:33:38+08:00".
_ISO_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


def is_iso_stamp(s: str) -> bool:
    return "T" in s and _ISO_STAMP.match(s) is not None


# A site's section label printed in two languages ("新闻中心NEWS", "关于我们 ABOUT US", "产品中心
# PRODUCTS"): a short Han name and its English gloss in capitals, nothing else. Corporate and farm
# templates set it above the headline; prose never is only that. An institution's name in two
# languages as a letterhead ("立法会 Legislative Council") is not in capitals and stays.
_BILINGUAL_LABEL = re.compile(rf"^[{HAN_CLASS}]{{2,6}}\s*[A-Z]{{4,}}(?:\s[A-Z]{{2,}}){{0,2}}$")


def is_bilingual_label(s: str) -> bool:
    return _BILINGUAL_LABEL.match(s) is not None

# A widget's one list item left above the story ("• 传媒中国"): a bullet and a short name, no
# digit and no punctuation; a key-points box under a headline says more than a name.
_WIDGET_ITEM = re.compile(rf"^[•▪◆●■]\s*[{HAN_CLASS}]{{2,6}}$")


def template_header(lines: Sequence[Line]) -> None:
    """Above the story's first paragraph: an unformatted ISO stamp, a bilingual section label and
    a widget's bulleted name."""
    for ln in lines:
        if ln.cls == "content":
            return
        if ln.cls == "furniture":
            continue
        if is_iso_stamp(ln.text):
            ln.cls, ln.reason = "furniture", "publication stamp (machine format)"
        elif is_bilingual_label(ln.text):
            ln.cls, ln.reason = "furniture", "bilingual section label above the story"
        elif _WIDGET_ITEM.match(ln.text):
            ln.cls, ln.reason = "furniture", "a widget's list item above the story"


# -- the page's author field printed again at the story's end ---------------------------------------

# "…的贡献。(王斌) (作者:柴晶晶)": a CMS prints its author field after the story's own credit. It is
# page info when the page's header, already judged furniture, names the same person.
_AUTHOR_END = re.compile(rf"\s*[(（]\s*(?:作者|编辑|责任编辑|责编)\s*[:：]\s*([{HAN_CLASS}·]{{2,5}})\s*[)）]$")


def author_field_at_end(lines: Sequence[Line]) -> None:
    """The last line's closing author field, when the header's page info names that person."""
    story = [i for i, ln in enumerate(lines) if ln.cls != "furniture"]
    if len(story) < 2:
        return
    last = lines[story[-1]]
    m = _AUTHOR_END.search(last.text)
    if m is None or last.stamp_tail or m.start() == 0:
        return
    first_content = next((i for i, ln in enumerate(lines) if ln.cls == "content"), len(lines))
    header = " ".join(
        ln.text if ln.cls == "furniture" else ln.text[len(ln.text) - ln.stamp_tail :]
        for ln in lines[:first_content]
        if ln.cls == "furniture" or ln.stamp_tail
    )
    if re.search(rf"(?:作者|编辑|责任编辑|责编)\s*[:：]\s*{re.escape(m.group(1))}", header):
        last.stamp_tail = len(last.text) - m.start()
        last.tail_note = "the page's author field again at the end"


# -- a channel's name above the headline ----------------------------------------------------------

MAX_CHANNEL = 6
MIN_CHANNEL_HEADLINE = 15
_HAN_ONLY = re.compile(rf"^[{HAN_CLASS}]+$")
_STAMPED = ("page-info fields", "publication stamp", "date or number", "credit or page-info field")


def channel_label(lines: Sequence[Line]) -> None:
    """The page's first line a channel's name ("政策超市", "图片新闻"): a short Han phrase above a
    headline at least three times its length, with the page's stamp (judged furniture) directly
    under the headline. A short title has the story, not a stamp, under it; a kicker is longer."""
    rest = [i for i, ln in enumerate(lines) if ln.cls != "furniture"]
    if len(rest) < 3:
        return
    label, headline = lines[rest[0]], lines[rest[1]]
    if label.size > MAX_CHANNEL or not _HAN_ONLY.match(label.text):
        return
    if headline.size < max(MIN_CHANNEL_HEADLINE, 3 * label.size) or _SENTENCE_MARK.search(headline.text):
        return
    below = lines[rest[1] + 1]  # there is a line below: a third one is not furniture
    if below.cls == "furniture" and below.reason.startswith(_STAMPED):
        label.cls, label.reason = "furniture", "a channel's name above the headline"
