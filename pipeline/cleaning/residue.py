"""Page residue around and inside the article: navigation, page-info lines, spam, captions.

Page-info lines (publisher, publish time, click count) move into metadata; captions move into
the caption list (they carry facts — sometimes the only mention of a speech); image file names,
``image.png`` placeholders, "展开剩余85%" and inserted spam phrases are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.cleaning.base import HAN, Found, Step, run_edits
from pipeline.cleaning.containers import IMAGE_EXT, parse_date
from pipeline.offsets import Edit
from pipeline.resources import resource_path

_LINE = re.compile(r"^[^\n]*$", re.M)

# -- navigation --------------------------------------------------------------------------------

_NAV_TOKEN = (
    r"(?:中文|简体|繁體|繁体|简|繁|EN|ENG|English|english|En|日本語|한국어|Français|Español|Русский|"
    r"首页|主页|登录|注册|网站地图|联系我们|设为首页|加入收藏|返回顶部|返回首页|无障碍|长者模式|关怀版|"
    r"打印|打印本页|关闭|关闭窗口|收藏|分享|分享到|微信|微博|QQ空间|RSS|搜索|移动版|手机版|APP下载)"
)
_NAV_LINE = re.compile(rf"^ *[【\[]?{_NAV_TOKEN}[】\]]?(?: *[|｜/·•] *[【\[]?{_NAV_TOKEN}[】\]]?)+ *$", re.M)
_BREADCRUMB = re.compile(
    r"^ *(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)[:：][^\n]{0,80}$|^ *首页 *[>＞»›][^\n]{0,80}$", re.M
)
_PAGE_TOOLS = re.compile(
    r"^ *(?:[【\[]?(?:打印|关闭|关闭窗口|打印本页|收藏|分享)[】\]]? *){2,}$|^ *(?:【 *)?字号[:：]? *(?:大|中|小|T|默认)"
    r"(?: *[|｜ ] *(?:大|中|小|T|默认))+ *(?:】)?$",
    re.M,
)


# A line of bracketed page tools: 【字体：大 中 小】 【打印】 【关闭】.
_TOOL_GROUPS = re.compile(r"^ *(?:[【\[][^】\]\n]{1,14}[】\]] *){2,}$", re.M)
_TOOL_WORD = re.compile(r"打印|关闭|字体|字号|收藏|分享|返回")
_TOOL_LINE = re.compile(
    r"^ *(?:分享到|分享至|扫一扫|打印本页|关闭窗口|返回顶部|返回列表|返回首页|上一篇|下一篇)[:：]?[^\n。，]{0,30}$",
    re.M,
)


# A site menu: three or more short items joined by bars (首页 | 新闻中心 | 政务公开). Items hold no
# sentence punctuation, so a table-like line of prose is not taken for one.
_MENU_LINE = re.compile(r"^ *[^|｜\n，。；！？]{1,8}(?: *[|｜] *[^|｜\n，。；！？]{1,8}){2,} *$", re.M)
# Page footers: copyright and site-registration lines. Short lines only, so a sentence that
# mentions copyright is left alone.
_FOOTER_LINE = re.compile(
    r"^[^\n]{0,40}(?:版权所有|版权归|Copyright|copyright|©|ICP备|ICP证|公网安备|网站标识码|网站识别码)[^\n]{0,80}$",
    re.M,
)
# Footer lines that are ordinary phrases elsewhere (an event's 主办单位) count only at the page's end.
_TAIL_FOOTER_LINE = re.compile(
    r"^ *(?:主办单位|承办单位|技术支持|网站主办|主办|承办|联系电话|地址)[:：][^\n。]{0,60}$", re.M
)


# Every match of a navigation pattern holds one of these words (a separator for the menus and
# language switches, a bracket for tool groups). Most articles hold none; a pattern anchored at
# line starts would otherwise be tried at every position. Plain literals, so the engine skips
# to their first characters.
_NAV_HINT_WORDS = (
    *("|", "｜", "/", "·", "•", "【", "["),
    *("位置", "首页", "打印", "关闭", "收藏", "分享", "字号", "扫一扫", "返回", "上一篇", "下一篇"),
    *("版权", "opyright", "©", "ICP", "公网安备", "网站标识码", "网站识别码"),
    *("主办", "承办", "技术支持", "联系电话", "地址"),
)
_NAV_HINT = re.compile("|".join(map(re.escape, _NAV_HINT_WORDS)))


def _hinted_lines(hint: re.Pattern[str], text: str) -> list[int]:
    """The start of every line holding a ``hint`` match, in order."""
    starts: list[int] = []
    pos = 0
    while (found := hint.search(text, pos)) is not None:
        starts.append(text.rfind("\n", 0, found.start()) + 1)
        pos = text.find("\n", found.start()) + 1
        if pos == 0:
            break
    return starts


def _line_matches(rx: re.Pattern[str], hint: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern matching whole lines (``^…$``, multiline) whose every
    match holds a ``hint`` match: ``rx`` is tried only at the start of lines with a hint.

    A match can only start where ``^`` does, at a line start, so trying each hinted line once
    finds the same matches as the scan over every position.
    """
    return _matches_at(rx, text, _hinted_lines(hint, text))


