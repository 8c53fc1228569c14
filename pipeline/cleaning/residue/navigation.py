"""Navigation lines: language switches, site menus, breadcrumbs, page tools, page footers."""

from __future__ import annotations

import re

from pipeline.cleaning.base import Step, run_edits
from pipeline.cleaning.residue.lines import dedupe, edge_zones, hinted_lines, matches_at
from pipeline.offsets import Edit

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
# The line patterns tried only on lines with a hint; a test (tests/pipeline/cleaning/
# test_hints.py) generates strings each pattern matches and fails where the hint misses one,
# so a pattern added here without its hint word cannot silently never fire.
_WHOLE_LINES = (_NAV_LINE, _MENU_LINE, _BREADCRUMB, _PAGE_TOOLS, _TOOL_LINE, _FOOTER_LINE)
HINTED = tuple((rx, _NAV_HINT) for rx in (*_WHOLE_LINES, _TAIL_FOOTER_LINE, _TOOL_GROUPS))


# A name alone on a line (the site's sponsor, "某某省人民政府某某办公室"): no punctuation, no digits.
_NAME_LINE = re.compile(r"^[ \t]*[^\s\d，。、；：！？,.;:!?()（）“”\"'《》]{4,30}[ \t]*$")
# The story's closing credit ends its last line: "…投资总额5亿元。 (某某县台办 张三)", "(完)".
_CLOSING_CREDIT = re.compile(r"[(（][^()（）\n]{1,30}[)）][ \t]*$")
MAX_SPONSOR_LINES = 2


def _sponsor_lines(text: str, footers: list[Edit]) -> list[Edit]:
    """The footer's first lines above a copyright line: names alone on a line (the site's sponsor
    or owner) between the story's closing credit and the copyright line. Without the credit the
    name may be a notice's signature, which stays."""
    out: list[Edit] = []
    for footer in footers:
        names: list[tuple[int, int]] = []
        end = footer.start - 1  # the newline before the footer line
        while end > 0:
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end]
            if not line.strip():
                end = start - 1
                continue
            if _NAME_LINE.match(line) and len(names) < MAX_SPONSOR_LINES:
                names.append((start, end))
                end = start - 1
                continue
            if names and _CLOSING_CREDIT.search(line):
                out += [Edit(a, b, "", "navigation", text[a:b].strip()) for a, b in names]
            break
    return out


def remove_navigation(text: str) -> Step:
    """Drop navigation lines: language switches (``中文 | EN``), site menus, breadcrumbs, page
    tools, and page footers (copyright, site registration)."""
    # Only lines holding a hint word can match (see line_matches), here found in one scan.
    lines = hinted_lines(_NAV_HINT, text)
    if not lines:
        return run_edits("navigation", text, [], "navigation lines removed")
    edits = [
        Edit(m.start(), m.end(), "", "navigation", m.group().strip())
        for rx in _WHOLE_LINES
        for m in matches_at(rx, text, lines)
    ]
    edits += _sponsor_lines(text, [e for e in edits if _FOOTER_LINE.match(text, e.start)])
    tail_footers = matches_at(_TAIL_FOOTER_LINE, text, lines)
    if tail_footers:
        _, tail_start = edge_zones(text)
        edits += [
            Edit(m.start(), m.end(), "", "navigation", m.group().strip())
            for m in tail_footers
            if m.start() >= tail_start
        ]
    edits += [
        Edit(m.start(), m.end(), "", "navigation", m.group().strip())
        for m in matches_at(_TOOL_GROUPS, text, lines)
        if _TOOL_WORD.search(m.group())
    ]
    return run_edits("navigation", text, dedupe(edits), "navigation lines removed")


