"""Inline residue: "展开剩余85%" fold markers, repost footers and inserted spam phrases."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.charclass import HAN_CLASS
from pipeline.cleaning.base import Step, run_edits
from pipeline.cleaning.containers import parse_date
from pipeline.cleaning.residue.brands import brand_spam
from pipeline.cleaning.residue.lines import dedupe, line_matches
from pipeline.cleaning.residue.marks import layout_marks
from pipeline.offsets import Edit
from pipeline.resources import resource_path

# "点击" spelled out in each branch, not as an optional prefix: every branch then starts with a
# literal, and the engine skips to those few characters instead of trying every position.
_EXPAND = re.compile(r"(?:点击(?:展开|张开|伸开)|展开|张开|伸开)(?:剩余|全文|余下)(?: *\d{1,3} *[%％])?")
# "展开详细" / "展开更多" only as a fold link ending a line: in prose 展开更多合作 is a phrase.
_EXPAND_END = re.compile(r"(?<=[。！？”\s])[ \t]*展开(?:详细|更多|全部)[ \t]*$", re.M)
_EXPAND_END_HINT = re.compile("展开")
_TAIL_LINE = re.compile(
    r"^ *(?:返回搜狐[,，]?查看更多|点击查看更多|阅读原文|查看原文|点击阅读全文|"
    r"(?:平台声明|免责声明|版权声明|版权说明|特别声明)[:：][^\n]{0,120}|本文(?:转载|来源)自[^\n]{0,60}|"
    # A repost notice: "本文为某站原创文章，转载请附上原文出处链接和本声明。", "未经许可，不得转载".
    r"[^\n。？?！!]{0,30}转载(?:请|须|需|务必)[^\n？?！!]{0,40}"
    r"|[^\n。？?！!]{0,30}未经[^\n。？?！!]{0,20}(?:许可|授权|同意)[^\n。？?！!]{0,12}不得转载[^\n？?！!]{0,20}|"
    r"(?:微信|扫码|扫一扫)[^\n]{0,12}(?:关注|分享)[^\n]{0,20}) *$",
    re.M,
)
_TAIL_LINE_HINT = re.compile("返回搜狐|查看更多|阅读原文|查看原文|阅读全文|声明|版权说明|本文|微信|扫码|扫一扫|转载")
# A gambling / forex brand line a spam template drops between paragraphs: "耀世娱乐-科技赋能场景，
# 让娱乐更有趣。", "乐鱼体育app下载", "KaiYun官网". Judged by structure, not by a brand list: a short
# line that opens with a name glued to a trade word, carries a second sign of an ad, and has
# nothing to do with its neighbours (see ``_spam_lines``).
_AD_WORD = "娱乐|体育|棋牌|彩票|真人|电竞|外汇|平台|官网|app|APP|App"
_BRAND_LINE = re.compile(
    rf"^[ \t]*([A-Za-z][A-Za-z0-9]{{1,15}}|[{HAN_CLASS}]{{2,4}}?)({_AD_WORD})[^\n]{{0,36}}$", re.M
)
_BRAND_LINE_HINT = re.compile(_AD_WORD)
HINTED: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (_TAIL_LINE, _TAIL_LINE_HINT),
    (_BRAND_LINE, _BRAND_LINE_HINT),
    (_EXPAND_END, _EXPAND_END_HINT),
)  # the emoji and jump-line pairs are added below, where those patterns are defined
_AD_WORDS = re.compile(_AD_WORD + "|下载|注册|登录|入口|官方")
# The brand and its trade word directly followed by a slogan separator: "耀世娱乐-…", "XX体育|…".
_SLOGAN_SEP = re.compile(r"[ \t]*[-—–|｜:：·]")
_DOMAIN = re.compile(r"[A-Za-z0-9-]+\.(?:com|net|cc|vip|app|top|xyz)\b")
MIN_PROSE_NEIGHBOUR = 30


def _neighbour(lines: list[str], i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(lines) and not lines[j].strip():
        j += step
    return lines[j].strip() if 0 <= j < len(lines) else ""


def _spam_lines(text: str) -> list[Edit]:
    """Brand ad lines between paragraphs. A line counts only if all hold: it is short and opens
    with a name glued to a trade word (娱乐, 体育, 平台, 官网, app…); it carries a second sign of an
    ad (a second trade word, a slogan separator right after the brand, a domain); it sits
    between two lines, one of them prose; the brand occurs nowhere else in the article and the
    trade word in neither neighbour. A heading or credit of a clean article shares its words
    with the story, so it fails the last test."""
    if not _BRAND_LINE_HINT.search(text):
        return []
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    index = {s: i for i, s in enumerate(starts)}
    edits: list[Edit] = []
    for m in line_matches(_BRAND_LINE, _BRAND_LINE_HINT, text):
        i = index.get(m.start())
        brand, word = m.group(1), m.group(2)
        line = m.group().strip()
        if i is None or len(line) < 4:
            continue
        rest = text[m.end(2) : m.end()]
        second = len(_AD_WORDS.findall(line)) >= 2 or _SLOGAN_SEP.match(rest) is not None or _DOMAIN.search(line)
        before, after = _neighbour(lines, i, -1), _neighbour(lines, i, 1)
        between = bool(before and after) and max(len(before), len(after)) >= MIN_PROSE_NEIGHBOUR
        elsewhere = text[: m.start()] + text[m.end() :]
        if second and between and brand not in elsewhere and word not in before and word not in after:
            end = m.end() + 1 if m.end() < len(text) else m.end()
            edits.append(Edit(m.start(), end, "", "spam", f"spam line: {line}"))
    return edits


SPAM_WINDOW = 40
# Every spam pattern holds one of these words (tests/pipeline/cleaning/test_hints.py proves it
# from the patterns' syntax); the full pattern is tried only around them.
_SPAM_ANCHOR = re.compile(
    r"app|APP|App|平台|官网|官方|入口|网站|网页版|体育|电竞|娱乐|彩票|棋牌|百家乐|真人|下载|登录|kaiyun|KAIYUN|开云|\.com"
    r"|游戏|综合|手机版|全站|中国"
)


@lru_cache(maxsize=1)
def spam_patterns() -> tuple[str, ...]:
    """The patterns of ``resources/spam_patterns.txt``, one a line."""
    with open(resource_path("spam_patterns.txt"), encoding="utf-8") as fh:
        lines = (line.strip() for line in fh)
        return tuple(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _spam_rx() -> re.Pattern[str] | None:
    patterns = [f"(?:{p})" for p in spam_patterns()]
    return re.compile("|".join(patterns)) if patterns else None


# Emoji a spam template scatters inside words ("阿里巴😘巴"): pictographs between two word
# characters. An emoji after a sentence or alone on a line is left alone.
_EMOJI = re.compile(
    r"(?<=[\w，。、；：“”])[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2B55\u2764\u2705\u2728]"
    r"[\U0001F3FB-\U0001F3FF\uFE0F\u200D]*(?=\w)"
)
_EMOJI_HINT = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]")
# An e-paper jump line inside a paragraph: "（下转2版）", "(上接第1版)".
_JUMP = re.compile(r"[(（](?:下转|上接|转|接)(?:第)?\s*[A-Z]?\d{1,3}\s*版[)）]")
_JUMP_HINT = re.compile("版")
# A rule of asterisks glued to the end of a line after its punctuation or its last Han word
# ("…走近这张报纸……******", a stitched story's headline "…促升级******"); a masked number or
# code ("138******", "ID:ab******") keeps its asterisks.
_GLUED_RULE = re.compile(rf"(?:(?<=[^\w\s*])|(?<=[{HAN_CLASS}]))\*{{5,}}[ \t]*$", re.M)
_GLUED_RULE_HINT = re.compile(r"\*")
HINTED += (
    (_EMOJI, _EMOJI_HINT),
    (_JUMP, _JUMP_HINT),
    (_GLUED_RULE, _GLUED_RULE_HINT),
)
# A bracketed contact ad: "【更多公文素材，微信：dadaw k01】", "[加微信 abc123 领取]".
_CONTACT_AD = re.compile(
    r"[【\[][^【】\[\]\n]{0,20}(?:微信|微信号|QQ|qq|VX|vx|公众号)[:：]?\s*"
    r"[A-Za-z0-9][A-Za-z0-9_\- ]{2,20}[^【】\[\]\n]{0,10}[】\]]"
)
# A publication stamp inside a line: "更新时间:2011-3-19 10:29:36" (a full date with a time of day).
_INLINE_STAMP = re.compile(
    r"(?:更新时间|发布时间|发布日期|发表时间|发稿时间|时间)[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?)"
)
# A watermark token a site repeats at paragraph ends ("bQEesmc"): mixed-case Latin, no word.
_WATERMARK = re.compile(r"(?<=[。！？”」\n])[ \t]*([A-Za-z]*[a-z][A-Z][A-Za-z]*|[A-Z]{2,}[a-z][A-Za-z]*)[ \t]*(?=\n|$)")
MIN_WATERMARKS = 3


def _watermarks(text: str) -> list[Edit]:
    found: dict[str, list[re.Match[str]]] = {}
    for m in _WATERMARK.finditer("\n" + text):
        if 5 <= len(m.group(1)) <= 12:
            found.setdefault(m.group(1), []).append(m)
    return [
        Edit(m.start() - 1, m.end() - 1, "", "residue", f"watermark {token}")
        for token, ms in found.items()
        if len(ms) >= MIN_WATERMARKS
        for m in ms
    ]


def _lone_watermark_lines(text: str, tokens: set[str]) -> list[Edit]:
    if not tokens:
        return []
    rx = re.compile(r"^[ \t]*(?:" + "|".join(map(re.escape, sorted(tokens))) + r")[ \t]*$", re.M)
    return [Edit(m.start(), m.end(), "", "residue", f"watermark {m.group().strip()}") for m in rx.finditer(text)]


def remove_inline_residue(text: str) -> Step:
    """Drop "展开剩余85%"-style fold markers, repost footers, inserted spam phrases, emoji inside
    words, e-paper jump lines, bracketed contact ads, inline publication stamps and watermark
    tokens repeated at paragraph ends."""
    edits: list[Edit] = [Edit(m.start(), m.end(), "", "residue", m.group()) for m in _EXPAND.finditer(text)]
    if _EXPAND_END_HINT.search(text):
        edits += [Edit(m.start(), m.end(), "", "residue", m.group().strip()) for m in _EXPAND_END.finditer(text)]
    if _EMOJI_HINT.search(text):
        edits += [Edit(m.start(), m.end(), "", "residue", "emoji inside text") for m in _EMOJI.finditer(text)]
    if _JUMP_HINT.search(text):
        edits += [Edit(m.start(), m.end(), "", "residue", m.group()) for m in _JUMP.finditer(text)]
    edits += [Edit(m.start(), m.end(), "", "residue", m.group()) for m in _CONTACT_AD.finditer(text)]
    if _GLUED_RULE_HINT.search(text):
        edits += [Edit(m.start(), m.end(), "", "residue", "rule glued to a line") for m in _GLUED_RULE.finditer(text)]
    edits += layout_marks(text)
    stamps = list(_INLINE_STAMP.finditer(text))
    edits += [Edit(m.start(), m.end(), "", "residue", m.group()) for m in stamps]
    marks = _watermarks(text)
    edits += marks + _lone_watermark_lines(text, {e.note.split(" ", 1)[1] for e in marks})
    edits += [
        Edit(m.start(), m.end(), "", "residue", m.group().strip())
        for m in line_matches(_TAIL_LINE, _TAIL_LINE_HINT, text)
    ]
    edits += _spam_lines(text)
    edits += brand_spam(text)
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
    step = run_edits("residue", text, dedupe(edits), "fold markers, repost footers and spam removed")
    if any(e.kind == "spam" for e in step.edits):
        step.flags.append("spam_removed")
    if stamps:
        step.metadata["published_raw"] = stamps[0].group(1)
        date = parse_date(stamps[0].group(1))
        if date:
            step.metadata["published_at"] = date
    return step