def _matches_at(rx: re.Pattern[str], text: str, line_starts: list[int]) -> list[re.Match[str]]:
    return [m for start in line_starts if (m := rx.match(text, start)) is not None]


def remove_navigation(text: str) -> Step:
    """Drop navigation lines: language switches (``中文 | EN``), site menus, breadcrumbs, page
    tools, and page footers (copyright, site registration)."""
    # Only lines holding a hint word can match (see _line_matches), here found in one scan.
    lines = _hinted_lines(_NAV_HINT, text)
    if not lines:
        return run_edits("navigation", text, [], "navigation lines removed")
    edits = [
        Edit(m.start(), m.end(), "", "navigation", m.group().strip())
        for rx in (_NAV_LINE, _MENU_LINE, _BREADCRUMB, _PAGE_TOOLS, _TOOL_LINE, _FOOTER_LINE)
        for m in _matches_at(rx, text, lines)
    ]
    tail_footers = _matches_at(_TAIL_FOOTER_LINE, text, lines)
    if tail_footers:
        _, tail_start = _edge_zones(text)
        edits += [
            Edit(m.start(), m.end(), "", "navigation", m.group().strip())
            for m in tail_footers
            if m.start() >= tail_start
        ]
    edits += [
        Edit(m.start(), m.end(), "", "navigation", m.group().strip())
        for m in _matches_at(_TOOL_GROUPS, text, lines)
        if _TOOL_WORD.search(m.group())
    ]
    return run_edits("navigation", text, _dedupe(edits), "navigation lines removed")


