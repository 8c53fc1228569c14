"""Furniture of printed pages served on the web: e-paper pages and document-sharing sites.

A newspaper's e-paper page and a document site's page both wrap a printed text in the
furniture of the page it came from. The repairs here judge that furniture by layout, not by the
wording of one site:

- **page numbers of a document site** written into the text where its pages meet (``…占总投资的14.8``
  / ``2、9%。…``): a run of line-leading numbers 1、2、3、… in step, each one after a page-long
  line, most of them breaking a sentence (a list's items end their sentences);
- **link runs** a document site prints into the text: one token of titles glued together, each
  ending in the same call to action (``X下载Y下载Z下载``);
- **the head of an e-paper page** above the headline (masthead, serial number, the page's list
  of headlines, section label, page number, a banner ad): the headline is the first heading-like
  line the page prints again (as the article's own heading or in its list of headlines);
- **an ad line printed between paragraphs** more than once (``…，点击免费用，…``);
- **empty image markup** left by a page saved as Markdown (``![]()``), and the table pipes it
  leaves behind.

Sources: the layouts of e-paper pages (people.com.cn, gmw.cn and provincial dailies on the
founder/"数字报" e-paper systems) and of document-sharing sites (文库 sites that print the page
number before each page's text, and link lists of related documents), studied in real pages;
no rule names a site or a phrase of one page.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from pipeline.cleaning import spinning
from pipeline.cleaning.base import HAN, Step, han_count, run_edits, without_overlaps
from pipeline.offsets import Edit

_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = "。！？!?…"
# Marks that end a clause or a list item: a break after them is no break inside a sentence.
_ITEM_END = _SENTENCE_END + "；;：:"
_CLOSERS = "”’」』）)》】"

# -- page numbers of a document site ------------------------------------------------------------

_PAGE_MARK = re.compile(r"^[ \t]*(\d{1,3})、")
# A printed page holds hundreds of characters; list items rarely run this long without a stop.
PAGE_CHARS = 200


def _ends_item(line: str) -> bool:
    core = line.rstrip().rstrip(_CLOSERS)
    return bool(core) and core[-1] in _ITEM_END


def join_page_numbers(text: str) -> Step:
    """``…占总投资的14.8\\n2、9%。`` → ``…占总投资的14.89%。``: page numbers of a document site.

    Document-sharing sites print each page's text as one line led by its page number ("1、",
    "2、", …). Taken as such only when the numbers run 1, 2, 3, … in step from the first one, every
    page before a number is page-long (``PAGE_CHARS``), and most breaks fall inside a sentence;
    then each number goes, and a break inside a sentence is joined.
    """
    lines = list(_LINE.finditer(text))
    marks: list[tuple[int, re.Match[str]]] = []
    for n, ln in enumerate(lines):
        m = _PAGE_MARK.match(ln.group())
        if m is not None and int(m.group(1)) == len(marks) + 1:
            marks.append((n, ln))
    if len(marks) < 2:
        return run_edits("page_numbers", text, [])
    inside = 0
    for n, _ in marks[1:]:
        prev = lines[n - 1].group()
        if len(prev.strip()) < PAGE_CHARS:
            return run_edits("page_numbers", text, [])
        inside += not _ends_item(prev)
    if 2 * inside < len(marks) - 1:
        return run_edits("page_numbers", text, [])
    edits: list[Edit] = []
    for k, (n, ln) in enumerate(marks):
        m = _PAGE_MARK.match(ln.group())
        assert m is not None
        start = ln.start() + m.start(1)
        if k and not _ends_item(lines[n - 1].group()):
            start = lines[n - 1].end()  # the page broke a sentence: join it again
        edits.append(Edit(start, ln.start() + m.end(), "", "page_number", f"page number {m.group(1)}"))
    return run_edits("page_numbers", text, edits, "page numbers of a document site removed")


# -- link runs ------------------------------------------------------------------------------------

# One space-delimited token of titles glued together, each ending in the same call to action.
_ACTIONS = ("下载", "免费下载", "在线阅读", "在线预览")
_LINK_RUN = re.compile(rf"(?:(?<= )|^)[^\s，。、；：！？,;:!?]{{6,}}?(?:{'|'.join(_ACTIONS)})(?= |$)", re.M)
MIN_LINKS = 3


def remove_link_runs(text: str) -> Step:
    """``评价 LEC评价法下载评价量规免费下载学院评价表文档下载 一、概述`` → ``评价 一、概述``.

    A document site prints links to related documents into the text, their titles run together
    in one token with the call to action after each (``下载``). Prose never says 下载 three times
    without a space or a punctuation mark between; the token goes with the space before it.
    """
    edits: list[Edit] = []
    for m in _LINK_RUN.finditer(text):
        token = m.group()
        if token.count("下载") < MIN_LINKS or han_count(token) < 6:
            continue
        start = m.start() - 1 if m.start() and text[m.start() - 1] == " " else m.start()
        edits.append(Edit(start, m.end(), "", "link_run", "related-document links"))
    for m in _LABEL_RUN.finditer(text):
        edits.append(Edit(m.start(), m.end(), "", "link_run", "download-link labels"))
    return run_edits("link_runs", text, edits, "links to related documents removed")


# Download links a document site prints behind a form's name as bracketed labels side by side:
# "申请书(空白文本下载)(示范文本下载);". Two or more in a row, each a short label ending in the call
# to action; prose cites one bracketed remark at a time.
_LABEL = rf"[(（][^()（）\s，。；;]{{0,10}}(?:{'|'.join(_ACTIONS)})[)）]"
_LABEL_RUN = re.compile(rf"(?:{_LABEL}){{2,}}")


# -- the head of an e-paper page ------------------------------------------------------------------

HEAD_LINES = 12
MIN_HEADLINE = 8
MAX_HEADLINE = 60
# What marks an e-paper page: a page label (第A05版, B08版:港闻), or the page's own name for itself
# and its page navigation.
_PAGE_LABEL = re.compile(r"(?:^|[\s:：|])第?[A-Z]?\d{1,3}版(?:[:：(（\s]|$)")
_EPAPER_MARK = re.compile(rf"{_PAGE_LABEL.pattern}|数字报|电子报|电子版|PDF原版|版面导航|[上下]一版|[上下]一期")
# The issue's date stays (the article's date is read from it); the page label stays for the
# page-info step, which keeps it as metadata.
_ISSUE_DATE = re.compile(r"\d{4}|\d{1,2}月")
_DATE_LINE = re.compile(r"^[\d\s年月日号:：/.\-()（）]*(?:星期|周)?[一二三四五六日天]?[\d\s年月日号:：/.\-()（）]*$")


# A headline leads with no bullet; a credit or a caption line often does.
_BULLET = "●■□▲◆◎★☆•·◇○▶►"


def _heading_like(line: str) -> bool:
    return (
        line[0] not in _BULLET
        and MIN_HEADLINE <= len(line) <= MAX_HEADLINE
        and not any(c in line for c in _SENTENCE_END)
        and han_count(line) >= 6
        and _DATE_LINE.match(line) is None
    )


def _kept_above(line: str) -> bool:
    """The issue's date and a short page label stay above the headline (page-info reads them)."""
    if _DATE_LINE.match(line) is not None and _ISSUE_DATE.search(line):
        return True
    return len(line) <= 20 and _PAGE_LABEL.search(line) is not None


