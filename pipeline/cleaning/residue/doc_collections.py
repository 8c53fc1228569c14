"""A document site's collection: several texts of one kind printed under one title.

Such a page titles the collection with a count ("借款合同集合[15篇]", "某协议书(精选13篇)",
"个人借款协议书最新14篇", "某范本(通用16篇)") and heads each text with the title again and its
number ("借款合同书1", "某协议书 篇1", "1.某协议书 篇一"), as read on collection pages of several
document sites through the pages corpus (kuwen.com, pinda.com, yuwen.net, wendang123.cn,
triyia.com, 52xueshu.com). The numbered copies of the title are the site's structure, not the
text: a line whose core — without the count, the item number and a bracketed tag (【热】) — is
the page title's core, and that carries such a decoration, goes.

A second collection glued onto the end of a text ("…日期:___。某协议补充三篇《合同篇一》合同编号:…")
is another document: from the line it starts to the page end, when that is the lesser part.

Two more parts of such a page, read on template and essay sites of the pages corpus (5gxyz.com,
xzwoo.com, xiexiebang.com, yiqiwanjituan.com): the item label of the first text under the page's
table of contents ("目录" / "第1篇 标题"), and the editor's intro opening the page ("下面是范文网
小编整理的某协议书8篇，供大家参阅。"), which says the site compiled a collection for the reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol


class Line(Protocol):
    text: str
    size: int
    cls: str
    reason: str
    repeated_prefix: int  # characters at the line's start to cut, and why
    prefix_note: str


_CN_NUMBER = "一二三四五六七八九十"
# What a collection adds around a title: a bracketed tag before it ("【热门】"), an item number
# before it ("1."), and after it a count ("(精选13篇)", "[15篇]", "最新14篇"), an item label
# ("篇一", "篇1") or a bare item number ("借款合同书1").
_TAG = r"[【\[][^】\]\d]{1,4}[】\]]"
_KIND = "(?:最新|精选|通用|优选|汇总|集合|合集|大全)"
_COUNT = rf"{_KIND}?\s*[(（\[【]?{_KIND}?\s*\d{{1,3}}\s*篇[)）\]】]?"
_ITEM = rf"篇\s*(?:\d{{1,3}}|[{_CN_NUMBER}]{{1,3}})"
_LEADING = re.compile(rf"^(?:{_TAG}\s*|\d{{1,2}}\s*[.、．]\s*)")
_TRAILING = re.compile(rf"\s*(?:{_TAG}|{_COUNT}|{_ITEM}|(?<=[^\d\s])\d{{1,2}})$")
MAX_TITLE = 45
MIN_CORE = 4
_SENTENCE_END = re.compile(r"[。！？!?；;]")


def _core(s: str) -> str:
    """The title without its collection decorations (at most one of each side)."""
    s = _LEADING.sub("", s, count=1)
    return _TRAILING.sub("", s, count=1).strip()


def collection_items(lines: Sequence[Line]) -> None:
    """Numbered copies of the page title heading the texts of a collection."""
    title = next((ln for ln in lines if ln.cls != "furniture"), None)
    if title is None or title.size > MAX_TITLE:
        return
    core = _core(title.text)
    if len(core) < MIN_CORE:
        return
    copies = []
    for ln in lines:
        s = ln.text
        if ln is title or ln.cls == "furniture" or ln.size > MAX_TITLE or _SENTENCE_END.search(s):
            continue
        if _core(s) == core and s != core:
            copies.append(ln)
    # A collection shows itself by its word (篇) or by numbering more than one copy: a single
    # "iPhone14" under the title "iPhone15" is a model named in the text, not an item heading.
    if len(copies) >= 2 or any("篇" in ln.text for ln in copies):
        for ln in copies:
            ln.cls, ln.reason = "furniture", "a collection's numbered copy of the title"


# A collection's title with its count and its first item's heading, at the start of a line:
# "某协议补充三篇《合同篇一》…", "某合同范本(通用16篇) 某合同范本 篇1…".
_WORDS = r"[^。！？，,、；;：:\s]"
_SECOND = re.compile(
    rf"^{_WORDS}{{2,30}}?(?:[{_CN_NUMBER}两]{{1,3}}|\d{{1,3}})篇\s*《[^》]{{1,20}}篇[一1]》"
    rf"|^{_WORDS}{{2,30}}?[(（][^()（）]{{0,6}}\d{{1,3}}\s*篇[)）]\s*{_WORDS}{{2,30}}?\s*篇\s*[一1](?![\d{_CN_NUMBER}])"
)


def second_document(lines: Sequence[Line]) -> None:
    """Another collection glued on below the text: it and what follows, if less than half."""
    start = next((i for i, ln in enumerate(lines) if ln.cls == "content"), None)
    if start is None:
        return
    total = sum(ln.size for ln in lines)
    for i in range(start + 1, len(lines)):
        if _SECOND.match(lines[i].text) is None:
            continue
        rest = lines[i:]
        if 2 * sum(ln.size for ln in rest) < total:
            for ln in rest:
                ln.cls, ln.reason = "furniture", "another document glued on"
        return


# The first text's item label under a table of contents: "第1篇 标题", "第一篇：标题".
_CONTENTS = re.compile(r"^[-•·*\s]*目\s*录[-•·*\s]*$")
_ITEM_LABEL = re.compile(rf"^第\s*(?:1|一)\s*篇\s*[:：]?\s*(?=\S{{{MIN_CORE}}})")


def item_label(lines: Sequence[Line]) -> None:
    """The first text's "第1篇" label on the line under a 目录 line at the page's head (only
    furniture above them): the label and the 目录 line go, the title after the label stays.
    Without the 目录 line a "第一篇" is a book's part heading and stays."""
    first = next((i for i, ln in enumerate(lines) if ln.cls != "furniture"), len(lines))
    rest = [ln for ln in lines[first:] if ln.cls != "furniture"]
    furniture_contents = any(_CONTENTS.match(ln.text) for ln in lines[:first])
    if len(rest) >= 2 and _CONTENTS.match(rest[0].text):
        contents, item = rest[0], rest[1]
    elif rest and furniture_contents:
        contents, item = None, rest[0]
    else:
        return
    m = _ITEM_LABEL.match(item.text)
    if m is None or item.repeated_prefix:
        return
    item.repeated_prefix, item.prefix_note = m.end(), "a collection's item label"
    if contents is not None:
        contents.cls, contents.reason = "furniture", "a collection's contents label"