def _dedupe(edits: list[Edit]) -> list[Edit]:
    edits.sort(key=lambda e: (e.start, -e.end))
    out: list[Edit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


# -- page-info lines ---------------------------------------------------------------------------

_FIELD_KEYS: dict[str, str] = {}
for _name, _keys in {
    "publisher": "发布者 发布人 发布单位 发布机构",
    "source": "来源 信息来源 稿件来源 文章来源 新闻来源 出处 供稿",
    "author": "作者 撰稿 撰文 记者 通讯员",
    "editor": "编辑 责任编辑 责编 编审 审核 校对 值班编辑",
    "published_raw": "发布时间 发布日期 发表时间 发稿时间 更新时间 日期 时间 发布于时间",
    "click_count": "点击率 点击数 点击量 点击 浏览次数 浏览量 浏览 阅读量 阅读数 阅读 访问量 访问次数",
    "published_location": "发布于",
}.items():
    for _k in _keys.split():
        _FIELD_KEYS[_k] = _name
_KEY_RX = "|".join(sorted(_FIELD_KEYS, key=len, reverse=True))
_FIELD = re.compile(rf"[【\[(（]?({_KEY_RX}) *[:：] *")
_DATE_HEAD = r"(?:\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?: *\d{1,2}:\d{2}(?::\d{2})?)?)"
_INFO_LINE = re.compile(rf"^ *(?:{_DATE_HEAD} *)?[【\[(（]?(?:{_KEY_RX}) *[:：][^\n]{{0,160}}$", re.M)
_COLON = re.compile("[:：]")  # in every info line


# Page tools that share the info line (来源：X  字号：[大 中 小]  【打印】) are not part of a value.
_PAGE_TOOL_TAIL = re.compile(r"\s*[【\[]?(?:字号|字体|打印|关闭|分享|收藏|返回)[\s\S]*$")


def _parse_fields(line: str) -> dict[str, str] | None:
    """Split ``发布者:X  发布时间:Y  点击率:N`` into fields; None when the line is prose."""
    matches = list(_FIELD.finditer(line))
    if not matches:
        return None
    head = line[: matches[0].start()].strip()
    out: dict[str, str] = {}
    if head:
        if not re.fullmatch(_DATE_HEAD, head):
            return None
        out["published_raw"] = head
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = _PAGE_TOOL_TAIL.sub("", line[m.end() : end]).strip().strip("】]）)").strip()
        # Prose has sentence punctuation in it; page-info values do not.
        if re.search(r"[。！？；]|，.*，", value) or len(value) > 40:
            return None
        out.setdefault(_FIELD_KEYS[m.group(1)], value)
    return out


_AMBIGUOUS_KEYS = re.compile("时间|日期|阅读|浏览|点击|记者|通讯员|审核|校对")
EDGE_LINES = 6


_NON_BLANK_LINE = re.compile(r"^[ \t]*\S", re.M)


def _edge_zones(text: str) -> tuple[int, int]:
    """End of the first and start of the last ``EDGE_LINES`` non-empty lines."""
    starts = [m.start() for m in _NON_BLANK_LINE.finditer(text)]
    if len(starts) <= 2 * EDGE_LINES:
        return len(text), 0
    return starts[EDGE_LINES], starts[-EDGE_LINES]


def extract_page_info(text: str) -> Step:
    """Move publisher / publish time / click-count / editor lines into metadata."""
    edits: list[Edit] = []
    meta: dict[str, object] = {}
    zones: tuple[int, int] | None = None  # found when first needed: most texts have no info line
    for m in _line_matches(_INFO_LINE, _COLON, text):
        fields = _parse_fields(m.group())
        if fields is None:
            continue
        # "时间：5月20日 地点：南昌" inside the story is an event, not page info: keys that are
        # also ordinary words count only at the top or bottom of the page, or next to a clear key.
        keys = _FIELD.findall(m.group())
        if len(keys) == 1 and _AMBIGUOUS_KEYS.fullmatch(keys[0]):
            if zones is None:
                zones = _edge_zones(text)
            head_end, tail_start = zones
            if not (m.start() < head_end or m.start() >= tail_start):
                continue
        edits.append(Edit(m.start(), m.end(), "", "page_info", m.group().strip()))
        for key, value in fields.items():
            if not value:
                continue
            if key == "click_count":
                digits = re.search(r"\d+", value)
                if digits:
                    meta.setdefault("click_count", int(digits.group()))
            elif key == "published_raw":
                meta.setdefault("published_raw", value)
                date = parse_date(value)
                if date:
                    meta.setdefault("published_at", date)
            else:
                meta.setdefault(key, value)
    if "publisher" in meta:
        meta.setdefault("source", meta["publisher"])
    step = run_edits("page_info", text, edits, "publisher / time / click-count lines moved to metadata")
    step.metadata = meta
    return step


# A dateline such as "梧州零距离网-梧州日报讯(记者 陈雨燕)": the outlet and the reporter.
_DATELINE = re.compile(
    rf"^(?:[^\n(（]{{0,30}}[-—·|])?([{HAN}A-Za-z]{{2,20}}?)(?:讯|电|消息)\s*[(（](?:本报)?(?:特约)?(?:记者|通讯员)\s*"
    rf"([{HAN}]{{2,4}}(?:[ 、，,][{HAN}]{{2,4}}){{0,3}})[)）]"
)


# An outlet credited at the start of the story: "澎湃新闻(www.thepaper.cn)记者…", "新华社记者…".
_OUTLET_CREDIT = re.compile(
    rf"(?:^|[\n，,。])(?:据|记者从)?([{HAN}]{{2,10}}?(?:新闻|日报|晚报|早报|时报|商报|报社|报|网|社|电视台|客户端))"
    r"(?:[(（][\w.\-/:]+[)）])?(?:记者|通讯员|讯|消息)"
)


# A wire dateline: "新华社南昌3月24日电（记者 张三、李四）".
_WIRE_DATELINE = re.compile(
    rf"(?:^|\n)([{HAN}]{{2,8}}?(?:社|网|报|台|新闻))[{HAN}]{{0,6}}\d{{1,2}}月\d{{1,2}}日(?:电|讯)"
    rf"(?:\s*[(（](?:本报|特约)?(?:记者|通讯员)\s*([{HAN}]{{2,4}}(?:[ 、，,][{HAN}]{{2,4}}){{0,3}})[)）])?"
)


# "【大公报讯】记者黄惠玲报道：" and a closing credit line "（记者 王晓东 通讯员 李娜）".
_BRACKET_DATELINE = re.compile(
    rf"(?:^|\n)【([{HAN}]{{2,10}}?)(?:讯|消息)】(?:(?:本报)?记者([{HAN}]{{2,4}}?)(?:报道|摄)?[:：])?"
)
_CREDIT_LINE = re.compile(
    rf"(?:^|\n)[(（](?:本报)?(?:记者|文)[ 　]*([{HAN}]{{2,4}}(?:[ 、，,](?!通讯员|实习生)[{HAN}]{{2,4}}){{0,3}})"
    rf"(?:[ 　]*(?:通讯员|实习生)[ 　]*[{HAN}]{{2,4}}(?:[ 、，,][{HAN}]{{2,4}}){{0,3}})?[)）][ 　]*(?:\n|$)"
)


def dateline_metadata(text: str) -> dict[str, object]:
    """Outlet and reporter credited in the first lines of the story."""
    head = text.lstrip()[:300]
    m = _DATELINE.match(head)
    if m:
        return {"source": m.group(1), "author": m.group(2)}
    w = _WIRE_DATELINE.search(head)
    if w:
        return {"source": w.group(1), **({"author": w.group(2)} if w.group(2) else {})}
    b = _BRACKET_DATELINE.search(head)
    if b:
        return {"source": b.group(1), **({"author": b.group(2)} if b.group(2) else {})}
    tail = _CREDIT_LINE.search(text[-400:])
    if tail:
        return {"author": tail.group(1)}
    c = _OUTLET_CREDIT.search(head)
    if c:
        return {"source": c.group(1)}
    return {}


# -- inline residue and spam -------------------------------------------------------------------

# "点击" spelled out in each branch, not as an optional prefix: every branch then starts with a
# literal, and the engine skips to those few characters instead of trying every position.
_EXPAND = re.compile(r"(?:点击(?:展开|张开|伸开)|展开|张开|伸开)(?:剩余|全文|余下)(?: *\d{1,3} *[%％])?")
_TAIL_LINE = re.compile(
    r"^ *(?:返回搜狐[,，]?查看更多|点击查看更多|阅读原文|查看原文|点击阅读全文|"
    r"(?:平台声明|免责声明)[:：][^\n]{0,120}|本文(?:转载|来源)自[^\n]{0,60}|"
    r"(?:微信|扫码|扫一扫)[^\n]{0,12}(?:关注|分享)[^\n]{0,20}) *$",
    re.M,
)
_TAIL_LINE_HINT = re.compile("返回搜狐|查看更多|阅读原文|查看原文|阅读全文|声明|本文|微信|扫码|扫一扫")


SPAM_WINDOW = 40
_SPAM_ANCHOR = re.compile(
    r"app|APP|App|平台|官网|官方|入口|网站|网页版|体育|电竞|娱乐|彩票|棋牌|百家乐|真人|下载|登录|kaiyun|KAIYUN|开云|\.com"
)


@lru_cache(maxsize=1)
def _spam_rx() -> re.Pattern[str] | None:
    patterns: list[str] = []
    with open(resource_path("spam_patterns.txt"), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                patterns.append(f"(?:{line})")
    return re.compile("|".join(patterns)) if patterns else None


def remove_inline_residue(text: str) -> Step:
    """Drop "展开剩余85%"-style fold markers, repost footers and inserted spam phrases."""
    edits: list[Edit] = [Edit(m.start(), m.end(), "", "residue", m.group()) for m in _EXPAND.finditer(text)]
    edits += [
        Edit(m.start(), m.end(), "", "residue", m.group().strip())
        for m in _line_matches(_TAIL_LINE, _TAIL_LINE_HINT, text)
    ]
    rx = _spam_rx()
    if rx is not None:
        # Every spam phrase contains one of a few anchor words; scanning the full pattern only
        # around anchors keeps this step fast on the (usual) text without spam.
        last_end = 0
        for a in _SPAM_ANCHOR.finditer(text):
            lo = max(last_end, a.start() - SPAM_WINDOW)
            for m in rx.finditer(text, lo, min(len(text), a.end() + SPAM_WINDOW)):
                if m.group() and m.start() >= last_end and m.start() <= a.start() and m.end() >= a.end():
                    edits.append(Edit(m.start(), m.end(), "", "spam", m.group()))
                    last_end = m.end()
    step = run_edits("residue", text, _dedupe(edits), "fold markers, repost footers and spam removed")
    if any(e.kind == "spam" for e in step.edits):
        step.flags.append("spam_removed")
    return step


# -- captions and image names ------------------------------------------------------------------

_IMAGE_NAME = re.compile(rf"^ *(?:[\w\-.]+\.{IMAGE_EXT}|image|图片|img)(?: +[\w\-.]+\.{IMAGE_EXT})* *$", re.I)
_MARKER = re.compile(r"^ *[▲▶▼△▽►◀↑↓☆](?: |\s)*")
_CREDIT = re.compile(
    rf"(?:^|[ 　。])(?:[{HAN}A-Za-z]{{0,16}}(?:记者|通讯员|摄影师|摄影|图)?[ 　]?[{HAN}]{{2,4}}[ 　]?(?:摄|摄影|供图))$"
    rf"|[(（](?:[^()（）\n]{{0,24}})(?:摄|摄影|供图|图源)[^()（）\n]{{0,16}}[)）]$"
    r"|^(?:图为|图[:：]|图片[:：]|图片来源|资料图|图源[:：])"
)


def _maybe_credit(line: str) -> bool:
    """Whether ``line`` (no newline in it) can match ``_CREDIT`` at all: its branches end with
    摄/摄影/供图 or a closing bracket, or start with 图/资料图. Skips the search on most lines."""
    return line[-1:] in _CREDIT_LAST or line[:1] in _CREDIT_FIRST


_CREDIT_LAST = frozenset("摄影图)）")
_CREDIT_FIRST = frozenset("图资")
_NO_SENTENCE = re.compile(r"^[^。！？!?；;，]*$")
_SCENE = re.compile(r"(?:现场|合影|留影|掠影|一角|全景|剪影|实景|效果图|鸟瞰图?|外景|航拍图?)$")
# Subject-less action phrases ("参观…"); "考察团…" / "调研组…" are subjects, not actions.
_ACTION = re.compile(r"^(?:参观|考察|调研|走访|视察|察看|查看|听取|观看|参加|出席|检查|慰问)(?![团组队])")
_DATED = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日")
# What a dated photo caption shows; a chronology line ("3月5日 召开推进会") usually names none.
_CAPTION_EVENT = re.compile(r"演讲|致辞|讲话|发言|签约|合影|现场|仪式|会见|会谈|座谈|调研|考察|参观|推介|揭牌|开幕")
SHORT = 40
# A credit line is a caption; a long paragraph that happens to end with "… 摄" stays body text.
MAX_CREDIT_LINE = 100
CAPTION_WINDOW = 10_000


def _is_short_plain(line: str, limit: int = SHORT) -> bool:
    return 0 < len(line) <= limit and _NO_SENTENCE.match(line) is not None


def _introduced_elsewhere(text: str, stem: str, line_start: int) -> bool:
    """Whether ``stem`` (title + name) opens a longer sentence elsewhere: "…王春雷介绍，…".

    A photo caption of a person repeats how the story introduces them. A short paragraph that
    merely recurs as a whole (a repeated quote) does not count, so it is never lifted.
    """
    # A window, not the whole text: the introduction is near its photo, and a huge input with
    # many short lines stays linear.
    lo, hi = max(0, line_start - CAPTION_WINDOW), line_start + CAPTION_WINDOW
    # The line itself is followed by "。", so it never matches; one regex scan runs in C.
    return re.compile(re.escape(stem) + "[^。\n]").search(text, lo, hi) is not None


def _looks_like_caption(s: str) -> bool:
    if _is_short_plain(s) and (_SCENE.search(s) or _ACTION.match(s)):
        return True
    return _is_dated_plain(s) and _CAPTION_EVENT.search(s) is not None


def _in_dated_list(lines: list[tuple[int, int, str]], i: int) -> bool:
    """A dated line next to another dated line belongs to a chronology, not under a photo."""
    if not _DATED.match(lines[i][2]):
        return False
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j][2]:
            j += step
        if 0 <= j < len(lines) and _is_dated_plain(lines[j][2]):
            return True
    return False


def _is_dated_plain(s: str) -> bool:
    return _is_short_plain(s, 120) and _DATED.match(s) is not None


def lift_captions(text: str) -> Step:
    """Move photo captions out of the body into captions; drop image file names.

    Captions are: lines with a caption marker (▲ ▶ ▼), photo-credit lines (``… 摄``), short
    phrase lines right after an image or next to a marked caption, scene lines (``…现场``),
    subject-less action lines (``参观…``), dated event lines without a sentence end, and
    ``title + name。`` lines that repeat how the article introduces a person.
    """
    lines = [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text)]
    n = len(lines)
    kind = [""] * n  # "image", "caption" or ""
    first_content = next((i for i, (_, _, s) in enumerate(lines) if s), -1)
    for i, (_, _, s) in enumerate(lines):
        if not s:
            continue
        if _IMAGE_NAME.match(s):
            kind[i] = "image"
        elif _MARKER.match(s) or (len(s) <= MAX_CREDIT_LINE and _maybe_credit(s) and _CREDIT.search(s)):
            kind[i] = "caption"
        elif i == first_content:
            continue
        elif _looks_like_caption(s) and not _in_dated_list(lines, i):
            kind[i] = "caption"
        elif len(s) <= 60 and s.endswith("。") and s.count("。") == 1 and not re.search("[，“”‘’：]", s):
            stem = s[:-1]
            if len(stem) >= 6 and _introduced_elsewhere(text, stem, lines[i][0]):
                kind[i] = "caption"
    # Short phrase lines continue a caption group after an image or a marked caption, and the
    # line just before a marked caption group is its heading caption.
    in_group = False
    for i, (_, _, s) in enumerate(lines):
        if not s:
            continue
        if kind[i]:
            in_group = True
            continue
        if in_group and i != first_content and _is_short_plain(s):
            kind[i] = "caption"
        else:
            in_group = False
    for i in range(n - 1, -1, -1):
        s = lines[i][2]
        if kind[i] != "caption" or not _MARKER.match(s):
            continue
        j = i - 1
        while j >= 0 and not lines[j][2]:
            j -= 1
        if j > first_content and not kind[j] and _is_short_plain(lines[j][2]):
            kind[j] = "caption"
    edits: list[Edit] = []
    captions: list[Found] = []
    for (a, b, s), k in zip(lines, kind, strict=True):
        if k == "image":
            edits.append(Edit(a, b, "", "image_name", s))
        elif k == "caption":
            edits.append(Edit(a, b, "", "caption", s))
            captions.append(Found(a, b, _MARKER.sub("", s).strip()))
    step = run_edits("captions", text, edits, "captions moved out of the body, image names dropped")
    step.captions = captions
    return step
