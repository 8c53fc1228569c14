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
from pipeline.extraction.people import PersonHit, find_people

# The roles of a credit line: a reporter or one of the editors who passed the text (三审制: 一审 or
# 初审, 二审 or 复审, 三审 or 终审), perhaps after the outlet's name (新派融媒体记者).
_ROLE = re.compile(
    r"(?:记者|通讯员|实习生|编辑|责编|主编|摄影|作者|撰稿|校对|审核|审签|签审|编审|监制|[一二三初复终]审)$"
)


def removed_credits(changes: Iterable[Change]) -> list[PersonHit]:
    """Labelled credits (role, separator, name) in the text the cleaner removed, in page order."""
    removed = sorted((c.raw_start, c.before) for c in changes if c.before.strip() and not c.after)
    if not removed:
        return []
    # One line per removal, in page order: a label and its name split over two removed lines
    # (编辑:⏎吴曲波) still meet across the newline, as the byline rule allows.
    text = fold("\n".join(before for _, before in removed))
    return [h for h in find_people(text) if _ROLE.search(h.title)]
