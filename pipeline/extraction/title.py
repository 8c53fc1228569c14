"""The headline and the outlet: one owner for both (cleaning proposes no title).

A headline is chosen among candidates — a front-matter title, the page's ``<title>``, and the
opening lines of the body — by general features of headlines rather than by the outlet's
layout: length, no sentence-final punctuation, position among the lines that are not page
chrome, and whether another source (metadata, a repeated line, an info line just below it)
backs it. A site name hung on a title (``…-新华网``, ``…_要闻_某某网``) and decorative leading
dashes are stripped by one rule for every outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.charclass import HAN_CLASS, han_count
from pipeline.extraction.normalize import fold, fold_script

# Page chrome: navigation, language switches, widgets, e-paper page lines, app menus.
_NAV = re.compile(
    r"\||>|»|›|首页|当前位置|English|^EN$|登录|注册|分享到|字号|字体|打印|关闭|设为首页|设为主页|收藏本|"
    r"放大|缩小|上一[版篇页]|下一[版篇页]|第\s*[A-Za-z]?\d{1,3}\s*版|版面|版次|导读|返回|下载|扫一扫|二维码|"
    r"APP|App|您好|今天是|网站地图|联系我们|site logo|\.(?:png|jpe?g|gif|svg|webp)\b"
)
# An info or byline line: who wrote it, where it came from, when, how often read.
_NOT_HEADLINE = re.compile(
    r"(?:讯|记者|通讯员|发布时间|发布者|发布日期|刊发日期|来源|作者|编辑|责编|点击|阅读|浏览|人气|日期|时间)\s*[:：\s(（|]"
    r"|^(?:\d{4}[-./年]|http|www\.)|^\W{0,2}(?:本报|本刊|本网)?(?:记者|通讯员|实习生|特约)"
)
# A site or outlet name standing alone on a line (江西省人民政府, 赣州日报, 人民网).
_OUTLET_END = (
    r"(?:网|网站|门户|频道|官网|客户端|政府|日报|晚报|早报|时报|报|新闻|电视台|广播电视台|首页|在线|新闻中心|融媒体中心)"
)
_SITE_NAME = re.compile(rf"^\S{{2,10}}{_OUTLET_END}$")
_SENTENCE_END = re.compile(r"[。！？!?；;:：]$")
# A kicker over the main headline reads as two short parallel phrases: 担当作为 实施“三年倍增”计划.
_KICKER = re.compile(r"^\S{2,10}[ \u3000]+\S{2,14}$")
# Decorative marks a page sets before a headline (――, □, ■, ●).
_LEAD_MARKS = re.compile(r"^[\s\-—―─–~～·•□■●◆◇★☆※>》|｜]+")
# One site segment of a <title>: separator, then an outlet name, a domain or a short section name.
_SEP = r"(?:\s+[-_|｜–—―·•]+\s*|[_|｜]+|\s*[-–—―]{1,2}\s*)"
_SITE_SEGMENT = re.compile(
    rf"^(?:\S{{1,14}}?{_OUTLET_END}|[A-Za-z0-9.\-]+\.(?:com|cn|net|org|gov|tw|hk)(?:\.cn)?"
    r"|[A-Za-z][A-Za-z0-9 .]{1,20})$"
)
_SHORT_SEGMENT = re.compile(rf"^[{HAN_CLASS}A-Za-z]{{2,6}}$")
_INFO_BELOW = re.compile(
    rf"^\W{{0,3}}(?:\d{{4}}[-./年]|[{HAN_CLASS}]{{0,12}}(?:来源|作者|记者|通讯员|发布|日期|时间|编辑)|【|\[|\(|（)"
)
_MIN_LEN, _MAX_LEN = 6, 64
# A site's section menu: four or more short items joined by one separator mark (企业策略・可持续发展・
# 商事动态・…); a headline holds a middle dot or two between names, not a run of short items.
_MENU = re.compile(r"^(?:[^・·•/｜|\s]{1,6}\s*([・·•/｜|])\s*)(?:[^・·•/｜|\s]{1,6}\s*\1\s*){2,}[^・·•/｜|\s]{1,6}$")
# A photo caption: the scene, a break, then what someone does in it (推介会现场，市委书记某某发言),
# or the caption words themselves (图为…, 图：…).
_CAPTION = re.compile(rf"^(?:[{HAN_CLASS}]{{0,12}}现场[,，\s]|图为|图[:：/])")


@dataclass(frozen=True, slots=True)
class Headline:
    text: str
    start: int  # offsets in the text searched; -1 when the headline is not in it
    end: int
    rule: str
    confidence: float


def strip_site_affixes(title: str) -> str:
    """``…-新华网`` → ``…``; ``…_要闻_某某网`` → ``…``; ``――标题`` → ``标题``.

    A trailing segment after a separator goes when it reads as an outlet (ends in 网, 报, 新闻,
    电视台…, or is a domain or a Latin site name); once one went, a short section name before it
    goes too. A leading segment goes by the same outlet test. A segment that would leave less
    than a headline's length stays.
    """
    s = _LEAD_MARKS.sub("", title.strip()).strip()
    stripped = False
    while True:
        parts = re.split(f"({_SEP})", s)
        if len(parts) < 3:
            break
        last = parts[-1].strip()
        head = "".join(parts[:-2]).strip()
        if len(head) < _MIN_LEN:
            break
        if _SITE_SEGMENT.match(last) or (stripped and _SHORT_SEGMENT.match(last)) or not last:
            s, stripped = head, True
            continue
        break
    parts = re.split(f"({_SEP})", s, maxsplit=1)
    if len(parts) == 3 and _SITE_SEGMENT.match(parts[0].strip()) and len(parts[2].strip()) >= _MIN_LEN:
        s = parts[2].strip()
    return _LEAD_MARKS.sub("", s).strip()


def is_chrome(line: str) -> bool:
    """A navigation, widget or info line (never a headline, whoever proposes it)."""
    s = line.strip()
    return bool(_NAV.search(s) or _NOT_HEADLINE.search(s) or _MENU.match(s))


def is_headline_like(line: str, strict: bool = True) -> bool:
    """Whether a line reads as a headline; ``strict=False`` only rules out navigation and bylines."""
    s = line.strip()
    if not strict:
        return bool(s) and not is_chrome(s)
    return _headline_like(s)


def _headline_like(line: str) -> bool:
    s = _LEAD_MARKS.sub("", line.strip())
    if not _MIN_LEN <= len(s) <= _MAX_LEN:
        return False
    if is_chrome(s) or _SENTENCE_END.search(s) or _SITE_NAME.match(s) or _CAPTION.match(s):
        return False
    if han_count(s) < 0.6 * len(s.replace(" ", "")):
        return False
    # Body sentences and deck lines carry several clauses; a headline at most one break.
    return sum(s.count(c) for c in "，,。；;") <= 1


def _lines(text: str, max_lines: int) -> list[tuple[str, int]]:
    """The first non-blank lines with their offsets, up to the first body paragraph."""
    out: list[tuple[str, int]] = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append((raw, pos))
            s = raw.strip()
            # A body paragraph ends the header: nothing below it is the headline.
            if len(s) > 80 or (len(s) > 30 and "。" in s and not is_chrome(s)):
                break
        pos += len(raw) + 1
        if len(out) >= max_lines:
            break
    return out


def find_title(text: str, meta_titles: tuple[str, ...] = (), max_lines: int = 14) -> Headline | None:
    """The headline: a body line backed by the features above, else a metadata title.

    ``meta_titles`` are the front-matter title and the page's ``<title>`` (site affixes are
    stripped here). A body line equal to or inside one of them wins outright; a metadata title
    that reads as a headline wins over a body line that has no backing.
    """
    stripped_metas = (strip_site_affixes(t) for t in meta_titles if t)
    written = [m for m in stripped_metas if m and is_headline_like(fold(m), strict=False)]
    metas = [fold(m) for m in written]  # compared with the folded body; shown as written
    lines = _lines(text, max_lines)
    stripped = [_LEAD_MARKS.sub("", ln.strip()) for ln, _ in lines]
    like = [not is_chrome(s) and _headline_like(s) for s in stripped]
    # Where the body has begun: the first sentence-long line that is neither chrome nor headline.
    # A long line of Latin residue (Skip to Content Facebook Feature Image) is page chrome, not prose.
    stop = next(
        (i for i, s in enumerate(stripped)
         if len(s) > 30 and not like[i] and not is_chrome(s) and han_count(s) >= 0.5 * len(s)),
        len(lines),
    )  # fmt: skip
    longest = max((len(stripped[i]) for i in range(stop) if like[i]), default=0)
    best: tuple[float, int] | None = None
    rank = 0  # position among the headline-like lines
    for i in range(stop):
        if not like[i]:
            continue
        s = stripped[i]
        score = 2.0 - 0.4 * rank
        rank += 1
        if any(s == m or (len(s) >= 8 and s in m) for m in metas):
            score += 3
        if stripped.count(s) > 1 or text.count(s) > 1:
            score += 1  # the headline repeated (a mirror's doubled heading, a share line)
        if any(len(t) >= 8 and t != s and s.startswith(t) for k, t in enumerate(stripped) if like[k]):
            score -= 2  # a decorated copy of another headline line (…交流会 要闻-吉林站 2502649)
        # An info line or a dateline right below the run of headline lines this one opens.
        j = i + 1
        while j < len(lines) and like[j]:
            j += 1
        opens_run = i == 0 or not like[i - 1]
        if opens_run and j < len(lines) and (is_chrome(stripped[j]) or _INFO_BELOW.match(stripped[j])):
            score += 1
        nxt = stripped[i + 1] if i + 1 < len(lines) and like[i + 1] else ""
        if nxt and _KICKER.match(s) and len(nxt) > len(s):
            score -= 2  # a kicker over the longer main headline
        if longest >= 1.6 * len(s):
            score -= 1  # a kicker or a subtitle in a stack: the main line is much the longest
        if best is None or score > best[0]:
            best = (score, i)
    if best is not None and (best[0] >= 1.0 or not metas):
        line, start = lines[best[1]]
        s = stripped[best[1]]
        a = start + line.index(s)
        return Headline(s, a, a + len(s), "headline-line", 0.9 if best[0] >= 3 else 0.75)
    if metas:
        m = metas[0]
        pos = text.find(m)
        return Headline(fold_script(written[0]), pos, pos + len(m) if pos >= 0 else -1, "metadata:title", 0.9)
    return None


_SOURCE_PATTERNS = (
    re.compile(r"(?:来源|发布者|发布单位|稿源|出处)\s*[:：]\s*(?P<s>[^\s|,，。()（）]{2,20})"),
    re.compile(rf"(?:^|[-—\s【\[(（])(?P<s>[{HAN_CLASS}]{{2,12}}?(?:日报|晚报|早报|时报|报|新闻网|网|电视台))讯"),
    re.compile(
        rf"(?P<s>(?![据从由在向经对])[{HAN_CLASS}]{{2,10}}?(?:新闻|日报|晚报|报|网|社|电视台))\s*(?:\([^)]{{0,40}}\))?\s*记者"
    ),
    # A news agency's dateline opening a line: 香港中通社11月26日电, 新华社南昌12月5日电.
    re.compile(
        rf"(?:^|\n)\s*(?P<s>[{HAN_CLASS}]{{1,10}}?(?:社|网|报|电视台))[{HAN_CLASS}]{{0,6}}?\d{{1,2}}月\d{{1,2}}日电(?!视|脑|话|子|力)"
    ),
)
# A word each pattern's matches hold: where it is missing the pattern is not run (the last one
# starts with a lookahead, so ``re`` would try it at every position of the header).
_SOURCE_NEEDS = ("", "讯", "记者", "日电")


def find_source(text: str, head_chars: int = 400, tail_chars: int = 300) -> tuple[str, int, int] | None:
    """The outlet named in the header (``梧州日报讯``, ``来源：``) or, failing that, a footer ``来源：``."""
    head = text[:head_chars]
    for pat, needs in zip(_SOURCE_PATTERNS, _SOURCE_NEEDS, strict=True):
        m = pat.search(head) if needs in head else None
        if m:
            return m.group("s"), m.start("s"), m.end("s")
    tail_start = max(0, len(text) - tail_chars)
    found = None
    for m in _SOURCE_PATTERNS[0].finditer(text, tail_start):
        found = m
    if found:
        return found.group("s"), found.start("s"), found.end("s")
    return None