def trim_epaper_head(text: str) -> Step:
    """The masthead, serial, list of headlines, section and page labels above an e-paper headline.

    On an e-paper page (a page label or the page's navigation in its first lines) the headline is
    the first heading-like line the page prints again: as the article's heading under its
    photos, or in the page's list of headlines. Every line above it goes, except a date line
    (the issue's date), and only when none of them is prose (a line with a sentence end).
    """
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    head = lines[:HEAD_LINES]
    if len(lines) < 4 or not any(_EPAPER_MARK.search(m.group()) for m in head):
        return run_edits("epaper_head", text, [])
    stripped = [m.group().strip() for m in lines]
    # Compared without spaces: a list of headlines may set a headline's two parts further apart.
    bare = ["".join(s.split()) for s in stripped]
    headline = None
    for i in range(1, len(head)):
        if not _heading_like(stripped[i]):
            continue
        # A copy right under the line is a stutter (a byline drawn twice), not a headline printed again.
        if any(j != i and bare[i] in other and (abs(j - i) > 1 or other != bare[i]) for j, other in enumerate(bare)):
            headline = i
            break
    if headline is None:
        return run_edits("epaper_head", text, [])
    above = stripped[:headline]
    if any(any(c in s for c in _SENTENCE_END) for s in above):
        return run_edits("epaper_head", text, [])
    edits = [
        Edit(m.start(), m.end() + (text[m.end() : m.end() + 1] == "\n"), "", "epaper_head", "e-paper page furniture")
        for m, s in zip(lines[:headline], above, strict=True)
        if not _kept_above(s)
    ]
    return run_edits("epaper_head", text, edits, "e-paper page furniture above the headline removed")


# -- a headline set on two lines ------------------------------------------------------------------

# A headline line with one space between Han characters: its two printed lines, joined by a space.
_SPLIT_HEADLINE = re.compile(rf"^([{HAN}][^\s。！？!?]{{1,20}}[{HAN}]) ([{HAN}][^\s。！？!?]{{1,24}}[{HAN}])$")
_NOUNISH = ("n", "vn", "nz", "ns", "nt", "nr", "j", "l", "m", "q", "t", "f", "b", "an")