# The editor's intro opening a template site's page: the site compiled (整理, 收集) a collection
# (a count of texts, or the site's product word) for the reader (供大家参阅, 希望对你有帮助). All
# three together, in the page's first line, ending as a sentence: a news story's lead sits
# under its headline, never above it.
_COMPILED = re.compile(r"整理|收集|搜集|精选|汇总|汇编")
_OFFER = re.compile(
    r"供(?:大家|您|你|各位|读者)[^。！!]{0,4}(?:参考|参阅|借鉴|阅读|学习|使用)|仅供参考"
    r"|希望[^。！!]{0,15}(?:帮助|帮到|有用|启发)|欢迎(?:大家)?(?:阅读|参考|借鉴|下载|收藏)"
)
_COLLECTION = re.compile(rf"\d{{1,3}}\s*篇|[{_CN_NUMBER}两几数多]篇|范文|范本|模板|合集|大全")
MAX_INTRO = 120


def editor_intro(lines: Sequence[Line]) -> None:
    first = next((i for i, ln in enumerate(lines) if ln.cls != "furniture"), None)
    if first is None or first + 1 >= len(lines):
        return
    ln = lines[first]
    s = ln.text
    if ln.size > MAX_INTRO or not re.search(r"[。！!]$", s):
        return
    if _COMPILED.search(s) and _OFFER.search(s) and _COLLECTION.search(s):
        ln.cls, ln.reason = "furniture", "a template site's editor intro"
