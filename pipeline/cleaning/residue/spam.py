"""Inline residue: "展开剩余85%" fold markers, repost footers and inserted spam phrases."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.cleaning.base import Step, run_edits
from pipeline.cleaning.residue.lines import dedupe, line_matches
from pipeline.offsets import Edit
from pipeline.resources import resource_path

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
HINTED = ((_TAIL_LINE, _TAIL_LINE_HINT),)


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


def remove_inline_residue(text: str) -> Step:
    """Drop "展开剩余85%"-style fold markers, repost footers and inserted spam phrases."""
    edits: list[Edit] = [Edit(m.start(), m.end(), "", "residue", m.group()) for m in _EXPAND.finditer(text)]
    edits += [
        Edit(m.start(), m.end(), "", "residue", m.group().strip())
        for m in line_matches(_TAIL_LINE, _TAIL_LINE_HINT, text)
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
    step = run_edits("residue", text, dedupe(edits), "fold markers, repost footers and spam removed")
    if any(e.kind == "spam" for e in step.edits):
        step.flags.append("spam_removed")
    return step

