"""Photo captions lifted out of the body (they carry facts) and image file names dropped."""

from __future__ import annotations

import re

from pipeline.cleaning.base import HAN, Found, Step, run_edits
from pipeline.cleaning.containers import IMAGE_EXT
from pipeline.cleaning.residue.lines import LINE
from pipeline.offsets import Edit

# An image's file name: letters, digits and any ASCII mark save a space or a sentence mark, as
# hashed upload names use them ("8A0SB{%()7O)7%J}]MA_AYP_tmb.jpg", "6344df17a8a57.png").
_FILE_NAME = rf"[\w\-.{{}}()\[\]%~+=@#$&^']+\.{IMAGE_EXT}"
_IMAGE_NAME = re.compile(rf"^ *(?:{_FILE_NAME}|image|图片|img)(?: +{_FILE_NAME})* *$", re.I)
# A camera's or a screenshot tool's default file name, without an extension, ending an image's
# alt text: "标题_fororder_截图20230309080812", "微信图片_20210518093512".
_DEFAULT_IMAGE = re.compile(
    r"(?:^|[_\s])(?:截图|截屏|屏幕截图|微信图片|QQ图片|IMG|DSC|DSCN)[_\-]?\d{6,}(?:[_\-]\d+)*$", re.I
)
_MARKER = re.compile(r"^ *[▲▶▼△▽►◀↑↓☆](?: |\s)*")
_CREDIT = re.compile(
    rf"(?:^|[ 　。])(?:[{HAN}A-Za-z]{{0,16}}(?:记者|通讯员|摄影师|摄影|图)?[ 　]?[{HAN}]{{2,4}}"
    rf"[ 　/／]?(?:摄|摄影|供图))$"
    rf"|[(（](?:[^()（）\n]{{0,24}})(?:摄|摄影|供图|图源)[^()（）\n]{{0,16}}[)）]$"
    r"|^(?:图为|图[:：]|图片[:：]|图片来源|资料图|图源[:：])"
)


# "图为…" ("the photo shows") is a caption's opening; at the end of a paragraph, after a sentence,
# optionally with its photo credit, it is a caption that lost its line break.
_INLINE_CAPTION = re.compile(
    rf"(?<=[。！？])[ 　]*图为[^。！？\n]{{2,120}}[。！？]?"
    rf"(?:[ 　]*[{HAN}A-Za-z]{{0,12}}?[ 　]?[{HAN}]{{2,4}}[ 　]?(?:摄|摄影|供图))?[ 　]*$"
)

_INLINE_CAPTION_HINT = re.compile("图为")
HINTED = ((_INLINE_CAPTION, _INLINE_CAPTION_HINT),)


def _maybe_credit(line: str) -> bool:
    """Whether ``line`` (no newline in it) can match ``_CREDIT`` at all: its branches end with
    摄/摄影/供图 or a closing bracket, or start with 图/资料图. Skips the search on most lines."""
    return line[-1:] in _CREDIT_LAST or line[:1] in _CREDIT_FIRST


_CREDIT_LAST = frozenset("摄影图)）")
_CREDIT_FIRST = frozenset("图资")
# Half-width commas count: a text set in half-width punctuation ("6月9日讯 据新华社报道,6月8日…")
# is prose all the same.
_NO_SENTENCE = re.compile(r"^[^。！？!?；;，,]*$")
_SCENE = re.compile(r"(?:现场|合影|留影|掠影|一角|全景|剪影|实景|效果图|鸟瞰图?|外景|航拍图?|资料(?:照片|图片))$")
# Subject-less action phrases ("参观…"); "考察团…" / "调研组…" are subjects, not actions.
_ACTION = re.compile(r"^(?:参观|考察|调研|走访|视察|察看|查看|听取|观看|参加|出席|检查|慰问)(?![团组队])")
_TEXT_BYLINE = re.compile(r"(?:^|[\s\d(（])(?:文|撰文|记者|記者|作者)\s*[/:：／]")
_DATED = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?![讯电])")  # "6月9日讯" opens a news lead
# What a dated photo caption shows; a chronology line ("3月5日 召开推进会") usually names none.
_CAPTION_EVENT = re.compile(r"演讲|致辞|讲话|发言|签约|合影|现场|仪式|会见|会谈|座谈|调研|考察|参观|推介|揭牌|开幕")
SHORT = 40
# A credit line is a caption; a long paragraph that happens to end with "… 摄" stays body text.
MAX_CREDIT_LINE = 100
CAPTION_WINDOW = 10_000


def is_marked_caption(line: str) -> bool:
    """Whether ``line`` is a caption by its own marks (▲, a photo credit ``… 摄``, ``图为…``),
    whatever its neighbours: :func:`lift_captions` lifts every such line."""
    s = line.strip()
    if not s:
        return False
    return _MARKER.match(s) is not None or (
        len(s) <= MAX_CREDIT_LINE and _maybe_credit(s) and _CREDIT.search(s) is not None
    )


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
    lines = [(m.start(), m.end(), m.group().strip()) for m in LINE.finditer(text)]
    n = len(lines)
    kind = [""] * n  # "image", "caption" or ""
    first_content = next((i for i, (_, _, s) in enumerate(lines) if s), -1)
    for i, (_, _, s) in enumerate(lines):
        if not s:
            continue
        if _IMAGE_NAME.match(s) or (len(s) <= 100 and _NO_SENTENCE.match(s) and _DEFAULT_IMAGE.search(s)):
            kind[i] = "image"
        elif _INLINE_CAPTION_HINT.search(s) and (m := _INLINE_CAPTION.search(s)) is not None and m.start() > 0:
            kind[i] = "inline"  # a paragraph with a caption run into its end
        elif is_marked_caption(s):
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
    # line just before a marked caption group is its heading caption. A caption known only by
    # its wording (a scene, an action: "查看所有结果") starts no group: under a menu line that
    # reads like one, the short lines that follow are a headline and a byline, not captions.
    in_group = False
    for i, (_, _, s) in enumerate(lines):
        if not s:
            continue
        if kind[i] == "image" or (kind[i] == "caption" and is_marked_caption(s)):
            in_group = True
            continue
        if kind[i] == "caption":
            in_group = False
            continue
        if in_group and _TEXT_BYLINE.search(s):
            in_group = False  # a writer's byline (文/某某, 记者 某某) belongs to the story, not to a photo
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
        elif k == "inline":
            # A caption run into the paragraph it stood under: "…完工。图为12月6日…穿梭。 王雪玉摄".
            m = _INLINE_CAPTION.search(text, a, b)
            if m is not None:
                edits.append(Edit(m.start(), m.end(), "", "caption", m.group().strip()))
                captions.append(Found(m.start(), m.end(), m.group().strip()))
    step = run_edits("captions", text, edits, "captions moved out of the body, image names dropped")
    step.captions = captions
    return step
