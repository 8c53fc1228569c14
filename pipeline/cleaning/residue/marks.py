"""Marks a page's layout or a lost encoding leaves on the lines of the story.

Judged by a mark's place on its line and by the text around it, never by the story's words:

- a one-cell table drawn around the paragraphs of a repost (``| 正文…。 |`` and bars alone on
  their lines): a bar at a prose line's edge, with no bar inside the line, frames nothing but the
  paragraph; a table of several cells (``| 项目 | 金额 |``) has bars inside and stays, and a bar
  alone on its line goes only in a text where such framed prose shows the table;
- a paragraph's indentation lost to a wrong encoding: two full-width spaces that a GBK page
  served as another charset turn into ``??``/``????`` opening every paragraph (or standing where
  a paragraph break was, after a sentence's end). A question mark never opens a paragraph, and
  a question's marks follow its last word, never a space or a sentence's end;
- the ``<正>`` that a journal database (CNKI-style records) prints where an article has no
  abstract of its own and the first lines of the body stand in for one.

Every removal is an edit of the residue step, so it shows in the repair log.
"""

from __future__ import annotations

import re

from pipeline.charclass import HAN_CLASS
from pipeline.offsets import Edit

KIND = "residue"

_BAR = "|｜"
# A line framed by table bars: a bar at its start, at its end, or both, none inside.
_FRAMED = re.compile(rf"^([ \t]*[{_BAR}][ \t]*)?([^{_BAR}\n]*?)([ \t]*[{_BAR}][ \t]*)?$", re.M)
_LONE_BAR = re.compile(rf"^[ \t]*[{_BAR}][ \t]*$", re.M)
_SENTENCE_END = re.compile(r"[。！？!?”」]")
_HAN = re.compile(f"[{HAN_CLASS}]")
_COMMA = re.compile(r"[，,、；;]")
PROSE_HAN = 30


def _prose(s: str) -> bool:
    """A paragraph's text: a sentence's end, or a long run of Han with its clauses."""
    han = len(_HAN.findall(s))
    if han < 8:
        return False
    return bool(_SENTENCE_END.search(s)) or (han >= PROSE_HAN and len(_COMMA.findall(s)) >= 2)


def table_bars(text: str) -> list[Edit]:
    if "|" not in text and "｜" not in text:
        return []
    edits: list[Edit] = []
    for m in _FRAMED.finditer(text):
        lead, body, trail = m.group(1), m.group(2), m.group(3)
        if not (lead or trail) or not _prose(body):
            continue
        if lead:
            edits.append(Edit(m.start(1), m.end(1), "", KIND, "table bar around a paragraph"))
        if trail:
            edits.append(Edit(m.start(3), m.end(3), "", KIND, "table bar around a paragraph"))
    if edits:
        edits += [Edit(m.start(), m.end(), "", KIND, "table bar alone on its line") for m in _LONE_BAR.finditer(text)]
    return edits


# Lost indentation: ASCII question marks (what a failed decoding writes) at a line's start before
# the paragraph's first word, or after a sentence's end (or a number ending a header) and a space,
# where a paragraph break stood.
_INDENT_START = re.compile(rf"^[ \t]*\?{{2,}}[ \t]*(?=[{HAN_CLASS}“「（(])", re.M)
_INDENT_INSIDE = re.compile(
    rf"(?<=[。！!”」）)])[ \t]*\?{{2,}}[ \t]*(?=[{HAN_CLASS}“「])"
    rf"|(?<=[0-9])[ \t]+\?{{3,}}[ \t]*(?=[{HAN_CLASS}“「])"
)
MIN_INSIDE = 2  # inside a line, only in a text where the lost indentation shows more than once


def lost_indentation(text: str) -> list[Edit]:
    if "??" not in text:
        return []
    start = list(_INDENT_START.finditer(text))
    inside = list(_INDENT_INSIDE.finditer(text))
    edits = [Edit(m.start(), m.end(), "", KIND, "lost indentation (question marks)") for m in start]
    if start or len(inside) >= MIN_INSIDE:
        edits += [Edit(m.start(), m.end(), "\n", KIND, "lost paragraph break (question marks)") for m in inside]
    return edits


# "<正>" opening an abstract, at a line's start or after its 摘要 label.
_ABSTRACT_MARK = re.compile(r"(?:^[ \t]*|(?<=摘要)|(?<=摘要[:：])|(?<=摘要[:：] ))[<＜〈]正[>＞〉][ \t]*", re.M)


def abstract_marker(text: str) -> list[Edit]:
    if "正" not in text:
        return []
    return [Edit(m.start(), m.end(), "", KIND, "database abstract marker <正>") for m in _ABSTRACT_MARK.finditer(text)]


def layout_marks(text: str) -> list[Edit]:
    return table_bars(text) + lost_indentation(text) + abstract_marker(text)
