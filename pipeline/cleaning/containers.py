"""Containers around the article body: YAML front matter, HTML markup, markdown syntax.

Each function removes the container and keeps the offset map to the raw source, so a span in
the extracted text still points at the right characters inside the HTML or markdown file.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote

from pipeline.cleaning.base import Found, Step, no_change, run_edits
from pipeline.offsets import Edit

BEIJING = timezone(timedelta(hours=8))

_FRONT_MATTER = re.compile(r"\A\ufeff?\s*^---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_IMAGE_KEYS = ("headimg", "thumbnail", "cover", "image", "images", "img", "banner", "featured_image")
_SIMPLE_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
# A proxy prefix such as https://cors.example.dev/?http://real.host/x.png or ...?url=http%3A...
_WRAPPED = re.compile(r"^https?://[^\s]*?[/?=&](https?(?::|%3A)(?://|%2F%2F).+)$", re.I)
IMAGE_EXT = r"(?:png|jpe?g|gif|webp|bmp|svg|tiff?)"


def unwrap_url(url: str) -> str:
    """Strip proxy/CORS prefixes: the innermost embedded http(s) URL is the real one."""
    url = url.strip()
    while True:
        m = _WRAPPED.match(url)
        if not m:
            return url
        inner = m.group(1)
        url = unquote(inner) if "%3A" in inner[:8].upper() else inner


def parse_date(value: object) -> str | None:
    """A publish date as YYYY-MM-DD in Beijing time; zoned times are converted to +08:00.

    Times without a zone are taken as already local: Chinese outlets print local time.
    """
    if isinstance(value, datetime):
        dt = value
    else:
        s = str(value).strip()
        if not s:
            return None
        if re.match(r"^\d{2,3}\s*[年./-]", s):
            return None  # a two- or three-digit year (99-05-17, a Minguo year on Taiwan pages): no century guessed
        m = re.match(r"^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?(?:\s|$)", s)
        if m and not re.search(r"(GMT|UTC|Z\b|[+-]\d{2}:?\d{2}\s*$)", s):
            try:
                return datetime(int(m[1]), int(m[2]), int(m[3])).strftime("%Y-%m-%d")
            except ValueError:
                return None
        from dateutil import parser as date_parser  # lazy: dateutil costs import time

        try:
            dt = date_parser.parse(s)
        except (ValueError, OverflowError):
            return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(BEIJING)
    return dt.strftime("%Y-%m-%d")


def _as_list(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in re.split(r"[,，、;；]", str(value)) if v.strip()]


_ALIAS_OR_ANCHOR = re.compile(r"^[*&][A-Za-z0-9_-]+(?:\s|$)")


def _fallback_yaml(block: str) -> dict[str, Any]:
    """Key: value lines and '- item' lists, for front matter that YAML cannot parse."""
    out: dict[str, Any] = {}
    key: str | None = None
    for line in block.splitlines():
        item = re.match(r"^\s*-\s+(.*)$", line)
        if item and key is not None:
            prev = out.get(key)
            out[key] = [*(prev if isinstance(prev, list) else []), item.group(1).strip().strip("'\"")]
            continue
        m = _SIMPLE_LINE.match(line)
        if m:
            key = m.group(1)
            value = m.group(2).strip().strip("'\"")
            # An alias or an anchored value read as text would be YAML syntax, not a value.
            out[key] = "" if _ALIAS_OR_ANCHOR.match(value) else value
    return out


# No metadata value from a file is longer than this, and no list longer (a title is ~30 characters;
# a description a few hundred). Longer ones are cut and the article is flagged ``metadata_truncated``.
MAX_META_CHARS = 1000
MAX_META_ITEMS = 100
TRUNCATED_FLAG = "metadata_truncated"


def _bound(value: str, cut: list[str]) -> str:
    if len(value) <= MAX_META_CHARS:
        return value
    cut.append(TRUNCATED_FLAG)
    return value[:MAX_META_CHARS].rstrip() + "…"


def _bound_list(values: list[str], cut: list[str]) -> list[str]:
    if len(values) > MAX_META_ITEMS:
        cut.append(TRUNCATED_FLAG)
        values = values[:MAX_META_ITEMS]
    return [_bound(v, cut) for v in values]


def front_matter_metadata(data: dict[str, Any], cut: list[str] | None = None) -> dict[str, object]:
    """The metadata a front matter gives; every value bounded (a cut is noted in ``cut``)."""
    cut = [] if cut is None else cut
    meta: dict[str, object] = {}
    lower = {str(k).lower(): v for k, v in data.items()}
    for key in ("title", "author", "source", "publisher", "url", "link", "description", "summary"):
        v = lower.get(key)
        if v not in (None, "", []):
            meta[key] = _bound(str(v).strip(), cut)
    for key in ("date", "published", "published_at", "pubdate", "publish_date", "created"):
        if lower.get(key):
            meta["date_raw"] = _bound(str(lower[key]), cut)
            published = parse_date(meta["date_raw"])
            if published:
                meta["published_at"] = published
            break
    cats = _bound_list(_as_list(lower.get("categories") or lower.get("category")), cut)
    if cats:
        meta["categories"] = cats
    tags = _bound_list(_as_list(lower.get("tags")), cut)
    if tags:
        meta["tags"] = tags
    images: list[str] = []
    for key in _IMAGE_KEYS:
        for url in _bound_list(_as_list(lower.get(key)), cut):
            u = unwrap_url(url)
            if u not in images:
                images.append(u)
    if images:
        meta["images"] = images
    if "source" not in meta and "author" in meta:
        meta["source"] = meta["author"]
    return meta


def strip_front_matter(text: str) -> Step:
    """Remove a leading YAML front matter block and parse it into metadata.

    Broken YAML never raises: the block is read line by line instead and the result is flagged.
    YAML that would expand past the bounds of ``bounded_yaml`` (an alias bomb) is read line
    by line too (aliases stay unexpanded) and flagged ``front_matter_limited``, with the reason in
    the metadata (``front_matter_problem``); every value is bounded (``metadata_truncated``).
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return no_change("front_matter", text)
    block = m.group(1)
    flags: list[str] = []
    data: Any
    problem: str | None = None
    try:
        from pipeline.cleaning import bounded_yaml  # lazy: PyYAML costs import time

        data, problem = bounded_yaml.load(block)
    except Exception:  # any YAML error: fall back below rather than fail the import
        data = None
    if problem is not None:
        data = _fallback_yaml(block)
        flags.append("front_matter_limited")
    elif not isinstance(data, dict):
        data = _fallback_yaml(block)
        flags.append("front_matter_broken")
    step = run_edits(
        "front_matter", text, [Edit(0, m.end(), "", "front_matter", "YAML front matter moved to metadata")]
    )
    cut: list[str] = []
    step.metadata = front_matter_metadata(data, cut)
    if problem is not None:
        step.metadata["front_matter_problem"] = f"front matter not expanded: {problem}"
    step.flags = flags + sorted(set(cut))
    return step