@lru_cache(maxsize=1)
def _pos_tokenizer() -> Any:
    import jieba.posseg  # loads the part-of-speech table of jieba's dictionary, once, when first needed

    return jieba.posseg.POSTokenizer(spinning.tokenizer())


def _verb_then_object(left: str, right: str) -> bool:
    """Whether ``left`` ends with a verb and ``right`` is its object: a noun phrase with no verb.

    ``相山区召开 | 招商引资工作调度会`` is one clause cut in two; ``如画江西 | 征象独好`` and
    ``项目签约 | 开工建设`` are two phrases set side by side, as headlines often are.
    """
    tagger = _pos_tokenizer()
    last = list(tagger.lcut(left, HMM=False))[-1]
    if last.flag != "v" or len(last.word) < 2:
        return False
    words = list(tagger.lcut(right, HMM=False))
    return all(w.flag.startswith(_NOUNISH) for w in words) and words[-1].flag.startswith(("n", "vn", "j"))


def join_headline_space(text: str) -> Step:
    """``相山区召开 招商引资工作调度会`` → ``相山区召开招商引资工作调度会`` on an e-paper page.

    An e-paper prints a long headline on two lines and its text joins them with a space. Joined
    only on a page with e-paper marks, for the first heading-like line of the head split by one
    space where the first part ends with a verb whose object is the second part (a noun phrase
    without a verb); parallel halves keep their space.
    """
    lines = [m for m in _LINE.finditer(text) if m.group().strip()][:HEAD_LINES]
    if not any(_EPAPER_MARK.search(m.group()) for m in lines):
        return run_edits("headline_space", text, [])
    for m in lines:
        s = m.group().strip()
        h = _SPLIT_HEADLINE.match(s)
        if h is None:
            continue
        if _verb_then_object(h.group(1), h.group(2)):
            gap = m.start() + m.group().index(s) + h.end(1)
            edits = [Edit(gap, gap + 1, "", "headline_space", "headline's two lines joined")]
            return run_edits("headline_space", text, edits, "a headline set on two lines joined")
        break  # only the headline: the first such line
    return run_edits("headline_space", text, [])


# -- a document site's notice ---------------------------------------------------------------------

# A document named by its file name, in title marks: 《X.docx》, 《X.pdf(26页)》.
_FILE_TITLE = re.compile(r"《([^《》\n]{2,80}?\.(?:docx?|pdf|pptx?|xlsx?|wps|txt))(?:\([^()《》\n]{0,20}\))?》", re.I)
NOTICE_LINES = 3


def remove_doc_notice(text: str) -> Step:
    """A document site's notice at the top naming the document's file twice.

    ``《X.docx》由会员分享…更多相关《X.docx(26页珍藏版)》请在…上搜索。``: prose names a file once
    if at all; a notice that names the same file name twice among the first lines is the site's.
    """
    edits: list[Edit] = []
    for m in list(_LINE.finditer(text))[:NOTICE_LINES]:
        names = [f.group(1) for f in _FILE_TITLE.finditer(m.group())]
        if len(names) >= 2 and len(set(names)) < len(names) and len(m.group()) <= 300:
            end = m.end() + (text[m.end() : m.end() + 1] == "\n")
            edits.append(Edit(m.start(), end, "", "doc_notice", "document site's notice"))
    return run_edits("doc_notice", text, edits, "a document site's notice removed")


# -- an ad line printed between paragraphs --------------------------------------------------------

# Calls to action of an ad: click, free, one tap, scan, download, sign up.
_CALL = re.compile(r"点击|免费|一键|扫码|扫一扫|下载|立即|马上|注册|领取")
_CLAUSE = re.compile(r"[，,]")


def remove_repeated_ads(text: str) -> Step:
    """An ad line (a call to action, clauses but no sentence end) printed twice or more between paragraphs."""
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    counts = Counter(m.group().strip() for m in lines)
    edits: list[Edit] = []
    for n, m in enumerate(lines):
        s = m.group().strip()
        if counts[s] < 2 or not 12 <= len(s) <= 80 or any(c in s for c in _SENTENCE_END):
            continue
        if not _CLAUSE.search(s) or _CALL.search(s) is None or han_count(s) < 8:
            continue
        # Between paragraphs: neither neighbour is another copy (a stutter is left to others).
        if (n and lines[n - 1].group().strip() == s) or (n + 1 < len(lines) and lines[n + 1].group().strip() == s):
            continue
        end = m.end() + (text[m.end() : m.end() + 1] == "\n")
        edits.append(Edit(m.start(), end, "", "repeated_ad", "ad line printed between paragraphs"))
    return run_edits("repeated_ads", text, edits, "ad lines repeated between paragraphs removed")


