"""The headline and the outlet, from front matter when there is any, else from the first lines."""

from __future__ import annotations

import re

# A navigation or chrome line: language switches, breadcrumbs, menus of short items.
_NAV = re.compile(r"\||>|»|›|首页|当前位置|English|^EN$|登录|注册|分享到|字号|打印|关闭")
_NOT_HEADLINE = re.compile(
    r"(?:讯|记者|通讯员|发布时间|发布者|来源|作者|编辑|点击|阅读|浏览)[:：\s(（]|^(?:\d{4}[-./年]|http|www\.)"
)
# A site or outlet name standing alone on a line (江西省人民政府, 赣州日报, 人民网).
_SITE_NAME = re.compile(r"^\S{2,10}(?:网|门户|频道|官网|客户端|政府|日报|晚报|报|新闻|电视台|首页)$")
_SENTENCE_END = re.compile(r"[。！？!?；;]$")
# A kicker over the main headline reads as two short parallel phrases: 担当作为 实施“三年倍增”计划.
_KICKER = re.compile(r"^\S{2,10}[ \u3000]+\S{2,14}$")


def is_headline_like(line: str, strict: bool = True) -> bool:
    """Whether a line reads as a headline; ``strict=False`` only rules out navigation and bylines."""
    s = line.strip()
    if not strict:
        return bool(s) and not _NAV.search(s) and not _NOT_HEADLINE.search(s)
    return _headline_like(s)


def _headline_like(line: str) -> bool:
    s = line.strip()
    if not 6 <= len(s) <= 64:
        return False
    if _NAV.search(s) or _NOT_HEADLINE.search(s) or _SENTENCE_END.search(s) or _SITE_NAME.match(s):
        return False
    cjk = sum(1 for c in s if "\u4e00" <= c <= "\u9fff")
    if cjk < 0.6 * len(s.replace(" ", "")):
        return False
    # Body sentences carry several clauses; a headline at most one break.
    return s.count("，") + s.count(",") + s.count("。") <= 1


def find_title(text: str, max_lines: int = 6) -> tuple[str, int, int] | None:
    """The first line near the top that reads as a headline (skipping a kicker above it)."""
    pos = 0
    lines: list[tuple[str, int]] = []
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((raw, pos))
        pos += len(raw) + 1
        if len(lines) >= max_lines:
            break
    for i, (line, start) in enumerate(lines):
        if not _headline_like(line):
            # Only the first couple of lines may hold the headline; a body paragraph ends the search.
            if len(line.strip()) > 80:
                return None
            continue
        s = line.strip()
        if _KICKER.match(s) and i + 1 < len(lines) and _headline_like(lines[i + 1][0]):
            line, start = lines[i + 1]
            s = line.strip()
        offset = start + line.index(s)
        return s, offset, offset + len(s)
    return None


_SOURCE_PATTERNS = (
    re.compile(r"(?:来源|发布者|发布单位|稿源|出处)\s*[:：]\s*(?P<s>[^\s|,，。()（）]{2,20})"),
    re.compile(r"(?:^|[-—\s【\[(（])(?P<s>[\u4e00-\u9fff]{2,12}?(?:日报|晚报|早报|时报|报|新闻网|网|电视台))讯"),
    re.compile(
        r"(?P<s>(?![据从由在向经对])[\u4e00-\u9fff]{2,10}?(?:新闻|日报|晚报|报|网|社|电视台))\s*(?:\([^)]{0,40}\))?\s*记者"
    ),
)
# A word each pattern's matches hold: where it is missing the pattern is not run (the last one
# starts with a lookahead, so ``re`` would try it at every position of the header).
_SOURCE_NEEDS = ("", "讯", "记者")


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