# -- HTML ------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
# Never article text: code, metadata, and page chrome (navigation, footers, side bars).
_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "iframe", "svg", "button", "select"}
    | {"nav", "footer", "aside"}
)
_JUNK_ALT = re.compile(rf"^\s*(?:image|img|图片|photo|picture|pic)?\s*(?:\d+)?(?:\.{IMAGE_EXT})?\s*$", re.I)
_FILE_NAME = re.compile(rf"^[\w\-.]+\.{IMAGE_EXT}$", re.I)
_WS = re.compile(r"[ \t\r\n\f\v\u00a0]+")


# The stdlib parser, at the end of the input, tries every construct still open ("<a x=\"", "<!--")
# by scanning to the end of the text for its close, then moves on a few characters: quadratic
# (48 KB of '<a x="' took 7.6 s). Well-formed or merely truncated pages leave one or two open; past
# this many the page is read by the linear tag stripper instead.
MAX_UNCLOSED = 16


class _TooManyUnclosed(Exception):
    pass


class _Collector(HTMLParser):
    """Records where each piece of text and markup starts in the raw source."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.src = text
        self.line_starts = [0]
        for m in re.finditer("\n", text):
            self.line_starts.append(m.end())
        self.keep: list[tuple[int, int, str | None]] = []  # (start, end, replacement or None=verbatim)
        self.breaks: list[int] = []
        self.skip_depth = 0
        self.title_parts: list[str] = []  # joined once: adding to a string per piece is quadratic
        self._in_title = False
        self.images: list[str] = []
        self.alts: list[Found] = []
        self.unclosed = 0

    def _counted(self, end: int) -> int:
        if end < 0:
            self.unclosed += 1
            if self.unclosed > MAX_UNCLOSED:
                raise _TooManyUnclosed
        return end

    # Each construct the parser may try (and fail to close) at the end of the input, counted.
    def parse_starttag(self, i: int) -> int:
        return self._counted(super().parse_starttag(i))

    def parse_endtag(self, i: int) -> int:
        return self._counted(super().parse_endtag(i))

    def parse_comment(self, i: int, report: bool = True) -> int:
        return self._counted(super().parse_comment(i, report))

    def parse_pi(self, i: int) -> int:
        return self._counted(super().parse_pi(i))

    def parse_html_declaration(self, i: int) -> int:
        return self._counted(super().parse_html_declaration(i))

    def parse_bogus_comment(self, i: int, report: bool = True) -> int:
        return self._counted(super().parse_bogus_comment(i, report))

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._pos()
        raw = self.get_starttag_text() or ""
        if tag in _SKIP_TAGS:
            self.skip_depth += 1
            self._in_title = tag == "title"
            return
        if tag in _BLOCK_TAGS:
            self.breaks.append(start)
        if tag == "img":
            a = dict(attrs)
            src = a.get("src") or a.get("data-src") or a.get("data-original")
            if src:
                u = unwrap_url(src)
                if u not in self.images:
                    self.images.append(u)
            alt = (a.get("alt") or "").strip()
            if alt and not _JUNK_ALT.match(alt) and not _FILE_NAME.match(alt):
                self.alts.append(Found(start, start + len(raw), alt))
            self.breaks.append(start)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            self._in_title = False
            return
        if tag in _BLOCK_TAGS:
            self.breaks.append(self._pos())

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        if self.skip_depth:
            return
        start = self._pos()
        self.keep.append((start, start + len(data), None))

    def _ref(self, resolved: str, raw_len: int) -> None:
        if self.skip_depth:
            return
        start = self._pos()
        self.keep.append((start, start + raw_len, resolved))

    def _reference(self, body_len: int) -> None:
        # The raw reference is "&" + name (+ ";" when present); unescape exactly that slice, so
        # legacy forms without ";" ("&amp---") decode as a browser would and the span is exact.
        from html import unescape

        start = self._pos()
        end = start + body_len
        if self.src[end : end + 1] == ";":
            end += 1
        self._ref(unescape(self.src[start:end]), end - start)

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))


def html_to_text(text: str) -> Step:
    """Markup → text through the stdlib HTML parser, which reports source positions.

    Block elements become line breaks; whitespace inside text collapses as a browser would;
    entities are decoded; ``<img>`` sources go to metadata and meaningful ``alt`` texts become
    captions (file names and ``image.png`` placeholders are dropped).
    """
    p = _Collector(text)
    try:
        p.feed(text)
        p.close()
    except Exception:  # the stdlib parser asserts on some broken markup ("<![a(")
        return _strip_tags(text)
    edits: list[Edit] = []
    breaks = sorted(p.breaks)
    bi = 0
    pos = 0

    def gap(a: int, b: int) -> None:
        nonlocal bi
        has_break = False
        while bi < len(breaks) and breaks[bi] < b:
            if breaks[bi] >= a:
                has_break = True
            bi += 1
        if b > a:
            edits.append(Edit(a, b, "\n" if has_break else "", "html", "markup"))

    for start, end, repl in p.keep:
        if start < pos:  # the parser re-reported a span; never emit overlapping edits
            continue
        gap(pos, start)
        if repl is None:
            for m in _WS.finditer(text, start, end):
                if m.group() != " ":
                    edits.append(Edit(m.start(), m.end(), " ", "html", "whitespace"))
        else:
            edits.append(Edit(start, end, repl, "html_entity", "character reference decoded"))
        pos = end
    gap(pos, len(text))
    step = run_edits("html", text, edits, "HTML markup removed, paragraph breaks kept")
    if p.images:
        step.metadata["images"] = p.images
    title = "".join(p.title_parts)
    if title.strip():
        cut: list[str] = []
        step.metadata["html_title"] = _bound(_WS.sub(" ", title).strip(), cut)
        step.flags.extend(cut)
    step.captions = p.alts
    return step


_TAG_OR_COMMENT = re.compile(r"<!--|<[A-Za-z/!][^<>]*>")
_PLAIN_TAG = re.compile(r"<[A-Za-z/!][^<>]*>")


def _tag_spans(text: str) -> list[tuple[int, int]]:
    """The matches of ``<!--.*?-->|<[A-Za-z/!][^<>]*>`` (re.S), in linear time: that regex scans to
    the end of the text for each ``<!--`` that is never closed (quadratic in their number)."""
    last_close = text.rfind("-->")
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _TAG_OR_COMMENT.finditer(text):
        a = m.start()
        if a < pos:
            continue
        if m.group() == "<!--":
            close = text.find("-->", a + 4) if a + 4 <= last_close else -1
            if close >= 0:
                pos = close + 3
            else:
                tag = _PLAIN_TAG.match(text, a)
                if tag is None:
                    continue
                pos = tag.end()
        else:
            pos = m.end()
        spans.append((a, pos))
    return spans


def _strip_tags(text: str) -> Step:
    """Fallback for markup the parser gives up on: drop tags, keep text, break at each tag."""
    edits = [Edit(a, b, "\n", "html", "markup") for a, b in _tag_spans(text)]
    step = run_edits("html", text, edits, "HTML markup removed (fallback after a parser error)")
    step.flags.append("html_parse_error")
    return step


_HTML_HINT = re.compile(r"<(?:p|div|br|img|span|section|article|table|h[1-6]|li|a|strong|b)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    return _HTML_HINT.search(text, 0, 200_000) is not None


# -- markdown ----------------------------------------------------------------------------------

_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(\s*<?[^)\s>]+>?(?:\s+\"[^\"\n]*\")?\s*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+", re.M)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)


def markdown_to_text(text: str) -> Step:
    """Markdown syntax → plain text: images to metadata (alt texts as captions), links to their text."""
    edits: list[Edit] = []
    images: list[str] = []
    captions: list[Found] = []
    taken: list[tuple[int, int]] = []
    for m in _MD_IMAGE.finditer(text):
        u = unwrap_url(m.group(2))
        if u not in images:
            images.append(u)
        alt = m.group(1).strip()
        if alt and not _JUNK_ALT.match(alt) and not _FILE_NAME.match(alt):
            captions.append(Found(m.start(), m.end(), alt))
        edits.append(Edit(m.start(), m.end(), "", "markdown", "image"))
        taken.append((m.start(), m.end()))

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _MD_LINK.finditer(text):
        if free(m.start(), m.end()):
            edits.append(Edit(m.start(), m.end(), m.group(1), "markdown", "link"))
            taken.append((m.start(), m.end()))
    for rx in (_MD_HEADING, _MD_QUOTE, _MD_RULE):
        for m in rx.finditer(text):
            if m.end() > m.start() and free(m.start(), m.end()):
                edits.append(Edit(m.start(), m.end(), "", "markdown", "syntax"))
                taken.append((m.start(), m.end()))
    for m in _MD_EMPH.finditer(text):
        a, b = m.start(), m.end()
        mk = len(m.group(1))
        if free(a, a + mk) and free(b - mk, b):
            edits.append(Edit(a, a + mk, "", "markdown", "emphasis"))
            edits.append(Edit(b - mk, b, "", "markdown", "emphasis"))
    step = run_edits("markdown", text, edits, "markdown syntax removed")
    if images:
        step.metadata["images"] = images
    step.captions = captions
    return step
