"""Outlet and reporter credited in a story's dateline or closing credit line (read, not removed)."""

from __future__ import annotations

import re

from pipeline.cleaning.base import HAN

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

