"""Page-info lines (publisher, publish time, click count, editor) moved into metadata."""

from __future__ import annotations

import re

from pipeline.cleaning.base import Step, run_edits
from pipeline.cleaning.containers import parse_date
from pipeline.cleaning.residue.lines import edge_zones, line_matches
from pipeline.offsets import Edit

_FIELD_KEYS: dict[str, str] = {}
for _name, _keys in {
    "publisher": "发布者 发布人 发布单位 发布机构",
    "source": "来源 信息来源 稿件来源 文章来源 新闻来源 出处 供稿",
    "author": "作者 撰稿 撰文 记者 通讯员",
    "editor": "编辑 责任编辑 责编 编审 审核 校对 值班编辑",
    "published_raw": "发布时间 发布日期 发表时间 发稿时间 更新时间 日期 时间 发布于时间",
    "click_count": "点击率 点击数 点击量 点击 浏览次数 浏览量 浏览 阅读量 阅读数 阅读 访问量 访问次数",
    "published_location": "发布于",
}.items():
    for _k in _keys.split():
        _FIELD_KEYS[_k] = _name
_KEY_RX = "|".join(sorted(_FIELD_KEYS, key=len, reverse=True))
_FIELD = re.compile(rf"[【\[(（]?({_KEY_RX}) *[:：] *")
_DATE_HEAD = r"(?:\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?: *\d{1,2}:\d{2}(?::\d{2})?)?)"
_INFO_LINE = re.compile(rf"^ *(?:{_DATE_HEAD} *)?[【\[(（]?(?:{_KEY_RX}) *[:：][^\n]{{0,160}}$", re.M)
_COLON = re.compile("[:：]")  # in every info line
HINTED = ((_INFO_LINE, _COLON),)


# Page tools that share the info line (来源：X  字号：[大 中 小]  【打印】) are not part of a value.
_PAGE_TOOL_TAIL = re.compile(r"\s*[【\[]?(?:字号|字体|打印|关闭|分享|收藏|返回)[\s\S]*$")


def _parse_fields(line: str) -> dict[str, str] | None:
    """Split ``发布者:X  发布时间:Y  点击率:N`` into fields; None when the line is prose."""
    matches = list(_FIELD.finditer(line))
    if not matches:
        return None
    head = line[: matches[0].start()].strip()
    out: dict[str, str] = {}
    if head:
        if not re.fullmatch(_DATE_HEAD, head):
            return None
        out["published_raw"] = head
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = _PAGE_TOOL_TAIL.sub("", line[m.end() : end]).strip().strip("】]）)").strip()
        # Prose has sentence punctuation in it; page-info values do not.
        if re.search(r"[。！？；]|，.*，", value) or len(value) > 40:
            return None
        key = _FIELD_KEYS[m.group(1)]
        out.setdefault(key, value)
        if key in ("author", "editor") and value:
            # The label as written (责任编辑, 记者, 通讯员) is the credited person's title.
            out.setdefault(key + "_label", m.group(1))
    return out


_AMBIGUOUS_KEYS = re.compile("时间|日期|阅读|浏览|点击|记者|通讯员|审核|校对")
def extract_page_info(text: str) -> Step:
    """Move publisher / publish time / click-count / editor lines into metadata."""
    edits: list[Edit] = []
    meta: dict[str, object] = {}
    zones: tuple[int, int] | None = None  # found when first needed: most texts have no info line
    for m in line_matches(_INFO_LINE, _COLON, text):
        fields = _parse_fields(m.group())
        if fields is None:
            continue
        # "时间：5月20日 地点：南昌" inside the story is an event, not page info: keys that are
        # also ordinary words count only at the top or bottom of the page, or next to a clear key.
        keys = _FIELD.findall(m.group())
        if len(keys) == 1 and _AMBIGUOUS_KEYS.fullmatch(keys[0]):
            if zones is None:
                zones = edge_zones(text)
            head_end, tail_start = zones
            if not (m.start() < head_end or m.start() >= tail_start):
                continue
        edits.append(Edit(m.start(), m.end(), "", "page_info", m.group().strip()))
        for key, value in fields.items():
            if not value:
                continue
            if key == "click_count":
                digits = re.search(r"\d+", value)
                if digits:
                    meta.setdefault("click_count", int(digits.group()))
            elif key == "published_raw":
                meta.setdefault("published_raw", value)
                date = parse_date(value)
                if date:
                    meta.setdefault("published_at", date)
            else:
                meta.setdefault(key, value)
    if "publisher" in meta:
        meta.setdefault("source", meta["publisher"])
    step = run_edits("page_info", text, edits, "publisher / time / click-count lines moved to metadata")
    step.metadata = meta
    return step


