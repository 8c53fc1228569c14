"""Dates: the publication date and the event's first and last day.

A month-day without a year (``12月25日``) takes its year from the publication date (the year
before when that would put the event more than half a year after publication), or else from
the year the article itself names most often. Month and day need their 月/日 markers, so
ordinals such as ``十一届`` never become 1 October.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from pipeline.charclass import HAN_CLASS
from pipeline.extraction.numbers import parse_chinese_int
from pipeline.scan import anchored

_CN = "零〇一二两三四五六七八九十"
_Y = r"(?P<y>(?:19|20)\d{2})"
_M = rf"(?P<m>1[0-2]|0?[1-9]|[{_CN}]{{1,2}})"
_D = rf"(?P<d>3[01]|[12]\d|0?[1-9]|[{_CN}]{{1,3}})"
# A full or month-day date in Chinese, or a numeric y-m-d with one separator style.
# The first day of a range may go without its 日 when the second day has one (10月19至20日).
_BARE_DAY_RANGE = rf"(?=\s*(?:—|–|-|－|~|～|至|到)+\s*(?:3[01]|[12]\d|0?[1-9]|[{_CN}]{{1,3}})[日号])"
_DATE = re.compile(
    rf"(?:{_Y}年)?{_M}月{_D}(?:[日号]|{_BARE_DAY_RANGE})"
    r"|(?P<y2>(?:19|20)\d{2})(?P<sep>[-./])(?P<m2>1[0-2]|0?[1-9])(?P=sep)(?P<d2>3[01]|[12]\d|0?[1-9])(?!\d)"
)
# The second half of a range: another month-day or a bare day (3月30日—4月3日, 10月30日-11月2日, 5日至7日).
_RANGE_TAIL = re.compile(
    rf"[)）]?\s*(?:—|–|-|－|~|～|至|到)+\s*(?:(?P<m>1[0-2]|0?[1-9]|[{_CN}]{{1,2}})月)?(?P<d>3[01]|[12]\d|0?[1-9]|[{_CN}]{{1,3}})[日号]"
)
# Every date holds 月 or a separator after its year, with only digits, numerals and 年 before it.
_find_date_matches = anchored(_DATE, "月-./", "年" + _CN)
# English labels too, as bilingual and Taiwanese sites print them (date 2025-10-21, Published: …).
_PUBLISH_CUE = re.compile(
    r"(?:发布时间|发布日期|发表时间|发布于|发表于|更新时间|时间|日期|来源"
    r"|(?<![A-Za-z])(?:[Dd]ate|DATE|[Pp]ublished|[Pp]osted|[Uu]pdated)(?: on| at)?)\s*[:：]?\s*$"
)
# A header line of a web page: outlet, author, counters (来源：人民网 2023-12-26 | 浏览：120).
_HEADER_WORDS = re.compile(r"来源[:：]|作者[:：]|编辑[:：]|发布时间|发布日期|发布者|发布于|浏览|阅读|点击|字号|\|")
_EVENT_CUE = re.compile(rf"举行|举办|召开|开幕|启动|签约|考察|调研|会见|座谈|出席|在[{HAN_CLASS}]{{1,12}}(?:举|召|开)")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# A year that opens an event's name: digits, then the name, ending in a word for an event.
_NAME_YEAR = re.compile(
    rf"(?<![\d.])((?:19|20)\d{{2}})(?![\d.])年?\s*(?=[{HAN_CLASS}(（])[^。！？\n]{{0,30}}?"
    r"(?:活动|大会|峰会|论坛|博览会|交易会|洽谈会|推介会|说明会|交流会|对接会|节|周)"
)

_NAME_YEAR_CLOSING = re.compile(
    r"(?:活动|大会|峰会|论坛|博览会|交易会|洽谈会|推介会|说明会|交流会|对接会|节|周)[^。！？\n”」』\"]{0,12}?"
    r"[—–\-·\s]((?:19|20)\d{2})[”」』\"][^。！？\n\d]{0,8}$"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    year: int | None
    month: int
    day: int
    start: int
    end: int
    end_month: int | None = None  # set for ranges
    end_day: int | None = None


def _num(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    return parse_chinese_int(s)


# A numeric date with the year last (03/06/2021, 25.11.2024), as Macau, Hong Kong and European pages
# print it. Day and month order is not written, so the reading is taken only when it is unambiguous
# (one part above 12) or when a month-day in the text itself (6月3日) confirms exactly one reading.
_YEAR_LAST = re.compile(
    r"(?<![\d/.\-])(?P<a>3[01]|[12]\d|0?[1-9])(?P<sep>[/.])(?P<b>3[01]|[12]\d|0?[1-9])(?P=sep)"
    r"(?P<y>(?:19|20)\d{2})(?![\d/.])"
)
_MONTH_DAY = re.compile(r"(1[0-2]|0?[1-9])月(3[01]|[12]\d|0?[1-9])[日号]")


def _year_last_dates(text: str, context: str) -> list[DateMention]:
    out: list[DateMention] = []
    written: set[tuple[int, int]] | None = None
    for m in _YEAR_LAST.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if a > 12 and b <= 12:
            mo, d = b, a
        elif b > 12 and a <= 12:
            mo, d = a, b
        elif a > 12:
            continue
        else:
            if written is None:
                flat = re.sub(r"[ \u3000\u00a0]", "", context)
                written = {(int(x), int(z)) for x, z in _MONTH_DAY.findall(flat)}
            readings = {(b, a), (a, b)} & written
            if len(readings) != 1:
                continue  # 03/06 with nothing to say which is the month
            ((mo, d),) = readings
        if _valid(y, mo, d):
            out.append(DateMention(y, mo, d, m.start(), m.end()))
    return out


def find_dates(text: str, context: str | None = None) -> list[DateMention]:
    """Every date mention in ``text``; ``context`` (default ``text``) is where a month-day that
    settles the order of an ambiguous 03/06/2021 is looked for."""
    out = _find_dates(text)
    if "/" in text or "." in text:
        taken = [(m.start, m.end) for m in out]
        extra = [m for m in _year_last_dates(text, text if context is None else context)
                 if not any(a < m.end and m.start < b for a, b in taken)]  # fmt: skip
        if extra:
            out = sorted(out + extra, key=lambda m: m.start)
    return out


def _find_dates(text: str) -> list[DateMention]:
    out: list[DateMention] = []
    last_end = 0
    for m in _find_date_matches(text):
        if m.start() < last_end:
            continue  # the second half of a range already read
        y: int | None
        if m.group("y2"):
            y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        else:
            y = int(m.group("y")) if m.group("y") else None
            if y is None:
                roc = _MINGUO_YEAR.search(text, max(0, m.start() - 10), m.start())
                y = int(roc.group(1)) + 1911 if roc else None
            mo_, d_ = _num(m.group("m")), _num(m.group("d"))
            if mo_ is None or d_ is None:
                continue
            mo, d = mo_, d_
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        end = m.end()
        em = ed = None
        tail = _RANGE_TAIL.match(text, end)
        if tail:
            em_ = _num(tail.group("m")) if tail.group("m") else mo
            ed_ = _num(tail.group("d"))
            if em_ and ed_ and 1 <= em_ <= 12 and 1 <= ed_ <= 31:
                em, ed = em_, ed_
                end = tail.end()
        last_end = end
        out.append(DateMention(y, mo, d, m.start(), end, em, ed))
    return out


_MINGUO_STAMP = re.compile(r"^\s*(\d{2,3})\s*[-./年]\s*(1[0-2]|0?[1-9])\s*[-./月]\s*(3[01]|[12]\d|0?[1-9])(?!\d)")
# A year of the Minguo calendar written out (民国112年8月7日): the Gregorian year is 1911 more.
_MINGUO_YEAR = re.compile(r"民国\s*(\d{1,3})\s*年\s*$")


def minguo_stamp(raw: str) -> date | None:
    """``99-05-17`` read as a Minguo date (2010-05-17), for pages known to be from Taiwan."""
    m = _MINGUO_STAMP.match(raw)
    return _valid(int(m.group(1)) + 1911, int(m.group(2)), int(m.group(3))) if m else None


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def publish_date_in_header(text: str, head_chars: int = 300) -> tuple[date, int, int] | None:
    """A date written as the publication date near the top (``发布时间:2018.11.19``)."""
    head = text[:head_chars]
    for m in find_dates(head, text):
        if m.year is None:
            continue
        line_start = head.rfind("\n", 0, m.start) + 1
        before = head[line_start : m.start]
        line_end = head.find("\n", m.end)
        line = head[line_start : line_end if line_end >= 0 else len(head)]
        header_line = bool(_HEADER_WORDS.search(line)) and "。" not in line
        if (
            _PUBLISH_CUE.search(before)
            or header_line
            or (not before.strip() and _is_date_line(head, m))
            or is_stamp_line(line)
            or head[m.end : m.end + 1] in ("电", "讯")  # a dateline with its year: 【某报2016年6月21日讯】
        ):
            d = _valid(m.year, m.month, m.day)
            if d:
                return d, m.start, m.end
    return _compact_stamp(head)


# A date printed as eight digits (20230808) opening a short line with no sentence in it, as a
# newspaper's reader pages print it before the byline; elsewhere eight digits are ids and numbers.
_COMPACT = re.compile(r"^\s*((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")


def _compact_stamp(head: str) -> tuple[date, int, int] | None:
    pos = 0
    for line in head.splitlines(keepends=True):
        m = _COMPACT.match(line)
        if m and _STAMP_LINE.match(line.strip()):
            d = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d:
                return d, pos + m.start(1), pos + m.end(3)
        pos += len(line)
    return None


_STAMP_LINE = re.compile(r"^[^。，,；;！？!?]{0,40}$")


def is_stamp_line(line: str) -> bool:
    """A short line that holds a full date and no sentence: a printed stamp (``某某日报 2020-10-14 08:50``,
    ``当前报章2020年04月11日``, ``二版 >2014-04-29编印``)."""
    s = line.strip()
    return bool(s) and bool(_STAMP_LINE.match(s)) and any(m.year for m in find_dates(s))


def event_name_year(text: str, m: DateMention) -> int | None:
    """A year written in the sentence of a month-day date, as part of what happens then
    (``1月8日上午，全市2021年第一批重大项目集中开工``, ``定于3月30日举办2025年经贸活动周``)."""
    stop = len(text)
    for mark in "。！？\n":
        k = text.find(mark, m.end)
        if k >= 0:
            stop = min(stop, k)
    y = _YEAR.search(text, m.end, min(stop, m.end + 60))
    if y:
        return int(y.group(1))
    # Before the date, a year opening the event's name, often without 年 (2018安庆(上海)经贸活动
    # 12月19日举行, 2015中国投资环境说明会9月9日召开).
    start = max(text.rfind(mark, 0, m.start) for mark in "。！？\n") + 1
    found = list(_NAME_YEAR.finditer(text, max(start, m.start - 60), m.start))
    if found:
        return int(found[-1].group(1))  # the nearest name before the date
    # A year closing a quoted event name just before the date (“…洽谈会—马拉博—2025”于7月29日).
    closing = _NAME_YEAR_CLOSING.search(text, max(start, m.start - 60), m.start)
    return int(closing.group(1)) if closing else None


def bare_day_events(text: str) -> list[tuple[int, int, int]]:
    """``10日召开``, ``21日代表出席``: a day of the month without its month, followed by an event verb
    or opening a run of days (25日起一连三天). Gives (day, start, end) for each."""
    out = []
    for b in _BARE_DAY.finditer(text):
        d = int(b.group("d"))
        if 1 <= d <= 31 and (_EVENT_CUE.search(text, b.end(), b.end() + 12) or run_from(text, b.end())):
            out.append((d, b.start("d"), b.end()))
    return out


# A run of days opening on the day just written (25日起一连三天, 11月25日起连续两天).
_RUN_FROM = re.compile(rf"起(?:一连|连续|一共|共)(?P<n>\d{{1,2}}|[{_CN}]{{1,2}})[日天]")


def run_from(text: str, pos: int) -> int | None:
    """The number of days of a run that opens on the date ending at ``pos`` (None if none is written)."""
    m = _RUN_FROM.match(text, pos)
    n = _num(m.group("n")) if m else None
    return n if n and 1 <= n <= 31 else None


_BARE_DAY = re.compile(r"(?<![\d月年.\-/:])(?P<d>3[01]|[12]\d|0?[1-9])日(?![电讯])")


def dateline_date(text: str, head_chars: int = 120) -> tuple[int, int, int, int] | None:
    """A news-agency dateline near the top (``中新网南昌12月5日电``): month, day, start, end."""
    for m in find_dates(text[:head_chars]):
        if text[m.end : m.end + 1] in ("电", "讯") and m.end_day is None:
            return m.month, m.day, m.start, m.end
    return None


def _is_date_line(text: str, m: DateMention) -> bool:
    """A line that holds a date, perhaps a time and header words, and no sentence."""
    line_end = text.find("\n", m.end)
    rest = text[m.end : line_end if line_end >= 0 else len(text)]
    return bool(_DATE_LINE_REST.match(rest))


_DATE_LINE_REST = re.compile(
    r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:$|[|｜]|来源|作者|编辑|星期|周[一二三四五六日]|[(（]?\s*(?:星期|周))"
)


def dominant_year(text: str) -> int | None:
    found = _YEAR.findall(text)
    if len(found) <= 1:
        return int(found[0]) if found else None
    return Counter(map(int, found)).most_common(1)[0][0]


def resolve(m: DateMention, published: date | None, fallback_year: int | None) -> tuple[date | None, date | None]:
    """The first and last day of a mention, with a year supplied when it was not written."""
    year = m.year
    if year is None:
        if published is not None:
            year = published.year
            guess = _valid(year, m.month, m.day)
            if guess and (guess - published).days > 183:
                year -= 1
        elif fallback_year is not None:
            year = fallback_year
        else:
            return None, None
    start = _valid(year, m.month, m.day)
    if start is None:
        return None, None
    end = start
    if m.end_month is not None and m.end_day is not None:
        end_year = year + 1 if m.end_month < m.month else year
        end = _valid(end_year, m.end_month, m.end_day) or start
    return start, end


def pick_event_date(text: str, mentions: list[DateMention], skip: tuple[int, int] | None) -> DateMention | None:
    """The mention most likely to be the event's: a range, or one followed by an event verb, early on."""
    best: tuple[float, DateMention] | None = None
    for i, m in enumerate(mentions):
        if skip and m.start < skip[1] and m.end > skip[0]:
            continue
        score = 0.0
        if m.end_day is not None:
            score += 2
        if _EVENT_CUE.search(text, m.end, m.end + 30):
            score += 1
        if text[m.end : m.end + 1] in ("电", "讯"):
            score -= 1.5  # a dateline (南昌12月5日电) dates the report, not the event
        score -= 0.1 * i
        if best is None or score > best[0]:
            best = (score, m)
    return best[1] if best else None


