"""People credited on the page-info lines the cleaner removed (编辑|李榕, 审核:许秋洪, 二审:冯媛媛).

Cleaning takes a page's closing credit block out of the body (boilerplate, page info), but GOLD.md
lists reporters and editors as people. The removed text is still in ``result.changes``: it is read
here by the body's people rules, and only a name whose title is a credit role (a reporter's, an
editor's) is kept, so a removed menu or a list of other headlines (市长张三…) gives no person.
Such people have no evidence in the cleaned text; their rule says where they came from
(``removed-credit``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.document import Change
from pipeline.extraction.normalize import fold
from pipeline.extraction.organizations import organization_form
from pipeline.extraction.people import PersonHit, find_people, glued_outlet_split, plausible_name

# The roles of a credit line: a reporter or one of the editors who passed the text (三审制: 一审 or
# 初审, 二审 or 复审, 三审 or 终审), perhaps after the outlet's name (新派融媒体记者).
_ROLE = re.compile(
    r"(?:记者|通讯员|实习生|编辑|责编|主编|摄影|作者|撰稿|校对|审核|审签|签审|编审|监制|[一二三初复终]审)$"
)


def _removed_text(changes: Iterable[Change]) -> str:
    removed = sorted((c.raw_start, c.before) for c in changes if c.before.strip() and not c.after)
    # One line per removal, in page order: a label and its name split over two removed lines
    # (编辑:⏎吴曲波) still meet across the newline, as the byline rule allows.
    return fold("\n".join(before for _, before in removed))


def removed_credits(changes: Iterable[Change]) -> list[PersonHit]:
    """Labelled credits (role, separator, name) in the text the cleaner removed, in page order."""
    text = _removed_text(changes)
    if not text:
        return []
    return [h for h in find_people(text) if _ROLE.search(h.title)]


# An editor's or reviewer's label and what follows it up to the end of the line or a space.
_CREDIT_VALUE = re.compile(
    r"(?:记者|通讯员|编辑|责任编辑|责编|主编|作者|撰稿|校对|审校|审核|[一二三初复终]审)\s*[:：/|]\s*(?P<v>[^\s:：/|]{2,16})"
)


def removed_credit_outlets(changes: Iterable[Change]) -> list[str]:
    """Outlets named on the removed credit lines: in the label's place (编辑:鲁南网) or run on after the
    name (责任编辑:余凌古田网)."""
    text = _removed_text(changes)
    out: list[str] = []
    for m in _CREDIT_VALUE.finditer(text) if text else ():
        value = m.group("v")
        whole = organization_form(value)
        glued = glued_outlet_split(text, m.start("v"))[1]
        if glued:
            out.append(glued)  # a name first, then the outlet (余凌 古田网)
        elif whole and not plausible_name(value):
            out.append(whole)
    return out