# -- running heads and feet ----------------------------------------------------------------------

# A page number alone on its line: "— 2 —", "- 3 -", "第 4 页", "第4页/共9页", "5 / 12", "Page 6", "7".
_PAGE_NO = re.compile(
    r"^[ \t]*(?:[—\-–－]{1,2}[ \t]*(\d{1,4})[ \t]*[—\-–－]{1,2}"
    r"|第[ \t]*(\d{1,4})[ \t]*[页頁](?:[ \t]*[/／,，]?[ \t]*共[ \t]*\d{1,4}[ \t]*[页頁])?"
    r"|(\d{1,4})[ \t]*[/／][ \t]*\d{1,4}|Page[ \t]+(\d{1,4})(?:[ \t]+of[ \t]+\d{1,4})?|(\d{1,4}))[ \t]*$",
    re.M,
)
RUNNING_MAX = 40
PAGE_LINES = 5
_DIGIT_RUN = re.compile(r"\d+")


def _page_numbers(lines: list[re.Match[str]]) -> list[int]:
    """Indexes of the lines that are page numbers: at least two, counting up, a page apart."""
    found: list[tuple[int, int]] = []
    for n, m in enumerate(lines):
        pm = _PAGE_NO.match(m.group())
        if pm is not None:
            found.append((n, int(next(g for g in pm.groups() if g is not None))))
    # Keep the longest run whose numbers go up (a bare number may also be a figure in a table).
    run: list[tuple[int, int]] = []
    best: list[tuple[int, int]] = []
    for item in found:
        # A page holds several lines: numbers closer together are a numbered list or a table.
        if run and (item[1] <= run[-1][1] or item[0] - run[-1][0] < PAGE_LINES):
            run = []
        run.append(item)
        if len(run) > len(best):
            best = list(run)
    return [n for n, _ in best] if len(best) >= 2 else []


def remove_running_heads(text: str) -> Step:
    """Page numbers and the running heads and feet printed beside them on every page of a PDF.

    A line counts as a page number only in a run of two or more counting up; a short line (no
    sentence end) next to page numbers on two pages or more is a running head or foot. Both
    go, so the line joiner sees a sentence that a page break cut as one wrapped line.
    """
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    pages = _page_numbers(lines)
    if not pages:
        return run_edits("running_heads", text, [])
    page_set = set(pages)

    def key(n: int) -> str | None:
        if n < 0 or n >= len(lines) or n in page_set:
            return None
        s = "".join(lines[n].group().split())
        if not 2 <= len(s) <= RUNNING_MAX or any(c in s for c in _SENTENCE_END) or han_count(s) < 2:
            return None
        return _DIGIT_RUN.sub("0", s)

    near: dict[str, set[int]] = {}
    for p in pages:
        for n in (p - 2, p - 1, p + 1, p + 2):
            k = key(n)
            if k is not None:
                near.setdefault(k, set()).add(n)
    running = {k for k, ns in near.items() if len({min(pages, key=lambda p: abs(p - n)) for n in ns}) >= 2}
    drop = set(pages) | {n for k in running for n in near[k]}
    edits = [
        Edit(lines[n].start(), lines[n].end() + (text[lines[n].end() : lines[n].end() + 1] == "\n"), "",
             "running_head", "page number" if n in page_set else "running head or foot")
        for n in sorted(drop)
    ]
    return run_edits("running_heads", text, edits, "page numbers and running heads removed")


# -- empty image markup ----------------------------------------------------------------------------

# An image with no address shows nothing; a table row left with only its pipes holds nothing.
_EMPTY_IMAGE = re.compile(r"!\[[^\]\n]{0,40}\]\(\s*\)")
_PIPES_ONLY = re.compile(r"^[ |｜]*\|[ |｜]*$", re.M)


def remove_empty_images(text: str) -> Step:
    """``![]()`` (an image without an address, from a page saved as Markdown) and pipe-only rows."""
    if "](" not in text:
        return run_edits("empty_images", text, [])
    edits = [Edit(m.start(), m.end(), "", "empty_image", "image without address") for m in _EMPTY_IMAGE.finditer(text)]
    if edits:
        blanked = _EMPTY_IMAGE.sub(lambda m: " " * len(m.group()), text)
        edits += [
            Edit(m.start(), m.end(), "", "empty_image", "table row left empty")
            for m in _PIPES_ONLY.finditer(blanked)
        ]
    return run_edits("empty_images", text, without_overlaps(edits), "images without an address removed")