# "From today, three days in a row" (今日起一连三日, 今起连续两天): a range that opens on the
# publication day; the length is written, the first day is the page's own date.
_FROM_TODAY = re.compile(rf"(?:今天|今日|今)起(?:一连|连续|一共|共)?(?P<n>\d{{1,2}}|[{_CN}]{{1,2}})[日天]")


def days_from_today(text: str) -> tuple[int, int, int] | None:
    """``今日起一连三日``: (number of days, start, end) of the first such phrase."""
    for m in _FROM_TODAY.finditer(text):
        n = _num(m.group("n"))
        if n and 1 <= n <= 31:
            return n, m.start(), m.end()
    return None


# A day named relative to the page's date right before an event verb (昨开幕, 今日上午在市会展中心举行):
# the event falls that many days from the publication date. 如今/至今 and 日前 (some days ago) are
# no such day.
_RELATIVE_DAY = re.compile(
    r"(?<![如至迄现而当从古])(?P<w>前天|前日|昨天|昨日|昨|今天|今日|今)"
    r"(?:上午|下午|晚上|晚间|早上|晚)?(?:在[^，。,；;！？\n]{1,15}?)?"
    r"(?:隆重|正式|盛大)?(?:开幕|举行|召开|举办|启动|闭幕|开展|开工|揭牌|揭幕|落幕|签约|开馆)"
)
_RELATIVE_OFFSET = {"前天": -2, "前日": -2, "昨天": -1, "昨日": -1, "昨": -1, "今天": 0, "今日": 0, "今": 0}
# How many days an event runs (一连四日, 为期三天, 连续两天), written near the day it opened.
_RUNS_DAYS = re.compile(rf"(?:一连|连续|为期|一共)(?P<n>\d{{1,2}}|[{_CN}]{{1,2}})[日天]")


def relative_day_event(text: str) -> tuple[int, int, int, int] | None:
    """``昨开幕`` … ``一连四日``: (days from the publication date, days the event runs (1 when not
    written), start, end) of the first relative day before an event verb."""
    m = _RELATIVE_DAY.search(text)
    if m is None:
        return None
    runs = _RUNS_DAYS.search(text, m.end(), m.end() + 150)
    n = _num(runs.group("n")) if runs else None
    return _RELATIVE_OFFSET[m.group("w")], n if n and 1 <= n <= 31 else 1, m.start(), m.end()


# An undated past (日前举行, 近日召开): the event happened some days before the report.
_UNDATED_PAST = re.compile(r"日前|近日|前不久|前些天|不久前|此前")


def undated_past_after(text: str, pos: int) -> bool:
    """The sentence that opens at ``pos`` (a dateline's end) says the event happened 日前 / 近日."""
    stop = len(text)
    for mark in "。！？\n":
        k = text.find(mark, pos)
        if k >= 0:
            stop = min(stop, k)
    return bool(_UNDATED_PAST.search(text, pos, stop))
